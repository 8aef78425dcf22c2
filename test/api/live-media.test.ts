// A story's media is part of what the fact-checker approved: a file that a live story shows is changed
// only by those who may approve stories, and deleted by nobody, through every upload route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { ARTICLE, createStory } from '../helpers/workflow';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const LIVE_TITLE = 'Story with a cover';

let app: Awaited<ReturnType<typeof startTestApp>>;
let author: Record<string, string>;
let editor: Record<string, string>;
let chief: Record<string, string>;
let token: Record<string, string>;
let liveFile: number;
let spareFile: number;

const upload = async (auth: Record<string, string>, name: string) => {
  const res = await app.request.post('/upload').set(auth).attach('files', PNG, name);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[0].id as number;
};
const fileRow = (id: number) =>
  app.strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id }, select: ['alternativeText', 'name'] });
const publicCover = async (documentId: string) =>
  (await app.request.get(`/api/articles/${documentId}?populate[cover][fields][0]=alternativeText`))
    .body.data?.cover;

beforeAll(async () => {
  app = await startTestApp();
  author = (await createAdmin(app, 'strapi-author', 'Alex')).auth;
  editor = (await createAdmin(app, 'strapi-editor', 'Eddie')).auth;
  chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
  token = (await createApiToken(app, 'full-access')).auth;
  liveFile = await upload(author, 'minsk-rally.png');
  spareFile = await upload(author, 'unused.png');
  const story = await createStory(app, LIVE_TITLE);
  await app.strapi
    .documents(ARTICLE)
    .update({ documentId: story.documentId, locale: 'en', data: { cover: liveFile } });
  await publishThroughWorkflow(app, story.documentId);
  expect(await publicCover(story.documentId)).toMatchObject({ id: liveFile });
});
afterAll(async () => {
  await app?.stop();
});

const expectRefused = (res: any, status: number, name: string, message: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe(name);
  expect(res.body.error.message).toMatch(message);
  expect(res.body.error.details.stories).toEqual([LIVE_TITLE]);
};

describe('changing a file that a live story shows', () => {
  it.each([
    [
      'PUT /upload/files/:id (file info)',
      () =>
        app.request
          .put(`/upload/files/${liveFile}`)
          .set(author)
          .send({ fileInfo: { alternativeText: 'swapped' } }),
    ],
    [
      'POST /upload?id= (file info through the multiplexer)',
      () =>
        app.request
          .post(`/upload?id=${liveFile}`)
          .set(author)
          .send({ fileInfo: { alternativeText: 'swapped' } }),
    ],
    [
      'POST /upload/files/:id/replace',
      () =>
        app.request
          .post(`/upload/files/${liveFile}/replace`)
          .set(author)
          .attach('files', PNG, 'other.png'),
    ],
    [
      'POST /upload/actions/bulk-update',
      () =>
        app.request
          .post('/upload/actions/bulk-update')
          .set(author)
          .send({ updates: [{ id: liveFile, fileInfo: { alternativeText: 'swapped' } }] }),
    ],
  ])(
    '%s by an Author (who may not approve) is refused with 403 naming the story; nothing changes',
    async (_name, send) => {
      const before = await fileRow(liveFile);
      expectRefused(
        await send(),
        403,
        'ForbiddenError',
        /shown by live stories \(«Story with a cover»\): only those who may approve stories may change it/
      );
      expect(await fileRow(liveFile)).toEqual(before);
    }
  );

  it('an Editor (who may approve) may change it, and readers see it at once, as with reference data', async () => {
    const res = await app.request
      .put(`/upload/files/${liveFile}`)
      .set(editor)
      .send({ fileInfo: { alternativeText: 'Protesters in Minsk' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await fileRow(liveFile)).alternativeText).toBe('Protesters in Minsk');
  });

  it('the Author may still change a file no live story shows', async () => {
    const res = await app.request
      .put(`/upload/files/${spareFile}`)
      .set(author)
      .send({ fileInfo: { alternativeText: 'Not used yet' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('deleting a file that a live story shows', () => {
  it.each([
    [
      'DELETE /upload/files/:id (super admin)',
      () => app.request.delete(`/upload/files/${liveFile}`).set(chief),
    ],
    [
      'POST /upload/actions/bulk-delete (super admin)',
      () =>
        app.request
          .post('/upload/actions/bulk-delete')
          .set(chief)
          .send({ fileIds: [liveFile], folderIds: [] }),
    ],
    [
      'DELETE /api/upload/files/:id (full-access token)',
      () => app.request.delete(`/api/upload/files/${liveFile}`).set(token),
    ],
  ])('%s is refused with 409 naming the story; the file stays', async (_name, send) => {
    expectRefused(
      await send(),
      409,
      'ConflictError',
      /shown by live stories \(«Story with a cover»\): take it out of them and approve them again before deleting it/
    );
    expect(await fileRow(liveFile)).not.toBeNull();
  });

  it('a file no live story shows can be deleted', async () => {
    const res = await app.request.delete(`/upload/files/${spareFile}`).set(chief);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await fileRow(spareFile)).toBeNull();
  });
});
