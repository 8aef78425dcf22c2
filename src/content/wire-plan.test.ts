import { describe, expect, it } from 'vitest';
import { CONTEXT_MAX_LENGTH, ImportPlanError, planImport, toProposal } from './wire-plan';
import type { MatchedProposal, WireExtraction } from './wire/types';

// A story in the shape of the sample: two quotes by two people, one of them already known, and a
// second story's headline run in from paragraph 2.
const EXTRACTION: WireExtraction = {
  format: 'text',
  language: 'en',
  story: {
    title: 'Talks in Sochi',
    standfirst: 'Leaders met.',
    byline: 'Agency staff',
    dateline: 'MINSK',
    paragraphs: [
      'P0 «one» said Lukashenka.',
      'P1 Bachelet said: «two».',
      'P2 «three», said Smith.',
    ],
    quotes: [
      {
        text: '«one»',
        context: 'P0 «one» said Lukashenka.',
        speaker: 'p1',
        source: 's1',
        language: 'ru',
        paragraph: 0,
      },
      {
        text: '«two»',
        context: 'P1 Bachelet said: «two».',
        speaker: 'p2',
        source: 's1',
        language: 'en',
        paragraph: 1,
      },
      {
        text: '«three»',
        context: 'P2 «three», said Smith.',
        speaker: 'p3',
        language: 'en',
        paragraph: 2,
      },
    ],
    flagged: [{ text: '«Interfax»', paragraph: 0, reason: 'name' }],
    people: [
      { key: 'p1', name: 'Alexander Lukashenka', mentions: ['Lukashenka', 'Alexander Lukashenka'] },
      {
        key: 'p2',
        name: 'Michelle Bachelet',
        role: 'UN High Commissioner',
        mentions: ['Bachelet'],
      },
      { key: 'p3', name: 'John Smith', mentions: ['Smith'] },
      { key: 'p4', name: 'Vladimir Putin', mentions: ['Putin'] },
    ],
    sources: [{ key: 's1', name: 'Interfax', type: 'news_agency', mentions: ['Interfax'] }],
  },
  secondStory: { title: 'Another story', fromParagraph: 2 },
  removed: [{ text: 'Talks in Sochi', reason: 'repeated-headline' }],
};
const MATCHED: MatchedProposal = {
  people: {
    p1: { documentId: 'luka', name: 'Alexander Lukashenko', by: 'variant' },
    p2: null,
    p3: null,
    p4: null,
  },
  sources: { s1: null },
};

describe('toProposal', () => {
  it('numbers the quotes and puts each match beside its proposal', () => {
    const proposal = toProposal(EXTRACTION, MATCHED, 'en', []);
    expect(proposal.quotes.map((q) => q.index)).toEqual([0, 1, 2]);
    expect(proposal.people[0].match).toEqual({
      documentId: 'luka',
      name: 'Alexander Lukashenko',
      by: 'variant',
    });
    expect(proposal.people[1].match).toBeNull();
    expect(proposal.secondStory).toEqual({ title: 'Another story', fromParagraph: 2 });
    expect(proposal).toMatchObject({
      locale: 'en',
      title: 'Talks in Sochi',
      standfirst: 'Leaders met.',
      duplicates: [],
    });
  });
});

