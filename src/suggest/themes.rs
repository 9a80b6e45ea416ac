//! Themes from the recurring phrases ([`phrases`](super::phrases)): the
//! phrases are ranked by how well they tell documents apart, and each
//! joins the theme of a phrase it contains or is contained in ("green
//! hydrogen", "hydrogen") or whose documents it mostly shares; the others
//! start themes of their own. Documents left without a theme then pull in
//! their best phrase, so that accepting the themes leaves few untagged.
//!
//! The rank is TF-IDF's document half: a phrase in `df` of `n` documents
//! scores `df · ln(n / df)`, highest for a phrase in a good share of the
//! corpus but not all of it, and a phrase of several words half as much
//! again, as it is more specific. A phrase in more than
//! [`MAX_SHARE`] of the documents is what the whole corpus is about
//! ("energy", "climate"), and tells no document from another. A theme
//! keeps no keyword that holds another of its keywords: the shorter finds
//! every document the longer does.

use std::collections::{BTreeMap, BTreeSet};

use super::phrases::Phrase;
use super::Acronyms;

/// The largest share of documents a keyword may occur in.
const MAX_SHARE: f64 = 0.45;
/// The most themes proposed, and keywords per theme.
const MAX_THEMES: usize = 12;
const MAX_KEYWORDS: usize = 8;
/// The fewest documents a one-word keyword occurs in: one word alone
/// means many things, and must prove itself more.
const MIN_WORD_DOCUMENTS: usize = 3;
/// Two phrases whose documents overlap this much (Jaccard) are one theme.
const SAME_DOCUMENTS: f64 = 0.6;

/// A proposed theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub keywords: Vec<String>,
    /// Per keyword, how many documents it occurs in.
    pub keyword_documents: Vec<usize>,
    /// The documents (by index) at least one keyword occurs in.
    pub documents: BTreeSet<usize>,
    /// Keywords left out, or to check, because they mean two things.
    pub notes: Vec<String>,
}

/// Themes for `n` documents from their recurring phrases, with the
/// acronyms the corpus defines (an acronym of a keyword joins its theme
/// unless it stands for two things).
pub fn themes(phrases: &[Phrase], n: usize, acronyms: &Acronyms) -> Vec<Theme> {
    let mut ranked: Vec<&Phrase> = phrases
        .iter()
        .filter(|p| p.documents.len() <= max_documents(n))
        .filter(|p| p.words > 1 || p.documents.len() >= MIN_WORD_DOCUMENTS)
        .collect();
    ranked.sort_by(|a, b| {
        score(b, n)
            .total_cmp(&score(a, n))
            .then(a.text.cmp(&b.text))
    });
    let mut groups: Vec<Vec<&Phrase>> = Vec::new();
    for phrase in &ranked {
        if inside_a_theme(phrase, &groups) {
            continue;
        }
        match groups.iter().position(|g| belongs(phrase, g)) {
            Some(i) if groups[i].len() < MAX_KEYWORDS => groups[i].push(phrase),
            Some(_) => {}
            None if groups.len() < MAX_THEMES => groups.push(vec![phrase]),
            None => {}
        }
    }
    cover_the_rest(&mut groups, &ranked, n);
    groups.into_iter().map(|g| theme(&g, acronyms)).collect()
}

/// The most documents of `n` a keyword may occur in: [`MAX_SHARE`] of
/// them, and in a small corpus two, but never all.
fn max_documents(n: usize) -> usize {
    ((MAX_SHARE * n as f64) as usize)
        .max(2)
        .min(n.saturating_sub(1))
}

fn score(p: &Phrase, n: usize) -> f64 {
    let df = p.documents.len() as f64;
    let specific = if p.words > 1 { 1.5 } else { 1.0 };
    df * (n as f64 / df).ln().max(0.1) * specific
}

/// Whether `phrase` joins the theme `group` leads: it contains the
/// theme's first phrase as words (it is more specific), or is contained in
/// it without being much broader ("hydrogen" of "green hydrogen", not
/// "security" of "energy security"), or shares most of its documents.
fn belongs(phrase: &Phrase, group: &[&Phrase]) -> bool {
    let head = group[0];
    let not_much_broader =
        phrase.words > 1 || phrase.documents.len() * 2 <= head.documents.len() * 3;
    contains_words(&phrase.text, &head.text)
        || (contains_words(&head.text, &phrase.text) && not_much_broader)
        || jaccard(&phrase.document_set(), &head.document_set()) >= SAME_DOCUMENTS
}

/// Whether `phrase` is a part of a keyword of a theme already and finds no
/// document the themes do not: it would add nothing.
fn inside_a_theme(phrase: &Phrase, groups: &[Vec<&Phrase>]) -> bool {
    let part = groups
        .iter()
        .flatten()
        .any(|p| contains_words(&p.text, &phrase.text));
    part && phrase
        .documents
        .keys()
        .all(|d| groups.iter().flatten().any(|p| p.documents.contains_key(d)))
}

fn contains_words(longer: &str, shorter: &str) -> bool {
    format!(" {longer} ").contains(&format!(" {shorter} "))
}

