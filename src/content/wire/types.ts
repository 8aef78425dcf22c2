// The wire importer's contract: what the pure extractor (src/content/wire) hands the Strapi glue
// (src/newsroom/wire-import.ts) and the admin's review screen. Plain data, no Strapi import.

/** How agency copy arrives. `auto` guesses from the content (JSON → ninjs, XML with <nitf> → NITF, tags → HTML). */
export type WireFormat = 'text' | 'html' | 'ninjs' | 'nitf';

export interface WireInput {
  content: string;
  format?: WireFormat | 'auto';
  /** The locale the story is created in; also the quotes' language unless detection says otherwise. */
  locale?: string;
  filename?: string;
}

/** Mirrors the Source content type's `type` enum. */
export type WireSourceType =
  | 'news_agency'
  | 'newspaper'
  | 'broadcaster'
  | 'social_media'
  | 'official'
  | 'document'
  | 'ngo'
  | 'other';

export interface ProposedPerson {
  /** Stable within one extraction: quotes point at people by this key. */
  key: string;
  /** The fullest name found in the copy ("Michelle Bachelet", not "Bachelet"). */
  name: string;
  /** A role or title found next to the name ("UN High Commissioner for Human Rights"). */
  role?: string;
  /** Every spelling the copy used for this person ("Lukashenko", "Lukashenka"). */
  mentions: string[];
}

export interface ProposedSource {
  key: string;
  name: string;
  type: WireSourceType;
  mentions: string[];
}

export interface ExtractedQuote {
  /** As it should be published: typographic quotes normalised to « », inner quotes to „ “. */
  text: string;
  /** The sentence (or sentences) around the quote, without the quote itself elided. */
  context: string;
  /** Key into the story's `people`; absent when no speaker could be found (never guessed). */
  speaker?: string;
  /** Key into the story's `sources`. */
  source?: string;
  /** BCP 47 language of the quote: detected, else the input locale. */
  language: string;
  /** Index into the story's `paragraphs`. */
  paragraph: number;
}

/** Text in quotation marks that is not a speaker's words: a name, a title, scare quotes. */
export interface FlaggedPhrase {
  text: string;
  paragraph: number;
  reason: 'name' | 'scare-quotes' | 'no-speaker';
}

export interface RemovedText {
  text: string;
  reason: 'repeated-headline' | 'page-furniture' | 'empty' | 'markup';
}

export interface ExtractedStory {
  title: string;
  standfirst?: string;
  byline?: string;
  dateline?: string;
  /** ISO date (YYYY-MM-DD) when the feed carries one. */
  date?: string;
  paragraphs: string[];
  quotes: ExtractedQuote[];
  flagged: FlaggedPhrase[];
  people: ProposedPerson[];
  sources: ProposedSource[];
}

export interface WireExtraction {
  format: WireFormat;
  /** BCP 47 language of the copy as a whole. */
  language: string;
  story: ExtractedStory;
  /**
   * A second story's headline run into the copy, with the paragraphs that follow it. The main story
   * keeps those paragraphs unless the user chooses to split them off into their own story.
   */
  secondStory?: { title: string; fromParagraph: number };
  removed: RemovedText[];
}

/** Existing reference data the proposals are matched against (read by the glue, passed in). */
export interface KnownPerson {
  documentId: string;
  name: string;
  aliases: string[];
}

export interface KnownSource {
  documentId: string;
  name: string;
}

export interface ReferenceMatch {
  documentId: string;
  /** The existing record's name. */
  name: string;
  /** What matched: the name, an alias, or a spelling variant of either (case, diacritics, script, -o/-a). */
  by: 'name' | 'alias' | 'variant';
}

export interface MatchedProposal {
  people: Record<string, ReferenceMatch | null>;
  sources: Record<string, ReferenceMatch | null>;
}
