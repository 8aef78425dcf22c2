import { describe, expect, it } from 'vitest';
import type { ImportProposal } from '../../../shared/contracts';
import { formatOfFile, initialForm, missingNames, paragraphsOf, toReview } from './import-review';

const PROPOSAL: ImportProposal = {
  uid: 'api::article.article',
  locale: 'en',
  format: 'text',
  language: 'en',
  title: 'Title',
  paragraphs: ['One.', 'Two.'],
  quotes: [
    {
      index: 0,
      text: '«a»',
      context: 'c',
      speaker: 'p1',
      source: 's1',
      language: 'en',
      paragraph: 0,
    },
  ],
  people: [{ key: 'p1', name: 'Ann', mentions: [], match: null }],
  sources: [{ key: 's1', name: 'Wire', type: 'news_agency', mentions: [], match: null }],
  flagged: [],
  removed: [],
  secondStory: null,
  duplicates: [],
};

describe('the review sent with Create draft', () => {
  it('is empty when nothing changed', () => {
    expect(toReview(PROPOSAL, initialForm(PROPOSAL))).toEqual({});
  });

  it('carries an edited body as paragraphs, an emptied standfirst as null, a skipped person', () => {
    const form = initialForm(PROPOSAL);
    form.body = 'One, edited.\n\n\n  Two.  \n\nThree.';
    form.standfirst = '';
    form.people.p1 = 'skip';
    form.sources.s1 = 'existing:tass';
    form.quotes[0].speaker = 'none';
    expect(toReview({ ...PROPOSAL, standfirst: 'Was here' }, form)).toEqual({
      standfirst: null,
      paragraphs: ['One, edited.', 'Two.', 'Three.'],
      people: { p1: { skip: true } },
      sources: { s1: { documentId: 'tass' } },
      quotes: [{ index: 0, speaker: null }],
    });
  });

  it('names the quotes whose new speaker or source has no name yet', () => {
    const form = initialForm(PROPOSAL);
    form.quotes[0].source = 'new';
    expect(missingNames(form)).toEqual([{ index: 0, field: 'source' }]);
    form.quotes[0].sourceName = 'Agency';
    expect(missingNames(form)).toEqual([]);
    expect(toReview(PROPOSAL, form).quotes).toEqual([
      { index: 0, source: { new: { name: 'Agency' } } },
    ]);
  });

  it('reads the format from a file name and paragraphs from the body box', () => {
    expect(['a.txt', 'b.HTML', 'c.json', 'd.xml', 'e.pdf'].map(formatOfFile)).toEqual([
      'text',
      'html',
      'ninjs',
      'nitf',
      'auto',
    ]);
    expect(paragraphsOf('\n\nA\n\n\nB\n')).toEqual(['A', 'B']);
  });
});
