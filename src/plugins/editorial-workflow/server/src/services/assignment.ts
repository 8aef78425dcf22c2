import type { Core } from '@strapi/strapi';
import type { Actor, Assignee, DocumentState } from '../../../shared/contracts';
import { transitionAction } from '../../../shared/contracts';
import { ASSIGN_ACTION } from '../../../shared/assignment';
import { decideAssignment } from '../domain/assignment';
import { reviewTransitionOf, stageById } from '../domain/definition';
import { conflict, invalid, notFound, toError } from './errors';
import type { Target } from './state-store';
import type { MayTransition } from './workflow';
import { getService } from '../utils';

export interface AssignOptions {
  /** Whether the caller holds the `assign` permission. */
  mayAssign: boolean;
  /** Transitions the caller may make (for the state returned). */
  may: MayTransition;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const definition = () => getService(strapi, 'definition').get();
  const store = () => getService(strapi, 'state-store');

  const service = {
    /**
     * Who reviews this stage: holders of its review move (reviewTransitionOf). Only a stage with
     * `assignTo` takes assignees; decideAssignment says so.
     */
    async reviewersOf(stageId: string): Promise<Assignee[]> {
      const transition = reviewTransitionOf(definition(), stageId);
      if (!transition) return [];
      const users = await getService(strapi, 'desk-users').holding(transitionAction(transition));
      return users.map(({ id, name }) => ({ id, name }));
    },

    /** The stage id named by `?stage=`, checked: known and taking assignees. */
    assignableStage(stageId: string) {
      const def = definition();
      const stage = stageById(def, stageId);
      if (!stage)
        throw invalid(
          'stage',
          `Unknown stage "${stageId}" (known: ${def.stages.map((s) => s.id).join(', ')})`
        );
      if (!stage.assignTo)
        throw invalid(
          'stage',
          `Stories in "${stage.name}" take no assignee (only stages with assignTo do)`
        );
      return stage;
    },

    /**
     * Assigns (or unassigns) one story, all or nothing: the state (version bumped), the copy on the
     * document's rows, the history entry and the notification commit together.
     */
    async assign(
      target: Target,
      request: { assignee: number | null; expectedVersion: number | null },
      actor: Actor,
      { mayAssign, may }: AssignOptions
    ): Promise<DocumentState> {
      const def = definition();
      await store().ensure(target);
      const [requestedUser] =
        request.assignee === null
          ? [null]
          : await getService(strapi, 'desk-users').byIds([request.assignee]);

      const result = await strapi.db.transaction(async () => {
        await store().lock([target]);
        const state = await store().find(target);
        if (!state) throw notFound(`No workflow state for ${target.documentId}`);
        const stage = stageById(def, state.stage)!;
        const reviewers = await service.reviewersOf(state.stage);
        const decision = decideAssignment({
          stage,
          requiredAction: stage.assignTo ? transitionAction(stage.assignTo) : '',
          version: state.version,
          current: state.assignee,
          actorId: actor.id ?? -1,
          mayAssign,
          assignAction: ASSIGN_ACTION,
          requested: request.assignee,
          requestedUser: requestedUser ? { id: requestedUser.id, name: requestedUser.name } : null,
          requestedEligible: reviewers.some((r) => r.id === request.assignee),
          expectedVersion: request.expectedVersion,
        });
        if (!decision.ok) throw toError(decision.refusal);
        // Assigning the one already assigned changes nothing and records nothing.
        if (!decision.changed) return state;

        if (!(await store().swapAssignee(state, decision.assignee))) {
          throw conflict(
            'Someone else changed this document at the same time: reload and try again',
            {
              stage: state.stage,
              version: state.version,
            }
          );
        }
        const entry = (await store().appendHistory(target, {
          transition: 'assign',
          from: state.stage,
          to: state.stage,
          actor,
          comment: null,
          assignee: decision.assignee,
        })) as { id?: number };
        // Nobody is told of what they did themselves.
        if (decision.assignee && decision.assignee.id !== actor.id) {
          await getService(strapi, 'notifications').enqueue({
            kind: 'assigned',
            target,
            actor,
            recipients: [decision.assignee.id],
            eventKey: `assigned:${entry.id}`,
            data: { assignee: decision.assignee.name },
          });
        }
        return { ...state, version: state.version + 1, assignee: decision.assignee };
      });
      return getService(strapi, 'workflow').describe(target, result, actor, may);
    },
  };
  return service;
};
