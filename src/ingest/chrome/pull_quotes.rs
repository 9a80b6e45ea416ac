//! Pull quotes: a sentence of the text set again between paragraphs,
//! alone and larger, to catch the eye. A capture keeps it as a short line
//! of its own that a paragraph of the text repeats word for word
//! ("Close cooperation and commitment to shared values is essential.").

use memchr::memmem;

use crate::text::words::word_count;

/// The fewest and most words of a pull quote: fewer is a label or a
/// heading, more a paragraph of its own.
const WORDS: std::ops::RangeInclusive<usize> = 5..=25;

/// The lines that are pull quotes (alone between blank lines, of
/// [`WORDS`] words, and found again, in any case, inside a longer line),
/// each with the blank line under it.
pub(super) fn repeated(lines: &[String]) -> Vec<usize> {
    let blank = |i: Option<&String>| i.is_none_or(|l| l.trim().is_empty());
    let alone =
        |i: usize| blank(i.checked_sub(1).and_then(|p| lines.get(p))) && blank(lines.get(i + 1));
    // A pull quote sits between paragraphs of the text: not in the head,
    // where a title stands alone and the first paragraph repeats it.
    let Some(first_paragraph) = lines.iter().position(|l| is_paragraph(l)) else {
        return Vec::new();
    };
    let candidates: Vec<(usize, usize)> = (first_paragraph + 1..lines.len())
        .filter(|&i| alone(i) && is_sentence(&lines[i]))
        .map(|i| (i, word_count(&lines[i])))
        .filter(|&(_, words)| WORDS.contains(&words))
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let paragraphs: Vec<(usize, String)> = lines
        .iter()
        .map(|l| (word_count(l), l.to_lowercase()))
        .filter(|&(words, _)| words > *WORDS.start())
        .collect();
    candidates
        .into_iter()
        .filter(|&(i, words)| {
            let quote = lines[i]
                .trim()
                .trim_end_matches(['.', '!', '”', '"'])
                .to_lowercase();
            let finder = memmem::Finder::new(quote.as_bytes());
            (paragraphs.iter())
                .filter(|(more, _)| *more > words)
                .any(|(_, text)| finder.find(text.as_bytes()).is_some())
        })
        .flat_map(|(i, _)| [i, i + 1])
        .filter(|&i| i < lines.len())
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
