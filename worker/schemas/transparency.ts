import * as v from 'valibot';
import { LOCALES } from '../../db/schema';
import { TimestampSchema } from './common';

/** `?lang` of the transparency reads: the ambassador's language, default fr. */
export const TransparencyQuerySchema = v.object({
  lang: v.optional(v.pipe(v.picklist(LOCALES, 'lang must be fr or en'), v.description('the language of the text; default fr')), 'fr'),
});

/** What an organisation's programme stores about an ambassador, who sees it and for how long (from the data inventory). */
export const TransparencySchema = v.pipe(
  v.object({
    organisation: v.object({ name: v.string(), privacyContact: v.nullable(v.string()) }),
    settingsAt: v.pipe(TimestampSchema, v.description('the date of the settings this reflects (`trustSettingsAt`)')),
    visibility: v.pipe(v.string(), v.description('who sees the ambassador’s results by name under the current `ambassadorVisibility`, with the remainder rule')),
    data: v.array(
      v.object({
        what: v.string(),
        purpose: v.string(),
        retention: v.string(),
        whoSees: v.string(),
      }),
    ),
  }),
  v.title('Transparency'),
);
export type Transparency = v.InferOutput<typeof TransparencySchema>;
