//! The briefing book as a PDF: the built print page printed by a locally
//! installed Chromium or Chrome, headless and offline, with a document
//! outline (bookmarks) made from the page's headings, and the page each
//! document starts on in its contents ([`pages`]). No browser is bundled:
//! where none is found the error says which package to install.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::build::{build, BuildOptions, BuildReport, DEFAULT_OUTPUT};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::render::print::BOOK_PATH;

mod pages;

/// Executable names tried on `PATH`, in order.
pub const BROWSER_NAMES: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// Where macOS keeps the browsers' executables (they are not on `PATH`).
const MACOS_APPS: [&str; 2] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/// How long a print may take before it is stopped.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// What to do when no browser is found.
pub const INSTALL_HINT: &str =
    "install Chromium or Google Chrome — Debian/Ubuntu: `sudo apt-get install chromium`; \
Fedora: `sudo dnf install chromium`; macOS: install Google Chrome (https://www.google.com/chrome/) \
or `brew install --cask chromium` — or pass --browser PATH";

#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The browser executable; default: the first found on `PATH`.
    pub browser: Option<PathBuf>,
    /// Where to write; default: `print.output` of briefing.yaml, under the project.
    pub output: Option<PathBuf>,
    /// Print the `public/print.html` already built instead of building first.
    pub no_build: bool,
    /// Default: [`DEFAULT_TIMEOUT`].
    pub timeout: Option<Duration>,
    /// The build that runs first (drafts, another `base_url`); its output
    /// folder is always the project's `public/`, where the book is printed from.
    pub build: BuildOptions,
}

#[derive(Debug)]
pub struct PdfReport {
    pub output: PathBuf,
    pub browser: PathBuf,
    /// The build that ran first, unless `no_build`.
    pub build: Option<BuildReport>,
    pub bytes: u64,
}

/// Builds the site (so the book is never stale) and prints its `print.html`.
/// The browser is looked for first: without one, nothing is built.
pub fn book_pdf(root: &Path, options: &PdfOptions) -> Result<PdfReport> {
    let config = Config::load(root)?;
    let path_var = std::env::var_os("PATH");
    let browser = find_browser(options.browser.as_deref(), path_var.as_deref())?;
    let build = match options.no_build {
        true => None,
        false => Some(build(
            root,
            &BuildOptions {
                output: None,
                ..options.build.clone()
            },
        )?),
    };
    let page = root.join(DEFAULT_OUTPUT).join(BOOK_PATH);
    if !page.is_file() {
        return Err(Error::input(
            &page,
            "the briefing book is not built: run `briefing build` first (or drop --no-build)",
        ));
    }
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join(&config.print.output));
    let timeout = options.timeout.unwrap_or(DEFAULT_TIMEOUT);
    print_numbered(&browser, &page, &output, timeout)?;
    let bytes = std::fs::metadata(&output).map_or(0, |m| m.len());
    Ok(PdfReport {
        output,
        browser,
        build,
        bytes,
    })
}

/// The browser to print with: `explicit` if given (it must exist), else the
/// first of [`BROWSER_NAMES`] on `path_var` (a `PATH` value), else a macOS
/// application.
pub fn find_browser(explicit: Option<&Path>, path_var: Option<&OsStr>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return match path.is_file() {
            true => Ok(path.to_path_buf()),
            false => Err(Error::input(
                path,
                format!("no browser there: {INSTALL_HINT}"),
            )),
        };
    }
    let dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    let on_path = BROWSER_NAMES.iter().find_map(|name| {
        dirs.iter()
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    });
    let on_mac = || {
        cfg!(target_os = "macos")
            .then(|| MACOS_APPS.iter().map(PathBuf::from).find(|p| p.is_file()))
            .flatten()
    };
    on_path.or_else(on_mac).ok_or_else(|| {
        Error::Other(format!(
            "no Chromium or Chrome found (looked for {} on PATH): {INSTALL_HINT}",
            BROWSER_NAMES.join(", ")
        ))
    })
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// The most times the book is printed to settle its page numbers: once to
/// learn them, once with them, and once more in the rare case that
/// writing them in moved a document to another page.
const MAX_PRINTS: usize = 3;

