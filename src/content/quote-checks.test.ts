import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWire } from './wire';
import { quoteProblems, type VerifierIdentity } from './quote-checks';

// The demo's stories, as the importer extracts them from their raw copy.
const demoStory = (file: string) =>
  extractWire({
    content: readFileSync(path.join(__dirname, '..', 'demo', 'wire', file), 'utf8'),
    locale: 'en',
  }).story;
const SOCHI_TALKS = demoStory('belarus-sochi-talks.txt');
const EVE_OF_TALKS = demoStory('belarus-eve-of-talks.txt');

describe('quoteProblems', () => {
  it('passes verified quotes with a speaker, and a story without quotes', () => {
    expect(quoteProblems([{ text: '«x»', verification: 'verified', speaker: { id: 1 } }])).toEqual(
      []
    );
    expect(quoteProblems([])).toEqual([]);
  });
  it('names each unverified or speakerless quote by its opening words', () => {
    expect(
      quoteProblems([
        {
          text: '«All agreements signed with the illegitimate Lukashenko will be reviewed by the new government.»',
          verification: 'unverified',
          speaker: { id: 1 },
        },
        { text: 'Short', verification: 'disputed', speaker: null },
      ])
    ).toEqual([
      'The quote «All agreements signed with the illegitimate Lukashenko will…» is unverified: it must be verified.',
      'The quote «Short» is disputed: it must be verified.',
      'The quote «Short» has no speaker.',
    ]);
  });

  it('names the demo story’s quotes by whole words, with balanced guillemets', () => {
    const unverified = [...SOCHI_TALKS.quotes, ...EVE_OF_TALKS.quotes].map((q) => ({
      text: q.text,
      verification: 'unverified',
      speaker: { id: 1 },
    }));
    expect(quoteProblems(unverified)).toEqual([
      'The quote «Given their scale and number, all reports of torture and…» is unverified: it must be verified.',
      'The quote «I want to remind Vladimir Putin: whatever you accept and…» is unverified: it must be verified.',
      'The quote «All agreements signed with the illegitimate Lukashenko will…» is unverified: it must be verified.',
    ]);
  });

  it('keeps a quotation inside the quote closed: «…heard,» a protester…', () => {
    const text =
      '«We will be heard,» a protester told Voice of America outside the Minsk tractor works.';
    expect(quoteProblems([{ text, verification: 'disputed', speaker: { id: 1 } }])).toEqual([
      'The quote ««We will be heard,» a protester told Voice of America…» is disputed: it must be verified.',
    ]);
    // Demo paragraphs quote inside the text, as a reporter's sentence would.
    const paragraph = SOCHI_TALKS.paragraphs.find((p) => p.includes('«Slavic brotherhood»'))!;
    const sentence = paragraph.slice(paragraph.indexOf('At the same time'));
    expect(quoteProblems([{ text: sentence, verification: 'verified', speaker: null }])).toEqual([
      'The quote «At the same time, Moscow announced that Russian paratroopers…» has no speaker.',
    ]);
  });
});

describe('quoteProblems with separation of duties', () => {
  const fiona = { type: 'admin', id: 7, name: 'Fiona Factchecker' };
  const alice = { type: 'admin', id: 3, name: 'Alice Author' };
  const quote = (verifiedByActor: VerifierIdentity | null) => ({
    text: '«Words»',
    verification: 'verified',
    speaker: { id: 1 },
    verifiedByActor,
  });
  const aliceTookPart = (actor: { type: string; id: number | null }) =>
    actor.type === 'admin' && actor.id === 3;

  it('counts a verification by someone outside the round', () => {
    expect(quoteProblems([quote(fiona)], aliceTookPart)).toEqual([]);
  });
  it('refuses a verification by a participant, naming them', () => {
    expect(quoteProblems([quote(alice)], aliceTookPart)).toEqual([
      'The quote «Words» was verified by its own writer/submitter (Alice Author): another fact-checker must verify it.',
    ]);
  });
  it('treats a missing isParticipant as nobody, and an unrecorded verifier as independent', () => {
    expect(quoteProblems([quote(alice)])).toEqual([]);
    expect(quoteProblems([quote(null)], () => true)).toEqual([]);
  });
  it('trusts a verdict given by code (the system actor)', () => {
    expect(
      quoteProblems([quote({ type: 'system', id: null, name: 'system' })], () => true)
    ).toEqual([]);
  });
});