fn jaccard(a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> f64 {
    let union = a.union(b).count();
    match union {
        0 => 0.0,
        u => a.intersection(b).count() as f64 / u as f64,
    }
}

/// Each document no theme covers adds its best-ranked phrase to the theme
/// whose documents it shares most, or to a theme of its own.
fn cover_the_rest<'a>(groups: &mut Vec<Vec<&'a Phrase>>, ranked: &[&'a Phrase], n: usize) {
    for doc in 0..n {
        let covered = |groups: &Vec<Vec<&Phrase>>| {
            groups
                .iter()
                .flatten()
                .any(|p| p.documents.contains_key(&doc))
        };
        if covered(groups) {
            continue;
        }
        let Some(best) = ranked.iter().find(|p| p.documents.contains_key(&doc)) else {
            continue;
        };
        let docs = best.document_set();
        let home = groups
            .iter_mut()
            .map(|g| {
                let theirs: BTreeSet<usize> = g.iter().flat_map(|p| p.document_set()).collect();
                (theirs.intersection(&docs).count(), g)
            })
            .filter(|(shared, _)| *shared > 0)
            .max_by_key(|(shared, _)| *shared);
        match home {
            Some((_, group)) => group.push(best),
            None => groups.push(vec![best]),
        }
    }
}

fn theme(group: &[&Phrase], acronyms: &Acronyms) -> Theme {
    let documents: BTreeSet<usize> = group.iter().flat_map(|p| p.document_set()).collect();
    // A keyword that holds another of the theme ("strengthening energy
    // security", "energy security") finds nothing that one does not.
    let kept: Vec<&Phrase> = group
        .iter()
        .filter(|p| !(group.iter()).any(|q| q.text != p.text && contains_words(&p.text, &q.text)))
        .copied()
        .collect();
    let mut keywords: Vec<String> = kept.iter().map(|p| p.text.clone()).collect();
    let mut keyword_documents: Vec<usize> = kept.iter().map(|p| p.documents.len()).collect();
    let mut notes = Vec::new();
    for (short, longs) in acronyms {
        let of_keyword = longs.keys().any(|long| {
            let long = long.to_lowercase();
            keywords.iter().any(|k| contains_words(&long, k))
        });
        if !of_keyword {
            continue;
        }
        match longs.len() {
            1 => {
                keywords.push(short.clone());
                keyword_documents.push(longs.values().map(BTreeSet::len).sum());
            }
            _ => notes.push(collision(short, longs)),
        }
    }
    Theme {
        name: capitalised(&kept[0].text),
        keywords,
        keyword_documents,
        documents,
        notes,
    }
}

/// A note on an acronym that the documents define two ways.
fn collision(short: &str, longs: &BTreeMap<String, BTreeSet<String>>) -> String {
    let meanings: Vec<String> = longs
        .iter()
        .map(|(long, seeds)| {
            let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
            format!("{long:?} ({})", seeds.join(", "))
        })
        .collect();
    format!(
        "{short} is left out of the keywords: it stands for {}; add it only if one meaning is yours",
        meanings.join(" and for ")
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::phrases::recurring;
    use super::*;

    #[test]
    fn documents_that_share_a_phrase_share_a_theme() {
        let texts = [
            "Ministers launched green hydrogen projects.",
            "The plan scales green hydrogen and clean hydrogen.",
            "A forum on offshore wind power met.",
            "Offshore wind power auctions grew.",
            "Nothing shared here at all.",
        ];
        let phrases = recurring(&texts);
        let found = themes(&phrases, texts.len(), &Acronyms::new());
        let hydrogen = found
            .iter()
            .find(|t| t.keywords.contains(&"green hydrogen".to_string()))
            .expect("a hydrogen theme");
        assert_eq!(hydrogen.documents, BTreeSet::from([0, 1]));
        let wind = found
            .iter()
            .find(|t| t.keywords.iter().any(|k| k.contains("offshore wind")))
            .expect("a wind theme");
        assert_eq!(wind.documents, BTreeSet::from([2, 3]));
    }

    #[test]
    fn an_acronym_of_two_meanings_is_a_note_not_a_keyword() {
        let texts = [
            "the economic partnership agreement was signed",
            "an economic partnership agreement on trade",
            "a visit to a river",
        ];
        let phrases = recurring(&texts);
        let mut acronyms = Acronyms::new();
        let seeds = |s: &str| BTreeSet::from([s.to_string()]);
        acronyms.insert(
            "EPA".into(),
            BTreeMap::from([
                (
                    "Economic Partnership Agreement".into(),
                    seeds("seeds/a.txt"),
                ),
                (
                    "Environmental Protection Agency".into(),
                    seeds("seeds/b.txt"),
                ),
            ]),
        );
        let found = themes(&phrases, texts.len(), &acronyms);
        let theme = &found[0];
        assert!(!theme.keywords.contains(&"EPA".to_string()), "{theme:?}");
        assert!(theme.notes[0].contains("EPA is left out"), "{theme:?}");
        assert!(theme.notes[0].contains("Environmental Protection Agency"));
    }

    #[test]
    fn no_keyword_holds_another_of_its_theme() {
        let texts = [
            "Strengthening energy security matters; energy security first.",
            "Global energy security and energy security again.",
            "Energy security, strengthening energy security.",
            "A visit to a river.",
            "Another visit to a river.",
            "Lunch by the lake.",
            "A lake at dusk.",
            "Nothing at all.",
        ];
        let found = themes(&recurring(&texts), texts.len(), &Acronyms::new());
        let security = found
            .iter()
            .find(|t| t.keywords.contains(&"energy security".to_string()))
            .expect("an energy security theme");
        assert_eq!(security.name, "Energy security");
        assert!(
            !security
                .keywords
                .iter()
                .any(|k| k.contains("strengthening")),
            "{security:?}"
        );
        assert_eq!(security.documents, BTreeSet::from([0, 1, 2]));
    }
}
