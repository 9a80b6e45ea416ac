//! `briefing`: raw policy documents in, a cross-linked briefing site out.
//!
//! The pipeline runs one way, one module per stage; each stage takes the
//! previous stage's value and knows nothing of the next:
//!
//! ```text
//! seeds/*.txt ──ingest──▶ content/*.md ──site::load──▶ Site ──render──▶ public/
//! ```
//!
//! [`config`] holds the corpus taxonomy, [`content`] the file format between
//! ingest and site, [`build`] runs the stages in order, [`serve`] previews
//! the built site and rebuilds it on change.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod ingest;
pub mod pdf;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod suggest;
pub mod text;
pub mod util;
pub mod web_page;

pub use config::Config;
pub use error::{Error, Result};
