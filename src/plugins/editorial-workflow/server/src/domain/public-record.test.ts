import { describe, expect, it } from 'vitest';
import { parseWorkflowConfig } from './definition';
import { SCHEDULING_CONFIG } from './fixtures';
import {
  correctionsLog,
  MAX_PUBLIC_NOTE,
  pendingCorrectionAfter,
  publicRecordRefusal,
} from './public-record';

const approve = { name: 'Approve and publish' };
const retract = { name: 'Retract', effect: 'retract' as const };
const withdraw = { name: 'Withdraw', effect: 'withdraw' as const };
const submit = { name: 'Submit' };

const paths = (refusal: ReturnType<typeof publicRecordRefusal>) =>
  (refusal?.details?.errors as { path: string[] }[] | undefined)?.map((e) => e.path.join('.'));

describe('publicRecordRefusal', () => {
  it('lets an approval of a live story carry a correction with its note', () => {
    expect(
      publicRecordRefusal(
        approve,
        { correction: { note: 'We misspelt a name.' } },
        {
          publishes: true,
          live: true,
        }
      )
    ).toBeNull();
  });

  it('needs the note once the correction is chosen', () => {
    const refusal = publicRecordRefusal(
      approve,
      { correction: { note: '' } },
      {
        publishes: true,
        live: true,
      }
    );
    expect(refusal).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(refusal?.message).toBe(
      'A correction needs its note: readers see it in the story’s corrections log'
    );
    expect(paths(refusal)).toEqual(['correction.note']);
  });

  it('refuses a correction on a first publication and on a move that does not publish', () => {
    const first = publicRecordRefusal(
      approve,
      { correction: { note: 'x' } },
      {
        publishes: true,
        live: false,
      }
    );
    expect(first?.message).toMatch(/^A correction corrects a live story/);
    expect(paths(first)).toEqual(['correction']);
    const notPublishing = publicRecordRefusal(
      submit,
      { correction: { note: 'x' } },
      {
        publishes: false,
        live: true,
      }
    );
    expect(notPublishing?.message).toBe(
      '"Submit" does not publish: only an approval that puts a corrected story live carries a correction'
    );
  });

  it('needs a public note on a withdrawal and refuses one elsewhere', () => {
    const missing = publicRecordRefusal(withdraw, {}, { publishes: false, live: true });
    expect(missing?.message).toMatch(/^"Withdraw" needs a public note/);
    expect(paths(missing)).toEqual(['publicNote']);
    expect(
      publicRecordRefusal(
        withdraw,
        { publicNote: 'Withdrawn: see why.' },
        {
          publishes: false,
          live: true,
        }
      )
    ).toBeNull();
    const onRetract = publicRecordRefusal(
      retract,
      { publicNote: 'x' },
      {
        publishes: false,
        live: true,
      }
    );
    expect(onRetract?.message).toBe(
      '"Retract" takes no public note: only a withdrawal shows one to readers'
    );
    expect(publicRecordRefusal(retract, {}, { publishes: false, live: true })).toBeNull();
  });

  it('bounds both notes', () => {
    const long = 'x'.repeat(MAX_PUBLIC_NOTE + 1);
    expect(
      paths(
        publicRecordRefusal(
          approve,
          { correction: { note: long } },
          { publishes: true, live: true }
        )
      )
    ).toEqual(['correction.note']);
    expect(
      publicRecordRefusal(withdraw, { publicNote: long }, { publishes: false, live: true })?.message
    ).toBe(`The public note must be at most ${MAX_PUBLIC_NOTE} characters (got ${long.length})`);
  });
});

describe('correctionsLog', () => {
  it('lists newest first, ties by the later row, dates as ISO strings', () => {
    expect(
      correctionsLog([
        { id: 1, correctedAt: '2026-01-01T10:00:00.000Z', note: 'first' },
        { id: 3, correctedAt: new Date('2026-03-01T10:00:00.000Z'), note: 'third' },
        { id: 2, correctedAt: '2026-03-01T10:00:00.000Z', note: 'second' },
      ])
    ).toEqual([
      { date: '2026-03-01T10:00:00.000Z', note: 'third' },
      { date: '2026-03-01T10:00:00.000Z', note: 'second' },
      { date: '2026-01-01T10:00:00.000Z', note: 'first' },
    ]);
  });
});

describe('a correction approved with publishAt', () => {
  const def = parseWorkflowConfig(SCHEDULING_CONFIG);
  const checker = { type: 'admin' as const, id: 7, name: 'Fiona' };
  const editor = { type: 'admin' as const, id: 3, name: 'Edna' };
  const held = { note: 'We misspelt a name.', actor: checker };

  it('waits on the state while the story is scheduled, with who approved it', () => {
    expect(
      pendingCorrectionAfter(def, {}, 'fact_check', 'scheduled', { correction: held }, checker)
    ).toEqual(held);
    expect(pendingCorrectionAfter(def, {}, 'fact_check', 'scheduled', {}, checker)).toBeNull();
    // A blank note never waits (the move is refused for it anyway).
    expect(
      pendingCorrectionAfter(
        def,
        {},
        'fact_check',
        'scheduled',
        { correction: { note: '' } },
        checker
      )
    ).toBeNull();
  });

  it('ends with any move out of the scheduling stage: published (logged then) or called off', () => {
    const state = { pendingCorrection: held };
    for (const to of ['published', 'fact_check', 'draft'])
      expect(pendingCorrectionAfter(def, state, 'scheduled', to, {}, editor), to).toBeNull();
    expect(pendingCorrectionAfter(def, state, 'scheduled', 'scheduled', {}, editor)).toEqual(held);
  });

  it('refuses a second correction on the move that releases it', () => {
    const refusal = publicRecordRefusal(
      { name: 'Publish now' },
      { correction: { note: 'Another' } },
      { publishes: true, live: true, pending: true }
    );
    expect(refusal).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(paths(refusal)).toEqual(['correction']);
    expect(
      publicRecordRefusal(
        { name: 'Publish now' },
        {},
        { publishes: true, live: true, pending: true }
      )
    ).toBeNull();
  });
});
