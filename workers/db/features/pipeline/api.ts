/**
 * The sales pipeline's part of the DB worker API (see `workers/db/api.ts`): the kanban board, moving an
 * opportunity between stages, the stage configuration, and converting a lead. Types only.
 */
import type { Result, Written } from '../../contract';

/** Open stages hold deals in progress; exactly one stage is "won" and one "lost". */
export type StageKind = 'open' | 'won' | 'lost';

export interface PipelineStage {
  id: number;
  /** Seeded stages keep a code (translated by the UI) until the user renames them; then null. */
  code: string | null;
  name: string;
  position: number;
  /** 0–100: the default probability of a deal in this stage. */
  probability: number;
  kind: StageKind;
  /** Opportunities in this stage (a stage in use cannot be deleted). */
  opportunityCount: number;
}

/** One stage as the configuration dialog sends it; the array order is the board order. */
export interface StageInput {
  /** null for a new stage. Stored stages missing from the list are deleted. */
  id: number | null;
  name: string;
  probability: number;
  /** Only new stages choose; a stored stage keeps its kind. */
  kind?: StageKind;
}

export interface BoardQuery {
  /** Owners to show (mine / my team); null or absent = everyone. */
  ownerIds?: number[] | null;
  /** Part of the opportunity's or its customer's name. */
  search?: string;
  /** Cards to send per stage id (default {@link DEFAULT_CARDS_PER_STAGE}); totals always cover all. */
  cardLimits?: Record<number, number>;
}

/**
 * Cards per stage on the first screen: with 20 the board of 10,000 open deals (80 cards) opened in
 * 86–205 ms with no main-thread task over 50 ms; with 50 (200 cards) each opening had one 70–85 ms task.
 */
export const DEFAULT_CARDS_PER_STAGE = 20;
export const MAX_CARDS_PER_STAGE = 2000;

export interface BoardCard {
  id: number;
  name: string;
  customerId: number;
  customerName: string;
  amountMinor: number;
  currency: string;
  probability: number;
  /** `YYYY-MM-DD` or null. */
  expectedClose: string | null;
  ownerName: string | null;
}

/** A stage's money in one currency: amounts are never added across currencies. */
export interface CurrencyTotal {
  currency: string;
  amountMinor: number;
  /** Σ amount × probability / 100, rounded to a whole minor unit. */
  weightedMinor: number;
}

export interface BoardColumn {
  stage: PipelineStage;
  /** Matching opportunities in the stage (all of them, not only the cards sent). */
  count: number;
  /** One entry per currency present, largest amount first; empty when the stage is empty. */
  totals: CurrencyTotal[];
  /** Soonest expected close first (no date last), at most the stage's card limit. */
  cards: BoardCard[];
}

export interface PipelineBoard {
  columns: BoardColumn[];
}

export interface MoveOptions {
  /** Why the deal was won (optional) or lost (required); ignored for open stages. */
  reason?: string;
}

export interface MovedOpportunity {
  card: BoardCard;
  stageId: number;
  closedAt: string | null;
}

export type DuplicateReason = 'email' | 'phone' | 'name';

export interface DuplicateCustomer {
  id: number;
  name: string;
  email: string;
  phone: string;
  matchedBy: DuplicateReason[];
}

export interface LeadConversionPreview {
  lead: {
    id: number;
    name: string;
    company: string;
    title: string;
    email: string;
    phone: string;
    ownerId: number | null;
  };
  /** Set when the lead was converted already (conversion is then refused). */
  convertedCustomerId: number | null;
  alreadyConverted: boolean;
  /** The customer a new one would be called: the lead's company, else the lead's name. */
  customerName: string;
  duplicates: DuplicateCustomer[];
  /** Open stages an opportunity can start in. */
  stages: PipelineStage[];
}

export interface ConvertLeadInput {
  /** 'new' creates a customer from the lead; a number uses that existing customer. */
  customer: 'new' | number;
  createOpportunity: boolean;
  opportunityName?: string;
  /** Minor units (分/cents), CNY. */
  amountMinor?: number;
  stageId?: number;
  /** `YYYY-MM-DD` or empty. */
  expectedClose?: string;
}

export interface LeadConversion {
  customerId: number;
  contactId: number;
  opportunityId: number | null;
}

export interface PipelineApi {
  pipelineBoard(query: BoardQuery): Promise<Result<PipelineBoard>>;
  moveOpportunity(
    id: number,
    stageId: number,
    options?: MoveOptions,
  ): Promise<Result<Written<MovedOpportunity>>>;
  listStages(): Promise<Result<PipelineStage[]>>;
  saveStages(stages: StageInput[]): Promise<Result<Written<PipelineStage[]>>>;
  previewLeadConversion(leadId: number): Promise<Result<LeadConversionPreview>>;
  convertLead(leadId: number, input: ConvertLeadInput): Promise<Result<Written<LeadConversion>>>;
}
