/** The "Sharing well" guide of an organisation: its own Markdown, or the one Relais ships in the reader's language. */
import { eq } from 'drizzle-orm';
import { organisations, type LOCALES } from '../../db/schema';
import { DEFAULT_SHARING_GUIDE } from '../guide/sharing-guide';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { renderMarkdown } from '../lib/markdown';
import type { SharingGuide } from '../schemas/me';

/** The guide an ambassador of `organisationId` reads, in `lang` when it is Relais's own. */
export async function getSharingGuide(db: Db, organisationId: string, lang: (typeof LOCALES)[number]): Promise<SharingGuide> {
  const row = await db.select({ guide: organisations.sharingGuide }).from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!row) throw new ApiError('not_found', 'No such organisation.');
  const markdown = row.guide ?? DEFAULT_SHARING_GUIDE[lang];
  return { markdown, html: renderMarkdown(markdown), custom: row.guide !== null };
}
