import type {
  ImportFormat,
  ImportProposal,
  ImportReference,
  ImportReview,
} from '../../../shared/contracts';

// The Import page's review state and the `review` it sends: only what the user changed. Pure.

/** A quote's speaker or source in the form: `none`, `key:<proposal key>`, `existing:<documentId>`, `new`. */
export type RefChoice = string;
/** A proposed person's or source's fate: `proposal` (as matched or new), `existing:<documentId>` (merge), `skip`. */
export type ProposalChoice = string;

export interface QuoteForm {
  drop: boolean;
  speaker: RefChoice;
  speakerName: string;
  speakerRole: string;
  source: RefChoice;
  sourceName: string;
}

export interface ReviewForm {
  title: string;
  standfirst: string;
  body: string;
  people: Record<string, ProposalChoice>;
  sources: Record<string, ProposalChoice>;
  quotes: QuoteForm[];
  secondStory: 'drop' | 'split';
}

const FORMATS: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  json: 'ninjs',
  xml: 'nitf',
};

/** The format a dropped file's name says, or `auto`. */
export const formatOfFile = (filename: string): ImportFormat =>
  FORMATS[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'auto';

export const ACCEPTED_FILES = '.txt,.html,.htm,.json,.xml';

/** Paragraphs as the body box shows them: one per block, separated by an empty line. */
export const bodyText = (paragraphs: string[]) => paragraphs.join('\n\n');
export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The form as the proposal stands: submitting it unchanged sends no review. */
export const initialForm = (proposal: ImportProposal): ReviewForm => ({
  title: proposal.title,
  standfirst: proposal.standfirst ?? '',
  body: bodyText(proposal.paragraphs),
  people: Object.fromEntries(proposal.people.map((p) => [p.key, 'proposal'])),
  sources: Object.fromEntries(proposal.sources.map((s) => [s.key, 'proposal'])),
  quotes: proposal.quotes.map((q) => ({
    drop: false,
    speaker: q.speaker ? `key:${q.speaker}` : 'none',
    speakerName: '',
    speakerRole: '',
    source: q.source ? `key:${q.source}` : 'none',
    sourceName: '',
  })),
  secondStory: 'drop',
});

const reference = (
  choice: RefChoice,
  fresh: { name: string; role?: string }
): ImportReference | null => {
  if (choice === 'none') return null;
  if (choice.startsWith('key:')) return { key: choice.slice(4) };
  if (choice.startsWith('existing:')) return { documentId: choice.slice(9) };
  return {
    new: { name: fresh.name.trim(), ...(fresh.role?.trim() ? { role: fresh.role.trim() } : {}) },
  };
};

const fate = (choice: ProposalChoice) =>
  choice === 'skip' ? ({ skip: true } as const) : { documentId: choice.replace(/^existing:/, '') };

/** A quote's new speaker or source with no name yet: the form says so before anything is sent. */
export const missingNames = (form: ReviewForm) =>
  form.quotes.flatMap((q, index) =>
    q.drop
      ? []
      : [
          ...(q.speaker === 'new' && !q.speakerName.trim() ? [{ index, field: 'speaker' }] : []),
          ...(q.source === 'new' && !q.sourceName.trim() ? [{ index, field: 'source' }] : []),
        ]
  );

/** What the user changed, as the create request's `review`. */
export const toReview = (proposal: ImportProposal, form: ReviewForm): ImportReview => {
  const initial = initialForm(proposal);
  const review: ImportReview = {};
  if (form.title !== initial.title) review.title = form.title;
  if (form.standfirst !== initial.standfirst) review.standfirst = form.standfirst || null;
  if (form.body !== initial.body) review.paragraphs = paragraphsOf(form.body);
  const people = Object.entries(form.people).filter(([, c]) => c !== 'proposal');
  if (people.length > 0) review.people = Object.fromEntries(people.map(([k, c]) => [k, fate(c)]));
  const sources = Object.entries(form.sources).filter(([, c]) => c !== 'proposal');
  if (sources.length > 0)
    review.sources = Object.fromEntries(sources.map(([k, c]) => [k, fate(c)]));
  const quotes = form.quotes.flatMap((q, index) => {
    const was = initial.quotes[index];
    if (q.drop) return [{ index, drop: true }];
    const correction: NonNullable<ImportReview['quotes']>[number] = { index };
    if (q.speaker !== was.speaker || q.speaker === 'new')
      correction.speaker = reference(q.speaker, { name: q.speakerName, role: q.speakerRole });
    if (q.source !== was.source || q.source === 'new') {
      const source = reference(q.source, { name: q.sourceName });
      correction.source = source && 'new' in source ? { new: { name: source.new.name } } : source;
    }
    return Object.keys(correction).length > 1 ? [correction] : [];
  });
  if (quotes.length > 0) review.quotes = quotes;
  if (proposal.secondStory) review.secondStory = form.secondStory;
  return review;
};
