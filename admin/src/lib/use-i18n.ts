/**
 * Islands' access to the dictionary. Until the island is mounted it speaks the build's language
 * (French), so hydration sees exactly the static markup; afterwards it follows the `locale` signal.
 */
import { createSignal, onMount, type Accessor } from 'solid-js';
import { DEFAULT_LOCALE, t as translate, type Locale, type MessageKey, type MessageParams } from './i18n';
import { locale } from './locale';

export interface I18n {
  /** The island's current language. */
  lang: Accessor<Locale>;
  /** True once running in the browser (safe to read `location`, storage, …). */
  mounted: Accessor<boolean>;
  t: (key: MessageKey, params?: MessageParams) => string;
}

/** Call once per island component. */
export function useI18n(): I18n {
  const [mounted, setMounted] = createSignal(false);
  onMount(() => setMounted(true));
  const lang = () => (mounted() ? locale() : DEFAULT_LOCALE);
  return { lang, mounted, t: (key, params) => translate(lang(), key, params) };
}
