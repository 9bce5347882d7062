/**
 * The "Sharing well" guide Relais ships, in French and English, shown in the ambassador's space until the
 * organisation writes its own (`sharingGuide` in the settings). Markdown, rendered by lib/markdown.ts; the page
 * gives the title, so the guide starts with its text.
 */
import type { LOCALES } from '../../db/schema';

export const DEFAULT_SHARING_GUIDE: Record<(typeof LOCALES)[number], string> = {
  fr: `Partager un contenu de l’entreprise, c’est le recommander à des personnes qui vous font confiance. Ce guide
tient en cinq minutes de lecture ; rien n’y est obligatoire.

## 1. Un profil qui inspire confiance

Avant de partager, prenez dix minutes pour votre profil (LinkedIn surtout) :

- **une photo** récente, de face, sur un fond simple ;
- **un titre** qui dit ce que vous faites et pour qui, pas seulement votre poste (« J’aide nos clients industriels à réduire leur consommation d’énergie ») ;
- **une section « Infos »** de trois ou quatre phrases, à la première personne ;
- **l’entreprise comme poste actuel**, reliée à sa page, pour que vos lecteurs sachent d’où vous parlez.

## 2. Écrire avec vos mots

Cinquante collègues qui publient le même texte, cela se voit et cela sonne faux. Les idées proposées avec chaque
contenu sont des pistes, pas un texte à copier. Pour écrire le vôtre :

- **un angle** : ce qui vous concerne, vous, dans ce contenu (votre équipe, votre métier, un souvenir) ;
- **une phrase personnelle** : ce que vous avez vécu, appris ou pensé ;
- **une question au lecteur**, qui invite à répondre plutôt qu’à faire défiler ;
- **le lien**, à la fin, une seule fois.

À éviter : recopier les idées telles quelles, une liste de mots-dièse, le jargon interne, les superlatifs
(« incroyable », « exceptionnel ») et les sujets que la charte réserve.

**Avant** : « Notre entreprise recrute des ingénieurs backend à Lyon ! Postulez vite ! #recrutement #emploi #tech »

**Après** : « Il y a deux ans, j’ai rejoint l’équipe backend de Lyon pour un poste comme celui-ci. Ce qui m’a
décidé : des revues de code où l’on apprend vraiment. On cherche deux collègues. Qu’est-ce qui compte le plus pour
vous quand vous choisissez une équipe ? »

**Avant** : « Découvrez notre livre blanc sur la transition énergétique. »

**Après** : « Le chapitre 3 de ce livre blanc répond à la question que mes clients me posent le plus : par où
commencer quand on a un budget limité ? Je l’ai relu deux fois. Vous, par quoi avez-vous commencé ? »

## 3. Quand et à quel rythme

- Mieux vaut **une publication soignée par semaine** que trois par jour.
- En semaine, **le matin (8 h – 10 h) ou à midi**, vos contacts professionnels sont plus disponibles.
- **Répondez aux commentaires** dans la journée : c’est là que naissent les échanges.
- Vous n’avez pas envie de partager un contenu ? Ne le partagez pas. Votre participation est libre.

## 4. Ce que la charte interdit, en clair

- Publier une **information confidentielle** : chiffres non publiés, projets, clients qui n’ont pas donné leur accord.
- **Parler au nom de l’entreprise** sur un sujet sensible (crise, litige, presse) : renvoyez vers la communication.
- **Dénigrer** un concurrent, un client ou un collègue.
- Présenter un contenu comme une opinion personnelle **sans dire que vous y travaillez** : votre profil le dit pour vous.

La charte complète est celle que vous avez acceptée en rejoignant le programme ; en cas de doute, demandez à
l’équipe qui l’anime.
`,
  en: `Sharing company content means recommending it to people who trust you. This guide takes five minutes to read;
nothing in it is mandatory.

## 1. A profile people trust

Before sharing, spend ten minutes on your profile (LinkedIn above all):

- **a photo**: recent, facing the camera, plain background;
- **a headline** that says what you do and for whom, not only your job title ("I help industrial clients cut their energy use");
- **an About section** of three or four sentences, in the first person;
- **the company as your current position**, linked to its page, so readers know where you speak from.

## 2. Write in your own words

Fifty colleagues posting the same text show, and it reads as fake. The ideas offered with each content are leads,
not a text to copy. To write yours:

- **an angle**: what concerns you in this content (your team, your job, a memory);
- **one personal sentence**: something you lived, learnt or thought;
- **a question to the reader**, which invites a reply rather than a scroll;
- **the link**, at the end, once.

Avoid: copying the ideas as they are, a list of hashtags, internal jargon, superlatives ("amazing",
"exceptional") and the topics the charter reserves.

**Before**: "Our company is hiring backend engineers in Lyon! Apply now! #hiring #jobs #tech"

**After**: "Two years ago I joined the Lyon backend team for a role like this one. What convinced me: code reviews
where you really learn. We are looking for two colleagues. What matters most to you when you choose a team?"

**Before**: "Discover our white paper on the energy transition."

**After**: "Chapter 3 of this white paper answers the question my clients ask most: where to start on a tight
budget? I read it twice. Where did you start?"

## 3. When and how often

- **One careful post a week** beats three a day.
- On weekdays, **in the morning (8–10 am) or at lunchtime**, your professional contacts are more available.
- **Answer comments** the same day: that is where conversations start.
- Don't feel like sharing a content? Don't share it. Taking part is your choice.

## 4. What the charter forbids, in plain words

- Publishing **confidential information**: unpublished figures, projects, clients who did not agree.
- **Speaking for the company** on a sensitive topic (crisis, dispute, press): point to the communications team.
- **Disparaging** a competitor, a client or a colleague.
- Presenting content as a personal opinion **without saying you work there**: your profile says it for you.

The full charter is the one you accepted when you joined the programme; when in doubt, ask the team that runs it.
`,
};
