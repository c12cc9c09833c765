/**
 * vCard (.vcf) 3.0 and 4.0 — and the 2.1 that older phones export — to contact rows: FN (or N when FN is
 * missing), the first TEL and EMAIL, ORG's first component, TITLE and NOTE. Folded lines (continuations
 * starting with a space or tab) are joined first; escaped \n \, \; \\ are unescaped.
 */
import type { RowProblem } from './api';

export interface VCard {
  name: string;
  org: string;
  title: string;
  phone: string;
  email: string;
  note: string;
  /** Card number in the file, from 1. */
  number: number;
  closed: boolean;
}

/** The columns a vCard file shows in the preview, and the contact field each fills. */
export const VCARD_COLUMNS = [
  { header: 'FN', field: 'name' },
  { header: 'ORG', field: 'customer' },
  { header: 'TITLE', field: 'title' },
  { header: 'TEL', field: 'phone' },
  { header: 'EMAIL', field: 'email' },
  { header: 'NOTE', field: 'notes' },
] as const;

export function looksLikeVCard(text: string): boolean {
  return /^\s*BEGIN:VCARD/i.test(text.slice(0, 1024));
}

function unfold(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

function unescape(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

/** Splits on unescaped `;` (structured values such as N and ORG). */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescape);
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[i]!));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese names are family name first without a space; Western ones given name first. */
function nameFromN(value: string): string {
  const [family = '', given = '', additional = ''] = components(value).map((part) => part.trim());
  if (CJK.test(family + given)) return `${family}${given}`;
  return [given, additional, family].filter(Boolean).join(' ');
}

interface Property {
  name: string;
  params: string;
  value: string;
}

function parseLine(line: string): Property | null {
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const head = line.slice(0, colon);
  const [rawName = '', ...params] = head.split(';');
  // "item1.TEL": Apple's property groups.
  const name = rawName.replace(/^[^.]*\./, '').toUpperCase();
  let value = line.slice(colon + 1);
  const paramText = params.join(';').toUpperCase();
  if (paramText.includes('QUOTED-PRINTABLE')) value = decodeQuotedPrintable(value);
  return { name, params: paramText, value };
}

export function parseVCards(text: string): VCard[] {
  const cards: (VCard & { n: string })[] = [];
  let current: (VCard & { n: string }) | null = null;
  for (const line of unfold(text)) {
    const property = parseLine(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.trim().toUpperCase() === 'VCARD') {
      if (current) cards.push(current);
      current = {
        name: '',
        org: '',
        title: '',
        phone: '',
        email: '',
        note: '',
        n: '',
        number: cards.length + 1,
        closed: false,
      };
      continue;
    }
    if (!current) continue;
    const value = property.value;
    switch (property.name) {
      case 'END':
        current.closed = true;
        cards.push(current);
        current = null;
        break;
      case 'FN':
        current.name ||= unescape(value).trim();
        break;
      case 'N':
        current.n ||= value;
        break;
      case 'ORG':
        current.org ||= (components(value)[0] ?? '').trim();
        break;
      case 'TITLE':
        current.title ||= unescape(value).trim();
        break;
      case 'TEL':
        current.phone ||= unescape(value).replace(/^tel:/i, '').trim();
        break;
      case 'EMAIL':
        current.email ||= unescape(value)
          .replace(/^mailto:/i, '')
          .trim();
        break;
      case 'NOTE':
        current.note ||= unescape(value).trim();
        break;
    }
  }
  if (current) cards.push(current);
  return cards.map(({ n, ...card }) => ({ ...card, name: card.name || (n ? nameFromN(n) : '') }));
}

/** Cards as table rows in {@link VCARD_COLUMNS} order, with a problem for each card missing its END. */
export function vcardTable(cards: readonly VCard[]): {
  rows: string[][];
  rowNumbers: number[];
  rowProblems: Map<number, RowProblem[]>;
} {
  const rowProblems = new Map<number, RowProblem[]>();
  cards.forEach((card, index) => {
    if (!card.closed) {
      rowProblems.set(index, [
        { row: card.number, column: null, field: null, code: 'unclosed_card', value: card.name },
      ]);
    }
  });
  return {
    rows: cards.map((card) => [card.name, card.org, card.title, card.phone, card.email, card.note]),
    rowNumbers: cards.map((card) => card.number),
    rowProblems,
  };
}
