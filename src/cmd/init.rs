//! `briefing init DIR`: a new project from the built-in defaults.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use briefing::config::{CONFIG_FILE, DEFAULT_CONFIG};
use briefing::render::assets::{STATIC_DIR, STATIC_FILES, TEMPLATES, TEMPLATE_DIR};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to create (or fill, if it holds no briefing.yaml yet).
    dir: PathBuf,
    /// Also write the default templates/ and static/ files, to edit them.
    #[arg(long)]
    templates: bool,
}

/// A first content file, so `briefing build` shows a page at once.
const EXAMPLE: &str = r#"---
title: Welcome to your briefing
date: 2025-01-15
date_source: override
dialogues: [us-japan-digital-economy]
kind: other
themes: [{slug: ai, weight: 0.6}, {slug: data-flows, weight: 0.4}]
summary: An example document. Put raw documents in seeds/ and run `briefing build`, or write content files like this one by hand.
glossary: {DFFT: Data Free Flow with Trust}
---

## How it works {#how-it-works .data-flows}

Put captured documents (plain text) in `seeds/`. `briefing build` turns each into an annotated file in `content/` and renders the site into `public/`. DFFT, like every acronym in a document's glossary, links to the glossary page.

## Themes {#themes .ai}

Themes, dialogues and document kinds are defined in `briefing.yaml`; edit it for your corpus.
"#;

pub fn execute(_root: &Path, args: Args) -> anyhow::Result<()> {
    let dir = &args.dir;
    if dir.join(CONFIG_FILE).exists() {
        bail!(
            "{} already holds a {CONFIG_FILE}: not overwriting an existing project",
            dir.display()
        );
    }
    write(&dir.join(CONFIG_FILE), DEFAULT_CONFIG.as_bytes())?;
    for sub in ["seeds", "content"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
    }
    write(&dir.join("content/welcome.md"), EXAMPLE.as_bytes())?;
    write(
        &dir.join(".gitignore"),
        b"/public\n/public.*\n/.public.lock\n/.public.build.json\n",
    )?;
    if args.templates {
        for (name, text) in TEMPLATES {
            write(&dir.join(TEMPLATE_DIR).join(name), text.as_bytes())?;
        }
        for (name, bytes) in STATIC_FILES {
            write(&dir.join(STATIC_DIR).join(name), bytes)?;
        }
    }
    println!(
        "created a briefing project in {}; next: briefing --root {} build",
        dir.display(),
        dir.display()
    );
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.exists() {
        bail!("{} exists: not overwriting it", path.display());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
