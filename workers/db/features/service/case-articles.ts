/**
 * Links between cases and knowledge-base articles (table case_articles, migration 006), the articles a case
 * might need (suggestions from its subject) and a plain search over published articles. LIKE scans are
 * fine here: a knowledge base holds hundreds to a few thousand articles, not millions.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import type { ArticleSummary, LinkedArticle, LinkingCase } from './api';
import { containsPattern, subjectTerms } from './terms';

const EXCERPT_CHARS = 160;
const ARTICLE_COLUMNS = `a.id AS article_id, a.title, a.category, a.status, substr(a.body, 1, ${EXCERPT_CHARS}) AS excerpt`;

function toSummary(row: Row): ArticleSummary {
  return {
    articleId: Number(row.article_id),
    title: String(row.title),
    category: String(row.category ?? ''),
    status: row.status as ArticleSummary['status'],
    excerpt: String(row.excerpt ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

const toLinked = (row: Row): LinkedArticle => ({
  ...toSummary(row),
  linkId: Number(row.link_id),
  linkedAt: String(row.linked_at),
});

const bounded = (limit: unknown, fallback: number, max: number): number =>
  typeof limit === 'number' && Number.isFinite(limit)
    ? Math.min(max, Math.max(1, Math.floor(limit)))
    : fallback;

function requireCase(db: Database, caseId: number): Row {
  const row = one(db, 'SELECT id, subject FROM cases WHERE id = ?', [caseId]);
  if (!row) throw new DomainError('not_found', `Case ${caseId} does not exist.`);
  return row;
}

export function caseArticles(db: Database, caseId: number): LinkedArticle[] {
  requireCase(db, caseId);
  return all(
    db,
    `SELECT l.id AS link_id, l.created_at AS linked_at, ${ARTICLE_COLUMNS}
     FROM case_articles l JOIN knowledge_articles a ON a.id = l.article_id
     WHERE l.case_id = ? ORDER BY l.created_at DESC, l.id DESC`,
    [caseId],
  ).map(toLinked);
}

export function linkArticle(db: Database, caseId: number, articleId: number, now: string): LinkedArticle {
  requireCase(db, caseId);
  if (!one(db, 'SELECT 1 FROM knowledge_articles WHERE id = ?', [articleId]))
    throw new DomainError('not_found', `Article ${articleId} does not exist.`);
  if (one(db, 'SELECT 1 FROM case_articles WHERE case_id = ? AND article_id = ?', [caseId, articleId]))
    throw new DomainError('article_already_linked', 'This article is already linked to the case.');
  const linkId = Number(
    one(db, 'INSERT INTO case_articles (case_id, article_id, created_at) VALUES (?, ?, ?) RETURNING id', [
      caseId,
      articleId,
      now,
    ])!.id,
  );
  return caseArticles(db, caseId).find((link) => link.linkId === linkId)!;
}

export function unlinkArticle(db: Database, linkId: number): void {
  if (run(db, 'DELETE FROM case_articles WHERE id = ?', [linkId]) === 0)
    throw new DomainError('not_found', 'This link no longer exists.');
}

/**
 * Published articles sharing terms with the case subject, ranked by how many terms they contain — twice as
 * much for a term in the title as in the tags, category or body — and not linked to the case yet.
 */
export function suggestArticles(db: Database, caseId: number, limit?: number): ArticleSummary[] {
  const subject = String(requireCase(db, caseId).subject);
  const terms = subjectTerms(subject);
  if (terms.length === 0) return [];
  const params: Record<string, string | number> = { ':case': caseId, ':limit': bounded(limit, 5, 20) };
  const scores = terms.map((term, i) => {
    params[`:t${i}`] = containsPattern(term);
    const like = (column: string) => `${column} LIKE :t${i} ESCAPE '\\'`;
    return `(CASE WHEN ${like('a.title')} THEN 2 WHEN ${like('a.tags')} OR ${like('a.category')} OR ${like('a.body')} THEN 1 ELSE 0 END)`;
  });
  return all(
    db,
    `SELECT * FROM (
       SELECT ${ARTICLE_COLUMNS}, ${scores.join(' + ')} AS score FROM knowledge_articles a
       WHERE a.status = 'published'
         AND NOT EXISTS (SELECT 1 FROM case_articles l WHERE l.case_id = :case AND l.article_id = a.id))
     WHERE score > 0 ORDER BY score DESC, title LIMIT :limit`,
    params,
  ).map(toSummary);
}

export function searchArticles(db: Database, text: string, limit?: number): ArticleSummary[] {
  const query = typeof text === 'string' ? text.trim() : '';
  const params = { ':q': containsPattern(query), ':limit': bounded(limit, 20, 100) };
  const match = ['a.title', 'a.category', 'a.tags', 'a.body']
    .map((column) => `${column} LIKE :q ESCAPE '\\'`)
    .join(' OR ');
  // A title hit ranks before a hit in the body.
  return all(
    db,
    `SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles a WHERE a.status = 'published' AND (${match})
     ORDER BY (a.title LIKE :q ESCAPE '\\') DESC, a.title LIMIT :limit`,
    params,
  ).map(toSummary);
}

export function articleCases(
  db: Database,
  articleId: number,
  limit?: number,
): { cases: LinkingCase[]; total: number } {
  if (!one(db, 'SELECT 1 FROM knowledge_articles WHERE id = ?', [articleId]))
    throw new DomainError('not_found', `Article ${articleId} does not exist.`);
  const cases = all(
    db,
    `SELECT l.id AS link_id, l.created_at AS linked_at, c.id AS case_id, c.subject, c.status,
            cu.name AS customer_name
     FROM case_articles l JOIN cases c ON c.id = l.case_id JOIN customers cu ON cu.id = c.customer_id
     WHERE l.article_id = ? ORDER BY l.created_at DESC, l.id DESC LIMIT ?`,
    [articleId, bounded(limit, 50, 500)],
  ).map((row) => ({
    linkId: Number(row.link_id),
    caseId: Number(row.case_id),
    subject: String(row.subject),
    status: String(row.status),
    customerName: String(row.customer_name),
    linkedAt: String(row.linked_at),
  }));
  return { cases, total: caseCountForArticle(db, articleId) };
}

export const caseCountForArticle = (db: Database, articleId: number): number =>
  Number(one(db, 'SELECT count(*) AS n FROM case_articles WHERE article_id = ?', [articleId])?.n ?? 0);
