import { createEffect, For, onMount, type VoidComponent } from 'solid-js';
import { documentTitle, isLocale, isMessageKey, LOCALE_NAMES, LOCALES, pickLocale, t, type Locale } from '../lib/i18n';
import { locale, setLocale } from '../lib/locale';

const STORAGE_KEY = 'relais.locale';

/**
 * Rewrites the static page in `next`: `<html lang>`, the title (`<html data-title-key>`), every
 * `[data-i18n]` element's text and every `[data-i18n-label]` element's `aria-label`.
 */
function applyToDocument(next: Locale): void {
  const root = document.documentElement;
  root.lang = next;
  const titleKey = root.dataset.titleKey ?? 'page.title';
  document.title = documentTitle(next, isMessageKey(titleKey) ? titleKey : 'page.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (key !== undefined && isMessageKey(key)) el.textContent = t(next, key);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = el.dataset.i18nLabel;
    if (key !== undefined && isMessageKey(key)) el.setAttribute('aria-label', t(next, key));
  }
}

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (privacy settings): fall back to the browser's languages.
    return undefined;
  }
}

/** Two toggle buttons (Français / English); starts from the saved choice or the browser's languages. */
const LanguageSwitch: VoidComponent = () => {
  onMount(() => {
    setLocale(readStoredLocale() ?? pickLocale(navigator.languages));
    createEffect(() => applyToDocument(locale()));
  });

  const choose = (next: Locale) => {
    setLocale(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; the switch still works for this page.
    }
  };

  return (
    <div class="language-switch" role="group" aria-label={t(locale(), 'language.label')}>
      <For each={LOCALES}>
        {(code) => (
          <button type="button" lang={code} aria-pressed={locale() === code} onClick={() => choose(code)}>
            {LOCALE_NAMES[code]}
          </button>
        )}
      </For>
    </div>
  );
};

export default LanguageSwitch;
