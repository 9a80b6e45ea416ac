//! A content file's bytes → front matter + markdown → the site model of one
//! document. Bad input is an error naming the file, never a panic or hang.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use briefing::site::{ContentText, Site};
use briefing::Config;
use libfuzzer_sys::fuzz_target;

const CONFIG: &str = include_str!("../../tests/fixtures/fuzz-regressions/briefing.yaml");

fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| Config::parse(CONFIG, Path::new("briefing.yaml")).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = PathBuf::from("content/fuzz.md");
    let files = [ContentText::new(path.clone(), text.to_string())];
    if let Err(e) = Site::from_texts(Path::new("/nonexistent"), config(), &files) {
        let msg = e.to_string();
        assert!(msg.contains("content/fuzz.md"), "the error names the file: {msg}");
    }
});
