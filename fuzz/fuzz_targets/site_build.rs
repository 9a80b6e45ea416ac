//! One content file → the whole build (load, render every page, swap into
//! public/). Bad input is an error naming the file; a site is always whole.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CONFIG: &str = include_str!("../../tests/fixtures/fuzz-regressions/briefing.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("briefing.yaml"), CONFIG).unwrap();
    std::fs::create_dir(root.join("content")).unwrap();
    std::fs::write(root.join("content/fuzz.md"), text).unwrap();
    match briefing::build::build(root, &Default::default()) {
        Ok(_) => assert!(root.join("public/documents").is_dir() || root.join("public/index.html").is_file()),
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("fuzz.md"), "the error names the file: {msg}");
        }
    }
});
