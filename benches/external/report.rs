//! The figures of a set as the bench prints them, beside the published
//! figures of the reference tools.

use std::fmt::Write as _;

use super::score::{Dates, Scores};
use super::sets::Set;

fn percent(n: usize, of: usize) -> String {
    match of {
        0 => "-".to_string(),
        _ => format!("{n}/{of} ({:.0} %)", 100.0 * n as f64 / of as f64),
    }
}

/// Precision, recall, accuracy and F1 of a confusion matrix.
fn prf(tp: usize, fp: usize, fn_: usize, tn: usize) -> [f64; 4] {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    [
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        ratio(tp + tn, tp + fp + fn_ + tn),
        ratio(2 * tp, 2 * tp + fp + fn_),
    ]
}

/// The heading of [`prf_row`]'s columns.
const COLUMNS: &str = "                                        precision  recall  accuracy    F1\n";

fn prf_row(name: &str, [p, r, a, f]: [f64; 4]) -> String {
    format!("    {name:<36} {p:>8.3} {r:>7.3} {a:>9.3} {f:>6.3}\n")
}

pub fn report(set: &Set, about: &str, s: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}/: {about}", set.name);
    let _ = writeln!(
        out,
        "  {} pages, {} rejected by ingest; {:.1} s (rendering {:.1} s, ingest {:.1} s, {:.2} ms a page)",
        s.pages,
        s.rejected,
        (s.render_time + s.ingest_time).as_secs_f64(),
        s.render_time.as_secs_f64(),
        s.ingest_time.as_secs_f64(),
        s.ingest_time.as_secs_f64() * 1000.0 / s.pages.max(1) as f64
    );
    if !set.left_out.is_empty() {
        let _ = writeln!(out, "  {}", set.left_out);
    }
    out.push_str(&title_rows(s));
    out.push_str(&date_rows(&s.dates));
    if s.capture.tp + s.capture.fn_ > 0 {
        out.push_str(&text_rows(s));
    }
    out.push_str(set.published);
    out.push('\n');
    out
}

fn row(out: &mut String, name: &str, value: impl std::fmt::Display) {
    let _ = writeln!(out, "    {name:<36} {value}");
}

/// Rows of `name: n/of (percent)`.
fn percent_rows(out: &mut String, rows: &[(&str, usize, usize)]) {
    for &(name, n, of) in rows {
        row(out, name, percent(n, of));
    }
}

fn title_rows(s: &Scores) -> String {
    let mut out = String::new();
    let t = &s.titles;
    if t.scored > 0 {
        let _ = writeln!(out, "  titles ({} pages with a gold title)", t.scored);
        let other = t.scored - t.exact - t.contained;
        percent_rows(
            &mut out,
            &[
                ("exact (normalised)", t.exact, t.scored),
                ("contained, not exact", t.contained, t.scored),
                ("exact or contained", t.exact + t.contained, t.scored),
                ("other (wrong or rejected)", other, t.scored),
            ],
        );
        let _ = writeln!(
            out,
            "    of the {} pages whose capture has the gold title as a line:",
            t.on_page
        );
        row(&mut out, "  exact", percent(t.on_page_exact, t.on_page));
    } else {
        out.push_str("  titles (no gold titles in this set)\n");
    }
    let ingested = s.pages - s.rejected;
    percent_rows(
        &mut out,
        &[
            ("titles that are a date", s.date_titles, ingested),
            ("titles that are the file name", s.stem_titles, ingested),
        ],
    );
    out
}

fn date_rows(d: &Dates) -> String {
    let mut out = String::new();
    if d.scored == 0 {
        return out;
    }
    let _ = writeln!(out, "  dates ({} pages with a gold day)", d.scored);
    percent_rows(
        &mut out,
        &[
            ("exact day", d.exact, d.scored),
            (
                "  where the page writes the gold day",
                d.on_page_exact,
                d.on_page,
            ),
            ("  of which from a dateline", d.exact_stated, d.exact),
            ("same year, other day or no day", d.same_year, d.scored),
            ("wrong year", d.wrong_year, d.scored),
            ("none found (or rejected)", d.none, d.scored),
        ],
    );
    out.push_str("    as htmldate scores it (output = gold: TP, other output: FP, none: FN)\n");
    out.push_str(COLUMNS);
    let fp = d.same_year + d.wrong_year;
    out.push_str(&prf_row("ingest (this run)", prf(d.exact, fp, d.none, 0)));
    out
}

fn text_rows(s: &Scores) -> String {
    let mut out = String::new();
    let (b, c) = (&s.body, &s.capture);
    let _ = writeln!(
        out,
        "  main text ({} main-text and {} boilerplate snippets, whitespace-normalised substrings)",
        c.tp + c.fn_,
        c.fp + c.tn
    );
    percent_rows(
        &mut out,
        &[
            ("main-text snippets in the body", b.tp, b.tp + b.fn_),
            ("boilerplate snippets in the body", b.fp, b.fp + b.tn),
            ("main-text snippets in the capture", c.tp, c.tp + c.fn_),
            ("boilerplate snippets in the capture", c.fp, c.fp + c.tn),
        ],
    );
    out.push_str("    as trafilatura scores it (summed over all pages)\n");
    out.push_str(COLUMNS);
    out.push_str(&prf_row(
        "ingest body (this run)",
        prf(b.tp, b.fp, b.fn_, b.tn),
    ));
    out.push_str(&prf_row(
        "capture itself (keep everything)",
        prf(c.tp, c.fp, c.fn_, c.tn),
    ));
    out
}
