/**
 * Marketing's part of the DB worker API (see `workers/db/api.ts`): a campaign's members (customers, contacts
 * or leads) and their responses, its target segment taken from a saved customer view, and the relationships
 * between customers. The campaign itself is a generic record. Types only.
 */
import type { DeleteReceipt, Result, Written } from '../../contract';
import type { ListFilter } from '../../entities/types';

export const MEMBER_RESPONSES = [
  'pending',
  'sent',
  'opened',
  'responded',
  'attended',
  'declined',
  'converted',
] as const;
export type MemberResponse = (typeof MEMBER_RESPONSES)[number];

/** Responses that are an answer from the member: they stamp `respondedAt` (the first time). */
export const ANSWERED_RESPONSES: ReadonlySet<MemberResponse> = new Set([
  'responded',
  'attended',
  'declined',
  'converted',
]);

export type MemberKind = 'customer' | 'contact' | 'lead';

export interface CampaignMember {
  id: number;
  kind: MemberKind;
  /** The customer's, contact's or lead's id. */
  recordId: number;
  name: string;
  response: MemberResponse;
  respondedAt: string | null;
  addedAt: string;
}

export interface MemberPage {
  rows: CampaignMember[];
  total: number;
  offset: number;
  /** Members per response over the whole campaign (not just the page). */
  counts: Record<MemberResponse, number>;
}

/** What the campaign keeps of the saved view it targeted (the view may change or go later). */
export interface TargetSegment {
  viewId: number;
  name: string;
  filter: ListFilter;
}

export interface SegmentAddition {
  /** Customers the view's filter matched. */
  matched: number;
  /** Of those, the ones that became members now. */
  added: number;
  /** Of those, the ones that were members already. */
  alreadyMembers: number;
}

export type RelationshipType = 'friend' | 'colleague' | 'client';
export type RelationshipHealth = 'good' | 'normal' | 'deteriorating';

/** One relationship seen from one customer's page. */
export interface CustomerRelationship {
  id: number;
  /** `outgoing`: this customer regards the other as <type>; `incoming`: the other regards this one so. */
  direction: 'outgoing' | 'incoming';
  otherId: number;
  otherName: string;
  type: RelationshipType;
  health: RelationshipHealth;
  notes: string;
  updatedAt: string;
}

export interface RelationshipInput {
  id?: number;
  /** Who regards… */
  customerId: number;
  /** …whom as a friend / colleague / client. */
  relatedCustomerId: number;
  type: RelationshipType;
  health: RelationshipHealth;
  notes?: string;
}

export interface MarketingApi {
  listMembers(
    campaignId: number,
    page?: { offset?: number; limit?: number; response?: MemberResponse | null },
  ): Promise<Result<MemberPage>>;
  /** Adds the given records; ones that are members already (or no longer exist) are skipped. */
  addMembers(
    campaignId: number,
    members: { customerIds?: number[]; contactIds?: number[]; leadIds?: number[] },
  ): Promise<Result<Written<{ added: number; skipped: number }>>>;
  /** How many customers a saved customer view matches now (the segment picker's preview). */
  segmentSize(savedViewId: number): Promise<Result<number>>;
  /**
   * Adds every customer the saved customer view matches, in one write, and stores the view as the campaign's
   * target segment. Running it again adds only customers that match newly.
   */
  addSegment(campaignId: number, savedViewId: number): Promise<Result<Written<SegmentAddition>>>;
  campaignSegment(campaignId: number): Promise<Result<TargetSegment | null>>;
  setResponse(memberId: number, response: MemberResponse): Promise<Result<Written<CampaignMember>>>;
  removeMember(memberId: number): Promise<Result<DeleteReceipt>>;

  /** The customer's relationships in both directions, outgoing first, each by the other's name. */
  listRelationships(customerId: number): Promise<Result<CustomerRelationship[]>>;
  /** Creates (no id) or updates a relationship; the result is seen from `input.customerId`. */
  saveRelationship(input: RelationshipInput): Promise<Result<Written<CustomerRelationship>>>;
  deleteRelationship(id: number): Promise<Result<DeleteReceipt>>;
}
