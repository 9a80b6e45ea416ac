//! Site chrome: the parts of a captured web page that are not the document.
//! Detection is by pattern and position (breadcrumbs at the top, footers at
//! the bottom, navigation and cookie lines anywhere), never by a document's
//! own words; `briefing.yaml` `ingest.chrome_lines` / `ingest.footer_markers`
//! add a corpus's own.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use captions::{by_position, credited, is_logo_line, is_photo_caption};

mod captions;
mod pull_quotes;

/// Lines that are chrome wherever they stand (compared lower-case, trimmed,
/// without trailing punctuation).
const CHROME_LINES: &[&str] = &[
    "hit enter to search or esc to close",
    "this website uses cookies",
    "this site uses cookies",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "menu",
    "main menu",
    "search",
    "close",
    "share",
    "share this",
    "print",
    "previous",
    "next",
    "back to top",
    "page top",
    "accept",
    "accept all",
    "accept cookies",
    "accept all cookies",
    "reject all",
    "cookie settings",
    "cookie policy",
    "manage cookies",
    "toggle navigation",
    "open menu",
    "close menu",
    "loading",
    "advertisement",
    "related website",
    "related websites",
    "related links",
    "sign in",
    "log in",
    "begin text",
    "end text",
    "was this page helpful",
    "related content",
    "also read",
    "[pdf]",
    "english",
    "日本語",
    "日本語サイト",
    "english site",
    "本文へ移動",
    "本文へ",
    "スポンサーリンク",
    "印刷",
    "シェア",
    "official website",
    "category",
    "categories",
    "tags",
    "以上",
    "https",
    "[pr]",
    "pr",
];

/// The opening words of chrome lines that go on with a name or a number:
/// the banner on top of every U.S. government website ("An official
/// website of the United States government. Here's how you know"), a
/// copyright line, a reading time, a members' notice, a photo's heading.
/// Compared as keys.
const CHROME_OPENINGS: &[&str] = &[
    "© ",
    "copyright ©",
    "このページの所要時間",
    "会員限定記事",
    "scenes of the meeting",
    "scene of the meeting",
    "an official website of the united states government",
    "here's how you know",
    "official websites use .gov",
    "a .gov website belongs to an official government organization",
    "secure .gov websites use https",
    "a lock (",
    "the .gov means it's official",
    "federal government websites often end in .gov or .mil",
    "the site is secure",
    "the https:// ensures that you are connecting to the official website",
    "u.s. flag",
    "dot gov",
];

/// Line prefixes from which, near the end, the rest of the page is footer.
const FOOTER_MARKERS: &[&str] = &[
    "division in charge",
    "related website",
    "related links",
    "related articles",
    "related posts",
    "related publications",
    "related content",
    "for more information, please contact",
    "for further information, please contact",
    "for more information please contact",
    "media contact",
    "press contact",
    "back to ",
    "view the complete",
    "our resources on",
    "hit enter to search",
    "this website uses cookies",
    "we use cookies",
    "share this",
    "you may also like",
    "subscribe to our",
    "sign up for our newsletter",
    "follow us",
    "all rights reserved",
    "copyright ©",
    "©",
    "previous",
    "next",
    "tags:",
    "categories:",
    "post a comment",
    "no comments",
    "張貼留言",
    "コメントを投稿",
    "関連カテゴリ",
    "関連タグ",
    "関連記事",
    "関連ニュース",
    "関連リンク",
];

/// Breadcrumb first items that make a two-item trail recognisable.
const HOME_WORDS: &[&str] = &["home", "top", "start", "index", "homepage"];

#[derive(Debug, Default)]
pub struct ChromeRules {
    lines: Vec<String>,
    footer_markers: Vec<String>,
    /// Lines learned from the corpus (`learned`), as keys.
    learned: HashSet<String>,
}

impl ChromeRules {
    pub fn new(
        extra_lines: &[String],
        extra_footer_markers: &[String],
        learned: HashSet<String>,
    ) -> ChromeRules {
        let lower = |v: &[String]| v.iter().map(|s| key(s)).collect();
        ChromeRules {
            lines: lower(extra_lines),
            footer_markers: lower(extra_footer_markers),
            learned,
        }
    }

