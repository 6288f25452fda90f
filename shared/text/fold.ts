/**
 * Folding for forgiving search: "odegard" must find "Ødegård", "lukasz" "Łukasz", "nunez" "Núñez".
 * NFKD + stripping combining marks handles accents; letters that do not decompose (ø, ł, ß, æ...) are mapped
 * explicitly. The same function folds what is indexed and what is typed, so both sides always agree.
 */
const SPECIAL: Record<string, string> = {
  ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŀ: 'l', Ŀ: 'l',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');
const COMBINING_RE = /\p{M}+/gu;

export function foldText(input: string): string {
  return input
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_RE, '')
    .toLowerCase();
}

/** Splits folded text into the word tokens SQLite's unicode61 tokenizer would see (letters and digits). */
export function searchTokens(input: string): string[] {
  return foldText(input).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}
