-- 006 · knowledge-base articles linked from service cases ("this answer solved it"), so an agent sees the
-- articles already used on a case and an article shows the cases that cite it.
-- Conventions: see 001-initial-people.sql. A link belongs to both sides and goes with either (CASCADE);
-- the pair is unique, so linking twice is refused rather than listed twice.
CREATE TABLE case_articles (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (case_id, article_id)
);
-- The UNIQUE index leads with case_id (a case's links); this one serves an article's cases and its deletes.
CREATE INDEX idx_case_articles_article ON case_articles (article_id);
