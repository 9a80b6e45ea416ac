//! A temporary project and a fake builder that behaves like the real one
//! where the server can tell: it reads `content/*.md`, fails with a located
//! error on a line saying `BROKEN`, writes one page per document plus
//! `index.html`, `404.html` and the stylesheets from `static/`, and swaps
//! the new folder in atomically.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use briefing::serve::{BuildOutcome, Changes, ServeOptions, Server};
use briefing::Error;

pub struct Project {
    pub dir: tempfile::TempDir,
    /// Every `Changes` the builder was called with, in order.
    pub builds: Arc<Mutex<Vec<Changes>>>,
}

impl Project {
    /// A project with two documents and a stylesheet.
    pub fn new() -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
            builds: Arc::default(),
        };
        project.write("briefing.yaml", "title: Test briefing\n");
        project.write(
            "content/alpha.md",
            "Alpha title\n\nFirst version of alpha.\n",
        );
        project.write("content/beta.md", "Beta title\n\nBeta body.\n");
        project.write("static/site.css", "body { color: black; }\n");
        project
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn build_count(&self) -> usize {
        self.builds.lock().unwrap().len()
    }

    /// Starts the server on a free port with the fake builder.
    pub fn serve(&self) -> Running {
        self.serve_with(fake_build)
    }

    /// Starts the server with `build` (called with the project root).
    pub fn serve_with(
        &self,
        build: impl Fn(&Path) -> briefing::Result<BuildOutcome> + Send + 'static,
    ) -> Running {
        self.serve_configured(|_| {}, build)
    }

    /// Starts the server with the fake builder and the options as `adjust`
    /// leaves them.
    pub fn serve_adjusted(&self, adjust: impl FnOnce(&mut ServeOptions)) -> Running {
        self.serve_configured(adjust, fake_build)
    }

    fn serve_configured(
        &self,
        adjust: impl FnOnce(&mut ServeOptions),
        build: impl Fn(&Path) -> briefing::Result<BuildOutcome> + Send + 'static,
    ) -> Running {
        let mut options = ServeOptions::new(self.root());
        options.port = 0;
        options.quiet = true;
        options.debounce = Duration::from_millis(50);
        adjust(&mut options);
        let root = self.root().to_path_buf();
        let builds = Arc::clone(&self.builds);
        let server = Server::start(options, move |changes: &Changes| {
            builds.lock().unwrap().push(changes.clone());
            build(&root)
        })
        .expect("the server starts");
        Running { server }
    }
}

pub struct Running {
    pub server: Server,
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.server.address()
    }
}

pub fn fake_build(root: &Path) -> briefing::Result<BuildOutcome> {
    let staging = root.join(".public-staging");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    let mut links = String::new();
    let mut pages = 0;
    let documents = sorted_files(&root.join("content"));
    for path in documents
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let relative = path.strip_prefix(root).unwrap();
        if let Some(line) = text.lines().position(|l| l.contains("BROKEN")) {
            return Err(Error::at(
                relative,
                &text,
                line + 1,
                1,
                "cannot parse BROKEN",
            ));
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let title = text.lines().next().unwrap_or_default();
        write(&staging.join(format!("{stem}.html")), &page(title, &text))?;
        links.push_str(&format!("<a href=\"{stem}.html\">{title}</a>\n"));
        pages += 1;
    }
    write(&staging.join("index.html"), &page("Home", &links))?;
    write(
        &staging.join("docs/index.html"),
        &page("Docs", "docs folder"),
    )?;
    write(
        &staging.join("404.html"),
        &page("Lost", "This page is lost."),
    )?;
    for path in sorted_files(&root.join("static")) {
        let name = path.file_name().unwrap();
        std::fs::copy(&path, staging.join(name)).map_err(|e| Error::io(&path, e))?;
    }
    swap_in(root, &staging)?;
    Ok(BuildOutcome {
        pages,
        ..BuildOutcome::default()
    })
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"/site.css\"></head><body>{body}</body></html>"
    )
}

fn write(path: &Path, text: &str) -> briefing::Result<()> {
    std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| Error::io(path, e))?;
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'));
    files.sort();
    files
}

fn swap_in(root: &Path, staging: &Path) -> briefing::Result<()> {
    let public = root.join("public");
    let old = root.join(".public-old");
    let _ = std::fs::remove_dir_all(&old);
    if public.exists() {
        std::fs::rename(&public, &old).map_err(|e| Error::io(&public, e))?;
    }
    std::fs::rename(staging, &public).map_err(|e| Error::io(&public, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
