/**
 * The pure parts of outreach: merge fields, mailto: batching (RFC 6068) and .eml/.mbox files (RFC 5322 with
 * RFC 2047 encoded-words). Decoding in these tests uses Node's Buffer and decodeURIComponent, independent of
 * the code under test. The .eml output was also checked once by hand with Python's `email` parser
 * (policy.default): subject, a short Chinese display name and the body came back identical; a display name
 * long enough to need two encoded-words came back with a space between them (Python's address parser keeps
 * the folding whitespace RFC 2047 says to drop), so names are encoded as one word whenever they fit (12 CJK
 * characters).
 */
import { describe, expect, it } from 'vitest';
import {
  buildEml,
  buildMbox,
  emlFileName,
  encodeWords,
  mailbox,
  rfc5322Date,
  type EmlMessage,
} from '../../workers/db/features/outreach/eml';
import {
  MAILTO_LIMIT,
  MailtoTooLongError,
  mailtoBatches,
  mailtoFor,
} from '../../workers/db/features/outreach/mailto';
import {
  MERGE_FIELDS,
  emptyMergeValues,
  isPersonalized,
  mergeFieldsIn,
  renderMerge,
  unknownMergeFields,
} from '../../workers/db/features/outreach/merge';

describe('merge fields', () => {
  const values = {
    ...emptyMergeValues(),
    'customer.name': '上海华联',
    'contact.name': '张伟',
    'owner.name': 'Li',
  };

  it('renders known fields, with or without inner spaces, and leaves empty values empty', () => {
    expect(renderMerge('{{contact.name}}您好，{{ customer.name }}的{{contact.title}}!', values)).toBe(
      '张伟您好，上海华联的!',
    );
  });

  it('reports unknown fields (typos, wrong case) instead of rendering them blank', () => {
    const subject = 'Hi {{contact.nmae}}';
    const body = '{{Customer.name}} {{customer.name}} {{owner.phone}} {{contact.nmae}}';
    expect(unknownMergeFields(subject, body)).toEqual(['contact.nmae', 'Customer.name', 'owner.phone']);
    // Left as written, so a preview shows the problem.
    expect(renderMerge(subject, values)).toBe('Hi {{contact.nmae}}');
    expect(unknownMergeFields('Dear {{contact.name}}, {{opportunity.amount}}')).toEqual([]);
  });

  it('lists fields in order of first use and knows when a message is personal', () => {
    expect(mergeFieldsIn('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
    expect(isPersonalized('Newsletter', 'Hello all')).toBe(false);
    expect(isPersonalized('Hello', 'Regards, {{owner.name}}')).toBe(true);
    expect(MERGE_FIELDS).toContain('opportunity.stage');
  });
});

describe('mailto batches', () => {
  const addresses = Array.from({ length: 200 }, (_, i) => `customer.${i}@example.com`);

  it('keeps every link under the limit, puts everyone in BCC once, in order', () => {
    const links = mailtoBatches(addresses, 'Spring offer', 'Hello,\nour new catalogue is out.');
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      expect(link.length).toBeLessThanOrEqual(MAILTO_LIMIT);
      expect(link.startsWith('mailto:?bcc=')).toBe(true);
    }
    const back = links.flatMap((link) => new URL(link).searchParams.get('bcc')!.split(','));
    expect(back).toEqual(addresses);
    // Each batch is full: adding the next address would have crossed the limit.
    const first = links[0]!;
    expect(first.length + `,${encodeURIComponent(addresses[0]!)}`.length).toBeGreaterThan(MAILTO_LIMIT - 10);
  });

  it('percent-encodes Chinese subject and body as UTF-8 (%20 for spaces, %0D%0A for line breaks)', () => {
    const [link] = mailtoBatches(['wang@example.cn'], '春季 新品', '王经理：\n您好');
    expect(link).toBe(
      'mailto:?bcc=wang%40example.cn&subject=%E6%98%A5%E5%AD%A3%20%E6%96%B0%E5%93%81&body=%E7%8E%8B%E7%BB%8F%E7%90%86%EF%BC%9A%0D%0A%E6%82%A8%E5%A5%BD',
    );
    const url = new URL(link!);
    expect(url.searchParams.get('subject')).toBe('春季 新品');
    expect(url.searchParams.get('body')).toBe('王经理：\r\n您好');
  });

  it('counts the encoded length: a long Chinese body makes smaller batches', () => {
    const ascii = mailtoBatches(addresses, 'x', 'a'.repeat(300));
    const chinese = mailtoBatches(addresses, 'x', '好'.repeat(100)); // 100 chars → 900 encoded
    expect(chinese.length).toBeGreaterThan(ascii.length);
    for (const link of chinese) expect(link.length).toBeLessThanOrEqual(MAILTO_LIMIT);
  });

  it('refuses a message too long for any link, and builds single personal links', () => {
    expect(() => mailtoBatches(['a@b.c'], 'x', '长'.repeat(300))).toThrow(MailtoTooLongError);
    expect(mailtoBatches([], 'x', 'y')).toEqual([]);
    expect(mailtoFor('张伟 <zw@example.cn>'.split(' ')[1]!.slice(1, -1), 'Hi', 'Body')).toBe(
      'mailto:zw%40example.cn?subject=Hi&body=Body',
    );
    expect(() => mailtoFor('a@b.c', 'x', 'y'.repeat(2000))).toThrow(MailtoTooLongError);
  });
});

const decodeWords = (header: string): string =>
  header
    .split(/\r\n /)
    .map((word) => {
      const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word);
      if (!match) throw new Error(`not an encoded-word: ${word}`);
      return Buffer.from(match[1]!, 'base64').toString('utf8');
    })
    .join('');

