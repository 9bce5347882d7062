/** Who in the organisation sees a datum, by role, under the organisation's current visibility setting. */
import { w, type TrustSettings, type Words } from './words';

/**
 * The access rules of the inventory:
 * - `people`: owners and editors, and `admin` API keys (analysts never);
 * - `figures`: per-person results, read under `ambassadorVisibility` and the remainder rule;
 * - `team`: every admin, in a browser session;
 * - `owners`: owners only, in a browser session;
 * - `conversions`: owners and editors, and keys with `conversions:write` or `kpis:read`;
 * - `self`: the ambassador alone (and Relais, to compare texts without revealing them);
 * - `aggregate`: nobody row by row; every admin and `kpis:read` key sees counts only;
 * - `system`: nobody; Relais uses it internally.
 */
export type Access = 'people' | 'figures' | 'team' | 'owners' | 'conversions' | 'self' | 'aggregate' | 'system';

const SELF = w('L’ambassadeur lui-même (espace personnel et export).', 'The ambassador themself (their space and export).');

/** What the visibility setting means for per-person figures, with the remainder rule. */
export function visibilityWords(s: TrustSettings): Words {
  const remainder = w(
    ' Règle du reste : quand 1 à 4 ambassadeurs ne sont pas nommés, aucun chiffre n’est montré par personne nommée (un seul groupe « tous »), et les équipes de moins de 5 sont regroupées, pour que personne ne soit identifiable par soustraction.',
    ' Remainder rule: when 1 to 4 ambassadors are not named, no figure is shown per named person (one group “all”), and teams under 5 are merged, so nobody can be singled out by subtraction.',
  );
  const base =
    s.ambassadorVisibility === 'all'
      ? w(
          `Réglage actuel « tous » (CSE informé le ${s.cseInformedOn ?? '—'}) : les propriétaires, éditeurs et analystes, et les clés « kpis:read », voient les résultats de chaque ambassadeur sous son nom.`,
          `Current setting “all” (works council informed on ${s.cseInformedOn ?? '—'}): owners, editors and analysts, and “kpis:read” keys, see each ambassador’s results under their name.`,
        )
      : w(
          'Réglage actuel « sur consentement » : les propriétaires, éditeurs et analystes, et les clés « kpis:read », ne voient sous son nom que l’ambassadeur qui a choisi d’apparaître au classement ; les autres forment un groupe « autres ».',
          'Current setting “opt-in”: owners, editors and analysts, and “kpis:read” keys, see by name only ambassadors who chose to appear on the leaderboard; everyone else is one “others” group.',
        );
  return w(base.fr + remainder.fr, base.en + remainder.en);
}

/** Who sees a datum of this access rule, as a sentence. */
export function whoSeesWords(access: Access, s: TrustSettings): Words {
  switch (access) {
    case 'people':
      return w(`Propriétaires et éditeurs, clés d’API « admin ». ${SELF.fr} Jamais les analystes.`, `Owners and editors, “admin” API keys. ${SELF.en} Never analysts.`);
    case 'figures': {
      const rule = visibilityWords(s);
      return w(`${SELF.fr} ${rule.fr}`, `${SELF.en} ${rule.en}`);
    }
    case 'team':
      return w('Tous les administrateurs (propriétaires, éditeurs, analystes), en session ; jamais une clé d’API.', 'Every admin (owners, editors, analysts), in a session; never an API key.');
    case 'owners':
      return w('Les propriétaires seulement, en session.', 'Owners only, in a session.');
    case 'conversions':
      return w('Propriétaires et éditeurs ; les systèmes de l’entreprise par leurs clés « conversions:write » ou « kpis:read ».', 'Owners and editors; the company’s systems through their “conversions:write” or “kpis:read” keys.');
    case 'self':
      return w(
        `${SELF.fr} Relais le compare aux textes des collègues sans jamais en révéler un mot ni un score.`,
        `${SELF.en} Relais compares it with colleagues’ texts without ever revealing a word or a score of theirs.`,
      );
    case 'aggregate':
      return w('Personne ligne à ligne : les administrateurs et les clés « kpis:read » n’en voient que des totaux.', 'Nobody row by row: admins and “kpis:read” keys see totals only.');
    case 'system':
      return w('Personne : Relais s’en sert seul, en interne.', 'Nobody: Relais alone uses it internally.');
  }
}
