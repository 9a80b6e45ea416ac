//! Integration tests of `briefing build` / `check` on the fixture sites:
//! pages, links and cross-links, determinism, atomicity, error messages,
//! template and static overrides, and small HTML snapshots.

mod build;
mod errors;
mod overrides;
mod support;
