// Types of options.js (generated from src/options.rs; this file only names its two exports).

import type { Options } from './report.js';

/** Every option's default, as the analyzer's own `Options::default()`. */
export declare const DEFAULT_OPTIONS: Readonly<Options>;

/** Every option's value type. */
export declare const OPTION_TYPES: Readonly<Record<keyof Options, 'boolean' | 'integer' | 'string[]'>>;
