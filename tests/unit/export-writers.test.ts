import { describe, expect, it } from 'vitest';
import {
  CRLF,
  UTF8_BOM,
  csvCell,
  csvRow,
  escapeText,
  foldLine,
  icsComponent,
  icsDateProperty,
  neutralizeFormula,
  vcard,
  type CalendarActivity,
} from '../../workers/db/features/export/writers';

const octets = (text: string) => new TextEncoder().encode(text).length;
/** RFC 5545/6350 unfolding: a CRLF followed by one space disappears. */
const unfold = (text: string) => text.replaceAll('\r\n ', '');

describe('CSV writer', () => {
  it('neutralizes every cell a spreadsheet would run as a formula, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutralizeFormula(`${start}SUM(A1:A9)`)).toBe(`'${start}SUM(A1:A9)`);
    }
    expect(neutralizeFormula('华信科技')).toBe('华信科技');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(csvCell('=HYPERLINK("http://evil.example","点我")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""点我"")"`,
    );
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
  });

  it('quotes per RFC 4180 only when needed and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['id', 1, null, '北京, 朝阳'])).toBe('id,1,,"北京, 朝阳"\r\n');
  });

  it('starts files with the UTF-8 byte order mark Excel needs for Chinese', () => {
    expect([...new TextEncoder().encode(UTF8_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('vCard and iCalendar text', () => {
  it('escapes backslash, comma, semicolon and every kind of line break', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const line = `NOTE:${'客户关系管理系统'.repeat(12)}`;
    const folded = foldLine(line);
    expect(folded.endsWith(CRLF)).toBe(true);
    const physical = folded.slice(0, -2).split(CRLF);
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(folded))).toBe(folded);
    expect(unfold(folded.slice(0, -2))).toBe(line);
    expect(foldLine('FN:Short')).toBe('FN:Short\r\n');
  });

  it('writes a vCard 4.0 with escaped values, CRLF lines and no empty properties', () => {
    const card = vcard({
      id: 7,
      name: '王, 小明; 经理',
      title: '',
      phone: '+86 138 0000 0000',
      email: 'wang@example.cn',
      notes: 'line one\nline two',
      organization: '华信科技',
    });
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card).toContain('FN:王\\, 小明\\; 经理\r\n');
    expect(card).toContain('NOTE:line one\\nline two\r\n');
    expect(card).toContain('ORG:华信科技\r\n');
    expect(card).not.toContain('TITLE');
    expect(card.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes meetings as VEVENTs and tasks as VTODOs with UID, DTSTAMP, times in UTC and escaped text', () => {
    const stamp = new Date('2026-03-16T01:30:00Z');
    const meeting: CalendarActivity = {
      id: 3,
      type: 'meeting',
      subject: '季度回顾; 预算, 计划',
      body: '',
      dueAt: '2026-03-20T06:00:00.000Z',
      done: false,
      doneAt: null,
      customerName: '华信科技',
    };
    const event = icsComponent(meeting, stamp)!;
    expect(event).toContain('BEGIN:VEVENT\r\nUID:activity-3@kehu-crm\r\nDTSTAMP:20260316T013000Z\r\n');
    expect(event).toContain('DTSTART:20260320T060000Z\r\n');
    expect(event).toContain('SUMMARY:季度回顾\\; 预算\\, 计划\r\n');
    expect(icsComponent({ ...meeting, dueAt: null }, stamp)).toBeNull();

    const task = icsComponent(
      { ...meeting, id: 4, type: 'task', done: true, doneAt: '2026-03-21T02:00:00.000Z' },
      stamp,
    )!;
    expect(task).toContain('BEGIN:VTODO\r\n');
    expect(task).toContain('DUE:20260320T060000Z\r\n');
    expect(task).toContain('STATUS:COMPLETED\r\nCOMPLETED:20260321T020000Z\r\n');
    expect(icsDateProperty('DUE', '2026-04-01')).toBe('DUE;VALUE=DATE:20260401');
    expect(icsDateProperty('DUE', 'not a date')).toBeNull();
  });
});
