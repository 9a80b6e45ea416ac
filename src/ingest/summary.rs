//! The summary on index cards: one or two sentences from the document's
//! opening, preferring one that says what the document is or does, and
//! shortened to fit a card (acronyms for defined names, asides dropped, cut
//! at a clause boundary with "…").

use super::glossary::Acronym;
use super::sentences;
use super::structure::Block;
use crate::text::words::word_count;

/// The longest summary a card shows well.
pub const MAX_CHARS: usize = 300;

/// Phrases by which a sentence says what its document is or does.
const SELF_DESCRIBING: &[&str] = &[
    "the following",
    "this letter",
    "this paper",
    "this statement",
    "this report",
    "this document",
    "this article",
    "this commentary",
    "this brief",
    "this submission",
    "this proposal",
    "we present",
    "we propose",
    "we set out",
    "we submit",
    "we outline",
];

/// Openings that join a sentence to the one before it.
const CONNECTIVES: &[&str] = &[
    "Further, ",
    "Furthermore, ",
    "Moreover, ",
    "In addition, ",
    "Additionally, ",
    "Finally, ",
    "Lastly, ",
    "Also, ",
];

fn is_real_sentence(s: &str) -> bool {
    let words = word_count(s);
    let ends = s.ends_with(['.', '!', '?', '”', '"', ')', '。']);
    (words >= 6 && ends) || (words >= 15 && !s.ends_with(':'))
}

fn is_self_describing(s: &str) -> bool {
    let lower = s.to_lowercase();
    SELF_DESCRIBING.iter().any(|p| lower.contains(p))
}

/// The real sentences of the opening: the text before the first heading,
/// else the first section's, else the first block's that has any.
fn sentences_of(block: &Block) -> Vec<&str> {
    let text = block.text();
    sentences::split(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .filter(|s| is_real_sentence(s))
        .collect()
}

fn opening(blocks: &[Block]) -> Vec<&str> {
    let mut groups = blocks.split(|b| matches!(b, Block::Heading { .. }));
    let preamble: Vec<&str> = groups
        .next()
        .unwrap_or(&[])
        .iter()
        .flat_map(sentences_of)
        .collect();
    if !preamble.is_empty() {
        return preamble;
    }
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Heading { .. }))
        .map(sentences_of)
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

pub fn summary(blocks: &[Block], acronyms: &[Acronym]) -> String {
    let real = opening(blocks);
    let Some(first) = real.first() else {
        return String::new();
    };
    let chosen = real.iter().position(|s| is_self_describing(s));
    let mut summary = shorten(real[chosen.unwrap_or(0)], acronyms);
    if chosen.is_none() {
        if let Some(second) = real.get(1).filter(|s| summary.len() + s.len() < MAX_CHARS) {
            summary.push(' ');
            summary.push_str(second);
        }
    }
    if summary.is_empty() {
        summary = first.to_string();
    }
    if !summary.ends_with(['.', '!', '?', '”', '"', ')', '…', '。']) {
        summary.push('.');
    }
    summary
}

/// A sentence fitted to `MAX_CHARS`: a leading connective dropped; then,
/// while too long, defined names replaced by their acronyms, asides in
/// parentheses or dashes dropped, and finally a cut at a clause boundary.
pub fn shorten(sentence: &str, acronyms: &[Acronym]) -> String {
    let mut s = drop_connective(sentence);
    if s.chars().count() > MAX_CHARS {
        s = use_acronyms(&s, acronyms);
    }
    if s.chars().count() > MAX_CHARS {
        s = drop_asides(&s);
    }
    if s.chars().count() > MAX_CHARS {
        s = cut(&s);
    }
    s
}

fn drop_connective(s: &str) -> String {
    for c in CONNECTIVES {
        if let Some(rest) = s.strip_prefix(c) {
            let mut chars = rest.chars();
            if let Some(first) = chars.next() {
                return first.to_uppercase().chain(chars).collect();
            }
        }
    }
    s.to_string()
}

/// "The Ministry of Economy, Trade and Industry (METI)" → "METI".
fn use_acronyms(s: &str, acronyms: &[Acronym]) -> String {
    let mut out = s.to_string();
    for a in acronyms {
        for article in ["The ", "the ", ""] {
            let defined = format!("{article}{} ({})", a.long, a.short);
            if out.contains(&defined) {
                out = out.replace(&defined, &a.short);
                break;
            }
        }
    }
    out
}

