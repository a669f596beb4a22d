// Type-checks the generated www/pkg/wenxi.d.ts and the way the README uses it:
//   npx tsc --noEmit -p tests/types
// Run by scripts/test.sh after the build. Nothing here runs; it only has to compile.

import init, { Analyzer, version } from '../../www/pkg/wenxi.js';
import type { AnalyzeOptions, ConcordanceLine, Keyword, Progress, Report, Section, WenxiError } from '../../www/pkg/wenxi.js';

export async function example(text: string): Promise<string> {
  await init();
  const analyzer = new Analyzer();
  const options: AnalyzeOptions = { topN: 10, minLength: 1, pos: ['n', 'v'], includeTokens: true };
  const seen: number[] = [];
  const report: Report = analyzer.analyze(text, options, (p: Progress) => seen.push(p.fraction));
  analyzer.analyze(text);
  const top: Keyword | undefined = report.keywords[0];
  const outline: string[] = report.sections.map((s: Section) => `${s.level} ${s.title} ${s.start}-${s.end}`);
  const ranges: [number, number][] = top ? top.occurrences : [];
  const kind: 'simplified' | 'traditional' | 'mixed' | 'none' = report.script.kind;
  const added: number = analyzer.addWords(['長江經濟帶']) + analyzer.removeWords(['长江']);
  const simplified: string = analyzer.convert('發展', 'simplified');
  const lines: string = analyzer.segmentedText(text, { hmm: false });
  const context: ConcordanceLine[] = analyzer.concordance(text, ranges, { context: 10, written: true });
  const around: string = context.map((l) => `${l.left}[${l.keyword}]${l.right} ${l.start}-${l.end}`).join('\n');
  try {
    analyzer.analyze(text, { topN: 5 });
  } catch (e) {
    const error = e as WenxiError;
    if (error.kind === 'input_too_large') return error.message;
  }
  return `${version()} ${outline.length} ${ranges.length} ${kind} ${added} ${simplified} ${seen.length} ${lines.length} ${around.length}`;
}
