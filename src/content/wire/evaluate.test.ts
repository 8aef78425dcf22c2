// The same evaluation as `npm run eval:import`, with its targets: CI fails when extraction regresses.
import { describe, expect, it } from 'vitest';
import { labelledStories, SAMPLE } from '../../../test/wire/fixtures';
import { extractWire } from './extract';
import { rates, scoreStory, shortfalls, total } from './evaluate';

describe('wire extraction against the labelled set', () => {
  const stories = labelledStories();
  const scores = stories.map((s) =>
    scoreStory(s.name, extractWire({ content: s.content }), s.labels)
  );

  it('covers the sample and at least seven stories of our own, ninjs and NITF among them', () => {
    expect(stories.map((s) => s.name)).toContain(SAMPLE);
    expect(stories.length).toBeGreaterThanOrEqual(8);
    expect(stories.map((s) => s.labels.format)).toEqual(expect.arrayContaining(['ninjs', 'nitf']));
  });

  it('meets the targets: the sample exact, overall precision ≥ 0.9 and recall ≥ 0.8', () => {
    expect(shortfalls(scores, SAMPLE)).toEqual([]);
    const r = rates(total(scores));
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('detects each labelled format and language', () => {
    for (const s of stories) {
      const x = extractWire({ content: s.content });
      if (s.labels.format) expect([s.name, x.format]).toEqual([s.name, s.labels.format]);
      if (s.labels.language) expect([s.name, x.language]).toEqual([s.name, s.labels.language]);
      if (s.labels.title) expect([s.name, x.story.title]).toEqual([s.name, s.labels.title]);
    }
  });

  it('the scorer counts a wrong speaker, an invented quote and a miss', () => {
    const [sample] = stories.filter((s) => s.name === SAMPLE);
    const x = extractWire({ content: sample.content });
    const broken = {
      ...x,
      story: {
        ...x.story,
        quotes: [
          { ...x.story.quotes[0], speaker: x.story.people[0].key },
          { ...x.story.quotes[0], text: '«invented»' },
        ],
      },
    };
    const score = scoreStory(SAMPLE, broken, sample.labels);
    expect(score).toMatchObject({
      extracted: 2,
      labelled: 2,
      matched: 1,
      speakerRight: 0,
      sourceRight: 1,
    });
    expect(score.inventions).toEqual(['«invented»']);
    expect(shortfalls([score], SAMPLE)).toHaveLength(3);
  });
});
