/** The words of the components both spaces use (forms' errors, lists, copy buttons, dialogs). */
import { commonEn } from './messages-common-en';
import { commonFr, type CommonMessageKey } from './messages-common-fr';
import { translator } from './translator';
import { i18nHook } from './i18n-hook';

export type { CommonMessageKey };

export const commonWords = translator<CommonMessageKey>({ fr: commonFr, en: commonEn });

/** Call once per component. */
export const useCommonI18n = i18nHook(commonWords);
