// The shape of a story in cleaned lines: headline, standfirst, byline, dateline, paragraphs, a second
// story's headline run into the copy, and page furniture, which is removed but reported.
import { DATE_LINE, readRelease } from './release';
import type { RemovedText } from './types';

export interface StoryLayout {
  title: string;
  standfirst?: string;
  byline?: string;
  dateline?: string;
  /** Agency named in a dateline such as `MINSK, Sept 14 (Reuters) -`. */
  agency?: string;
  /** The body issuing a press release ("Ministry of the Environment"). */
  issuer?: string;
  paragraphs: string[];
  secondStory?: { title: string; fromParagraph: number };
  removed: RemovedText[];
}

// Words of share bars, subscription prompts and link lists ("Like I will follow Subscribe").
const FURNITURE_WORDS = new Set(
  (
    'like i will follow subscribe share tweet email print comment comments similar related articles ' +
    'article read more also see advertisement ad tags tag topics newsletter sign up login log in ' +
    'facebook twitter telegram whatsapp vk copy link back to top next previous photo video ' +
    'news stories story latest more privacy policy cookies terms of use contact us home ' +
    'нравится подписаться поделиться читайте также похожие статьи материалы реклама'
  ).split(' ')
);
const BULLET = /^[•·▪●◦‣∙*–-]\s*/;
const TERMINAL = /[.!?…»“"')\]:;]$/;
// Credit and copyright lines: removed from the body, kept as the byline where they name one.
const CREDIT =
  /^(?:©|\(c\)|copyright\b|\(reporting by|\(editing by|\(writing by|\(additional reporting)/i;

const words = (line: string) => line.toLowerCase().match(/[\p{L}]+/gu) ?? [];
const key = (line: string) => words(line).join(' ');

const isFurniture = (line: string) => {
  if (BULLET.test(line) && line.length < 120 && !/[.!?]\s/.test(line)) return true;
  const w = words(line);
  return (
    w.length > 0 &&
    w.length <= 8 &&
    w.every((x) => FURNITURE_WORDS.has(x) || /\.(txt|html?)$/.test(x))
  );
};

/** A line with no sentence ending, a few words long, starting with a capital: a headline. */
const isHeadlineLike = (line: string) => {
  const count = words(line).length;
  return (
    count >= 3 && count <= 20 && line.length <= 160 && /^\p{Lu}/u.test(line) && !TERMINAL.test(line)
  );
};

const BYLINE =
  /^(?:by|от|автор:?)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,5})$/iu;
// "VILNIUS — …": a city in capitals and a dash, no agency.
const BARE_DATELINE =
  /^(\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.\s]{1,30})?)\s+[—–-]+\s+/u;
// "MINSK, Sept 14 (Reuters) -", "ATHENS, July 24, 2023 (AFP) -", "Berlin (dpa) -", "Geneva (EFE).-",
// "МОСКВА, 5 декабря. /ТАСС/.": a place, maybe a date, and the agency in brackets or slashes.
const DATELINE =
  /^(\p{Lu}[\p{L}\s.'-]{1,40}?(?:,\s*\p{Lu}[\p{L}.\s]{1,30}?)?)(?:,\s*([\p{L}\d][\p{L}\d.,\s]{2,24}?))?\s*(?:\(([\p{L}\s-]{2,30})\)\s*\.?\s*[-–—]+|\/([\p{L}\s-]{2,30})\/\s*\.)\s*/u;

/** A line that ends a sentence and is long enough to be a paragraph of the story. */
const isBody = (line: string) => TERMINAL.test(line) && words(line).length >= 8;

export const layoutStory = (
  cleaned: string[],
  known: { headline?: string; standfirst?: string } = {}
): StoryLayout => {
  const removed: RemovedText[] = [];
  const lines: string[] = [];
  let byline: string | undefined;
  for (const line of cleaned) {
    if (!line) continue;
    if (isFurniture(line)) removed.push({ text: line, reason: 'page-furniture' });
    else if (CREDIT.test(line)) {
      removed.push({ text: line, reason: 'page-furniture' });
      byline ??= /reporting by ([^;)]+)/i.exec(line)?.[1]?.trim();
    } else if (DATE_LINE.test(line)) removed.push({ text: line, reason: 'page-furniture' });
    else lines.push(line);
  }
  const release = readRelease(lines);
  lines.splice(0, lines.length, ...release.lines);
  removed.push(...release.removed);

  let title = known.headline ?? '';
  // A web page repeats its <h1> in the body, after the site's menus: those go, reported.
  const headlineAt = title ? lines.findIndex((l) => key(l) === key(title)) : -1;
  if (headlineAt >= 0 && headlineAt <= 5) {
    for (const line of lines.splice(0, headlineAt))
      removed.push({ text: line, reason: 'page-furniture' });
    lines.shift();
  }
  if (!title && lines.length > 0 && isHeadlineLike(lines[0])) title = lines.shift() ?? '';
  let standfirst = known.standfirst;
  if (title && lines.length > 1 && key(lines[0]) === key(title))
    removed.push({ text: lines.shift() ?? '', reason: 'repeated-headline' });
  if (
    !standfirst &&
    title &&
    lines.length > 1 &&
    isHeadlineLike(lines[0]) &&
    lines[0].length <= 200
  )
    standfirst = lines.shift();
  const bylineMatch = lines.length > 0 ? BYLINE.exec(lines[0]) : null;
  if (bylineMatch) {
    byline = bylineMatch[1];
    lines.shift();
  }

  const paragraphs: string[] = [];
  let secondStory: StoryLayout['secondStory'];
  // After the last paragraph of the story, headline-like lines are a page's related links.
  let lastBody = -1;
  lines.forEach((line, at) => {
    if (isBody(line)) lastBody = at;
  });
  lines.forEach((line, at) => {
    if (title && key(line) === key(title))
      removed.push({ text: line, reason: 'repeated-headline' });
    else if (at > lastBody && paragraphs.length > 0 && isHeadlineLike(line))
      removed.push({ text: line, reason: 'page-furniture' });
    else if (!secondStory && paragraphs.length > 0 && isHeadlineLike(line)) {
      secondStory = { title: line, fromParagraph: paragraphs.length };
    } else paragraphs.push(line);
  });

  let dateline: string | undefined;
  let agency: string | undefined;
  const datelineMatch = paragraphs.length > 0 ? DATELINE.exec(paragraphs[0]) : null;
  const bare = paragraphs.length > 0 && !datelineMatch ? BARE_DATELINE.exec(paragraphs[0]) : null;
  const found = datelineMatch ?? bare;
  if (found && paragraphs[0].length > found[0].length) {
    dateline = found[1].trim();
    agency = (datelineMatch?.[3] ?? datelineMatch?.[4])?.trim();
    paragraphs[0] = paragraphs[0].slice(found[0].length);
  }
  if (!title) title = paragraphs[0]?.split(/(?<=[.!?])\s/)[0]?.slice(0, 160) ?? '';
  return {
    title,
    standfirst,
    byline,
    dateline,
    agency,
    issuer: release.issuer,
    paragraphs,
    secondStory,
    removed,
  };
};
