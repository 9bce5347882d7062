/**
 * How much of a post is borrowed text. Fifty identical posts read as fake, so Relais tells the
 * ambassador when their text reads as a copy of the talking points or of a colleague's post, without
 * ever letting the answer teach them anything about a colleague's words.
 *
 * Method (word-shingle containment, Broder 1997):
 * 1. Normalise: Unicode NFKD, accents and case dropped, URLs removed, words = runs of letters or digits.
 * 2. Shingles: every run of `SHINGLE_WORDS` (3) consecutive words; a text of fewer words is one shingle.
 *    Shingles made only of common French or English function words ("il y a", "and of the") are dropped,
 *    unless nothing else is left, so that two independent texts do not match on grammar.
 * 3. `score` = |shingles(post) ∩ shingles(talking points)| / |shingles(post)|: the share of the post's word
 *    triples found verbatim in the talking points, and nothing else. Containment rather than Jaccard, so
 *    pasting one bullet of long talking points still counts.
 * 4. `nearCopy` is true when `score` ≥ `NEAR_COPY_THRESHOLD` (0.5: half of the post's word triples are
 *    borrowed), or when the post is a near copy of one colleague's post on the same content. A colleague's
 *    "own" triples are those of their post that are not in the talking points (which anyone may copy); the
 *    post is a near copy of theirs when all of these hold:
 *    - the post has at least `MIN_SHINGLES_FOR_COLLEAGUES` (12) triples, about 14 words;
 *    - at least half of the post's triples are in the talking points or in the colleague's post;
 *    - the post holds at least half of the colleague's own triples, and at least `MIN_OWN_SHINGLES_COPIED` (6).
 *    `nearestShareId` then names the newest such post. No figure measures the text against a colleague's.
 *
 * Why this is no oracle: a short guess ("nous recrutons à") is never compared with colleagues, so it gets
 * the same answer whatever they wrote; a longer text can flip `nearCopy` only if it already reproduces
 * six word triples, and half, of what the colleague wrote in their own words, so an answer can only
 * confirm what the asker knew. Own texts on the same subject measure well under 0.2 against anything.
 */

export const SHINGLE_WORDS = 3;
export const NEAR_COPY_THRESHOLD = 0.5;
export const MIN_SHINGLES_FOR_COLLEAGUES = 12;
export const MIN_OWN_SHINGLES_COPIED = 6;

// Function words only: shingles made of nothing else say nothing about who wrote the text.
const STOP_WORDS = new Set(
  (
    'a au aux avec c ce ces cet cette d dans de des du elle en est et etre il ils j je l la le les leur lui m ma mais me mes mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sont sur t ta te tes ton tu un une vos votre vous y ' +
    'an and are as at be but by for from has have i in is it its my not of on or our so that the their this to was we were will with you your'
  ).split(' '),
);

/** The words of a text, normalised (lower case, no accents, no URLs). */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/(?:https?:\/\/|www\.)\S+/g, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The set of `size`-word shingles of `words`, without function-word-only shingles when others exist. */
export function shinglesOf(words: readonly string[], size: number): Set<string> {
  const all: string[][] = [];
  for (let i = 0; i + size <= words.length; i++) all.push(words.slice(i, i + size));
  const telling = all.filter((shingle) => shingle.some((word) => !STOP_WORDS.has(word)));
  return new Set((telling.length > 0 ? telling : all).map((shingle) => shingle.join(' ')));
}

export interface ColleaguePost {
  shareId: string;
  text: string;
}

export interface Similarity {
  /** 0–1: the share of the post's word triples found in the talking points. */
  score: number;
  /** At or above the threshold against the talking points, or a near copy of one colleague's post. */
  nearCopy: boolean;
  /** The colleague's post the text is a near copy of (when the talking points are not); never their text. */
  nearestShareId: string | null;
}

/** How many of `shingles` are in `reference`. */
function countIn(shingles: Iterable<string>, reference: ReadonlySet<string>): number {
  let found = 0;
  for (const shingle of shingles) if (reference.has(shingle)) found++;
  return found;
}

/** True when `own` (the post's shingles) is a near copy of `theirs` (a colleague's) by the rules above. */
function copiesColleague(own: ReadonlySet<string>, points: ReadonlySet<string>, theirs: ReadonlySet<string>): boolean {
  const theirOwn = new Set([...theirs].filter((shingle) => !points.has(shingle)));
  const copied = countIn(own, theirOwn);
  if (copied < MIN_OWN_SHINGLES_COPIED || copied < NEAR_COPY_THRESHOLD * theirOwn.size) return false;
  let borrowed = 0;
  for (const shingle of own) if (points.has(shingle) || theirs.has(shingle)) borrowed++;
  return borrowed >= NEAR_COPY_THRESHOLD * own.size;
}

/**
 * Scores `text` against the talking points and tells whether it is a near copy of them or of one of
 * `colleagues` (newest first), by the rules above.
 *
 * @example
 * measureSimilarity('Nous recrutons à Lyon', 'Nous recrutons à Lyon !', []) // { score: 1, nearCopy: true, nearestShareId: null }
 */
export function measureSimilarity(text: string, talkingPoints: string, colleagues: readonly ColleaguePost[]): Similarity {
  const words = wordsOf(text);
  const size = Math.max(1, Math.min(SHINGLE_WORDS, words.length));
  const own = shinglesOf(words, size);
  if (own.size === 0) return { score: 0, nearCopy: false, nearestShareId: null };
  const points = shinglesOf(wordsOf(talkingPoints), size);
  const score = Math.round((countIn(own, points) / own.size) * 1000) / 1000;
  const nearCopy = score >= NEAR_COPY_THRESHOLD;
  if (nearCopy || own.size < MIN_SHINGLES_FOR_COLLEAGUES) return { score, nearCopy, nearestShareId: null };
  const copied = colleagues.find((colleague) => copiesColleague(own, points, shinglesOf(wordsOf(colleague.text), size)));
  return { score, nearCopy: copied !== undefined, nearestShareId: copied?.shareId ?? null };
}
