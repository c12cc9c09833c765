/**
 * The words of a case subject worth looking for in articles. English (and other spaced scripts): the
 * longest words of three letters or more that are not filler. Chinese has no spaces, so each run of Han
 * characters gives its two-character substrings ("打印机无法连接" → 打印, 印机, 机无, 无法…), the usual
 * unit of a Chinese word; bigrams made only of common function characters are dropped.
 */

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'not',
  'can',
  'cannot',
  'does',
  'doesn',
  'don',
  'was',
  'are',
  'but',
  'from',
  'have',
  'has',
  'had',
  'this',
  'that',
  'our',
  'your',
  'you',
  'how',
  'why',
  'what',
  'when',
  'after',
  'before',
  'into',
  'about',
  'please',
  'again',
  'still',
  'will',
  'won',
  'isn',
  'any',
]);
const FILLER_HAN = new Set([...'的了是在和与或也都就还又很吗呢吧啊我你他她们这那个有没不无']);
const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** At most `max` terms, longest (most specific) first; Han bigrams after the spaced words. */
export function subjectTerms(subject: string, max = 8): string[] {
  const text = subject.normalize('NFKC').toLowerCase();
  const words = new Set<string>();
  for (const [word] of text.replace(HAN_RUN, ' ').matchAll(WORD))
    if ([...word].length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)) words.add(word);
  const spaced = [...words].sort((a, b) => b.length - a.length);

  const bigrams = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (FILLER_HAN.has(chars[i]!) && FILLER_HAN.has(chars[i + 1]!)) continue;
      bigrams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...spaced, ...bigrams].slice(0, max);
}

/** `text` as a LIKE pattern matching it anywhere (with `ESCAPE '\'`). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
