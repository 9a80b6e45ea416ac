//! Turning a request path into a file inside the output folder, and nothing
//! else: percent-decoding, rejecting every way out of the folder (`..`,
//! encoded slashes and dots, backslashes, NUL, drive letters, symlinks that
//! lead outside), and naming the content type of what is found.

use std::path::{Component, Path, PathBuf};

/// Why a request path cannot name a file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The path is malformed or tries to leave the site: 400.
    BadRequest,
    /// The path is well-formed but names nothing inside the site: 404.
    NotFound,
}

/// What a well-formed request path names inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A regular file, by its canonical path.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect so relative links work.
    AddSlash,
}

/// Decodes `raw` (the path of the request URI, still percent-encoded) into a
/// relative path made only of normal components. Decoding comes first, so
/// `%2e%2e`, `%2f` and `%5c` are judged as the characters they stand for.
pub fn relative_path(raw: &str) -> Result<PathBuf, Rejection> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| Rejection::BadRequest)?;
    if decoded.contains(['\0', '\\', ':']) {
        return Err(Rejection::BadRequest);
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." {
            return Err(Rejection::BadRequest);
        }
        relative.push(segment);
    }
    // A belt to the braces above: only plain names may remain.
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(Rejection::BadRequest);
    }
    Ok(relative)
}

/// Finds the file `raw` names under `root`: a folder means its `index.html`
/// (when asked for with a trailing slash). Symlinks are followed only while
/// they stay inside `root`.
pub fn resolve(root: &Path, raw: &str) -> Result<Target, Rejection> {
    let relative = relative_path(raw)?;
    let root = root.canonicalize().map_err(|_| Rejection::NotFound)?;
    let found = inside(&root, &root.join(relative))?;
    if found.is_dir() {
        if !raw.ends_with('/') {
            return Ok(Target::AddSlash);
        }
        let index = inside(&root, &found.join("index.html"))?;
        return regular_file(index);
    }
    regular_file(found)
}

/// The canonical form of `path` if it exists and lies inside `root` (canonical).
fn inside(root: &Path, path: &Path) -> Result<PathBuf, Rejection> {
    let canonical = path.canonicalize().map_err(|_| Rejection::NotFound)?;
    if canonical.starts_with(root) {
        Ok(canonical)
    } else {
        Err(Rejection::NotFound)
    }
}

fn regular_file(path: PathBuf) -> Result<Target, Rejection> {
    if path.is_file() {
        Ok(Target::File(path))
    } else {
        Err(Rejection::NotFound)
    }
}

/// The `Content-Type` for a file of the site, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "rss" => "application/rss+xml",
        "atom" => "application/atom+xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Whether a response of this type is a page the reload script goes into.
pub fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_out_of_the_site_is_rejected() {
        for raw in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/%2e%2e%5cCargo.toml",
            "/a/..\\..\\Cargo.toml",
            "/a/./b",
            "/%00.html",
            "/C:/Windows/win.ini",
            "/%ff.html",
        ] {
            assert_eq!(relative_path(raw), Err(Rejection::BadRequest), "{raw}");
        }
    }

    #[test]
    fn plain_paths_decode_to_relative_paths() {
        assert_eq!(relative_path("/").unwrap(), PathBuf::new());
        assert_eq!(
            relative_path("//etc/passwd").unwrap(),
            PathBuf::from("etc/passwd"),
            "a doubled slash is not an absolute path"
        );
        assert_eq!(
            relative_path("/themes/data%20flows.html").unwrap(),
            PathBuf::from("themes/data flows.html")
        );
    }

    #[test]
    fn folders_serve_their_index_and_symlinks_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("public");
        std::fs::create_dir_all(site.join("themes")).unwrap();
        std::fs::write(site.join("index.html"), "home").unwrap();
        std::fs::write(site.join("themes/index.html"), "themes").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();

        let root_index = site.canonicalize().unwrap().join("index.html");
        assert_eq!(resolve(&site, "/"), Ok(Target::File(root_index)));
        assert_eq!(resolve(&site, "/themes"), Ok(Target::AddSlash));
        assert!(matches!(resolve(&site, "/themes/"), Ok(Target::File(_))));
        assert_eq!(resolve(&site, "/missing.html"), Err(Rejection::NotFound));

        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("out.txt"))
                .unwrap();
            std::os::unix::fs::symlink(site.join("index.html"), site.join("home.html")).unwrap();
            assert_eq!(resolve(&site, "/out.txt"), Err(Rejection::NotFound));
            assert!(matches!(resolve(&site, "/home.html"), Ok(Target::File(_))));
        }
    }

    #[test]
    fn content_types_follow_extensions() {
        for (name, expected) in [
            ("a.HTML", "text/html; charset=utf-8"),
            ("s.css", "text/css; charset=utf-8"),
            ("feed.xml", "application/xml"),
            ("i.svg", "image/svg+xml"),
            ("book.pdf", "application/pdf"),
            ("f.woff2", "font/woff2"),
            ("noext", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }
}
