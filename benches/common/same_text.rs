//! How the accuracy benches compare a title with its label (each includes
//! this file with `#[path]`).

/// Text compared as a reader would: case, spacing, dash and quote styles
/// and a final full stop aside.
pub fn same_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(match c {
                '–' | '—' | '‐' | '‑' => Some('-'),
                '“' | '”' | '„' => Some('"'),
                '‘' | '’' => Some('\''),
                c => c.to_lowercase().next(),
            });
        }
    }
    out.trim_end_matches(['.', ' ']).to_string()
}
