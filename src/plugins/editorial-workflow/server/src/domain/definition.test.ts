import { describe, expect, it } from 'vitest';
import { parseWorkflowConfig, WorkflowConfigError } from './definition';
import { NEWSROOM_CONFIG } from './fixtures';

const withChange = (change: (c: any) => void) => {
  const config = structuredClone(NEWSROOM_CONFIG) as any;
  change(config);
  return config;
};

describe('parseWorkflowConfig', () => {
  it('accepts the newsroom workflow and fills defaults', () => {
    const def = parseWorkflowConfig(NEWSROOM_CONFIG);
    expect(def.separationOfDuties).toBe(true);
    expect(def.maxCommentLength).toBe(5000);
    expect(def.transitions.find((t) => t.id === 'retract')).toMatchObject({
      from: ['published'],
      unpublishes: true,
    });
    expect(def.transitions.find((t) => t.id === 'request_changes')).toMatchObject({
      unpublishes: false,
      requireComment: true,
    });
    // A move that takes a story down retracts it unless it says otherwise; others have no effect.
    expect(def.transitions.find((t) => t.id === 'retract')?.effect).toBe('retract');
    expect(def.transitions.find((t) => t.id === 'request_changes')).not.toHaveProperty('effect');
  });

  it('declares withdraw as a takedown whose address answers a notice', () => {
    const def = parseWorkflowConfig(
      withChange((c) =>
        c.transitions.push({
          id: 'withdraw',
          name: 'Withdraw',
          from: 'published',
          to: 'draft',
          effect: 'withdraw',
        })
      )
    );
    expect(def.transitions.find((t) => t.id === 'withdraw')).toMatchObject({
      unpublishes: true,
      effect: 'withdraw',
    });
  });

  it('accepts a four-stage workflow with legal review', () => {
    const def = parseWorkflowConfig(
      withChange((c) => {
        c.stages.splice(2, 0, { id: 'legal_review', name: 'Legal review', color: '#7b79ff' });
        c.transitions[2] = {
          id: 'clear_facts',
          name: 'Facts cleared',
          from: 'fact_check',
          to: 'legal_review',
          guards: ['quotes-verified'],
        };
        c.transitions.push({
          id: 'approve_legal',
          name: 'Legal approves',
          from: 'legal_review',
          to: 'published',
          separationOfDuties: true,
        });
      })
    );
    expect(def.stages.map((s) => s.id)).toEqual([
      'draft',
      'fact_check',
      'legal_review',
      'published',
    ]);
  });

  it.each([
    ['config', (c: any) => Object.assign(c, { colour: 1 }), 'colour is not a known key'],
    ['contentTypes', (c: any) => (c.contentTypes = []), 'contentTypes must be a non-empty list'],
    [
      'contentTypes[0]',
      (c: any) => (c.contentTypes = ['article']),
      'contentTypes[0] must be a content-type uid',
    ],
    ['stages', (c: any) => (c.stages = [c.stages[0]]), 'stages must list at least two stages'],
    [
      'stages[1].color',
      (c: any) => (c.stages[1].color = 'orange'),
      'stages[1].color must match a #rrggbb colour',
    ],
    [
      'stages[1].id',
      (c: any) => (c.stages[1].id = 'Fact Check'),
      'stages[1].id must match lowercase',
    ],
    ['stages[2].id', (c: any) => (c.stages[2].id = 'draft'), 'stages[2].id repeats "draft"'],
    [
      'stages (initial)',
      (c: any) => (c.stages[1].initial = true),
      'stages must have exactly one initial stage (found 2)',
    ],
    [
      'transitions[0].to',
      (c: any) => (c.transitions[0].to = 'review'),
      'transitions[0].to names no stage ("review")',
    ],
    [
      'transitions[1].from',
      (c: any) => (c.transitions[1].from = 'limbo'),
      'transitions[1].from names no stage ("limbo")',
    ],
    [
      'transitions[0].requireComment',
      (c: any) => (c.transitions[0].requireComment = 'yes'),
      'transitions[0].requireComment must be true or false',
    ],
    [
      'transitions[3].commentPrompt',
      (c: any) => (c.transitions[3].commentPrompt = ' '),
      'transitions[3].commentPrompt must be a non-empty string',
    ],
    [
      'transitions[3].id',
      (c: any) => (c.transitions[3].id = 'submit'),
      'transitions[3].id repeats "submit"',
    ],
    [
      'transitions[2].guards',
      (c: any) => (c.transitions[2].guards = 'quotes-verified'),
      'transitions[2].guards must be a list',
    ],
    [
      'transitions (unreachable)',
      (c: any) => (c.transitions = c.transitions.filter((t: any) => t.to !== 'published')),
      'reach no transition into stage "published"',
    ],
    [
      'publishWith',
      (c: any) => (c.publishWith = { 'api::quote.quote': ['article'] }),
      'publishWith.api::quote.quote is not one of contentTypes',
    ],
    [
      'maxCommentLength',
      (c: any) => (c.maxCommentLength = 0),
      'maxCommentLength must be a positive integer',
    ],
    // Since the zod schema: unknown keys are refused inside stages and transitions too (a typo such as
    // `requireComent` used to be ignored), and a top-level flag is named by its own key.
    [
      'stages[1] key',
      (c: any) => (c.stages[1].colour = '#ffffff'),
      'stages[1].colour is not a known key (known: id, name, color, initial, publishes, assignTo, slaHours, schedules)',
    ],
    [
      'transitions[1] key',
      (c: any) => (c.transitions[1].requireComent = true),
      'transitions[1].requireComent is not a known key',
    ],
    [
      'separationOfDuties',
      (c: any) => (c.separationOfDuties = 'no'),
      'Invalid editorial-workflow config: separationOfDuties must be true or false',
    ],
    ['stages[0]', (c: any) => (c.stages[0] = 'draft'), 'stages[0] must be an object'],
    [
      'stages[2].name',
      (c: any) => (c.stages[2].name = '  '),
      'stages[2].name must be a non-empty string',
    ],
    [
      'contentTypes[0] type',
      (c: any) => (c.contentTypes = [5]),
      'contentTypes[0] must be a content-type uid',
    ],
    [
      'transitions[1].from[1]',
      (c: any) => (c.transitions[1].from = ['fact_check', 5]),
      'transitions[1].from[1] names no stage ("5")',
    ],
    [
      'transitions[1].from (empty)',
      (c: any) => (c.transitions[1].from = []),
      'transitions[1].from must be a stage id or a list of them',
    ],
    [
      'transitions[0].to (same)',
      (c: any) => (c.transitions[0].to = 'draft'),
      'transitions[0].to must differ from every "from" stage',
    ],
    [
      'transitions[3].unpublishes',
      (c: any) =>
        Object.assign(c.transitions[3], { from: 'fact_check', to: 'published', unpublishes: true }),
      'transitions[3].unpublishes cannot be true for a transition into a publishing stage',
    ],
    [
      'stages (initial publishes)',
      (c: any) => (c.stages[0].publishes = true),
      'stages the initial stage cannot publish',
    ],
    [
      'publishWith list',
      (c: any) => (c.publishWith = { 'api::article.article': 'quotes' }),
      'publishWith.api::article.article must be a list of relation field names',
    ],
    [
      'reviewFields key',
      (c: any) => (c.reviewFields = { quote: ['verification'] }),
      'reviewFields.quote must be keyed by a content-type uid',
    ],
    [
      'reviewFields list',
      (c: any) => (c.reviewFields = { 'api::quote.quote': [''] }),
      'reviewFields.api::quote.quote must be a list of field names',
    ],
    [
      'transitions[3].effect',
      (c: any) => (c.transitions[3].effect = 'hide'),
      'transitions[3].effect must be "retract" or "withdraw"',
    ],
    [
      'transitions[0].effect (no takedown)',
      (c: any) => (c.transitions[0].effect = 'withdraw'),
      'transitions[0].effect applies only to a transition that takes the story down',
    ],
  ])('refuses a bad %s, naming the key', (_key, change, message) => {
    const attempt = () => parseWorkflowConfig(withChange(change));
    expect(attempt).toThrow(WorkflowConfigError);
    expect(attempt).toThrow(message);
  });

  it.each([null, [], 'draft'])('refuses a config that is not an object (%j)', (raw) => {
    expect(() => parseWorkflowConfig(raw)).toThrow(
      'Invalid editorial-workflow config: config must be an object'
    );
  });

  it('keeps the key of the first problem when there are several', () => {
    const config = withChange((c) => {
      c.colour = 1;
      c.stages[1].color = 'orange';
    });
    expect(() => parseWorkflowConfig(config)).toThrow(
      'Invalid editorial-workflow config: colour is not a known key'
    );
  });
});
