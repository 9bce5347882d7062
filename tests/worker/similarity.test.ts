import { describe, expect, it } from 'vitest';
import { measureSimilarity, NEAR_COPY_THRESHOLD, shinglesOf, wordsOf } from '../../worker/services/similarity';
import { callJson } from './http';
import { content, joinAndAccept, makeSpace, share } from './ambassador-space';

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
    const tp = [{ shareId: null, text: TALKING_POINTS }];
    const copy = measureSimilarity(COPY, tp);
    const edited = measureSimilarity(EDITED_COPY, tp);
    const own = measureSimilarity(OWN, tp);
    console.log(`similarity (threshold ${NEAR_COPY_THRESHOLD}): copy of the talking points ${copy.score}, lightly edited copy ${edited.score}, own text ${own.score}`);
    expect(copy).toEqual({ score: 1, nearCopy: true, nearestShareId: null });
    expect(edited.score).toBeGreaterThanOrEqual(NEAR_COPY_THRESHOLD);
    expect(edited.nearCopy).toBe(true);
    expect(own.score).toBeLessThan(0.1);
    expect(own.nearCopy).toBe(false);
  });

  it('names the colleague’s post when it is the nearest match, and still catches a copy with a line added', () => {
    const refs = [{ shareId: null, text: TALKING_POINTS }, { shareId: 'shr_a', text: OWN }, { shareId: 'shr_b', text: COLLEAGUE }];
    const result = measureSimilarity(`${COLLEAGUE} Postulez, vraiment !`, refs);
    expect(result.nearestShareId).toBe('shr_b');
    expect(result.score).toBeGreaterThan(0.8);
    expect(measureSimilarity('', refs)).toEqual({ score: 0, nearCopy: false, nearestShareId: null });
    expect(measureSimilarity('Bravo', refs)).toEqual({ score: 0, nearCopy: false, nearestShareId: null });
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
