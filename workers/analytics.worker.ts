/**
 * The analytics worker: reads typed columns from the DB worker over its own MessagePort, runs the kernels
 * (workers/kernels/) and returns summaries to the page (workers/analytics/service.ts). A run is cancelled by
 * terminating this worker (the page starts a fresh one), which is the only way to stop a synchronous
 * kernel; nothing here writes except `writeBack`, which the DB worker performs atomically.
 */
import * as Comlink from 'comlink';
import { createAnalyticsService } from './analytics/service';

Comlink.expose(createAnalyticsService());
