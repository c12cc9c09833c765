/**
 * What features add to the generic record pages (`#/leads/7`, `#/orders/3`…) beyond the fields: buttons in
 * the page header (convert a lead, mark a case resolved) and panels below the fields (order lines, history,
 * campaign members). Each feature registers its components here; the record page renders them in order.
 * A panel or action receives the record's id and its row as the list/detail API returned it.
 */
import type { Component } from 'svelte';
import type { RecordEntity } from '../../../workers/db/entities/names';
import RecordHistoryPanel from '../../components/history/record-history-panel.svelte';
import ConvertLeadAction from '../pipeline/convert-lead-action.svelte';
import OrderLinesPanel from '../orders/order-lines-panel.svelte';
import CaseStatusAction from '../service/case-status-action.svelte';
import CaseArticlesPanel from '../service/case-articles-panel.svelte';
import ArticleCasesPanel from '../service/article-cases-panel.svelte';
import CampaignMembersPanel from '../marketing/campaign-members-panel.svelte';
import AlsoBoughtPanel from '../../components/analytics/also-bought.svelte';
import ApprovalPanel from '../approvals/approval-panel.svelte';

export interface RecordExtensionProps {
  entity: RecordEntity;
  id: number;
  /** The record's fields by key (as `getRecord` returned them); re-read after every change. */
  record: Record<string, unknown>;
}

export interface RecordExtensions {
  /** Buttons next to Edit/Delete in the record page's header. */
  actions: Component<RecordExtensionProps>[];
  /** Sections below the record's fields. */
  panels: Component<RecordExtensionProps>[];
}

const none = (): RecordExtensions => ({ actions: [], panels: [] });

export const RECORD_EXTENSIONS: Record<RecordEntity, RecordExtensions> = {
  contact: none(),
  lead: { actions: [ConvertLeadAction], panels: [] },
  opportunity: { actions: [], panels: [ApprovalPanel] },
  product: { actions: [], panels: [AlsoBoughtPanel] },
  order: { actions: [], panels: [OrderLinesPanel] },
  contract: none(),
  case: { actions: [CaseStatusAction], panels: [CaseArticlesPanel] },
  article: { actions: [], panels: [ArticleCasesPanel] },
  campaign: { actions: [], panels: [CampaignMembersPanel] },
  activity: none(),
  user: none(),
};

// Every record has a history (the audit log): last among the panels, after the record's own sections.
for (const extensions of Object.values(RECORD_EXTENSIONS)) extensions.panels.push(RecordHistoryPanel);
