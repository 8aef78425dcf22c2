import { describe, expect, it } from 'vitest';
import { checkStageFieldWrite } from './stage-field';

describe('checkStageFieldWrite', () => {
  it('lets bodies without the field through', () => {
    expect(checkStageFieldWrite('editorialStage', { title: 'x' }, ['draft'])).toEqual({
      kind: 'absent',
    });
    expect(checkStageFieldWrite('editorialStage', undefined, ['draft'])).toEqual({
      kind: 'absent',
    });
  });

  it('drops an echo of the stored value', () => {
    expect(
      checkStageFieldWrite('editorialStage', { editorialStage: 'fact_check' }, ['fact_check'])
    ).toEqual({ kind: 'echo' });
    expect(
      checkStageFieldWrite('editorialStage', { editorialStage: undefined }, ['draft'])
    ).toEqual({ kind: 'echo' });
    expect(checkStageFieldWrite('editorialStage', { editorialStage: null }, [])).toEqual({
      kind: 'echo',
    });
  });

  it('refuses any other value, naming the field', () => {
    for (const value of ['published', null, '', 3, { $eq: 'draft' }]) {
      const result = checkStageFieldWrite(
        'editorialStage',
        { editorialStage: value },
        ['draft'],
        'Draft'
      );
      expect(result.kind).toBe('refused');
      if (result.kind !== 'refused') continue;
      expect(result.refusal.status).toBe(400);
      expect(result.refusal.message).toBe(
        'editorialStage is set by the editorial workflow: stages move only through transitions (it is in "Draft" now; reload to see it)'
      );
      expect(result.refusal.details).toEqual({
        errors: [
          {
            path: ['editorialStage'],
            message: 'Stages move only through the editorial workflow transitions',
            name: 'ValidationError',
          },
        ],
      });
    }
    expect(checkStageFieldWrite('editorialStage', { editorialStage: 'draft' }, []).kind).toBe(
      'refused'
    );
  });
});
