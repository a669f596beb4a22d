//! The JavaScript contract of the wasm build: the report's shape as JS sees it, UTF-16
//! offsets with astral characters, and errors as real `Error`s with a stable `kind`.
//! Run by `wasm-pack test --node -- --test wasm` and `wasm-pack test --headless --chrome -- --test wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use wenxi::wasm::analyzer::{version, JsAnalyzer};

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// A JS string, as JS code passes the text.
fn js(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// A JS array of strings, as JS code passes custom words.
fn words(ws: &[&str]) -> JsValue {
    ws.iter()
        .map(|w| JsValue::from_str(w))
        .collect::<Array>()
        .into()
}

/// JS's own view of the text: `text.slice(start, end)` on a JS string.
fn js_slice(text: &str, start: f64, end: f64) -> String {
    let s = js_sys::JsString::from(text);
    s.slice(start as u32, end as u32).into()
}

#[wasm_bindgen_test]
fn report_has_the_documented_shape() {
    let mut a = JsAnalyzer::new();
    let r = a
        .analyze(
            js("第一章 总则\n长江很长。长江很美。\n"),
            JsValue::UNDEFINED,
            None,
        )
        .unwrap();
    assert!(r.is_object());
    for key in [
        "version", "keywords", "sections", "stats", "cleaning", "script",
    ] {
        assert!(!get(&r, key).is_undefined(), "report.{key} missing");
    }
    assert!(get(&r, "tokens").is_undefined(), "tokens only when asked");
    // Plain objects and arrays (json_compatible), not Maps or wasm handles.
    let kw = get(&r, "keywords");
    assert!(Array::is_array(&kw));
    let first = Array::from(&kw).get(0);
    assert_eq!(
        Object::get_prototype_of(&first),
        Object::get_prototype_of(&Object::new())
    );
    assert_eq!(get(&first, "word").as_string().unwrap(), "长江");
    assert_eq!(num(&first, "count"), 2.0);
    let pairs = Array::from(&get(&first, "sections"));
    assert!(Array::is_array(&pairs.get(0)));
    let section = Array::from(&get(&r, "sections")).get(0);
    assert!(get(&section, "parent").is_null());
    assert_eq!(
        get(&get(&r, "script"), "kind").as_string().unwrap(),
        "simplified"
    );
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units_into_the_original() {
    let mut a = JsAnalyzer::new();
    // 👪 and 𦡦 are two UTF-16 units each; the annotations and tags are removed for analysis.
    let text = "👪𦡦<b>經(jīng)濟</b>發(fā)展，👪經濟發展。";
    let r = a
        .analyze(
            js(text),
            options(r#"{"includeTokens": true, "minLength": 2}"#),
            None,
        )
        .unwrap();
    let kws = Array::from(&get(&r, "keywords"));
    let mut seen = false;
    for k in kws.iter() {
        let word = get(&k, "word").as_string().unwrap();
        let first = num(&k, "first");
        // The first occurrence starts with the word's first char in JS's own indexing.
        let lead: String = word.chars().next().unwrap().to_string();
        assert_eq!(js_slice(text, first, first + 1.0), lead, "{word}");
        seen |= word == "經濟" || word == "發展";
    }
    assert!(seen, "經濟 or 發展 among keywords");
    let tokens = Array::from(&get(&r, "tokens"));
    let mut last_end = 0.0;
    for t in tokens.iter() {
        let (s, e) = (num(&t, "start"), num(&t, "end"));
        assert!(s >= last_end && e >= s, "tokens rise");
        last_end = e;
        if get(&t, "word").as_string().unwrap() == "👪" {
            assert_eq!(e - s, 2.0, "astral char is two units");
            assert_eq!(js_slice(text, s, e), "👪");
        }
    }
    let len = js_sys::JsString::from(text).length() as f64;
    assert!(last_end <= len);
    let sections = Array::from(&get(&r, "sections"));
    assert_eq!(num(&sections.get(0), "start"), 0.0);
    assert_eq!(num(&sections.get(sections.length() - 1), "end"), len);
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_a_kind() {
    let mut a = JsAnalyzer::new();
    let e = a
        .analyze(js("文本"), options(r#"{"topn": 3}"#), None)
        .unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_options");
    let msg: String = e.unchecked_ref::<js_sys::Error>().message().into();
    assert!(msg.contains("topn"), "{msg}");

    let e = a
        .analyze(js("文本"), options(r#"{"topN": "many"}"#), None)
        .unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_options");

    let e = a.add_words(words(&["两个 词"])).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_word");

    // The analyzer still works after errors: nothing was poisoned.
    assert_eq!(a.add_words(words(&["文析工具"])).unwrap(), 1);
    let r = a
        .analyze(js("文析工具好用，文析工具快。"), JsValue::NULL, None)
        .unwrap();
    let top = Array::from(&get(&r, "keywords")).get(0);
    assert_eq!(get(&top, "word").as_string().unwrap(), "文析工具");
}

#[wasm_bindgen_test]
fn too_large_input_is_refused_cleanly() {
    let mut a = JsAnalyzer::new();
    let text = "字".repeat(wenxi::MAX_INPUT_UTF16 + 1);
    let e = a.analyze(js(&text), JsValue::UNDEFINED, None).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "input_too_large");
}

#[wasm_bindgen_test]
fn progress_reaches_js_and_a_throwing_callback_is_harmless() {
    let mut a = JsAnalyzer::new();
    let seen = Array::new();
    let push = js_sys::Function::new_with_args("p", "this.push(p.fraction); throw new Error('x');");
    let bound = push.bind0(&seen);
    let text = "会议强调，要推动长江经济带发展。\n".repeat(30_000);
    let r = a
        .analyze(js(&text), JsValue::UNDEFINED, Some(bound))
        .unwrap();
    assert!(Array::from(&get(&r, "keywords")).length() > 0);
    let fractions: Vec<f64> = seen.iter().map(|v| v.as_f64().unwrap()).collect();
    assert!(fractions.len() >= 5, "{fractions:?}");
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(fractions.last(), Some(&1.0));
}

#[wasm_bindgen_test]
fn occurrences_split_words_and_convert() {
    let mut a = JsAnalyzer::new();
    let text = "經(jīng)濟發展，經濟增長。";
    let r = a.analyze(js(text), JsValue::UNDEFINED, None).unwrap();
    let jingji = Array::from(&get(&r, "keywords"))
        .iter()
        .find(|k| get(k, "word").as_string().unwrap() == "經濟")
        .unwrap();
    let occ = Array::from(&get(&jingji, "occurrences"));
    assert_eq!(occ.length(), 2);
    let first = Array::from(&occ.get(0));
    let (s, e) = (
        first.get(0).as_f64().unwrap(),
        first.get(1).as_f64().unwrap(),
    );
    assert_eq!(
        js_slice(text, s, e),
        "經(jīng)濟",
        "the highlight covers what the user wrote"
    );

    assert_eq!(a.convert("發展", "simplified").unwrap(), "发展");
    // The wasm leaves the simplified→traditional phrases out: a clear error until they are
    // handed over (the package's convert does that itself).
    let e = a.convert("发展", "traditional").unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_request");
    assert!(!a.has_traditional_phrases());
    a.load_traditional_phrases(include_str!("../data/opencc/STPhrases.txt"));
    assert!(a.has_traditional_phrases());
    assert_eq!(a.convert("发展", "traditional").unwrap(), "發展");
    assert_eq!(a.convert("头发", "traditional").unwrap(), "頭髮");
    let e = a.convert("发展", "klingon").unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_options");

    assert_eq!(a.remove_words(words(&["生命科学"])).unwrap(), 1);
    let e = a.remove_words(words(&[""])).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_word");
}

#[wasm_bindgen_test]
fn tokenize_gives_utf16_pairs_into_the_text() {
    let mut a = JsAnalyzer::new();
    let text = "𦡦家庭👪很幸福。經(jīng)濟";
    let pairs = a.tokenize(js(text), JsValue::UNDEFINED).unwrap();
    let words: Vec<String> = pairs
        .chunks(2)
        .map(|p| js_slice(text, f64::from(p[0]), f64::from(p[1])))
        .collect();
    assert!(words.contains(&"家庭".to_string()), "{words:?}");
    assert!(words.contains(&"很".to_string()), "{words:?}");
    assert_eq!(words.last().map(String::as_str), Some("經(jīng)濟"));
    assert!(a.tokenize(js(text), options(r#"{"nope":1}"#)).is_err());
}

#[wasm_bindgen_test]
fn requests_of_the_wrong_shape_and_reset_words() {
    let mut a = JsAnalyzer::new();
    let e = a
        .analyze(JsValue::from(42), JsValue::UNDEFINED, None)
        .unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_request");
    let e = a.add_words(js("文析工具")).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_request");
    let e = a
        .add_words(Array::of1(&JsValue::from(1)).into())
        .unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_request");

    let text = "文析工具好用，文析工具快。";
    let top = |a: &mut JsAnalyzer| {
        let r = a.analyze(js(text), JsValue::UNDEFINED, None).unwrap();
        get(&Array::from(&get(&r, "keywords")).get(0), "word")
            .as_string()
            .unwrap()
    };
    assert_eq!(a.add_words(words(&["文析工具"])).unwrap(), 1);
    assert_eq!(top(&mut a), "文析工具");
    a.reset_words();
    assert_ne!(
        top(&mut a),
        "文析工具",
        "the dictionary is jieba's own again"
    );
}

#[wasm_bindgen_test]
fn queries_read_the_last_analysed_text_with_utf16_offsets() {
    let mut a = JsAnalyzer::new();
    let e = a.concordance(options(r#"{"query": "发展"}"#)).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "not_analyzed");
    assert!(e.is_instance_of::<js_sys::Error>());

    let text = "𦡦推动发展，推动發(fā)展。推动改革。";
    a.analyze(js(text), JsValue::UNDEFINED, None).unwrap();
    let c = a
        .concordance(options(r#"{"query": "发展", "by": "word", "context": 2}"#))
        .unwrap();
    assert_eq!(num(&c, "total"), 2.0);
    let lines = Array::from(&get(&c, "lines"));
    let second = lines.get(1);
    assert_eq!(
        js_slice(text, num(&second, "start"), num(&second, "end")),
        "發(fā)展"
    );
    assert_eq!(get(&second, "match").as_string().unwrap(), "發展");
    assert_eq!(get(&second, "left").as_string().unwrap(), "推动");

    let coll = a
        .collocates(options(r#"{"word": "推动", "minCount": 1}"#))
        .unwrap();
    assert_eq!(num(&coll, "frequency"), 3.0);
    let first = Array::from(&get(&coll, "collocates")).get(0);
    for key in ["word", "count", "mi", "tScore", "logLikelihood", "logDice"] {
        assert!(!get(&first, key).is_undefined(), "{key}");
    }
    let ngrams = a.ngrams(JsValue::UNDEFINED).unwrap();
    assert!(Array::is_array(&get(&ngrams, "ngrams")));
    let terms = a.terms(JsValue::NULL).unwrap();
    assert!(Array::is_array(&get(&terms, "terms")));
    let d = a.dispersion(options(r#"{"words": ["推动"]}"#)).unwrap();
    let w = Array::from(&get(&d, "words")).get(0);
    assert_eq!(num(&w, "count"), 3.0);
    let first_position = Array::from(&Array::from(&get(&w, "positions")).get(0));
    assert_eq!(
        first_position.get(0).as_f64(),
        Some(2.0),
        "after 𦡦, two units"
    );
    let t = a
        .trends(options(r#"{"words": ["推动"], "segments": 2}"#))
        .unwrap();
    assert_eq!(Array::from(&get(&t, "parts")).length(), 2);

    // Requests are read strictly, like options.
    let e = a.concordance(options(r#"{"qeury": "发展"}"#)).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_query");
    let e = a
        .concordance(options(r#"{"query": "(", "by": "regex"}"#))
        .unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_query");
}

#[wasm_bindgen_test]
fn level_marks_are_one_packed_array_of_utf16_places() {
    let mut a = JsAnalyzer::new();
    let text = "𦡦推动发展，推动發(fā)展。推动改革。";
    a.analyze(js(text), JsValue::UNDEFINED, None).unwrap();
    // The wasm embeds no lists: they are handed over first.
    let e = a.level_marks(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_request");
    a.load_levels("推动\t2\n发展\t3\n改革\t4\n").unwrap();
    let m = a.level_marks(options(r#"{"level": 2}"#)).unwrap();
    let spans = get(&m, "spans");
    assert!(spans.is_instance_of::<js_sys::Uint32Array>());
    let spans = js_sys::Uint32Array::from(spans).to_vec();
    assert_eq!(spans.len() % 3, 0);
    let places: Vec<(String, u32)> = spans
        .chunks(3)
        .map(|s| (js_slice(text, f64::from(s[0]), f64::from(s[1])), s[2]))
        .filter(|(_, code)| code & 15 != 8)
        .collect();
    // Level in the low bits, 16 when the reader (level 2) knows the word.
    let want: Vec<(String, u32)> = [
        ("推动", 2 | 16),
        ("发展", 3),
        ("推动", 2 | 16),
        ("發(fā)展", 3),
        ("推动", 2 | 16),
        ("改革", 4),
    ]
    .iter()
    .map(|(w, c)| (w.to_string(), *c))
    .collect();
    assert_eq!(places, want);
    let bands = Array::from(&get(&m, "bands"));
    assert_eq!(bands.length(), 8);
    let third = Array::from(&get(&bands.get(2), "keys"));
    assert_eq!(third.get(0).as_string().unwrap(), "发展");
    let e = a.level_marks(options(r#"{"level": 0}"#)).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "invalid_query");
}

/// The kind of a thrown `WenxiError`.
fn kind(e: &JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>());
    get(e, "kind").as_string().unwrap()
}

#[wasm_bindgen_test]
fn corpus_summaries_and_report_are_plain_objects_with_typed_errors() {
    let mut a = JsAnalyzer::new();
    let docs = [
        ("甲", "推动长江经济带发展，保护长江生态。长江很长。"),
        ("乙", "深化改革开放，推动改革创新。改革是动力。"),
        ("丙", "发展职业教育，办好教育。教育强国。"),
    ];
    let summaries: Array = docs
        .iter()
        .map(|(name, text)| a.summarize(js(name), js(text), JsValue::UNDEFINED).unwrap())
        .collect();
    let first = summaries.get(0);
    assert_eq!(get(&first, "name").as_string().unwrap(), "甲");
    let terms = Array::from(&get(&first, "terms"));
    assert!(terms.length() > 0);
    assert_eq!(
        Object::get_prototype_of(&terms.get(0)),
        Object::get_prototype_of(&Object::new())
    );
    assert!(
        get(&first, "text").is_undefined(),
        "a summary holds no text"
    );

    let report = a
        .corpus_report(
            summaries.clone().into(),
            options(r#"{"terms": 5, "compare": [[0], [1, 2]], "reference": {"list": "发展\t9"}}"#),
        )
        .unwrap();
    let rows = Array::from(&get(&report, "documents"));
    assert_eq!(rows.length(), 3);
    let names: Vec<String> = rows
        .iter()
        .map(|r| get(&r, "name").as_string().unwrap())
        .collect();
    assert_eq!(names, ["甲", "乙", "丙"]);
    for (row, word) in rows.iter().zip(["长江", "改革", "教育"]) {
        let top = Array::from(&get(&row, "distinctive")).get(0);
        assert_eq!(get(&top, "word").as_string().unwrap(), word);
    }
    assert!(get(&report, "comparison").is_object());
    assert_eq!(
        get(&get(&report, "reference"), "name").as_string().unwrap(),
        "reference"
    );
    let pair = a
        .compare_groups(
            summaries.clone().into(),
            array(&[0.0]),
            array(&[1.0, 2.0]),
            Some(3),
        )
        .unwrap();
    assert!(Array::from(&get(&get(&pair, "keyness"), "positive")).length() <= 3);

    // Typed errors: a summary tampered with, a bad frequency list, bad groups and options.
    let tampered = summaries.get(1);
    Reflect::set(&tampered, &"extra".into(), &1.into()).unwrap();
    let e = a
        .corpus_report(summaries.clone().into(), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_summary");
    let msg: String = e.unchecked_ref::<js_sys::Error>().message().into();
    assert!(msg.contains("summaries[1]"), "{msg}");
    Reflect::delete_property(tampered.unchecked_ref::<Object>(), &"extra".into()).unwrap();
    let e = a
        .corpus_report(
            summaries.clone().into(),
            options(r#"{"reference": {"list": "发展 9"}}"#),
        )
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_frequency_list");
    let e = a
        .corpus_report(summaries.clone().into(), options(r#"{"top": 3}"#))
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_options");
    let e = a
        .compare_groups(summaries.clone().into(), array(&[0.0]), array(&[7.0]), None)
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_query");
    let e = a
        .corpus_report(js("not a list"), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_request");
    let e = a
        .summarize(JsValue::from(3), js("文本"), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(kind(&e), "invalid_request");
}

/// A JS array of numbers.
fn array(values: &[f64]) -> JsValue {
    values
        .iter()
        .map(|&v| JsValue::from_f64(v))
        .collect::<Array>()
        .into()
}
