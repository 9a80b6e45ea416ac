//! `briefing suggest`: a taxonomy proposed from the documents, written to
//! `briefing.suggested.yaml` with its evidence; `--merge` appends to
//! `briefing.yaml` what it lacks. `briefing.yaml` is never written without
//! `--merge`.

use std::path::Path;

use briefing::config::CONFIG_FILE;
use briefing::suggest::{merge, output, suggest_project, Suggestions, SUGGESTED_FILE};
use briefing::Config;

#[derive(clap::Args)]
pub struct Args {
    /// Also append to briefing.yaml every suggested entry it lacks, keeping
    /// all that it says.
    #[arg(long)]
    pub merge: bool,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let (suggestions, errors) = suggest_project(root, &config)?;
    if suggestions.documents.is_empty() {
        anyhow::bail!(
            "{} has no documents to learn from: save each document's text as seeds/<name>.txt first",
            root.display()
        );
    }
    let path = root.join(SUGGESTED_FILE);
    briefing::util::write_atomic(&path, output::render(&suggestions, &config).as_bytes())?;
    print!("{}", summary(&suggestions));
    println!("wrote {SUGGESTED_FILE}: the proposals with their evidence");
    if args.merge {
        let sections = output::sections(&suggestions, &config);
        let merged = merge::merge_file(&root.join(CONFIG_FILE), &sections)?;
        for (list, ids) in &merged.added {
            if !ids.is_empty() {
                println!("added to {CONFIG_FILE} {list}: {}", ids.join(", "));
            }
        }
        if merged.added.iter().all(|(_, ids)| ids.is_empty()) {
            println!("{CONFIG_FILE} already has every suggestion; left as it was");
        } else {
            println!("run `briefing ingest` to file the documents by it");
        }
    } else {
        println!(
            "edit it, then `briefing suggest --merge` appends what {CONFIG_FILE} lacks (or copy entries by hand)"
        );
    }
    super::fail_on_seed_errors(&errors, "the others were read")
}

fn summary(s: &Suggestions) -> String {
    let covered: std::collections::BTreeSet<usize> = s
        .themes
        .iter()
        .flat_map(|t| t.documents.iter().copied())
        .collect();
    format!(
        "{} documents: {}, covering {} of them; {}; {}; {}; {}; {}\n",
        s.documents.len(),
        super::count(s.themes.len(), "theme"),
        covered.len(),
        super::count(s.dialogues.len(), "dialogue"),
        super::count(s.organisations.len(), "organisation"),
        super::count(s.kinds.iter().filter(|k| !k.known).count(), "new kind"),
        super::count(s.chrome_lines.len(), "chrome line"),
        super::count(s.footer_markers.len(), "footer marker"),
    )
}
