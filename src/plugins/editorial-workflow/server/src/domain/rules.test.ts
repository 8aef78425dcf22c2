import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/contracts';
import { parseWorkflowConfig } from './definition';
import { NEWSROOM_CONFIG } from './fixtures';
import {
  afterEdit,
  allowedTransitions,
  applyMove,
  commentPrompt,
  decideMove,
  dutyBlocker,
  guardRefusal,
  publishingEffect,
  sameActor,
  type WorkflowState,
} from './rules';

const def = parseWorkflowConfig(NEWSROOM_CONFIG);
const writer: Actor = { type: 'admin', id: 1, name: 'Alex Author' };
const checker: Actor = { type: 'admin', id: 2, name: 'Fiona Factchecker' };
const editor: Actor = { type: 'admin', id: 3, name: 'Eddie Editor' };
const state = (stage: string, extra: Partial<WorkflowState> = {}): WorkflowState => ({
  stage,
  version: 4,
  enteredStageAt: new Date(0),
  author: writer,
  submitter: stage === 'draft' ? null : writer,
  editors: [],
  lastActor: writer,
  ...extra,
});
const request = (
  transition: string,
  comment: string | null = 'because',
  expectedVersion: number | null = null
) => ({
  transition,
  comment,
  expectedVersion,
});
const everything = () => true;
const nothing = () => false;

// Every stage × transition × permission, for an actor who is neither author nor submitter.
const STAGES = ['draft', 'fact_check', 'published'];
const STARTS: Record<string, string> = {
  submit: 'draft',
  request_changes: 'fact_check',
  approve: 'fact_check',
  retract: 'published',
};
const TABLE = STAGES.flatMap((stage) =>
  Object.keys(STARTS).flatMap((transition) =>
    [true, false].map((permitted) => {
      const expected = !permitted ? 403 : STARTS[transition] !== stage ? 409 : 'ok';
      return [stage, transition, permitted, expected] as const;
    })
  )
);

describe('decideMove: every stage × transition × permission', () => {
  it.each(TABLE)('in %s, %s with permission %s → %s', (stage, transition, permitted, expected) => {
    const decision = decideMove(
      def,
      state(stage),
      request(transition),
      editor,
      permitted ? everything : nothing
    );
    if (expected === 'ok') {
      expect(decision.ok).toBe(true);
    } else {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.refusal.status).toBe(expected);
    }
  });
});

