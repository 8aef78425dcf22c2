import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE } from '../content/types';
import { actAs } from './act-as';
import { DEMO_STORIES, loadDemoDrafts } from './load-demo';

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
 * The demo newsroom, through the editorial workflow: the sample story written and submitted by
 * the author, its quotes verified and the story approved by the fact-checker, so it is live; the
 * second story submitted and waiting in fact-check with an unverified quote. Running it again
 * changes nothing that is already there.
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

  const content = await actAs(strapi, people.author, () => loadDemoDrafts(strapi));

  if (content.live.created) {
    await move(content.live.documentId, author, 'submit');
    await actAs(strapi, people.factChecker, async () => {
      for (const [i, documentId] of content.live.quoteIds.entries()) {
        await strapi.documents(QUOTE).update({
          documentId,
          locale: LOCALE,
          data: {
            verification: 'verified',
            verificationNote: DEMO_STORIES.live.quotes[i].verificationNote,
          } as any,
        });
      }
    });
    await move(content.live.documentId, factChecker, 'approve');
  }
  if (content.waiting.created) await move(content.waiting.documentId, author, 'submit');
  return content;
};
