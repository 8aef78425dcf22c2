// The labelled wire stories under test/fixtures/wire: each `<name>.<ext>` with `<name>.labels.json`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StoryLabels } from '../../src/content/wire/evaluate';

export const FIXTURES = path.resolve(__dirname, '../fixtures/wire');
export const SAMPLE = 'belarus-sochi-talks';

export interface LabelledStory {
  name: string;
  content: string;
  labels: StoryLabels & {
    format?: string;
    language?: string;
    secondStory?: string;
    people?: string[];
  };
}

export const labelledStories = (): LabelledStory[] =>
  readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.labels.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.(txt|html|json|xml)$/, '');
      return {
        name,
        content: readFileSync(path.join(FIXTURES, file), 'utf8'),
        labels: JSON.parse(readFileSync(path.join(FIXTURES, `${name}.labels.json`), 'utf8')),
      };
    });
