// Type-checks the generated www/pkg/wenxi.d.ts and the way the README uses it:
//   npx tsc --noEmit -p tests/types
// Run by scripts/test.sh after the build. Nothing here runs; it only has to compile.

import init, { Analyzer, version } from '../../www/pkg/wenxi.js';
import type {
  AnalyzeOptions,
  Collocates,
  Comparison,
  Concordance,
  ConcordanceRequest,
  CorpusReport,
  CorpusReportOptions,
  Dispersion,
  DocumentSummary,
  Keyword,
  LevelMarks,
  LevelsProfile,
  Ngrams,
  Progress,
  Report,
  Section,
  Terms,
  Trends,
  WenxiError,
} from '../../www/pkg/wenxi.js';

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
  const context: Concordance = analyzer.concordance({ ranges, context: 10, asWritten: true });
  const around: string = context.lines.map((l) => `${l.left}[${l.match}]${l.right} ${l.start}-${l.end}`).join('\n');
  const request: ConcordanceRequest = { query: '发展', by: 'word', sort: 'left1', limit: 10 };
  const kwic: Concordance = analyzer.concordance(request);
  const line: [number, number, string] | undefined = kwic.lines[0] && [kwic.lines[0].start, kwic.lines[0].end, kwic.lines[0].match];
  const collocates: Collocates = analyzer.collocates({ word: '发展', left: 3, sort: 'mi' });
  const ngrams: Ngrams = analyzer.ngrams({ characters: true });
  const terms: Terms = analyzer.terms();
  const dispersion: Dispersion = analyzer.dispersion({ words: ['发展'] });
  const d: number | null = dispersion.words[0]?.juillandD ?? null;
  const trends: Trends = analyzer.trends({ words: ['发展'], segments: 10 });
  const profile: LevelsProfile = analyzer.levels({ known: ['发展'], level: 3 });
  const marks: LevelMarks = analyzer.levelMarks({ level: profile.coverage.level95 ?? 7 });
  const firstLevel: number = (marks.spans[2] ?? 0) & 15;
  const band: string[] = marks.bands[0]?.keys ?? [];
  const summaries: DocumentSummary[] = [analyzer.summarize('a.txt', text), analyzer.summarize('b.txt', text, { minLength: 1 })];
  const corpusOptions: CorpusReportOptions = { terms: 10, compare: [[0], [1]], reference: { name: 'freq.tsv', list: '发展\t3' }, analysis: options };
  const corpus: CorpusReport = analyzer.corpusReport(summaries, corpusOptions);
  const distinctive: string | undefined = corpus.documents[0]?.distinctive[0]?.word;
  const pair: Comparison = analyzer.compareGroups(summaries, [0], [1], 5);
  try {
    analyzer.corpusReport(summaries, { reference: { text: text } });
    analyzer.analyze(text, { topN: 5, terms: true });
  } catch (e) {
    const error = e as WenxiError;
    if (error.kind === 'input_too_large' || error.kind === 'invalid_query' || error.kind === 'invalid_summary') return error.message;
  }
  void [distinctive, pair.keyness.positive.length, line, collocates.collocates[0]?.logDice, ngrams.ngrams.length, terms.terms[0]?.term, d, trends.parts.length, firstLevel, band.length];
  return `${version()} ${outline.length} ${ranges.length} ${kind} ${added} ${simplified} ${seen.length} ${lines.length} ${around.length}`;
}
