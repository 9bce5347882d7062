import { createEffect, For, onMount, type VoidComponent } from 'solid-js';
import { chooseLocale, locale, setLocale, storedLocale } from '../lib/locale';
import { LOCALE_NAMES, LOCALES, pickLocale, titleOf, type Locale, type Translator } from '../lib/translator';

/**
 * Rewrites the static page in `next` with `words` (the page's space's dictionaries): `<html lang>`, the
 * title (`<html data-title-key>`), every `[data-i18n]` element's text and every `[data-i18n-label]`
 * element's `aria-label`.
 */
function applyToDocument(words: Translator<string>, next: Locale): void {
  const root = document.documentElement;
  root.lang = next;
  const titleKey = root.dataset.titleKey;
  if (titleKey !== undefined && words.has(titleKey)) document.title = titleOf(words.t(next, titleKey), titleKey === 'page.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (key !== undefined && words.has(key)) el.textContent = words.t(next, key);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = el.dataset.i18nLabel;
    if (key !== undefined && words.has(key)) el.setAttribute('aria-label', words.t(next, key));
  }
}

/**
 * Two toggle buttons (Français / English); starts from the choice saved on this device or the browser's
 * languages. The islands LanguageSwitch (admin) and MeLanguageSwitch (ambassador) give it their space's
 * dictionaries; `onChoose` also hears a person's explicit choice.
 */
const LanguageButtons: VoidComponent<{ words: Translator<string>; onChoose?: (next: Locale) => void }> = (props) => {
  onMount(() => {
    setLocale(storedLocale() ?? pickLocale(navigator.languages));
    createEffect(() => applyToDocument(props.words, locale()));
  });

  const choose = (next: Locale) => {
    chooseLocale(next);
    props.onChoose?.(next);
  };

  return (
    <div class="language-switch" role="group" aria-label={props.words.has('language.label') ? props.words.t(locale(), 'language.label') : undefined}>
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

export default LanguageButtons;
