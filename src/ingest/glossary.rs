//! Acronyms defined in the text: "Long Name (ABBR)", "ABBR (Long Name)" and
//! "(ABBR, formerly …)". The long form is found by the Schwartz–Hearst rule:
//! the acronym's letters, right to left, inside the words before it, its first
//! letter at the start of a word; so the expansion's initials match.

/// Words that mark a long name as an organisation's.
const ORGANISATION_WORDS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Commission",
    "Agency",
    "Association",
    "Organization",
    "Organisation",
    "Institute",
    "Committee",
    "Federation",
    "Chamber",
    "Foundation",
    "Bureau",
    "Office",
    "Center",
    "Centre",
    "Authority",
    "Administration",
    "Secretariat",
    "Union",
    "Board",
    "Corporation",
    "Bank",
    "Fund",
    "Forum",
    "Parliament",
    "Cabinet",
    "Service",
    "Agencies",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    pub short: String,
    pub long: String,
    /// Byte offset of the definition in the text.
    pub at: usize,
}

impl Acronym {
    pub fn is_organisation(&self) -> bool {
        names_an_organisation(&self.long)
    }
}

/// Whether `name` has a word that only an organisation's name has
/// ("Ministry", "Commission", "Agency").
pub fn names_an_organisation(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION_WORDS.contains(&w))
}

/// Every acronym defined in `text`, in order of definition.
pub fn acronyms(text: &str) -> Vec<Acronym> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| i + from) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else {
            break;
        };
        if let Some(found) = definition(text, open, close) {
            out.push(found);
        }
        from = open + 1;
    }
    out
}

fn definition(text: &str, open: usize, close: usize) -> Option<Acronym> {
    let inner = text[open + 1..close].trim();
    // "Long Name (ABBR)" or "Long Name (ABBR, formerly …)".
    let head = inner.split([',', ';']).next().unwrap_or("").trim();
    if is_acronym(head) {
        let long = long_form(head, window_before(text, open))?;
        return Some(Acronym {
            short: head.to_string(),
            long,
            at: open,
        });
    }
    // "(ABBR: Long Name)".
    if let Some((short, long)) = inner.split_once(':') {
        let (short, long) = (short.trim(), long.trim());
        if is_acronym(short) {
            let long = long_form(short, long).filter(|l| l.len() + 3 >= long.len())?;
            return Some(Acronym {
                short: short.to_string(),
                long,
                at: open,
            });
        }
    }
    // "ABBR (Long Name)".
    let before = text[..open].trim_end();
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| i + 1);
    let short = &before[word_start..];
    if is_acronym(short) && inner.split_whitespace().count() >= 2 {
        let long = long_form(short, inner).filter(|l| l.len() + 3 >= inner.len())?;
        return Some(Acronym {
            short: short.to_string(),
            long,
            at: open,
        });
    }
    None
}

/// The few hundred bytes before `end`: a long form is at most a dozen words.
fn window_before(text: &str, end: usize) -> &str {
    let mut start = end.saturating_sub(240);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// Two or more capitals, then letters, digits, `&`, `-` or `/`; at most 10 long.
pub fn is_acronym(s: &str) -> bool {
    let capitals = s.chars().filter(char::is_ascii_uppercase).count();
    (2..=10).contains(&s.len())
        && capitals >= 2
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '-' | '/'))
}

const FUNCTION_WORDS: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "to", "with", "a", "an", "&",
];

/// The shortest run of words at the end of `before` that spells `short`.
fn long_form(short: &str, before: &str) -> Option<String> {
    let letters: Vec<char> = short
        .trim_end_matches('s')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    // Schwartz–Hearst's bound, counting content words only: "of", "and",
    // "for" do not make a long form less likely.
    let max_words = (letters.len() + 5).min(letters.len() * 2).max(2);
    let mut content_words = 0;
    for (start, word) in words_back(before) {
        if !is_function_word(word) {
            content_words += 1;
        }
        if content_words > max_words {
            break;
        }
        let candidate = before[start..].trim_end();
        if spells(&letters, candidate) {
            let long = candidate
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            return initials_fit(&letters, long).then(|| long.to_string());
        }
    }
    None
}

/// One of [`FUNCTION_WORDS`], in any case. They are ASCII, and no other
/// character lower-cases to ASCII but the Kelvin sign, which none has.
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// Tidiness: the long form's content words start with the acronym's letters,
/// but for at most one ("readiness" in "National Center of Incident
/// readiness and Strategy for Cybersecurity (NISC)").
fn initials_fit(letters: &[char], long: &str) -> bool {
    let misfits = long
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty() && !is_function_word(w))
        .filter(|w| {
            let first = w
                .chars()
                .find(|c| c.is_alphanumeric())
                .map(|c| c.to_ascii_lowercase());
            !first.is_some_and(|c| letters.contains(&c))
        })
        .count();
    misfits <= 1
}

