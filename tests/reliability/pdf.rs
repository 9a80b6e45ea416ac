//! Damaged PDFs: every cut and many corruptions of a real one give an
//! error naming the seed, or a document; never a panic. The fuzz target
//! `pdf` tries far more; this keeps a fixed sample in `cargo test`.

use std::path::Path;

use briefing::Config;

use crate::support::FIXTURES;

/// Bytes of `pdf` cut, or overwritten, at many offsets (a fixed sample).
fn damaged(pdf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let step = (pdf.len() / 60).max(1);
    for at in (0..pdf.len()).step_by(step) {
        let mut cut = pdf[..at].to_vec();
        cut.extend_from_slice(b"\n%%EOF\n");
        out.push(cut);
        let mut flipped = pdf.to_vec();
        for b in flipped.iter_mut().skip(at).take(16) {
            *b = b.wrapping_mul(31).wrapping_add(7);
        }
        out.push(flipped);
    }
    out
}

#[test]
fn damaged_pdfs_give_an_error_naming_the_seed_or_a_document() {
    let config =
        Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml")).unwrap();
    let letter = std::fs::read(Path::new(FIXTURES).join("pdf/letter.pdf")).unwrap();
    let (mut read, mut refused) = (0, 0);
    for bytes in damaged(&letter) {
        match briefing::ingest::ingest_bytes(&config, "seeds/damaged.pdf", &bytes) {
            Ok(_) => read += 1,
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.starts_with("seeds/damaged.pdf: "), "{msg}");
                refused += 1;
            }
        }
    }
    assert!(read > 0 && refused > 0, "read {read}, refused {refused}");
}