    pub fn is_chrome_line(&self, line: &str) -> bool {
        // Chrome is short; a long line can only be a cookie notice, the
        // .gov banner's padlock line or a photo's caption that names its
        // people or its credit.
        let long = line.len() > 120 && line.chars().count() > 120;
        let long_chrome =
            line.contains("ookie") || line.contains(".gov") || by_position(line) || credited(line);
        if long && !long_chrome {
            return false;
        }
        let k = key(line);
        CHROME_LINES.contains(&k.as_str())
            || self.lines.contains(&k)
            || self.learned.contains(&k)
            || CHROME_OPENINGS.iter().any(|b| k.starts_with(b))
            || is_history_notice(&k)
            || is_bare_timestamp(&k)
            || is_logo_line(line)
            || is_cookie_notice(&k)
            || is_photo_caption(line, &k)
    }

    pub fn is_footer_marker(&self, line: &str) -> bool {
        let t = line.trim();
        if t.len() > 90 || t.ends_with('.') {
            return false;
        }
        let k = key(t);
        let exact_only = ["previous", "next", "©"];
        FOOTER_MARKERS.iter().any(|m| {
            if exact_only.contains(m) {
                k == *m
            } else {
                k.starts_with(m)
            }
        }) || self
            .footer_markers
            .iter()
            .any(|m| k.starts_with(m.as_str()))
    }
}

/// A line as chrome rules compare it: spaces collapsed, lower case, no
/// trailing punctuation.
pub fn key(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined
        .trim_end_matches(['.', ':', '!', '›', '»', '>'])
        .to_string()
}

/// GOV.UK's "This was published under the 2022 to 2024 Sunak Conservative
/// government".
fn is_history_notice(key: &str) -> bool {
    key.starts_with("this was published under the") && key.ends_with("government")
}

/// A news site's posting time without its year ("1/21 12:02", "5月30日
/// 17時11分"): no dateline, for it dates nothing, and not the text's.
fn is_bare_timestamp(key: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,2}(?:/|月)\d{1,2}日?\s*\d{1,2}(?::|時)\d{2}分?$")
            .expect("timestamp pattern is valid")
    });
    STAMP.is_match(key)
}

fn is_cookie_notice(key: &str) -> bool {
    key.contains("cookie")
        && key.len() < 600
        && [
            "consent",
            "browse",
            "browsing",
            "this website",
            "this site",
            "accept",
        ]
        .iter()
        .any(|w| key.contains(w))
}

/// The document's lines with chrome removed, and the breadcrumb trail found
/// at the top (its last item is usually the title).
#[derive(Debug, Default)]
pub struct Stripped {
    pub lines: Vec<String>,
    pub breadcrumb: Vec<String>,
}

pub fn strip(mut lines: Vec<String>, rules: &ChromeRules) -> Stripped {
    let breadcrumb = take_breadcrumb(&mut lines);
    drop_breadcrumb_echoes(&mut lines, &breadcrumb);
    cut_at_paywall(&mut lines);
    cut_footer(&mut lines, rules);
    cut_trailing_listing(&mut lines);
    let mut asides = captions::under_photos(&lines);
    asides.extend(pull_quotes::repeated(&lines));
    asides.sort_unstable();
    asides.dedup();
    for i in asides.into_iter().rev() {
        lines.remove(i);
    }
    lines.retain(|l| !rules.is_chrome_line(l));
    trim_blank_ends(&mut lines);
    Stripped { lines, breadcrumb }
}

/// "1. Top / 2. Policy Proposals / 3. …" at the very top, numbered from 1
/// without gaps, no blank line between items.
fn take_breadcrumb(lines: &mut Vec<String>) -> Vec<String> {
    let start = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
    let mut items = Vec::new();
    for line in &lines[start..] {
        match numbered_item(line) {
            Some((n, text))
                if n == items.len() + 1 && text.len() <= 200 && !text.ends_with('.') =>
            {
                items.push(text.to_string())
            }
            _ => break,
        }
    }
    let home = items
        .first()
        .is_some_and(|f| HOME_WORDS.contains(&f.to_lowercase().as_str()));
    if items.len() >= 3 || (items.len() == 2 && home) {
        lines.drain(start..start + items.len());
        items
    } else {
        Vec::new()
    }
}

fn numbered_item(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let dot = t.find(". ")?;
    let n: usize = t[..dot].parse().ok()?;
    Some((n, t[dot + 2..].trim()))
}

