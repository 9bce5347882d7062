/** The admin's islands' access to its dictionary (i18n-hook.ts). */
import { i18nHook } from './i18n-hook';
import { adminWords } from './i18n';

/** Call once per island component of the admin. */
export const useI18n = i18nHook(adminWords);
