//! Every command and every flag says in `--help` what it is for.

use crate::support::ok;

const COMMANDS: &[&str] = &["build", "ingest", "serve", "check", "pdf", "init", "clean"];

/// The option lines of a `-h` text: each must carry a description.
fn undescribed(help: &str) -> Vec<String> {
    help.lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .filter(|l| {
            let flag_end = l.trim_start().find("  ").unwrap_or(l.len());
            l.trim_start()[flag_end.min(l.trim_start().len())..]
                .trim()
                .len()
                < 10
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_flag_has_a_description() {
    let dir = tempfile::tempdir().unwrap();
    let top = ok(dir.path(), &["-h"]);
    for command in COMMANDS {
        let line = top.lines().find(|l| l.trim_start().starts_with(command));
        assert!(
            line.is_some_and(|l| l.len() > 20),
            "{command} is not described:\n{top}"
        );
        let help = ok(dir.path(), &[command, "-h"]);
        assert_eq!(
            undescribed(&help),
            Vec::<String>::new(),
            "{command}:\n{help}"
        );
        for global in ["--root", "--quiet", "--verbose"] {
            assert!(help.contains(global), "{command} lacks {global}");
        }
    }
    assert!(ok(dir.path(), &["build", "-h"]).contains("--base-url <URL>"));
    assert!(ok(dir.path(), &["serve", "-h"]).contains("--drafts"));
}
