/** The encryption feature's part of the DB worker API (see `workers/db/api.ts`). Types only. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the feature lands
export interface EncryptionApi {}
