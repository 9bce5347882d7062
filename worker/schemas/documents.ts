import * as v from 'valibot';
import { LOCALES } from '../../db/schema';
import { DOCUMENT_KINDS } from '../trust/documents';

/** `{kind}` of `GET /api/v1/documents/{kind}`. */
export const DocumentParamSchema = v.object({
  kind: v.pipe(v.picklist(DOCUMENT_KINDS, 'kind must be cse-note or dpia'), v.description('`cse-note`: the works council’s information note; `dpia`: the DPIA (AIPD) draft')),
});

/** `?lang&format` of `GET /api/v1/documents/{kind}`. */
export const DocumentQuerySchema = v.object({
  lang: v.optional(v.pipe(v.picklist(LOCALES, 'lang must be fr or en'), v.description('the document’s language; default fr')), 'fr'),
  format: v.optional(v.pipe(v.picklist(['html', 'md'], 'format must be html or md'), v.description('`html`: a full, script-free page; `md`: Markdown; default html')), 'html'),
});
