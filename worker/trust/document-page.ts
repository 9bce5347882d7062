/** A generated document as a full, script-free HTML page that prints cleanly. */
import { ICON_LINK } from '../lib/content-security-policy';
import type { Locale } from '../lib/locale';
import { escapeHtml, renderMarkdown } from '../lib/markdown';

const STYLE =
  'body{font:1rem/1.55 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}' +
  'h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}li{margin:.4rem 0}code{font-size:.85em;background:#f2f2f2;padding:0 .2em}a{color:#0b57d0}' +
  '@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}h2,h3{break-after:avoid}li{break-inside:avoid}}';

/** The HTML page of a document whose Markdown is `markdown`. */
export function documentPage(title: string, markdown: string, lang: Locale): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${ICON_LINK}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>\n${renderMarkdown(markdown)}\n</main></body></html>`;
}
