//! Which pages a change to some documents affects. Each page of the plan
//! names the documents it reads; a page is re-rendered when a changed
//! document is among them in the plan before the change or after it (so
//! a page a document joins or leaves is caught both ways). What pages show
//! beyond the documents they read is added here, conservatively: a theme's
//! recurring pledges (grouped across documents), the list of years (each
//! year page links its neighbours), and every page of a paginated list whose
//! members changed (each shows the list's length, and its items shift).
//!
//! `serve` takes the snapshot before a change from its model; `build` reads
//! the one it saved with the previous site (see `manifest`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::render::{Page, PageKind};
use crate::site::{DocId, Pledge, Site, ThemeIndex};
use crate::util::{hex, quick_digest};

/// What the affected pages are judged by, taken before and after a change.
/// What is only ever compared is kept as a digest, so a saved snapshot
/// stays small.
#[derive(Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Each planned page's output path and the documents it reads.
    reads: HashMap<String, Vec<DocId>>,
    /// Digest of each paginated list's members by slug, in list order, and
    /// what its pages show of the whole list (co-occurring themes, themes
    /// by year).
    #[serde(with = "pairs")]
    lists: BTreeMap<List, String>,
    slugs: Vec<String>,
    /// Digest, per theme, of its pledges written out with documents by slug.
    pledges: Vec<String>,
    years: Vec<i32>,
    pub has_code: bool,
}

impl Snapshot {
    pub fn of(site: &Site, plan: &[Page]) -> Snapshot {
        Snapshot {
            reads: plan
                .iter()
                .map(|p| (p.path.clone(), p.reads.clone()))
                .collect(),
            lists: list_members(site),
            slugs: site.documents.iter().map(|d| d.slug.clone()).collect(),
            pledges: pledge_digests(site),
            years: site.years.iter().map(|y| y.year).collect(),
            has_code: site.has_code(),
        }
    }

    /// Ids of the documents with these slugs.
    fn ids(&self, slugs: &BTreeSet<String>) -> BTreeSet<DocId> {
        (0..self.slugs.len())
            .filter(|&i| slugs.contains(&self.slugs[i]))
            .collect()
    }

    /// Whether the page at `path` read any of `ids`.
    fn read_any(&self, path: &str, ids: &BTreeSet<DocId>) -> bool {
        self.reads
            .get(path)
            .is_some_and(|reads| reads.iter().any(|id| ids.contains(id)))
    }

    /// Whether a page is planned at `path`.
    pub fn plans(&self, path: &str) -> bool {
        self.reads.contains_key(path)
    }

    /// The slugs of the documents in the site.
    pub fn slugs(&self) -> &[String] {
        &self.slugs
    }

    /// Output paths planned before that are no longer planned.
    pub fn vanished<'a>(&'a self, now: &'a Snapshot) -> impl Iterator<Item = &'a str> {
        self.reads
            .keys()
            .filter(|path| !now.reads.contains_key(*path))
            .map(String::as_str)
    }
}

/// The pages of `plan` (the plan of `after`) that show something of the
/// documents `changed` (by slug), or that are new. `before` is `None` when
/// the indexes were not derived again (nothing they hold changed);
/// otherwise home, which shows counts and the matrix, is redone too.
pub fn affected<'p>(
    plan: &'p [Page],
    before: Option<&Snapshot>,
    after: &Snapshot,
    changed: &BTreeSet<String>,
) -> Vec<&'p Page> {
    let reindexed = before.is_some();
    let before = before.unwrap_or(after);
    let (old_ids, new_ids) = (before.ids(changed), after.ids(changed));
    let pledges_changed: BTreeSet<usize> = (0..after.pledges.len())
        .filter(|&i| before.pledges.get(i) != after.pledges.get(i))
        .collect();
    let years_changed = before.years != after.years;
    let paths_changed = before.reads.len() != after.reads.len()
        || plan
            .iter()
            .any(|page| !before.reads.contains_key(&page.path));
    let touched = |page: &Page| {
        !before.reads.contains_key(&page.path)
            || (reindexed && page.kind == PageKind::Index)
            || (paths_changed && page.kind == PageKind::Sitemap)
            || page.reads.iter().any(|id| new_ids.contains(id))
            || before.read_any(&page.path, &old_ids)
            || shows_pledges_of(&page.kind, &pledges_changed)
            || (years_changed && links_years(&page.kind))
    };
    let touched_lists: BTreeSet<List> = before
        .lists
        .keys()
        .chain(after.lists.keys())
        .filter(|list| before.lists.get(list) != after.lists.get(list))
        .copied()
        .collect();
    plan.iter()
        .filter(|page| {
            touched(page) || list_of(&page.kind).is_some_and(|l| touched_lists.contains(&l))
        })
        .collect()
}

