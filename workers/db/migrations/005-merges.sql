-- 005 · merges of duplicate customers/contacts, kept so a merge can be undone exactly.
-- A merge moves references (contacts, orders… of the merged records) to the survivor, overwrites some of
-- the survivor's fields and deletes the merged records plus membership rows that would collide. The audit
-- log keeps the same facts per row, but a merge must be reverted as one unit, at any later time (the
-- persistence log that could name its rows is trimmed at checkpoints): `undo_json` holds exactly what to
-- put back — {"survivor": {column: old value}, "moved": [[table, id, column, old value]…],
-- "deleted": [[table, row image]…]} — and `undone_at` makes a second undo a clear refusal.
-- No index for duplicate detection: the customer email/phone/name indexes of 001 serve its GROUP BYs, and
-- an expression index on normalised phones would cost ~30 MB at 1M customers for a scan that takes ~1 s.
CREATE TABLE merges (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  entity       TEXT    NOT NULL CHECK (entity IN ('customer', 'contact')),
  survivor_id  INTEGER NOT NULL,
  merged_ids   TEXT    NOT NULL CHECK (json_valid(merged_ids) AND json_type(merged_ids) = 'array'),
  user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
  at           TEXT    NOT NULL,
  undo_json    TEXT    NOT NULL CHECK (json_valid(undo_json)),
  undone_at    TEXT
);
CREATE INDEX idx_merges_user ON merges (user_id);
