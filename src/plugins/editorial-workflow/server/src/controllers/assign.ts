import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { transitionAction } from '../../../shared/contracts';
import { ASSIGN_ACTION } from '../../../shared/assignment';
import { adminActor } from '../services/actor';
import { invalid } from '../services/errors';
import { getService } from '../utils';
import { targetFromRequest } from './shared';

const POSITIVE = 'must be a positive integer';
const bodySchema = z.strictObject(
  {
    assignee: z.union([z.number().int().min(1), z.null()], {
      error: `assignee must be an admin user id (a positive integer) or null`,
    }),
    expectedVersion: z
      .number({ error: `expectedVersion ${POSITIVE}` })
      .int(`expectedVersion ${POSITIVE}`)
      .min(1, `expectedVersion ${POSITIVE}`)
      .nullish(),
  },
  { error: 'The body must be a JSON object' }
);

const parseBody = (body: unknown) => {
  const parsed = bodySchema.safeParse(body);
  if (parsed.success)
    return { assignee: parsed.data.assignee, expectedVersion: parsed.data.expectedVersion ?? null };
  const issue =
    parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys')
    throw invalid(
      issue.keys[0],
      `Unknown key "${issue.keys[0]}" (expected assignee, expectedVersion)`
    );
  if (issue.path.length === 0) throw invalid('body', issue.message);
  // A missing assignee reads as "undefined": say what is expected.
  const path = issue.path.map(String).join('.');
  throw invalid(
    path,
    path === 'assignee'
      ? 'assignee must be an admin user id (a positive integer) or null'
      : issue.message
  );
};

const single = (value: unknown, name: string) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(name, `${name} must be a single value`);
  return value;
};

const mayFor = (ctx: any) => (transitionId: string) =>
  Boolean(ctx.state.userAbility?.can(transitionAction(transitionId)));

// Assignment routes (routes/admin-assign.ts): thin; the rules are in domain/assignment.ts.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async assign(ctx: any) {
    const { userAbility } = ctx.state;
    const target = await targetFromRequest(strapi, ctx, userAbility);
    await getService(strapi, 'access').assertMayUpdate(userAbility, target);
    const request = parseBody(ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'assignment').assign(
        target,
        request,
        adminActor(ctx.state.user),
        { mayAssign: Boolean(userAbility?.can(ASSIGN_ACTION)), may: mayFor(ctx) }
      ),
    };
  },

  async assignees(ctx: any) {
    const assignment = getService(strapi, 'assignment');
    const stageId = single(ctx.query.stage, 'stage');
    const uid = single(ctx.query.uid, 'uid');
    const documentId = single(ctx.query.documentId, 'documentId');
    const locale = single(ctx.query.locale, 'locale');
    let stage: string;
    if (uid || documentId) {
      if (!uid || !documentId)
        throw invalid(uid ? 'documentId' : 'uid', 'uid and documentId go together');
      const target = await getService(strapi, 'workflow').resolveTarget(
        uid,
        documentId,
        locale,
        ctx.state.userAbility
      );
      stage = (await getService(strapi, 'state-store').ensure(target)).stage;
      assignment.assignableStage(stage);
    } else if (stageId) {
      stage = assignment.assignableStage(stageId).id;
    } else {
      throw invalid('stage', 'Give a stage, or a story by uid and documentId');
    }
    // `me` and `mayAssign` let the panel offer Take, Release and Assign without asking again.
    ctx.body = {
      data: await assignment.reviewersOf(stage),
      meta: {
        me: ctx.state.user?.id ?? null,
        mayAssign: Boolean(ctx.state.userAbility?.can(ASSIGN_ACTION)),
      },
    };
  },
});
