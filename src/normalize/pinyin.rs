//! Inline pinyin annotations (`經(jīng)濟(jì)`, described in the corpus README under
//! `annotated-web-text/`): recognising Hanyu Pinyin and the 410 syllables it is made of.

/// The most syllables one annotation may hold (and never more than the Han chars before it).
pub(super) const MAX_ANNOTATION_SYLLABLES: usize = 4;

/// Longest annotation content we look at, in chars: four six-letter syllables and spaces.
const MAX_ANNOTATION_CHARS: usize = 32;

/// The length in bytes of the annotation at the start of `s` (which starts with `(` or `（`)
/// if its content is pinyin of 1 to `max_syllables` syllables. Either closing parenthesis
/// ends it. Toneless single letters (`(a)`, `(e)`, `(o)`) are list labels, not annotations.
pub(super) fn annotation_len(s: &str, max_syllables: usize) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let content_start = open.len_utf8();
    for (i, c) in chars.take(MAX_ANNOTATION_CHARS + 1) {
        if c == ')' || c == '）' {
            let reading = read_pinyin(s.get(content_start..i)?)?;
            let single_letter = reading.letters == 1 && !reading.toned;
            let fits = (1..=max_syllables).contains(&reading.syllables);
            return (fits && !single_letter).then_some(i + c.len_utf8());
        }
    }
    None
}

/// What [`read_pinyin`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    /// The fewest syllables the text splits into (`xian` is one, not `xi'an`).
    pub(super) syllables: usize,
    /// Whether a tone mark or tone number was written.
    pub(super) toned: bool,
    /// Letters read, tone marks not counted.
    letters: usize,
}

/// Read `s` as lower-case Hanyu Pinyin: syllables with tone marks (`jīng`, `lǜ`), tone
/// numbers (`jing1`) or none, optionally separated by spaces, `'` or `-`; `ü` may be written
/// `v`. `None` for anything else, an upper-case letter included (`WHO`, `English`).
pub(super) fn read_pinyin(s: &str) -> Option<Reading> {
    let mut reading = Reading {
        syllables: 0,
        toned: false,
        letters: 0,
    };
    let mut word = String::new();
    for c in s.chars() {
        if let Some((base, toned)) = pinyin_letter(c) {
            word.push(base);
            reading.letters += 1;
            reading.toned |= toned;
        } else if matches!(c, '\u{0300}' | '\u{0301}' | '\u{0304}' | '\u{030C}') {
            // A tone mark written as a combining char (decomposed text).
            reading.toned = true;
        } else if c == '\u{0308}' && word.ends_with('u') {
            word.pop();
            word.push('v');
        } else if matches!(c, '1'..='5') && !word.is_empty() {
            reading.toned = true;
            reading.syllables += count_syllables(&word)?;
            word.clear();
        } else if matches!(c, ' ' | '\'' | '’' | '-') {
            reading.syllables += count_syllables(&word)?;
            word.clear();
        } else {
            return None;
        }
    }
    reading.syllables += count_syllables(&word)?;
    (reading.syllables > 0).then_some(reading)
}

