//! The organisations a document names: known ones by name or alias, and
//! "Long Name (ABBR)" pairs, without those that only name a framework,
//! law or standard of theirs or another government's office; and the
//! governments that issue a statement, named ("released by the
//! Governments of …") or, for a joint statement of two countries, implied;
//! and the news agency a wire story credits ([`super::credits`]).

use std::sync::LazyLock;

use regex::Regex;

use crate::config::{Config, OrganisationDef};
use crate::ingest::glossary;
use crate::ingest::sentences;
use crate::ingest::series::parties;
use crate::ingest::series_names::{alternation, party_names, SeriesName};
use crate::ingest::term_matcher::{Category, Hit};
use crate::text::floor_char_boundary;

/// Known organisations by name, and "Long Name (ABBR)" where the long name is
/// an organisation's and not the name of a series the body names (the
/// "Economic Policy Consultative Committee (EPCC)" is a dialogue, not who
/// speaks), in order of first mention: in the title and the header
/// (`heads`, a masthead or "Joint Press Release with …"), then the body.
pub(super) fn organisations(
    config: &Config,
    heads: [(&str, &[Hit]); 2],
    body: (&str, &[Hit]),
    acronyms: &[glossary::Acronym],
    body_series: &[SeriesName],
) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let known = heads
        .into_iter()
        .flat_map(|(text, hits)| hits.iter().map(move |h| (0, text, h)))
        .chain(body.1.iter().map(|h| (h.start + 1, body.0, h)));
    let named = known.filter(|(_, text, h)| {
        h.category == Category::Organisation
            && !names_a_thing_of_its_own(&text[h.end..])
            && !another_office(&text[h.start..h.end], &text[h.end..])
    });
    for (at, _, h) in named {
        found.push((at, config.organisations[h.entry].name.clone()));
    }
    for a in acronyms.iter().filter(|a| a.is_organisation()) {
        let known = (config.organisations.iter())
            .find(|o| [&a.short, &a.long].iter().any(|n| is_named(o, n)));
        let name = match known {
            Some(o) => o.name.clone(),
            None if names_a_series(a, body_series) => continue,
            None => a.short.clone(),
        };
        found.push((a.at + 1, name));
    }
    found.extend(super::credits::wire_credit(body.0).map(|agency| (1, agency)));
    let (title, header) = (heads[0].0, heads[1].0);
    found.extend(governments(title, header, body.0, &found));
    found.sort();
    let mut names: Vec<String> = Vec::new();
    for (_, name) in found {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Whether `name` is one of the organisation's names, dashes aside
/// ("U.S.–Japan" and "U.S.-Japan" are one).
fn is_named(org: &OrganisationDef, name: &str) -> bool {
    let fold = |c: char| {
        if matches!(c, '–' | '—' | '‐') {
            '-'
        } else {
            c
        }
    };
    let same = |known: &String| known.chars().map(fold).eq(name.chars().map(fold));
    same(&org.name) || org.aliases.iter().any(same)
}

/// Whether an acronym's long form, just before its "(", is a series' name.
fn names_a_series(acronym: &glossary::Acronym, series: &[SeriesName]) -> bool {
    let long_start = acronym.at.saturating_sub(acronym.long.len() + 1);
    (series.iter()).any(|s| s.start < acronym.at && s.end > long_start)
}

/// Whether a secretary's title goes on to name another office: a British
/// "Secretary of State for Science" is not the U.S. Department of State.
fn another_office(name: &str, after: &str) -> bool {
    name.starts_with("Secretary of") && after.starts_with(" for ")
}

/// Whether the words after an organisation's name make it part of the name
/// of something else: a framework, a law or a standard ("NIST AI RMF",
/// "NIST Cybersecurity Framework", "the OECD AI Principles"), which names
/// no one who took part.
fn names_a_thing_of_its_own(after: &str) -> bool {
    const THINGS: &[&str] = &[
        "framework",
        "guidelines",
        "principles",
        "standard",
        "standards",
        "act",
        "rmf",
        "guidance",
        "recommendation",
    ];
    let words: Vec<&str> = after.split_whitespace().take(3).collect();
    let Some(next) = words.first() else {
        return false;
    };
    let acronym = next.len() >= 2 && next.chars().all(|c| c.is_ascii_uppercase());
    let person = acronym && words.get(1).is_some_and(|w| is_family_name_first(next, w));
    let thing =
        |w: &&str| THINGS.contains(&w.trim_end_matches([',', '.', ')']).to_lowercase().as_str());
    after.starts_with(' ') && ((acronym && !person) || words.iter().any(thing))
}

/// "KAMIKAWA Yoko": a Japanese name as Japan's government writes it in
/// English, family name in capitals, after the minister's title. A
/// framework's acronym ("AI", "RMF", "CSF") is shorter and is not followed
/// by a given name.
fn is_family_name_first(family: &str, given: &str) -> bool {
    let mut letters = given.trim_end_matches([',', '.', ')']).chars();
    family.len() >= 4
        && letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.as_str().len() >= 2
        && letters.all(|c| c.is_ascii_lowercase())
}

/// How far into the body a statement says who released it.
const OPENING_CHARS: usize = 600;

/// "released by the Governments of the United States of America and
/// Japan", "issued by the Government of Japan": one or two countries after
/// "by the Government(s) of" (a government merely named, "the Ministry …
/// of the Government of Japan", issued nothing).
static STATED_GOVERNMENTS: LazyLock<Regex> = LazyLock::new(|| {
    let party = alternation(&party_names());
    let country = format!(r"(?:the\s+)?(?:{party})(?:\s+of\s+America)?");
    Regex::new(&format!(
        r"(?-u:\b)by\s+the\s+[Gg]overnments?\s+of\s+({country})(?:,?\s+and\s+({country}))?(?-u:\b)"
    ))
    .unwrap()
});

/// A joint statement's title: the two parties named in it issue it.
static JOINT_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bjoint\s+(?:press\s+)?(?:statement|declaration|communiqu[eé])|共同声明|共同記者発表|共同プレス").unwrap()
});

