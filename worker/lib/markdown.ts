/**
 * A tiny, strict Markdown → HTML renderer for charters. The whole input is HTML-escaped first; only
 * then are a few constructs turned into tags we write ourselves, so no HTML from the author ever passes
 * through. Supported: `#`–`###` headings, paragraphs, `-`/`*` and numbered lists, `**bold**`,
 * `*italic*`, `` `code` ``, `[text](https://…)` links (http, https and mailto only) and `\` escapes.
 *
 * Its cost is linear in the input (bodies are read far more often than written): every pattern below
 * either cannot backtrack over more than the text between two of its delimiters, or is a hand-written scan.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Line patterns end in `[\s\S]*` (never `.*$`, which can fail on U+2028 and then backtrack over every
// blank); a heading's optional closing `#` sequence is removed by `headingText`, not by a regex suffix.
const HEADING = /^(#{1,3})[ \t]+([\s\S]*)/;
const BULLET = /^[ \t]{0,3}[-*][ \t]+([\s\S]*)/;
const NUMBERED = /^[ \t]{0,3}\d{1,9}[.)][ \t]+([\s\S]*)/;
// Placeholders are delimited by NUL, which the input can never contain (it is stripped first).
const PLACEHOLDER = /\u0000(\d+)\u0000/g;
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s\u0000]+$/i;
const LINK_URL = /[^()\s]+/y;

/** Escapes the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Replaces each `[text](url)` (text without `]`, url without parentheses or spaces) by `link(text, url)`,
 * or leaves it as written when `link` answers null; a `[` whose `]` is not followed by a URL fails just
 * like every other `[` before that same `]`, so the scan resumes after it and reads each character once.
 */
function replaceLinks(text: string, link: (text: string, url: string) => string | null): string {
  let html = '';
  let copied = 0;
  for (let open = text.indexOf('['); open >= 0; ) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    LINK_URL.lastIndex = close + 2;
    const url = close > open + 1 && text[close + 1] === '(' ? LINK_URL.exec(text)?.[0] : undefined;
    const end = close + 2 + (url?.length ?? 0);
    if (url === undefined || text[end] !== ')') {
      open = text.indexOf('[', close + 1);
      continue;
    }
    const replacement = link(text.slice(open + 1, close), url);
    if (replacement !== null) {
      html += text.slice(copied, open) + replacement;
      copied = end + 1;
    }
    open = text.indexOf('[', end + 1);
  }
  return html + text.slice(copied);
}

/** Sets `html` aside in `held` and answers the placeholder that stands for it until `restore`. */
function hold(held: string[], html: string): string {
  return `\u0000${held.push(html) - 1}\u0000`;
}

/** Puts the held HTML back in place of its placeholders, recursively (a link holds its emphasis). */
function restore(held: readonly string[], text: string): string {
  return text.includes('\u0000') ? text.replace(PLACEHOLDER, (_, i: string) => restore(held, held[Number(i)] ?? '')) : text;
}

function italic(held: string[], text: string): string {
  return text.replace(/\*(?=\S)([^*]+?)\*/g, (_, inner: string) => hold(held, `<em>${inner}</em>`));
}

// Bold is held whole, so an italic run can never straddle its tags. `.+?` stops at the first `**` or line end.
function emphasis(held: string[], text: string): string {
  return italic(held, text.replace(/\*\*(?=\S)(.+?)\*\*/g, (_, inner: string) => hold(held, `<strong>${italic(held, inner)}</strong>`)));
}

/** Renders inline Markdown in already-escaped text. */
function renderInline(escaped: string): string {
  // Helpers are module functions, not closures: the bundle wraps every named closure at each call (keepNames).
  const held: string[] = [];
  const html = replaceLinks(
    escaped.replace(/`([^`]+)`/g, (_, code: string) => hold(held, `<code>${code}</code>`)).replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => hold(held, ch)),
    (text, url) => (SAFE_URL.test(url) ? hold(held, `<a href="${url}" rel="noopener nofollow">${emphasis(held, text)}</a>`) : null),
  );
  return restore(held, emphasis(held, html));
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** A heading's text without its optional closing sequence (blanks, then `#`s) and trailing blanks. */
function headingText(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  // The blanks after the opening `#`s separate a closing sequence that is the whole text (`## ##`).
  if (hashes === end || (hashes > 0 && !isBlank(text[hashes - 1]))) return text.slice(0, end);
  while (hashes > 0 && isBlank(text[hashes - 1])) hashes--;
  return text.slice(0, hashes);
}

type Block = { kind: 'h1' | 'h2' | 'h3' | 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[][] };

/** Splits lines into blocks: headings, list runs, and paragraphs separated by blank lines. */
function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (!line.trim()) {
      blocks.push({ kind: 'p', lines: [] });
      continue;
    }
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    const listKind = BULLET.test(line) ? 'ul' : 'ol';
    if (heading?.[1] && heading[2] !== undefined) {
      blocks.push({ kind: `h${heading[1].length}` as 'h1' | 'h2' | 'h3', lines: [headingText(heading[2])] });
      blocks.push({ kind: 'p', lines: [] });
    } else if (item) {
      const previous = last?.kind === 'p' && !last.lines.length ? blocks.at(-2) : last;
      // A blank line between two items keeps one list.
      if (previous !== last && previous?.kind === listKind) blocks.pop();
      if (previous && previous.kind === listKind) previous.items.push([item[1] ?? '']);
      else blocks.push({ kind: listKind, items: [[item[1] ?? '']] });
    } else if (last && (last.kind === 'ul' || last.kind === 'ol')) {
      last.items.at(-1)?.push(line.trim());
    } else if (last?.kind === 'p') {
      last.lines.push(line.trim());
    } else {
      blocks.push({ kind: 'p', lines: [line.trim()] });
    }
  }
  return blocks;
}

/**
 * Renders Markdown to HTML that is safe to insert into a page as is.
 *
 * @example
 * renderMarkdown('# Charter\n\nBe **kind**.') // '<h1>Charter</h1>\n<p>Be <strong>kind</strong>.</p>'
 */
export function renderMarkdown(markdown: string): string {
  const escaped = escapeHtml(markdown.replace(/\u0000/g, '').replace(/\r\n?/g, '\n'));
  return blocksOf(escaped.split('\n'))
    .map((block) => {
      if ('items' in block) {
        return `<${block.kind}>\n${block.items.map((lines) => `<li>${renderInline(lines.join('\n'))}</li>`).join('\n')}\n</${block.kind}>`;
      }
      return block.lines.length ? `<${block.kind}>${renderInline(block.lines.join('\n'))}</${block.kind}>` : '';
    })
    .filter(Boolean)
    .join('\n');
}
