//! Hostile content: markup, script URLs, template syntax, YAML bombs and
//! sizes no document should have. The build succeeds or fails naming the
//! file, and no page it writes can run a script the site did not ship.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;

/// Elements that run or embed foreign content.
const FORBIDDEN_ELEMENTS: [&str; 6] = ["iframe", "object", "embed", "frame", "base", "applet"];

/// Every way a page could run script it did not ship as a file, with the tag that does it.
fn injected_script(html: &str) -> Vec<String> {
    let tag =
        regex::Regex::new(r#"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#).unwrap();
    let attr =
        regex::Regex::new(r#"\s([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).unwrap();
    let mut found = Vec::new();
    for t in tag.captures_iter(html) {
        let name = t[1].to_ascii_lowercase();
        let whole = t[0].to_string();
        if FORBIDDEN_ELEMENTS.contains(&name.as_str()) {
            found.push(whole.clone());
        }
        let mut has_src = false;
        for a in attr.captures_iter(&t[2]) {
            let key = a[1].to_ascii_lowercase();
            let value = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |m| m.as_str());
            let value = decode(value);
            if key.starts_with("on") || key == "style" || key == "srcdoc" {
                found.push(whole.clone());
            }
            if matches!(
                key.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                has_src |= key == "src";
                if !safe_url(&name, &value) {
                    found.push(whole.clone());
                }
            }
        }
        // The site's own scripts are files: `<script src="…"></script>`, nothing inline.
        if name == "script" {
            let rest = &html[t.get(0).unwrap().end()..];
            if !has_src || !rest.starts_with("</script>") {
                found.push(whole);
            }
        }
    }
    found
}

/// Character references decoded, as the browser reads an attribute.
fn decode(value: &str) -> String {
    static NUMERIC: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let numeric =
        NUMERIC.get_or_init(|| regex::Regex::new(r"&#([xX][0-9a-fA-F]+|[0-9]+);?").unwrap());
    let value = numeric.replace_all(value, |c: &regex::Captures| {
        let n = &c[1];
        let code = match n.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => n.parse(),
        };
        code.ok()
            .and_then(char::from_u32)
            .map(String::from)
            .unwrap_or_default()
    });
    value
        .replace("&quot;", "\"")
        .replace("&colon;", ":")
        .replace("&amp;", "&")
}

fn safe_url(element: &str, url: &str) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = squeezed
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None => true,
        Some("http" | "https" | "mailto" | "tel") => true,
        Some("data") => element == "img" && squeezed.starts_with("data:image/"),
        Some(_) => false,
    }
}

fn assert_site_runs_no_injected_script(site: &Path) {
    let pages = html_pages(site);
    assert!(!pages.is_empty());
    for (path, html) in &pages {
        let found = injected_script(html);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
        assert!(
            html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; script-src &#39;self&#39;;"),
            "{} lacks the CSP meta tag",
            path.display()
        );
    }
}

#[test]
fn the_scanner_sees_every_trick() {
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;ava&#x73;cript&colon;alert(1)\">x</a>",
        "<a href=\" JavaScript:alert(1)\">x</a>",
        "<iframe src=\"https://x\"></iframe>",
        "<p style=\"color:red\">",
        "<img src=\"data:text/html,x\">",
        "<script src=\"a.js\">alert(1)</script>",
    ] {
        assert!(!injected_script(bad).is_empty(), "{bad}");
    }
    for good in [
        "<script src=\"../assets/search.js\" defer></script>",
        "<a href=\"../themes/ai.html#x\">",
        "<img src=\"data:image/png;base64,AA\" alt=\"\">",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x</p>",
    ] {
        assert!(injected_script(good).is_empty(), "{good}");
    }
}

