//! PDFs: text against PDFBox's expected output and the py-pdf benchmark's
//! ground truth, metadata dates against the py-pdf sample files, and the
//! time to read a 20-page PDF.

use std::path::Path;
use std::time::Instant;

use briefing::content::ContentFile;
use briefing::ingest::{ingest_bytes, read_source};
use briefing::Config;

use super::{listing, mean, median, read_json, similarity};

/// The py-pdf benchmark's published scores on GeoTopo (its `README.md`,
/// "Text Extraction Quality", the GeoTopo column).
const PUBLISHED_GEOTOPO: &[(&str, f64)] = &[
    ("Tika 2.6.0", 0.98),
    ("pypdfium2 4.18.0", 0.97),
    ("PyMuPDF 1.23.1", 0.96),
    ("pypdf 3.15.4", 0.93),
    ("pdftotext 0.86.1", 0.93),
    ("pdfplumber 0.10.2", 0.84),
    ("pdfminer.six 20221105", 0.79),
    ("Borb 2.1.16", 0.79),
];

pub fn run(eval: Option<&Path>) {
    if let Some(eval) = eval {
        pdfbox(&eval.join("pdf/pdfbox"));
        geotopo(&eval.join("pdf"));
        sample_files(&eval.join("pdf/sample-files"));
    }
    timing();
}

/// The text of a PDF as the reader gives it, or why not.
fn text_of(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = Path::new("seeds").join(path.file_name().unwrap_or_default());
    read_source(&name, &bytes)
        .map(|seed| seed.text)
        .map_err(|e| e.to_string())
}

fn pdfbox(dir: &Path) {
    let manifest = read_json(&dir.join("manifest.json"));
    let mut scores = Vec::new();
    let mut failed = Vec::new();
    let mut cases: Vec<(&String, &serde_json::Value)> =
        manifest.as_object().into_iter().flatten().collect();
    cases.sort_by_key(|(name, _)| *name);
    for (name, entry) in cases {
        let file = |key: &str| dir.join("..").join(entry[key].as_str().unwrap_or_default());
        let expected = std::fs::read_to_string(file("expected")).unwrap_or_default();
        let score = match text_of(&file("pdf")) {
            Ok(text) => similarity(&text, &expected),
            Err(e) => {
                failed.push(format!("{name}: {e}"));
                0.0
            }
        };
        if listing() {
            println!("  {score:.3}  {name}");
        }
        scores.push(score);
    }
    println!(
        "PDF text, PDFBox's expected output ({} files): similarity median {:.3}, mean {:.3}; \
         {} not read{}",
        scores.len(),
        median(&scores),
        mean(&scores),
        failed.len(),
        failed
            .iter()
            .map(|f| format!("\n  {f}"))
            .collect::<String>()
    );
}

fn geotopo(dir: &Path) {
    let manifest = read_json(&dir.join("py-pdf-benchmarks/manifest.json"));
    let mut scores = Vec::new();
    for (name, entry) in manifest.as_object().into_iter().flatten() {
        let Some(pdf) = entry["pdf"].as_str() else {
            continue;
        };
        let truth = entry["ground_truth"].as_str().unwrap_or_default();
        let expected = std::fs::read_to_string(dir.join(truth)).unwrap_or_default();
        let score = text_of(&dir.join(pdf)).map_or(0.0, |t| similarity(&t, &expected));
        println!("PDF text, py-pdf benchmark ground truth, {name}: similarity {score:.3}");
        scores.push(score);
    }
    let published: Vec<String> = PUBLISHED_GEOTOPO
        .iter()
        .map(|(tool, score)| format!("{tool} {score:.2}"))
        .collect();
    println!(
        "  median {:.3} over {} document(s); published there: {}",
        median(&scores),
        scores.len(),
        published.join(", ")
    );
}

/// Dates against `files.json`'s creation dates; titles by where they came
/// from (the set has no gold title).
fn sample_files(dir: &Path) {
    let config = Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml"))
        .expect("the default briefing.yaml");
    let files = read_json(&dir.join("files.json"));
    let (mut dated, mut meta_exact, mut doc_exact, mut read, mut unread) = (0, 0, 0, 0, 0);
    let (mut from_pdf, mut from_text, mut not_ingested) = (0, 0, 0);
    for entry in files["data"].as_array().into_iter().flatten() {
        let path = dir.join(entry["path"].as_str().unwrap_or_default());
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = format!("seeds/{}", path.file_name().unwrap().to_string_lossy());
        let Ok(seed) = read_source(Path::new(&name), &bytes) else {
            unread += 1;
            continue;
        };
        read += 1;
        let doc = ingest_bytes(&config, &name, &bytes)
            .ok()
            .and_then(|text| ContentFile::parse(Path::new(&name), &text).ok());
        let title = doc.as_ref().map(|d| d.front_matter.title.clone());
        match &title {
            Some(t) if seed.meta.titles.contains(t) => from_pdf += 1,
            Some(_) => from_text += 1,
            None => not_ingested += 1,
        }
        let gold = entry["creation_date"].as_str().map(|d| d[..10].to_string());
        let ours = doc.and_then(|d| d.front_matter.date.map(|d| d.to_string()));
        if listing() {
            println!(
                "  {name}: title {title:?}; date {ours:?}, metadata {:?}, gold {gold:?}",
                seed.meta.file_date
            );
        }
        if let Some(gold) = gold {
            dated += 1;
            let meta_date = seed.meta.file_date.map(|d| d.to_string());
            meta_exact += usize::from(meta_date.as_deref() == Some(gold.as_str()));
            doc_exact += usize::from(ours.as_deref() == Some(gold.as_str()));
        }
    }
    println!(
        "PDF metadata, py-pdf sample files: {read} read, {unread} refused (encrypted, scans); \
         creation date read from the metadata {meta_exact}/{dated} to the day, the document's \
         date equal to it {doc_exact}/{dated} (a dateline in the text wins); titles (no gold; \
         BRIEFING_SOURCES_LIST=1 lists them): {from_pdf} from the metadata or the first \
         page's largest text, {from_text} from the text, {not_ingested} read but too short \
         to be a document"
    );
}

/// The time to read a 20-page PDF, on one core (the reader is single-threaded).
fn timing() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/report-20-pages.pdf");
    let bytes = std::fs::read(&path).expect("the 20-page fixture");
    let name = Path::new("seeds/report-20-pages.pdf");
    let mut times = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let seed = read_source(name, &bytes).expect("the 20-page fixture reads");
        std::hint::black_box(seed.text);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "PDF read, 20 pages ({} KB, tests/fixtures/pdf/report-20-pages.pdf): median {:.1} ms, \
         best {:.1} ms over {} runs",
        bytes.len() / 1024,
        median(&times),
        times.iter().copied().fold(f64::INFINITY, f64::min),
        times.len()
    );
}
