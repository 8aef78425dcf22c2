// The workflow is declared in config: a four-stage workflow works with no code change, a bad
// definition stops the boot naming the key, and documents that predate the workflow join it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootInChildProcess,
  bootStrapi,
  createTestDatabase,
  distWithPluginsConfig,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import {
  ARTICLE,
  createStory,
  publicStory,
  snapshot,
  stateUrl,
  transitionUrl,
} from '../helpers/workflow';

const STAGES = [
  { id: 'draft', name: 'Draft', color: '#8e8ea9', initial: true },
  { id: 'fact_check', name: 'Fact-check', color: '#d9822f' },
  { id: 'legal_review', name: 'Legal review', color: '#7b79ff' },
  { id: 'published', name: 'Published', color: '#328048', publishes: true },
];
const FOUR_STAGES = {
  contentTypes: [ARTICLE],
  stages: STAGES,
  transitions: [
    { id: 'submit', name: 'Submit for fact-check', from: 'draft', to: 'fact_check' },
    {
      id: 'request_changes',
      name: 'Request changes',
      from: ['fact_check', 'legal_review'],
      to: 'draft',
      requireComment: true,
    },
    {
      id: 'clear_facts',
      name: 'Facts check out',
      from: 'fact_check',
      to: 'legal_review',
      guards: ['quotes-verified'],
    },
    {
      id: 'approve',
      name: 'Legal approves',
      from: 'legal_review',
      to: 'published',
      separationOfDuties: true,
    },
    { id: 'retract', name: 'Retract', from: 'published', to: 'draft', requireComment: true },
  ],
  publishWith: { [ARTICLE]: ['quotes'] },
};
const plugins = (workflow: unknown, enabled = true) => ({
  'users-permissions': { config: { jwtSecret: process.env.JWT_SECRET ?? 'test' } },
  'editorial-workflow': { enabled, resolve: './src/plugins/editorial-workflow', config: workflow },
});

describe('a four-stage workflow from config alone', () => {
  let database: TestDatabase;
  let app: TestApp;
  let dist: ReturnType<typeof distWithPluginsConfig>;
  beforeAll(async () => {
    database = await createTestDatabase();
    dist = distWithPluginsConfig(plugins(FOUR_STAGES));
    app = await bootStrapi(database, {}, { distDir: dist.dir });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    dist?.remove();
  });

  it('goes draft → fact_check → legal_review → published, publishing only at the end', async () => {
    const chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
    const lawyer = await createAdmin(app, 'strapi-super-admin', 'Lawyer');
    const info = await app.request.get('/editorial-workflow/workflow').set(chief.auth);
    expect(info.body.data.stages.map((s: any) => s.id)).toEqual([
      'draft',
      'fact_check',
      'legal_review',
      'published',
    ]);

    const { documentId } = await createStory(app, 'Needs a lawyer', {
      quotes: [{ text: '«Q»', verification: 'verified' }],
    });
    const go = (who: any, transition: string) =>
      app.request.post(transitionUrl(documentId)).set(who.auth).send({ transition });
    expect((await go(chief, 'submit')).body.data.stage).toBe('fact_check');
    expect((await go(chief, 'approve')).status).toBe(409);
    const cleared = await go(chief, 'clear_facts');
    expect(cleared.body.data).toMatchObject({ stage: 'legal_review', live: false });
    expect(await publicStory(app, documentId)).toBeNull();
    const bySubmitter = await go(chief, 'approve');
    expect(bySubmitter.status).toBe(403);
    const approved = await go(lawyer, 'approve');
    expect(approved.body.data).toMatchObject({ stage: 'published', live: true });
    expect((await publicStory(app, documentId)).quotes).toHaveLength(1);

    const permissions = await app.request.get('/admin/permissions').set(chief.auth);
    const actions = permissions.body.data.sections.plugins.map((p: any) => p.action);
    expect(actions).toEqual(
      expect.arrayContaining(['plugin::editorial-workflow.transition.clear-facts'])
    );
  });
});

describe('a bad definition stops the boot', () => {
  it.each([
    [
      {
        ...FOUR_STAGES,
        transitions: [
          ...FOUR_STAGES.transitions,
          { id: 'skip', name: 'Skip', from: 'draft', to: 'live' },
        ],
      },
      'transitions[5].to names no stage ("live")',
    ],
    [
      { ...FOUR_STAGES, contentTypes: ['api::story.story'], publishWith: {} },
      'contentTypes[0] names no content type ("api::story.story")',
    ],
    [
      { ...FOUR_STAGES, stages: STAGES.map((st) => ({ ...st, initial: false })) },
      'stages must have exactly one initial stage (found 0)',
    ],
    [
      {
        ...FOUR_STAGES,
        transitions: FOUR_STAGES.transitions.map((t) =>
          t.id === 'clear_facts' ? { ...t, guards: ['lawyer-happy'] } : t
        ),
      },
      'transitions[2].guards[0] names no registered guard ("lawyer-happy")',
    ],
  ])('%#: %s', async (workflow, message) => {
    const database = await createTestDatabase();
    const dist = distWithPluginsConfig(plugins(workflow));
    try {
      const result = bootInChildProcess(database.env, dist.dir);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`Invalid editorial-workflow config: ${message}`);
    } finally {
      dist.remove();
      await database.drop();
    }
  });
});

describe('documents that predate the workflow', () => {
  it('join it in a stage that matches them: live ones published, the rest draft', async () => {
    const database = await createTestDatabase();
    const off = distWithPluginsConfig(plugins(FOUR_STAGES, false));
    let app: TestApp | null = null;
    try {
      app = await bootStrapi(database, {}, { distDir: off.dir });
      const live = await app.strapi.documents(ARTICLE).create({ data: { title: 'Old and live' } });
      await app.strapi.documents(ARTICLE).publish({ documentId: live.documentId });
      const drafted = await app.strapi.documents(ARTICLE).create({ data: { title: 'Old draft' } });
      await app.stop();

      app = await bootStrapi(database);
      expect((await snapshot(app, live.documentId)).states).toEqual([['en', 'published', 1]]);
      expect((await snapshot(app, drafted.documentId)).states).toEqual([['en', 'draft', 1]]);
      const chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
      const state = await app.request.get(stateUrl(live.documentId)).set(chief.auth);
      expect(state.body.data).toMatchObject({ stage: 'published', live: true, history: [] });
      expect(
        (
          await app.request
            .post(transitionUrl(live.documentId))
            .set(chief.auth)
            .send({ transition: 'retract', comment: 'old' })
        ).status
      ).toBe(200);
      expect(await publicStory(app, live.documentId)).toBeNull();
    } finally {
      await app?.stop();
      off.remove();
      await database.drop();
    }
  });
});

describe('separation of duties can be switched off', () => {
  it('WORKFLOW_SEPARATION_OF_DUTIES=false lets the submitter approve', async () => {
    const database = await createTestDatabase();
    const app = await bootStrapi(database, { WORKFLOW_SEPARATION_OF_DUTIES: 'false' });
    try {
      const chief = await createAdmin(app, 'strapi-super-admin', 'Solo');
      const { documentId } = await createStory(app, 'One-person newsroom');
      await app.request
        .post(transitionUrl(documentId))
        .set(chief.auth)
        .send({ transition: 'submit' });
      const res = await app.request
        .post(transitionUrl(documentId))
        .set(chief.auth)
        .send({ transition: 'approve' });
      expect(res.status).toBe(200);
    } finally {
      await app.stop();
      await database.drop();
      delete process.env.WORKFLOW_SEPARATION_OF_DUTIES;
    }
  });
});
