/** The ambassador's pages' words: their own and the shared components', nothing of the admin's. */
import { commonEn } from './messages-common-en';
import { commonFr, type CommonMessageKey } from './messages-common-fr';
import { meEn } from './messages-me-en';
import { meFr, type MeMessageKey } from './messages-me-fr';
import { translator } from './translator';
import { i18nHook } from './i18n-hook';

export type MeKey = CommonMessageKey | MeMessageKey;

export const meWords = translator<MeKey>({ fr: { ...commonFr, ...meFr }, en: { ...commonEn, ...meEn } });

/** Call once per island component of the ambassador's space. */
export const useMeI18n = i18nHook(meWords);
