//! Character-level cleaning of captured text: line endings, Unicode (NFC,
//! odd spaces, invisible characters, bullet glyphs that lost their font) and
//! the OCR slips `Al`/`Ai` for "AI", repaired only where the words around
//! them leave no doubt.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text as clean lines: NFC, spaces normalised, trailing space trimmed,
/// bullet glyphs unified to `•`, OCR slips repaired.
pub fn clean_lines(text: &str) -> Vec<String> {
    let text: Cow<str> = if is_nfc_quick(non_ascii_chars(text)) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    let ai_context = mentions_ai(&text);
    text.split('\n')
        .map(|line| {
            let line = normalise_line(line.trim_end_matches('\r'));
            match repair_ocr(&line, ai_context) {
                Cow::Borrowed(_) => line,
                Cow::Owned(fixed) => fixed,
            }
        })
        .collect()
}

/// The characters of `text` that are not ASCII, in order: enough for the
/// NFC quick check. An ASCII character is in NFC and of combining class 0,
/// so no order of marks is broken across one; without them the check may
/// only answer "maybe" more often (then the text is normalised, which
/// changes nothing), never "yes" where the whole text would not. Most of a
/// document is ASCII, and decoding it all for the check was a sixtieth of
/// a cold build.
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = &rest[crate::text::words::ascii_prefix_len(rest.as_bytes())..];
        let c = rest.chars().next()?;
        rest = &rest[c.len_utf8()..];
        Some(c)
    })
}

/// Glyphs that mark a list item.
pub const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '●', '○', '■', '□', '‣', '⁃', '∙', '➢', '➤', '►', '▶', '✓', '✔',
];

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}')
}

fn normalise_line(line: &str) -> String {
    let plain = line
        .bytes()
        .fold(true, |ok, b| ok & (b' '..0x7f).contains(&b));
    if plain {
        return line.trim_end().to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut at_start = true;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        // Runs of ASCII other than tabs are kept as they are, in one copy.
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii() || b == b'\t')
            .unwrap_or(rest.len());
        if run > 0 {
            let (ascii, after) = rest.split_at(run);
            out.push_str(ascii);
            at_start &= ascii.chars().all(char::is_whitespace);
            rest = after;
            continue;
        }
        match c {
            '\t' => out.push_str("    "),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if at_start && (BULLETS.contains(&c) || is_private_use(c)) => out.push('•'),
            c if is_private_use(c) => {}
            c => out.push(c),
        }
        if !c.is_whitespace() {
            at_start = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Whether the document is about AI at all: only then is `Al` read as "AI".
fn mentions_ai(text: &str) -> bool {
    let words = text.match_indices("AI").filter(|(i, _)| {
        let before = text[..*i].chars().next_back();
        let after = text[i + 2..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    });
    words.count() >= 2 || text.to_lowercase().contains("artificial intelligence")
}

/// Nouns that follow "AI" in policy text ("AI governance", "AI Action Plan");
/// after `Al` they show the OCR slip. Names ("Al Gore") never take these.
const AI_COLLOCATES: &[&str] = &[
    "act",
    "action",
    "adoption",
    "agents",
    "applications",
    "capabilities",
    "chips",
    "companies",
    "computing",
    "cybersecurity",
    "data",
    "deployment",
    "development",
    "ecosystem",
    "era",
    "ethics",
    "framework",
    "frameworks",
    "governance",
    "guidelines",
    "industry",
    "infrastructure",
    "innovation",
    "institute",
    "institutions",
    "investment",
    "literacy",
    "market",
    "models",
    "model",
    "platforms",
    "policies",
    "policy",
    "principles",
    "process",
    "products",
    "readiness",
    "regulation",
    "regulations",
    "research",
    "risks",
    "rules",
    "safety",
    "sector",
    "security",
    "services",
    "skills",
    "solutions",
    "standards",
    "startups",
    "strategy",
    "systems",
    "system",
    "talent",
    "technologies",
    "technology",
    "tools",
    "training",
    "use",
    "workforce",
];

/// Words after which a sentence-final `Al` can only be "AI" ("deployment of Al.").
const AI_PRECEDERS: &[&str] = &[
    "of",
    "the",
    "and",
    "in",
    "for",
    "on",
    "with",
    "generative",
    "trusted",
    "trustworthy",
    "responsible",
    "secure",
    "safe",
    "use",
    "using",
    "human-centric",
    "advanced",
];

/// What may follow a sentence-initial "All" that was meant as "AI":
/// "All has become a driving force" is not English with "all".
const ALL_AS_AI: &[&str] = &[
    "has become a ",
    "has become an ",
    "is becoming a ",
    "is becoming an ",
    "has emerged as ",
    "is becoming increasingly ",
];

pub fn repair_ocr(line: &str, ai_context: bool) -> Cow<'_, str> {
    if !ai_context || !(line.contains("Al") || line.contains("Ai")) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut last = 0;
    for (i, _) in line.match_indices(['A']) {
        if i < last {
            continue;
        }
        let len = slip_length(line, i);
        if len > 0 {
            out.push_str(&line[last..i]);
            out.push_str("AI");
            last = i + len;
        }
    }
    if last == 0 {
        return Cow::Borrowed(line);
    }
    out.push_str(&line[last..]);
    Cow::Owned(out)
}

/// The length of an OCR slip for "AI" starting at byte `i` (0 if none).
fn slip_length(line: &str, i: usize) -> usize {
    let rest = &line[i..];
    let before = &line[..i];
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return 0;
    }
    if rest.starts_with("All ") && sentence_start(before) {
        let after = &rest[4..];
        return if ALL_AS_AI.iter().any(|p| after.starts_with(p)) {
            3
        } else {
            0
        };
    }
    if !(rest.starts_with("Al") || rest.starts_with("Ai")) {
        return 0;
    }
    let after = &rest[2..];
    let next = after.chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return 0;
    }
    let slip = match next {
        Some('-') => hyphen_compound(&after[1..]),
        Some(' ') => AI_COLLOCATES.contains(&first_word(&after[1..]).to_lowercase().as_str()),
        Some('.' | ',' | ';' | ':' | ')') | None => {
            AI_PRECEDERS.contains(&last_word(before).to_lowercase().as_str())
        }
        _ => false,
    };
    if slip {
        2
    } else {
        0
    }
}

