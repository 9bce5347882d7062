/** The words of the public `/privacy` page, French and English (French is the reference). */
import type { Locale } from '../lib/locale';

const fr = {
  title: 'Vos données quand vous cliquez sur un lien Relais',
  intro:
    'Ce lien a été partagé par un·e salarié·e, volontaire, d’une des organisations ci-dessous. Relais mesure combien de personnes ont ouvert les publications de ses ambassadeurs, pas qui elles sont.',
  recordsTitle: 'Ce qu’un clic enregistre',
  records: [
    'le lien ouvert et l’heure du clic ;',
    'le pays (déduit par le réseau, jamais l’adresse IP), le site d’où vous venez (son seul nom de domaine) et le type d’appareil (mobile, tablette, ordinateur) ;',
    'une empreinte du jour, calculée à partir de votre adresse IP et de votre navigateur avec un secret tiré au hasard chaque jour et effacé après 48 heures : elle compte les visiteurs distincts d’une journée, sans pouvoir vous reconnaître le lendemain ni être inversée.',
  ],
  neverTitle: 'Ce qu’il n’enregistre jamais',
  never: [
    'votre adresse IP, votre navigateur complet ou votre identité ;',
    'aucun cookie n’est déposé quand vous cliquez, et rien ne vous suit d’un site à l’autre.',
  ],
  attribution:
    'Le lien ajoute à l’adresse de la page un identifiant de clic (rl_cid). L’intégration de Relais ne le conserve sur le site de l’organisation qu’avec votre accord à la mesure d’audience : une candidature ou un téléchargement peut alors être rattaché à ce clic, jamais à votre personne.',
  retention: (months: number) =>
    `Les clics détaillés sont effacés après ${months} mois au plus ; seuls des totaux par jour et par lien, sans empreinte, sont conservés au-delà.`,
  whoTitle: 'Qui mène ces programmes',
  noOrganisation: 'Aucune organisation n’utilise encore ce service.',
  contact: 'contact données personnelles :',
  noContact: 'contact non renseigné',
  unlisted: (count: number) => `et ${count} autre(s) organisation(s).`,
  rights:
    'Vous pouvez vous opposer à cette mesure à tout moment, ci-dessous, ou en activant Global Privacy Control (GPC) ou « Do Not Track » dans votre navigateur. Pour toute autre demande (accès, effacement), écrivez au contact de l’organisation.',
  objectTitle: 'Vous opposer à la mesure',
  signal: 'Votre navigateur envoie déjà un signal de refus (GPC ou Do Not Track) : vos clics ne sont comptés qu’anonymement, sans identifiant ni empreinte.',
  optedOut: 'Vous vous êtes opposé·e à la mesure sur ce navigateur : vos clics ne sont comptés qu’anonymement, sans identifiant ni empreinte.',
  notOptedOut: 'La mesure décrite ci-dessus s’applique à vos clics sur ce navigateur.',
  optOut: 'Je m’oppose à la mesure',
  optIn: 'Je retire mon opposition',
  cookieNote:
    'Pour retenir votre choix, un cookie « relais_optout » est déposé sur ce navigateur pour 13 mois : c’est le seul cookie que Relais dépose chez vous, et seulement si vous le demandez ici.',
  otherLanguage: 'Read in English',
};

const en: typeof fr = {
  title: 'Your data when you click a Relais link',
  intro:
    'This link was shared by an employee, a volunteer, of one of the organisations below. Relais measures how many people opened its ambassadors’ posts, not who they are.',
  recordsTitle: 'What a click records',
  records: [
    'the link opened and the time of the click;',
    'the country (told by the network, never your IP address), the site you came from (its host name only) and the kind of device (mobile, tablet, computer);',
    'a daily fingerprint computed from your IP address and your browser with a secret drawn at random every day and deleted after 48 hours: it counts a day’s distinct visitors, can neither recognise you the next day nor be reversed.',
  ],
  neverTitle: 'What it never records',
  never: ['your IP address, your full browser or your identity;', 'no cookie is set when you click, and nothing follows you from one site to another.'],
  attribution:
    'The link adds a click id (rl_cid) to the page’s address. Relais’s integration keeps it on the organisation’s site only with your consent to audience measurement: an application or a download can then be linked to this click, never to you as a person.',
  retention: (months: number) => `Detailed clicks are deleted after ${months} months at most; only daily totals per link, without any fingerprint, are kept longer.`,
  whoTitle: 'Who runs these programmes',
  noOrganisation: 'No organisation uses this service yet.',
  contact: 'personal data contact:',
  noContact: 'no contact given',
  unlisted: (count: number) => `and ${count} other organisation(s).`,
  rights:
    'You can object to this measurement at any time, below, or by turning on Global Privacy Control (GPC) or “Do Not Track” in your browser. For any other request (access, erasure), write to the organisation’s contact.',
  objectTitle: 'Object to the measurement',
  signal: 'Your browser already sends an objection (GPC or Do Not Track): your clicks are only counted anonymously, with no id and no fingerprint.',
  optedOut: 'You objected to the measurement in this browser: your clicks are only counted anonymously, with no id and no fingerprint.',
  notOptedOut: 'The measurement described above applies to your clicks in this browser.',
  optOut: 'I object to the measurement',
  optIn: 'I withdraw my objection',
  cookieNote:
    'To remember your choice, a “relais_optout” cookie is set in this browser for 13 months: it is the only cookie Relais ever sets on you, and only when you ask for it here.',
  otherLanguage: 'Lire en français',
};

export const PRIVACY_WORDS: Record<Locale, typeof fr> = { fr, en };
