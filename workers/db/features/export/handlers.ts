/** Implements {@link ExportApi} in the DB worker. */
import type { ExportApi } from './api';

export const exportHandlers: ExportApi = {};
