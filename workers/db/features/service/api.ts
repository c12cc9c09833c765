/**
 * The service desk's part of the DB worker API (see `workers/db/api.ts`): knowledge-base articles linked
 * from cases, suggestions of articles for a case, and a search over published articles. The case itself
 * (status flow, SLA due time, CSAT) is a generic record (`workers/db/entities/rules.ts`). Types only.
 */
import type { DeleteReceipt, Result, Written } from '../../contract';

/** An article as a case panel lists it. */
export interface ArticleSummary {
  articleId: number;
  title: string;
  category: string;
  status: 'draft' | 'published' | 'archived';
  /** The start of the body, for recognising the article without opening it. */
  excerpt: string;
}

export interface LinkedArticle extends ArticleSummary {
  linkId: number;
  linkedAt: string;
}

/** A case that links an article, as the article's page lists it. */
export interface LinkingCase {
  linkId: number;
  caseId: number;
  subject: string;
  status: string;
  customerName: string;
  linkedAt: string;
}

export interface ServiceApi {
  /** Links a knowledge-base article to a case; linking the same pair twice is refused. */
  linkArticle(caseId: number, articleId: number): Promise<Result<Written<LinkedArticle>>>;
  unlinkArticle(linkId: number): Promise<Result<DeleteReceipt>>;
  /** The case's linked articles, newest link first. */
  caseArticles(caseId: number): Promise<Result<LinkedArticle[]>>;
  /** Published articles sharing words with the case subject, best first, not yet linked. */
  suggestArticles(caseId: number, limit?: number): Promise<Result<ArticleSummary[]>>;
  /** Published articles whose title, body, category or tags contain `text`. */
  searchArticles(text: string, limit?: number): Promise<Result<ArticleSummary[]>>;
  /** The cases linking an article, newest link first (at most `limit`), and how many there are. */
  articleCases(articleId: number, limit?: number): Promise<Result<{ cases: LinkingCase[]; total: number }>>;
  caseCountForArticle(articleId: number): Promise<Result<number>>;
}
