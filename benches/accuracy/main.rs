//! Ingest accuracy on the labelled corpus: `cargo bench --bench accuracy`.
//!
//! Every page of `eval/corpus/` (a capture `<id>.txt` and its labels
//! `<id>.yaml`, labelled by reading: `eval/README.md`) is ingested as a
//! seed of one project with the bundled `briefing.yaml`, as a user's corpus
//! would be (chrome is learned across it), and each field is scored
//! against its label. The
//! figures are printed for the pages kept for tuning, for the held-out
//! pages (looked at only to check), and for all. `BRIEFING_ACCURACY_LIST=1`
//! also lists every miss of the tuning pages; the held-out ones are never
//! listed. `BRIEFING_ACCURACY_CORPUS` points at another corpus folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use briefing::content::ContentFile;
use briefing::Config;

mod corpus;
#[path = "../common/same_text.rs"]
mod same_text;
mod score;
mod tally;

use corpus::{Label, Made, Page};
use score::score;
use tally::{misses, report, Scores};

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("BRIEFING_ACCURACY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("eval/corpus"));
    let config = Config::load(&repo).expect("the bundled briefing.yaml");
    let pages = read_corpus(&corpus);
    let list = std::env::var_os("BRIEFING_ACCURACY_LIST").is_some();
    let mut by_split: BTreeMap<&str, Scores> = BTreeMap::new();
    let mut made_all = ingest_all(&repo, &config, &pages);
    for page in &pages {
        let made = made_all.remove(&page.id);
        let split = match page.label.split.as_deref() {
            Some("holdout") => "holdout",
            _ => "tune",
        };
        for key in [split, "all"] {
            score(
                by_split.entry(key).or_default(),
                page,
                made.as_ref(),
                &config,
            );
        }
    }
    println!(
        "ingest accuracy on {} ({} pages)\n",
        corpus.display(),
        pages.len()
    );
    for split in ["tune", "holdout", "all"] {
        if let Some(scores) = by_split.get(split) {
            print!("{}", report(split, scores));
        }
    }
    if list {
        if let Some(scores) = by_split.get("tune") {
            print!("{}", misses(scores));
        }
    }
}

fn read_corpus(dir: &Path) -> Vec<Page> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            (path.extension()? == "yaml").then_some(stem)
        })
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| {
            let labels = dir.join(format!("{id}.yaml"));
            let text = std::fs::read_to_string(dir.join(format!("{id}.txt")))
                .unwrap_or_else(|e| panic!("{id}.txt: {e}"));
            let yaml = std::fs::read_to_string(&labels).unwrap();
            let label: Label =
                yaml_serde::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", labels.display()));
            Page { id, text, label }
        })
        .collect()
}

/// Every page through ingest, as the seeds of one project, by id; a page
/// ingest refused is missing.
fn ingest_all(repo: &Path, config: &Config, pages: &[Page]) -> BTreeMap<String, Made> {
    let project = tempfile::tempdir().expect("a temporary project");
    let root = project.path();
    std::fs::copy(repo.join("briefing.yaml"), root.join("briefing.yaml")).unwrap();
    std::fs::create_dir(root.join("seeds")).unwrap();
    for page in pages {
        std::fs::write(root.join(format!("seeds/{}.txt", page.id)), &page.text).unwrap();
    }
    let report = briefing::ingest::ingest_project(root, config, &Default::default())
        .expect("the corpus ingests");
    let proposed = |seed: &Path| -> Vec<String> {
        let name = format!("seeds/{}", seed.file_name().unwrap().to_string_lossy());
        let of_seed = report.new_series.iter().filter(|p| p.seeds.contains(&name));
        of_seed
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases).cloned())
            .collect()
    };
    report
        .documents
        .iter()
        .filter_map(|doc| {
            let id = doc.seed.file_stem()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&doc.content).ok()?;
            let mut made = made(&doc.content, &text)?;
            made.new_series = proposed(&doc.seed);
            Some((id, made))
        })
        .collect()
}

fn made(path: &Path, text: &str) -> Option<Made> {
    let file = ContentFile::parse(path, text).ok()?;
    let fm = file.front_matter;
    Some(Made {
        title: fm.title,
        date: fm.date.map(|d| d.to_string()),
        stated: fm.date_source == briefing::content::DateSource::Stated,
        dialogues: fm.dialogues,
        organisations: fm.organisations,
        kind: fm.kind,
        themes: fm.themes.into_iter().map(|t| t.slug).collect(),
        body: file.body,
        recommendations: fm.recommendations.into_iter().map(|r| r.text).collect(),
        new_series: Vec::new(),
    })
}
