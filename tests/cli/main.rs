//! The command line as a user meets it, through the `briefing` binary: a
//! new project from `init`, drafts, fixed slugs and the redirects left
//! where a page moved (by `build` and by `serve`), `--base-url` and
//! `--drafts` on every command that builds, `-q`/`-v`, `--json` and `clean`.

mod clean;
mod drafts;
mod help;
mod init;
mod output;
mod serve_redirects;
mod site_flags;
mod slugs;
mod support;
