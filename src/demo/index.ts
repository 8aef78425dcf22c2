import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE } from '../content/types';
import { actAs } from './act-as';
import { loadDemoDrafts } from './load-demo';

const LOCALE = 'en';

type Actor = { type: 'admin' | 'system'; id: number | null; name: string };
export interface DemoPeople {
  author?: any;
  factChecker?: any;
}

const actorOf = (user: any, fallback: string): Actor =>
  user
    ? { type: 'admin', id: user.id, name: `${user.firstname} ${user.lastname}` }
    : { type: 'system', id: null, name: fallback };

/**
 * The demo newsroom, through the editorial workflow: the sample wire copy imported and submitted by
 * the author, its quotes verified and the story approved by the fact-checker, so it is live; the
 * second story imported, submitted and waiting in fact-check with an unverified quote. Running it
 * again changes nothing that is already there.
 */
export const loadDemoContent = async (strapi: Core.Strapi, people: DemoPeople = {}) => {
  const author = actorOf(people.author, 'Demo author');
  const factChecker = actorOf(people.factChecker, 'Demo fact-checker');
  const workflow = strapi.plugin('editorial-workflow').service('workflow');
  const anyMove = () => true;
  const move = (documentId: string, actor: Actor, transition: string) =>
    workflow.transition(
      { uid: ARTICLE, documentId, locale: LOCALE },
      { transition },
      actor,
      anyMove
    );

  const content = await actAs(strapi, people.author, () =>
    loadDemoDrafts(strapi, { actor: author, user: people.author })
  );

  if (content.live.created) {
    await move(content.live.documentId, author, 'submit');
    await actAs(strapi, people.factChecker, async () => {
      for (const { documentId, facts } of content.live.quotes) {
        if (!facts.verificationNote) continue;
        await strapi.documents(QUOTE).update({
          documentId,
          locale: LOCALE,
          data: { verification: 'verified', verificationNote: facts.verificationNote } as any,
        });
      }
    });
    await move(content.live.documentId, factChecker, 'approve');
  }
  if (content.waiting.created) await move(content.waiting.documentId, author, 'submit');
  return content;
};
