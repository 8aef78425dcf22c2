// Test identities: admin users (JWT from /admin/login), API tokens, end users.
import crypto from 'node:crypto';
import type { TestApp } from './strapi';

export const PASSWORD = 'Test-password-1';

/** An admin user with a role given by code (`strapi-editor`) or by name (`Fact-checker`), logged in. */
export const createAdmin = async (app: TestApp, role: string, name = role) => {
  const found = await app.strapi.db
    .query('admin::role')
    .findOne({ where: role.startsWith('strapi-') ? { code: role } : { name: role } });
  if (!found) throw new Error(`no admin role ${role}`);
  const roleId = found.id;
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${crypto.randomBytes(3).toString('hex')}@test.example`;
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Tester',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  const res = await app.request.post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    user,
    token: res.body.data.token as string,
    auth: { Authorization: `Bearer ${res.body.data.token}` },
  };
};

export const createApiToken = async (
  app: TestApp,
  type: 'read-only' | 'full-access' | 'custom',
  permissions: string[] = []
) => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-${type}-${crypto.randomBytes(3).toString('hex')}`,
    type,
    permissions: type === 'custom' ? permissions : undefined,
    lifespan: null,
  });
  return { token, auth: { Authorization: `Bearer ${token.accessKey}` } };
};

/** An end user of the content API (users-permissions, Authenticated role). */
export const createReader = async (app: TestApp) => {
  const username = `reader${crypto.randomBytes(3).toString('hex')}`;
  const res = await app.request
    .post('/api/auth/local/register')
    .send({ username, email: `${username}@test.example`, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { jwt: res.body.jwt as string, auth: { Authorization: `Bearer ${res.body.jwt}` } };
};

/** Two distinct system actors: separation of duties holds between them. */
export const WRITER = { type: 'system' as const, id: null, name: 'test writer' };
export const CHECKER = { type: 'system' as const, id: null, name: 'test checker' };

/** Publishes one locale of an article (and its quotes) the only way there is: submit, then approve. */
export const publishThroughWorkflow = async (app: TestApp, documentId: string, locale = 'en') => {
  const workflow = app.strapi.plugin('editorial-workflow').service('workflow');
  const target = { uid: 'api::article.article', documentId, locale };
  const anyMove = () => true;
  await workflow.transition(target, { transition: 'submit' }, WRITER, anyMove);
  return workflow.transition(target, { transition: 'approve' }, CHECKER, anyMove);
};
