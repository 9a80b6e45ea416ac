//! Ingest end to end: the bundled seeds against golden files, documents in
//! other layouts, edit safety, idempotence and bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::content::{ContentFile, FrontMatter};
use briefing::ingest::{ingest_project, Force, IngestOptions, IngestReport, Outcome};
use briefing::Config;

#[path = "ingest/pdf.rs"]
mod pdf;
#[path = "ingest/sources.rs"]
mod sources;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary project holding `briefing.yaml` and the seeds of `from`.
fn project_from(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(from.join("briefing.yaml"), dir.path().join("briefing.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for entry in std::fs::read_dir(from.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("seeds").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

fn ingest(root: &Path, force: bool) -> IngestReport {
    let config = Config::load(root).unwrap();
    ingest_project(
        root,
        &config,
        &IngestOptions {
            force: match force {
                true => Force::All,
                false => Force::None,
            },
            ..IngestOptions::default()
        },
    )
    .unwrap()
}

/// Runs `briefing --root ROOT COMMAND`, as a user would.
fn briefing(root: &Path, command: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["--root", root.to_str().unwrap(), command])
        .output()
        .unwrap()
}

fn content_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn parse(path: &Path) -> ContentFile {
    ContentFile::parse(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn by_seed(root: &Path, seed: &str) -> ContentFile {
    content_files(root)
        .iter()
        .map(|p| parse(p))
        .find(|f| {
            f.front_matter
                .source
                .as_ref()
                .is_some_and(|s| s.file.ends_with(seed))
        })
        .unwrap_or_else(|| panic!("no content file for {seed}"))
}

fn themes(fm: &FrontMatter) -> Vec<&str> {
    fm.themes.iter().map(|t| t.slug.as_str()).collect()
}

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

#[test]
fn other_layouts_other_dialogues() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);

    let a = by_seed(project.path(), "a_roman_headings.txt");
    let fm = &a.front_matter;
    assert_eq!(
        fm.title,
        "Joint Statement of the Third Canada–Japan Digital Policy Dialogue"
    );
    assert_eq!(fm.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(fm.dialogues, ["canada-japan-digital"]);
    assert_eq!(fm.kind, "joint-statement");
    assert_eq!(fm.organisations, ["MIC", "ISED"]);
    assert!(
        themes(fm).contains(&"ai") && themes(fm).contains(&"privacy"),
        "{:?}",
        themes(fm)
    );
    for heading in [
        "## I. Artificial Intelligence {#artificial-intelligence .ai}",
        "## II. Data Flows and Privacy {#data-flows-and-privacy .data-flows .privacy}",
        "### A. Cross-Border Data {#cross-border-data .data-flows}",
        "### B. Personal Data Protection {#personal-data-protection .privacy}",
    ] {
        assert!(a.body.contains(heading), "{heading}\n{}", a.body);
    }
    for chrome in [
        "Skip to",
        "Menu",
        "navigation",
        "Share this",
        "Report a problem",
        "Date modified",
    ] {
        assert!(!a.body.contains(chrome), "{chrome} left in:\n{}", a.body);
    }

    let b = by_seed(project.path(), "b_articles.txt");
    assert_eq!(
        b.front_matter.title,
        "Framework on Semiconductor Supply Chain Cooperation"
    );
    assert_eq!(b.front_matter.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(
        themes(&b.front_matter)[..2],
        ["semiconductors", "supply-chains"]
    );
    assert!(b.front_matter.dialogues.is_empty());
    assert!(
        b.body.contains("## Article 1 – Purpose {#purpose"),
        "{}",
        b.body
    );
    assert!(b.body.contains("## Article 3 {#article-3"), "{}", b.body);
    assert!(
        b.body
            .contains("\n- promote joint research on advanced chips; and\n"),
        "{}",
        b.body
    );
    let asks: Vec<&str> = b
        .front_matter
        .recommendations
        .iter()
        .map(|r| r.section.as_str())
        .collect();
    assert_eq!(asks, ["early-warning", "article-3"]);
    assert_eq!(
        b.front_matter.recommendations[1].text,
        "The Participants commit to: exchange information on investment incentives for semiconductors; \
         promote joint research on advanced chips; and review this Framework every two years."
    );

    let c = by_seed(project.path(), "c_place_dateline.txt");
    let fm = &c.front_matter;
    assert_eq!(fm.title, "EU and Canada launch their Digital Partnership");
    assert_eq!(fm.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(fm.dialogues, ["eu-canada-digital"]);
    assert!(
        c.body
            .starts_with("\nThe European Union and Canada today launched"),
        "{}",
        c.body
    );
    assert!(
        c.body
            .contains("## 2. Semiconductors {#semiconductors .semiconductors .supply-chains}"),
        "{}",
        c.body
    );
    assert!(
        !c.body.contains("Press corner") && !c.body.contains("cookies"),
        "{}",
        c.body
    );
}

#[test]
fn hand_edits_are_kept_until_forced() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    ingest(project.path(), false);
    let path = by_seed_path(project.path(), "b_articles.txt");
    let original = std::fs::read_to_string(&path).unwrap();
    let edited = original.replace("vital to their economies", "vital to both economies");
    std::fs::write(&path, &edited).unwrap();

    let report = ingest(project.path(), false);
    let doc = report.documents.iter().find(|d| d.content == path).unwrap();
    assert_eq!(doc.outcome, Outcome::KeptHandEdit);
    assert!(
        report.warnings.is_empty(),
        "an edit of an unchanged seed is no news: {:?}",
        report.warnings
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);

    let report = ingest(project.path(), true);
    let doc = report.documents.iter().find(|d| d.content == path).unwrap();
    assert_eq!(doc.outcome, Outcome::ReplacedHandEdit);
    let kept = report.backup.as_ref().expect("a copy is kept");
    let copy = kept.join("content").join(path.file_name().unwrap());
    assert_eq!(std::fs::read_to_string(copy).unwrap(), edited);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("a copy is kept in .briefing/backup/")),
        "{:?}",
        report.warnings
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

fn by_seed_path(root: &Path, seed: &str) -> PathBuf {
    content_files(root)
        .into_iter()
        .find(|p| {
            parse(p)
                .front_matter
                .source
                .is_some_and(|s| s.file.ends_with(seed))
        })
        .unwrap()
}

#[test]
fn a_second_run_changes_nothing_and_only_changed_seeds_are_ingested() {
    let project = project_from(&repo());
    ingest(project.path(), false);
    let snapshot = |root: &Path| -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        content_files(root)
            .into_iter()
            .map(|p| {
                (
                    p.clone(),
                    std::fs::read(&p).unwrap(),
                    std::fs::metadata(&p).unwrap().modified().unwrap(),
                )
            })
            .collect()
    };
    let before = snapshot(project.path());
    let report = ingest(project.path(), false);
    assert!(report
        .documents
        .iter()
        .all(|d| d.outcome == Outcome::Unchanged));
    assert_eq!(snapshot(project.path()), before);

    let seed = project.path().join("seeds/001_124cfd008041aaae.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        text.replace("around the end of 2020", "around the end of 2021"),
    )
    .unwrap();
    let report = ingest(project.path(), false);
    let written: Vec<String> = report
        .documents
        .iter()
        .filter(|d| d.outcome == Outcome::Written)
        .map(|d| d.seed.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["001_124cfd008041aaae.txt"]);
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

/// A project with one good seed and one of each kind of bad input.
fn bad_project() -> tempfile::TempDir {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let seeds = project.path().join("seeds");
    std::fs::write(seeds.join("empty.txt"), "").unwrap();
    std::fs::write(seeds.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(
        seeds.join("latin1.txt"),
        b"Caf\xe9 society and more text here.",
    )
    .unwrap();
    std::fs::write(
        seeds.join("chrome_only.txt"),
        "Skip to main content\nMenu\nSearch\n\nPrevious\nNext\nThis website uses cookies\n",
    )
    .unwrap();
    let huge = std::fs::File::create(seeds.join("huge.txt")).unwrap();
    huge.set_len(briefing::ingest::MAX_SEED_BYTES + 1).unwrap();
    project
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_ingested() {
    let project = bad_project();
    let report = ingest(project.path(), false);
    assert!(report.failed());
    let messages: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    let cases = [
        ("empty.txt", "is empty"),
        ("binary.txt", "binary file (NUL byte at byte offset 4)"),
        ("chrome_only.txt", "only site chrome"),
        ("huge.txt", "over the 20 MB limit"),
    ];
    assert_eq!(messages.len(), cases.len(), "{messages:#?}");
    for (file, needle) in cases {
        let msg = messages
            .iter()
            .find(|m| m.contains(file))
            .unwrap_or_else(|| panic!("{file}: {messages:#?}"));
        assert!(msg.contains(needle), "{msg}");
    }
    assert_eq!(report.documents.len(), 4, "the Latin-1 seed is read");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("latin1.txt: not UTF-8; read as windows-1252")),
        "{:?}",
        report.warnings
    );
    assert_eq!(content_files(project.path()).len(), 4);
}

#[test]
fn cli_prints_a_table_and_fails_on_bad_input() {
    let project = bad_project();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stdout.contains("b_articles.txt") && stdout.contains("2023-04-30 (stated)"),
        "{stdout}"
    );
    assert!(stdout.contains("canada-japan-digital"), "{stdout}");
    for file in [
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "chrome_only.txt",
        "huge.txt",
    ] {
        assert!(stderr.contains(file), "{file}: {stderr}");
    }
    std::fs::remove_dir_all(project.path().join("seeds")).unwrap();
    std::fs::create_dir(project.path().join("seeds")).unwrap();
    std::fs::write(
        project.path().join("seeds/undated.txt"),
        "An Undated Note\n\nThis note has no date anywhere in its text at all.\n",
    )
    .unwrap();
    let out = briefing(project.path(), "ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("seeds/undated.yaml: add `date: YYYY-MM-DD`")
            || stderr.contains("add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) to seeds/undated.yaml"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("undated.txt"))
        .unwrap();
    assert!(row.contains("date, organisations"), "{stdout}");
    assert!(stdout.contains("Set them in seeds/<stem>.yaml"), "{stdout}");
}

#[test]
fn a_title_made_from_the_opening_is_flagged_in_the_table_the_file_and_the_page() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    std::fs::write(
        project.path().join("seeds/untitled.txt"),
        "On 3 May 2023 the ministers of METI met to discuss data flows and the security of supply chains in detail.\n\n\
         They agreed to meet again next year to review the progress of their work on data.\n",
    )
    .unwrap();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("untitled.txt"))
        .unwrap();
    assert!(row.contains("title, date"), "{stdout}");
    let fm = by_seed(project.path(), "untitled.txt").front_matter;
    assert_eq!(fm.title_source, briefing::content::TitleSource::MadeUp);
    assert!(
        fm.title.starts_with("On 3 May 2023 the ministers"),
        "{}",
        fm.title
    );
    let titled = by_seed(project.path(), "a_roman_headings.txt").front_matter;
    assert_eq!(titled.title_source, briefing::content::TitleSource::Stated);
    let out = briefing(project.path(), "build");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let noted: Vec<PathBuf> = walkdir::WalkDir::new(project.path().join("public"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| {
            let html = std::fs::read_to_string(p).unwrap();
            html.contains("(title made from the opening of the document)")
        })
        .collect();
    assert_eq!(
        noted.len(),
        1,
        "the untitled document's page, and only it: {noted:?}"
    );
}

#[test]
fn only_a_title_used_twice_is_warned_about() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let seeds = project.path().join("seeds");
    let long = "Meeting Summary on Semiconductors and Data Free Flow with Trust, U.S.-Japan Dialogue on Digital Economy";
    let titles = [
        ("a_roman_headings", format!("{long} (No. 1)")),
        ("b_articles", format!("{long} (No. 2)")),
        ("c_place_dateline", format!("{long} (No. 1)")),
    ];
    for (seed, title) in &titles {
        std::fs::write(
            seeds.join(format!("{seed}.yaml")),
            format!("title: {title}\n"),
        )
        .unwrap();
    }
    let report = ingest(project.path(), false);

    let files = content_files(project.path());
    assert_eq!(files.len(), 3, "{files:?}");
    let duplicates: Vec<&String> = report
        .warnings
        .iter()
        .filter(|w| w.contains("another document has the title"))
        .collect();
    assert_eq!(duplicates.len(), 1, "{:?}", report.warnings);
    assert!(
        duplicates[0].starts_with("seeds/c_place_dateline.txt")
            && duplicates[0].contains("(No. 1)")
            && duplicates[0].contains("seeds/c_place_dateline.yaml"),
        "{}",
        duplicates[0]
    );
}

#[test]
fn a_series_no_dialogue_covers_is_proposed_with_its_documents() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    for (seed, title) in [
        (
            "uk1.txt",
            "Second Japan-UK Digital Partnership Council Held",
        ),
        ("uk2.txt", "Third UK–Japan Digital Partnership Council"),
    ] {
        std::fs::write(
            project.path().join("seeds").join(seed),
            format!("{title}\n\n3 May 2023\n\nThe ministers met to discuss data flows and the security of supply chains in detail.\n"),
        )
        .unwrap();
    }
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let proposals = &stdout[stdout.find("series that no dialogue").expect("proposals")..];
    assert!(
        proposals.contains("  - slug: japan-uk-digital-partnership-council\n"),
        "{proposals}"
    );
    assert!(
        proposals.contains("    # named in seeds/uk1.txt, seeds/uk2.txt\n"),
        "{proposals}"
    );
    assert!(
        !proposals.contains("Canada"),
        "a known dialogue is not proposed: {proposals}"
    );
    let fm = by_seed(project.path(), "uk1.txt").front_matter;
    assert!(
        fm.dialogues.is_empty(),
        "never filed under another pair's dialogue: {:?}",
        fm.dialogues
    );
}

#[test]
fn check_warns_of_an_alias_documents_of_two_pairs_of_parties_use() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let root = project.path();
    let config = std::fs::read_to_string(root.join("briefing.yaml")).unwrap();
    let config = config.replace(
        "aliases: [EU-Canada Digital Partnership, EU–Canada Digital Partnership]",
        "aliases: [EU-Canada Digital Partnership, Digital Partnership]",
    );
    std::fs::write(root.join("briefing.yaml"), config).unwrap();
    for (seed, pair) in [("eu.txt", "EU-Canada"), ("uk.txt", "UK-Canada")] {
        std::fs::write(
            root.join("seeds").join(seed),
            format!("{pair} Ministers Meet\n\n3 May 2023\n\nThe {pair} ministers met in Ottawa. The {pair} Digital Partnership grows, and the Digital Partnership now covers data flows.\n"),
        )
        .unwrap();
    }
    assert!(briefing(root, "build").status.success());
    let check = briefing(root, "check");
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "a warning, not a problem: {stderr}");
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning: briefing.yaml: the alias \"Digital Partnership\""))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(warning.contains("eu-canada-digital"), "{warning}");
    assert!(
        warning.contains("content/uk-canada-ministers-meet.md"),
        "{warning}"
    );
    assert!(
        warning.contains("(\"EU-Canada Digital Partnership\")"),
        "{warning}"
    );
}
