-- 004 · the global search index (workers/db/features/search): one FTS4 table per record type, docid = the
-- record's id, columns `title` (names, numbers) and `body` (emails, phones, addresses, text).
--
-- The tables hold terms that JS prepared (features/search/tokens.ts: Chinese as overlapping bigrams, phone
-- numbers also as digits), which SQL alone cannot compute, so this migration only creates them empty; the
-- worker fills them right after migrating (ensureSearchIndex, run by the engine's `migrate` hook) and keeps
-- them in step with every write (a DerivedState). They are derived data: the persistence engine does not log
-- virtual tables or their shadow tables, and each copy of the database maintains its own.
-- unicode61 folds case and diacritics the same way for the index and for queries; matchinfo=fts3 drops the
-- per-row size table FTS4 keeps for ranking functions the search does not use.

CREATE VIRTUAL TABLE search_customers USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_contacts USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_leads USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_opportunities USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_products USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_orders USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_contracts USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_cases USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_knowledge_articles USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
CREATE VIRTUAL TABLE search_campaigns USING fts4(title, body, tokenize=unicode61 "remove_diacritics=2", matchinfo=fts3, order=desc);
