/** Implements {@link ImportApi} in the DB worker. */
import type { ImportApi } from './api';

export const importHandlers: ImportApi = {};