/// The toneless letter for a lower-case pinyin letter, and whether it bore a tone mark.
/// `ɑ` and `ɡ` are the forms Chinese textbooks and GBK's pinyin row use for a and g.
fn pinyin_letter(c: char) -> Option<(char, bool)> {
    let letter = match c {
        'a'..='z' => (c, false),
        'ü' => ('v', false),
        'ɑ' => ('a', false),
        'ɡ' => ('g', false),
        'ā' | 'á' | 'ǎ' | 'à' => ('a', true),
        'ē' | 'é' | 'ě' | 'è' => ('e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => ('i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => ('o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => ('u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => ('v', true),
        _ => return None,
    };
    Some(letter)
}

/// The fewest syllables of [`SYLLABLES`] that `word` (toneless, `v` for ü) splits into;
/// `None` if it does not split. Zero for an empty word.
fn count_syllables(word: &str) -> Option<usize> {
    const LONGEST: usize = 6; // zhuang, chuang, shuang
    let bytes = word.as_bytes();
    // fewest[i]: the fewest syllables covering word[..i], if any.
    let mut fewest: Vec<Option<usize>> = vec![None; bytes.len() + 1];
    if let Some(first) = fewest.first_mut() {
        *first = Some(0);
    }
    for end in 1..=bytes.len() {
        let mut best: Option<usize> = None;
        for start in end.saturating_sub(LONGEST)..end {
            let (Some(Some(before)), Some(piece)) = (fewest.get(start), word.get(start..end))
            else {
                continue;
            };
            if SYLLABLES.binary_search(&piece).is_ok() {
                best = Some(best.map_or(before + 1, |b| b.min(before + 1)));
            }
        }
        if let Some(slot) = fewest.get_mut(end) {
            *slot = best;
        }
    }
    fewest.last().copied().flatten()
}

/// The 410 syllables of Standard Mandarin in Hanyu Pinyin, toneless, `v` for ü, in byte order
/// (for binary search). Written out from the standard initial × final table (as in the
/// Xiandai Hanyu Cidian syllable index), without the interjections m, n, ng, hm, ê, which
/// would match unit labels like `(m)`; plus `lue` and `nue`, the usual typed spelling of lüe
/// and nüe.
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", //
    "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi", "bian", "biao", "bie", "bin",
    "bing", "bo", "bu", //
    "ca", "cai", "can", "cang", "cao", "ce", "cen", "ceng", "cha", "chai", "chan", "chang", "chao",
    "che", "chen", "cheng", "chi", "chong", "chou", "chu", "chua", "chuai", "chuan", "chuang",
    "chui", "chun", "chuo", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", //
    "da", "dai", "dan", "dang", "dao", "de", "dei", "den", "deng", "di", "dia", "dian", "diao",
    "die", "ding", "diu", "dong", "dou", "du", "duan", "dui", "dun", "duo", //
    "e", "ei", "en", "eng", "er", //
    "fa", "fan", "fang", "fei", "fen", "feng", "fo", "fou", "fu", //
    "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu", "gua",
    "guai", "guan", "guang", "gui", "gun", "guo", //
    "ha", "hai", "han", "hang", "hao", "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua",
    "huai", "huan", "huang", "hui", "hun", "huo", //
    "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju", "juan",
    "jue", "jun", //
    "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong", "kou", "ku", "kua",
    "kuai", "kuan", "kuang", "kui", "kun", "kuo", //
    "la", "lai", "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao",
    "lie", "lin", "ling", "liu", "lo", "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv",
    "lve", //
    "ma", "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie",
    "min", "ming", "miu", "mo", "mou", "mu", //
    "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian", "niang", "niao",
    "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nue", "nuo", "nv", "nve", //
    "o", "ou", //
    "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin",
    "ping", "po", "pou", "pu", //
    "qi", "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan",
    "que", "qun", //
    "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui",
    "run", "ruo", //
    "sa", "sai", "san", "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao",
    "she", "shei", "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang",
    "shui", "shun", "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", //
    "ta", "tai", "tan", "tang", "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong",
    "tou", "tu", "tuan", "tui", "tun", "tuo", //
    "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", //
    "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan",
    "xue", "xun", //
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", //
    "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai", "zhan", "zhang",
    "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua", "zhuai",
    "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui", "zun",
    "zuo",
];

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;
    use super::*;

    #[test]
    fn annotations_go() {
        assert_cases(&[
            // Tone-marked, after traditional chars changed by an s→t converter.
            ("經(jīng)濟(jì)發(fā)展", "經濟發展"),
            ("綠(lǜ)色", "綠色"),
            ("綠(lv4)色", "綠色"),
            ("經(jing1)濟", "經濟"),
            ("經（jīng）濟", "經濟"),
            ("經濟(jīngjì)學", "經濟學"),
            ("經濟(jīng jì)學", "經濟學"),
            ("西安(xī'ān)市", "西安市"),
            // Toneless and repeated (variant B).
            ("的(de)(de)(de)先進", "的先進"),
            ("大會(hui)(hui)在北京(jing)召開", "大會在北京召開"),
        ]);
    }

    #[test]
    fn other_parentheses_stay() {
        assert_cases(&[
            ("世界卫生组织(WHO)", "世界卫生组织(WHO)"),
            ("英文(English)", "英文(English)"),
            ("年份(2023)", "年份(2023)"),
            ("（一）总则", "（一）总则"),
            ("(上海 201600)", "(上海 201600)"),
            ("作者(1.南京航空航天大学)", "作者(1.南京航空航天大学)"),
            ("选项(a)和(b)", "选项(a)和(b)"),
            ("长度(m)", "长度(m)"),
            ("中(china)", "中(china)"),
            ("(jīng)開頭", "(jīng)開頭"),
            ("abc(de)", "abc(de)"),
            ("会议(扩大)", "会议(扩大)"),
            ("記者(jì zhě lǐ xìng fǎng)", "記者(jì zhě lǐ xìng fǎng)"),
        ]);
    }

    #[test]
    fn syllable_table_is_sorted_and_complete() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(SYLLABLES.len(), 410 + 2);
    }

    #[test]
    fn pinyin_reading() {
        let read = |s| read_pinyin(s).map(|r| (r.syllables, r.toned));
        assert_eq!(read("jīng"), Some((1, true)));
        assert_eq!(read("xian"), Some((1, false)));
        assert_eq!(read("jing1ji4"), Some((2, true)));
        assert_eq!(read("nü"), Some((1, false)));
        assert_eq!(read("lu\u{0308}\u{0300}"), Some((1, true)));
        assert_eq!(read("Jing"), None);
        assert_eq!(read("ngbjxym"), None);
        assert_eq!(read(""), None);
        assert_eq!(read(" "), None);
    }
}
