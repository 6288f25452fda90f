/**
 * The last resort for a word the vocabulary does not know (data written by a newer or older version): readable
 * words instead of a code, so a clinician never reads `SOME_CODE` or `some_field`.
 */
export function humanise(word: string): string {
  const spaced = word.replace(/[_\s]+/g, ' ').trim().toLowerCase();
  return spaced ? spaced.charAt(0).toUpperCase() + spaced.slice(1) : word;
}
