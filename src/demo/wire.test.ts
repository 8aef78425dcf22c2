import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWire, matchReferences } from '../content/wire';
import { LIVE_STORY, PEOPLE, SOURCES, WAITING_STORY } from './overlay';

// The demo imports raw copy (src/demo/wire) and applies the overlay; these hold the two together
// without a database: the importer finds every quote the overlay names, and matches every person
// and source it proposes to one the overlay created first (so the demo import creates none).

const wire = (file: string) => readFileSync(path.join(__dirname, 'wire', file), 'utf8');
const extract = (file: string) => extractWire({ content: wire(file), locale: 'en' });

describe('the demo wire copy', () => {
  it('is the labelled sample scored by npm run eval:import, byte for byte', () => {
    const fixture = readFileSync(
      path.join(__dirname, '..', '..', 'test', 'fixtures', 'wire', 'belarus-sochi-talks.txt'),
      'utf8'
    );
    expect(wire(LIVE_STORY.file)).toBe(fixture);
  });

  it.each([LIVE_STORY, WAITING_STORY])(
    '$file: each overlay quote opens one extracted quote',
    (demo) => {
      const { story } = extract(demo.file);
      expect(story.quotes).toHaveLength(demo.quotes.length);
      for (const { opening } of demo.quotes)
        expect(
          story.quotes.filter((q) => q.text.startsWith(opening)),
          opening
        ).toHaveLength(1);
      expect(story.quotes.every((q) => q.speaker && q.source)).toBe(true);
    }
  );

  it.each([LIVE_STORY, WAITING_STORY])(
    '$file: every proposed person and source matches one of the overlay',
    (demo) => {
      const extraction = extract(demo.file);
      const matched = matchReferences(
        extraction,
        PEOPLE.map((p) => ({ documentId: p.name, name: p.name, aliases: p.aliases })),
        SOURCES.map((s) => ({ documentId: s.name, name: s.name }))
      );
      expect(Object.values(matched.people).every(Boolean), JSON.stringify(matched)).toBe(true);
      expect(Object.values(matched.sources).every(Boolean), JSON.stringify(matched)).toBe(true);
      // The carrier is linked by the overlay: its name is page furniture in the copy.
      for (const name of demo.alsoSources)
        expect(extraction.story.sources.map((s) => s.name)).not.toContain(name);
    }
  );

  it('the live story keeps the second headline’s paragraphs; the cleaning leaves no debris', () => {
    const { story, secondStory } = extract(LIVE_STORY.file);
    expect(secondStory?.title).toBe(
      'Tens of thousands of Belarus protesters rally on eve of Putin-Lukashenko talks'
    );
    expect(story.paragraphs).toHaveLength(10);
    expect(story.paragraphs.join('\n')).not.toMatch(/&#|\.\.|Subscribe|Similar articles/);
  });
});