/// Parenthesised asides and asides between em dashes.
fn drop_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut in_dash = false;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            '—' => {
                in_dash = !in_dash;
                if !in_dash {
                    out.push_str(", ");
                }
            }
            _ if depth == 0 && !in_dash => out.push(c),
            _ => {}
        }
    }
    if in_dash {
        return s.to_string();
    }
    let mut tidy = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [(" ,", ","), (" .", "."), (",,", ",")] {
        tidy = tidy.replace(from, to);
    }
    tidy
}

/// The longest prefix under `MAX_CHARS` ending at a clause boundary (else a
/// word boundary), with "…".
fn cut(s: &str) -> String {
    let limit = s
        .char_indices()
        .nth(MAX_CHARS - 1)
        .map_or(s.len(), |(i, _)| i);
    let head = &s[..limit];
    let at = ["; ", ", ", " — ", " – "]
        .iter()
        .filter_map(|b| head.rfind(b))
        .max()
        .filter(|&i| i >= MAX_CHARS / 3)
        .or_else(|| head.rfind(' '))
        .unwrap_or(limit);
    format!("{}…", s[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acronym(short: &str, long: &str) -> Acronym {
        Acronym {
            short: short.into(),
            long: long.into(),
            at: 0,
        }
    }

    #[test]
    fn long_sentences_are_fitted_to_a_card() {
        let ministries = "The Ministry of Agriculture and Fisheries (MAF), the Ministry of Land and Transport (MLT), the National Office for Statistics and Data (NOSD), the Agency for Digital Public Services (ADPS), the Ministry of Culture and Sport (MCS) and other bodies jointly took part in the third Nordic–Pacific Dialogue on Data Policy, held in Oslo on 3 and 4 May 2022.";
        let acronyms = [
            acronym("MAF", "Ministry of Agriculture and Fisheries"),
            acronym("MLT", "Ministry of Land and Transport"),
            acronym("NOSD", "National Office for Statistics and Data"),
            acronym("ADPS", "Agency for Digital Public Services"),
            acronym("MCS", "Ministry of Culture and Sport"),
        ];
        assert_eq!(
            shorten(ministries, &acronyms),
            "MAF, MLT, NOSD, ADPS, MCS and other bodies jointly took part in the third Nordic–Pacific Dialogue on Data Policy, held in Oslo on 3 and 4 May 2022."
        );
        let aside = "Moreover, as both nations grow—through trade, investment and research ties that span decades and regions—the two councils (hereinafter referred to as \"the Councils\") recommend that policymakers consider a long list of measures that we set out in the sections below, each of them with a rationale and a timeline for the next three years.";
        let short = shorten(aside, &[]);
        assert!(
            short.starts_with("As both nations grow, the two councils recommend"),
            "{short}"
        );
        assert!(short.chars().count() <= MAX_CHARS, "{short}");
        let long = "word ".repeat(100);
        let cut = shorten(long.trim(), &[]);
        assert!(
            cut.ends_with('…') && cut.chars().count() <= MAX_CHARS,
            "{cut}"
        );
    }

    #[test]
    fn the_sentence_that_says_what_the_document_does_wins() {
        let blocks = vec![
            Block::Paragraph("Digital technologies play a central role in every industry today. Cyberattacks grow ever more sophisticated across supply chains.".into()),
            Block::Paragraph("In this context, we present the following joint recommendations to both governments.".into()),
            Block::Heading { level: 2, text: "1. Data".into(), id: "data".into() },
            Block::Paragraph("The Ministry will host the next round of talks in spring.".into()),
        ];
        assert_eq!(
            summary(&blocks, &[]),
            "In this context, we present the following joint recommendations to both governments."
        );
        assert_eq!(
            summary(&blocks[..1], &[]),
            "Digital technologies play a central role in every industry today. Cyberattacks grow ever more sophisticated across supply chains."
        );
        assert_eq!(
            summary(&blocks[2..], &[]),
            "The Ministry will host the next round of talks in spring."
        );
    }
}
