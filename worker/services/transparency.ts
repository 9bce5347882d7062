/** The ambassador's transparency: the data inventory's lines about ambassadors, under their organisation's settings. */
import type { Db } from '../lib/db';
import type { Locale } from '../lib/locale';
import type { Transparency } from '../schemas/transparency';
import { dataAbout } from '../trust/data-inventory';
import type { DocumentInput } from '../trust/documents';
import { retentionWords } from '../trust/retention';
import { visibilityWords, whoSeesWords } from '../trust/who-sees';
import { trustInputOf } from './documents';
import { invitationNotFound, peekInvitation } from './invitations';
import { consume, refund } from './rate-limits';
import { invitationAttemptLimits } from './accept-invitation';

function transparencyOf({ settings, settingsAt }: DocumentInput, lang: Locale): Transparency {
  return {
    organisation: { name: settings.name, privacyContact: settings.privacyContact },
    settingsAt,
    visibility: visibilityWords(settings)[lang],
    data: dataAbout('ambassadors').map((datum) => ({
      what: datum.what[lang],
      purpose: datum.purpose[lang],
      retention: retentionWords(datum.retention, settings)[lang],
      whoSees: whoSeesWords(datum.access, settings)[lang],
    })),
  };
}

/** What the ambassador's organisation stores about them, in `lang`. */
export async function ambassadorTransparency(db: Db, organisationId: string, lang: Locale): Promise<Transparency> {
  return transparencyOf(await trustInputOf(db, organisationId), lang);
}

/**
 * The same, before joining, for the organisation of a pending ambassador invitation; counted like accepting one
 * (an unknown, used or expired token is a failure), so tokens cannot be probed here either.
 */
export async function invitationTransparency(db: Db, token: string, ip: string | undefined, lang: Locale, now = Date.now()): Promise<Transparency> {
  const limits = invitationAttemptLimits(ip);
  await consume(db, limits, now);
  const pending = await peekInvitation(db, token, now);
  if (!pending || pending.subjectType !== 'ambassador') throw invitationNotFound();
  await refund(db, limits, now);
  return ambassadorTransparency(db, pending.organisationId, lang);
}
