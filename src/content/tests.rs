//! The content file format: splitting, dates, and reading and writing front
//! matter.

use super::*;

/// Line by line, the plain way [`split_front_matter`] must agree with.
fn split_line_by_line(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or(text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            return Some((
                yaml,
                &rest[offset + line.len()..],
                2 + yaml.lines().count() + 1,
            ));
        }
        offset += line.len();
    }
    None
}

#[test]
fn front_matter_ends_at_the_first_line_of_three_dashes() {
    for text in [
        "---\n---\nbody",
        "---\ntitle: A\n---\nbody\n---\nmore",
        "---\ntitle: ---x\nx---\n----\n---  \nbody",
        "---\r\ntitle: A\r\n---\r\nbody",
        "---\ntitle: A\n---",
        "---\ntitle: A\n--- x\n",
        "---\ntitle: A\n",
        "---\n---",
    ] {
        let split = split_front_matter(Path::new("a.md"), text).ok();
        assert_eq!(split, split_line_by_line(text), "{text:?}");
    }
}

#[test]
fn partial_dates_round_trip() {
    for s in ["2025", "2025-07", "2019-10-18"] {
        assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
    }
    for s in ["2025-13", "2019-02-30", "19-10-18", "2019/10/18", ""] {
        assert!(PartialDate::parse(s).is_none(), "{s}");
    }
}

#[test]
fn year_only_sorts_before_dates_in_it() {
    let y = PartialDate::parse("2025").unwrap();
    let d = PartialDate::parse("2025-01-01").unwrap();
    assert!(y < d);
}

#[test]
fn parses_a_content_file() {
    let text = "---\ntitle: T\ndate: 2025\ndialogues: [a]\n---\n\n## One\n\nText.\n";
    let file = ContentFile::parse(Path::new("c.md"), text).unwrap();
    assert_eq!(file.front_matter.date.unwrap().to_string(), "2025");
    assert_eq!(file.body_line, 6);
    assert!(file.body.contains("## One"));
}

#[test]
fn render_then_parse_is_identity() {
    let text = "---\ntitle: T\ndate: 2019-10-18\ndate_source: stated\n---\nBody\n";
    let file = ContentFile::parse(Path::new("c.md"), text).unwrap();
    let again = ContentFile::render(&file.front_matter, &file.body);
    let file2 = ContentFile::parse(Path::new("c.md"), &again).unwrap();
    assert_eq!(file.front_matter, file2.front_matter);
    assert_eq!(file2.body, "Body\n");
}

#[test]
fn front_matter_errors_name_file_line_and_column() {
    let cases = [
        ("title: T\n", "no front matter", 1),
        ("---\ntitle: T\n", "not closed", 1),
        ("---\ntitle: T\ndate: 2019-02-30\n---\n", "invalid date", 3),
        ("---\ntitle: T\nthemes: [\n---\n", "", 4),
        (
            "---\ntitle: T\ncolour: red\n---\n",
            "unknown field `colour`",
            3,
        ),
    ];
    for (text, needle, line) in cases {
        let msg = ContentFile::parse(Path::new("c.md"), text)
            .unwrap_err()
            .to_string();
        assert!(msg.contains(needle), "{text:?}: {msg}");
        assert!(msg.starts_with(&format!("c.md:{line}:")), "{text:?}: {msg}");
    }
}

/// Front matter as serde_yaml 0.9.34 wrote it, and so as it is in existing
/// projects' content files: a quoted title, a year-only date quoted so that
/// it stays a string, a doubled quote in a key, an empty string, `1.0`.
const WRITTEN_BY_SERDE_YAML_0_9: &str = "---\ntitle: 'A: title'\ntitle_source: made-up\ndate: '2025'\ndate_source: override\ndialogues:\n- eu-japan\nkind: commentary\norganisations: []\nthemes:\n- slug: ai\n  weight: 0.32\n- slug: trade\n  weight: 1.0\nsummary: It's here.\nglossary:\n  '''Q''': quoted key\n  AI: Artificial Intelligence\nrecommendations:\n- section: ''\n  themes:\n  - ai\n  kind: commitment\n  text: We will act.\nsource:\n  file: seeds/a.txt\n  sha256: abc\ngenerated:\n  sha256: def\n  inputs: '123'\n---\n\nBody.\n";

fn written_by_serde_yaml_0_9() -> FrontMatter {
    let weight = |slug: &str, weight: f64| ThemeWeight {
        slug: slug.into(),
        weight,
    };
    FrontMatter {
        title: "A: title".into(),
        title_source: TitleSource::MadeUp,
        slug: None,
        draft: false,
        date: PartialDate::parse("2025"),
        date_source: DateSource::Override,
        dialogues: vec!["eu-japan".into()],
        kind: "commentary".into(),
        organisations: vec![],
        themes: vec![weight("ai", 0.32), weight("trade", 1.0)],
        summary: "It's here.".into(),
        glossary: [("'Q'", "quoted key"), ("AI", "Artificial Intelligence")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into(),
        recommendations: vec![Recommendation {
            section: String::new(),
            themes: vec!["ai".into()],
            kind: RecommendationKind::Commitment,
            text: "We will act.".into(),
        }],
        source: Some(Source {
            file: "seeds/a.txt".into(),
            sha256: "abc".into(),
        }),
        generated: Some(Generated {
            sha256: "def".into(),
            inputs: "123".into(),
        }),
    }
}

#[test]
fn front_matter_serde_yaml_0_9_wrote_reads_the_same_and_is_written_the_same() {
    let text = WRITTEN_BY_SERDE_YAML_0_9;
    let file = ContentFile::parse(Path::new("c.md"), text).unwrap();
    assert_eq!(file.front_matter, written_by_serde_yaml_0_9());
    assert_eq!(file.body, "\nBody.\n");
    assert_eq!(ContentFile::render(&file.front_matter, &file.body), text);
}

#[test]
fn bundled_content_files_read_as_they_were_written() {
    let read = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let (yaml, _, _) = split_front_matter(&path, &text).unwrap();
        let quick = block_yaml_read::read::<FrontMatter>(yaml).expect("the writer's own shape");
        let by_crate: FrontMatter = yaml_serde::from_str(yaml).unwrap();
        assert_eq!(quick, by_crate, "{name}");
        quick
    };
    let fm = read("joint-policy-recommendations-on-the-digital-economy-by-the-japan.md");
    assert_eq!(fm.title_source, TitleSource::Override);
    assert_eq!(fm.date, PartialDate::parse("2025"));
    assert_eq!(fm.dialogues, ["us-japan-business-councils"]);
    assert_eq!(fm.recommendations[0].section, "");
    assert_eq!(fm.recommendations[1].themes, ["data-flows"]);
    assert_eq!(fm.source.unwrap().file, "seeds/002_76599807f39b3a3b.txt");
    let fm = read("joint-letter-industry-recommendations-for-further-eu-japan.md");
    assert!(
        fm.title.starts_with("Joint letter: Industry"),
        "{}",
        fm.title
    );
    let fm = read("artificial-intelligence-and-u-s-japan-relations.md");
    assert_eq!(fm.date, PartialDate::parse("2023-11"));
    assert_eq!(fm.date_source, DateSource::Inferred);
    assert_eq!(
        (fm.themes[0].slug.as_str(), fm.themes[0].weight),
        ("ai", 0.69)
    );
    assert_eq!(fm.glossary["AI"], "artificial intelligence");
}
