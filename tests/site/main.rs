//! Integration tests of `briefing build` / `check` on the fixture sites:
//! pages, links and cross-links, determinism, atomicity, error messages,
//! template and static overrides, and small HTML snapshots; the reader's
//! side in a real browser (search, keyboard, 390 px, axe-core, vnu).

mod browser;
mod build;
mod configuration;
mod errors;
mod kinds;
mod overrides;
mod reuse;
mod support;
