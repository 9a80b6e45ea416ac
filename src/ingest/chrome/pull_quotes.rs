//! Pull quotes: a sentence of the text set again between paragraphs,
//! alone and larger, beside the passage it quotes, to catch the eye. A
//! capture keeps it as a short line of its own that a nearby paragraph
//! repeats word for word ("Close cooperation and commitment to shared
//! values is essential.").

use memchr::memmem;

use crate::text::words::word_count;

/// The fewest and most words of a pull quote: fewer is a label or a
/// heading, more a paragraph of its own.
const WORDS: std::ops::RangeInclusive<usize> = 5..=25;

/// The longest line of [`WORDS`] words, in bytes: a longer one is not
/// counted.
const MAX_BYTES: usize = 400;

/// How many lines above or below a pull quote the passage it quotes is
/// looked for.
const NEARBY: usize = 8;

/// The lines that are pull quotes (alone between blank lines, of
/// [`WORDS`] words, and found again inside a longer line within
/// [`NEARBY`] lines), each with the blank line under it.
pub(super) fn repeated(lines: &[String]) -> Vec<usize> {
    candidates(lines)
        .into_iter()
        .filter(|&i| is_repeated_nearby(lines, i))
        .flat_map(|i| [i, i + 1])
        .filter(|&i| i < lines.len())
        .collect()
}

/// Whether a longer line near line `i` holds its words. The first word is
/// left out: a quote capitalises it, the sentence it comes from may not.
fn is_repeated_nearby(lines: &[String], i: usize) -> bool {
    let quote = lines[i].trim().trim_end_matches(['.', '!', '?', '”', '"']);
    let Some((_, rest)) = quote.split_once(' ') else {
        return false;
    };
    let words = word_count(quote);
    let finder = memmem::Finder::new(rest);
    let near = i.saturating_sub(NEARBY)..lines.len().min(i + NEARBY + 1);
    near.filter(|&j| j != i && lines[j].len() > quote.len())
        .any(|j| finder.find(lines[j].as_bytes()).is_some() && word_count(&lines[j]) > words)
}

/// The lines that may be pull quotes: alone between blank lines, a
/// sentence of [`WORDS`] words, below the first paragraph. A pull quote
/// sits between paragraphs of the text, not in the head, where a title
/// stands alone and the first paragraph repeats it.
fn candidates(lines: &[String]) -> Vec<usize> {
    let Some(first_paragraph) = lines.iter().position(|l| is_paragraph(l)) else {
        return Vec::new();
    };
    let blank = |i: Option<&String>| i.is_none_or(|l| l.trim().is_empty());
    let alone = |i: usize| blank(lines.get(i - 1)) && blank(lines.get(i + 1));
    (first_paragraph + 1..lines.len())
        .filter(|&i| alone(i) && lines[i].len() <= MAX_BYTES && is_sentence(&lines[i]))
        .filter(|&i| WORDS.contains(&word_count(&lines[i])))
        .collect()
}

fn is_paragraph(line: &str) -> bool {
    let words = word_count(line);
    words > 30 || (words >= 12 && is_sentence(line))
}

/// A line that ends as a sentence does, perhaps inside a closing quote.
fn is_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['”', '"', '’', '\'']);
    t.ends_with(['.', '!', '?', '。'])
}
