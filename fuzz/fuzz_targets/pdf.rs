//! Raw bytes as a PDF seed → ingest of one document. Whatever the bytes,
//! the PDF reader and the stages after it return an error naming the seed
//! or a content file that the site stage can read back; never a panic.
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
    match briefing::ingest::ingest_bytes(config(), "seeds/fuzz.pdf", data) {
        Ok(text) => {
            if let Err(e) = ContentFile::parse(Path::new("content/fuzz.md"), &text) {
                panic!("ingest wrote a content file it cannot read back: {e}\n{text}");
            }
        }
        Err(e) => assert!(e.to_string().contains("seeds/fuzz.pdf"), "{e}"),
    }
});
