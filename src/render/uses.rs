//! Which templates each template uses (`extends`, `include`, `import`), so
//! that `serve` re-renders, after a template edit, only the pages whose
//! template uses the edited one, directly or through others.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

/// A tag naming other templates: `{% extends "base.html" %}`,
/// `{%- include ["a.html", "b.html"] ignore missing %}`, `{% import "m.html" as m %}`.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+(\[[^\]]*\]|"[^"]*"|'[^']*')"#)
        .expect("a valid pattern")
});
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("a valid pattern"));

#[derive(Debug, Default)]
pub struct TemplateUses(BTreeMap<String, Vec<String>>);

impl TemplateUses {
    /// From (name, source) pairs.
    pub fn of(templates: &[(String, String)]) -> TemplateUses {
        let used = |source: &str| -> Vec<String> {
            TAG.captures_iter(source)
                .flat_map(|tag| {
                    let names = tag.get(1).map_or("", |m| m.as_str()).to_string();
                    NAME.captures_iter(&names)
                        .filter_map(|n| n.get(1).or(n.get(2)).map(|m| m.as_str().to_string()))
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        TemplateUses(
            templates
                .iter()
                .map(|(name, source)| (name.clone(), used(source)))
                .collect(),
        )
    }

    /// Whether rendering `template` reads `changed`: it is `changed`, or
    /// uses it directly or through other templates.
    pub fn reads(&self, template: &str, changed: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![template];
        while let Some(name) = stack.pop() {
            if name == changed {
                return true;
            }
            if seen.insert(name) {
                stack.extend(self.0.get(name).into_iter().flatten().map(String::as_str));
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses() -> TemplateUses {
        let t = |name: &str, source: &str| (name.to_string(), source.to_string());
        TemplateUses::of(&[
            t(
                "base.html",
                "<html>{% include 'nav.html' %}{% block content %}{% endblock %}",
            ),
            t("nav.html", "<nav></nav>"),
            t("macros.html", "{% macro card() %}{% endmacro %}"),
            t(
                "page.html",
                "{% extends \"base.html\" %}\n{% import \"macros.html\" as m %}",
            ),
            t("404.html", "{%- extends \"base.html\" -%}"),
            t(
                "feed.xml",
                "<feed>{% include [\"entry.xml\", \"other.xml\"] ignore missing %}",
            ),
            t("loop.html", "{% include \"loop.html\" %}"),
        ])
    }

    #[test]
    fn a_template_reads_what_it_extends_includes_and_imports_at_any_depth() {
        let uses = uses();
        assert!(uses.reads("page.html", "base.html"));
        assert!(uses.reads("page.html", "nav.html"), "through base.html");
        assert!(uses.reads("page.html", "macros.html"));
        assert!(uses.reads("404.html", "404.html"));
        assert!(uses.reads("feed.xml", "other.xml"));
        assert!(!uses.reads("404.html", "macros.html"));
        assert!(!uses.reads("base.html", "page.html"), "not the other way");
        assert!(!uses.reads("feed.xml", "base.html"));
        assert!(!uses.reads("loop.html", "base.html"), "a cycle ends");
    }
}