describe('planImport without a review: every proposal stands', () => {
  const plan = planImport(EXTRACTION, MATCHED);

  it('links the matched person, creates the others with their spellings as aliases', () => {
    expect(plan.people).toEqual([
      { name: 'Michelle Bachelet', role: 'UN High Commissioner', aliases: ['Bachelet'] },
      { name: 'John Smith', role: undefined, aliases: ['Smith'] },
      { name: 'Vladimir Putin', role: undefined, aliases: ['Putin'] },
    ]);
    expect(plan.sources).toEqual([{ name: 'Interfax', type: 'news_agency' }]);
    expect(plan.existing).toEqual([
      { kind: 'person', documentId: 'luka', path: 'review.people.p1.documentId' },
    ]);
  });

  it('keeps one story with every paragraph and quote (the second headline dropped)', () => {
    expect(plan.stories).toHaveLength(1);
    const [story] = plan.stories;
    expect(story.paragraphs).toHaveLength(3);
    expect(story.quotes.map((q) => [q.text, q.speaker, q.source, q.language])).toEqual([
      ['«one»', { documentId: 'luka' }, { create: 0 }, 'ru'],
      ['«two»', { create: 0 }, { create: 0 }, 'en'],
      ['«three»', { create: 1 }, null, 'en'],
    ]);
    // Speakers first, then who the story names without quoting.
    expect(story.people).toEqual([
      { documentId: 'luka' },
      { create: 0 },
      { create: 1 },
      { create: 2 },
    ]);
    expect(story.sources).toEqual([{ create: 0 }]);
    expect(story).toMatchObject({
      title: 'Talks in Sochi',
      standfirst: 'Leaders met.',
      byline: 'Agency staff',
      dateline: 'MINSK',
    });
  });

  it('cuts a context to what the quote field holds', () => {
    const long = structuredClone(EXTRACTION);
    long.story.quotes[0].context = 'x'.repeat(CONTEXT_MAX_LENGTH + 50);
    const context = planImport(long, MATCHED).stories[0].quotes[0].context;
    expect(context).toHaveLength(CONTEXT_MAX_LENGTH);
    expect(context.endsWith('…')).toBe(true);
  });
});

