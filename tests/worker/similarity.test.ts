import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { links, shares } from '../../db/schema';
import { measureSimilarity, MIN_SHINGLES_FOR_COLLEAGUES, NEAR_COPY_THRESHOLD, SHINGLE_WORDS, shinglesOf, wordsOf } from '../../worker/services/similarity';
import { db } from './builders';
import { callJson } from './http';
import { content, join, joinAndAccept, makeSpace, share } from './ambassador-space';

const TALKING_POINTS = `- Nous recrutons des ingénieurs backend à Lyon, en CDI, télétravail deux jours par semaine.
- Une équipe de douze personnes qui construit la plateforme de paiement utilisée par trois millions de clients.
- Stack : TypeScript, Go, PostgreSQL, Kubernetes. Revues de code bienveillantes et formation continue.`;
const COPY = 'Nous recrutons des ingénieurs backend à Lyon, en CDI, télétravail deux jours par semaine ! Une équipe de douze personnes qui construit la plateforme de paiement utilisée par trois millions de clients.';
const EDITED_COPY = 'Nous recrutons des ingénieures et ingénieurs backend à Lyon, en CDI, avec télétravail deux jours par semaine. Une super équipe de douze personnes qui construit la plateforme de paiement utilisée par trois millions de clients.';
const OWN = 'Ça fait quatre ans que je travaille sur nos paiements, et ce que j’aime le plus, c’est qu’on prend le temps de relire le code ensemble sans jugement. On cherche quelqu’un pour renforcer l’équipe backend à Lyon : si Go et Postgres te parlent, écris-moi, je te raconte volontiers.';
const MARKER = 'zorglub-7f3a';
const COLLEAGUE = `Mon équipe ${MARKER} grandit : on cherche une ou un dev backend à Lyon. Après trois ans ici, je peux dire qu’on apprend tous les jours et que les gens sont vraiment sympas.`;

describe('measureSimilarity', () => {
  it('normalises case, accents, punctuation and URLs, and drops function-word-only shingles', () => {
    expect(wordsOf('Équipe d’ÉLITE, voir https://relais.test/AbC123 !')).toEqual(['equipe', 'd', 'elite', 'voir']);
    expect([...shinglesOf(['il', 'y', 'a', 'lyon'], 3)]).toEqual(['y a lyon']);
    expect([...shinglesOf(['il', 'y', 'a'], 3)]).toEqual(['il y a']);
  });

  it('scores a copy of the talking points 1, a light edit above the threshold and an own text near 0', () => {
    const copy = measureSimilarity(COPY, TALKING_POINTS, []);
    const edited = measureSimilarity(EDITED_COPY, TALKING_POINTS, []);
    const own = measureSimilarity(OWN, TALKING_POINTS, []);
    console.log(`similarity (threshold ${NEAR_COPY_THRESHOLD}): copy of the talking points ${copy.score}, lightly edited copy ${edited.score}, own text ${own.score}`);
    expect(copy).toEqual({ score: 1, nearCopy: true, nearestShareId: null });
    expect(edited.score).toBeGreaterThanOrEqual(NEAR_COPY_THRESHOLD);
    expect(edited.nearCopy).toBe(true);
    expect(own.score).toBeLessThan(0.1);
    expect(own.nearCopy).toBe(false);
  });

  it('names the colleague’s post a text nearly copies, with a line added, while its score stays against the talking points', () => {
    const colleagues = [{ shareId: 'shr_a', text: OWN }, { shareId: 'shr_b', text: COLLEAGUE }];
    const result = measureSimilarity(`${COLLEAGUE} Postulez, vraiment !`, TALKING_POINTS, colleagues);
    expect(result).toEqual({ score: measureSimilarity(`${COLLEAGUE} Postulez, vraiment !`, TALKING_POINTS, []).score, nearCopy: true, nearestShareId: 'shr_b' });
    expect(result.score).toBeLessThan(0.1);
    expect(measureSimilarity('', TALKING_POINTS, colleagues)).toEqual({ score: 0, nearCopy: false, nearestShareId: null });
    expect(measureSimilarity('Bravo', TALKING_POINTS, colleagues)).toEqual({ score: 0, nearCopy: false, nearestShareId: null });
  });

  it('answers a text shorter than the colleague rule exactly as if no colleague had posted', () => {
    const words = wordsOf(COLLEAGUE);
    const colleagues = [{ shareId: 'shr_b', text: COLLEAGUE }];
    // Every run of the colleague's own words that stays under the rule's length, from one word up.
    for (let length = 1; length < MIN_SHINGLES_FOR_COLLEAGUES + SHINGLE_WORDS - 1; length++) {
      for (let start = 0; start + length <= words.length; start++) {
        const guess = words.slice(start, start + length).join(' ');
        expect(measureSimilarity(guess, TALKING_POINTS, colleagues), guess).toEqual(measureSimilarity(guess, TALKING_POINTS, []));
      }
    }
  });

  it('needs half of the text borrowed and half of the colleague’s own words, at least six triples, in it', () => {
    const colleague = { shareId: 'shr_b', text: COLLEAGUE };
    const filler = 'vélo montagne rivière soleil fromage piano jardin horloge lanterne cerise boussole nuage tambour';
    const alone = (text: string) => measureSimilarity(text, TALKING_POINTS, []);
    // Half of the text is the colleague's, but far from half of their post: the same answer as with no colleague.
    const firstWords = `${wordsOf(COLLEAGUE).slice(0, 10).join(' ')} ${filler}`;
    expect(shinglesOf(wordsOf(firstWords), SHINGLE_WORDS).size).toBeGreaterThanOrEqual(MIN_SHINGLES_FOR_COLLEAGUES);
    expect(measureSimilarity(firstWords, TALKING_POINTS, [colleague])).toEqual(alone(firstWords));
    // The whole post inside a text three times as long: most of the text is not borrowed.
    const drowned = `${COLLEAGUE} ${Array.from({ length: 70 }, (_, i) => `terme${i}`).join(' ')}`;
    expect(measureSimilarity(drowned, TALKING_POINTS, [colleague])).toEqual(alone(drowned));
    // A colleague who pasted part of the talking points: that part cannot stand in for their own words.
    const fromPoints = wordsOf(COPY).slice(0, 10).join(' ');
    const theirOwn = 'ma voisine de bureau adore ce projet et moi aussi franchement';
    const mixed = { shareId: 'shr_c', text: `${fromPoints} ${theirOwn}` };
    const oneGuess = `${fromPoints} ${theirOwn.split(' ').slice(0, 3).join(' ')} ${filler}`;
    expect(alone(oneGuess).score).toBeLessThan(NEAR_COPY_THRESHOLD);
    expect(measureSimilarity(oneGuess, TALKING_POINTS, [mixed])).toEqual(alone(oneGuess));
    // …while copying their post whole, with a line of one's own, is a near copy of it.
    const copied = `${mixed.text} Bref, postulez !`;
    expect(alone(copied).nearCopy).toBe(false);
    expect(measureSimilarity(copied, TALKING_POINTS, [mixed])).toEqual({ ...alone(copied), nearCopy: true, nearestShareId: 'shr_c' });
  });
});

