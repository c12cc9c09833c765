/**
 * What makes two records "the same" for duplicate detection: emails compared lower-case and trimmed,
 * phones by their digits (a +86 / 0086 country prefix dropped), names after folding width and case,
 * dropping spaces and punctuation and a trailing company form (有限公司, Co., Ltd. …).
 */

/** Lower-case, trimmed; '' for none. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function emailDomain(email: string): string {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf('@');
  return at < 0 ? '' : normalized.slice(at + 1);
}

/**
 * The digits of a phone, China's country code removed so "+86 138-0013-8000", "0086 13800138000" and
 * "138 0013 8000" agree. Numbers too short to identify anyone (under 5 digits) give ''.
 */
export function normalizePhone(phone: string): string {
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length < 5 ? '' : digits;
}

/**
 * The same computation in SQL (for GROUP BY over a million rows without calling into JavaScript per row).
 * Stored phones passed validation (digits, spaces, + - ( ) . only, full-width folded), so removing those
 * characters leaves the digits. Must agree with {@link normalizePhone}; the tests check both on the same
 * inputs. `column` is a fixed column reference from this module's callers, never user input.
 */
export function phoneDigitsSql(column: string): string {
  return dropCountryCodeSql(stripPhoneSql(column));
}

/** The phone without its separators (the first half of {@link phoneDigitsSql}). */
export function stripPhoneSql(column: string): string {
  let digits = column;
  for (const mark of [' ', '-', '(', ')', '+', '.']) digits = `replace(${digits}, '${mark}', '')`;
  return digits;
}

/** Digits without +86 / 0086 (the second half of {@link phoneDigitsSql}). */
export function dropCountryCodeSql(digits: string): string {
  return `(CASE WHEN ${digits} LIKE '0086%' THEN substr(${digits}, 5)
    WHEN ${digits} LIKE '86%' AND length(${digits}) = 13 THEN substr(${digits}, 3)
    ELSE ${digits} END)`;
}

/** Legal forms at the end of Chinese company names, longest first so "有限责任公司" is not cut to "有限责任". */
const CHINESE_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '公司'];

/** Latin legal forms, as whole words at the end ("Costco" keeps its "co"). */
const LATIN_FORM =
  /\s(?:company limited|co ltd|co limited|corporation|limited|company|corp|inc|llc|ltd|gmbh|co)$/;

/**
 * Folds full-width letters/digits (NFKC), case and spacing, removes punctuation and one trailing legal
 * form. "华信科技有限公司", "华信科技" and "ＡＣＭＥ Co., Ltd." / "acme" meet; a name that is only a legal
 * form stays as it is rather than becoming empty.
 */
export function normalizeName(name: string): string {
  let words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  const chinese = CHINESE_FORMS.find((form) => words.endsWith(form));
  if (chinese) words = words === chinese ? words : words.slice(0, -chinese.length).trim();
  else words = words.replace(LATIN_FORM, '');
  return words.replace(/ /g, '');
}

/** Whether two strings differ by at most one insertion, deletion or substitution (code points). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < short.length && j < long.length) {
    if (short[i] === long[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (short.length === long.length) i++;
    j++;
  }
  return edits + (long.length - j) <= 1;
}
