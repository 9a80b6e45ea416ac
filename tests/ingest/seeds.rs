//! The bundled seeds: golden files, the facts each must yield, no sentence
//! lost, and bundled content read back as written.

use super::*;

#[test]
fn seeds_match_golden_files() {
    let project = project_from(&repo());
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let expected_dir = repo().join("tests/fixtures/ingest/expected");
    let bless = std::env::var_os("BRIEFING_BLESS").is_some();
    if bless {
        let _ = std::fs::remove_dir_all(&expected_dir);
        std::fs::create_dir_all(&expected_dir).unwrap();
    }
    let produced = content_files(project.path());
    assert_eq!(produced.len(), 5);
    for path in &produced {
        let name = path.file_name().unwrap();
        let got = std::fs::read_to_string(path).unwrap();
        if bless {
            std::fs::write(expected_dir.join(name), &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(expected_dir.join(name))
            .unwrap_or_else(|_| panic!("no golden file for {name:?}: run with BRIEFING_BLESS=1"));
        assert!(
            got == want,
            "{name:?} differs from its golden file; review and run with BRIEFING_BLESS=1"
        );
    }
}

#[test]
fn seeds_get_the_right_title_date_dialogue_and_themes() {
    let project = project_from(&repo());
    ingest(project.path(), false);
    let cases = [
        ("000_000c3cbcac94fb9a.txt", "Joint Statement 2024 from US-Japan Digital Economy Private Working Group", "2024-02-06", "stated", "us-japan-digital-economy", "ai"),
        ("001_124cfd008041aaae.txt", "Tenth U.S.-Japan Policy Cooperation Dialogue on the Internet Economy Held", "2019-10-18", "stated", "us-japan-digital-economy", "telecom"),
        ("002_76599807f39b3a3b.txt", "Joint Policy Recommendations on the Digital Economy by the Japan-U.S. Business Council and the U.S.-Japan Business Council", "2025", "override", "us-japan-business-councils", "ai"),
        ("003_4286cd13c5110f0e.txt", "Artificial Intelligence and U.S.-Japan Relations", "2023-11", "inferred", "us-japan-science-technology", "ai"),
        ("004_3c93a3b70b66d52e.txt", "Joint letter: Industry Recommendations for further EU-Japan Digital Cooperation toward the forthcoming EU-Japan Summit", "2022-03-01", "stated", "eu-japan-digital-partnership", "green"),
    ];
    let issuers = by_seed(project.path(), "000_000c3cbcac94fb9a.txt")
        .front_matter
        .organisations;
    assert_eq!(
        issuers,
        ["ACCJ", "Keidanren"],
        "the Private Working Group's members"
    );
    for (seed, title, date, source, dialogue, theme) in cases {
        let fm = by_seed(project.path(), seed).front_matter;
        assert_eq!(fm.title, title, "{seed}");
        assert_eq!(fm.date.unwrap().to_string(), date, "{seed}");
        assert_eq!(
            yaml_serde::to_string(&fm.date_source).unwrap().trim(),
            source,
            "{seed}"
        );
        assert_eq!(
            fm.dialogues.first().map(String::as_str),
            Some(dialogue),
            "{seed}"
        );
        assert!(
            themes(&fm)[..3].contains(&theme),
            "{seed}: {:?}",
            themes(&fm)
        );
    }
}

/// Lower-case words, with the OCR slips `Al`, `Ai` and "All" read as one word.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        out.push_str(if matches!(lower.as_str(), "al" | "ai" | "all") {
            "ai"
        } else {
            &lower
        });
        out.push(' ');
    }
    out
}

/// Pieces of `line` that end in `.`, `?` or `!` before a space or the end.
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if matches!(c, '.' | '?' | '!') && next.is_none_or(char::is_whitespace) {
            out.push(&line[start..i + 1]);
            start = i + 1;
        }
    }
    out
}

/// The body without `{#id .class}` after headings, which are not the seed's words.
fn without_heading_attributes(body: &str) -> String {
    body.lines()
        .map(|line| match (line.starts_with('#'), line.rfind(" {#")) {
            (true, Some(at)) if line.ends_with('}') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_sentence_of_a_seed_is_lost() {
    let project = project_from(&repo());
    ingest(project.path(), false);
    for entry in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let seed = entry.unwrap().path();
        if seed.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let name = seed.file_name().unwrap().to_string_lossy().into_owned();
        let file = by_seed(project.path(), &name);
        let body = without_heading_attributes(&file.body);
        let markdown = words(&format!("{} {}", file.front_matter.title, body));
        let raw = std::fs::read_to_string(&seed).unwrap();
        let mut checked = 0;
        for line in raw.lines().filter(|l| !l.contains("cookies")) {
            for sentence in sentences(line) {
                let sentence = words(sentence);
                if sentence.split_whitespace().count() >= 5 {
                    assert!(markdown.contains(&sentence), "{name}: lost {sentence:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "{name}: only {checked} sentences checked");
    }
}

/// The bundled `content/` is ingest's output for the bundled seeds as
/// projects already hold it: ingest takes every file as its own and up to
/// date (none looks edited by hand), and, forced, writes the same bytes.
#[test]
fn bundled_content_is_taken_as_ingest_wrote_it_and_written_again_the_same() {
    let project = project_from(&repo());
    std::fs::create_dir(project.path().join("content")).unwrap();
    let texts = |root: &Path| -> Vec<(PathBuf, String)> {
        let read = |p: PathBuf| {
            (
                p.file_name().unwrap().into(),
                std::fs::read_to_string(&p).unwrap(),
            )
        };
        content_files(root).into_iter().map(read).collect()
    };
    for (name, text) in texts(&repo()) {
        std::fs::write(project.path().join("content").join(name), text).unwrap();
    }
    for force in [false, true] {
        let report = ingest(project.path(), force);
        let outcomes: Vec<Outcome> = report.documents.iter().map(|d| d.outcome).collect();
        assert_eq!(outcomes, [Outcome::Unchanged; 5], "forced: {force}");
        assert!(report.backup.is_none(), "no file was taken for a hand edit");
    }
    assert!(
        texts(project.path()) == texts(&repo()),
        "other bytes written"
    );
}
