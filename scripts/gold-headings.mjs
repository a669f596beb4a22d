#!/usr/bin/env node
// Gold headings for the section evaluation (issue 13), written from each document's own
// structure, never from what Wenxi finds: a Taiwan law's 編/章/節/款/目 entries, a Markdown
// file's `#` marks, a report's own numbering, a novel's 第X回 lines. Each command writes the
// document's text in the layout the evaluation reads and, beside it, STEM.headings.tsv: one line
// per heading, `line<TAB>level<TAB>text`, lines counted from 1. Level `-` marks a line that is a
// heading unit of the document but is scored neither way: articles (條/条, left out of the gold
// of ../shared/corpus/structure/tw-laws too), a document's title line, a report's `1.` items
// (a third level the reports do not agree on), an appendix's title line, and in a law without
// its `#` marks the headings that carry no marker of their own (`序言`). `scripts/eval-headings.mjs`
// scores against these files.
//
//   node scripts/gold-headings.mjs tw-law LAW.json OUT_DIR       全國法規資料庫 JSON (as mirrored by
//        kong0107/mojLawSplitJSON) → PCODE.txt in the layout of ../shared/corpus/structure/tw-laws
//   node scripts/gold-headings.mjs markdown FILE.md OUT_DIR [--law]
//        → STEM.md as it is; with --law also STEM.bare.txt, every `#` mark removed
//   node scripts/gold-headings.mjs report REPORT.txt|REPORT.docx OUT_DIR   → STEM.txt
//   node scripts/gold-headings.mjs novel NOVEL.txt OUT_DIR [--source=REL]   → STEM.txt, or for a
//        text of ../shared/corpus (which must not be copied) STEM.source naming it by REL, its
//        path below that folder
//
// Gold files are checked by hand after they are written (see the corpus's README for what each
// set's check changed); this script is the first draft.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const NUM = '〇○零一二三四五六七八九十百千两兩0-9';
const CHAPTER = new RegExp(`^第\\s*[${NUM}]+\\s*(?:之[${NUM}]+\\s*)?(编|編|分编|分編|章|节|節|款|目)`);
const ARTICLE = new RegExp(`^第\\s*[${NUM}]+(?:-\\d+)?\\s*[条條](?:之[${NUM}]+)?(?:\\s|$)`);
const APPENDIX = /^(附件|附录|附錄)[0-9A-Za-z一二三四五六七八九十]{0,4}(\s+\S.*)?$/;
const HAN_COMMA = /^[一二三四五六七八九十]+、/;
const HAN_PAREN = /^[（(][一二三四五六七八九十]+[）)]/;
const DIGIT_ITEM = /^(\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)])/;
const CHAPTER_LEVEL = { 编: 1, 編: 1, 分编: 2, 分編: 2, 章: 2, 节: 3, 節: 3, 款: 4, 目: 5 };
const lf = (s) => s.replace(/\r\n?/g, '\n');
const stemOf = (path) => basename(path, extname(path));