/// Prints the book `page` to `output` with the page each document starts
/// on written into its contents. Each print is of a copy beside `page` (so
/// its styles and links resolve), which is removed after; the site's
/// `print.html` is left as it was.
fn print_numbered(browser: &Path, page: &Path, output: &Path, timeout: Duration) -> Result<()> {
    let html = std::fs::read_to_string(page).map_err(|e| Error::io(page, e))?;
    if !pages::has_slots(&html) {
        return print_to_pdf(browser, page, output, timeout);
    }
    let folder = page.parent().unwrap_or(Path::new("."));
    let mut numbers = None;
    for _ in 0..MAX_PRINTS {
        let copy = tempfile::Builder::new()
            .prefix(".print-numbered-")
            .suffix(".html")
            .tempfile_in(folder)
            .map_err(|e| Error::io(folder, e))?;
        let text = pages::fill(&html, numbers.as_ref());
        std::fs::write(copy.path(), text).map_err(|e| Error::io(copy.path(), e))?;
        print_to_pdf(browser, copy.path(), output, timeout)?;
        let pdf = std::fs::read(output).map_err(|e| Error::io(output, e))?;
        let found = pages::anchor_pages(&pdf);
        if found.is_none() || found == numbers {
            break;
        }
        numbers = found;
    }
    Ok(())
}

/// Prints `page` (an HTML file) to `output` with `browser`. The PDF is
/// written beside `output` and renamed into place, so a failed print leaves
/// any previous PDF whole.
pub fn print_to_pdf(browser: &Path, page: &Path, output: &Path, timeout: Duration) -> Result<()> {
    let page = page.canonicalize().map_err(|e| Error::io(page, e))?;
    let folder = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let scratch = tempfile::Builder::new()
        .prefix(".briefing-pdf-")
        .tempdir_in(&folder)
        .map_err(|e| Error::io(&folder, e))?;
    let pdf = scratch.path().join("book.pdf");
    let log = scratch.path().join("browser.log");
    let profile = scratch.path().join("profile");
    run_browser(browser, &page, &pdf, &profile, &log, timeout)?;
    let written = std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 0);
    if !written {
        return Err(browser_failed(browser, "it wrote no PDF", &log));
    }
    std::fs::rename(&pdf, output).map_err(|e| Error::io(output, e))
}

/// The command line: headless, offline (no background traffic, every host
/// name unresolvable), a throwaway profile, no browser header or footer (the
/// page sets its own), and an outline from the headings.
fn browser_args(page: &Path, pdf: &Path, profile: &Path) -> Vec<String> {
    vec![
        "--headless".into(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-extensions".into(),
        "--host-resolver-rules=MAP * ~NOTFOUND".into(),
        format!("--user-data-dir={}", profile.display()),
        "--no-pdf-header-footer".into(),
        "--generate-pdf-document-outline".into(),
        format!("--print-to-pdf={}", pdf.display()),
        file_url(page),
    ]
}

fn run_browser(
    browser: &Path,
    page: &Path,
    pdf: &Path,
    profile: &Path,
    log: &Path,
    timeout: Duration,
) -> Result<()> {
    let log_file = std::fs::File::create(log).map_err(|e| Error::io(log, e))?;
    let err_file = log_file.try_clone().map_err(|e| Error::io(log, e))?;
    let mut child = Command::new(browser)
        .args(browser_args(page, pdf, profile))
        .stdin(Stdio::null())
        .stdout(log_file)
        .stderr(err_file)
        .spawn()
        .map_err(|e| Error::io(browser, e))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| Error::io(browser, e))? {
            return match status.success() {
                true => Ok(()),
                false => Err(browser_failed(
                    browser,
                    &format!("it exited with {status}"),
                    log,
                )),
            };
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            let why = format!("it did not finish within {} s", timeout.as_secs());
            return Err(browser_failed(browser, &why, log));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The error for a failed print, with the end of what the browser said.
fn browser_failed(browser: &Path, why: &str, log: &Path) -> Error {
    const TAIL_LINES: usize = 12;
    let said = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = said.lines().collect();
    let tail = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n  ");
    Error::Other(format!(
        "{} could not print the briefing book: {why}\n  {tail}",
        browser.display()
    ))
}

/// `file://` URL of an absolute path, percent-encoding what URLs may not hold.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        url.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(byte as char)
            }
            b => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/my book/print.html")),
            "file:///tmp/my%20book/print.html"
        );
        assert_eq!(file_url(Path::new("/a/é.html")), "file:///a/%C3%A9.html");
    }

    #[test]
    fn a_missing_browser_names_the_package_to_install() {
        let empty = std::ffi::OsString::new();
        let err = find_browser(None, Some(&empty)).unwrap_err().to_string();
        if !cfg!(target_os = "macos") {
            assert!(err.contains("apt-get install chromium"), "{err}");
        }
        let err = find_browser(Some(Path::new("/nonexistent/chrome")), None)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("/nonexistent/chrome: no browser there"),
            "{err}"
        );
        assert!(err.contains("apt-get install chromium"), "{err}");
    }

    #[test]
    fn browsers_are_found_on_path() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("google-chrome");
        std::fs::write(&fake, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = std::env::join_paths([dir.path()]).unwrap();
        assert_eq!(find_browser(None, Some(&path)).unwrap(), fake);
    }
}
