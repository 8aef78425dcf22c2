import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts';

/** What a guard is asked about: one locale of one document. */
export interface GuardTarget {
  uid: string;
  documentId: string;
  locale: string;
  /**
   * Whether this actor wrote part of the version under review (created the locale, submitted it this
   * round, or changed its content since the last approval): their checks of it are not independent.
   */
  isParticipant: (actor: Actor) => boolean;
}

/** A guard answers with problems an editor can act on, one sentence each; none means pass. */
export type Guard = (target: GuardTarget) => Promise<string[]>;

// Named checks that transitions require, registered by the app (`register('quotes-verified', fn)`).
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  const guards = new Map<string, Guard>();
  return {
    register(name: string, guard: Guard) {
      if (guards.has(name))
        throw new Error(`editorial-workflow: guard "${name}" is already registered`);
      guards.set(name, guard);
    },
    has(name: string) {
      return guards.has(name);
    },
    async run(names: string[], target: GuardTarget): Promise<string[]> {
      const problems: string[] = [];
      for (const name of names) {
        const guard = guards.get(name);
        if (!guard) throw new Error(`editorial-workflow: guard "${name}" is not registered`);
        problems.push(...(await guard(target)));
      }
      return problems;
    },
  };
};
