//! Raw seed bytes → ingest of one document. Whatever the bytes, ingest
//! returns an error or a content file that the site stage can read back.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use briefing::content::ContentFile;
use briefing::Config;
use libfuzzer_sys::fuzz_target;

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml")).unwrap())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = briefing::ingest::ingest_bytes(config(), "seeds/fuzz.txt", data) {
        if let Err(e) = ContentFile::parse(Path::new("content/fuzz.md"), &text) {
            panic!("ingest wrote a content file it cannot read back: {e}\n{text}");
        }
    }
});
