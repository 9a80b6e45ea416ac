//! The counts of each field and the printed table.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Counts of one field: right out of scored, and the misses by id.
#[derive(Default)]
pub struct Tally {
    pub right: usize,
    pub scored: usize,
    pub misses: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, right: bool, id: &str, miss: impl FnOnce() -> String) {
        self.scored += 1;
        if right {
            self.right += 1;
        } else {
            self.misses.push(format!("{id}: {}", miss()));
        }
    }

    pub fn show(&self) -> String {
        match self.scored {
            0 => "-".to_string(),
            n => format!(
                "{}/{n} ({:.0} %)",
                self.right,
                100.0 * self.right as f64 / n as f64
            ),
        }
    }
}

/// Precision and recall counts of a set-valued field.
#[derive(Default)]
pub struct SetTally {
    pub found_right: usize,
    pub found: usize,
    pub wanted_found: usize,
    pub wanted: usize,
    pub misses: Vec<String>,
}

impl SetTally {
    pub fn add(
        &mut self,
        id: &str,
        found: &BTreeSet<String>,
        wanted: &BTreeSet<String>,
        fits: &dyn Fn(&str) -> bool,
    ) {
        let right: BTreeSet<&String> = found.iter().filter(|f| fits(f)).collect();
        let caught: BTreeSet<&String> = wanted.iter().filter(|w| found.contains(*w)).collect();
        self.found += found.len();
        self.found_right += right.len();
        self.wanted += wanted.len();
        self.wanted_found += caught.len();
        let extra: Vec<&String> = found.iter().filter(|f| !fits(f)).collect();
        let missed: Vec<&String> = wanted.iter().filter(|w| !found.contains(*w)).collect();
        if !extra.is_empty() || !missed.is_empty() {
            self.misses
                .push(format!("{id}: extra {extra:?}, missed {missed:?}"));
        }
    }

    pub fn show(&self) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let p = ratio(self.found_right, self.found);
        let r = ratio(self.wanted_found, self.wanted);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        format!(
            "precision {:.2} ({}/{}), recall {:.2} ({}/{}), F1 {:.2}",
            p, self.found_right, self.found, r, self.wanted_found, self.wanted, f1
        )
    }
}

/// Every figure of one set of pages.
#[derive(Default)]
pub struct Scores {
    pub pages: usize,
    pub titles: Tally,
    pub titles_on_page: Tally,
    pub bad_titles: Tally,
    pub dates: Tally,
    pub false_dates: Tally,
    pub years: Tally,
    pub series_right: Tally,
    pub series_missing: usize,
    pub series_wrong: Tally,
    pub series_proposed: Tally,
    pub series_proposed_wrongly: usize,
    pub issuers: SetTally,
    pub kinds: Tally,
    pub themes: SetTally,
    pub chrome_lines: usize,
    pub chrome_misses: Vec<String>,
    pub recommendations: usize,
    pub fragments: Tally,
}

pub fn report(split: &str, s: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {split}: {} pages", s.pages);
    let rows = [
        ("titles right", s.titles.show()),
        ("  of pages with a title line", s.titles_on_page.show()),
        (
            "titles that are no title (date, file name)",
            format!("{}", s.bad_titles.scored - s.bad_titles.right),
        ),
        ("stated dates exact", s.dates.show()),
        (
            "dates stated where the page states none",
            format!("{}", s.false_dates.scored - s.false_dates.right),
        ),
        ("years right", s.years.show()),
        ("series right", s.series_right.show()),
        ("series missing", s.series_missing.to_string()),
        (
            "filed under a wrong dialogue",
            format!("{}", s.series_wrong.scored - s.series_wrong.right),
        ),
        ("series no dialogue has, proposed", s.series_proposed.show()),
        (
            "series proposed that the page is not of",
            s.series_proposed_wrongly.to_string(),
        ),
        ("issuers", s.issuers.show()),
        ("kind", s.kinds.show()),
        ("themes", s.themes.show()),
        (
            "chrome lines left in bodies",
            format!(
                "{} ({:.2} per page)",
                s.chrome_lines,
                s.chrome_lines as f64 / s.pages.max(1) as f64
            ),
        ),
        (
            "recommendations that are fragments",
            format!(
                "{} of {}",
                s.fragments.scored - s.fragments.right,
                s.recommendations
            ),
        ),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<44} {value}");
    }
    out.push('\n');
    out
}

pub fn misses(s: &Scores) -> String {
    let mut out = String::from("== misses (tuning pages only)\n");
    let lists: [(&str, &Vec<String>); 12] = [
        ("title", &s.titles.misses),
        ("date", &s.dates.misses),
        ("date stated wrongly", &s.false_dates.misses),
        ("year", &s.years.misses),
        ("series", &s.series_right.misses),
        ("wrong dialogue", &s.series_wrong.misses),
        ("series proposal", &s.series_proposed.misses),
        ("issuers", &s.issuers.misses),
        ("kind", &s.kinds.misses),
        ("themes", &s.themes.misses),
        ("chrome", &s.chrome_misses),
        ("fragment", &s.fragments.misses),
    ];
    for (field, misses) in lists {
        for miss in misses {
            let _ = writeln!(out, "  {field}: {miss}");
        }
    }
    out
}
