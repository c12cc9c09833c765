/**
 * Fuzzy matching of a typed query against the command palette's action names ("cust" → "Go to Customers",
 * "gopi" → "Go to Pipeline", "客户" → "前往：客户").
 *
 * Written by hand rather than taken from a library: it ranks ~70 short names per keystroke, treats a CJK
 * character like any other character (libraries tuned for Latin word boundaries score Chinese poorly) and
 * is a few dozen lines. Each whitespace-separated word of the query must appear in the text as a
 * subsequence (case-insensitive); the score rewards a whole substring, a match at the start of the text or
 * of a word, and consecutive characters, and penalises gaps — so the prefix of a word beats the same
 * letters scattered through a longer name.
 */

const WORD_BREAK = /[\s\-–—:：·/()（）.,，、]/;

/** Score of one query word inside `text` (both lower-case), or null when it is not a subsequence. */
function wordScore(word: string, text: string): number | null {
  const at = text.indexOf(word);
  if (at >= 0) {
    // A whole substring: best at the very start, then at a word start, then anywhere.
    const wordStart = at === 0 || WORD_BREAK.test(text[at - 1]!);
    return 100 + word.length * 4 + (at === 0 ? 40 : wordStart ? 25 : 0) - Math.min(at, 30) * 0.2;
  }
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of word) {
    const index = text.indexOf(char, from);
    if (index < 0) return null;
    const wordStart = index === 0 || WORD_BREAK.test(text[index - 1]!);
    score += 1 + (index === previous + 1 ? 4 : 0) + (wordStart ? 3 : 0);
    score -= Math.min(index - from, 10) * 0.3;
    previous = index;
    from = index + 1;
  }
  return score;
}

/** The best score of `query` in any of `texts` (a name in the current language, its English name…), or null. */
export function fuzzyScore(query: string, texts: readonly string[]): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  let best: number | null = null;
  for (const raw of texts) {
    const text = raw.toLowerCase();
    let total = 0;
    let matched = true;
    for (const word of words) {
      const score = wordScore(word, text);
      if (score === null) {
        matched = false;
        break;
      }
      total += score;
    }
    if (matched && (best === null || total > best)) best = total;
  }
  return best;
}

/** The items whose texts match `query`, best first; ties keep the given order. Blank query → all. */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  texts: (item: T) => readonly string[],
): T[] {
  if (!query.trim()) return [...items];
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, texts(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
