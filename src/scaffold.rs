//! What `briefing init` writes: a starter project (a `briefing.yaml` with
//! every key at its default and an empty taxonomy, and an example document
//! that validates against it), or the bundled example corpus (its seeds and
//! the `briefing.yaml` of its taxonomy). Everything is embedded, so the
//! binary alone can make either.

/// A file of a new project: its path inside the project, and its bytes.
pub type File = (&'static str, &'static [u8]);

/// The starter `briefing.yaml`: every key with its default, explained.
pub const STARTER_CONFIG: &str = include_str!("scaffold/briefing.yaml");

/// The starter's example document, in `content/` (a hand-written file,
/// which ingest never touches).
pub const EXAMPLE_DOCUMENT: &str = include_str!("scaffold/example.md");

/// Keeps the built site and the build's own files out of version control.
const GITIGNORE: &str = "/public\n/public.*\n/.public.lock\n/.public.build.json\n";

macro_rules! embed_seeds {
    ($($name:literal),* $(,)?) => {
        &[$((concat!("seeds/", $name), include_bytes!(concat!("../seeds/", $name)))),*]
    };
}

/// The bundled corpus's seeds and overrides (a test keeps this list equal
/// to the folder).
pub const EXAMPLE_SEEDS: &[File] = embed_seeds![
    "000_000c3cbcac94fb9a.txt",
    "001_124cfd008041aaae.txt",
    "002_76599807f39b3a3b.txt",
    "002_76599807f39b3a3b.yaml",
    "003_4286cd13c5110f0e.txt",
    "004_3c93a3b70b66d52e.txt",
];

/// The starter project's files.
pub fn starter() -> Vec<File> {
    vec![
        ("briefing.yaml", STARTER_CONFIG.as_bytes()),
        ("content/getting-started.md", EXAMPLE_DOCUMENT.as_bytes()),
        (".gitignore", GITIGNORE.as_bytes()),
    ]
}

/// The bundled example project's files: its taxonomy and its seeds.
pub fn example() -> Vec<File> {
    let config = ("briefing.yaml", crate::config::DEFAULT_CONFIG.as_bytes());
    let gitignore = (".gitignore", GITIGNORE.as_bytes());
    [config, gitignore]
        .into_iter()
        .chain(EXAMPLE_SEEDS.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    #[test]
    fn the_embedded_seeds_are_the_seeds_folder() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| format!("seeds/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = EXAMPLE_SEEDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(embedded, on_disk);
    }

    /// The starter says it holds every key at its default: it reads as the
    /// defaults do, its title and empty taxonomy apart.
    #[test]
    fn the_starter_config_holds_the_defaults() {
        let starter = Config::parse(STARTER_CONFIG, Path::new("briefing.yaml")).unwrap();
        let defaults = Config::parse("title: My Briefing\n", Path::new("d.yaml")).unwrap();
        let json = |c: &Config| serde_json::to_value(c).unwrap();
        assert_eq!(json(&starter), json(&defaults));
        for key in json(&defaults).as_object().unwrap().keys() {
            assert!(
                STARTER_CONFIG.contains(&format!("\n{key}:")),
                "{key} is not written out"
            );
        }
    }
}
