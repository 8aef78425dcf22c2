import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/contracts';
import { parseWorkflowConfig, WorkflowConfigError } from './definition';
import { NEWSROOM_CONFIG, SCHEDULING_CONFIG } from './fixtures';
import { afterEdit, applyMove, decideMove, type WorkflowState } from './rules';
import {
  afterTakedown,
  destinationOf,
  dueAction,
  parseSchedulerConfig,
  scheduledComment,
  scheduledPublishTransition,
  scheduleRefusal,
  timesAfterMove,
  unscheduleTransition,
} from './schedule';

const def = parseWorkflowConfig(SCHEDULING_CONFIG);
const plain = parseWorkflowConfig(NEWSROOM_CONFIG);
const approve = def.transitions.find((t) => t.id === 'approve')!;
const submit = def.transitions.find((t) => t.id === 'submit')!;
const now = new Date('2030-01-01T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const writer: Actor = { type: 'admin', id: 1, name: 'Writer' };
const checker: Actor = { type: 'admin', id: 2, name: 'Checker' };
const state = (stage: string, extra: Partial<WorkflowState> = {}): WorkflowState => ({
  stage,
  version: 3,
  enteredStageAt: new Date(0),
  author: writer,
  submitter: writer,
  editors: [writer],
  lastActor: writer,
  publishAt: null,
  unpublishAt: null,
  ...extra,
});

describe('the scheduling stage in the definition', () => {
  it('is reached by an approval with publishAt, and names its publish and unschedule moves', () => {
    expect(def.stages.find((s) => s.id === 'scheduled')).toMatchObject({ schedules: true });
    expect(scheduledPublishTransition(def)?.id).toBe('publish_now');
    expect(unscheduleTransition(def)?.id).toBe('unschedule');
    expect(scheduledPublishTransition(plain)).toBeNull();
  });

  it.each([
    [
      'a second scheduling stage',
      (c: any) =>
        c.stages.splice(1, 0, { id: 'held', name: 'Held', color: '#000000', schedules: true }),
      'stages may have at most one scheduling stage (found 2)',
    ],
    [
      'a publishing stage that schedules',
      (c: any) => (c.stages[3].schedules = true),
      'stages may have at most one scheduling stage (found 2)',
    ],
    [
      'no way to publish from it',
      (c: any) => (c.transitions = c.transitions.filter((t: any) => t.id !== 'publish_now')),
      'stages[2].schedules needs a transition from "scheduled" into a publishing stage',
    ],
    [
      'no way back to review',
      (c: any) => (c.transitions = c.transitions.filter((t: any) => t.id !== 'unschedule')),
      'stages[2].schedules needs a transition from "scheduled" back to review (unschedule)',
    ],
    [
      'schedules that is not a flag',
      (c: any) => (c.stages[2].schedules = 'yes'),
      'stages[2].schedules must be true or false',
    ],
  ])('refuses %s at boot, naming the key', (_what, change, message) => {
    const config = structuredClone(SCHEDULING_CONFIG) as any;
    change(config);
    expect(() => parseWorkflowConfig(config)).toThrow(WorkflowConfigError);
    expect(() => parseWorkflowConfig(config)).toThrow(message);
  });
});

describe('scheduleRefusal', () => {
  const refusal = (request: object, transition = approve, workflow = def) =>
    scheduleRefusal(workflow, transition, request, now);

  it('accepts no times, a future publishAt, and an unpublishAt after it', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ publishAt: at(1) })).toBeNull();
    expect(refusal({ publishAt: at(1), unpublishAt: at(2) })).toBeNull();
    expect(refusal({ unpublishAt: at(5) })).toBeNull();
  });

  it.each([
    [
      { publishAt: now },
      'publishAt',
      'publishAt must be in the future (got 2030-01-01T12:00:00.000Z, now 2030-01-01T12:00:00.000Z)',
    ],
    [{ publishAt: at(-1) }, 'publishAt', 'publishAt must be in the future'],
    [
      { publishAt: at(5), unpublishAt: at(5) },
      'unpublishAt',
      'unpublishAt must be after publishAt (2030-01-01T12:05:00.000Z)',
    ],
    [
      { publishAt: at(5), unpublishAt: at(4) },
      'unpublishAt',
      'unpublishAt must be after publishAt',
    ],
    [{ unpublishAt: at(-1) }, 'unpublishAt', 'unpublishAt must be in the future'],
  ])('refuses %j naming %s', (request, path, message) => {
    const r = refusal(request);
    expect(r).toMatchObject({
      status: 400,
      name: 'ValidationError',
      details: { errors: [{ path: [path] }] },
    });
    expect(r!.message).toContain(message);
  });

  it('refuses times on a move that does not publish, and publishAt without a scheduling stage', () => {
    expect(refusal({ publishAt: at(5) }, submit)?.message).toBe(
      'publishAt goes with a move that publishes (approve), not with "Submit for fact-check"'
    );
    expect(refusal({ publishAt: at(5) }, approve, plain)?.message).toBe(
      'This workflow declares no scheduling stage: publishAt is refused'
    );
  });

  it('is a 400 of decideMove before permission and stage are looked at', () => {
    const decision = decideMove(
      def,
      state('draft'),
      { transition: 'approve', comment: null, expectedVersion: null, publishAt: at(-5) },
      checker,
      () => false,
      now
    );
    expect(decision).toMatchObject({
      ok: false,
      refusal: { status: 400, name: 'ValidationError' },
    });
  });
});

