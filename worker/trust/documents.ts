/**
 * The works council's information note (CSE, Code du travail L2312-38 and L1222-4) and the DPIA draft (AIPD, the
 * CNIL's PIA structure), as Markdown written from the organisation's settings and the data inventory. Nothing in
 * them depends on the time they are generated: they change when the settings change, and only then.
 */
import type { Locale } from '../lib/locale';
import { contactOf, hostingSection, inventorySection, md, pick, rightsSection, visibilitySection } from './sections';
import { retentionWords } from './retention';
import type { TrustSettings } from './words';

/** The documents Relais generates. */
export const DOCUMENT_KINDS = ['cse-note', 'dpia'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The settings a document reflects, with their date (`trustSettingsAt`, ISO). */
export interface DocumentInput {
  settings: TrustSettings;
  settingsAt: string;
}

const dateLine = ({ settingsAt }: DocumentInput, lang: Locale) => pick(lang)(`*Paramètres au ${settingsAt.slice(0, 10)} (${settingsAt}).*`, `*Settings as of ${settingsAt.slice(0, 10)} (${settingsAt}).*`);

function purposes(s: TrustSettings, lang: Locale): string {
  return pick(lang)(
    `- Permettre aux salariés volontaires de partager les contenus de ${md(s.name)} sur leurs réseaux, avec leurs propres mots.\n- Mesurer l’audience et les résultats du programme (clics humains, visiteurs uniques, conversions attribuées dans une fenêtre de ${s.attributionWindowDays} jours).\n- Reconnaître la contribution des ambassadeurs (badges, classement pour ceux qui l’ont choisi), jamais les évaluer ni les sanctionner.`,
    `- Let volunteering employees share ${md(s.name)}’s content on their networks, in their own words.\n- Measure the programme’s audience and results (human clicks, unique visitors, conversions attributed within a ${s.attributionWindowDays}-day window).\n- Recognise ambassadors’ contribution (badges, a leaderboard for those who chose it), never assess or sanction them.`,
  );
}

function cseNote(input: DocumentInput, lang: Locale): string {
  const s = input.settings;
  const t = pick(lang);
  const informed = s.cseInformedOn
    ? t(`Le CSE a été informé le ${s.cseInformedOn}.`, `The works council (CSE) was informed on ${s.cseInformedOn}.`)
    : t('Date d’information du CSE : pas encore renseignée dans Relais.', 'Date the works council (CSE) was informed: not yet recorded in Relais.');
  return [
    `# ${t('Note d’information du CSE', 'Information note for the works council (CSE)')} — ${md(s.name)}`,
    dateLine(input, lang),
    t(
      `Cette note informe le comité social et économique, avant sa mise en œuvre, d’un outil de programme ambassadeurs (Relais) qui mesure l’activité de salariés volontaires, conformément à l’article L2312-38 du Code du travail (information-consultation avant l’introduction d’un moyen permettant un contrôle de l’activité des salariés) et à l’article L1222-4 (aucune information concernant personnellement un salarié ne peut être collectée par un dispositif qui n’a pas été porté préalablement à sa connaissance). ${informed}`,
      `This note informs the works council (comité social et économique), before it is put to use, of an employee-advocacy tool (Relais) that measures the activity of volunteering employees, as required by article L2312-38 of the French Labour Code (information and consultation before introducing any means of monitoring employees’ activity) and article L1222-4 (no information about an employee may be collected by a device not brought to their knowledge beforehand). ${informed}`,
    ),
    `## ${t('Finalités', 'Purposes')}\n\n${purposes(s, lang)}`,
    `## ${t('Participation volontaire', 'Voluntary participation')}\n\n${t(
      'Chaque salarié rejoint le programme par une invitation qu’il accepte, après avoir vu ce qui sera conservé à son sujet, et peut le quitter à tout moment : ses données personnelles sont alors effacées. Ne pas participer ou quitter le programme n’a aucune conséquence.',
      'Each employee joins through an invitation they accept, after seeing what will be kept about them, and may leave at any time: their personal data are then erased. Not taking part, or leaving, has no consequence.',
    )}`,
    visibilitySection(s, lang),
    inventorySection(s, lang),
    `## ${t('Durées de conservation', 'Retention')}\n\n${t('Clics et empreintes de visiteurs', 'Clicks and visitor hashes')} : ${md(retentionWords('clicks', s)[lang])}.\n\n${t('Journal d’audit', 'Audit log')} : ${md(retentionWords('audit', s)[lang])}.`,
    hostingSection(lang),
    rightsSection(s, lang),
  ].join('\n\n');
}

function dpia(input: DocumentInput, lang: Locale): string {
  const s = input.settings;
  const t = pick(lang);
  return [
    `# ${t('Analyse d’impact relative à la protection des données (AIPD) — projet', 'Data protection impact assessment (DPIA) — draft')} — ${md(s.name)}`,
    dateLine(input, lang),
    t(
      'Projet structuré selon la méthode PIA de la CNIL : contexte, principes fondamentaux, risques, mesures. À compléter et valider par le responsable de traitement et son DPO.',
      'Draft following the CNIL’s PIA method: context, fundamental principles, risks, measures. To be completed and approved by the controller and their DPO.',
    ),
    `## 1. ${t('Contexte', 'Context')}`,
    `### ${t('Traitement', 'Processing')}\n\n${t(`Responsable de traitement : ${md(s.name)}. Contact : ${contactOf(s, lang)}. Outil : Relais, programme ambassadeurs (employee advocacy).`, `Controller: ${md(s.name)}. Contact: ${contactOf(s, lang)}. Tool: Relais, an employee-advocacy programme.`)}`,
    `### ${t('Finalités', 'Purposes')}\n\n${purposes(s, lang)}`,
    inventorySection(s, lang, '###'),
    hostingSection(lang, '###'),
    `## 2. ${t('Principes fondamentaux', 'Fundamental principles')}`,
    `### ${t('Finalité et base légale', 'Purpose and legal basis')}\n\n${t(
      'Intérêt légitime de l’entreprise à faire connaître ses contenus, avec une participation volontaire des salariés ; pour les audiences, mesure d’audience respectant les recommandations de la CNIL (pas de cookie, pas de suivi entre sites, opposition possible).',
      'The company’s legitimate interest in making its content known, with employees taking part voluntarily; for audiences, audience measurement following the CNIL’s recommendations (no cookie, no cross-site tracking, objection possible).',
    )}`,
    `### ${t('Minimisation', 'Minimisation')}\n\n${t(
      'Ni IP, ni agent utilisateur, ni chemin du référent, ni identifiant publicitaire. L’empreinte du visiteur change chaque jour (sel supprimé après 48 heures). Les noms de clients transmis par les systèmes de l’entreprise ne sont pas conservés.',
      'No IP, user agent, referrer path or advertising id. The visitor hash changes daily (salt deleted after 48 hours). Customers’ names sent by the company’s systems are not kept.',
    )}`,
    `### ${t('Conservation', 'Retention')}\n\n${t('Clics bruts, empreintes et identifiants externes', 'Raw clicks, hashes and external ids')} : ${md(retentionWords('clicks', s)[lang])}. ${t('Journal d’audit', 'Audit log')} : ${md(retentionWords('audit', s)[lang])}. ${t('Les agrégats quotidiens restent, sans personne identifiable après un départ.', 'Daily aggregates stay, with nobody identifiable after someone leaves.')}`,
    visibilitySection(s, lang, '###'),
    rightsSection(s, lang, '###'),
    `## 3. ${t('Risques', 'Risks')}`,
    t(
      '- **Accès illégitime** : un administrateur ou un tiers lit des données d’ambassadeurs ou d’audiences. Impact : surveillance individuelle de salariés. Vraisemblance limitée par les mesures ci-dessous.\n- **Modification non désirée** : un lien redirigé ailleurs, un réglage de visibilité changé sans information du CSE. Impact : atteinte à la confiance, contrôle non annoncé.\n- **Disparition** : perte des données du programme. Impact : faible pour les personnes (aucune donnée indispensable pour elles).',
      '- **Illegitimate access**: an admin or a third party reads ambassadors’ or audiences’ data. Impact: individual monitoring of employees. Likelihood limited by the measures below.\n- **Unwanted change**: a link redirected elsewhere, a visibility setting changed without informing the works council. Impact: loss of trust, unannounced monitoring.\n- **Disappearance**: loss of the programme’s data. Impact: low for the people (no data they depend on).',
    ),
    `## 4. ${t('Mesures', 'Measures')}`,
    t(
      '- Rôles (propriétaire, éditeur, analyste) ; les analystes ne lisent ni noms ni e-mails ; clés d’API à portée limitée, stockées hachées.\n- Nommer tous les ambassadeurs exige la date d’information du CSE ; règle du reste contre l’identification par soustraction.\n- Journal d’audit de toute modification de qui voit quoi ou d’où mène un lien, sans secret, lisible par les propriétaires.\n- Mots de passe PBKDF2, sessions en cookie HttpOnly, protection CSRF, limitation des tentatives.\n- Purge automatique planifiée selon les durées ci-dessus ; effacement immédiat au départ d’un ambassadeur.\n- Chiffrement en transit (HTTPS) et au repos (D1) par l’hébergeur.',
      '- Roles (owner, editor, analyst); analysts read no names or e-mails; API keys with limited scopes, stored hashed.\n- Naming every ambassador requires the date the works council was informed; the remainder rule prevents singling out by subtraction.\n- An audit log of every change to who sees what or where a link leads, without secrets, readable by owners.\n- PBKDF2 passwords, HttpOnly session cookies, CSRF protection, rate limits.\n- Scheduled automatic purge per the retention above; immediate erasure when an ambassador leaves.\n- Encryption in transit (HTTPS) and at rest (D1) by the host.',
    ),
  ].join('\n\n');
}

/** The Markdown of the document `kind` in `lang`. */
export function documentMarkdown(kind: DocumentKind, input: DocumentInput, lang: Locale): string {
  return `${kind === 'cse-note' ? cseNote(input, lang) : dpia(input, lang)}\n`;
}

/** The document's title, for the HTML page. */
export const documentTitle = (kind: DocumentKind, name: string, lang: Locale) =>
  `${kind === 'cse-note' ? pick(lang)('Note d’information du CSE', 'Works council information note') : pick(lang)('AIPD — projet', 'DPIA — draft')} — ${name}`;
