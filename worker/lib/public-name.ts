/**
 * The name other ambassadors see on the leaderboard: the one the person chose, else their first name and the
 * initial of their last ("Camille Martin" → "Camille M."), never the full name an admin typed in.
 */
export function publicName(displayName: string | null, name: string | null): string {
  if (displayName) return displayName;
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [first, ...rest] = words;
  const last = rest.at(-1);
  return last ? `${first} ${Array.from(last)[0]?.toUpperCase()}.` : (first ?? '');
}
