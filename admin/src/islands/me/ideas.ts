/**
 * The talking points as plain ideas: one per Markdown list item or line, markup characters dropped
 * (the space renders no HTML but the charter's).
 */
export function ideasOf(markdown: string): string[] {
  return markdown
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^#+\s*/, '').replace(/[*_`]/g, '').trim())
    .filter((line) => line.length > 0);
}
