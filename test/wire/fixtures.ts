// Labelled wire stories: each `<name>.<ext>` in a directory with its `<name>.labels.json`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StoryLabels } from '../../src/content/wire/evaluate';

/** The development set, written alongside the extractor. */
export const FIXTURES = path.resolve(__dirname, '../fixtures/wire');
/** The held-out set, written without reading the extractor: measured, never a target. */
export const HOLDOUT = path.resolve(__dirname, '../fixtures/wire-holdout');
/** A second held-out set, written blind once the first began to be used for tuning. */
export const HOLDOUT_2 = path.resolve(__dirname, '../fixtures/wire-holdout-2');
export const SAMPLE = 'belarus-sochi-talks';

const STORY_FILE = /\.(txt|html|json|xml)$/;

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

export const labelledStories = (dir: string = FIXTURES): LabelledStory[] =>
  readdirSync(dir)
    // README.md and the like are not stories.
    .filter((f) => STORY_FILE.test(f) && !f.endsWith('.labels.json'))
    .sort()
    .map((file) => {
      const name = file.replace(STORY_FILE, '');
      return {
        name,
        content: readFileSync(path.join(dir, file), 'utf8'),
        labels: JSON.parse(readFileSync(path.join(dir, `${name}.labels.json`), 'utf8')),
      };
    });
