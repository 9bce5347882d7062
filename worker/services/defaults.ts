/**
 * Defaults for an organisation's money and reach settings, used until it sets its own. They are rough
 * public benchmarks (EUR), documented in the README with their sources; every organisation should set
 * the rates it actually pays for ads (`PATCH /api/v1/organisation`).
 */
import type { ConversionType, Network } from '../../db/schema';

export interface NetworkRate {
  /** Cost per click of a paid ad on that network. */
  cpc: number;
  /** Cost per thousand impressions of a paid ad. */
  cpm: number;
  /** Share of an ambassador's followers that sees an organic post (0–1), for estimated reach. */
  organicReach: number;
}

export const DEFAULT_RATES: Record<Network, NetworkRate> = {
  linkedin: { cpc: 5.0, cpm: 30.0, organicReach: 0.08 },
  x: { cpc: 0.6, cpm: 6.0, organicReach: 0.03 },
  facebook: { cpc: 0.8, cpm: 8.0, organicReach: 0.05 },
  instagram: { cpc: 1.0, cpm: 7.0, organicReach: 0.1 },
  email: { cpc: 1.0, cpm: 0, organicReach: 0.3 },
  other: { cpc: 0.5, cpm: 5.0, organicReach: 0.05 },
};

export { CONVERSION_TYPES, type ConversionType } from '../../db/schema';

/** Default value of one conversion of each type when the reporting system sends none. */
export const DEFAULT_CONVERSION_VALUES: Record<ConversionType, number> = {
  application: 0,
  download: 0,
  lead: 0,
  signup: 0,
  purchase: 0,
  custom: 0,
};
