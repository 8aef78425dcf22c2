// A list filtered through a media field (`filters[cover][name]`) holds no tag of the files it
// matched on: renaming a live story's cover must still evict it, both ways (into and out of the list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, publishThroughWorkflow } from '../helpers/identities';
import { ARTICLE, createStory } from '../helpers/workflow';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

let app: Awaited<ReturnType<typeof startTestApp>>;
let chief: Record<string, string>;
let fileId: number;
let storyId: string;

beforeAll(async () => {
  app = await startTestApp();
  chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
  const res = await app.request.post('/upload').set(chief).attach('files', PNG, 'before.png');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  fileId = res.body[0].id;
  const story = await createStory(app, 'Cover filter');
  storyId = story.documentId;
  await app.strapi
    .documents(ARTICLE)
    .update({ documentId: storyId, locale: 'en', data: { cover: fileId } });
  await publishThroughWorkflow(app, storyId);
});
afterAll(async () => {
  await app?.stop();
});

const byCover = (name: string) => `/api/articles?locale=en&filters[cover][name][$eq]=${name}`;
const idsOf = (res: any) => res.body.data.map((a: any) => a.documentId);

describe('a list filtered by its stories’ cover', () => {
  it('gains and loses a story when its cover is renamed', async () => {
    // Both lists cached: one holds the story, one is empty.
    for (const name of ['before.png', 'after.png']) await app.request.get(byCover(name));
    const held = await app.request.get(byCover('before.png'));
    expect(held.headers['x-cache']).toBe('HIT');
    expect(idsOf(held)).toEqual([storyId]);
    const empty = await app.request.get(byCover('after.png'));
    expect(empty.headers['x-cache']).toBe('HIT');
    expect(idsOf(empty)).toEqual([]);

    const renamed = await app.request
      .put(`/upload/files/${fileId}`)
      .set(chief)
      .send({ fileInfo: { name: 'after.png' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);

    const gained = await app.request.get(byCover('after.png'));
    expect(gained.status).toBe(200);
    expect(gained.headers['x-cache']).toBe('MISS');
    expect(idsOf(gained)).toEqual([storyId]);
    const lost = await app.request.get(byCover('before.png'));
    expect(lost.headers['x-cache']).toBe('MISS');
    expect(idsOf(lost)).toEqual([]);
  });
});
