// Opening a file: which kind of text it holds, and in which encoding. An HTML file's source
// is the text: the engine's cleaner leaves out its markup, as it does for a pasted page.
//
// Chinese text files come in UTF-8, UTF-16 (Windows Notepad's "Unicode", with a byte order
// mark), GB18030/GBK (mainland Windows) and Big5 (Taiwan, Hong Kong). TextDecoder knows them
// all (WHATWG Encoding Standard); which one a file uses it cannot say, so:
//   1. a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE);
//   2. bytes that are valid UTF-8 are UTF-8 (other encodings rarely form valid UTF-8 by chance);
//   3. otherwise GB18030 and Big5 both decode the bytes, and the reading with fewer errors,
//      then with more of the most common Han characters, wins. GB18030 gives some character
//      for nearly any byte pair, so errors alone cannot tell: Big5 bytes read as GB18030 give
//      rare characters, and GBK bytes read as Big5 give rare ones too.

/** The most frequent Han characters of modern Chinese, in both scripts. */
const COMMON = new Set(
  '的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子' +
  '那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没' +
  '沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日者意无無力它与與长長' +
  '把机機民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头' +
  '頭文体體政相见見被利什二等产產或新己制身果加西月话話合回特代内內信表化老给給世位次度门門任常先' +
  '海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别別打' +
  '女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金',
);

/** The encoding of `bytes` and its text. Throws only if no encoding can read them at all. */
export function decodeBytes(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return read('utf-8', bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return read('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return read('utf-16be', bytes);
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: one of the two legacy Chinese encodings.
  }
  const readings = ['gb18030', 'big5'].map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes); // errors become U+FFFD
    let errors = 0;
    let common = 0;
    for (const ch of text) {
      if (ch === '\ufffd') errors++;
      else if (COMMON.has(ch)) common++;
    }
    return { encoding, text, errors, common };
  });
  readings.sort((a, b) => a.errors - b.errors || b.common - a.common);
  const [best, other] = readings;
  // Few errors each but a clear difference in common characters: trust the characters.
  if (best.errors > 0 && other.common > best.common * 2 && other.errors <= best.errors + 2) {
    return { encoding: other.encoding, text: other.text };
  }
  return { encoding: best.encoding, text: best.text };
}

/** Decode with a byte order mark (TextDecoder removes it). */
function read(encoding, bytes) {
  return { encoding, text: new TextDecoder(encoding).decode(bytes) };
}

/** 'text' for .txt/.md, 'html' for .html/.htm, or null for a file the page does not open. */
export function fileKind(name, type = '') {
  const ext = (name.match(/\.([^.]+)$/)?.[1] ?? '').toLowerCase();
  if (['txt', 'text', 'md', 'markdown'].includes(ext)) return 'text';
  if (['html', 'htm', 'xhtml'].includes(ext)) return 'html';
  if (ext === '' && type === 'text/plain') return 'text';
  if (ext === '' && type === 'text/html') return 'html';
  return null;
}
