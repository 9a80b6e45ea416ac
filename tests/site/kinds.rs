//! Every page kind declares what its pages show (`PageKind::reads`), and the
//! incremental rules pick the pages to render again from those declarations
//! alone. These tests hold the declarations to what the views and templates
//! really show: after each kind of change, every page whose bytes differ
//! from the build before is one the rules picked (else an incremental
//! build would leave it stale), on a fixture that plans a page of every kind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use briefing::build::affected::{affected, Changes};
use briefing::build::{build_loaded, BuildOptions, Built};
use briefing::render::{Page, PageKind};

use crate::support::{project, snapshot};

/// A name for each kind. The match names every kind: a new one does not
/// compile until it is named here and in [`KINDS`], and the fixture plans it.
fn kind_name(kind: &PageKind) -> &'static str {
    match kind {
        PageKind::Index => "index",
        PageKind::Document(_) => "document",
        PageKind::Theme { .. } => "theme",
        PageKind::Dialogue { .. } => "dialogue",
        PageKind::Year { .. } => "year",
        PageKind::Themes => "themes",
        PageKind::Dialogues => "dialogues",
        PageKind::Years => "years",
        PageKind::Glossary => "glossary",
        PageKind::Search => "search",
        PageKind::NotFound => "not-found",
        PageKind::Feed => "feed",
        PageKind::ThemeFeed(_) => "theme-feed",
        PageKind::Sitemap => "sitemap",
        PageKind::Print => "print",
        PageKind::PrintTheme(_) => "print-theme",
        PageKind::PrintDialogue(_) => "print-dialogue",
        PageKind::PrintYear(_) => "print-year",
    }
}

const KINDS: [&str; 18] = [
    "index",
    "document",
    "theme",
    "dialogue",
    "year",
    "themes",
    "dialogues",
    "years",
    "glossary",
    "search",
    "not-found",
    "feed",
    "theme-feed",
    "sitemap",
    "print",
    "print-theme",
    "print-dialogue",
    "print-year",
];

/// The fixture with every list paginated (one document to a page, so a
/// page shows its list's length and summary without all of its documents)
/// and briefing packs that print only the newest two of their documents.
fn fixture() -> tempfile::TempDir {
    let dir = project();
    let yaml = dir.path().join("briefing.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let text = text.replace("paginate_by: 2", "paginate_by: 1");
    std::fs::write(&yaml, format!("{text}\nprint:\n  max_documents: 2\n")).unwrap();
    dir
}

/// A forced build into `root/<output>`.
fn build_into(root: &Path, output: &str) -> Built {
    let options = BuildOptions {
        output: Some(root.join(output)),
        progress: false,
        force: true,
        ..Default::default()
    };
    build_loaded(root, &options).unwrap_or_else(|e| panic!("build failed: {e}"))
}

/// Slugs of the documents added, removed or changed between two builds.
fn changed_documents(before: &Built, after: &Built) -> BTreeSet<String> {
    let digests = |b: &Built| -> BTreeMap<String, String> {
        let docs = b.site.documents.iter();
        docs.map(|d| (d.slug.clone(), d.digest.clone())).collect()
    };
    let (old, new) = (digests(before), digests(after));
    let differs = |slug: &&String| old.get(*slug) != new.get(*slug);
    old.keys()
        .chain(new.keys())
        .filter(differs)
        .cloned()
        .collect()
}

/// The planned pages of `after` whose file differs from the one `before`
/// wrote, or is new.
fn differing_pages<'a>(after: &'a Built, old: &Path, new: &Path) -> Vec<&'a Page> {
    let (old, new) = (snapshot(old), snapshot(new));
    let differs = |page: &&Page| old.get(Path::new(&page.path)) != new.get(Path::new(&page.path));
    after.pages.iter().filter(differs).collect()
}

/// A change to the project, and what it is.
type Change = (&'static str, fn(&Path));

/// What the changes of a run changed, over all of them: each input a
/// declaration may name is changed at least once, or a declaration that
/// leaves it out would pass unseen.
#[derive(Default, Debug)]
struct Exercised {
    documents: bool,
    lists: bool,
    counts: bool,
    pledges: bool,
    years: bool,
    paths: bool,
}

impl Exercised {
    fn add(&mut self, changed: &BTreeSet<String>, changes: &Changes) {
        self.documents |= !changed.is_empty();
        self.lists |= !changes.lists.is_empty();
        self.counts |= !changes.counts.is_empty();
        self.pledges |= !changes.pledges.is_empty();
        self.years |= changes.years;
        self.paths |= changes.paths;
    }

    fn all(&self) -> bool {
        let Exercised {
            documents,
            lists,
            counts,
            pledges,
            years,
            paths,
        } = *self;
        documents && lists && counts && pledges && years && paths
    }
}

/// Applies each change in turn; returns, for each, the pages it alters
/// that the incremental rules do not pick, and what the changes changed.
fn stale_pages(root: &Path, changes: &[Change]) -> (Vec<String>, Exercised) {
    let mut before = build_into(root, "out-0");
    let (mut stale, mut exercised) = (Vec::new(), Exercised::default());
    for (n, (what, change)) in changes.iter().enumerate() {
        let (old, new) = (format!("out-{n}"), format!("out-{}", n + 1));
        change(root);
        let after = build_into(root, &new);
        let changed = changed_documents(&before, &after);
        let pages = &after.pages;
        let judged = Changes::between(pages, Some(&before.snapshot), &after.snapshot, &changed);
        exercised.add(&changed, &judged);
        let picked: BTreeSet<&str> =
            affected(pages, Some(&before.snapshot), &after.snapshot, &changed)
                .into_iter()
                .map(|p| p.path.as_str())
                .collect();
        let missed: Vec<String> = differing_pages(&after, &root.join(&old), &root.join(&new))
            .into_iter()
            .filter(|p| !picked.contains(p.path.as_str()))
            .map(|p| {
                format!(
                    "{} ({:?}, which reads {:?})",
                    p.path,
                    p.kind,
                    p.kind.reads()
                )
            })
            .collect();
        if !missed.is_empty() {
            stale.push(format!("after {what}: {missed:#?}"));
        }
        before = after;
    }
    (stale, exercised)
}

fn edit(root: &Path, file: &str, change: impl FnOnce(String) -> String) {
    let path = root.join("content").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, change(text)).unwrap();
}

