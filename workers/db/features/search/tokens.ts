/**
 * How text becomes search terms, for the index and for queries alike (both must agree term for term).
 *
 * SQLite's FTS4 tokenizers split on spaces and punctuation, so a Chinese name or company (no spaces) would
 * be one long term that only a search for the whole string finds. JS therefore rewrites the text before
 * FTS4 sees it: a run of CJK characters becomes its overlapping bigrams (北京某某科技 → 北京 京某 某某 某科 科技)
 * followed by its last character alone (技), each a term at the next position; every other run of letters
 * and digits is one lower-cased term (unicode61 then folds case and diacritics the same way on both sides).
 *
 * A query of two or more CJK characters is the phrase of its bigrams, which matches wherever those
 * characters stand next to each other; one character is a prefix term (张*): bigrams that start with it,
 * plus the run-final character. Why bigrams and not single characters: see search-index.ts (measured).
 *
 * Phone numbers are written with varying separators (138-0013-8000, 010 6123 4567): phone fields also
 * index their digits run together (prefix search on the number as typed without separators) and their
 * last four digits (how people quote a number they half remember).
 */

/** CJK scripts whose words are not separated by spaces: Han, kana, Hangul. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number, char: string): boolean {
  if (code < 0x80)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(char);
}

/** A stretch of one kind of text: a CJK run or a Latin/other word. */
export interface Segment {
  cjk: boolean;
  text: string;
}

/** Splits text into CJK runs and words (letters, digits, marks); everything else separates. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  // NFKC makes full-width letters and digits (ＡＢＣ１２３, common in Chinese input) plain ASCII.
  const normal = /[\u0080-\u{10ffff}]/u.test(text) ? text.normalize('NFKC') : text;
  let current = '';
  let currentCjk = false;
  const flush = () => {
    if (current) out.push({ cjk: currentCjk, text: currentCjk ? current : current.toLowerCase() });
    current = '';
  };
  for (const char of normal) {
    const code = char.codePointAt(0)!;
    if (isCjk(code)) {
      if (!currentCjk) flush();
      currentCjk = true;
      current += char;
    } else if (isWordChar(code, char)) {
      if (currentCjk) flush();
      currentCjk = false;
      current += char;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

/** A CJK run as index terms: overlapping bigrams, then its last character. */
function cjkTerms(run: string, terms: string[]): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  terms.push(chars[chars.length - 1]!);
}

/** The terms of `text` for the index, space-separated (the form stored in the FTS table). */
export function indexTerms(text: string): string {
  if (!text) return '';
  const terms: string[] = [];
  for (const segment of segments(text)) {
    if (segment.cjk) cjkTerms(segment.text, terms);
    else terms.push(segment.text);
  }
  return terms.join(' ');
}

/** A phone number's extra terms: all its digits together, and its last four. */
export function phoneTerms(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  if (digits.length < 5) return '';
  return `${digits} ${digits.slice(-4)}`;
}

/** Shortest Latin or digit word searched as a prefix; shorter ones must match a whole term. */
export const MIN_PREFIX = 3;

/** One whitespace-separated word of a query, as the terms of an FTS phrase. */
interface QueryPhrase {
  terms: string[];
  /** The last term is a prefix (`term*`). */
  prefix: boolean;
}

/**
 * A word of the query as a phrase. CJK runs give their bigrams; the run-final character is only asked for
 * when the word goes on after the run (张伟abc: the index has 张伟 伟 abc), since a run that ends the word
 * may continue in the indexed text (张伟 inside 张伟明). A lone CJK character is a prefix term.
 */
function phraseOf(word: string, last: boolean): QueryPhrase | null {
  const parts = segments(word);
  if (parts.length === 0) return null;
  const terms: string[] = [];
  let prefix = false;
  parts.forEach((segment, index) => {
    const final = index === parts.length - 1;
    if (!segment.cjk) {
      terms.push(segment.text);
      // Typing: the last word is still being written. FTS4 merges every term a prefix covers in full, and
      // at the bench profile "in*" or "13*" cover hundreds of thousands of rows (~0.8 s): three characters.
      prefix = final && last && segment.text.length >= MIN_PREFIX;
      return;
    }
    const chars = Array.from(segment.text);
    if (chars.length === 1) {
      terms.push(chars[0]!);
      prefix = final;
      return;
    }
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    if (!final) terms.push(chars[chars.length - 1]!);
    prefix = false;
  });
  return { terms, prefix };
}

/**
 * The FTS4 MATCH expression for what the user typed, or null when it holds no searchable text. Every word
 * becomes a quoted phrase of terms made only of letters and digits, so nothing the user types (quotes,
 * `*`, `AND`, `NEAR`, parentheses, `-`, `:`) can act as query syntax. Words are ANDed.
 */
export function matchExpression(query: string): string | null {
  const words = query.split(/\s+/).filter(Boolean);
  const phrases: string[] = [];
  words.forEach((word, index) => {
    const phrase = phraseOf(word, index === words.length - 1);
    if (!phrase) return;
    phrases.push(`"${phrase.terms.join(' ')}${phrase.prefix ? '*' : ''}"`);
  });
  return phrases.length === 0 ? null : phrases.join(' ');
}
