//! Front matter values checked against the taxonomy of `briefing.yaml`:
//! every theme, dialogue and kind slug must be one the config defines. serde
//! checks the keys; this checks the values, and points at the line that holds
//! the bad one.

use std::path::Path;

use crate::config::Config;
use crate::content::FrontMatter;
use crate::error::Error;

/// Every unknown slug in `front`, each an error at its line in `text` that
/// lists the slugs `briefing.yaml` knows.
pub fn validate_front_matter(
    path: &Path,
    text: &str,
    front: &FrontMatter,
    config: &Config,
) -> Vec<Error> {
    let themes: Vec<&str> = config.themes.iter().map(|t| t.slug.as_str()).collect();
    let dialogues: Vec<&str> = config.dialogues.iter().map(|d| d.slug.as_str()).collect();
    let kinds: Vec<&str> = config.kinds.iter().map(|k| k.slug.as_str()).collect();
    let mut errors = Vec::new();
    let mut check = |key: &str, what: &str, value: &str, known: &[&str]| {
        if !known.contains(&value) {
            let (line, column) = locate(text, key, value);
            let message = format!(
                "unknown {what} {value:?}: briefing.yaml defines {}; fix the slug or add the {what} to briefing.yaml",
                list(known)
            );
            errors.push(Error::at(path, text, line, column, message));
        }
    };
    for theme in &front.themes {
        check("themes", "theme", &theme.slug, &themes);
    }
    for dialogue in &front.dialogues {
        check("dialogues", "dialogue", dialogue, &dialogues);
    }
    check("kind", "kind", &front.kind, &kinds);
    for rec in &front.recommendations {
        for theme in &rec.themes {
            check("recommendations", "theme", theme, &themes);
        }
    }
    if let Some(slug) = front.slug.as_deref() {
        if !crate::util::is_page_name(slug) {
            let (line, column) = locate(text, "slug", slug);
            let message = crate::util::bad_page_name(slug);
            errors.push(Error::at(path, text, line, column, message));
        }
    }
    errors
}

fn list(known: &[&str]) -> String {
    if known.is_empty() {
        return "none".to_string();
    }
    known.join(", ")
}

/// Line and column (1-based) of `value` as a whole word in the YAML block of
/// top-level `key`; the key's own line when the value is not found there.
fn locate(text: &str, key: &str, value: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let key_prefix = format!("{key}:");
    let Some(start) = lines.iter().position(|l| l.starts_with(&key_prefix)) else {
        return (1, 1);
    };
    for (i, line) in lines.iter().enumerate().skip(start) {
        let top_level = !line.starts_with([' ', '\t', '-']) && !line.is_empty();
        if i > start && (top_level || line.trim_end() == "---") {
            break;
        }
        let from = if i == start { key_prefix.len() } else { 0 };
        if let Some(col) = find_word(&line[from..], value) {
            return (i + 1, from + col + 1);
        }
    }
    (start + 1, 1)
}

fn find_word(haystack: &str, word: &str) -> Option<usize> {
    let is_slug_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(word) {
        let at = from + pos;
        let end = at + word.len();
        let before_ok = at == 0 || !is_slug_byte(bytes[at - 1]);
        let after_ok = end >= bytes.len() || !is_slug_byte(bytes[end]);
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ContentFile;

    fn config() -> Config {
        let yaml = "title: t\nthemes:\n  - {slug: ai, name: AI}\n  - {slug: privacy, name: P}\n\
                    dialogues:\n  - {slug: us-japan, name: U}\n";
        Config::parse(yaml, Path::new("briefing.yaml")).unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        let file = ContentFile::parse(Path::new("c.md"), text).unwrap();
        validate_front_matter(Path::new("c.md"), text, &file.front_matter, &config())
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn unknown_slugs_name_their_line_and_the_known_ones() {
        let text = "---\ntitle: T\ndialogues: [us-japan]\nkind: memo\nthemes:\n  - {slug: ai, weight: 0.5}\n  - {slug: aii, weight: 0.5}\n---\n";
        let errors = errors(text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("c.md:7:12: unknown theme \"aii\""),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("defines ai, privacy"), "{}", errors[0]);
        assert!(errors[0].contains("7 |   - {slug: aii"), "{}", errors[0]);
        assert!(
            errors[1].starts_with("c.md:4:7: unknown kind \"memo\""),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn known_slugs_pass() {
        let text = "---\ntitle: T\ndialogues: [us-japan]\nthemes: [{slug: ai, weight: 1}]\nrecommendations:\n  - {section: s, themes: [privacy], text: x}\n---\n";
        assert!(errors(text).is_empty());
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_word("[ai-x, ai]", "ai"), Some(7));
        assert_eq!(find_word("[aix]", "ai"), None);
    }
}
