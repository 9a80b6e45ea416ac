//! Which pages a change affects, judged by what each page's kind declares
//! it shows ([`PageKind::reads`](crate::render::PageKind::reads)): no rule
//! here names a kind. A page is re-rendered when it is new, when a changed
//! document is among those it reads in the plan before the change or after
//! it (so a page a document joins or leaves is caught both ways), or when
//! something else its kind reads changed: a list's members or summary, a
//! list's length, a theme's pledges, the list of years, the indexes as a
//! whole, the plan's pages.
//!
//! `serve` takes the snapshot before a change from its model; `build` reads
//! the one it saved with the previous site (see `manifest`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::render::{List, Page, Pledges, Reads};
use crate::site::{DocId, Pledge, Site, ThemeIndex};
use crate::util::{hex, quick_digest};

/// What the affected pages are judged by, taken before and after a change.
/// What is only ever compared is kept as a digest, so a saved snapshot
/// stays small.
#[derive(Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Each planned page's output path and the documents it reads.
    reads: HashMap<String, Vec<DocId>>,
    /// Digest of each list's members by slug, in list order, and what its
    /// pages show of the whole list ([`List`]).
    #[serde(with = "pairs")]
    lists: BTreeMap<List, String>,
    /// How many documents each list holds.
    #[serde(with = "pairs")]
    counts: BTreeMap<List, usize>,
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
            lists: declared(plan, |r| r.list)
                .map(|list| (list, list_digest(site, list)))
                .collect(),
            counts: declared(plan, |r| r.count)
                .map(|list| (list, members(site, list).len()))
                .collect(),
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
/// otherwise pages that read the indexes as a whole are redone too.
pub fn affected<'p>(
    plan: &'p [Page],
    before: Option<&Snapshot>,
    after: &Snapshot,
    changed: &BTreeSet<String>,
) -> Vec<&'p Page> {
    let changes = Changes::between(plan, before, after, changed);
    plan.iter().filter(|page| changes.show_in(page)).collect()
}

/// What changed between two snapshots, in the terms of [`Reads`].
pub struct Changes<'s> {
    before: &'s Snapshot,
    /// The changed documents' ids in the snapshot before and after.
    old_ids: BTreeSet<DocId>,
    new_ids: BTreeSet<DocId>,
    /// Lists whose members or summary changed.
    pub lists: BTreeSet<List>,
    /// Lists whose length changed.
    pub counts: BTreeSet<List>,
    /// Themes whose pledges changed.
    pub pledges: BTreeSet<usize>,
    /// Whether the list of years changed.
    pub years: bool,
    /// Whether the indexes were derived again.
    pub indexes: bool,
    /// Whether a page was planned or dropped.
    pub paths: bool,
}

impl<'s> Changes<'s> {
    /// The changes from `before` to `after` (the snapshot of `plan`) when
    /// the documents `changed` (by slug) changed; `before` as for [`affected`].
    pub fn between(
        plan: &[Page],
        before: Option<&'s Snapshot>,
        after: &'s Snapshot,
        changed: &BTreeSet<String>,
    ) -> Changes<'s> {
        let indexes = before.is_some();
        let before = before.unwrap_or(after);
        Changes {
            before,
            old_ids: before.ids(changed),
            new_ids: after.ids(changed),
            lists: differing(&before.lists, &after.lists),
            counts: differing(&before.counts, &after.counts),
            pledges: (0..before.pledges.len().max(after.pledges.len()))
                .filter(|&i| before.pledges.get(i) != after.pledges.get(i))
                .collect(),
            years: before.years != after.years,
            indexes,
            paths: before.reads.len() != after.reads.len()
                || plan.iter().any(|page| !before.plans(&page.path)),
        }
    }

    /// Whether `page` (of the plan after the change) is new, or shows
    /// something that changed. Every field of its kind's [`Reads`] is
    /// named: one added there is a compile error here until it is judged.
    pub fn show_in(&self, page: &Page) -> bool {
        let Reads {
            documents,
            list,
            count,
            pledges,
            years,
            indexes,
            paths,
        } = page.kind.reads();
        !self.before.plans(&page.path)
            || (documents && self.reads_changed(page))
            || list.is_some_and(|l| self.lists.contains(&l))
            || count.is_some_and(|l| self.counts.contains(&l))
            || self.pledges_of(pledges)
            || (years && self.years)
            || (indexes && self.indexes)
            || (paths && self.paths)
    }

    /// Whether the page reads a changed document, after the change or before.
    fn reads_changed(&self, page: &Page) -> bool {
        page.reads.iter().any(|id| self.new_ids.contains(id))
            || self.before.read_any(&page.path, &self.old_ids)
    }

    fn pledges_of(&self, shown: Pledges) -> bool {
        match shown {
            Pledges::None => false,
            Pledges::Theme(theme) => self.pledges.contains(&theme),
            Pledges::All => !self.pledges.is_empty(),
        }
    }
}

/// The keys of either map whose values differ.
fn differing<V: PartialEq>(a: &BTreeMap<List, V>, b: &BTreeMap<List, V>) -> BTreeSet<List> {
    let differs = |list: &&List| a.get(list) != b.get(list);
    a.keys().chain(b.keys()).filter(differs).copied().collect()
}

/// The lists the pages of `plan` declare they show (`which` of their
/// [`Reads`]): only those are followed.
fn declared(plan: &[Page], which: impl Fn(Reads) -> Option<List>) -> impl Iterator<Item = List> {
    let lists: BTreeSet<List> = plan.iter().filter_map(|p| which(p.kind.reads())).collect();
    lists.into_iter()
}

/// The documents of `list`, in list order.
fn members(site: &Site, list: List) -> std::borrow::Cow<'_, [DocId]> {
    match list {
        List::All => (0..site.documents.len()).collect::<Vec<_>>().into(),
        List::Theme(i) => site.themes[i].documents[..].into(),
        List::Dialogue(i) => site.dialogues[i].chronology[..].into(),
        List::Year(i) => site.years[i].documents[..].into(),
    }
}

/// Digest of a list's members by slug, after what its pages show of the
/// list as a whole: a theme's co-occurring themes and the years it spans,
/// a dialogue's theme shift, a year's themes.
fn list_digest(site: &Site, list: List) -> String {
    let ids = members(site, list);
    let mut text = match list {
        List::All => String::new(),
        List::Theme(i) => {
            let span = year_range(site, &ids);
            format!("{:?} {span:?}", site.themes[i].cooccurring)
        }
        List::Dialogue(i) => format!("{:?}", site.dialogues[i].theme_shift),
        List::Year(i) => format!("{:?}", site.years[i].themes),
    };
    for &id in ids.iter() {
        text.push('\n');
        text.push_str(&site.documents[id].slug);
    }
    quick_digest(text.as_bytes())
}

/// The first and last year of the dated documents among `ids`.
fn year_range(site: &Site, ids: &[DocId]) -> Option<(i32, i32)> {
    let years = ids.iter().filter_map(|&id| site.documents[id].front.date);
    years.fold(None, |range, date| {
        let (lo, hi) = range.unwrap_or((date.year, date.year));
        Some((lo.min(date.year), hi.max(date.year)))
    })
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