const NETWORKS: &str = "networks-2021.md";

/// A document that joins the `ai` and `privacy` themes, the `eu-japan`
/// dialogue and a year that has a document already, older than every other
/// dated one (so beyond the newest two a pack prints), without
/// recommendations.
const OLD_NOTE: &str = "---
title: An Early Note on AI and Privacy
date: 2019-02
date_source: stated
dialogues: [eu-japan]
kind: other
themes: [{slug: ai, weight: 0.5}, {slug: privacy, weight: 0.5}]
summary: An early note.
---

## Early note {#early .ai}

Both sides discussed AI and privacy early on.
";

#[test]
fn the_fixture_plans_a_page_of_every_kind_as_its_kind_declares() {
    let dir = fixture();
    let built = build_into(dir.path(), "public");
    let planned: BTreeSet<&str> = built.pages.iter().map(|p| kind_name(&p.kind)).collect();
    let missing: Vec<&&str> = KINDS.iter().filter(|k| !planned.contains(**k)).collect();
    assert!(missing.is_empty(), "no page of {missing:?} in the fixture");
    for page in &built.pages {
        let reads = page.kind.reads();
        let unread = !reads.documents && !page.reads.is_empty();
        assert!(
            !unread,
            "{} lists documents its kind does not read",
            page.path
        );
        assert_eq!(page.template, page.kind.template(), "{}", page.path);
    }
}

#[test]
fn every_page_a_change_alters_is_one_the_incremental_rules_pick() {
    let dir = fixture();
    let changes: [Change; 14] = [
        ("a body edit", |root| {
            edit(root, NETWORKS, |t| {
                t.replace(
                    "The participants welcomed",
                    "The participants warmly welcomed",
                )
            })
        }),
        ("a title edit", |root| {
            edit(root, NETWORKS, |t| {
                t.replace("on Secure Networks", "on Safe Networks")
            })
        }),
        ("a recommendation reworded", |root| {
            edit(root, NETWORKS, |t| {
                t.replace(
                    "promote the Global CBPR Forum.\"",
                    "promote the Global CBPR Forum widely.\"",
                )
            })
        }),
        ("the wording of a recurring pledge's newest place", |root| {
            edit(root, "ai-letter-2024.md", |t| {
                t.replace(
                    "to promote the Global CBPR Forum.\"",
                    "to promote the Global CBPR Forum now.\"",
                )
            })
        }),
        ("a theme changed", |root| {
            edit(root, NETWORKS, |t| {
                t.replace(
                    "{slug: privacy, weight: 0.4}",
                    "{slug: data-flows, weight: 0.4}",
                )
            })
        }),
        ("an old document added", |root| {
            edit(root, "early-note.md", |_| OLD_NOTE.into())
        }),
        ("the themes of one of a year's documents", |root| {
            edit(root, "early-note.md", |t| {
                t.replace("{slug: privacy,", "{slug: telecom,")
            })
        }),
        ("its date moved to an older year", |root| {
            edit(root, "early-note.md", |t| {
                t.replace("date: 2019-02", "date: 2018-02")
            })
        }),
        ("a dialogue changed", |root| {
            edit(root, "early-note.md", |t| {
                t.replace("[eu-japan]", "[us-japan]")
            })
        }),
        (
            "an undated document dated, older than the six home lists",
            |root| {
                edit(root, "open-ran-note.md", |t| {
                    t.replace("date_source: unknown", "date: 2010-05\ndate_source: stated")
                })
            },
        ),
        ("a date moved to a new year", |root| {
            edit(root, NETWORKS, |t| {
                t.replace("date: 2021-11", "date: 2025-01")
            })
        }),
        ("a date removed", |root| {
            edit(root, NETWORKS, |t| t.replace("date: 2025-01\n", ""))
        }),
        ("a document removed", |root| {
            std::fs::remove_file(root.join("content/early-note.md")).unwrap()
        }),
        (
            "a recommendation added beyond the pledges a theme page lists",
            |root| {
                edit(root, "tenth-dialogue.md", |t| {
                    let made = "  - {section: outcomes, themes: [ai], kind: recommendation, \
                            text: \"Regulators should publish AI audit results.\"}\n";
                    t.replacen(
                        "recommendations:\n",
                        &format!("recommendations:\n{made}"),
                        1,
                    )
                })
            },
        ),
    ];
    let (stale, exercised) = stale_pages(dir.path(), &changes);
    assert!(
        stale.is_empty(),
        "pages that show a change their kind's declaration does not read:\n{}",
        stale.join("\n")
    );
    assert!(
        exercised.all(),
        "the changes leave an input every kind may read unchanged: {exercised:?}"
    );
}