describe('decideMove: what else is checked', () => {
  it('refuses an unknown transition with 400, before permissions', () => {
    const d = decideMove(def, state('draft'), request('publish_now'), editor, nothing);
    expect(d).toMatchObject({ ok: false, refusal: { status: 400, name: 'ValidationError' } });
    if (!d.ok)
      expect(d.refusal.message).toBe(
        'Unknown transition "publish_now" (known: submit, request_changes, approve, retract)'
      );
  });

  it('requires a comment where the transition says so, in its own words', () => {
    const retract = decideMove(
      def,
      state('published'),
      request('retract', null),
      editor,
      everything
    );
    expect(retract).toMatchObject({
      ok: false,
      refusal: {
        status: 400,
        name: 'ValidationError',
        message: 'Retracting takes the story down: say why.',
        details: {
          errors: [{ path: ['comment'], message: 'Retracting takes the story down: say why.' }],
        },
      },
    });
    // Without a commentPrompt in the config, a plain request naming the move.
    const d = decideMove(
      def,
      state('fact_check'),
      request('request_changes', null),
      editor,
      everything
    );
    expect(d).toMatchObject({
      ok: false,
      refusal: { status: 400, message: '"Request changes" needs a comment: say why.' },
    });
    expect(decideMove(def, state('draft'), request('submit', null), editor, everything).ok).toBe(
      true
    );
  });

  it("commentPrompt: the config's words, a plain request, or nothing for a move without a comment", () => {
    const byId = (id: string) => def.transitions.find((t) => t.id === id)!;
    expect(commentPrompt(byId('retract'))).toBe('Retracting takes the story down: say why.');
    expect(commentPrompt(byId('request_changes'))).toBe(
      '"Request changes" needs a comment: say why.'
    );
    expect(commentPrompt(byId('submit'))).toBeUndefined();
  });

  it('refuses comments over 5,000 characters', () => {
    const d = decideMove(
      def,
      state('draft'),
      request('submit', 'x'.repeat(5001)),
      editor,
      everything
    );
    expect(d).toMatchObject({ ok: false, refusal: { status: 400, name: 'ValidationError' } });
    expect(
      decideMove(def, state('draft'), request('submit', 'x'.repeat(5000)), editor, everything).ok
    ).toBe(true);
  });

  it('refuses a stale expectedVersion with 409', () => {
    const d = decideMove(def, state('draft'), request('submit', null, 3), editor, everything);
    expect(d).toMatchObject({
      ok: false,
      refusal: { status: 409, name: 'ConflictError', details: { version: 4 } },
    });
    expect(decideMove(def, state('draft'), request('submit', null, 4), editor, everything).ok).toBe(
      true
    );
  });

  it('separation of duties: neither the submitter nor the author may approve', () => {
    const submittedByOther = state('fact_check', { author: checker, submitter: editor });
    expect(decideMove(def, submittedByOther, request('approve'), editor, everything)).toMatchObject(
      {
        ok: false,
        refusal: {
          status: 403,
          message:
            'Separation of duties: someone else must make "Approve and publish", because you submitted this story for this round',
        },
      }
    );
    const writtenByChecker = state('fact_check', { author: checker, submitter: editor });
    expect(
      decideMove(def, writtenByChecker, request('approve'), checker, everything)
    ).toMatchObject({
      ok: false,
      refusal: { status: 403, message: expect.stringContaining('because you created this story') },
    });
    expect(decideMove(def, state('fact_check'), request('approve'), checker, everything).ok).toBe(
      true
    );
    // The author may still send it back.
    expect(
      decideMove(def, state('fact_check'), request('request_changes'), writer, everything).ok
    ).toBe(true);
  });

  it('separation of duties can be turned off', () => {
    const relaxed = parseWorkflowConfig({ ...NEWSROOM_CONFIG, separationOfDuties: false });
    expect(
      decideMove(relaxed, state('fact_check'), request('approve'), writer, everything).ok
    ).toBe(true);
  });
});

describe('allowedTransitions and dutyBlocker', () => {
  it('lists the moves from this stage that this actor holds permission for', () => {
    const ids = (s: WorkflowState, may: (t: string) => boolean) =>
      allowedTransitions(def, s, may).map((t) => t.id);
    expect(ids(state('fact_check'), everything)).toEqual(['request_changes', 'approve']);
    expect(ids(state('fact_check'), (t) => t === 'approve')).toEqual(['approve']);
    expect(ids(state('draft'), (t) => t === 'submit')).toEqual(['submit']);
    expect(ids(state('published'), everything)).toEqual(['retract']);
    expect(ids(state('published'), nothing)).toEqual([]);
  });

  it('keeps a move separation of duties stops, and dutyBlocker says why in the refusal’s words', () => {
    // The submitter (who also wrote it) holds approve: it is listed, with the reason it is stopped.
    const inReview = state('fact_check');
    expect(allowedTransitions(def, inReview, everything).map((t) => t.id)).toEqual([
      'request_changes',
      'approve',
    ]);
    const approve = def.transitions.find((t) => t.id === 'approve')!;
    const requestChanges = def.transitions.find((t) => t.id === 'request_changes')!;
    const reason = dutyBlocker(def, approve, inReview, writer);
    expect(reason).toBe(
      'Separation of duties: someone else must make "Approve and publish", because you submitted this story for this round'
    );
    // The same words refuse the move itself.
    const decision = decideMove(def, inReview, request('approve'), writer, everything);
    expect(decision).toEqual({
      ok: false,
      refusal: { status: 403, name: 'ForbiddenError', message: reason },
    });
    expect(dutyBlocker(def, approve, state('fact_check', { submitter: editor }), writer)).toMatch(
      /because you created this story$/
    );
    expect(
      dutyBlocker(def, approve, state('fact_check', { author: null, editors: [editor] }), editor)
    ).toMatch(/because you changed its content since it was last approved$/);
    // Someone else, a move without separation of duties, or the rule turned off: nothing stops it.
    expect(dutyBlocker(def, approve, inReview, checker)).toBeNull();
    expect(dutyBlocker(def, requestChanges, inReview, writer)).toBeNull();
    const relaxed = parseWorkflowConfig({ ...NEWSROOM_CONFIG, separationOfDuties: false });
    expect(dutyBlocker(relaxed, approve, inReview, writer)).toBeNull();
  });
});

