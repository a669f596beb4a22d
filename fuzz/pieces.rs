//! How the fuzz targets turn their bytes into text, shared with `tests/fuzz_corpus.rs` (which
//! replays their corpora) and `tests/invariants.rs` (which draws random texts from the same
//! pieces).
//!
//! [`build`] (`analyze_structured`) makes a text of the pieces real pastes are made of.
//! Each byte below `PIECES.len()` appends that piece. A byte at or above it starts a
//! literal char whose class it picks and whose value the next two bytes give, so the fuzzer
//! can also reach any Han, kana, Latin, astral or control char.

pub const PIECES: &[&str] = &[
    // Han words, simplified and traditional, and common function words.
    "经济",
    "發展",
    "长江经济带",
    "會議",
    "推动",
    "工作",
    "的",
    "了",
    "是",
    "數據",
    "中华人民共和国",
    "一个",
    "第一个",
    "这种",
    "万美元",
    "8000万",
    "第6",
    "里",
    "裏",
    "後",
    "后",
    "乾",
    "干",
    // Inline pinyin: well-formed, repeated, broken, full-width, spaced.
    "經(jīng)濟(jì)",
    "的(de)(de)",
    "發(fā)展",
    "(jīng",
    "(a)",
    "(a)(a)(a)",
    "（fā）",
    "(jing ji)",
    "(Zhōngguó)",
    "(ng)",
    "(WHO)",
    "(2023)",
    "()",
    // HTML: tags, comments, scripts, entities, leftovers.
    "</p>",
    "<br/>",
    "<p>",
    "<span class=\"x\">",
    "<script>alert(1)</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<",
    ">",
    "<a href=\"javascript:x\">",
    "&nbsp;",
    "&amp;",
    "&lt;",
    "&#12289;",
    "&#x4E2D;",
    "&#0;",
    "&#xD800;",
    "&#99999999;",
    "&bogus;",
    "&",
    ";",
    // Headings of every form, and Markdown.
    "一、",
    "（一）",
    "(一)",
    "1.",
    "1.1 ",
    "（1）",
    "①",
    "第一章 ",
    "第十二回 ",
    "第3条 ",
    "第二编",
    "# ",
    "## ",
    "###### ",
    "####### ",
    "```",
    "~~~",
    "> ",
    "- ",
    "* ",
    "---",
    // Punctuation of both widths.
    "，",
    "。",
    "！",
    "？",
    "；",
    "：",
    ",",
    ".",
    "!",
    "?",
    "……",
    "、",
    "「",
    "」",
    "“",
    "”",
    "《",
    "》",
    // Latin, numbers and mixed tokens.
    "ＡＩ",
    "AI",
    "ai",
    "iPhone 15",
    "5G",
    "3.14%",
    "3‰",
    "2023年",
    "COVID-19",
    "16,250",
    "1,234,567",
    "https://example.com/a?b=1",
    "user@example.com",
    "Hello",
    "the",
    " ",
    "x",
    // Astral, emoji, combining marks, replacement and private-use chars.
    "👪",
    "𦡦",
    "👍🏽",
    "🇨🇳",
    "e\u{301}",
    "\u{FFFD}",
    "\u{E000}",
    "\u{10FFFF}",
    // Controls, zero-width and bidi marks, odd spaces.
    "\u{0}",
    "\u{7}",
    "\u{1B}",
    "\u{7F}",
    "\u{85}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{2066}",
    "\u{200F}",
    "\u{3000}",
    "\u{A0}",
    "\t",
    // Line breaks of every kind.
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    // GBK mojibake as it is pasted.
    "?!耙粠б",
    "鍙戝睍",
    "浣犲ソ",
    // Elements whose content is left out, whole, unclosed and nested, and a tag named in
    // prose. (Last, so that the kept corpus inputs still pick the pieces above.)
    "<svg viewBox=\"0 0 24 24\"><path d=\"M12 48s21.5 48 160z\"/></svg>",
    "<svg>",
    "</svg>",
    "<noscript><img src=\"t.gif\"></noscript>",
    "<template><p>模板</p></template>",
    "<SCRIPT>",
    "</script >",
    "<script>标签",
];

/// The text `data` describes.
#[allow(dead_code)] // not every includer builds structured texts
pub fn build(data: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        i += 1;
        if let Some(piece) = PIECES.get(b as usize) {
            out.push_str(piece);
            continue;
        }
        let v = u32::from(data.get(i).copied().unwrap_or(0)) << 8
            | u32::from(data.get(i + 1).copied().unwrap_or(0));
        i += 2;
        let c = match b % 6 {
            0 => 0x4E00 + v % (0x9FFF - 0x4E00), // CJK unified ideographs
            1 => 0x3040 + v % 0x100,             // kana and CJK symbols
            2 => 0x20 + v % 0x5F,                // printable ASCII
            3 => 0x20000 + v,                    // astral Han
            4 => v % 0x20,                       // C0 controls
            _ => v,                              // anything in the BMP
        };
        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
    }
    out
}

/// The text `analyze_bytes` reads from `data`: UTF-8 (invalid sequences become U+FFFD, as a
/// file decoded leniently), or, when the first byte is odd, UTF-16 code units (unpaired
/// surrogates become U+FFFD, as wasm-bindgen passes a JS string with broken surrogates).
#[allow(dead_code)] // not every includer reads raw bytes
pub fn from_bytes(data: &[u8]) -> String {
    match data.split_first() {
        Some((mode, rest)) if mode & 1 == 1 => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(data).into_owned(),
    }
}
