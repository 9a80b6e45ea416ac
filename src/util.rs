//! Small helpers shared by every stage: slugs, digests and safe file writes.

use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Long enough for a distinctive title, short enough for a readable URL.
pub const MAX_SLUG_LEN: usize = 64;

/// Whether `slug` is a page name as [`slugify`] makes them: a `slug:` set
/// by hand must be one, or the page would be written under another name.
pub fn is_page_name(slug: &str) -> bool {
    slugify(slug) == slug
}

/// What to do about a `slug:` that is not a page name.
pub fn bad_page_name(slug: &str) -> String {
    format!(
        "slug {slug:?} is not a page name: use lower-case letters, digits and '-' only, \
         at most {MAX_SLUG_LEN} characters (such as {:?})",
        slugify(slug)
    )
}

/// A file-name-safe slug: ASCII lower-case letters, digits and single dashes,
/// at most [`MAX_SLUG_LEN`] bytes, cut at a word boundary. Never empty,
/// never `.`/`..`, never a path.
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::with_capacity(text.len());
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation()) && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_matches('-').to_string();
    if slug.len() > MAX_SLUG_LEN {
        let cut = match slug[..=MAX_SLUG_LEN].rfind('-') {
            Some(dash) if dash > MAX_SLUG_LEN / 2 => dash,
            _ => MAX_SLUG_LEN,
        };
        slug.truncate(cut);
        slug = slug.trim_end_matches('-').to_string();
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    if is_reserved_name(&slug) {
        slug.push_str("-page");
    }
    slug
}

/// Names Windows refuses as a file name with any extension (`con.html`,
/// `aux.xml`): a site built on Linux must still unpack on Windows.
pub fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    match stem.as_str() {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let (head, tail) = stem.split_at(crate::text::floor_char_boundary(&stem, 3));
            matches!(head, "com" | "lpt") && tail.len() == 1 && tail.as_bytes()[0].is_ascii_digit()
        }
    }
}

/// Prefix of the temporary files [`write_atomic`] writes; a file left with
/// it by a killed process is garbage ([`remove_temp_files`]).
pub const TEMP_PREFIX: &str = ".briefing-tmp-";

/// Removes temporary files a killed write left in `dir`. Called under the
/// build lock; a concurrent build of the same project into another output
/// could lose a live temporary file, and then fails with an error naming
/// it: never a partial file.
pub fn remove_temp_files(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(&entry.path(), e))?;
        }
    }
    Ok(())
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A 128-bit XXH3 digest in hexadecimal: what a build keeps to tell two
/// versions of a text apart (a document in the build manifest, a list's
/// members), where nothing is at stake but a page rendered again. Never
/// written into content files, whose digests stay SHA-256. Ten times the
/// speed of SHA-256 even with the CPU's SHA instructions, which hashing
/// every content file and list at each build needs.
pub fn quick_digest(bytes: &[u8]) -> String {
    hex(&xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes())
}

/// `bytes` in lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(2 * bytes.len());
    for &b in bytes {
        hex.push(HEX[usize::from(b >> 4)] as char);
        hex.push(HEX[usize::from(b & 0xf)] as char);
    }
    hex
}

/// Writes through a temporary file in the same folder and renames it into
/// place, so a reader (or a killed process) never sees half a file.
///
/// No fsync: the rename alone is atomic against a killed process (the data
/// is in the kernel once `write` returns), and an fsync per file was a
/// quarter of ingest's time. Only an OS crash or power cut in the seconds
/// after a write could lose it; the files written this way are generated
/// (content from seeds, which ingest regenerates; the site, swapped in whole),
/// and ingest never writes over a file edited by hand.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // A temporary file is private (0600) by default; what is renamed into
    // place is an ordinary file, so it gets the mode the umask gives one.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Removes the file at `path`; one that is not there is no error.
pub fn remove_file_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// Like [`write_atomic`], but leaves the file (and its mtime) alone when it
/// already holds these bytes. Returns whether it wrote.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    write_atomic(path, bytes)?;
    Ok(true)
}