/// The governments that issue a document, each with where it is named
/// (as [`organisations`] orders them): those the header or the opening
/// says released it ("by the Governments of the United States of America
/// and Japan"); else, for a joint statement whose title names two
/// countries and whose title and opening sentence name no two
/// organisations that could have issued it instead, the two countries'
/// governments.
fn governments(
    title: &str,
    header: &str,
    body: &str,
    named: &[(usize, String)],
) -> Vec<(usize, String)> {
    let opening_end = body
        .find('\n')
        .unwrap_or(body.len())
        .min(floor_char_boundary(body, OPENING_CHARS));
    let opening = &body[..opening_end];
    let in_header = stated_governments(header).into_iter().map(|(_, g)| (0, g));
    let in_opening = stated_governments(opening)
        .into_iter()
        .map(|(at, g)| (at + 1, g));
    let stated: Vec<(usize, String)> = in_header.chain(in_opening).collect();
    if !stated.is_empty() {
        return stated;
    }
    let pair = parties(title);
    let first_sentence_end = sentences::split(opening)
        .first()
        .map_or(opening.len(), |&(_, end)| end);
    let mut organisations_first: Vec<&str> = named
        .iter()
        .filter(|(at, _)| *at <= first_sentence_end)
        .map(|(_, name)| name.as_str())
        .collect();
    organisations_first.sort_unstable();
    organisations_first.dedup();
    if JOINT_STATEMENT.is_match(title)
        && pair.count() == 2
        && pair.all_countries()
        && organisations_first.len() < 2
    {
        return pair.governments().into_iter().map(|g| (0, g)).collect();
    }
    Vec::new()
}

/// Governments `text` says something is by, with their offsets.
fn stated_governments(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for m in STATED_GOVERNMENTS.captures_iter(text) {
        for country in [m.get(1), m.get(2)].into_iter().flatten() {
            found.extend(
                parties(country.as_str())
                    .governments()
                    .into_iter()
                    .map(|g| (country.start(), g)),
            );
        }
    }
    found
}
