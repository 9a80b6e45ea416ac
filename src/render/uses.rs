//! Which templates each template uses (`extends`, `include`, and the
//! templates defining the components it calls), so that `serve`
//! re-renders, after a template edit, only the pages whose template uses
//! the edited one, directly or through others.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

/// A tag naming other templates: `{% extends "base.html" %}`,
/// `{%- include ["a.html", "b.html"] ignore missing %}`.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(?:extends|include)\s+(\[[^\]]*\]|"[^"]*"|'[^']*')"#)
        .expect("a valid pattern")
});
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("a valid pattern"));
/// A component's definition: `{% component card(card, heading="h3") %}`.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*component\s+([A-Za-z_][\w.]*)").expect("a valid pattern")
});
/// A tag or an expression, whose `<name` may call a component:
/// `{{ <card card={c} /> }}`, `{% <panel> %}`, `{% set x = <card /> %}`.
static EXPRESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{[{%].*?[}%]\}").expect("a valid pattern"));
/// What may be a component's name after a `<` (or a comparison, `a < b`,
/// which names no component and is then passed over).
static CALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<\s*([A-Za-z_][\w.]*)").expect("a valid pattern"));

#[derive(Debug, Default)]
pub struct TemplateUses(BTreeMap<String, Vec<String>>);

impl TemplateUses {
    /// From (name, source) pairs.
    pub fn of(templates: &[(String, String)]) -> TemplateUses {
        let defined_in = component_templates(templates);
        TemplateUses(
            templates
                .iter()
                .map(|(name, source)| {
                    let mut used = named_templates(source);
                    used.extend(
                        called_components(source)
                            .filter_map(|c| defined_in.get(c))
                            .flatten()
                            .cloned(),
                    );
                    (name.clone(), used)
                })
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

/// The templates a tag names (`extends`, `include`).
fn named_templates(source: &str) -> Vec<String> {
    TAG.captures_iter(source)
        .flat_map(|tag| {
            let names = tag.get(1).map_or("", |m| m.as_str()).to_string();
            NAME.captures_iter(&names)
                .filter_map(|n| n.get(1).or(n.get(2)).map(|m| m.as_str().to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Each component's name, with the templates defining it (Tera takes one;
/// the others fail to compile, but a wrong guess here costs nothing).
fn component_templates(templates: &[(String, String)]) -> BTreeMap<&str, Vec<String>> {
    let mut defined_in: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (name, source) in templates {
        for definition in DEFINITION.captures_iter(source) {
            if let Some(component) = definition.get(1) {
                defined_in
                    .entry(component.as_str())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    defined_in
}

/// The names `source` may call components by.
fn called_components(source: &str) -> impl Iterator<Item = &str> {
    EXPRESSION
        .find_iter(source)
        .flat_map(|e| CALL.captures_iter(e.as_str()))
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
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
            t(
                "components.html",
                "{% component card() %}{{ <chip /> }}{% endcomponent card %}\n\
                 {%- component chip() %}{% endcomponent chip %}",
            ),
            t(
                "page.html",
                "{% extends \"base.html\" %}\n{% block content %}{{ <card /> }}{% endblock %}",
            ),
            t(
                "list.html",
                "{% if 1 < 2 %}{% <card> %}x{% </card> %}{% endif %}",
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
    fn a_template_reads_what_it_extends_includes_and_calls_at_any_depth() {
        let uses = uses();
        assert!(uses.reads("page.html", "base.html"));
        assert!(uses.reads("page.html", "nav.html"), "through base.html");
        assert!(uses.reads("page.html", "components.html"));
        assert!(
            uses.reads("list.html", "components.html"),
            "a component with a body"
        );
        assert!(uses.reads("404.html", "404.html"));
        assert!(uses.reads("feed.xml", "other.xml"));
        assert!(!uses.reads("404.html", "components.html"));
        assert!(!uses.reads("base.html", "components.html"));
        assert!(!uses.reads("base.html", "page.html"), "not the other way");
        assert!(!uses.reads("feed.xml", "base.html"));
        assert!(!uses.reads("loop.html", "base.html"), "a cycle ends");
    }
}
