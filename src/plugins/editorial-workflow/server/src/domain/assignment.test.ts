import { describe, expect, it } from 'vitest';
import { checkAssigneeFieldWrite, decideAssignment, type AssignmentCase } from './assignment';
import { parseWorkflowConfig } from './definition';
import { NEWSROOM_CONFIG } from './fixtures';

const APPROVE = 'plugin::editorial-workflow.transition.approve';
const ASSIGN = 'plugin::editorial-workflow.assign';
const FACT_CHECK = {
  id: 'fact_check',
  name: 'Fact-check',
  color: '#d9822f',
  initial: false,
  publishes: false,
  assignTo: 'approve',
};
const FIONA = { id: 7, name: 'Fiona' };
const GUS = { id: 8, name: 'Gus' };

const base: AssignmentCase = {
  stage: FACT_CHECK,
  requiredAction: APPROVE,
  version: 3,
  current: null,
  actorId: 1,
  mayAssign: true,
  assignAction: ASSIGN,
  requested: FIONA.id,
  requestedUser: FIONA,
  requestedEligible: true,
  expectedVersion: null,
};
const decide = (change: Partial<AssignmentCase>) => decideAssignment({ ...base, ...change });

describe('decideAssignment', () => {
  it('lets an assign holder assign an eligible user', () => {
    expect(decide({})).toEqual({ ok: true, assignee: FIONA, changed: true, selfService: false });
  });

  it('refuses a stage without assignTo (400 naming the stage)', () => {
    const { assignTo: _, ...draft } = { ...FACT_CHECK, id: 'draft', name: 'Draft' };
    expect(decide({ stage: draft })).toMatchObject({
      ok: false,
      refusal: {
        status: 400,
        name: 'ValidationError',
        message: 'Stories in "Draft" take no assignee (only stages with assignTo do)',
      },
    });
  });

  it('refuses an ineligible or unknown assignee (400 naming them)', () => {
    expect(decide({ requestedEligible: false })).toMatchObject({
      ok: false,
      refusal: {
        status: 400,
        message: `Fiona cannot be assigned: assignees of "Fact-check" hold permission ${APPROVE}`,
      },
    });
    expect(decide({ requested: 99, requestedUser: null, requestedEligible: false })).toMatchObject({
      ok: false,
      refusal: {
        status: 400,
        message: 'User 99 cannot be assigned: no active admin user has that id',
      },
    });
  });

  it('needs `assign` to assign someone else or unassign them (403 naming it)', () => {
    const refusal = {
      status: 403,
      name: 'ForbiddenError',
      message: `You may not assign stories to others or unassign them (permission ${ASSIGN})`,
    };
    expect(decide({ mayAssign: false })).toMatchObject({ ok: false, refusal });
    expect(decide({ mayAssign: false, requested: null, current: GUS })).toMatchObject({
      ok: false,
      refusal,
    });
  });

  it('lets an eligible user take a story or release their own without `assign`', () => {
    expect(decide({ mayAssign: false, actorId: FIONA.id })).toEqual({
      ok: true,
      assignee: FIONA,
      changed: true,
      selfService: true,
    });
    expect(
      decide({ mayAssign: false, actorId: FIONA.id, current: FIONA, requested: null })
    ).toEqual({ ok: true, assignee: null, changed: true, selfService: true });
  });

  it('refuses a take by someone who may not review (403 naming the permission)', () => {
    expect(decide({ mayAssign: true, actorId: FIONA.id, requestedEligible: false })).toMatchObject({
      ok: false,
      refusal: {
        status: 403,
        message: `You may not take this story: reviewers of "Fact-check" hold permission ${APPROVE}`,
      },
    });
  });

  it('refuses a stale expectedVersion (409) and reports an unchanged assignee', () => {
    expect(decide({ expectedVersion: 2 })).toMatchObject({
      ok: false,
      refusal: { status: 409, name: 'ConflictError' },
    });
    expect(decide({ expectedVersion: 3, current: FIONA })).toMatchObject({
      ok: true,
      changed: false,
    });
  });
});

describe('checkAssigneeFieldWrite', () => {
  it('drops echoes and refuses other values', () => {
    expect(checkAssigneeFieldWrite('editorialAssignee', { title: 'x' }, [7])).toEqual({
      kind: 'absent',
    });
    expect(checkAssigneeFieldWrite('editorialAssignee', { editorialAssignee: 7 }, [7]).kind).toBe(
      'echo'
    );
    expect(
      checkAssigneeFieldWrite('editorialAssignee', { editorialAssignee: null }, [null]).kind
    ).toBe('echo');
    expect(
      checkAssigneeFieldWrite('editorialAssignee', { editorialAssignee: 8 }, [7])
    ).toMatchObject({
      kind: 'refused',
      refusal: {
        status: 400,
        message:
          'editorialAssignee is set by the editorial workflow: assign stories from the workflow panel',
      },
    });
  });
});

describe('the assignTo config key', () => {
  const withAssignTo = (assignTo: unknown) => {
    const config = structuredClone(NEWSROOM_CONFIG) as any;
    config.stages[1].assignTo = assignTo;
    return config;
  };
  it('is kept on the stage when it names a transition out of it', () => {
    expect(parseWorkflowConfig(withAssignTo('approve')).stages[1].assignTo).toBe('approve');
  });
  it('refuses a transition that does not leave the stage, or no transition', () => {
    expect(() => parseWorkflowConfig(withAssignTo('submit'))).toThrow(
      'Invalid editorial-workflow config: stages[1].assignTo names no transition out of "fact_check" ("submit")'
    );
    expect(() => parseWorkflowConfig(withAssignTo('nope'))).toThrow(
      'stages[1].assignTo names no transition out of "fact_check" ("nope")'
    );
    expect(() => parseWorkflowConfig(withAssignTo(5))).toThrow('stages[1].assignTo');
  });
});