describe('.eml files', () => {
  const message: EmlMessage = {
    from: { name: '李娜', address: 'lina@example.cn' },
    to: { name: 'Wang "Tiger" Wei', address: 'wang@example.com' },
    subject: '客户满意度调查 — 请花两分钟告诉我们您的看法，谢谢！我们非常重视您的意见和建议',
    body: '王先生：\n您好！\nFrom now on…',
    date: new Date(Date.UTC(2026, 11, 3, 7, 9, 7)),
    messageId: 'm1@kehu-crm.local',
  };
  const eml = buildEml(message);
  const [head, body] = eml.split('\r\n\r\n');
  const header = (name: string) => {
    const match = new RegExp(`^${name}: ((?:.*)(?:\\r\\n .*)*)`, 'm').exec(head!);
    return match?.[1] ?? null;
  };

  it('has the RFC 5322 headers, CRLF line ends and 7-bit header lines of at most 78 characters', () => {
    expect(header('Date')).toBe('Thu, 03 Dec 2026 07:09:07 +0000');
    expect(header('Message-ID')).toBe('<m1@kehu-crm.local>');
    expect(header('MIME-Version')).toBe('1.0');
    expect(header('Content-Type')).toBe('text/plain; charset=UTF-8');
    expect(header('Content-Transfer-Encoding')).toBe('base64');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of head!.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(78);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('encodes the Chinese subject and sender name as UTF-8 encoded-words that decode back', () => {
    expect(header('Subject')!.startsWith('=?UTF-8?B?')).toBe(true);
    expect(decodeWords(header('Subject')!)).toBe(message.subject);
    const from = header('From')!;
    expect(from.endsWith(' <lina@example.cn>')).toBe(true);
    expect(decodeWords(from.replace(/ <lina@example\.cn>$/, ''))).toBe('李娜');
    expect(header('To')).toBe('"Wang \\"Tiger\\" Wei" <wang@example.com>');
    const long = mailbox({ name: '欧阳'.repeat(12), address: 'a.very.long.address@example.com' });
    for (const line of `From: ${long}`.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(mailbox({ name: '', address: 'x@y.z' })).toBe('x@y.z');
  });

  it('never splits a character across encoded-words', () => {
    const words = encodeWords('😀'.repeat(30)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).toMatch(/^(😀)+$/u);
    }
  });

  it('carries the body as base64 of UTF-8 with CRLF line breaks, in lines of 76', () => {
    const lines = body!.split('\r\n').filter((line) => line !== '');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(Buffer.from(lines.join(''), 'base64').toString('utf8')).toBe('王先生：\r\n您好！\r\nFrom now on…');
  });

  it('puts several messages in one mbox, each after a From_ line, and names files safely', () => {
    const mbox = buildMbox([message, { ...message, messageId: 'm2@kehu-crm.local' }]);
    expect(mbox.match(/^From MAILER-DAEMON Thu Dec {2}3 07:09:07 2026$/gm)).toHaveLength(2);
    expect(mbox).not.toContain('\r');
    expect(mbox.match(/^From: /gm)).toHaveLength(2);
    expect(rfc5322Date(new Date(Date.UTC(2027, 0, 1, 0, 0, 0)))).toBe('Fri, 01 Jan 2027 00:00:00 +0000');
    expect(emlFileName(0, '张 伟/销售')).toBe('001-张_伟_销售.eml');
  });
});
