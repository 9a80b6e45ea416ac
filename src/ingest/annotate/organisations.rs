//! The organisations a document names: known ones by name or alias, and
//! "Long Name (ABBR)" pairs, without those that only name a framework,
//! law or standard of theirs or another government's office.

use crate::config::Config;
use crate::ingest::glossary;
use crate::ingest::term_matcher::{Category, Hit};

/// Known organisations by name, and "Long Name (ABBR)" where the long name is
/// an organisation's, in order of first mention: in the title and the
/// header (`heads`, a masthead or "Joint Press Release with …"), then the
/// body.
pub(super) fn organisations(
    config: &Config,
    heads: [(&str, &[Hit]); 2],
    body: (&str, &[Hit]),
    acronyms: &[glossary::Acronym],
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
        let name = config
            .organisations
            .iter()
            .find(|o| {
                o.name == a.short || o.aliases.contains(&a.short) || o.aliases.contains(&a.long)
            })
            .map_or_else(|| a.short.clone(), |o| o.name.clone());
        found.push((a.at + 1, name));
    }
    found.sort();
    let mut names: Vec<String> = Vec::new();
    for (_, name) in found {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
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
    let thing =
        |w: &&str| THINGS.contains(&w.trim_end_matches([',', '.', ')']).to_lowercase().as_str());
    after.starts_with(' ') && (acronym || words.iter().any(thing))
}
