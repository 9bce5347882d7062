/** Sections both generated documents share: the data inventory, hosting and processors, rights. */
import type { Locale } from '../lib/locale';
import { DATA_INVENTORY, PEOPLE, PEOPLE_WORDS, dataAbout } from './data-inventory';
import { retentionWords } from './retention';
import { visibilityWords, whoSeesWords } from './who-sees';
import type { TrustSettings } from './words';

/** Picks the French or the English text. */
export const pick = (lang: Locale) => (fr: string, en: string) => (lang === 'fr' ? fr : en);

/** Backslash-escapes the Markdown the renderer reads, so an organisation's name or contact stays plain text. */
export const md = (text: string) => text.replace(/[\\`*_[\]#]/g, (ch) => `\\${ch}`);

/** The privacy contact, or what to do while there is none. */
export function contactOf(s: TrustSettings, lang: Locale): string {
  const t = pick(lang);
  return s.privacyContact ? md(s.privacyContact) : t('aucun contact n’est encore renseigné (réglage « contact données personnelles » de l’organisation)', 'no contact is set yet (the organisation’s “privacy contact” setting)');
}

/** The inventory, group by group: columns, what, purpose, retention and who sees it. */
export function inventorySection(s: TrustSettings, lang: Locale, level = '##'): string {
  const t = pick(lang);
  const groups = PEOPLE.map((people) => {
    const items = dataAbout(people).map((datum) =>
      [
        `- **${md(datum.what[lang])}** (${datum.columns.map((c) => `\`${c}\``).join(', ')})`,
        `  *${t('Finalité', 'Purpose')}* : ${md(datum.purpose[lang])}.`,
        `  *${t('Conservation', 'Retention')}* : ${md(retentionWords(datum.retention, s)[lang])}.`,
        `  *${t('Qui le voit', 'Who sees it')}* : ${md(whoSeesWords(datum.access, s)[lang])}`,
      ].join('\n'),
    );
    return `${level}# ${PEOPLE_WORDS[people][lang]}\n\n${items.join('\n')}`;
  });
  const count = new Set(DATA_INVENTORY.flatMap((d) => d.columns)).size;
  return [
    `${level} ${t('Données traitées, par catégorie de personnes', 'Data processed, per group of people')}`,
    t(
      `L’inventaire ci-dessous est généré à partir du schéma de la base (${count} colonnes contenant des données personnelles) : aucune autre donnée personnelle n’est conservée. Relais ne stocke ni adresse IP, ni agent utilisateur, ni chemin du référent, ni cookie sur l’audience (hors refus volontaire sur /privacy).`,
      `The inventory below is generated from the database schema (${count} columns holding personal data): no other personal data is kept. Relais stores no IP address, no user agent, no referrer path and no cookie on audiences (except a deliberate objection on /privacy).`,
    ),
    ...groups,
  ].join('\n\n');
}

/** Who sees whose results: the visibility setting and the remainder rule. */
export function visibilitySection(s: TrustSettings, lang: Locale, level = '##'): string {
  const t = pick(lang);
  return `${level} ${t('Qui voit quoi', 'Who sees what')}\n\n${md(visibilityWords(s)[lang])}\n\n${t(
    'Un ambassadeur voit toujours ses propres chiffres. Les analystes ne voient ni noms ni e-mails hors de ce que permet ce réglage ; le journal d’audit n’est lisible que des propriétaires.',
    'An ambassador always sees their own figures. Analysts see no names or e-mails beyond what this setting allows; only owners read the audit log.',
  )}`;
}

/** Processors and where the data live. */
export function hostingSection(lang: Locale, level = '##'): string {
  const t = pick(lang);
  return [
    `${level} ${t('Sous-traitants et localisation', 'Processors and location')}`,
    t(
      [
        '- **Cloudflare, Inc.** (sous-traitant, article 28 RGPD) : exécution (Cloudflare Workers), base de données (Cloudflare D1), file de messages des clics (Cloudflare Queues, données en transit quelques secondes), envoi des e-mails choisis par l’ambassadeur (Cloudflare Email Service).',
        '- **Localisation de la base D1** : telle que configurée au déploiement — dans l’Union européenne lorsque la base a été créée avec `--jurisdiction eu` (voir le README, section déploiement).',
        '- **Journaux Workers** (Workers Logs) : seulement s’ils sont activés ; Relais n’y écrit ni e-mail, ni IP, ni jeton.',
      ].join('\n'),
      [
        '- **Cloudflare, Inc.** (processor, GDPR article 28): running the code (Cloudflare Workers), the database (Cloudflare D1), the click queue (Cloudflare Queues, data in transit for seconds), the e-mails the ambassador chose (Cloudflare Email Service).',
        '- **Location of the D1 database**: as configured at deployment — in the European Union when the database was created with `--jurisdiction eu` (see the README, deploy section).',
        '- **Workers Logs**: only if enabled; Relais writes no e-mail, IP or token to them.',
      ].join('\n'),
    ),
  ].join('\n\n');
}

/** The rights of the people concerned and how to exercise them. */
export function rightsSection(s: TrustSettings, lang: Locale, level = '##'): string {
  const t = pick(lang);
  return [
    `${level} ${t('Droits des personnes et comment les exercer', 'Rights of the people concerned and how to exercise them')}`,
    t(
      [
        `- **Contact** : ${contactOf(s, lang)}.`,
        '- **Ambassadeurs** : accès et portabilité par « Exporter mes données » (espace personnel, page Confidentialité) ; effacement par « Quitter le programme » (données personnelles effacées, liens déjà publiés toujours actifs mais plus attribués) ; rectification dans le profil ; opposition au classement nominatif en le désactivant.',
        '- **Audiences** : opposition sur la page /privacy du domaine des liens, ou par le signal `Sec-GPC` / `DNT` du navigateur ; seul un compte anonyme est alors enregistré.',
        '- **Clients et candidats** : auprès de l’entreprise, qui détient leurs données dans ses propres systèmes ; Relais n’en garde que l’identifiant externe d’une conversion, effacé à la fin de la durée de conservation.',
        '- Réclamation possible auprès de la CNIL (cnil.fr).',
      ].join('\n'),
      [
        `- **Contact**: ${contactOf(s, lang)}.`,
        '- **Ambassadors**: access and portability with “Export my data” (their space, Privacy page); erasure with “Leave the programme” (personal data erased, links already posted keep working, no longer attributed); rectification in the profile; objection to being named on the leaderboard by turning it off.',
        '- **Audiences**: objection on the /privacy page of the links’ domain, or with the browser’s `Sec-GPC` / `DNT` signal; only an anonymous count is then recorded.',
        '- **Customers and candidates**: through the company, which holds their data in its own systems; Relais keeps only a conversion’s external id, erased at the end of the retention period.',
        '- A complaint may be lodged with the CNIL (cnil.fr) or another supervisory authority.',
      ].join('\n'),
    ),
  ].join('\n\n');
}
