#!/usr/bin/env node
// How many policy terms come out whole: for each report in the folders given, each term of
// TERMS that occurs at least 3 times in it counts once, and is found when it is a keyword of
// `wenxi FILE` (top 100, default options) or a term of `wenxi terms FILE`. Reported for all
// such terms and for those jieba cuts into several words (by `wenxi --tokens`). The reports
// used in the README (provincial government work reports of 2025 and 2026) are not part of
// the repository; any folder of .txt files will do.
//
//   cargo build --release && node scripts/eval-terms.mjs DIR... [--tune N]
//
// With --tune N the files (in code point order of their paths) are scored as the first N
// (tuned on) and the rest (held out), separately.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'target', 'release', 'wenxi');

/** Policy terms of Chinese government reports (2020s), whole as a reader reads them. */
export const TERMS = [...new Set(`高质量发展 十五五 十四五 数字经济 乡村振兴 一带一路 低空经济 专精特新 粤港澳大湾区 新质生产力 长江经济带
营商环境 碳达峰 碳中和 长三角一体化 一网通办 以旧换新 新型工业化 新型城镇化 城市更新 银发经济 首发经济 冰雪经济
未来产业 战略性新兴产业 现代化产业体系 全国统一大市场 高水平对外开放 制度型开放 中国式现代化 新发展格局 新发展理念
民营经济 实体经济 科技创新 产业链 供应链 创新链 人才链 数字政府 数字化转型 智能化 绿色低碳 生态环境 黄河流域 成渝地区双城经济圈
京津冀协同发展 海南自由贸易港 西部陆海新通道 自由贸易试验区 共同富裕 人工智能 大模型 算力 国家实验室 新能源汽车 先进制造业
防范化解 安全生产 社会保障 基本公共服务 义务教育 医疗卫生 养老服务 托育服务 乡村全面振兴 和美乡村 耕地保护 粮食安全
两重 两新 设备更新 投资于人 标志性成果 县域经济 海洋经济 文旅融合 国家公园 科技成果转化 新型储能 绿色发展`.split(/\s+/))];

const run = (args, input) => execFileSync(BIN, args, { input, maxBuffer: 1 << 28, encoding: 'utf8' });

/** Whether jieba (as the analysis cuts) splits `term` into several words. */
const cutCache = new Map();
function isCut(term) {
  if (!cutCache.has(term)) cutCache.set(term, run(['--tokens', '-'], term).trim().split(/\s+/).length > 1);
  return cutCache.get(term);
}

function score(files) {
  const all = { found: 0, total: 0 };
  const cut = { found: 0, total: 0 };
  const missed = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const keywords = new Set(JSON.parse(run([file])).keywords.map((k) => k.word));
    const terms = new Set(JSON.parse(run(['terms', file])).terms.map((t) => t.term));
    for (const term of TERMS) {
      if (text.split(term).length - 1 < 3) continue;
      const ok = keywords.has(term) || terms.has(term);
      all.total += 1;
      all.found += ok;
      if (isCut(term)) {
        cut.total += 1;
        cut.found += ok;
      }
      if (!ok) missed.set(term, [...(missed.get(term) ?? []), basename(file)]);
    }
  }
  const pct = (x) => `${x.found}/${x.total} (${((100 * x.found) / Math.max(1, x.total)).toFixed(1)}%)`;
  console.log(`  ${files.length} reports: all terms ${pct(all)}; terms jieba cuts ${pct(cut)}`);
  for (const [term, where] of [...missed].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    missed ${term} in ${where.length}${isCut(term) ? '' : ' (one jieba word)'}`);
  }
}

const args = process.argv.slice(2);
const tuneAt = args.indexOf('--tune');
const tune = tuneAt >= 0 ? Number(args.splice(tuneAt, 2)[1]) : 0;
const files = args
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)))
  .sort();
if (files.length === 0) {
  console.error('usage: node scripts/eval-terms.mjs DIR... [--tune N]   (folders of .txt reports)');
  process.exit(2);
}
if (tune > 0) {
  console.log('tuned on:');
  score(files.slice(0, tune));
  console.log('held out:');
  score(files.slice(tune));
} else {
  score(files);
}
