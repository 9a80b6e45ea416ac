//! The series a text names, whether `briefing.yaml` knows them or not: a
//! pair of parties, then a name that ends in a series noun ("Japan-UK
//! Digital Partnership", "U.S.-Japan Economic Policy Consultative
//! Committee", 日EUデジタルパートナーシップ). Each is reduced to a key that one
//! series written two ways shares: its parties as an unordered pair (Japan-EU
//! is EU-Japan, U.S. is US) and its name in lower case, without ordinals
//! before it or "Held" after it. Ingest proposes a `dialogues:` entry for a
//! series that no dialogue covers, instead of dropping it in silence.

use std::sync::LazyLock;

use regex::Regex;

use super::series::{english_party_names, parties, Parties};
use crate::config::Config;

/// One naming of a series in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesName {
    /// As written, parties and all ("Japan-UK Digital Partnership").
    pub written: String,
    pub parties: Parties,
    /// The name after the parties, in lower case: with the parties, what
    /// two namings of one series share.
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// Named in the document's title.
    pub in_title: bool,
}

impl SeriesName {
    pub fn key(&self) -> (Parties, &str) {
        (self.parties, &self.name)
    }
}

/// The last word of a series' English name.
const SERIES_NOUNS: &[&str] = &[
    "Dialogue",
    "Council",
    "Partnership",
    "Committee",
    "Group",
    "Forum",
    "Roundtable",
    "Table",
    "Consultation",
    "Consultations",
    "Talks",
    "Summit",
    "Conference",
    "Initiative",
    "Panel",
];

/// The parties' English names, longest first, so that an alternation of
/// them matches "United States" before "United".
pub(crate) fn party_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = english_party_names().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// A regex alternation of `names`.
pub(crate) fn alternation(names: &[&str]) -> String {
    let escaped: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    escaped.join("|")
}

static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    let names = party_names();
    let party = alternation(&names);
    // A name that ends in a full stop ("U.S.") ends a word by itself.
    let last_party = names
        .iter()
        .map(|n| match n.ends_with('.') {
            true => regex::escape(n),
            false => format!(r"{}(?-u:\b)", regex::escape(n)),
        })
        .collect::<Vec<_>>()
        .join("|");
    // ASCII word boundaries: a Unicode one keeps the regex off its fast
    // engine on any text with a non-ASCII letter. Only the pair is matched;
    // the words of the name after it are read by `english_series`.
    Regex::new(&format!(r"(?-u:\b)(?:{party})\s?[-–—/]\s?(?:{last_party})")).unwrap()
});

/// "the High Level Dialogue between China and the European Union": a
/// series' name, then its parties after "between".
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    let party = alternation(&party_names());
    let nouns = SERIES_NOUNS
        .iter()
        .filter(|n| !EVENT_NOUNS.contains(n))
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?-u:\b)((?:[A-Z][A-Za-z-]*\s+(?:(?:on|of|for|and|the|in)\s+)?){{0,8}}(?:{nouns}))\s+between\s+(?:the\s+)?(?:{party})\s+and\s+(?:the\s+)?(?:{party})(?-u:\b)"
    ))
    .unwrap()
});

/// Series nouns that name one event as often as a series: read only after
/// a pair of parties written as one ("U.S.-Japan Summit").
const EVENT_NOUNS: &[&str] = &["Summit", "Conference", "Talks"];

static JAPANESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:日(?:米|EU|英|印|豪|加|独|仏|韓|中)|(?:米|EU|英|印|豪|加|独|仏)日)\
         [^\\s、。「」『』（）()・のはがをにでと]{0,20}?\
         (?:対話|協議委員会|委員会|協議|パートナーシップ|評議会|作業部会|フォーラム)",
    )
    .unwrap()
});

/// Every series `text` names, in order.
pub fn series_named(text: &str) -> Vec<SeriesName> {
    let mut found: Vec<SeriesName> = ENGLISH
        .find_iter(text)
        .filter_map(|m| english_series(text, m.start(), m.end()))
        .collect();
    found.extend(JAPANESE.find_iter(text).filter_map(|m| {
        let written = m.as_str();
        let pair_len = written
            .char_indices()
            .nth(2)
            .map_or(written.len(), |(i, _)| i);
        let pair_len = match written.starts_with("日EU") || written.starts_with("EU日") {
            true => "日EU".len(),
            false => pair_len,
        };
        named(written, m.start(), &written[pair_len..])
    }));
    found.extend(BETWEEN.captures_iter(text).filter_map(|c| {
        let (whole, name) = (c.get(0)?, c.get(1)?);
        let name = name.as_str();
        let name = name.strip_prefix("The ").unwrap_or(name);
        named(whole.as_str(), whole.start(), name)
    }));
    found.sort_by_key(|s| s.start);
    found
}

