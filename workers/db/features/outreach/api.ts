/**
 * Outreach's part of the DB worker API (see `workers/db/api.ts`): email and survey templates with merge
 * fields, sends prepared for the user's own mail app (the app cannot send mail), the "I sent it" log, and
 * satisfaction survey responses (typed in per customer or imported from CSV). Types only.
 */
import type { DeleteReceipt, Result, Written } from '../../contract';

export type TemplateKind = 'email' | 'survey';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['email', 'survey'];

export interface EmailTemplate {
  id: number;
  name: string;
  subject: string;
  body: string;
  kind: TemplateKind;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateInput {
  name: string;
  subject: string;
  body: string;
  kind: TemplateKind;
}

/**
 * Who a send reaches. A saved customer view reaches its customers' contacts: `primary` takes one contact
 * per customer (the primary one, else the first by name) and skips the customer when that contact cannot be
 * written to; `all` takes every contact. A campaign reaches its contact members and, for customer members,
 * their primary contact (same rule); lead members have no contact and count as `noContact`.
 */
export type SendTarget =
  | { kind: 'contact'; contactId: number }
  | { kind: 'view'; savedViewId: number; contacts: 'primary' | 'all' }
  | { kind: 'campaign'; campaignId: number };

/** Why people a target names get no message. */
export interface SkipCounts {
  unsubscribed: number;
  doNotContact: number;
  noEmail: number;
  /** A customer without contacts, or a lead member of a campaign. */
  noContact: number;
  /** An address already reached through another contact of this send. */
  duplicate: number;
}

export interface PreparedMessage {
  contactId: number;
  customerId: number;
  name: string;
  email: string;
  subject: string;
  body: string;
}

export interface PreparedSend {
  templateId: number;
  /** True when subject or body uses recipient fields: every message differs, so no shared BCC link. */
  personalized: boolean;
  /** The acting user (sender of downloaded messages); empty address when no user is chosen. */
  sender: { name: string; address: string };
  messages: PreparedMessage[];
  skipped: SkipCounts;
}

export interface TemplatePreview {
  subject: string;
  body: string;
}

/** What "I sent it" logs: one done 'email' activity per message, in one write. */
export interface SentMessage {
  contactId: number;
  subject: string;
  body: string;
}

export interface SurveyResponseInput {
  /** The survey's name; a new name creates the survey. */
  surveyName: string;
  customerId: number;
  contactId?: number | null;
  /** YYYY-MM-DD or an ISO instant. */
  respondedAt: string;
  csat: number | null;
  nps: number | null;
  quality: number | null;
  reliability: number | null;
  responsiveness: number | null;
  price: number | null;
  comment?: string;
}

export interface SurveyResponse extends Required<Omit<SurveyResponseInput, 'contactId'>> {
  id: number;
  surveyId: number;
  contactId: number | null;
}

export type SurveyProblemCode =
  | 'missing_column'
  | 'required'
  | 'unknown_customer'
  | 'ambiguous_customer'
  | 'invalid_date'
  | 'invalid_number'
  | 'out_of_range'
  | 'no_scores';

/** One problem of a CSV import: spreadsheet row (header = 1), column, what is wrong, the cell as read. */
export interface SurveyRowProblem {
  row: number;
  column: string | null;
  code: SurveyProblemCode;
  value: string;
}

export interface SurveyImportReport {
  rows: number;
  valid: number;
  problems: SurveyRowProblem[];
  /** Rows written: 0 unless asked to commit and every row was valid (all or nothing). */
  imported: number;
}

export interface OutreachApi {
  listTemplates(): Promise<Result<EmailTemplate[]>>;
  /** Creates (no id) or updates a template; unknown merge fields fail as `validation`. */
  saveTemplate(input: TemplateInput, id?: number): Promise<Result<Written<EmailTemplate>>>;
  deleteTemplate(id: number): Promise<Result<DeleteReceipt>>;
  /** The template rendered for one contact, as plain text. */
  previewTemplate(id: number, contactId: number): Promise<Result<TemplatePreview>>;
  /** Resolves the target, skips who cannot be written to, renders each message. */
  prepareSend(templateId: number, target: SendTarget): Promise<Result<PreparedSend>>;
  /** Logs one done 'email' activity per message (linked to the contact and its customer) in one write. */
  logSent(messages: SentMessage[]): Promise<Result<Written<number>>>;

  listSurveyNames(): Promise<Result<string[]>>;
  listSurveyResponses(customerId: number): Promise<Result<(SurveyResponse & { surveyName: string })[]>>;
  addSurveyResponse(input: SurveyResponseInput): Promise<Result<Written<SurveyResponse>>>;
  /** Reads a CSV of responses and reports every problem by row; writes nothing. */
  checkSurveyImport(surveyName: string, csvText: string): Promise<Result<SurveyImportReport>>;
  /** Imports the CSV in one write when every row is valid (all or nothing; otherwise `imported` is 0). */
  importSurveyResponses(surveyName: string, csvText: string): Promise<Result<Written<SurveyImportReport>>>;
}