/// With `-v` or `BRIEFING_TRACE` set, prints the time since the process started and
/// its resident memory after a build stage (memory on Linux only): how the
/// figures per stage in docs/performance.md are measured.
pub fn trace_stage(stage: &str) {
    if !TRACE.load(std::sync::atomic::Ordering::Relaxed)
        && std::env::var_os("BRIEFING_TRACE").is_none()
    {
        return;
    }
    let resident = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split(' ').nth(1)?.parse::<u64>().ok())
        .map(|pages| format!(", {} MB resident", pages * 4096 / 1_000_000))
        .unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| cpu_ticks(&stat))
        .map(|(user, system)| format!(", CPU {}0 ms user {}0 ms system", user, system))
        .unwrap_or_default();
    let elapsed = PROCESS_START.get_or_init(std::time::Instant::now).elapsed();
    eprintln!("after {stage}: {} ms{resident}{cpu}", elapsed.as_millis());
}

/// User and system CPU time in `/proc/self/stat`, in ticks (1/100 s on
/// Linux): fields 14 and 15, counted after the command name's `)`.
fn cpu_ticks(stat: &str) -> Option<(u64, u64)> {
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
}

/// When the process started, as near as `trace_stage` can tell: set by
/// [`start_trace_clock`] from `main`.
static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Whether [`trace_stage`] prints without `BRIEFING_TRACE` (`-v`).
static TRACE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes [`trace_stage`] print each stage's time, as `-v` asks.
pub fn trace_stages() {
    TRACE.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Starts the clock [`trace_stage`] measures from.
pub fn start_trace_clock() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_times_are_read_after_the_command_name() {
        // A command name may hold spaces and parentheses.
        let stat = "42 (a) b) S 1 42 42 0 -1 4194560 100 0 0 0 37 5 0 0 20 0 3 0";
        assert_eq!(cpu_ticks(stat), Some((37, 5)));
        assert_eq!(cpu_ticks("42 (a) S 1"), None);
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slugify("Data Free Flow with Trust (DFFT)"),
            "data-free-flow-with-trust-dfft"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("C:\\Windows"), "c-windows");
        assert_eq!(slugify("Ōsaka Track"), "osaka-track");
        assert_eq!(slugify("..."), "untitled");
        assert!(slugify(&"x".repeat(500)).len() <= MAX_SLUG_LEN);
        assert_eq!(
            slugify(
                "Joint letter: Industry Recommendations for further EU-Japan Digital Cooperation"
            ),
            "joint-letter-industry-recommendations-for-further-eu-japan"
        );
        assert_eq!(slugify("/etc/passwd"), "etc-passwd");
        assert_eq!(slugify("C:\\"), "c");
        assert_eq!(slugify("\\\\server\\share"), "server-share");
    }

    #[test]
    fn reserved_windows_names_get_a_suffix() {
        for name in ["CON", "nul", "Aux", "PRN", "COM1", "lpt9", "com¹"] {
            let slug = slugify(name);
            assert!(slug.ends_with("-page"), "{name}: {slug}");
            assert!(!is_reserved_name(&slug), "{name}: {slug}");
        }
        assert_eq!(slugify("Console"), "console");
        assert_eq!(slugify("com10"), "com10");
        assert!(is_reserved_name("con.html"));
        // A name that is not ASCII within its first three bytes.
        assert!(!is_reserved_name("coé.html"));
        assert!(!is_reserved_name("日本.html"));
    }

    #[test]
    fn temp_files_left_by_a_killed_write_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(format!("{TEMP_PREFIX}abc")), "half").unwrap();
        std::fs::write(dir.path().join("keep.md"), "whole").unwrap();
        remove_temp_files(dir.path()).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["keep.md"]);
    }

    #[test]
    fn write_if_changed_skips_identical_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        assert!(write_if_changed(&path, b"one").unwrap());
        assert!(!write_if_changed(&path, b"one").unwrap());
        assert!(write_if_changed(&path, b"two").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }
}