/// The series whose pair of parties is `text[start..pair_end]`: the pair
/// and the name after it (capitalised words and the small words between
/// them), cut after its last series noun; `None` when it has none.
fn english_series(text: &str, start: usize, pair_end: usize) -> Option<SeriesName> {
    let mut name_end = None;
    let mut next_word = "";
    for (at, word) in words_after(text, pair_end).take(NAME_WORDS) {
        if !is_name_word(word) {
            break;
        }
        let bare = word.trim_end_matches([',', '.', ';', ':', '’', '\'', ')']);
        if SERIES_NOUNS.contains(&bare) {
            name_end = Some(at + bare.len());
            next_word = "";
        } else if name_end.is_some() && next_word.is_empty() {
            next_word = bare;
        }
    }
    let name_end = name_end?;
    if THINGS_NAMED_AFTER.contains(&next_word) {
        return None;
    }
    named(
        &text[start..name_end],
        start,
        text[pair_end..name_end].trim(),
    )
}

/// The most words of a series' name after its parties.
const NAME_WORDS: usize = 12;

/// The whitespace-separated words of `text` from `from`, with their offsets.
fn words_after(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = &text[from..];
    rest.split_whitespace()
        .map(move |w| (from + (w.as_ptr() as usize - rest.as_ptr() as usize), w))
}

/// A word that may be part of a series' name: capitalised, or a small word
/// between capitalised ones ("Dialogue on the Internet Economy").
fn is_name_word(word: &str) -> bool {
    const SMALL: &[&str] = &["on", "of", "for", "and", "the", "in", "between"];
    word.starts_with(|c: char| c.is_ascii_uppercase()) || SMALL.contains(&word)
}

/// Words after a series noun that make the name a thing's, not a
/// series' ("the Japan-EU Economic Partnership Agreement").
const THINGS_NAMED_AFTER: &[&str] = &[
    "Agreement",
    "Agreements",
    "Act",
    "Treaty",
    "Framework",
    "Program",
    "Programme",
    "Fund",
    "Network",
    "Principles",
];

fn named(written: &str, start: usize, name: &str) -> Option<SeriesName> {
    let parties = parties(written);
    let one_spaced = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    (parties.count() == 2 && !name.is_empty()).then(|| SeriesName {
        written: one_spaced(written),
        parties,
        // "High-Level" and "High Level" are one name.
        name: one_spaced(&name.replace('-', " ")).to_lowercase(),
        start,
        end: start + written.len(),
        in_title: false,
    })
}

/// Each dialogue's names and aliases that are series names with parties
/// ("EU-Japan Digital Partnership"), by key, with the dialogue's index.
pub fn dialogue_series(config: &Config) -> Vec<(Parties, String, usize)> {
    let mut keys = Vec::new();
    for (i, d) in config.dialogues.iter().enumerate() {
        for name in std::iter::once(&d.name).chain(&d.aliases) {
            let named = series_named(name);
            keys.extend(named.into_iter().map(|s| (s.parties, s.name, i)));
        }
    }
    keys
}

impl SeriesName {
    /// The dialogue of `keys` ([`dialogue_series`]) this names: one of the
    /// same parties whose name is this name or begins it ("EU-Japan
    /// Digital Partnership" for "European Union – Japan Digital
    /// Partnership Council").
    pub fn dialogue(&self, keys: &[(Parties, String, usize)]) -> Option<usize> {
        keys.iter()
            .filter(|(parties, name, _)| *parties == self.parties && extends(&self.name, name))
            .max_by_key(|(_, name, _)| name.len())
            .map(|&(_, _, i)| i)
    }
}

/// A series no dialogue covers, as a proposed `dialogues:` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeries {
    pub slug: String,
    /// The way the documents write it most often.
    pub name: String,
    /// Its other spellings, and longer names that begin with it ("…
    /// Digital Partnership Council" for "… Digital Partnership").
    pub aliases: Vec<String>,
    /// The seeds that name it.
    pub seeds: Vec<String>,
}

/// The series `named` (seed and naming) grouped into one proposal each: one
/// key is one series, and a name that extends a shorter one's name for the
/// same parties joins it.
pub fn propose(named: Vec<(String, SeriesName)>) -> Vec<NewSeries> {
    let mut named = named;
    named.sort_by(|(_, a), (_, b)| (a.name.len(), &a.name).cmp(&(b.name.len(), &b.name)));
    let mut groups: Vec<Group> = Vec::new();
    for (seed, s) in named {
        let member = (seed, s.written);
        match groups
            .iter_mut()
            .find(|g| g.parties == s.parties && extends(&s.name, &g.name))
        {
            Some(group) => group.members.push(member),
            None => groups.push(Group {
                parties: s.parties,
                name: s.name,
                members: vec![member],
            }),
        }
    }
    groups
        .into_iter()
        .map(|g| proposal(g.parties, &g.name, g.members))
        .collect()
}

/// Namings of one series: its parties, its shortest name, and each seed
/// that names it with the name as written.
struct Group {
    parties: Parties,
    name: String,
    members: Vec<(String, String)>,
}

