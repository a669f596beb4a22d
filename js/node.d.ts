// Types of Wenxi's Node entry (node.js): index.d.ts's API, plus `load()`.

import type { Analyzer as RawAnalyzer } from './wenxi.js';
import type { CreateAnalyzerOptions, WorkerAnalyzer } from './index.js';

export type * from './index.js';
export { WorkerAnalyzer } from './index.js';
export { initSync, maxInputLength } from './wenxi.js';
export { ERROR_KINDS, hskLevels, PARALLEL_MIN_PART_LENGTH, traditionalPhrases } from './index.js';

/** Instantiate the wasm from disk, once; `new Analyzer()` and `version()` call it themselves. */
export function load(): void;
/** The browser's `init()`: here it reads the wasm from disk. */
export function init(): Promise<void>;
/** The synchronous analyzer; constructing one loads the wasm if needed. */
export declare class Analyzer extends RawAnalyzer {
  constructor();
}
/** The crate version; loads the wasm if needed. */
export function version(): string;
/** Start an analyzer in a `node:worker_threads` worker; resolves once it is ready. */
export function createAnalyzer(options?: CreateAnalyzerOptions): Promise<WorkerAnalyzer>;
