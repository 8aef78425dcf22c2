// The `editorial-workflow.transition` webhook: selectable like Strapi's own events, sent after the
// move commits, to a receiver on this machine. What is emitted is read from a spy on Strapi's event
// hub (the webhook runner's only source), so "nothing was sent" needs no waiting.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import { createStory, giveStoryTo, transitionUrl } from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
let receiver: http.Server;
const received: { headers: http.IncomingHttpHeaders; body: any }[] = [];
let chief: Awaited<ReturnType<typeof createAdmin>>;
let author: Awaited<ReturnType<typeof createAdmin>>;

const waitFor = async (predicate: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting for the webhook');
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  app = await startTestApp();
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
  author = await createAdmin(app, 'strapi-author', 'Alex');
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await app?.stop();
  await new Promise((r) => receiver.close(r));
});

/** Events emitted on Strapi's event hub under the workflow's name, recorded as `emit` is called. */
const spyOnTransitionEvents = () => {
  const emit = vi.spyOn(app.strapi.eventHub, 'emit');
  return () =>
    emit.mock.calls
      .filter(([name]) => name === 'editorial-workflow.transition')
      .map(([, payload]) => payload);
};

it('is accepted as a webhook event and delivered after each move, with its payload', async () => {
  const emitted = spyOnTransitionEvents();
  const { port } = receiver.address() as AddressInfo;
  const webhook = await app.request
    .post('/admin/webhooks')
    .set(chief.auth)
    .send({
      name: 'newsroom bus',
      url: `http://127.0.0.1:${port}/hook`,
      headers: {},
      events: ['editorial-workflow.transition'],
    });
  expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);

  const unknown = await app.request
    .post('/admin/webhooks')
    .set(chief.auth)
    .send({
      name: 'typo',
      url: `http://127.0.0.1:${port}/x`,
      headers: {},
      events: ['editorial-workflow.transitions'],
    });
  expect(unknown.status).toBe(400);

  const { documentId } = await createStory(app, 'Hooked', { quotes: [{ text: '«q»' }] });
  await giveStoryTo(app, documentId, author.user.id); // an Author moves only their own stories
  const res = await app.request
    .post(transitionUrl(documentId))
    .set(author.auth)
    .send({ transition: 'submit', comment: 'Please check' });
  expect(res.status).toBe(200);
  // Emitted before the response is sent; delivered by the webhook runner shortly after.
  expect(emitted()).toEqual([
    expect.objectContaining({ documentId, locale: 'en', transition: 'submit' }),
  ]);
  await waitFor(() => received.length === 1);
  expect(received[0].body).toEqual({
    event: 'editorial-workflow.transition',
    uid: 'api::article.article',
    documentId,
    locale: 'en',
    transition: 'submit',
    from: 'draft',
    to: 'fact_check',
    actor: { type: 'admin', id: author.user.id, name: 'Alex Tester' },
    comment: 'Please check',
    createdAt: res.body.data.history[0].createdAt,
    // A submit changes nothing readers see: nothing to purge.
    cacheTags: [],
  });

  // A refused move commits nothing, so nothing is emitted, hence nothing is sent.
  const refused = await app.request
    .post(transitionUrl(documentId))
    .set(chief.auth)
    .send({ transition: 'approve' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.name).toBe('ValidationError');
  expect(emitted()).toHaveLength(1);
  expect(received).toHaveLength(1);
});