#[test]
fn hostile_content_builds_into_pages_that_run_no_injected_script() {
    let project = project("hostile");
    let root = project.path();
    build_ok(root);
    let site = root.join("public");
    assert_site_runs_no_injected_script(&site);
    let page = std::fs::read_to_string(site.join("documents/script-everywhere.html")).unwrap();
    // Markup is shown as text, template syntax is not evaluated.
    assert!(
        page.contains("Inline &lt;script&gt;alert(&#39;inline&#39;)&lt;/script&gt;")
            || page.contains("Inline &lt;script&gt;alert('inline')&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("Template syntax stays text: {{ config }} {% include \"base.html\" %}"),
        "{page}"
    );
    assert!(page.contains("&lt;iframe src="), "{page}");
    assert!(
        page.contains("<a href=\"https://example.org/\">ok</a>"),
        "safe links survive"
    );
}

#[test]
fn trusted_raw_html_passes_only_when_allowed() {
    let project = empty_project();
    let root = project.path();
    let body = "---\ntitle: T\n---\n\n<aside class=\"note\"><b>trusted</b></aside>\n\n## H {data-x=1}\n\n[x](javascript:alert(1))\n";
    content(root, "t.md", body);
    build_ok(root);
    let escaped = std::fs::read_to_string(root.join("public/documents/t.html")).unwrap();
    assert!(
        escaped.contains("&lt;aside class=\"note\"&gt;"),
        "{escaped}"
    );
    assert!(!escaped.contains("data-x"), "{escaped}");
    let config = std::fs::read_to_string(root.join("briefing.yaml")).unwrap();
    std::fs::write(
        root.join("briefing.yaml"),
        format!("{config}allow_raw_html: true\n"),
    )
    .unwrap();
    build_ok(root);
    let trusted = std::fs::read_to_string(root.join("public/documents/t.html")).unwrap();
    assert!(
        trusted.contains("<aside class=\"note\"><b>trusted</b></aside>"),
        "{trusted}"
    );
    assert!(trusted.contains("data-x=\"1\""), "{trusted}");
    assert!(
        trusted.contains("<a href=\"#\">x</a>"),
        "script URLs are refused even then: {trusted}"
    );
}

/// Runs a build of `root` that must end, well or with an error naming `file`, within `limit`.
fn build_bounded(root: &Path, file: &str, limit: Duration) -> Option<String> {
    let started = Instant::now();
    let result = briefing::build::build(root, &Default::default());
    let elapsed = started.elapsed();
    assert!(elapsed < limit, "{file}: build took {elapsed:?}");
    let failed = match result {
        Ok(report) => {
            assert_site_runs_no_injected_script(&root.join("public"));
            seed_errors(&report)
        }
        Err(e) => Some(e.to_string()),
    };
    match failed {
        None => None,
        Some(msg) => {
            assert!(msg.contains(file), "the error names {file}: {msg}");
            Some(msg)
        }
    }
}

/// Billion laughs: nine levels of nine aliases each, ~387 million strings
/// if expanded; the last level is the key `i`.
fn billion_laughs() -> String {
    let mut yaml = String::from("a: &a [\"lol\"]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for name in names {
        yaml.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
        prev = name;
    }
    yaml
}

#[test]
fn yaml_bombs_fail_fast_naming_the_file() {
    let project = empty_project();
    let root = project.path();
    let yaml = billion_laughs();
    // The bomb as a known field, then as the value of an unknown one.
    let known = yaml.replace("i: &i", "organisations: &i");
    content(
        root,
        "bomb.md",
        &format!("---\ntitle: T\n{known}---\nBody\n"),
    );
    let msg = build_bounded(root, "bomb.md", Duration::from_secs(20)).expect("a bomb is an error");
    assert!(msg.contains("bomb.md:"), "{msg}");
    std::fs::write(root.join("briefing.yaml"), format!("title: T\n{yaml}")).unwrap();
    std::fs::remove_file(root.join("content/bomb.md")).unwrap();
    let msg =
        build_bounded(root, "briefing.yaml", Duration::from_secs(20)).expect("a bomb is an error");
    assert!(msg.contains("briefing.yaml:"), "{msg}");
}

#[test]
fn a_yaml_bomb_in_a_seed_override_fails_fast_naming_the_file() {
    let project = empty_project();
    let root = project.path();
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    let seed = "Joint Statement on AI Research\n\nTokyo, 1 May 2023 - The two sides \
                agreed to cooperate on AI research and data policy.\n";
    std::fs::write(root.join("seeds/note.txt"), seed).unwrap();
    // The bomb's last level as a known key, then the whole bomb inside one.
    let inline = billion_laughs()
        .lines()
        .map(|line| line.split_once(": ").map_or("", |(_, v)| v).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let bombs = [
        billion_laughs().replace("i: &i", "organisations: &i"),
        billion_laughs().replace("i: &i", "title: &i"),
        format!("organisations: [{inline}]\n"),
    ];
    for bomb in bombs {
        std::fs::write(root.join("seeds/note.yaml"), bomb).unwrap();
        let msg = build_bounded(root, "note.yaml", Duration::from_secs(20))
            .expect("a bomb in an override is an error");
        assert!(msg.contains("seeds/note.yaml"), "{msg}");
        assert!(
            !root.join("content/note.md").exists(),
            "nothing is ingested from a bad override"
        );
    }
}

#[test]
fn a_ten_megabyte_line_builds() {
    let project = empty_project();
    let root = project.path();
    let line = "AI data policy <script>x</script> ".repeat(10 * 1024 * 1024 / 34);
    content(
        root,
        "long.md",
        &format!("---\ntitle: T\n---\n\n## One {{.ai}}\n\n{line}\n"),
    );
    assert_eq!(
        build_bounded(root, "long.md", Duration::from_secs(120)),
        None
    );
}

#[test]
fn ten_thousand_levels_of_nesting_build() {
    let project = empty_project();
    let root = project.path();
    let quotes = format!("{} deep\n", ">".repeat(10_000));
    let lists = format!("{}deep\n", "- ".repeat(10_000));
    let emphasis = format!("{}x{}\n", "*_".repeat(5_000), "_*".repeat(5_000));
    let links = format!("{}x{}\n", "[".repeat(10_000), "](u)".repeat(10_000));
    content(
        root,
        "deep.md",
        &format!("---\ntitle: T\n---\n\n{quotes}\n{lists}\n{emphasis}\n{links}"),
    );
    assert_eq!(
        build_bounded(root, "deep.md", Duration::from_secs(60)),
        None
    );
}

#[test]
fn a_hundred_thousand_headings_build() {
    let project = empty_project();
    let root = project.path();
    let mut body = String::new();
    for i in 0..50_000 {
        body.push_str(&format!("## Same\n\n## Heading {i} {{.ai}}\n\nAI.\n\n"));
    }
    content(
        root,
        "headings.md",
        &format!("---\ntitle: T\n---\n\n{body}"),
    );
    assert_eq!(
        build_bounded(root, "headings.md", Duration::from_secs(120)),
        None
    );
    let page = std::fs::read_to_string(root.join("public/documents/headings.html")).unwrap();
    assert!(page.contains("id=\"same-50000\""));
    assert!(page.contains("id=\"heading-49999\""));
}
