// Seeding and checking over HTTP, as the scenarios' users: admin routes (Content Manager, workflow,
// webhooks) with an admin access token, and the public content API as a reader.
import type { APIRequestContext, APIResponse } from '@playwright/test';

export const ARTICLE = 'api::article.article';
export const QUOTE = 'api::quote.quote';
const PERSON = 'api::person.person';
const SOURCE = 'api::source.source';
const LOCALE = 'en';

/** The body of an answer with the expected status; anything else throws with what the server said. */
const expectStatus = async (res: APIResponse, status: number) => {
  if (res.status() !== status)
    throw new Error(`${res.url()}: expected ${status}, got ${res.status()} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
};

export class AdminApi {
  constructor(private readonly request: APIRequestContext) {}

  async createPerson(data: { name: string; role?: string }): Promise<string> {
    const res = await this.request.post(`/content-manager/collection-types/${PERSON}`, { data });
    return (await expectStatus(res, 201)).data.documentId;
  }

  async createSource(data: { name: string; type?: string; reliability?: string }): Promise<string> {
    const res = await this.request.post(`/content-manager/collection-types/${SOURCE}`, { data });
    return (await expectStatus(res, 201)).data.documentId;
  }

  /** A draft story, created by this user. */
  async createStory(data: { title: string; standfirst?: string }): Promise<string> {
    const res = await this.request.post(
      `/content-manager/collection-types/${ARTICLE}?locale=${LOCALE}`,
      { data }
    );
    return (await expectStatus(res, 201)).data.documentId;
  }

  async createQuote({
    text,
    speaker,
    source,
    article,
  }: {
    text: string;
    speaker: string;
    source: string;
    article: string;
  }): Promise<string> {
    const res = await this.request.post(
      `/content-manager/collection-types/${QUOTE}?locale=${LOCALE}`,
      {
        data: {
          text,
          speaker: { connect: [{ documentId: speaker }] },
          source: { connect: [{ documentId: source }] },
          article: { connect: [{ documentId: article, locale: LOCALE }] },
        },
      }
    );
    return (await expectStatus(res, 201)).data.documentId;
  }

  /** Changes a quote's content (which sends its verdict back to unverified). */
  async updateQuote(documentId: string, data: { text: string }) {
    const res = await this.request.put(
      `/content-manager/collection-types/${QUOTE}/${documentId}?locale=${LOCALE}`,
      { data }
    );
    await expectStatus(res, 200);
  }

  async verifyQuote(documentId: string, verificationNote: string) {
    const res = await this.request.put(
      `/content-manager/collection-types/${QUOTE}/${documentId}?locale=${LOCALE}`,
      {
        data: { verification: 'verified', verificationNote },
      }
    );
    await expectStatus(res, 200);
  }

  /** A workflow move on a story; the new state. */
  async move(documentId: string, transition: string, comment?: string) {
    const res = await this.request.post(
      `/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=${LOCALE}`,
      {
        data: comment ? { transition, comment } : { transition },
      }
    );
    return (await expectStatus(res, 200)).data as { stage: string; live: boolean };
  }

  async createWebhook(data: {
    name: string;
    url: string;
    events: string[];
  }): Promise<{ id: number }> {
    const res = await this.request.post('/admin/webhooks', { data: { headers: {}, ...data } });
    return (await expectStatus(res, 201)).data;
  }

  async webhook(id: number): Promise<{ name: string; events: string[] }> {
    return (await expectStatus(await this.request.get(`/admin/webhooks/${id}`), 200)).data;
  }

  /** Imports wire copy as this user (the admin's import route); what it created. */
  async importWire(data: { content: string; allowDuplicate?: boolean }) {
    const res = await this.request.post(`/editorial-workflow/import/${ARTICLE}`, {
      data: { locale: LOCALE, ...data },
    });
    return (await expectStatus(res, 201)).data as {
      stories: { documentId: string; title: string; quotes: string[] }[];
    };
  }

  /** Settings → Response cache's figures, as this user reads them. */
  async cacheStats(): Promise<{ entries: number; hits: number }> {
    return (await expectStatus(await this.request.get('/editorial-workflow/cache'), 200)).data;
  }
}

export interface PublicQuote {
  documentId: string;
  text: string;
  verification: string;
}
export interface PublicStory {
  documentId: string;
  title: string;
  standfirst: string | null;
  quotes: PublicQuote[];
}

const storyUrl = (documentId: string) =>
  `/api/articles/${documentId}?locale=${LOCALE}&populate=quotes`;

export class ReaderApi {
  constructor(private readonly request: APIRequestContext) {}

  /** The story as readers get it, with its quotes; null when nothing of it is published. */
  async story(documentId: string): Promise<PublicStory | null> {
    const res = await this.request.get(storyUrl(documentId));
    if (res.status() === 404) return null;
    return (await expectStatus(res, 200)).data;
  }

  /** Reads the story page as above and says where the answer came from: `HIT` or `MISS`. */
  async storyFromCache(documentId: string): Promise<string | undefined> {
    const res = await this.request.get(storyUrl(documentId));
    await expectStatus(res, 200);
    return res.headers()['x-cache'];
  }
}

export interface Api {
  chief: AdminApi;
  author: AdminApi;
  checker: AdminApi;
  editor: AdminApi;
  reader: ReaderApi;
}

export type StoryStage = 'draft' | 'fact_check' | 'published';

/**
 * A story by the author with one quote (its speaker and source created by the author too, so that an
 * Author, who reads only what they created, can see them), moved to `stage`: submitted by the author,
 * and for `published` verified and approved by the fact-checker.
 */
export const seedStory = async (
  api: Api,
  {
    title,
    standfirst,
    quote,
    stage,
  }: { title: string; standfirst?: string; quote: string; stage: StoryStage }
) => {
  const speaker = await api.author.createPerson({ name: `Speaker of ${title}` });
  const source = await api.author.createSource({
    name: `Source of ${title}`,
    type: 'official',
    reliability: 'A',
  });
  const story = await api.author.createStory({ title, standfirst });
  const quoteId = await api.author.createQuote({ text: quote, speaker, source, article: story });
  if (stage !== 'draft') await api.author.move(story, 'submit');
  if (stage === 'published') {
    await api.checker.verifyQuote(quoteId, 'Checked against the recording.');
    await api.checker.move(story, 'approve');
  }
  return { story, quote: quoteId, speaker, source };
};