/// Whether series name `name` is `base` or begins with it as whole words.
fn extends(name: &str, base: &str) -> bool {
    name.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn proposal(parties: Parties, key: &str, members: Vec<(String, String)>) -> NewSeries {
    let mut spellings: Vec<(usize, String)> = Vec::new();
    for (_, written) in &members {
        match spellings.iter_mut().find(|(_, w)| w == written) {
            Some((n, _)) => *n += 1,
            None => spellings.push((1, written.clone())),
        }
    }
    // The most written, and of those the shortest: the series, not a council of it.
    spellings.sort_by_key(|(n, w)| (std::cmp::Reverse(*n), w.len()));
    let name = spellings[0].1.clone();
    let mut seeds: Vec<String> = members.into_iter().map(|(seed, _)| seed).collect();
    seeds.sort();
    seeds.dedup();
    // The parties by their short names ("us-eu-…", not "u-s-eu-…"), in
    // one order whichever way the name puts them, then the name; a name in
    // Japanese has no letters a slug can spell.
    let latin = key.chars().filter(char::is_ascii_alphabetic).count();
    let words = match latin * 2 >= key.chars().count() {
        true => key,
        false => "series",
    };
    let slug = crate::util::slugify(&format!("{} {words}", parties.short_names().join(" ")));
    NewSeries {
        slug,
        aliases: spellings.into_iter().skip(1).map(|(_, w)| w).collect(),
        name,
        seeds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<String> {
        series_named(text).into_iter().map(|s| s.written).collect()
    }

    #[test]
    fn a_pair_and_a_name_that_ends_in_a_series_noun() {
        assert_eq!(
            written("the 11th meeting of the U.S.-Japan Economic Policy Consultative Committee (EPCC) Held in Tokyo"),
            ["U.S.-Japan Economic Policy Consultative Committee"]
        );
        assert_eq!(
            written("The Third Japan–UK Digital Partnership Council Held. Japan-UK relations."),
            ["Japan–UK Digital Partnership Council"]
        );
        assert_eq!(
            written("日EUデジタルパートナーシップ閣僚級会合と日米経済政策協議委員会"),
            ["日EUデジタルパートナーシップ", "日米経済政策協議委員会"]
        );
        assert_eq!(
            written("The Japan-U.S. Economic Policy Consultative Committee"),
            ["Japan-U.S. Economic Policy Consultative Committee"]
        );
        assert!(written("U.S.-Japan Relations and the Japan-EU EPA").is_empty());
        assert!(written("the Japan-EU Economic Partnership Agreement").is_empty());
    }

    #[test]
    fn a_series_named_before_its_parties_with_between() {
        let text = "China and the EU held the fourth High-level Environment and Climate \
            Dialogue between China and the European Union in Beijing. The Summit between \
            Japan and the EU was also held.";
        let found = series_named(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "high level environment and climate dialogue");
        assert_eq!(found[0].parties, parties("China EU"));
    }

    #[test]
    fn namings_of_one_series_make_one_proposal() {
        let named = |seed: &str, text: &str| (seed.to_string(), series_named(text).remove(0));
        let proposals = propose(vec![
            named(
                "seeds/b.txt",
                "the Japan-UK Digital Partnership Council met",
            ),
            named("seeds/a.txt", "the Japan-UK Digital Partnership"),
            named("seeds/c.txt", "the UK-Japan Digital Partnership"),
            named("seeds/c.txt", "the EU-Japan Digital Partnership"),
        ]);
        assert_eq!(proposals.len(), 2, "{proposals:?}");
        let uk = &proposals[0];
        assert_eq!(uk.slug, "japan-uk-digital-partnership");
        assert_eq!(uk.seeds, ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]);
        assert_eq!(uk.aliases.len(), 2, "{uk:?}");
        assert_eq!(proposals[1].seeds, ["seeds/c.txt"]);
        let japanese = propose(vec![named("seeds/d.txt", "日英デジタルパートナーシップ")]);
        assert_eq!(japanese[0].slug, "japan-uk-series");
        let between =
            "the High-level Environment and Climate Dialogue between China and the European Union";
        let us = "the U.S.-EU Energy Council";
        let slugs: Vec<String> = [between, us]
            .iter()
            .flat_map(|text| propose(vec![named("seeds/e.txt", text)]))
            .map(|p| p.slug)
            .collect();
        assert_eq!(
            slugs,
            [
                "eu-china-high-level-environment-and-climate-dialogue",
                "us-eu-energy-council"
            ]
        );
    }

    #[test]
    fn one_series_written_two_ways_has_one_key() {
        let a = &series_named("Japan-EU Digital Partnership")[0];
        let b = &series_named("the EU–Japan Digital Partnership")[0];
        assert_eq!(a.key(), b.key());
        let c = &series_named("Japan-UK Digital Partnership")[0];
        assert_ne!(a.key(), c.key());
    }
}
