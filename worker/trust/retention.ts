/** How long each kind of personal datum stays, in words, read off the organisation's settings and the code's constants. */
import { IDEMPOTENCY_TTL_MS } from '../services/idempotency';
import { INVITATION_TTL_MS } from '../services/invitations';
import { SESSION_TTL_MS } from '../services/sessions';
import { w, type TrustSettings, type Words } from './words';

/** The retention rules of the inventory: each names where its duration comes from. */
export type Retention = 'clicks' | 'salts' | 'rollup' | 'membership' | 'account' | 'sessions' | 'invitations' | 'idempotency' | 'rateLimits' | 'audit' | 'externalIds';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The retention of `rule` under `s`, as a sentence. */
export function retentionWords(rule: Retention, s: TrustSettings): Words {
  switch (rule) {
    case 'clicks':
      return w(`${s.retentionMonths} mois (réglage « durée de conservation »), puis supprimé`, `${s.retentionMonths} months (the retention setting), then deleted`);
    case 'externalIds':
      return w(`${s.retentionMonths} mois après la conversion, puis effacé (la conversion reste, anonyme)`, `${s.retentionMonths} months after the conversion, then erased (the conversion stays, anonymous)`);
    case 'salts':
      return w(`${(2 * DAY_MS) / HOUR_MS} heures, puis supprimé : les empreintes ne peuvent plus être reliées d'un jour à l'autre`, `${(2 * DAY_MS) / HOUR_MS} hours, then deleted: hashes can no longer be linked across days`);
    case 'rollup':
      return w('Tant que le programme existe ; détaché de la personne quand l’ambassadeur part', 'While the programme exists; detached from the person when the ambassador leaves');
    case 'membership':
      return w('Tant que l’ambassadeur participe ; effacé dès qu’il quitte le programme ou qu’un administrateur le retire', 'While the ambassador takes part; erased as soon as they leave the programme or an admin removes them');
    case 'account':
      return w('Tant que la personne est administrateur de l’organisation', 'While the person is an admin of the organisation');
    case 'sessions':
      return w(
        `${SESSION_TTL_MS.admin / DAY_MS} jours (administrateurs) ou ${SESSION_TTL_MS.ambassador / DAY_MS} jours (ambassadeurs) au plus ; supprimé à la déconnexion ou au départ`,
        `At most ${SESSION_TTL_MS.admin / DAY_MS} days (admins) or ${SESSION_TTL_MS.ambassador / DAY_MS} days (ambassadors); deleted on sign-out or on leaving`,
      );
    case 'invitations':
      return w(`Jusqu’à son utilisation, ${INVITATION_TTL_MS / DAY_MS} jours au plus, puis supprimé`, `Until used, ${INVITATION_TTL_MS / DAY_MS} days at most, then deleted`);
    case 'idempotency':
      return w(`${IDEMPOTENCY_TTL_MS / HOUR_MS} heures, puis supprimé`, `${IDEMPOTENCY_TTL_MS / HOUR_MS} hours, then deleted`);
    case 'rateLimits':
      return w('15 minutes (la fenêtre de comptage), puis supprimé', '15 minutes (the counting window), then deleted');
    case 'audit':
      return w(`${s.auditRetentionMonths} mois (réglage « conservation du journal d’audit »), puis supprimé`, `${s.auditRetentionMonths} months (the audit-log retention setting), then deleted`);
  }
}
