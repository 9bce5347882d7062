/**
 * Islands' access to a dictionary. Until the island is mounted it speaks the build's language
 * (French), so hydration sees exactly the static markup; afterwards it follows the `locale` signal.
 */
import { createSignal, onMount, type Accessor } from 'solid-js';
import { locale } from './locale';
import { DEFAULT_LOCALE, type Locale, type MessageParams, type Translator } from './translator';

export interface I18n<K extends string> {
  /** The island's current language. */
  lang: Accessor<Locale>;
  /** True once running in the browser (safe to read `location`, storage, …). */
  mounted: Accessor<boolean>;
  t: (key: K, params?: MessageParams) => string;
}

/** The hook of one set of dictionaries: use-i18n.ts (the admin), i18n-me.ts, i18n-common.ts. */
export function i18nHook<K extends string>(words: Translator<K>): () => I18n<K> {
  return () => {
    const [mounted, setMounted] = createSignal(false);
    onMount(() => setMounted(true));
    const lang = () => (mounted() ? locale() : DEFAULT_LOCALE);
    return { lang, mounted, t: (key, params) => words.t(lang(), key, params) };
  };
}