describe('moves and times', () => {
  it('an approval with publishAt goes to the scheduling stage, reviewed and with its times', () => {
    const to = destinationOf(def, approve, { publishAt: at(5) });
    expect(to).toBe('scheduled');
    expect(destinationOf(def, approve, {})).toBe('published');
    const next = applyMove(def, state('fact_check'), { ...approve, to }, checker, now);
    expect(next).toMatchObject({ stage: 'scheduled', editors: [], lastActor: checker });
    expect(
      timesAfterMove(def, state('fact_check'), 'fact_check', to, false, {
        publishAt: at(5),
        unpublishAt: at(9),
      })
    ).toEqual({
      publishAt: at(5),
      unpublishAt: at(9),
    });
  });

  it('keeps unpublishAt when the scheduled story goes live; unschedule and take-downs end both', () => {
    const scheduled = state('scheduled', { publishAt: at(5), unpublishAt: at(9) });
    expect(timesAfterMove(def, scheduled, 'scheduled', 'published', false, {})).toEqual({
      publishAt: null,
      unpublishAt: at(9),
    });
    expect(timesAfterMove(def, scheduled, 'scheduled', 'fact_check', false, {})).toEqual({
      publishAt: null,
      unpublishAt: null,
    });
    expect(
      timesAfterMove(
        def,
        state('published', { unpublishAt: at(9) }),
        'published',
        'draft',
        true,
        {}
      )
    ).toEqual({ publishAt: null, unpublishAt: null });
    // An approval without times replaces the earlier ones: the latest approval governs.
    expect(
      timesAfterMove(
        def,
        state('fact_check', { unpublishAt: at(9) }),
        'fact_check',
        'published',
        false,
        {}
      )
    ).toEqual({ publishAt: null, unpublishAt: null });
    // Submitting a correction of a live story keeps its take-down.
    expect(
      timesAfterMove(def, state('draft', { unpublishAt: at(9) }), 'draft', 'fact_check', false, {})
    ).toEqual({ publishAt: null, unpublishAt: at(9) });
  });

  it('an edit of a scheduled story sends it back to draft and cancels its publication', () => {
    const edited = afterEdit(
      def,
      state('scheduled', { publishAt: at(5), unpublishAt: at(9) }),
      writer,
      now
    );
    expect(edited?.state).toMatchObject({ stage: 'draft', publishAt: null, unpublishAt: at(9) });
    expect(dueAction(def, edited!.state, at(6))).toBeNull();
  });
});

describe('dueAction', () => {
  it('publishes a scheduled story at its time, not before', () => {
    const scheduled = state('scheduled', { publishAt: at(5) });
    expect(dueAction(def, scheduled, at(4))).toBeNull();
    expect(dueAction(def, scheduled, at(5))).toBe('publish');
    // Only the scheduling stage publishes: a stale time elsewhere does nothing.
    expect(dueAction(def, state('draft', { publishAt: at(5) }), at(6))).toBeNull();
  });

  it('takes down first: a story whose both times passed while the server was down never goes live', () => {
    const scheduled = state('scheduled', { publishAt: at(5), unpublishAt: at(9) });
    expect(dueAction(def, scheduled, at(10))).toBe('unpublish');
    expect(afterTakedown(def, scheduled, writer, at(10))).toMatchObject({
      stage: 'draft',
      publishAt: null,
      unpublishAt: null,
      version: 4,
    });
    expect(dueAction(def, state('published', { unpublishAt: at(9) }), at(9))).toBe('unpublish');
    // A correction under review stays where it is; only the live version comes down.
    expect(
      afterTakedown(def, state('fact_check', { unpublishAt: at(9) }), writer, at(10))
    ).toMatchObject({
      stage: 'fact_check',
      unpublishAt: null,
    });
  });
});

describe('scheduledComment', () => {
  it('says on time within the grace, late beyond it or when catching up at boot', () => {
    const options = { graceMs: 120_000 };
    expect(scheduledComment('publish', now, at(1), options)).toBe(
      'Published at the scheduled time (2030-01-01T12:00:00.000Z)'
    );
    expect(scheduledComment('publish', now, at(3), options)).toBe(
      'Published late: the server was down at 2030-01-01T12:00:00.000Z'
    );
    expect(scheduledComment('unpublish', now, at(0), { ...options, catchUp: true })).toBe(
      'Taken down late: the server was down at 2030-01-01T12:00:00.000Z'
    );
  });
});

describe('parseSchedulerConfig', () => {
  it('defaults to every minute and accepts a six-field pattern', () => {
    expect(parseSchedulerConfig(undefined)).toEqual({ cron: '* * * * *', graceSeconds: 120 });
    expect(parseSchedulerConfig({ cron: '*/5 * * * * *' }).cron).toBe('*/5 * * * * *');
  });

  it.each([
    [{ cron: 'every minute' }, 'scheduler.cron must be a cron pattern'],
    [{ cron: '* * *' }, 'scheduler.cron must be a cron pattern'],
    [{ graceSeconds: -1 }, 'scheduler.graceSeconds must be a number of seconds'],
    [{ interval: 5 }, 'scheduler.interval is not a known key (known: cron, graceSeconds)'],
    ['often', 'scheduler must be an object'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSchedulerConfig(raw)).toThrow(message);
  });
});
