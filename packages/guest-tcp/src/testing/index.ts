/** @vmha/guest-tcp/testing: helpers for tests and benchmarks (deterministic payloads, bulk transfers). */
export { patternByte, patternChunk, repeatingSource, runBulkTransfer, type BulkResult } from './bulk.ts';
