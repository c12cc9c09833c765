/**
 * Merge fields: `{{customer.name}}` in a template's subject or body becomes the recipient's value. The list
 * below is the documented set (the editor's help shows it); anything else is reported by
 * {@link unknownMergeFields}, so a typo never turns silently into a blank. Pure: the worker renders previews
 * and sends with it, the editor checks a draft with it while the user types.
 */

export const MERGE_FIELDS = [
  'customer.name',
  'customer.industry',
  'customer.email',
  'customer.phone',
  'customer.address',
  'contact.name',
  'contact.title',
  'contact.email',
  'owner.name',
  'owner.email',
  'opportunity.name',
  'opportunity.amount',
  'opportunity.stage',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS);
/** `{{ name }}` with optional spaces; the name is anything up to the closing braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every distinct field named in `text`, in order of first use. */
export function mergeFieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Names used in `texts` that are not merge fields (empty when the template is fine). */
export function unknownMergeFields(...texts: string[]): string[] {
  return [...new Set(texts.flatMap(mergeFieldsIn))].filter((name) => !KNOWN.has(name));
}

/**
 * True when any of `texts` uses a merge field. Every field depends on the recipient (the owner is the
 * customer's owner), so such a message cannot be shared by several people in one BCC link.
 */
export function isPersonalized(...texts: string[]): boolean {
  return texts.some((text) => mergeFieldsIn(text).some((name) => KNOWN.has(name)));
}

/**
 * Replaces each known field by its value (an empty value stays empty: the contact has no title). Unknown
 * fields are left as written; callers validate first with {@link unknownMergeFields}.
 */
export function renderMerge(text: string, values: MergeValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? values[name as MergeField] : whole,
  );
}

export const emptyMergeValues = (): MergeValues =>
  Object.fromEntries(MERGE_FIELDS.map((field) => [field, ''])) as MergeValues;
