/** The ambassador's pages' words: their own and the shared components', nothing of the admin's; English on demand. */
import { commonEn } from './messages-common-en';
import { commonFr, type CommonMessageKey } from './messages-common-fr';
import { meFr, type MeMessageKey } from './messages-me-fr';
import { lazyTranslator } from './translator';
import { i18nHook } from './i18n-hook';

export type MeKey = CommonMessageKey | MeMessageKey;

export const meWords = lazyTranslator<MeKey>({ ...commonFr, ...meFr }, async () => ({ ...commonEn, ...(await import('./messages-me-en')).meEn }));

/** Call once per island component of the ambassador's space. */
export const useMeI18n = i18nHook(meWords);
