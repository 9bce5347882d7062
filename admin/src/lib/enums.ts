/**
 * The option lists the forms offer. Their types come from the API (api-types.ts); `allOf` makes the
 * compiler fail when the API gains or loses a value, so a list can never drift from the contract.
 */
import type {
  AdminRole,
  AmbassadorProfile,
  AmbassadorStatus,
  ApiKeyScope,
  CampaignObjective,
  CampaignStatus,
  ContentKind,
  ConversionType,
  Network,
} from './api-types';

/** Accepts a tuple only when it names every member of `T` (and nothing else). */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : ['missing', Exclude<T, L[number]>])): L => list;
}

export const NETWORKS = allOf<Network>()(['linkedin', 'x', 'facebook', 'instagram', 'email', 'other']);
export const CAMPAIGN_OBJECTIVES = allOf<CampaignObjective>()(['awareness', 'leads', 'recruitment', 'engagement']);
export const CAMPAIGN_STATUSES = allOf<CampaignStatus>()(['draft', 'active', 'archived']);
export const CONTENT_KINDS = allOf<ContentKind>()(['article', 'job', 'event', 'news', 'whitepaper', 'video']);
export const AMBASSADOR_STATUSES = allOf<AmbassadorStatus>()(['invited', 'active', 'left']);
export const AMBASSADOR_PROFILES = allOf<AmbassadorProfile>()(['expert', 'reporter', 'supporter', 'hr']);
export const ADMIN_ROLES = allOf<AdminRole>()(['owner', 'editor', 'analyst']);
export const API_KEY_SCOPES = allOf<ApiKeyScope>()(['conversions:write', 'kpis:read', 'admin']);
export const CONVERSION_TYPES = allOf<ConversionType>()(['application', 'download', 'lead', 'signup', 'purchase', 'custom']);
