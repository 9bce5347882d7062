/**
 * The admin's words, French first. Pages render French at build time (i18n-build.ts); the LanguageSwitch
 * island swaps every `[data-i18n]` element's text (and `[data-i18n-label]`'s `aria-label`) on the client,
 * and islands re-render from the `locale` signal. The dictionaries: messages-common-*.ts (both spaces),
 * messages-*.ts and messages-dashboard-*.ts (the admin); the ambassador's pages load i18n-me.ts instead.
 */
import { commonEn } from './messages-common-en';
import { commonFr, type CommonMessageKey } from './messages-common-fr';
import { dashboardEn } from './messages-dashboard-en';
import { dashboardFr, type DashboardMessageKey } from './messages-dashboard-fr';
import { en } from './messages-en';
import { fr, type MessageKey as AdminMessageKey } from './messages-fr';
import { translator } from './translator';

export { DEFAULT_LOCALE, isLocale, LOCALE_NAMES, LOCALES, pickLocale, type Locale, type MessageParams } from './translator';

export type MessageKey = CommonMessageKey | AdminMessageKey | DashboardMessageKey;

export const adminWords = translator<MessageKey>({ fr: { ...commonFr, ...fr, ...dashboardFr }, en: { ...commonEn, ...en, ...dashboardEn } });

export const t = adminWords.t;
export const isMessageKey = adminWords.has;
