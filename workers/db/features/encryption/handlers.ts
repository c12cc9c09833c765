/** Implements {@link EncryptionApi} in the DB worker. */
import type { EncryptionApi } from './api';

export const encryptionHandlers: EncryptionApi = {};
