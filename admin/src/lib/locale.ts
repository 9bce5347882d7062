/**
 * The page's current locale, shared by every island (the language switch writes it, islands read it), and
 * the choice remembered on this device.
 */
import { createSignal } from 'solid-js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './translator';

const STORAGE_KEY = 'relais.locale';

const [locale, setLocale] = createSignal<Locale>(DEFAULT_LOCALE);

export { locale, setLocale };

/** The language chosen earlier on this device, if any. */
export function storedLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (privacy settings).
    return undefined;
  }
}

/** Switches the page to `next` and remembers it on this device. */
export function chooseLocale(next: Locale): void {
  setLocale(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits; the page still switches.
  }
}
