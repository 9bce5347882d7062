/** The generated trust documents (API.md, "Privacy and trust"): the organisation's settings in, Markdown or HTML out. */
import type { Db } from '../lib/db';
import type { Locale } from '../lib/locale';
import { iso } from '../lib/time';
import { documentPage } from '../trust/document-page';
import { documentMarkdown, documentTitle, type DocumentInput, type DocumentKind } from '../trust/documents';
import { getOrganisationOrThrow } from './organisations';

/** A rendered document and its media type. */
export interface RenderedDocument {
  body: string;
  contentType: string;
}

/** The settings of an organisation the documents and the ambassador's transparency page reflect. */
export async function trustInputOf(db: Db, organisationId: string): Promise<DocumentInput> {
  const row = await getOrganisationOrThrow(db, organisationId);
  const { name, ambassadorVisibility, cseInformedOn, retentionMonths, auditRetentionMonths, attributionWindowDays, privacyContact } = row;
  return {
    settings: { name, ambassadorVisibility, cseInformedOn, retentionMonths, auditRetentionMonths, attributionWindowDays, privacyContact },
    settingsAt: iso(row.trustSettingsAt ?? row.createdAt),
  };
}

/** The document `kind` of the organisation, in `lang` and `format`. */
export async function renderDocument(db: Db, organisationId: string, kind: DocumentKind, lang: Locale, format: 'html' | 'md'): Promise<RenderedDocument> {
  const input = await trustInputOf(db, organisationId);
  const markdown = documentMarkdown(kind, input, lang);
  return format === 'md'
    ? { body: markdown, contentType: 'text/markdown; charset=utf-8' }
    : { body: documentPage(documentTitle(kind, input.settings.name, lang), markdown, lang), contentType: 'text/html; charset=utf-8' };
}
