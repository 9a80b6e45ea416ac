//! The briefing book: the print page and packs built from the fixture sites
//! (and the project's own seed briefing once it has content), and
//! `briefing pdf` where Chromium and poppler are installed.

mod book;
mod pdf;
mod support;
