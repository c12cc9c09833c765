/** Implements {@link BackupsApi} in the DB worker. */
import type { BackupsApi } from './api';

export const backupsHandlers: BackupsApi = {};
