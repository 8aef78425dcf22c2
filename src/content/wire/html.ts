// HTML to lines of text with a real parser (htmlparser2): block elements end lines, scripts and
// styles are dropped (and reported), inline markup is flattened.
import { parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { name: string; children: unknown }>;

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
  'byline',
  'hedline',
  'hl1',
  'hl2',
  'dateline',
]);
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'head',
  'nav',
]);

export interface HtmlText {
  lines: string[];
  /** The first <h1> (or <title>), the story's headline in a web page. */
  headline?: string;
  /** The site named after the headline in <title> ("… | Voice of America"), when there is an <h1>. */
  publisher?: string;
  /** Text of elements that never reach the reader (scripts, styles): reported, not kept. */
  dropped: string[];
}

const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

export const htmlToLines = (html: string): HtmlText => {
  const document = parseDocument(html, { decodeEntities: false });
  const out: string[] = [''];
  const dropped: string[] = [];
  let headline: string | undefined;
  let title: string | undefined;

  const textOf = (node: ChildNode): string =>
    node.type === 'text' ? node.data : isElement(node) ? node.children.map(textOf).join('') : '';

  const walk = (node: ChildNode) => {
    if (node.type === 'text') {
      out[out.length - 1] += node.data.replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'title') {
      title ??= textOf(node).replace(/\s+/g, ' ').trim();
      return;
    }
    if (name === 'head') {
      node.children.forEach((child) => isElement(child) && child.name === 'title' && walk(child));
      return;
    }
    if (DROPPED.has(name)) {
      const text = textOf(node).trim();
      if (text) dropped.push(text);
      return;
    }
    if (name === 'h1') headline ??= textOf(node).replace(/\s+/g, ' ').trim();
    const block = BLOCKS.has(name);
    if (block) out.push('');
    node.children.forEach(walk);
    if (block) out.push('');
  };
  document.children.forEach(walk);
  const publisher =
    headline && title ? /\s[|–—]\s+([^|–—]{2,60})$/.exec(title)?.[1]?.trim() : undefined;
  return {
    lines: out.map((l) => l.trim()).filter(Boolean),
    headline: headline ?? title,
    publisher,
    dropped,
  };
};
