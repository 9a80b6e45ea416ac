//! The library's error type. Every variant carries the file it is about, and
//! where we parse text ourselves the line and column, so a message always says
//! which file to open and what to change.

use std::fmt;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A syntax or schema error at a known place in a text file.
    #[error("{location}: {message}\n{snippet}")]
    Parse {
        location: Location,
        message: String,
        snippet: String,
    },
    #[error("{}: {message}", path.display())]
    Config { path: PathBuf, message: String },
    /// A file that cannot be used as input (empty, binary, not UTF-8, too large …).
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    /// The site could not be written where it goes (read-only folder, full disk …).
    #[error("{}: {message}", path.display())]
    Output { path: PathBuf, message: String },
    /// Another build holds the project's lock.
    #[error("{message}")]
    Locked { path: PathBuf, message: String },
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("{0}")]
    Other(String),
    /// Several independent problems (every bad content file, not just the first).
    #[error("{}", join_errors(.0))]
    Many(Vec<Error>),
}

fn join_errors(errors: &[Error]) -> String {
    let mut text = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(&e.to_string());
    }
    text
}

/// `file:line:column`, 1-based, as editors and terminals understand it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn config(path: &Path, message: impl Into<String>) -> Error {
        Error::Config {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    pub fn input(path: &Path, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// An error at `line`/`column` (1-based) of `text`, which is the content of `path`.
    pub fn at(
        path: &Path,
        text: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Error {
        Error::Parse {
            location: Location {
                path: path.to_path_buf(),
                line,
                column,
            },
            message: message.into(),
            snippet: snippet(text, line, column),
        }
    }

    /// A yaml_serde error in a YAML block that starts after `line_offset` lines of `text`.
    pub fn yaml(path: &Path, text: &str, line_offset: usize, err: &yaml_serde::Error) -> Error {
        let message = err.to_string();
        if let Some((line, column, hint)) = unclosed_at(&message) {
            let message = format!("{hint} (the YAML reader gave up further on)");
            return Error::at(path, text, line + line_offset, column, message);
        }
        // yaml_serde appends " at line N column M" to its message; we show that ourselves.
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        let (line, column) = quoted_value_position(text, line_offset, &message)
            .or_else(|| err.location().map(|l| (l.line() + line_offset, l.column())))
            .unwrap_or((line_offset + 1, 1));
        Error::at(path, text, line, column, message)
    }

    /// One error as itself, several as [`Error::Many`].
    pub fn many(mut errors: Vec<Error>) -> Error {
        if errors.len() == 1 {
            errors.remove(0)
        } else {
            Error::Many(errors)
        }
    }

    /// The path the error is about, when it is about a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. }
            | Error::Config { path, .. }
            | Error::Input { path, .. }
            | Error::Output { path, .. }
            | Error::Locked { path, .. } => Some(path),
            Error::Parse { location, .. } => Some(&location.path),
            Error::Template { .. } | Error::Other(_) | Error::Many(_) => None,
        }
    }
}

/// An unclosed quote or bracket: libyaml reads on to the end of the text
/// and reports that place, naming where the quote or bracket was opened
/// ("…, while scanning a quoted scalar at line 2 column 8"). That line is
/// the one to fix: its position (in the YAML) and what to do.
fn unclosed_at(message: &str) -> Option<(usize, usize, &'static str)> {
    const OPENERS: &[(&str, &str)] = &[
        (
            "while scanning a quoted scalar at line ",
            "this quoted value is never closed: add the closing quote",
        ),
        (
            "while parsing a flow sequence at line ",
            "this [ list is never closed: add the closing ]",
        ),
        (
            "while parsing a flow mapping at line ",
            "this { mapping is never closed: add the closing }",
        ),
    ];
    OPENERS.iter().find_map(|(context, hint)| {
        let (_, place) = message.split_once(context)?;
        let (line, rest) = place.split_once(" column ")?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((line.parse().ok()?, column.parse().ok()?, *hint))
    })
}

/// A value check (ours, not yaml_serde's syntax check) reports no useful
/// location but quotes the bad value: point at the line that holds it.
fn quoted_value_position(text: &str, line_offset: usize, message: &str) -> Option<(usize, usize)> {
    let start = message.find(": invalid ")?;
    let quoted = message[start..].split('"').nth(1)?;
    if quoted.is_empty() {
        return None;
    }
    text.lines()
        .enumerate()
        .skip(line_offset)
        .find_map(|(i, l)| l.find(quoted).map(|col| (i + 1, col + 1)))
}

/// The offending line with a caret under the column, as rustc shows it.
pub fn snippet(text: &str, line: usize, column: usize) -> String {
    let Some(content) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let shown: String = content.chars().take(200).collect();
    let caret_at = column.saturating_sub(1).min(shown.chars().count());
    format!(
        "{pad} |\n{number} | {shown}\n{pad} | {}^",
        " ".repeat(caret_at)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_shows_location_and_line() {
        let err = Error::at(
            Path::new("a.md"),
            "one\ntwo: [\nthree",
            2,
            6,
            "unclosed list",
        );
        let msg = err.to_string();
        assert!(msg.starts_with("a.md:2:6: unclosed list"), "{msg}");
        assert!(msg.contains("2 | two: ["), "{msg}");
        assert!(msg.contains("  |      ^"), "{msg}");
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens_not_where_the_reader_stopped() {
        let text = "---\ntitle: \"Unclosed\ndate: 2024\nthemes: []\n---\n\nBody.\n";
        let yaml = &text[4..text.find("\n---\n").unwrap() + 1];
        let err = yaml_serde::from_str::<yaml_serde::Value>(yaml).unwrap_err();
        let msg = Error::yaml(Path::new("a.md"), text, 1, &err).to_string();
        assert!(
            msg.starts_with("a.md:2:8: this quoted value is never closed"),
            "{msg}"
        );
        assert!(msg.contains("2 | title: \"Unclosed"), "{msg}");
        let list = "a: [1, 2\nb: 3\n";
        let err = yaml_serde::from_str::<yaml_serde::Value>(list).unwrap_err();
        let msg = Error::yaml(Path::new("b.yaml"), list, 0, &err).to_string();
        assert!(
            msg.starts_with("b.yaml:1:4: this [ list is never closed"),
            "{msg}"
        );
    }

    #[test]
    fn snippet_past_end_is_empty() {
        assert_eq!(snippet("a", 5, 1), "");
    }
}
