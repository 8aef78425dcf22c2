// The agency formats: raw text, HTML, IPTC ninjs (JSON) and NITF (XML), each read into the same
// plain shape. Quote extraction then runs on the lines as for raw copy.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WireInputError } from './errors';
import { htmlToLines } from './html';
import type { WireFormat } from './types';

export interface WireDocument {
  format: WireFormat;
  /** The body, one raw (uncleaned) line per element; the text layout finds headline and furniture. */
  lines: string[];
  headline?: string;
  /** A feed's second headline or summary, used as the standfirst. */
  standfirst?: string;
  byline?: string;
  dateline?: string;
  /** ISO YYYY-MM-DD. */
  date?: string;
  /** The delivering agency (copyright holder or provider). */
  agency?: string;
  language?: string;
  /** Markup content that never reaches a reader. */
  dropped: string[];
}

const looksLikeJson = (text: string) => /^\s*\{/.test(text);
const looksLikeNitf = (text: string) =>
  /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<nitf[\s>]/i.test(text);
const looksLikeHtml = (text: string) =>
  /<(html|body|p|div|br|h[1-6]|article|span|ul|li)(\s[^>]*)?\/?>/i.test(text);

/** `auto`: JSON object → ninjs, `<nitf>` → NITF, tags → HTML, else text. */
export const detectFormat = (content: string): WireFormat => {
  if (looksLikeJson(content) && parsesAsNinjs(content)) return 'ninjs';
  // NITF that is not well-formed XML is still markup: the lenient HTML reader keeps its text.
  if (looksLikeNitf(content)) return XMLValidator.validate(content) === true ? 'nitf' : 'html';
  return looksLikeHtml(content) ? 'html' : 'text';
};

const toIsoDate = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})(T|$)/.exec(value.trim());
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
};

const str = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value)
    return str((value as Record<string, unknown>)['#text']);
  return undefined;
};

const textLines = (text: string) => text.split(/\r\n?|\n/);

const parsesAsNinjs = (content: string) => {
  try {
    const data = JSON.parse(content);
    return Boolean(data) && typeof data === 'object' && !Array.isArray(data);
  } catch {
    return false;
  }
};

// ninjs 1.x has `headline`, `body_html`, `located`; 2.x has `headlines[]`, `bodies[]`, `by`.
const fromNinjs = (content: string): WireDocument => {
  let data: Record<string, any>;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new WireInputError(`The ninjs document is not valid JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new WireInputError('The ninjs document must be a JSON object.');
  const headlines: any[] = Array.isArray(data.headlines) ? data.headlines : [];
  const bodies: any[] = Array.isArray(data.bodies) ? data.bodies : [];
  const html =
    str(data.body_html) ?? str(bodies.find((b) => /html/.test(String(b?.contenttype)))?.value);
  const text =
    str(data.body_text) ?? str(bodies.find((b) => !/html/.test(String(b?.contenttype)))?.value);
  const body = html ? htmlToLines(html) : { lines: textLines(text ?? ''), dropped: [] };
  const provider = data.provider ?? data.copyrightholder;
  return {
    format: 'ninjs',
    lines: body.lines,
    headline:
      str(data.headline) ??
      str(headlines.find((h) => !h?.role || h.role === 'main')?.value) ??
      str(headlines[0]?.value),
    standfirst: str(data.description_text) ?? str(headlines.find((h) => h?.role === 'sub')?.value),
    byline: str(data.byline) ?? str(data.by),
    dateline: str(data.located) ?? str(data.dateline),
    date: toIsoDate(data.versioncreated) ?? toIsoDate(data.firstcreated),
    agency:
      str(data.copyrightholder) ?? str(typeof provider === 'object' ? provider?.name : provider),
    language: str(data.language),
    dropped: body.dropped,
  };
};

// Ordered parse: paragraphs keep their inline markup (<q>, <em>) in reading order.
const nitfParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: false,
  trimValues: false,
});

type XmlNode = Record<string, any>;
const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@');
const kids = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  return tag && Array.isArray(node[tag]) ? node[tag] : [];
};
const attr = (node: XmlNode | undefined, name: string): string | undefined =>
  str(node?.[':@']?.[name]);
/** First element named `name` at any depth. */
const find = (nodes: XmlNode[], name: string): XmlNode | undefined => {
  for (const node of nodes) {
    if (tagOf(node) === name) return node;
    const deeper = find(kids(node), name);
    if (deeper) return deeper;
  }
  return undefined;
};
const textOf = (node: XmlNode | undefined): string =>
  !node
    ? ''
    : typeof node['#text'] === 'string' || typeof node['#text'] === 'number'
      ? String(node['#text'])
      : kids(node).map(textOf).join('');
const clean = (value: string) => value.replace(/\s+/g, ' ').trim() || undefined;

/** Block children of body.content (p, hl2, block, …) as lines; inline markup flattened. */
const bodyLines = (node: XmlNode | undefined): string[] =>
  kids(node ?? {}).flatMap((child) => {
    const tag = tagOf(child);
    if (tag === '#text') return clean(textOf(child)) ? [textOf(child)] : [];
    if (tag === 'block' || tag === 'ul' || tag === 'ol' || tag === 'table') return bodyLines(child);
    const text = clean(textOf(child));
    return text ? [text] : [];
  });

const fromNitf = (content: string): WireDocument => {
  const valid = XMLValidator.validate(content);
  if (valid !== true)
    throw new WireInputError(
      `The NITF document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`
    );
  const root = find(nitfParser.parse(content) as XmlNode[], 'nitf');
  if (!root) throw new WireInputError('The NITF document has no <nitf> root element.');
  const top = kids(root);
  const hedline = find(top, 'hedline');
  const dateline = find(top, 'dateline');
  const byline = clean(textOf(find(top, 'byline')));
  return {
    format: 'nitf',
    lines: bodyLines(find(top, 'body.content')),
    headline: clean(textOf(find(kids(hedline ?? {}), 'hl1'))) ?? clean(textOf(find(top, 'title'))),
    standfirst:
      clean(textOf(find(kids(hedline ?? {}), 'hl2'))) ?? clean(textOf(find(top, 'abstract'))),
    byline: byline?.replace(/^by\s+/i, ''),
    dateline: clean(textOf(find(kids(dateline ?? {}), 'location'))) ?? clean(textOf(dateline)),
    date:
      toIsoDate(attr(find(top, 'date.issue'), 'norm')) ??
      toIsoDate(attr(find(top, 'story.date'), 'norm')) ??
      toIsoDate(attr(find(top, 'date.release'), 'norm')),
    agency:
      attr(find(top, 'doc.copyright'), 'holder') ??
      clean(textOf(find(top, 'distributor'))) ??
      attr(find(top, 'pubdata'), 'name'),
    language: attr(root, 'xml:lang') ?? attr(find(top, 'docdata'), 'xml:lang'),
    dropped: [],
  };
};

/** Reads the copy in its format; throws WireInputError only when an explicitly named format is malformed. */
export const readDocument = (content: string, format: WireFormat): WireDocument => {
  if (format === 'ninjs') return fromNinjs(content);
  if (format === 'nitf') return fromNitf(content);
  if (format === 'html') {
    const html = htmlToLines(content);
    return {
      format,
      lines: html.lines,
      headline: html.headline,
      agency: html.publisher,
      dropped: html.dropped,
    };
  }
  return { format, lines: textLines(content), dropped: [] };
};
