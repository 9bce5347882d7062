/**
 * The arithmetic of API.md's KPI definitions, kept apart from the queries so each rule is in one place:
 * sums accumulate per group, rates are derived at the end and are 0 when their denominator is 0.
 */
import type { Network } from '../../db/schema';
import type { KpiTotals } from '../schemas/kpis';
import type { NetworkRate } from './defaults';

/** One rollup row's counts (organisation × day × link), summed; `uniqueVisitors` as the group counts them. */
export interface TrafficSums {
  clicks: number;
  uniqueVisitors: number;
  previews: number;
  scanners: number;
  automated: number;
  self: number;
  optouts: number;
  conversions: number;
  conversionValue: number;
}

/** One share's contribution: its own report, or the estimate from the declared audience. */
export interface ShareFacts {
  network: Network;
  /** The ambassador, or the anonymous marker their shares kept when they were erased. */
  sharer: string | null;
  impressions: number | null;
  engagements: number | null;
  audience: number;
}

/** What a group accumulates before its rates are derived. */
export class Accumulator {
  traffic: TrafficSums = { clicks: 0, uniqueVisitors: 0, previews: 0, scanners: 0, automated: 0, self: 0, optouts: 0, conversions: 0, conversionValue: 0 };
  shares = 0;
  impressions = 0;
  engagements = 0;
  reachEstimated = 0;
  emv = 0;
  readonly sharers = new Set<string>();

  constructor(readonly rates: Record<Network, NetworkRate>) {}

  /** Adds rollup counts of one network; their clicks earn that network's CPC. */
  addTraffic(network: Network | null, sums: TrafficSums): void {
    for (const key of Object.keys(this.traffic) as (keyof TrafficSums)[]) this.traffic[key] += sums[key];
    this.emv += sums.clicks * this.rates[network ?? 'other'].cpc;
  }

  /** Sets the group's distinct visitors, counted apart (a visitor is one per group, whatever links they reached). */
  setUniqueVisitors(count: number): void {
    this.traffic.uniqueVisitors = count;
  }

  /** Adds one share: reported impressions earn the network's CPM; an unreported share adds estimated reach only. */
  addShare(share: ShareFacts): void {
    this.shares += 1;
    if (share.sharer) this.sharers.add(share.sharer);
    const rate = this.rates[share.network];
    if (share.impressions === null) {
      this.reachEstimated += share.audience * rate.organicReach;
    } else {
      this.impressions += share.impressions;
      this.emv += (share.impressions / 1000) * rate.cpm;
    }
    this.engagements += share.engagements ?? 0;
  }

  /** The group's KPIs, given how many ambassadors are enrolled in it. */
  totals(enrolled: number): KpiTotals {
    const t = this.traffic;
    const reachEstimated = round(this.reachEstimated);
    return {
      shares: this.shares,
      reach: round(this.impressions + reachEstimated),
      reachEstimated,
      impressions: this.impressions,
      engagements: this.engagements,
      engagementRate: ratio(this.engagements, this.impressions),
      clicks: t.clicks,
      uniqueVisitors: t.uniqueVisitors,
      filtered: { preview: t.previews, scanner: t.scanners, automated: t.automated, self: t.self, optout: t.optouts },
      conversions: t.conversions,
      conversionRate: ratio(t.conversions, t.uniqueVisitors),
      conversionValue: round(t.conversionValue, 2),
      emv: round(this.emv, 2),
      ambassadors: enrolled,
      activeAmbassadors: this.sharers.size,
      participationRate: ratio(this.sharers.size, enrolled),
    };
  }
}

/** `numerator / denominator`, rounded to 4 decimals; 0 when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? round(numerator / denominator, 4) : 0;
}

function round(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
