/**
 * Bytes → text for imported files. Spreadsheet programs write CSV in whatever the system uses: UTF-8 with
 * or without a BOM, UTF-16 (Excel's "Unicode text", sometimes without BOM), and GBK/GB18030 from Chinese
 * Excel. Detection order: BOM, then the NUL-byte pattern of UTF-16, then strict UTF-8, else GB18030 (a
 * superset of GBK). Files that are not text at all are refused rather than imported as garbage.
 */
import Papa from 'papaparse';
import { DomainError } from '../../errors';
import type { ImportDelimiter, ImportEncoding } from './api';

export interface Decoded {
  text: string;
  encoding: ImportEncoding;
  bom: boolean;
}

const SAMPLE_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** UTF-16 without BOM: ASCII-heavy text has a zero in every other byte, on the odd side for LE. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): { encoding: ImportEncoding; bom: boolean } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { encoding: utf16, bom: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/** Control characters other than tab, newlines and form feed, plus U+FFFD from undecodable bytes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const JUNK = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g;

/** Text a person could have written: few control or replacement characters (binary files have many). */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.includes('\u0000')) return false;
  const junk = sample.match(JUNK)?.length ?? 0;
  return junk <= Math.max(2, sample.length * 0.01);
}

/**
 * Decodes `bytes` with `encoding` (detected when omitted). Throws `import_empty` for an empty file and
 * `import_not_text` when the result is clearly not text.
 */
export function decodeFile(bytes: Uint8Array, encoding?: ImportEncoding): Decoded {
  if (bytes.length === 0) throw new DomainError('import_empty', 'the file is empty');
  const detected = detectEncoding(bytes);
  const chosen = encoding ?? detected.encoding;
  const bom = chosen === detected.encoding && detected.bom;
  // ignoreBOM: false strips a BOM of the chosen encoding.
  const text = new TextDecoder(chosen, { ignoreBOM: false }).decode(bytes);
  if (!looksLikeText(text)) {
    throw new DomainError('import_not_text', `the file does not look like text in ${chosen}`);
  }
  if (text.trim() === '') throw new DomainError('import_empty', 'the file holds only blank space');
  return { text, encoding: chosen, bom };
}

const CANDIDATES: readonly ImportDelimiter[] = [',', ';', '\t', '|'];

/**
 * The delimiter that splits the first lines into the same number (> 1) of fields most consistently;
 * ties go to the order of {@link CANDIDATES}. Parsed with quotes honoured, so a comma inside a quoted
 * field does not count.
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const sample = text.slice(0, 65536);
  let best: ImportDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const { data } = Papa.parse<string[]>(sample, { delimiter, preview: 20, skipEmptyLines: 'greedy' });
    const counts = data.map((row) => row.length);
    const first = counts[0] ?? 1;
    if (first < 2) continue;
    const consistent = counts.filter((count) => count === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