/// The trail repeated as one line under it, and its section names left at
/// the top or bottom of the page.
fn drop_breadcrumb_echoes(lines: &mut Vec<String>, breadcrumb: &[String]) {
    let Some((tail, parents)) = breadcrumb.split_last() else {
        return;
    };
    let parents: Vec<String> = parents.iter().skip(1).map(|p| key(p)).collect();
    let tail = key(tail);
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let edge = |pos: usize| pos < 6 || pos + 6 >= content.len();
    let mut drop = vec![false; lines.len()];
    for (pos, &i) in content.iter().enumerate() {
        let k = key(&lines[i]);
        let echo = k.contains(&tail) && parents.iter().any(|p| k.contains(p.as_str()));
        if edge(pos) && (echo || parents.contains(&k)) {
            drop[i] = true;
        }
    }
    let mut i = 0;
    lines.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// A paywall's or a print edition's notice ends what the capture holds of
/// the text ("To read a full story, please click here to find out how to
/// subscribe", "(全文は1月24日付け1面に掲載)"): what follows is the
/// site's. A notice above any text is left to the other rules.
fn cut_at_paywall(lines: &mut Vec<String>) {
    let first_text = lines.iter().position(|l| !l.trim().is_empty());
    let notice = lines.iter().position(|l| is_paywall_notice(l));
    if let (Some(text), Some(i)) = (first_text, notice) {
        if i > text {
            lines.truncate(i);
        }
    }
}

fn is_paywall_notice(line: &str) -> bool {
    let t = line.trim();
    let opening = t.trim_start_matches(['(', '（', '【']);
    let elsewhere = (opening.starts_with("全文は") && t.contains("掲載"))
        || opening.starts_with("続きは")
        || opening.starts_with("この記事の続き");
    // Every line is asked: only one that speaks of subscribing is read
    // further.
    let subscri = |w: &[u8]| w.eq_ignore_ascii_case(b"subscri");
    if elsewhere || t.len() > 200 || !t.as_bytes().windows(7).any(subscri) {
        return elsewhere;
    }
    let k = key(t);
    let openings = [
        "to read",
        "to continue reading",
        "continue reading",
        "read the full",
        "the rest of this",
        "subscribe to read",
    ];
    openings.iter().any(|o| k.starts_with(o))
}

/// From the first footer marker in the lower part of the page to the end.
fn cut_footer(lines: &mut Vec<String>, rules: &ChromeRules) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let lower_half = content.len() / 2;
    let cut = content[lower_half.min(content.len())..]
        .iter()
        .copied()
        .find(|&i| rules.is_footer_marker(&lines[i]));
    if let Some(i) = cut {
        lines.truncate(i);
    }
}

/// Lists of other publications at the bottom: "19 Jun 2024 Position Paper"
/// or "Policy and legislation | 30 April 2024", each with its title or a
/// line of teaser, repeated.
fn cut_trailing_listing(lines: &mut Vec<String>) {
    trim_blank_ends(lines);
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut start = lines.len();
    let mut dated = 0;
    // Read bottom up; each line's test is the line below's "is it under a date".
    let mut is_entry = non_blank
        .last()
        .is_some_and(|&i| is_listing_date(&lines[i]));
    for (pos, &i) in non_blank.iter().enumerate().rev() {
        let t = lines[i].trim();
        let short = t.len() <= 120 && !t.ends_with('.');
        let above_is_entry = pos > 0 && is_listing_date(&lines[non_blank[pos - 1]]);
        if !(short || above_is_entry) {
            break;
        }
        if is_entry {
            dated += 1;
            start = i;
        }
        is_entry = above_is_entry;
    }
    if dated >= 2 {
        lines.truncate(start);
        // The title of the first listed item stands above its date line.
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
    }
}

/// A listed item's date line: opening with its date, or a short label and
/// the date after a bar.
fn is_listing_date(line: &str) -> bool {
    let t = line.trim();
    let starts_dated = dates::find_all(t).next().is_some_and(|f| f.start == 0);
    let labelled = (t.split_once(" | "))
        .is_some_and(|(label, date)| label.len() <= 60 && dates::dateline(date).is_some());
    starts_dated || labelled
}

fn trim_blank_ends(lines: &mut Vec<String>) {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let lead = lines.iter().take_while(|l| l.trim().is_empty()).count();
    lines.drain(..lead);
}

#[cfg(test)]
mod tests;
