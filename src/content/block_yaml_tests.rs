//! `block_yaml` writes what `yaml_serde` writes, byte for byte.

use super::to_string;
use serde::Serialize;
use std::collections::BTreeMap;

fn same_as_yaml_serde<T: Serialize>(value: &T) {
    let want = yaml_serde::to_string(value).unwrap();
    if let Some(got) = to_string(value) {
        assert_eq!(got, want);
    }
}

#[derive(Serialize)]
struct Item {
    name: String,
    tags: Vec<String>,
    weight: f64,
}

#[derive(Serialize)]
struct Doc {
    title: String,
    list: Vec<String>,
    empty: Vec<String>,
    items: Vec<Item>,
    map: BTreeMap<String, String>,
    none: BTreeMap<String, String>,
    count: u32,
    flag: bool,
}

fn tricky_strings() -> Vec<&'static str> {
    vec![
        "plain words",
        "",
        " leading",
        "trailing ",
        "colon: inside",
        "ends with colon:",
        "a:b",
        "hash # inside",
        "hash#inside",
        "key:value and: more",
        "a #",
        "x:#y # z",
        "- dash",
        "-dash",
        "? question",
        "'quoted'",
        "\"double\"",
        "true",
        "True",
        "null",
        "~",
        "123",
        "0123",
        "1.5",
        "1e5",
        ".inf",
        "nan",
        "inf",
        "2019-10-18",
        "2019-10",
        "1-2",
        "1--2",
        "-1-2",
        "12-",
        "0-0",
        "tab\there",
        "[flow]",
        "{flow}",
        "a, b",
        "@at",
        "`tick",
        "%pct",
        "&anchor",
        "*alias",
        "!tag",
        "|pipe",
        ">fold",
        "---",
        "...",
        "Ōsaka – “quoted” café",
        "日本語の文",
        "zero\u{200b}width",
        "bom\u{feff}here",
        "nel\u{85}here",
        "line\u{2028}sep",
        "ctrl\u{7}bell",
        "del\u{7f}",
        "C1\u{90}control",
        "emoji 😀",
        "private \u{e000} use",
    ]
}

#[test]
fn every_tricky_string_is_written_as_yaml_serde_writes_it() {
    for s in tricky_strings() {
        same_as_yaml_serde(&s);
        let mut map = BTreeMap::new();
        map.insert(s.to_string(), s.to_string());
        same_as_yaml_serde(&map);
        same_as_yaml_serde(&vec![s, s]);
    }
}

#[test]
fn nested_shapes_are_written_as_yaml_serde_writes_them() {
    let strings: Vec<String> = tricky_strings()
        .iter()
        .filter(|s| !s.contains(['\u{85}', '\u{2028}']))
        .map(|s| s.to_string())
        .collect();
    let doc = Doc {
        title: "A title (No. 5)".into(),
        list: strings.clone(),
        empty: vec![],
        items: vec![
            Item {
                name: "one".into(),
                tags: strings.clone(),
                weight: 0.32,
            },
            Item {
                name: "two: x".into(),
                tags: vec![],
                weight: 1.0,
            },
        ],
        map: strings.iter().map(|s| (s.clone(), s.clone())).collect(),
        none: BTreeMap::new(),
        count: 7,
        flag: true,
    };
    let got = to_string(&doc).expect("a shape the emitter knows");
    assert_eq!(got, yaml_serde::to_string(&doc).unwrap());
    for weight in [0.0, 0.1, 1e-7, 123456789.5, 1e300, -0.25] {
        same_as_yaml_serde(&weight);
        same_as_yaml_serde(&vec![weight]);
    }
}

#[test]
fn multi_line_strings_are_left_to_yaml_serde() {
    for s in ["two\nlines", "cr\rhere", "nel\u{85}here", "ls\u{2028}here"] {
        assert!(to_string(&vec![s]).is_none(), "{s:?}");
    }
    assert!(to_string(&vec![vec!["nested"]]).is_none());
}
