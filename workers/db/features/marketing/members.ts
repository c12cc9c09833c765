/**
 * Campaign members: who a campaign reaches (customers, contacts or leads — exactly one per row, unique per
 * campaign by the partial indexes of 001) and how each responded. A segment is a saved customer view; its
 * filter runs through the generic query's WHERE terms straight into an INSERT … SELECT, so 100,000 matching
 * customers become members in one statement without their ids ever leaving SQLite.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { definitionWithCustomFields } from '../../entities/records';
import { countRecords, filterTerms, whereClause } from '../../entities/query';
import type { ListFilter } from '../../entities/types';
import { all, one, run, type Row } from '../../repositories/sql';
import {
  ANSWERED_RESPONSES,
  MEMBER_RESPONSES,
  type CampaignMember,
  type MemberKind,
  type MemberPage,
  type MemberResponse,
  type SegmentAddition,
  type TargetSegment,
} from './api';

const MAX_PAGE = 500;

const MEMBER_SELECT = `SELECT m.id, m.customer_id, m.contact_id, m.lead_id, m.response, m.responded_at,
    m.created_at, COALESCE(cu.name, co.name, le.name) AS name
  FROM campaign_members m
  LEFT JOIN customers cu ON cu.id = m.customer_id
  LEFT JOIN contacts co ON co.id = m.contact_id
  LEFT JOIN leads le ON le.id = m.lead_id`;

function toMember(row: Row): CampaignMember {
  const kind: MemberKind =
    row.customer_id !== null ? 'customer' : row.contact_id !== null ? 'contact' : 'lead';
  return {
    id: Number(row.id),
    kind,
    recordId: Number(row[`${kind}_id`]),
    name: String(row.name ?? ''),
    response: row.response as MemberResponse,
    respondedAt: row.responded_at === null ? null : String(row.responded_at),
    addedAt: String(row.created_at),
  };
}

function requireCampaign(db: Database, campaignId: number): Row {
  const row = one(db, 'SELECT id, target_segment FROM campaigns WHERE id = ?', [campaignId]);
  if (!row) throw new DomainError('not_found', `Campaign ${campaignId} does not exist.`);
  return row;
}

const isResponse = (value: unknown): value is MemberResponse =>
  typeof value === 'string' && (MEMBER_RESPONSES as readonly string[]).includes(value);

export function listMembers(
  db: Database,
  campaignId: number,
  page: { offset?: number; limit?: number; response?: MemberResponse | null } = {},
): MemberPage {
  requireCampaign(db, campaignId);
  const offset = Number.isSafeInteger(page.offset) ? Math.max(0, page.offset!) : 0;
  const limit = Number.isSafeInteger(page.limit) ? Math.min(MAX_PAGE, Math.max(1, page.limit!)) : 50;
  if (page.response !== undefined && page.response !== null && !isResponse(page.response))
    throw new DomainError('validation', 'Unknown response.', { response: 'invalid_choice' });
  const response = page.response ?? null;
  const counts = Object.fromEntries(MEMBER_RESPONSES.map((r) => [r, 0])) as Record<MemberResponse, number>;
  for (const row of all(
    db,
    'SELECT response, count(*) AS n FROM campaign_members WHERE campaign_id = ? GROUP BY response',
    [campaignId],
  ))
    counts[row.response as MemberResponse] = Number(row.n);
  const total = response ? counts[response] : Object.values(counts).reduce((a, b) => a + b, 0);
  // Ids first (index only), then names for just the page.
  const rows = all(
    db,
    `${MEMBER_SELECT} WHERE m.id IN (
       SELECT id FROM campaign_members WHERE campaign_id = :campaign AND (:response IS NULL OR response = :response)
       ORDER BY id LIMIT :limit OFFSET :offset)
     ORDER BY m.id`,
    { ':campaign': campaignId, ':response': response, ':limit': limit, ':offset': offset },
  ).map(toMember);
  return { rows, total, offset, counts };
}

const ids = (value: unknown): number[] =>
  Array.isArray(value) ? [...new Set(value.filter((id) => Number.isSafeInteger(id) && id > 0))] : [];

const KIND_TABLES: Record<MemberKind, string> = {
  customer: 'customers',
  contact: 'contacts',
  lead: 'leads',
};

export function addMembers(
  db: Database,
  campaignId: number,
  members: { customerIds?: number[]; contactIds?: number[]; leadIds?: number[] },
  now: string,
): { added: number; skipped: number } {
  requireCampaign(db, campaignId);
  const lists: [MemberKind, number[]][] = [
    ['customer', ids(members?.customerIds)],
    ['contact', ids(members?.contactIds)],
    ['lead', ids(members?.leadIds)],
  ];
  const requested = lists.reduce((n, [, list]) => n + list.length, 0);
  if (requested === 0) throw new DomainError('validation', 'Choose someone to add.', { member: 'required' });
  let added = 0;
  for (const [kind, list] of lists) {
    if (list.length === 0) continue;
    // Table and column names come from KIND_TABLES (fixed), never from the caller.
    added += run(
      db,
      `INSERT INTO campaign_members (campaign_id, ${kind}_id, created_at, updated_at)
       SELECT :campaign, j.value, :now, :now FROM json_each(:ids) j
       WHERE EXISTS (SELECT 1 FROM ${KIND_TABLES[kind]} r WHERE r.id = j.value)
         AND NOT EXISTS (SELECT 1 FROM campaign_members m WHERE m.${kind}_id = j.value AND m.campaign_id = :campaign)`,
      { ':campaign': campaignId, ':now': now, ':ids': JSON.stringify(list) },
    );
  }
  return { added, skipped: requested - added };
}

export function customerView(db: Database, savedViewId: number): { name: string; filter: ListFilter } {
  const row = one(db, 'SELECT entity, name, filter FROM saved_views WHERE id = ?', [savedViewId]);
  if (!row) throw new DomainError('not_found', `View ${savedViewId} does not exist.`);
  if (row.entity !== 'customer')
    throw new DomainError('segment_not_customer_view', 'A target segment must be a saved customer view.');
  let filter: ListFilter;
  try {
    filter = (JSON.parse(String(row.filter)) as ListFilter | null) ?? {};
  } catch {
    // The json_valid CHECK makes this unreachable; an empty filter would mean "every customer", so refuse.
    throw new DomainError('segment_not_customer_view', 'The saved view has no readable filter.');
  }
  return { name: String(row.name), filter };
}

/** The saved view's filter, limited to what a segment means (conditions, owner scope, quick text). */
export const segmentFilter = (filter: ListFilter): ListFilter => ({
  conditions: Array.isArray(filter.conditions) ? filter.conditions : [],
  ownerIds: filter.ownerIds ?? null,
  text: typeof filter.text === 'string' ? filter.text : '',
});

