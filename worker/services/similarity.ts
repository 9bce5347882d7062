/**
 * How much of a post is borrowed text. Fifty identical posts read as fake, so Relais tells the
 * ambassador when their text reads as a copy of the talking points or of a colleague's post.
 *
 * Method (word-shingle containment, Broder 1997):
 * 1. Normalise: Unicode NFKD, accents and case dropped, URLs removed, words = runs of letters or digits.
 * 2. Shingles: every run of `SHINGLE_WORDS` (3) consecutive words; a text of fewer words is one shingle.
 *    Shingles made only of common French or English function words ("il y a", "and of the") are dropped,
 *    unless nothing else is left, so that two independent texts do not match on grammar.
 * 3. Score against one reference = |shingles(post) ∩ shingles(reference)| / |shingles(post)|: the share
 *    of the post's word triples found verbatim in the reference. Containment rather than Jaccard, so
 *    pasting one bullet of long talking points still counts, and adding a line to a colleague's post
 *    does not hide the copy.
 * 4. The score is the highest over the talking points and every colleague's post on the same content;
 *    `nearCopy` is true at or above `NEAR_COPY_THRESHOLD` (0.5: half of the post's word triples are
 *    borrowed). Own texts on the same subject measure well under 0.2.
 */

export const SHINGLE_WORDS = 3;
export const NEAR_COPY_THRESHOLD = 0.5;

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

export interface SimilarityReference {
  /** A colleague's share id, or null for the talking points. */
  shareId: string | null;
  text: string;
}

export interface Similarity {
  /** 0–1: the largest share of the post's word triples found in one reference. */
  score: number;
  nearCopy: boolean;
  /** The colleague's share the post is closest to, when that is the nearest match; never their text. */
  nearestShareId: string | null;
}

/**
 * Scores `text` against each reference and keeps the nearest one (ties go to the talking points).
 *
 * @example
 * measureSimilarity('Nous recrutons à Lyon', [{ shareId: null, text: 'Nous recrutons à Lyon !' }]) // { score: 1, nearCopy: true, nearestShareId: null }
 */
export function measureSimilarity(text: string, references: readonly SimilarityReference[]): Similarity {
  const words = wordsOf(text);
  const size = Math.max(1, Math.min(SHINGLE_WORDS, words.length));
  const own = shinglesOf(words, size);
  let best = { score: 0, shareId: null as string | null };
  if (own.size === 0) return { score: 0, nearCopy: false, nearestShareId: null };
  for (const reference of references) {
    const theirs = shinglesOf(wordsOf(reference.text), size);
    let shared = 0;
    for (const shingle of own) if (theirs.has(shingle)) shared++;
    const score = shared / own.size;
    if (score > best.score) best = { score, shareId: reference.shareId };
  }
  const score = Math.round(best.score * 1000) / 1000;
  return { score, nearCopy: score >= NEAR_COPY_THRESHOLD, nearestShareId: score > 0 ? best.shareId : null };
}
