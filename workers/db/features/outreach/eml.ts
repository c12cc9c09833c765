/**
 * RFC 5322 messages for download: one `.eml` per recipient (a mail app opens it as a draft; `X-Unsent: 1`
 * tells Outlook so) or, for larger sends, all of them in one `.mbox` file (mboxrd: messages separated by
 * "From " lines), which Thunderbird and Apple Mail import. The app has no zip library, hence the mbox
 * rather than a zip of .eml files.
 *
 * Encoding: headers stay 7-bit ASCII — a non-ASCII subject or display name becomes RFC 2047 encoded-words
 * (`=?UTF-8?B?…?=`, at most 75 characters each, never splitting a character), and the UTF-8 body is base64
 * in 76-character lines (robust for Chinese text, where quoted-printable would triple the size). CRLF line
 * ends throughout. Pure.
 */

export interface EmlMessage {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  body: string;
  date: Date;
  /** Without angle brackets; unique per message. */
  messageId: string;
}

const CRLF = '\r\n';
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * 36 bytes of UTF-8 → 48 base64 characters; with `=?UTF-8?B?` and `?=` a word is 60 characters, so even
 * the first one after `Subject: ` keeps the line within RFC 5322's 78.
 */
const WORD_BYTES = 36;

/** RFC 2047 encoded-words for `text`, split on character boundaries, joined by folding whitespace. */
export function encodeWords(text: string): string {
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (chunkBytes + size > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += size;
  }
  if (chunk !== '' || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(encoder.encode(word))}?=`).join(`${CRLF} `);
}

/** An unstructured header value: as is when printable ASCII, encoded-words otherwise. */
const headerText = (text: string): string => (isAscii(text) ? text : encodeWords(text));

/** `Name <address>`: the name quoted (ASCII) or encoded (anything else); the address alone without a name. */
export function mailbox({ name, address }: { name: string; address: string }): string {
  const trimmed = name.trim();
  if (trimmed === '') return address;
  const display = isAscii(trimmed) ? `"${trimmed.replace(/(["\\])/g, '\\$1')}"` : encodeWords(trimmed);
  const lastLine = display.slice(display.lastIndexOf('\n') + 1);
  // Fold before the address when the line would pass 78 characters (with room for "From: ").
  return lastLine.length + address.length + 9 > 78
    ? `${display}${CRLF} <${address}>`
    : `${display} <${address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC, e.g. `Thu, 03 Dec 2026 07:09:07 +0000`. */
export function rfc5322Date(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** One complete message, CRLF line ends. */
export function buildEml(message: EmlMessage): string {
  const body = base64(new TextEncoder().encode(message.body.replace(/\r?\n/g, CRLF)));
  const bodyLines = body.match(/.{1,76}/g) ?? [''];
  return [
    `From: ${mailbox(message.from)}`,
    `To: ${mailbox(message.to)}`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${message.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
    '',
    ...bodyLines,
    '',
  ].join(CRLF);
}

/** The From_ line's date, asctime() form: `Thu Dec  3 07:09:07 2026`. */
const asctime = (d: Date): string =>
  `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;

/** Messages in one mboxrd file (LF line ends, as mbox readers expect; "From " lines in text get a ">"). */
export function buildMbox(messages: readonly EmlMessage[]): string {
  return messages
    .map((message) => {
      const text = buildEml(message)
        .replace(/\r\n/g, '\n')
        .replace(/^(>*From )/gm, '>$1');
      return `From MAILER-DAEMON ${asctime(message.date)}\n${text}\n`;
    })
    .join('');
}

/** A file name for one recipient's .eml: the name without characters file systems refuse. */
export const emlFileName = (index: number, name: string): string =>
  `${String(index + 1).padStart(3, '0')}-${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'recipient'}.eml`;