export function segmentSize(db: Database, savedViewId: number): number {
  const { filter } = customerView(db, savedViewId);
  return countRecords(db, definitionWithCustomFields(db, 'customer'), segmentFilter(filter));
}

export function addSegment(
  db: Database,
  campaignId: number,
  savedViewId: number,
  now: string,
): SegmentAddition {
  requireCampaign(db, campaignId);
  const view = customerView(db, savedViewId);
  const filter = segmentFilter(view.filter);
  const def = definitionWithCustomFields(db, 'customer');
  const matched = countRecords(db, def, filter);
  const { terms, params } = filterTerms(def, filter, 't');
  const added = run(
    db,
    `INSERT INTO campaign_members (campaign_id, customer_id, created_at, updated_at)
     SELECT :campaign, t.id, :now, :now FROM customers t
     ${whereClause([...terms, 'NOT EXISTS (SELECT 1 FROM campaign_members m WHERE m.customer_id = t.id AND m.campaign_id = :campaign)'])}`,
    { ...params, ':campaign': campaignId, ':now': now },
  );
  const segment: TargetSegment = { viewId: savedViewId, name: view.name, filter };
  run(db, 'UPDATE campaigns SET target_segment = ?, updated_at = ? WHERE id = ?', [
    JSON.stringify(segment),
    now,
    campaignId,
  ]);
  return { matched, added, alreadyMembers: matched - added };
}

export function campaignSegment(db: Database, campaignId: number): TargetSegment | null {
  const row = requireCampaign(db, campaignId);
  try {
    const segment = JSON.parse(String(row.target_segment)) as Partial<TargetSegment>;
    return typeof segment.viewId === 'number' && typeof segment.name === 'string'
      ? { viewId: segment.viewId, name: segment.name, filter: segment.filter ?? {} }
      : null;
  } catch {
    return null;
  }
}

export function setResponse(
  db: Database,
  memberId: number,
  response: MemberResponse,
  now: string,
): CampaignMember {
  if (!isResponse(response))
    throw new DomainError('validation', 'Unknown response.', { response: 'invalid_choice' });
  const current = one(db, 'SELECT responded_at FROM campaign_members WHERE id = ?', [memberId]);
  if (!current) throw new DomainError('not_found', 'This member is no longer in the campaign.');
  // The first answer's time stays when an answer is refined (responded → attended → converted).
  const respondedAt = ANSWERED_RESPONSES.has(response) ? (current.responded_at ?? now) : null;
  run(db, 'UPDATE campaign_members SET response = ?, responded_at = ?, updated_at = ? WHERE id = ?', [
    response,
    respondedAt,
    now,
    memberId,
  ]);
  return toMember(one(db, `${MEMBER_SELECT} WHERE m.id = ?`, [memberId])!);
}

export function removeMember(db: Database, memberId: number): void {
  if (run(db, 'DELETE FROM campaign_members WHERE id = ?', [memberId]) === 0)
    throw new DomainError('not_found', 'This member is no longer in the campaign.');
}