describe('planImport with the review’s corrections', () => {
  it('merges a proposed person into an existing one, for every quote they speak', () => {
    const plan = planImport(EXTRACTION, MATCHED, { people: { p2: { documentId: 'bachelet' } } });
    expect(plan.people.map((p) => p.name)).toEqual(['John Smith', 'Vladimir Putin']);
    expect(plan.stories[0].quotes[1].speaker).toEqual({ documentId: 'bachelet' });
    expect(plan.existing.map((e) => e.documentId)).toEqual(['luka', 'bachelet']);
  });

  it('unlinks a match: the person is created as named', () => {
    const plan = planImport(EXTRACTION, MATCHED, {
      people: { p1: { name: 'Alexander Lukashenka', role: 'President' } },
    });
    expect(plan.people[0]).toEqual({
      name: 'Alexander Lukashenka',
      role: 'President',
      aliases: ['Lukashenka'],
    });
    expect(plan.stories[0].quotes[0].speaker).toEqual({ create: 0 });
  });

  it('drops a quote, rewords one, changes speakers and sources (existing, proposed, new, none)', () => {
    const plan = planImport(EXTRACTION, MATCHED, {
      quotes: [
        { index: 0, drop: true },
        {
          index: 1,
          text: ' «two, corrected» ',
          speaker: { key: 'p3' },
          source: { new: { name: 'Reuters', type: 'news_agency' } },
        },
        {
          index: 2,
          speaker: { new: { name: 'Jane Roe', role: 'Spokesperson' } },
          source: { documentId: 'tass' },
        },
      ],
    });
    const quotes = plan.stories[0].quotes;
    expect(quotes.map((q) => q.text)).toEqual(['«two, corrected»', '«three»']);
    expect(quotes[0].speaker).toEqual({ create: 1 });
    expect(
      plan.sources[quotes[0].source && 'create' in quotes[0].source ? quotes[0].source.create : -1]
    ).toEqual({ name: 'Reuters', type: 'news_agency' });
    expect(plan.people[3]).toEqual({ name: 'Jane Roe', role: 'Spokesperson', aliases: [] });
    expect(quotes[1]).toMatchObject({ speaker: { create: 3 }, source: { documentId: 'tass' } });
    expect(plan.existing.at(-1)).toEqual({
      kind: 'source',
      documentId: 'tass',
      path: 'review.quotes.2.source.documentId',
    });
  });

  it('creates a new name once, however many quotes give it', () => {
    const plan = planImport(EXTRACTION, MATCHED, {
      quotes: [
        { index: 0, speaker: { new: { name: 'Jane Roe' } } },
        { index: 1, speaker: { new: { name: 'jane roe ' } } },
      ],
    });
    expect(plan.people.filter((p) => p.name === 'Jane Roe')).toHaveLength(1);
  });

  it('takes an edited title, standfirst and body; an empty standfirst is none', () => {
    const [story] = planImport(EXTRACTION, MATCHED, {
      title: ' New title ',
      standfirst: '',
      paragraphs: ['Only this.'],
    }).stories;
    expect(story).toMatchObject({
      title: 'New title',
      standfirst: null,
      paragraphs: ['Only this.'],
    });
  });

  it('splits the second story off, with its paragraphs, quotes and their speakers', () => {
    const plan = planImport(EXTRACTION, MATCHED, { secondStory: 'split' });
    const [main, second] = plan.stories;
    expect(main.paragraphs).toHaveLength(2);
    expect(second).toMatchObject({
      title: 'Another story',
      paragraphs: ['P2 «three», said Smith.'],
    });
    expect(main.quotes.map((q) => q.text)).toEqual(['«one»', '«two»']);
    expect(second.quotes.map((q) => q.text)).toEqual(['«three»']);
    expect(second.people).toEqual([{ create: 1 }]);
    expect(main.people).toEqual([{ documentId: 'luka' }, { create: 0 }, { create: 2 }]);
  });

  it('skips a person nobody quotes; refuses to skip one a kept quote names', () => {
    expect(
      planImport(EXTRACTION, MATCHED, { people: { p4: { skip: true } } }).people.map((p) => p.name)
    ).not.toContain('Vladimir Putin');
    expect(() => planImport(EXTRACTION, MATCHED, { people: { p3: { skip: true } } })).toThrow(
      expect.objectContaining({
        path: 'quotes.2.speaker',
        message: expect.stringContaining('skipped'),
      })
    );
    // Dropping the quote as well makes it fine.
    expect(() =>
      planImport(EXTRACTION, MATCHED, {
        people: { p3: { skip: true } },
        quotes: [{ index: 2, drop: true }],
      })
    ).not.toThrow();
  });

  it.each([
    [{ people: { nobody: { documentId: 'x' } } }, 'review.people.nobody', 'No proposed person'],
    [
      { sources: { nothing: { skip: true as const } } },
      'review.sources.nothing',
      'No proposed source',
    ],
    [{ quotes: [{ index: 7 }] }, 'review.quotes.0.index', 'No quote has the index 7'],
    [
      { quotes: [{ index: 1 }, { index: 1, drop: true }] },
      'review.quotes.1.index',
      'corrected twice',
    ],
    [{ quotes: [{ index: 1, text: '  ' }] }, 'review.quotes.0.text', 'no words left'],
    [
      { quotes: [{ index: 1, speaker: { key: 'p9' } }] },
      'review.quotes.0.speaker.key',
      'No proposed person',
    ],
  ])('refuses %j, naming %s', (review, path, message) => {
    try {
      planImport(EXTRACTION, MATCHED, review as any);
      expect.fail('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportPlanError);
      expect(error).toMatchObject({ path, message: expect.stringContaining(message) });
    }
  });

  it('refuses a second-story choice for copy that has none, and a split with nothing to split', () => {
    const single = { ...EXTRACTION, secondStory: undefined };
    expect(() => planImport(single, MATCHED, { secondStory: 'drop' })).toThrow(
      expect.objectContaining({
        path: 'review.secondStory',
        message: expect.stringContaining('no second story'),
      })
    );
    expect(() =>
      planImport(EXTRACTION, MATCHED, { secondStory: 'split', paragraphs: ['a', 'b'] })
    ).toThrow(
      expect.objectContaining({
        path: 'review.secondStory',
        message: expect.stringContaining('nothing to split'),
      })
    );
  });
});
