// Importing define.js registers <wenxi-analyzer> (see component.d.ts); safe to load twice.
export { WenxiAnalyzerElement } from './component.js';
export type { WenxiAnalyzedDetail, WenxiErrorDetail, Ranking } from './component.js';
