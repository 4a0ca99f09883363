/**
 * Markdown to plain text for short excerpts (search results): what a reader sees, without the
 * marks that make it Markdown. It works line by line on a fragment (an excerpt may start or end in
 * the middle of a link or a list), never produces HTML, and leaves characters it does not know
 * alone, so the search's own match markers pass through untouched.
 */

const BLOCK_PREFIX = [
  /^\s{0,3}#{1,6}\s+/, // # Heading
  /^\s*(?:>\s?)+/, // > quote (nested too)
  /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, // - item, 1. item, - [x] task
];

/** Lines with no words of their own: rules, code fences, table separators. */
const NOISE_LINE = /^\s*(?:(?:[-*_]\s*){3,}|`{3,}.*|~{3,}.*|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?)\s*$/;

/**
 * Each group of rules runs only when the text holds the character its marks need: a rule that
 * could not match changes nothing, and most excerpts hold few marks (search pages make twenty
 * of these per answer, and a dozen regular expressions each were most of an excerpt's cost).
 */
function inline(line: string): string {
  let text = line;
  if (text.includes(']'))
    text = text
      // ![alt](src) → alt; [text](href "title") → text; [text][ref] → text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // A link cut by the end of the excerpt: "[text](https://exa" → "text"; cut at the start: "](href) rest"
      .replace(/!?\[([^\]]*)\]\([^)]*$/g, '$1')
      .replace(/^[^[\]]*\]\([^)\s]*\)/, (m) => m.slice(0, m.indexOf(']')));
  // <https://example.com> → https://example.com
  if (text.includes('<')) text = text.replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1');
  // `code` → code (any run of backticks)
  if (text.includes('`')) text = text.replace(/(`+)([^`]+?)\1/g, '$2');
  if (EMPHASIS.test(text))
    text = text
      // **strong**, __strong__, ~~struck~~
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      // A mark left without its pair (the excerpt cut it off): ** ~~ `
      .replace(/\*\*|~~|`/g, '')
      // *em*; _em_ only at word edges, so snake_case_names stay as they are
      .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
  // Table cells: pipes become gaps
  if (text.includes('|')) text = text.replace(/\s*\|\s*/g, ' ');
  return text;
}
const EMPHASIS = /[*_~`]/;

// An escaped mark (\*) is hidden from the rules above in a private-use character, then restored.
const HIDDEN = 0xf000;
const hide = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_, c: string) => String.fromCharCode(HIDDEN + c.charCodeAt(0)));
const unhide = (text: string) => text.replace(/[\uf000-\uf07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - HIDDEN));

/** Plain text of a Markdown fragment, on one line. */
export function markdownToText(markdown: string): string {
  // An excerpt starts with "…" when it starts mid-text; the line's marks come after it.
  const cut = markdown.startsWith('…') ? '…' : '';
  // Most text has no escapes: nothing to hide, nothing to restore.
  const escaped = markdown.includes('\\');
  const body = markdown.slice(cut.length);
  const text = (escaped ? hide(body) : body)
    .split(/\r?\n/)
    .filter((line) => !NOISE_LINE.test(line))
    .map((line) => inline(BLOCK_PREFIX.reduce((l, re) => l.replace(re, ''), line)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cut + (escaped ? unhide(text) : text);
}
