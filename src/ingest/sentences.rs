//! Sentence boundaries in plain text, aware of abbreviations ("U.S.",
//! "e.g.", "M. Jacobs") so a sentence is not cut inside a name.

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "inc", "ltd", "co", "corp", "jr", "sr",
    "vs", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "gov", "rep", "sen", "gen", "art", "sec", "para", "vol", "ed", "eds",
];

/// Byte ranges of the sentences of `text`, trimmed.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // From stop to stop, found a vector at a time.
    while let Some(at) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += at;
        let mut end = i + 1;
        end += closing_len(&text[end..]);
        if is_boundary(text, i, end) {
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn closing_len(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| matches!(c, '”' | '"' | '’' | '\'' | ')' | '″'))
        .map(char::len_utf8)
        .sum()
}

fn is_boundary(text: &str, stop: usize, end: usize) -> bool {
    let rest = &text[end..];
    if !rest.starts_with(' ') {
        return false;
    }
    let next = rest.trim_start().chars().next();
    if !next.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '(' | '‘')
    }) {
        return false;
    }
    text.as_bytes()[stop] != b'.' || !is_abbreviation(&text[..stop])
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || word.contains('.') || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let cases: [(&str, &[&str]); 5] = [
            ("One. Two! Three?", &["One.", "Two!", "Three?"]),
            (
                "The U.S. and Japan met. They agreed.",
                &["The U.S. and Japan met.", "They agreed."],
            ),
            (
                "Erik M. Jacobs wrote (e.g. this). Then more.",
                &["Erik M. Jacobs wrote (e.g. this).", "Then more."],
            ),
            (
                "It said “open and secure.” Both agreed.",
                &["It said “open and secure.”", "Both agreed."],
            ),
            (
                "Version 5.0 is out. no split here",
                &["Version 5.0 is out. no split here"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), want, "{text}");
        }
    }
}
