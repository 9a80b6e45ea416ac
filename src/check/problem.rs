//! A problem `check` (or `ingest`) reports: where it is and what is wrong,
//! as one line for the terminal and as fields for `--json`.

use std::fmt;

use serde::Serialize;

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file it is in; `None` when it is about several.
    pub file: Option<String>,
    /// 1-based, where the file is text we parse.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The lines around the place, for the terminal; empty when there is no place.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub snippet: String,
}

impl Problem {
    /// A problem with the file `file` as a whole.
    pub fn in_file(file: impl fmt::Display, message: impl Into<String>) -> Problem {
        Problem {
            file: Some(file.to_string()),
            ..Problem::general(message)
        }
    }

    /// A problem no one file holds.
    pub fn general(message: impl Into<String>) -> Problem {
        Problem {
            file: None,
            line: None,
            column: None,
            message: message.into(),
            snippet: String::new(),
        }
    }

    /// The problems an error stands for: each of several, with the place it names.
    pub fn of_error(error: &Error) -> Vec<Problem> {
        let shown = |path: &std::path::Path| path.display().to_string();
        let one = match error {
            Error::Many(errors) => return errors.iter().flat_map(Problem::of_error).collect(),
            Error::Parse {
                location,
                message,
                snippet,
            } => Problem {
                file: Some(shown(&location.path)),
                line: Some(location.line),
                column: Some(location.column),
                message: message.clone(),
                snippet: snippet.clone(),
            },
            Error::Io { path, source } => Problem::in_file(shown(path), source.to_string()),
            Error::Config { path, message }
            | Error::Input { path, message }
            | Error::Output { path, message } => Problem::in_file(shown(path), message.clone()),
            other => Problem::general(other.to_string()),
        };
        vec![one]
    }
}

/// As the error it came from reads: `file:line:column: message` and the
/// snippet below.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
            if let (Some(line), Some(column)) = (self.line, self.column) {
                write!(f, "{line}:{column}:")?;
            }
            write!(f, " ")?;
        }
        write!(f, "{}", self.message)?;
        if self.line.is_some() {
            write!(f, "\n{}", self.snippet)?;
        }
        Ok(())
    }
}