/// "Al-based", "Al-Powered": an English participle after the hyphen, not a
/// name ("Al-Qaeda").
fn hyphen_compound(after: &str) -> bool {
    let word = first_word(after);
    let lower = word.to_lowercase();
    let english = [
        "based",
        "powered",
        "driven",
        "enabled",
        "ready",
        "generated",
        "related",
    ];
    english.contains(&lower.as_str()) || word.chars().next().is_some_and(char::is_lowercase)
}

fn first_word(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    &s[..end]
}

fn last_word(s: &str) -> &str {
    s.trim_end().rsplit(' ').next().unwrap_or("")
}

fn sentence_start(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '•']) || before.ends_with(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_composed_whatever_ascii_sits_between_its_marks() {
        let long = "x".repeat(40);
        let cases = [
            ("Cafe\u{301}", "Café"),
            ("A\u{30a}ngstro\u{308}m", "Ångström"),
            ("a\u{323}\u{302}", "\u{1ead}"),
            ("a\u{302}\u{323}", "\u{1ead}"),
        ];
        for (text, nfc) in cases {
            let text = format!("{long}{text} “q”");
            assert_eq!(clean_lines(&text), [format!("{long}{nfc} “q”")], "{text:?}");
        }
    }

    #[test]
    fn lines_are_normalised_in_place() {
        let cases = [
            ("  \u{25AA} item\u{00A0}one\t", "  • item one"),
            ("\u{E001} icon bullet", "• icon bullet"),
            (
                "text \u{25AA} stays, \u{E001}gone",
                "text \u{25AA} stays, gone",
            ),
            ("a\tb\u{200B}c\u{00AD}d", "a    bcd"),
            (
                "\u{000B}\u{25CF} after a vertical tab",
                "\u{000B}• after a vertical tab",
            ),
            (
                "caf\u{00E9} \u{2014} ok \u{3000}",
                "caf\u{00E9} \u{2014} ok",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(normalise_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn ocr_slips_are_repaired_only_when_unambiguous() {
        let cases = [
            (
                "within the Hiroshima Al Process, which",
                "within the Hiroshima AI Process, which",
            ),
            (
                "The recently released U.S. Al Action Plan",
                "The recently released U.S. AI Action Plan",
            ),
            (
                "Developing Al-based detection",
                "Developing AI-based detection",
            ),
            (
                " Al-Powered Threat Mitigation",
                " AI-Powered Threat Mitigation",
            ),
            (
                "Energy-Efficient Al Infrastructure:",
                "Energy-Efficient AI Infrastructure:",
            ),
            (
                "secure deployment of Al. Based on",
                "secure deployment of AI. Based on",
            ),
            (
                "implementation of Ai, as well",
                "implementation of AI, as well",
            ),
            (
                "economy. All has become a driving force",
                "economy. AI has become a driving force",
            ),
            ("All has become clear.", "All has become clear."),
            ("All countries should act.", "All countries should act."),
            (
                "Al Gore spoke with Ai Weiwei.",
                "Al Gore spoke with Ai Weiwei.",
            ),
            ("a report by Al-Jazeera", "a report by Al-Jazeera"),
            ("Alliance and Allies", "Alliance and Allies"),
        ];
        for (line, want) in cases {
            assert_eq!(repair_ocr(line, true), want, "{line}");
        }
        assert_eq!(
            repair_ocr("the Hiroshima Al Process", false),
            "the Hiroshima Al Process"
        );
    }

    #[test]
    fn unicode_is_normalised() {
        let text = "Policy\u{a0}Proposals\u{a0}\r\n\u{f0b7} lost glyph\n  \u{2022} bullet\nCafe\u{301} “quoted”\u{200b}\n";
        let lines = clean_lines(text);
        assert_eq!(
            lines,
            [
                "Policy Proposals",
                "• lost glyph",
                "  • bullet",
                "Café “quoted”",
                ""
            ]
        );
    }

    #[test]
    fn ai_context_needs_the_document_to_speak_of_ai() {
        assert!(mentions_ai("AI and AI-based tools"));
        assert!(mentions_ai("on Artificial Intelligence"));
        assert!(!mentions_ai("MAIL and AIM and one AI"));
    }
}
