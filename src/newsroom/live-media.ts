import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../content/types';
import { conflict, forbidden } from './errors';
import { mayApproveStories } from './editorial-rights';

// Files in the media library have no drafts: replacing an image or rewriting its alternative text
// changes every live story that shows it, at once. Like reference data, a file a live story shows is
// changed only by those who may approve stories, and deleted by nobody. The upload plugin writes
// files with strapi.db.query, past the Document Service, so the rule is a policy on its routes.

const FILE = 'plugin::upload.file';
const FOLDER = 'plugin::upload.folder';

type Change = 'change' | 'delete';

/** Upload routes that change or delete existing files, and where each names them. */
const FILE_ROUTES: {
  type: 'admin' | 'content-api';
  method: string;
  path: string;
  change: Change;
}[] = [
  { type: 'admin', method: 'POST', path: '/', change: 'change' }, // ?id= replaces a file or its info
  { type: 'admin', method: 'PUT', path: '/files/:id', change: 'change' },
  { type: 'admin', method: 'POST', path: '/files/:id/replace', change: 'change' },
  { type: 'admin', method: 'DELETE', path: '/files/:id', change: 'delete' },
  { type: 'admin', method: 'POST', path: '/actions/bulk-update', change: 'change' },
  { type: 'admin', method: 'POST', path: '/actions/bulk-delete', change: 'delete' },
  { type: 'admin', method: 'POST', path: '/actions/generate-ai-metadata', change: 'change' },
  { type: 'content-api', method: 'POST', path: '/', change: 'change' },
  { type: 'content-api', method: 'DELETE', path: '/files/:id', change: 'delete' },
];

const ids = (values: unknown[]): number[] =>
  values.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0);

/** The existing files a request to one of FILE_ROUTES would change. */
const filesNamed = async (strapi: Core.Strapi, ctx: any): Promise<number[]> => {
  const body = ctx.request?.body ?? {};
  const named = ids([
    ctx.params?.id,
    ctx.request?.query?.id ?? ctx.query?.id,
    ...(Array.isArray(body.fileIds) ? body.fileIds : []),
    ...(Array.isArray(body.updates) ? body.updates.map((u: any) => u?.id) : []),
  ]);
  const folderIds = ids(Array.isArray(body.folderIds) ? body.folderIds : []);
  if (folderIds.length > 0) {
    // Deleting a folder deletes every file below it.
    const folders = await strapi.db
      .query(FOLDER as any)
      .findMany({ where: { id: { $in: folderIds } }, select: ['path'] });
    for (const { path } of folders) {
      const files = await strapi.db.query(FILE as any).findMany({
        where: { $or: [{ folderPath: path }, { folderPath: { $startsWith: `${path}/` } }] },
        select: ['id'],
      });
      named.push(...files.map((f: any) => f.id as number));
    }
  }
  return [...new Set(named)];
};

/** Live stories (published rows) that show one of these files. */
const liveStoriesUsingFiles = async (strapi: Core.Strapi, fileIds: number[]) => {
  if (fileIds.length === 0) return [];
  const media = Object.entries<any>((strapi.getModel(ARTICLE as any) as any).attributes).filter(
    ([, a]) => a.type === 'media'
  );
  const stories = new Map<string, string>();
  for (const [field] of media) {
    const rows = await strapi.db.query(ARTICLE as any).findMany({
      where: { publishedAt: { $notNull: true }, [field]: { id: { $in: fileIds } } },
      select: ['documentId', 'locale', 'title'],
    });
    for (const row of rows) stories.set(`${row.documentId}:${row.locale}`, row.title);
  }
  return [...stories.values()];
};

const named = (titles: string[]) => titles.map((t) => `«${t}»`).join(', ');

/** Throws when changing (or deleting) these files would change a live story past the workflow. */
export const assertFilesMayChange = async (
  strapi: Core.Strapi,
  fileIds: number[],
  change: Change
): Promise<void> => {
  const live = await liveStoriesUsingFiles(strapi, fileIds);
  if (live.length === 0) return;
  if (change === 'delete') {
    throw conflict(
      `This file is shown by live stories (${named(live)}): take it out of them and approve them again before deleting it`,
      {
        stories: live,
      }
    );
  }
  if (!(await mayApproveStories(strapi))) {
    throw forbidden(
      `This file is shown by live stories (${named(live)}): only those who may approve stories may change it, because the change reaches readers at once`,
      { stories: live }
    );
  }
};

export const liveMediaPolicy = async (
  ctx: any,
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const route = FILE_ROUTES.find(
    (r) =>
      r.method === ctx.request.method &&
      r.path === ctx.state?.route?.path &&
      r.type === ctx.state?.route?.info?.type
  );
  if (!route) return true;
  await assertFilesMayChange(strapi, await filesNamed(strapi, ctx), route.change);
  return true;
};

/**
 * The same rule on the GraphQL plugin's file mutations (`updateUploadFile`, `deleteUploadFile`),
 * which call the upload service directly: a resolver middleware (src/newsroom/graphql.ts).
 */
export const liveMediaResolverGuard =
  (strapi: Core.Strapi, change: Change) =>
  async (resolve: any, parent: unknown, args: any, context: unknown, info: unknown) => {
    await assertFilesMayChange(strapi, ids([args?.id]), change);
    return resolve(parent, args, context, info);
  };

/** Puts the policy on the upload plugin's routes that change or delete files (app register phase). */
export const guardLiveMedia = (strapi: Core.Strapi) => {
  const upload = strapi.plugin('upload') as any;
  for (const type of ['admin', 'content-api'] as const) {
    for (const route of upload?.routes?.[type]?.routes ?? []) {
      if (
        !FILE_ROUTES.some(
          (r) => r.type === type && r.method === route.method && r.path === route.path
        )
      )
        continue;
      route.config = {
        ...(route.config ?? {}),
        policies: [...(route.config?.policies ?? []), 'global::live-media'],
      };
    }
  }
};
