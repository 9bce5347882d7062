import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { admins, ambassadors, apiKeys, campaigns, charters, contents, conversions, organisations, shares } from '../../db/schema';
import { AdminSchema } from '../../worker/schemas/admins';
import { AmbassadorSchema } from '../../worker/schemas/ambassadors';
import { ApiKeySchema } from '../../worker/schemas/api-keys';
import { CampaignSchema } from '../../worker/schemas/campaigns';
import { CharterSchema } from '../../worker/schemas/charters';
import { ContentSchema } from '../../worker/schemas/contents';
import { ConversionSchema } from '../../worker/schemas/conversions';
import { MeSchema } from '../../worker/schemas/me';
import { OrganisationSchema } from '../../worker/schemas/organisations';
import { ShareSchema } from '../../worker/schemas/shares';
import { toAdminDto } from '../../worker/services/admins';
import { toAmbassadorDto } from '../../worker/services/ambassadors';
import { toApiKeyDto } from '../../worker/services/api-keys';
import { toCampaignDto } from '../../worker/services/campaigns';
import { toCharterDto } from '../../worker/services/charters';
import { toContentDto } from '../../worker/services/contents';
import { toConversionDto } from '../../worker/services/conversions';
import { toMeDto } from '../../worker/services/me';
import { toOrganisationDto } from '../../worker/services/organisations';
import { toShareDto } from '../../worker/services/shares';

const AT = Date.UTC(2026, 10, 25, 8, 30);
const ISO = '2026-11-25T08:30:00.000Z';

/** `dto` matches the documented schema (the one in the OpenAPI document) with no key beyond it, nested objects included. */
function expectExactly(schema: v.GenericSchema, dto: unknown) {
  const strict = (s: v.GenericSchema): v.GenericSchema => {
    const inner = 'pipe' in s && Array.isArray(s.pipe) ? (s.pipe[0] as v.GenericSchema) : s;
    if (inner.type !== 'object') return s;
    const entries = (inner as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
    return v.strictObject(Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, strict(entry)])));
  };
  const result = v.safeParse(strict(schema), dto);
  expect(result.issues?.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`) ?? []).toEqual([]);
}

describe('response mappers', () => {
  it('write exactly the schema each resource documents, derived from its table: no other column, times as ISO strings', () => {
    const campaign: typeof campaigns.$inferSelect = { id: 'cmp_1', organisationId: 'org_1', slug: 'c', name: 'C', objective: 'leads', status: 'active', startsAt: AT, endsAt: null, createdAt: AT, updatedAt: AT };
    expectExactly(CampaignSchema, toCampaignDto(campaign));
    expect(toCampaignDto(campaign)).toMatchObject({ startsAt: ISO, endsAt: null });

    const content: typeof contents.$inferSelect = {
      id: 'cnt_1', organisationId: 'org_1', campaignId: 'cmp_1', kind: 'job', title: 'T', url: 'https://example.com/', slug: 't', talkingPoints: '', networks: ['x'], status: 'active', endsAt: null, preview: null, createdAt: AT, updatedAt: AT,
    };
    expectExactly(ContentSchema, toContentDto(content));
    expectExactly(ContentSchema, toContentDto({ ...content, preview: { title: 'T', description: null, image: 'https://cdn.example.com/a.png', fetchedAt: AT } }));

    const admin: typeof admins.$inferSelect = { id: 'adm_1', organisationId: 'org_1', email: 'a@example.com', name: 'A', role: 'owner', passwordHash: 'pbkdf2-sha256$1$s$h', status: 'active', createdAt: AT, updatedAt: AT };
    expectExactly(AdminSchema, toAdminDto(admin));

    const key: typeof apiKeys.$inferSelect = { id: 'key_1', organisationId: 'org_1', name: 'K', scopes: ['kpis:read'], secretHash: 'h', prefix: 'rl_AbCdE', createdAt: AT, lastUsedAt: null, revokedAt: AT };
    expectExactly(ApiKeySchema, toApiKeyDto(key));

    const ambassador: typeof ambassadors.$inferSelect = {
      id: 'amb_1', organisationId: 'org_1', name: 'N', email: 'n@example.com', displayName: null, team: null, profile: 'expert', audience: { x: 10 }, leaderboardOptIn: true, language: null, status: 'active', joinedAt: AT, leftAt: null, createdAt: AT, updatedAt: AT,
    };
    expectExactly(AmbassadorSchema, toAmbassadorDto({ ...ambassador, charterVersion: 2 }));
    expectExactly(MeSchema, toMeDto(ambassador, 2, 1, { name: 'Org', logoPath: '/api/v1/organisation/logo?v=1', disclosure: 'Je travaille chez Org' }));
    expectExactly(MeSchema, toMeDto({ ...ambassador, audience: null }, null, null, { name: 'Org', logoPath: null, disclosure: null }));

    const charter: typeof charters.$inferSelect = { id: 'chr_1', organisationId: 'org_1', version: 3, body: '# C', publishedAt: AT, createdAt: AT };
    expectExactly(CharterSchema, toCharterDto({ ...charter, acceptedBy: 4 }));

    const conversion: typeof conversions.$inferSelect = {
      id: 'cnv_1', organisationId: 'org_1', clickId: 'c1', linkId: 'lnk_1', ambassadorId: null, contentId: 'cnt_1', campaignId: 'cmp_1', network: 'x', type: 'lead', value: 12.5, currency: 'EUR', externalId: null,
      occurredAt: AT, clickAt: AT, clickDay: '2026-11-25', attributed: true, countedValue: 12.5, createdAt: AT,
    };
    expectExactly(ConversionSchema, toConversionDto(conversion));

    const organisation: typeof organisations.$inferSelect = {
      id: 'org_1', slug: 'o', name: 'O', attributionWindowDays: 30, fallbackUrl: null, utmMedium: 'employee_advocacy', currency: 'EUR', rates: {}, conversionValues: {}, ambassadorVisibility: 'opt-in', retentionMonths: 25, logoUrl: null, sharingGuide: null, privacyContact: null, cseInformedOn: null, auditRetentionMonths: 25, disclosure: null, trustSettingsAt: null, createdAt: AT, updatedAt: AT,
    };
    expectExactly(OrganisationSchema, toOrganisationDto(organisation));

    const share: typeof shares.$inferSelect = {
      id: 'shr_1', organisationId: 'org_1', ambassadorId: null, contentId: 'cnt_1', campaignId: 'cmp_1', linkId: 'lnk_1', network: 'x', text: null, similarity: 0.2, nearCopy: false,
      impressions: 100, reactions: null, comments: null, reshares: null, metricsReportedAt: AT, anonymousSharer: null, erasedAudience: null, postedAt: AT, createdAt: AT, updatedAt: AT,
    };
    expectExactly(ShareSchema, toShareDto(share, 'abc', 'https://relais.test'));
  });
});
