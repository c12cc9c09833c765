/** Implements {@link SqlConsoleApi} in the DB worker. */
import type { SqlConsoleApi } from './api';

export const sqlConsoleHandlers: SqlConsoleApi = {};
