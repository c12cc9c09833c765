/**
 * mailto: links (RFC 6068) for a send the app cannot deliver itself. Several recipients share one message,
 * so they go in BCC (nobody sees the others' addresses) and are split into batches whose whole URL stays
 * under {@link MAILTO_LIMIT} characters: some mail handlers (Outlook on Windows, older browsers) cut longer
 * URLs. Only addresses go in the URL, never display names: a Chinese name costs nine characters per
 * character once percent-encoded and some clients mangle "Name <addr>" in mailto. Pure.
 */

/** Characters per mailto: URL, with margin under the ~2,000 that Windows' URL handlers accept. */
export const MAILTO_LIMIT = 1900;

export class MailtoTooLongError extends Error {
  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    super(`The message needs a ${length}-character link; a mail link holds at most ${limit}.`);
    this.name = 'MailtoTooLongError';
  }
}

/** RFC 6068 percent-encoding: UTF-8, spaces as %20 (never +), line breaks as %0D%0A. */
export const encodeMailtoValue = (value: string): string =>
  encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));

const messagePart = (subject: string, body: string): string =>
  `subject=${encodeMailtoValue(subject)}&body=${encodeMailtoValue(body)}`;

/** One personal link: the address in To, subject and body as given. Throws when longer than `limit`. */
export function mailtoFor(address: string, subject: string, body: string, limit = MAILTO_LIMIT): string {
  const url = `mailto:${encodeURIComponent(address)}?${messagePart(subject, body)}`;
  if (url.length > limit) throw new MailtoTooLongError(url.length, limit);
  return url;
}

/**
 * The same message to `addresses`, as few links as fit: each `mailto:?bcc=a,b,…&subject=…&body=…` at most
 * `limit` characters, addresses in the given order. Throws {@link MailtoTooLongError} when the message
 * alone leaves no room for one address (the user should download .eml files instead).
 */
export function mailtoBatches(
  addresses: readonly string[],
  subject: string,
  body: string,
  limit = MAILTO_LIMIT,
): string[] {
  const prefix = 'mailto:?bcc=';
  const suffix = `&${messagePart(subject, body)}`;
  const room = limit - prefix.length - suffix.length;
  const batches: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const address of addresses) {
    const encoded = encodeURIComponent(address);
    if (encoded.length > room)
      throw new MailtoTooLongError(prefix.length + suffix.length + encoded.length, limit);
    // A comma separates addresses (allowed unencoded in an RFC 6068 value).
    const cost = current.length === 0 ? encoded.length : encoded.length + 1;
    if (used + cost > room) {
      batches.push(current);
      current = [];
      used = 0;
    }
    used += current.length === 0 ? encoded.length : encoded.length + 1;
    current.push(encoded);
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch) => `${prefix}${batch.join(',')}${suffix}`);
}
