/**
 * The page's current locale, shared by every island (LanguageSwitch writes it, HealthStatus reads it).
 */
import { createSignal } from 'solid-js';
import { DEFAULT_LOCALE, type Locale } from './translator';

const [locale, setLocale] = createSignal<Locale>(DEFAULT_LOCALE);

export { locale, setLocale };
