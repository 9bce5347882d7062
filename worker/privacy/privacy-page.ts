/** The public `/privacy` page (API.md, "Privacy and trust"): a small, script-free HTML page in French or English. */
import { escapeHtml } from '../lib/markdown';
import { contactHref } from '../lib/privacy-contact';
import type { Locale } from '../lib/locale';
import { ICON_LINK } from '../lib/content-security-policy';
import type { PrivacyNotice } from '../services/privacy-notice';
import { PRIVACY_WORDS } from './privacy-words';

export interface PrivacyPageState {
  lang: Locale;
  notice: PrivacyNotice;
  /** The browser carries the `relais_optout` cookie. */
  optedOut: boolean;
  /** The browser sends `Sec-GPC: 1` or `DNT: 1`. */
  signalled: boolean;
}

/** A contact as a link (lib/privacy-contact.ts); plain text otherwise. */
function contactLink(contact: string): string {
  const href = contactHref(contact);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(contact)}</a>` : escapeHtml(contact);
}

const list = (items: readonly string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;

const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}' +
  'h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.15rem;margin-top:2rem}a{color:#0b57d0}' +
  '.status{padding:.75rem 1rem;border-left:4px solid #0b57d0;background:#eef3fd}form{margin:1rem 0}' +
  'button{font:inherit;padding:.6rem 1rem;border:2px solid #0b57d0;border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}' +
  'button:focus-visible,a:focus-visible{outline:3px solid #111;outline-offset:2px}.meta{color:#555;font-size:.9rem}';

/** The page's HTML for `state`. */
export function privacyPage({ lang, notice, optedOut, signalled }: PrivacyPageState): string {
  const w = PRIVACY_WORDS[lang];
  const other: Locale = lang === 'fr' ? 'en' : 'fr';
  const organisations = notice.organisations.length
    ? `<ul>${notice.organisations
        .map((o) => `<li>${escapeHtml(o.name)} — ${w.contact} ${o.privacyContact ? contactLink(o.privacyContact) : escapeHtml(w.noContact)}</li>`)
        .join('')}</ul>${notice.unlisted > 0 ? `<p>${escapeHtml(w.unlisted(notice.unlisted))}</p>` : ''}`
    : `<p>${escapeHtml(w.noOrganisation)}</p>`;
  const status = signalled ? w.signal : optedOut ? w.optedOut : w.notOptedOut;
  const action = optedOut ? ['opt-in', w.optIn] : ['opt-out', w.optOut];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${ICON_LINK}<title>${escapeHtml(w.title)}</title><style>${STYLE}</style></head><body><main>
<p class="meta"><a href="/privacy?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(w.otherLanguage)}</a></p>
<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.intro)}</p>
<h2>${escapeHtml(w.recordsTitle)}</h2>${list(w.records)}
<h2>${escapeHtml(w.neverTitle)}</h2>${list(w.never)}
<p>${escapeHtml(w.attribution)}</p><p>${escapeHtml(w.retention(notice.retentionMonths))}</p>
<h2>${escapeHtml(w.whoTitle)}</h2>${organisations}<p>${escapeHtml(w.rights)}</p>
<h2 id="object">${escapeHtml(w.objectTitle)}</h2><p class="status" role="status">${escapeHtml(status)}</p>
<form method="post" action="/privacy/${action[0]}?lang=${lang}"><button type="submit">${escapeHtml(action[1] ?? '')}</button></form>
<p class="meta">${escapeHtml(w.cookieNote)}</p>
</main></body></html>`;
}