const [command, input, outDir, ...flags] = process.argv.slice(2);
const commands = { 'tw-law': twLaw, markdown, report, novel };
if (!commands[command] || !input || !outDir) {
  console.error('usage: gold-headings.mjs (tw-law|markdown|report|novel) INPUT OUT_DIR [--law]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
commands[command](input, outDir);


/** Writes `text` and its gold rows `[line, level, text]` as OUT_DIR/NAME and its .headings.tsv. */
function write(name, text, rows) {
  const stem = name.replace(/(\.bare)?\.(txt|md)$/, (_, bare) => bare ?? '');
  const source = flags.find((f) => f.startsWith('--source='));
  if (source) writeFileSync(join(outDir, `${stem}.source`), `${source.slice('--source='.length)}\n`);
  else writeFileSync(join(outDir, name), text);
  const tsv = rows.map(([line, level, t]) => `${line}\t${level}\t${t.trim().slice(0, 60)}\n`).join('');
  writeFileSync(join(outDir, `${stem}.headings.tsv`), tsv);
  const scored = rows.filter((r) => r[1] !== '-').length;
  console.log(`${join(outDir, name)}: ${scored} headings, ${rows.length - scored} unscored units`);
}


/** A Taiwan law: title, 前言, then each 編章節 entry after a blank line, each article's label
 * line and its text lines (the layout of ../shared/corpus/structure/tw-laws/*.txt). */
function twLaw(path) {
  const law = JSON.parse(readFileSync(path, 'utf8'));
  const out = [law['法規名稱'], ''];
  const rows = [[1, '-', law['法規名稱']]];
  if (law['前言']) out.push(...lf(law['前言']).split('\n'), '');
  for (const part of law['法規內容']) {
    if (part['編章節'] !== undefined) {
      if (out[out.length - 1] !== '') out.push('');
      const heading = part['編章節'].trim();
      out.push(heading);
      const unit = heading.replace(/\s+/g, '').match(CHAPTER);
      rows.push([out.length, unit ? CHAPTER_LEVEL[unit[1]] : '-', heading]);
    } else {
      out.push(part['條號']);
      rows.push([out.length, '-', part['條號']]);
      out.push(...lf(part['條文內容']).split('\n'));
    }
  }
  write(`${law['法規網址'].match(/pcode=(\w+)/)[1]}.txt`, `${out.join('\n')}\n`, rows);
}

/** Markdown: ATX `#` lines outside code fences, at their `#` count. For a law (--law), `#`
 * title lines and articles are unscored, and the bare copy scores only headings with a marker. */
function markdown(path) {
  const law = flags.includes('--law');
  const text = lf(readFileSync(path, 'utf8'));
  const lines = text.split('\n');
  const marked = [];
  const bare = [];
  let fence = null;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (fence) {
      if (t.startsWith(fence)) fence = null;
      return;
    }
    if (t.startsWith('```') || t.startsWith('~~~')) {
      fence = t.slice(0, 3);
      return;
    }
    const m = l.match(/^(#{1,6})\s+(.*?)(\s+#+)?\s*$/);
    const plain = (m ? m[2] : t).trim();
    if (law && ARTICLE.test(plain)) {
      marked.push([i + 1, '-', plain]);
      bare.push([i + 1, '-', plain]);
      return;
    }
    if (!m || !plain) return;
    const level = m[1].length;
    const title = law && level === 1;
    marked.push([i + 1, title ? '-' : level, plain]);
    const hasMarker = CHAPTER.test(plain.replace(/\s+/g, '')) || APPENDIX.test(plain);
    bare.push([i + 1, title || !hasMarker ? '-' : level, plain]);
  });
  write(`${stemOf(path)}.md`, text, marked);
  if (law) {
    const stripped = lines.map((l) => l.replace(/^#{1,6}\s+/, '')).join('\n');
    write(`${stemOf(path)}.bare.txt`, stripped, bare);
  }
}

/** A government work report: `一、` top level, `（一）` below it, `附件` a top-level appendix
 * whose own numbering sits one level down; `1.` items and title lines unscored. */
function report(path) {
  const text = extname(path) === '.docx' ? docxText(path) : lf(readFileSync(path, 'utf8'));
  const rows = [];
  let appendix = false;
  let afterAppendix = false;
  let first = true;
  text.split('\n').forEach((l, i) => {
    const t = l.trim();
    if (!t) return;
    const line = i + 1;
    if (first) {
      first = false;
      if (!/[。；：]/.test(t) && t.length <= 40) rows.push([line, '-', t]);
      return;
    }
    if (APPENDIX.test(t) && t.length <= 30 && !/[。，；]/.test(t)) {
      rows.push([line, 1, t]);
      appendix = true;
      afterAppendix = true;
      return;
    }
    const justAfter = afterAppendix;
    afterAppendix = false;
    const shift = appendix ? 1 : 0;
    if (HAN_COMMA.test(t)) rows.push([line, 1 + shift, t]);
    else if (HAN_PAREN.test(t)) rows.push([line, 2 + shift, t]);
    else if (DIGIT_ITEM.test(t)) rows.push([line, '-', t]);
    else if (justAfter && t.length <= 30 && !/[。，；：]/.test(t)) rows.push([line, '-', t]);
  });
  write(`${stemOf(path)}.txt`, text, rows);
}

/** A 章回 novel: its 第X回 lines. A line of contents (a 第X回 line whose next non-blank line
 * is another) is not a heading; a 第X回 line that runs on into the chapter's text (a source
 * that lost the line break) is unscored. */
function novel(path) {
  const text = lf(readFileSync(path, 'utf8'));
  const lines = text.split('\n');
  const chapter = new RegExp(`^第[${NUM}]+回`);
  // A heading is the label and a title, not a sentence that begins with a chapter reference
  // (红楼梦: `第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣．`).
  const isChapter = (t) => chapter.test(t) && t.length <= 50 && !/[，。．；！？]/.test(t);
  const rows = [];
  let first = true;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t && first) {
      first = false;
      // The book's title line (`《红楼梦》曹雪芹`), scored neither way as in the other sets.
      if (!chapter.test(t)) {
        rows.push([i + 1, '-', t]);
        return;
      }
    }
    if (chapter.test(t) && t.length > 50 && !/[，。．；！？]/.test(t.slice(0, 12))) {
      rows.push([i + 1, '-', t]);
      return;
    }
    if (!isChapter(t)) return;
    let j = i + 1;
    while (j < lines.length && !lines[j].trim()) j++;
    if (j < lines.length && isChapter(lines[j].trim())) return;
    rows.push([i + 1, 1, t]);
  });
  write(`${stemOf(path)}.txt`, text, rows);
}

/** The paragraphs of a .docx as lines (word/document.xml, `<w:p>` → line, `<w:t>` text,
 * `<w:tab/>` a tab, `<w:br/>` a line break). Reads the zip's central directory itself. */
function docxText(path) {
  const zip = readFileSync(path);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name !== 'word/document.xml') continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    const xml = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    const unescape = (s) =>
      s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
    const out = paragraphs.map((para) =>
      [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)(?: [^>]*)?\/>/g)]
        .map((m) => (m[1] !== undefined ? unescape(m[1]) : m[0].startsWith('<w:tab') ? '\t' : '\n'))
        .join(''),
    );
    return `${out.join('\n')}\n`;
  }
  throw new Error(`${path}: no word/document.xml`);
}
