// npm run eval:import — the wire extractor against the labelled stories; exits 1 below target.
import { extractWire } from '../../src/content/wire';
import { rates, report, scoreStory, shortfalls, total } from '../../src/content/wire/evaluate';
import { labelledStories, SAMPLE } from './fixtures';

const scores = labelledStories().map((story) =>
  scoreStory(story.name, extractWire({ content: story.content }), story.labels)
);
console.log(report(scores));
const t = rates(total(scores));
console.log(
  `\ntargets: precision ≥ 0.9 (${t.precision.toFixed(2)}), recall ≥ 0.8 (${t.recall.toFixed(2)}), the sample exact`
);
const failed = shortfalls(scores, SAMPLE);
if (failed.length > 0) {
  console.error(`BELOW TARGET:\n  ${failed.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('all targets met');
