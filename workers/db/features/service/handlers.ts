/** Implements {@link ServiceApi} in the DB worker. */
import { guard, nowIso } from '../../runtime';
import type { ServiceApi } from './api';
import {
  articleCases,
  caseArticles,
  caseCountForArticle,
  linkArticle,
  searchArticles,
  suggestArticles,
  unlinkArticle,
} from './case-articles';

export const serviceHandlers: ServiceApi = {
  linkArticle: (caseId, articleId) =>
    guard((e) => e.write((db) => linkArticle(db, caseId, articleId, nowIso()))),
  unlinkArticle: (linkId) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => unlinkArticle(db, linkId));
      return { undoSeq: seq, removedRows: 1 };
    }),
  caseArticles: (caseId) => guard((e) => e.read((db) => caseArticles(db, caseId))),
  suggestArticles: (caseId, limit) => guard((e) => e.read((db) => suggestArticles(db, caseId, limit))),
  searchArticles: (text, limit) => guard((e) => e.read((db) => searchArticles(db, text, limit))),
  articleCases: (articleId, limit) => guard((e) => e.read((db) => articleCases(db, articleId, limit))),
  caseCountForArticle: (articleId) => guard((e) => e.read((db) => caseCountForArticle(db, articleId))),
};