describe('POST /api/v1/me/shares similarity', () => {
  it('flags a copy of the talking points or of a colleague’s post, never sends the colleague’s text, and leaves an own text alone', async () => {
    const space = await makeSpace();
    const job = await content(space, { talkingPoints: TALKING_POINTS });
    const colleague = await joinAndAccept(space);
    const theirs = await share(colleague.session, job.id, COLLEAGUE);
    const amb = await joinAndAccept(space);

    const copiedPoints = await share(amb.session, job.id, COPY);
    expect(copiedPoints.similarity).toEqual({ score: 1, nearCopy: true, nearestShareId: null });
    expect(copiedPoints.share.similarity).toEqual({ score: 1, nearCopy: true });

    // The copy leaves out the colleague's unique marker: the answer must not bring it back.
    const copied = `${COLLEAGUE.replace(`${MARKER} `, '')} Je confirme.`;
    const res = await callJson<Record<string, unknown>>('/api/v1/me/shares', { session: amb.session, body: { contentId: job.id, network: 'x', text: copied } });
    expect(res.status).toBe(201);
    expect(res.body.similarity).toEqual({ score: expect.any(Number), nearCopy: true, nearestShareId: theirs.share.id });
    expect(JSON.stringify(res.body)).not.toContain(MARKER);
    const other = await joinAndAccept(space);
    const own = await share(other.session, job.id, OWN);
    expect(JSON.stringify(own)).not.toContain(MARKER);
    expect(own.similarity.nearCopy).toBe(false);
    expect(own.similarity.score).toBeLessThan(0.1);
    for (const path of ['/api/v1/me/shares', '/api/v1/me/stats', '/api/v1/me/export', '/api/v1/me/feed']) {
      expect(JSON.stringify((await callJson(path, { session: amb.session })).body), path).not.toContain(MARKER);
    }
    console.log(`similarity through the API: copy of the talking points ${copiedPoints.similarity.score}, copy of a colleague ${(res.body.similarity as { score: number }).score}, own text ${own.similarity.score}`);
  });

  it('does not compare a post with the ambassador’s own earlier posts', async () => {
    const space = await makeSpace();
    const job = await content(space, { talkingPoints: TALKING_POINTS });
    const amb = await joinAndAccept(space);
    await share(amb.session, job.id, OWN);
    expect((await share(amb.session, job.id, OWN, 'x')).similarity).toMatchObject({ nearCopy: false, nearestShareId: null });
  });
});

