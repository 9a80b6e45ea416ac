//! The command line as a user meets it, through the `briefing` binary: a
//! new project from `init`, drafts, fixed slugs and the redirects left
//! where a page moved, `--base-url`, `-q`/`-v`, `--json` and `clean`.

mod clean;
mod drafts;
mod help;
mod init;
mod output;
mod slugs;
mod support;