/// The words of `text` (split at whitespace) with where each starts, from
/// the last back to the last clause break, which is left out: a long form
/// never reaches back over one. Read from the end only as far as asked:
/// a long form is a few words, its window a few hundred bytes.
fn words_back(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = text.len();
    let words = std::iter::from_fn(move || {
        let rest = text[..end].trim_end();
        let start = match rest.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            Some((at, c)) => at + c.len_utf8(),
            None => 0,
        };
        end = start;
        (!rest.is_empty()).then(|| (start, &rest[start..]))
    });
    words.take_while(|(_, w)| !(w.ends_with([';', ':', '(', ')']) || w.starts_with('(')))
}

/// Schwartz–Hearst: letters matched right to left, the first one at the
/// start of the candidate, which must not start with a function word.
/// Walks the candidate's characters back from its end only as far as the
/// letters take it, with no copy of them: every candidate of every
/// parenthesis of every document passes here.
fn spells(letters: &[char], candidate: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "of", "and", "the", "for", "on", "in", "to", "with", "a", "an",
    ];
    let first_word = candidate.split_whitespace().next().unwrap_or("");
    if FUNCTION_WORDS.contains(&first_word) {
        return false;
    }
    let mut chars = candidate.char_indices().rev();
    for (k, &letter) in letters.iter().enumerate().rev() {
        loop {
            let Some((at, c)) = chars.next() else {
                return false;
            };
            let placed = || k > 0 || !candidate[..at].chars().any(char::is_alphanumeric);
            if c.to_ascii_lowercase() == letter && placed() {
                break;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_back_to_the_last_clause_break() {
        // Every word with where it starts, then those after the last break.
        let naive = |text: &str| -> Vec<(usize, String)> {
            let mut spans: Vec<(usize, String)> = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        spans.push((s, text[s..i].to_string()));
                        start = None;
                    }
                    _ => {}
                }
            }
            let broken = |w: &str| w.ends_with([';', ':', '(', ')']) || w.starts_with('(');
            let cut = spans
                .iter()
                .rposition(|(_, w)| broken(w))
                .map_or(0, |i| i + 1);
            spans.split_off(cut)
        };
        for text in [
            "",
            "   ",
            "one",
            "  the Ministry\u{a0}of Economy,\tTrade and  Industry ",
            "first; then the (parenthesis) and: the Long Name of it",
            "ends with a break:",
            "(opening words",
        ] {
            let mut back: Vec<(usize, String)> = words_back(text)
                .map(|(at, w)| (at, w.to_string()))
                .collect();
            back.reverse();
            assert_eq!(back, naive(text), "{text:?}");
        }
    }

    fn pairs(text: &str) -> Vec<(String, String)> {
        acronyms(text)
            .into_iter()
            .map(|a| (a.short, a.long))
            .collect()
    }

    #[test]
    fn definitions_in_every_form() {
        let cases: [(&str, &[(&str, &str)]); 10] = [
            (
                "the National Center of Incident readiness and Strategy for Cybersecurity (NISC), the",
                &[(
                    "NISC",
                    "National Center of Incident readiness and Strategy for Cybersecurity",
                )],
            ),
            (
                "the Data Free Flow with Trust (DFFT) expert",
                &[("DFFT", "Data Free Flow with Trust")],
            ),
            (
                "the Ministry of Economy, Trade and Industry (METI), the",
                &[("METI", "Ministry of Economy, Trade and Industry")],
            ),
            (
                "privacy-enhancing technologies (PETS).",
                &[("PETS", "privacy-enhancing technologies")],
            ),
            (
                "Society 5.0 for SDGs (Sustainable Development Goals), it",
                &[("SDGs", "Sustainable Development Goals")],
            ),
            (
                "Dialogue on Digital Economy (DDE, formerly the Internet Economy Dialogue)",
                &[("DDE", "Dialogue on Digital Economy")],
            ),
            (
                "for public interest (APPA: Authorized Public Purpose Access);",
                &[("APPA", "Authorized Public Purpose Access")],
            ),
            (
                "fifth generation mobile technologies (5G) and (e.g. this) and (Quad)",
                &[],
            ),
            (
                "Internet of Things (IoT) labels",
                &[("IoT", "Internet of Things")],
            ),
            (
                "telecommunications and information, as well as communication technology (ICT)",
                &[],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(pairs(text), want, "{text}");
        }
    }

    #[test]
    fn organisations_are_told_apart() {
        let a = acronyms(
            "the Japan Business Council in Europe (JBCE) and Data Free Flow with Trust (DFFT)",
        );
        assert!(a[0].is_organisation());
        assert!(!a[1].is_organisation());
    }
}
