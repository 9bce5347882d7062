/**
 * A tiny, strict Markdown → HTML renderer for charters. The whole input is HTML-escaped first; only
 * then are a few constructs turned into tags we write ourselves, so no HTML from the author ever passes
 * through. Supported: `#`–`###` headings, paragraphs, `-`/`*` and numbered lists, `**bold**`,
 * `*italic*`, `` `code` ``, `[text](https://…)` links (http, https and mailto only) and `\` escapes.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HEADING = /^(#{1,3})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^[ \t]{0,3}[-*][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}\d{1,9}[.)][ \t]+(.*)$/;
// Placeholders are delimited by NUL, which the input can never contain (it is stripped first).
const PLACEHOLDER = /\u0000(\d+)\u0000/g;
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s\u0000]+$/i;

/** Escapes the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Renders inline Markdown in already-escaped text. */
function renderInline(escaped: string): string {
  const held: string[] = [];
  const hold = (html: string) => `\u0000${held.push(html) - 1}\u0000`;
  const italic = (text: string) => text.replace(/\*(?=\S)([^*]+?)\*/g, (_, inner: string) => hold(`<em>${inner}</em>`));
  // Bold is held whole, so an italic run can never straddle its tags.
  const emphasis = (text: string) => italic(text.replace(/\*\*(?=\S)(.+?)\*\*/g, (_, inner: string) => hold(`<strong>${italic(inner)}</strong>`)));
  const html = escaped
    .replace(/`([^`]+)`/g, (_, code: string) => hold(`<code>${code}</code>`))
    .replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => hold(ch))
    .replace(/\[([^\]]+)\]\(([^()\s]+)\)/g, (source: string, text: string, url: string) =>
      SAFE_URL.test(url) ? hold(`<a href="${url}" rel="noopener nofollow">${emphasis(text)}</a>`) : source,
    );
  const restore = (text: string): string => text.replace(PLACEHOLDER, (_, i: string) => restore(held[Number(i)] ?? ''));
  return restore(emphasis(html));
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
      blocks.push({ kind: `h${heading[1].length}` as 'h1' | 'h2' | 'h3', lines: [heading[2]] });
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