describe('similarity is no oracle on a colleague’s unpublished post', () => {
  const SECRET = 'Entre nous, Valérie quitte le service paie en mars et personne ne le sait encore, alors on recrute en douce quelqu’un pour Bordeaux avant son départ officiel.';
  const UNRELATED = ['licorne pistache orbite', 'girafe tapioca volcan', 'saxophone ardoise méduse'];

  async function spaceWithSecret() {
    const space = await makeSpace();
    const job = await content(space, { talkingPoints: TALKING_POINTS });
    const colleague = await joinAndAccept(space);
    await share(colleague.session, job.id, SECRET);
    return { space, job, attacker: await joinAndAccept(space) };
  }

  it('answers every 3-word guess the same, right or wrong, through the preview and through a share', async () => {
    const { job, attacker } = await spaceWithSecret();
    const words = wordsOf(SECRET);
    const right = words.slice(0, words.length - 2).map((_, i) => words.slice(i, i + 3).join(' '));
    const answers = new Set<string>();
    for (const guess of [...right, ...UNRELATED]) {
      const body = { contentId: job.id, network: 'linkedin', text: guess };
      const preview = await callJson<{ similarity: unknown }>('/api/v1/me/shares/preview', { session: attacker.session, body });
      expect(preview.status, guess).toBe(200);
      answers.add(JSON.stringify(preview.body));
      const shared = await callJson<{ similarity: unknown; share: { similarity: unknown } }>('/api/v1/me/shares', { session: attacker.session, body });
      expect(shared.status, guess).toBe(201);
      answers.add(JSON.stringify({ similarity: shared.body.similarity }));
      answers.add(JSON.stringify({ similarity: { ...(shared.body.share.similarity as object), nearestShareId: null } }));
    }
    expect([...answers]).toEqual([JSON.stringify({ similarity: { score: 0, nearCopy: false, nearestShareId: null } })]);
  }, 60_000);

  it('answers a long text holding the colleague’s first words as it answers one without them', async () => {
    const { job, attacker } = await spaceWithSecret();
    const filler = 'vélo montagne rivière soleil fromage piano jardin horloge lanterne cerise boussole nuage tambour';
    const withTheirs = `${wordsOf(SECRET).slice(0, 12).join(' ')} ${filler}`;
    const without = `${'licorne pistache orbite girafe tapioca volcan saxophone ardoise méduse pivoine'.split(' ').concat('zèbre caramel').join(' ')} ${filler}`;
    const preview = async (text: string) => (await callJson<{ similarity: unknown }>('/api/v1/me/shares/preview', { session: attacker.session, body: { contentId: job.id, network: 'x', text } })).body;
    expect(await preview(withTheirs)).toEqual(await preview(without));
  });
});

describe('POST /api/v1/me/shares/preview', () => {
  it('answers the similarity the share would get and creates nothing', async () => {
    const space = await makeSpace();
    const job = await content(space, { talkingPoints: TALKING_POINTS });
    const colleague = await joinAndAccept(space);
    const theirs = await share(colleague.session, job.id, COLLEAGUE);
    const amb = await joinAndAccept(space);
    const counted = async () => [
      (await db().select({ n: count() }).from(shares).where(eq(shares.ambassadorId, amb.id)).get())?.n,
      (await db().select({ n: count() }).from(links).where(eq(links.ambassadorId, amb.id)).get())?.n,
    ];
    const copy = `${COLLEAGUE.replace(`${MARKER} `, '')} Je confirme.`;
    for (const [text, expected] of [
      [COPY, { score: 1, nearCopy: true, nearestShareId: null }],
      [copy, { score: expect.any(Number), nearCopy: true, nearestShareId: theirs.share.id }],
      [OWN, { score: expect.any(Number), nearCopy: false, nearestShareId: null }],
    ] as const) {
      const res = await callJson<{ similarity: unknown }>('/api/v1/me/shares/preview', { session: amb.session, body: { contentId: job.id, network: 'linkedin', text } });
      expect(res).toMatchObject({ status: 200, body: { similarity: expected } });
      expect(Object.keys(res.body)).toEqual(['similarity']);
      expect(JSON.stringify(res.body)).not.toContain(MARKER);
    }
    expect(await counted()).toEqual([0, 0]);
    const previewed = (await callJson('/api/v1/me/shares/preview', { session: amb.session, body: { contentId: job.id, network: 'x', text: copy } })).body;
    expect({ similarity: (await share(amb.session, job.id, copy, 'x')).similarity }).toEqual(previewed);
  });

  it('answers 403 before the charter is accepted, 404 for an unknown content, 422 for a bad body and 401 without a session', async () => {
    const space = await makeSpace();
    const job = await content(space);
    const newcomer = await join(space);
    const body = { contentId: job.id, network: 'linkedin', text: 'Mon texte.' };
    expect(await callJson('/api/v1/me/shares/preview', { session: newcomer.session, body })).toMatchObject({ status: 403, body: { error: { code: 'charter_not_accepted' } } });
    const amb = await joinAndAccept(space);
    expect(await callJson('/api/v1/me/shares/preview', { session: amb.session, body: { ...body, contentId: 'cnt_unknown' } })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await callJson('/api/v1/me/shares/preview', { session: amb.session, body: { ...body, text: '' } })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'text' } } });
    expect((await callJson('/api/v1/me/shares/preview', { body })).status).toBe(401);
  });
});