/// A paginated list: every page of it shows the list's length (and its
/// summary), so when one page is touched, all are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
enum List {
    Theme(usize),
    Dialogue(usize),
    Year(usize),
}

fn list_members(site: &Site) -> BTreeMap<List, String> {
    let members = |ids: &[DocId], summary: &dyn std::fmt::Debug| {
        let mut text = format!("{summary:?}");
        for &id in ids {
            text.push('\n');
            text.push_str(&site.documents[id].slug);
        }
        quick_digest(text.as_bytes())
    };
    let themes = site.themes.iter().enumerate();
    let dialogues = site.dialogues.iter().enumerate();
    let years = site.years.iter().enumerate();
    themes
        .map(|(i, t)| (List::Theme(i), members(&t.documents, &t.cooccurring)))
        .chain(dialogues.map(|(i, d)| (List::Dialogue(i), members(&d.chronology, &d.theme_shift))))
        .chain(years.map(|(i, y)| (List::Year(i), members(&y.documents, &y.themes))))
        .collect()
}

fn list_of(kind: &PageKind) -> Option<List> {
    match kind {
        PageKind::Theme { theme, .. } => Some(List::Theme(*theme)),
        PageKind::Dialogue { dialogue, .. } => Some(List::Dialogue(*dialogue)),
        PageKind::Year { year, .. } => Some(List::Year(*year)),
        _ => None,
    }
}

/// Theme pages and feeds show their theme's pledges; every briefing pack
/// has a pledge appendix drawn from the themes' pledges.
fn shows_pledges_of(kind: &PageKind, themes: &BTreeSet<usize>) -> bool {
    if themes.is_empty() {
        return false;
    }
    match kind {
        PageKind::Theme { theme, .. } | PageKind::ThemeFeed(theme) => themes.contains(theme),
        PageKind::Print
        | PageKind::PrintTheme(_)
        | PageKind::PrintDialogue(_)
        | PageKind::PrintYear(_) => true,
        _ => false,
    }
}

fn links_years(kind: &PageKind) -> bool {
    matches!(
        kind,
        PageKind::Year { .. } | PageKind::PrintYear(_) | PageKind::Print
    )
}

/// Digest, per theme, of its pledges, documents named by slug (ids shift
/// when a document's date moves it in the order). Each pledge is hashed
/// once, though most are on several themes, and a theme's digest is that
/// of its pledges' digests in order.
fn pledge_digests(site: &Site) -> Vec<String> {
    let mut pledges: Vec<&Arc<Pledge>> = site.themes.iter().flat_map(|t| &t.pledges).collect();
    pledges.sort_unstable_by_key(|p| Arc::as_ptr(p));
    pledges.dedup_by_key(|p| Arc::as_ptr(p));
    let digests: FxHashMap<usize, u128> = pledges
        .par_iter()
        .map(|p| (Arc::as_ptr(p) as usize, pledge_digest(site, p)))
        .collect();
    let theme_digest = |theme: &ThemeIndex| {
        let mut hasher = Xxh3::new();
        for pledge in &theme.pledges {
            hasher.update(&digests[&(Arc::as_ptr(pledge) as usize)].to_le_bytes());
        }
        hex(&hasher.digest128().to_le_bytes())
    };
    site.themes.iter().map(theme_digest).collect()
}

/// Digest of one pledge: its fields as raw bytes, each length-prefixed,
/// in one buffer hashed at once (writing them out with `{:?}` first was a
/// tenth of a warm build of 10,000 documents; feeding the hasher field by
/// field, most of the rest).
fn pledge_digest(site: &Site, pledge: &Pledge) -> u128 {
    let docs = &site.documents;
    let mut bytes = Vec::with_capacity(512);
    let mut add = |field: &[u8]| {
        bytes.extend_from_slice(&(field.len() as u64).to_le_bytes());
        bytes.extend_from_slice(field);
    };
    add(pledge.text(docs).as_bytes());
    add(&[pledge.kind as u8]);
    add(&pledge.themes.len().to_le_bytes());
    pledge.themes.iter().for_each(|t| add(t.as_bytes()));
    add(&pledge.occurrences.len().to_le_bytes());
    for o in &pledge.occurrences {
        add(docs.get(o.doc).map_or(&b""[..], |d| d.slug.as_bytes()));
        add(o.section(docs).as_bytes());
        add(o.text(docs).as_bytes());
        add(&[o.kind as u8]);
    }
    xxh3_128(&bytes)
}

/// A map with keys JSON cannot take as object keys, saved as a list of pairs.
mod pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Vec::<(K, V)>::deserialize(deserializer).map(|pairs| pairs.into_iter().collect())
    }
}
