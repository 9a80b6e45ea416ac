//! Replays `tests/fixtures/fuzz-regressions/<target>/*` through the checks
//! of the fuzz target of the same name (`fuzz/fuzz_targets/`), so every
//! input a fuzzer ever broke on stays fixed without the fuzzer.

use std::path::{Path, PathBuf};

use briefing::content::ContentFile;
use briefing::site::{ContentText, Site};
use briefing::Config;

use crate::support::*;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(FIXTURES).join("fuzz-regressions").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

fn config_text() -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join("fuzz-regressions/briefing.yaml")).unwrap()
}

#[test]
fn ingest_regressions_give_an_error_or_a_readable_content_file() {
    let config =
        Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml")).unwrap();
    for (path, bytes) in inputs("ingest") {
        match briefing::ingest::ingest_bytes(&config, "seeds/fuzz.txt", &bytes) {
            Ok(text) => {
                if let Err(e) = ContentFile::parse(Path::new("content/fuzz.md"), &text) {
                    panic!(
                        "{}: ingest wrote what it cannot read: {e}\n{text}",
                        path.display()
                    );
                }
            }
            Err(e) => assert!(
                e.to_string().contains("seeds/fuzz."),
                "{}: {e}",
                path.display()
            ),
        }
    }
}

#[test]
fn content_regressions_load_or_fail_naming_the_file() {
    let config = Config::parse(&config_text(), Path::new("briefing.yaml")).unwrap();
    for (path, bytes) in inputs("content") {
        let text = String::from_utf8(bytes).unwrap();
        let files = [ContentText::new(PathBuf::from("content/fuzz.md"), text)];
        if let Err(e) = Site::from_texts(Path::new("/nonexistent"), &config, &files) {
            assert!(
                e.to_string().contains("content/fuzz.md"),
                "{}: {e}",
                path.display()
            );
        }
    }
}

#[test]
fn site_build_regressions_build_or_fail_naming_the_file() {
    for (path, bytes) in inputs("site_build") {
        let project = tempfile::tempdir().unwrap();
        let root = project.path();
        std::fs::write(root.join("briefing.yaml"), config_text()).unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        std::fs::write(root.join("content/fuzz.md"), bytes).unwrap();
        match briefing::build::build(root, &Default::default()) {
            Ok(_) => assert!(
                root.join("public/documents/fuzz.html").is_file(),
                "{}",
                path.display()
            ),
            Err(e) => assert!(e.to_string().contains("fuzz.md"), "{}: {e}", path.display()),
        }
    }
}
