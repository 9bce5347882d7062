/**
 * Who appears by name in figures (API.md, KPIs: "Not a surveillance tool"): an ambassador still in the
 * programme who chose to be visible, or everyone still in it when the organisation set `ambassadorVisibility`
 * to `all`. Every figure per person (KPI groups, stats pages) asks this one predicate.
 */

/** What the rule reads of an ambassador (all null for a link whose ambassador left). */
export interface VisibilityFacts {
  status: string | null;
  optIn: boolean | null;
}

/** Whether an ambassador's own figures may be shown beside their name. */
export function isShownByName(ambassador: VisibilityFacts, showAll: boolean): boolean {
  return ambassador.status === 'active' && (showAll || ambassador.optIn === true);
}