describe('applyMove and afterEdit', () => {
  it('records the submitter on leaving draft and forgets them on return', () => {
    const submitted = applyMove(def, state('draft'), def.transitions[0], editor, new Date(1000));
    expect(submitted).toMatchObject({
      stage: 'fact_check',
      version: 5,
      submitter: editor,
      lastActor: editor,
      enteredStageAt: new Date(1000),
    });
    const approved = applyMove(def, submitted, def.transitions[2], checker, new Date(2000));
    expect(approved).toMatchObject({
      stage: 'published',
      version: 6,
      submitter: editor,
      lastActor: checker,
    });
    const retracted = applyMove(def, approved, def.transitions[3], editor, new Date(3000));
    expect(retracted).toMatchObject({ stage: 'draft', submitter: null });
  });

  it('an edit after approval or during fact-check sends the working copy back to draft, as a move', () => {
    for (const stage of ['published', 'fact_check']) {
      expect(afterEdit(def, state(stage), editor, new Date(5))).toEqual({
        state: {
          ...state(stage),
          stage: 'draft',
          version: 5,
          enteredStageAt: new Date(5),
          submitter: null,
          editors: [editor],
          lastActor: editor,
        },
        moved: true,
      });
    }
  });

  it('an edit in draft only adds the editor to the round, once', () => {
    expect(afterEdit(def, state('draft'), editor, new Date(5))).toEqual({
      state: { ...state('draft'), editors: [editor] },
      moved: false,
    });
    expect(afterEdit(def, state('draft', { editors: [editor] }), editor, new Date(5))).toBeNull();
  });

  it('approval clears the contributors; request changes keeps them', () => {
    const inReview = state('fact_check', { editors: [editor] });
    expect(applyMove(def, inReview, def.transitions[2], checker, new Date(1)).editors).toEqual([]);
    expect(applyMove(def, inReview, def.transitions[1], checker, new Date(1)).editors).toEqual([
      editor,
    ]);
  });

  it('whoever changed the content since the last approval may not approve it', () => {
    const decision = decideMove(
      def,
      state('fact_check', { editors: [editor] }),
      request('approve'),
      editor,
      everything
    );
    expect(decision).toMatchObject({ ok: false, refusal: { status: 403, name: 'ForbiddenError' } });
    if (!decision.ok)
      expect(decision.refusal.message).toMatch(
        /you changed its content since it was last approved/
      );
    expect(
      dutyBlocker(def, def.transitions[2], state('fact_check', { editors: [editor] }), editor)
    ).toBe(decision.ok ? null : decision.refusal.message);
    expect(
      decideMove(
        def,
        state('fact_check', { editors: [editor] }),
        request('approve'),
        checker,
        everything
      ).ok
    ).toBe(true);
  });

  it('publishing effects follow the stages', () => {
    expect(def.transitions.map((t) => [t.id, publishingEffect(def, t)])).toEqual([
      ['submit', null],
      ['request_changes', null],
      ['approve', 'publish'],
      ['retract', 'unpublish'],
    ]);
  });
});

describe('guardRefusal and sameActor', () => {
  it('lists every problem', () => {
    expect(guardRefusal(def.transitions[2], [])).toBeNull();
    expect(guardRefusal(def.transitions[2], ['A is unverified.', 'B has no speaker.'])).toEqual({
      status: 400,
      name: 'ValidationError',
      message: '"Approve and publish" is not possible yet: A is unverified. B has no speaker.',
      details: { problems: ['A is unverified.', 'B has no speaker.'] },
    });
  });
  it('compares by type and id, or by name for system actors', () => {
    expect(sameActor(writer, { ...writer, name: 'renamed' })).toBe(true);
    expect(sameActor(writer, { ...writer, type: 'api-token' })).toBe(false);
    expect(
      sameActor({ type: 'system', id: null, name: 'a' }, { type: 'system', id: null, name: 'a' })
    ).toBe(true);
    expect(
      sameActor({ type: 'system', id: null, name: 'a' }, { type: 'system', id: null, name: 'b' })
    ).toBe(false);
    expect(sameActor(writer, null)).toBe(false);
  });
});
