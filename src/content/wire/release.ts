// Press releases: a "Press release" line, the issuing body and a date stand above the real headline,
// and a contacts block ("Inquiries:") closes the release. The header is not the title and the
// contacts are not content: both are removed (reported), and the issuer is the source of the
// release's quotes, as an agency is of its copy.
import type { RemovedText } from './types';

const RELEASE_LINE =
  /^(?:press|news|media)\s+release$|^(?:tiedote|pressmeddelande|pressemitteilung|communiqué de presse|пресс-релиз)$/iu;
// The issuer line: a short name with an official body's noun ("Ministry of the Environment").
const ISSUER =
  /\b(?:ministry|department|office|agency|council|commission|government|institute|authority|embassy|administration|ministeriet|ministeriö|министерств\p{L}*|ведомств\p{L}*)\b/iu;
/** A line that is only a date and/or time ("12.6.2024 14.05", "14 Aug 2024 | 19:42 CEST"). */
export const DATE_LINE =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}{3,10}\.?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4})(?:\s*[|,·-]?\s*\d{1,2}[.:]\d{2}(?:\s*\p{Lu}{2,5})?)?$/u;
const CONTACTS =
  /^(?:inquiries|enquiries|contacts?|media contacts?|press contacts?|for (?:more|further) information|further information|lisätietoja|ytterligare information|kontakt|контакты|справки)\s*:?$/iu;

export interface ReleaseParts {
  lines: string[];
  issuer?: string;
  removed: RemovedText[];
}

/** The release's header and contacts taken off `lines`; other copy comes back unchanged. */
export const readRelease = (lines: string[]): ReleaseParts => {
  const removed: RemovedText[] = [];
  const contacts = lines.findIndex((l) => CONTACTS.test(l));
  const body = contacts > 0 ? lines.slice(0, contacts) : [...lines];
  if (contacts > 0)
    for (const line of lines.slice(contacts))
      removed.push({ text: line, reason: 'page-furniture' });
  if (body.length === 0 || !RELEASE_LINE.test(body[0])) return { lines: body, removed };
  removed.push({ text: body.shift() ?? '', reason: 'page-furniture' });
  let issuer: string | undefined;
  while (body.length > 1) {
    const line = body[0];
    const isIssuer = !issuer && ISSUER.test(line) && line.split(/\s+/).length <= 10;
    if (!isIssuer && !DATE_LINE.test(line)) break;
    if (isIssuer) issuer = line;
    else removed.push({ text: line, reason: 'page-furniture' });
    body.shift();
  }
  return { lines: body, issuer, removed };
};
