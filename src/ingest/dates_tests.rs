//! Dates as pages write them, and what each reads as.

use super::*;

fn d(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

#[test]
fn dates_in_markup_and_addresses() {
    assert_eq!(stated("2015-07-10T09:53:00-04:00"), Some(d("2015-07-10")));
    assert_eq!(
        stated("Fri, 10 Jul 2015 09:53:00 GMT"),
        Some(d("2015-07-10"))
    );
    assert_eq!(stated("2015"), None);
    assert_eq!(
        in_url("https://a.org/news/2020/06/07/talks"),
        Some(d("2020-06-07"))
    );
    assert_eq!(
        in_url("https://a.org/2019-11-30-summit.html"),
        Some(d("2019-11-30"))
    );
    assert_eq!(in_url("https://a.org/p/20200607/x"), Some(d("2020-06-07")));
    assert_eq!(in_url("https://a.org/id/12345678"), None);
}

#[test]
fn datelines_in_common_formats() {
    let cases = [
        ("February 6, 2024", "2024-02-06"),
        ("Feb. 6, 2024", "2024-02-06"),
        ("Feb 6 2024", "2024-02-06"),
        ("6 February 2024", "2024-02-06"),
        ("01 Mar 2022", "2022-03-01"),
        ("30 April 2023", "2023-04-30"),
        ("Apr. 30, 2023", "2023-04-30"),
        ("2023-04-30", "2023-04-30"),
        ("30/04/2023", "2023-04-30"),
        ("04/30/2023", "2023-04-30"),
        ("October 18th, 2019", "2019-10-18"),
        ("Posted on March 3, 2021", "2021-03-03"),
        ("Published 3 March 2021", "2021-03-03"),
        ("  SEPTEMBER 9, 2020 ", "2020-09-09"),
        ("Published on: June 25, 2024", "2024-06-25"),
        ("Posted: 5 April 2018", "2018-04-05"),
        ("April 5, 2018 | 6:00 PM", "2018-04-05"),
        ("April 5, 2018 at 10:32 a.m. JST", "2018-04-05"),
        ("14. November 2019", "2019-11-14"),
    ];
    for (line, want) in cases {
        assert_eq!(dateline(line).map(|(d, _)| d), Some(d(want)), "{line}");
    }
}

#[test]
fn a_section_label_and_its_posting_date_are_a_dateline() {
    let cases = [
        ("韓日関係 2023.05.30 17:11", Some("2023-05-30")),
        (
            "Column  Foreign Affairs and National Security  2021.12.21",
            Some("2021-12-21"),
        ),
        ("World News 4 June 2019", Some("2019-06-04")),
        ("The meeting on October 10, 2019", None),
        ("Tokyo, 6 February 2024 — The ministers met.", None),
        ("Meeting of 2 May and 3 June 2024", None),
        ("Issue 12 2 May 2024", None),
    ];
    for (line, want) in cases {
        assert_eq!(labelled_dateline(line), want.map(d), "{line}");
    }
}

#[test]
fn place_datelines_keep_their_paragraph() {
    let (date, rest) = dateline("Tokyo, 6 February 2024 — The ministers met.").unwrap();
    assert_eq!(date, d("2024-02-06"));
    assert_eq!(rest, "The ministers met.");
}

#[test]
fn lines_that_are_not_datelines() {
    for line in [
        "04/05/2023",
        "November 2023",
        "The meeting on October 10, 2019 was held in Tokyo.",
        "19 Jun 2024 Publication & Brochure",
        "April 5, 2018 | 6:00 PM | Tokyo office news",
        "February 30, 2024",
        "2013-2016",
    ] {
        assert_eq!(dateline(line), None, "{line}");
    }
}

#[test]
fn ranges_weekday_asides_and_dotted_dates_are_dates() {
    let cases = [
        ("June 4 and 5, 2019", "2019-06-04"),
        ("October 10-11, 2019", "2019-10-10"),
        ("14–15 May 2018", "2018-05-14"),
        ("29 and 30 April 2023", "2023-04-29"),
        ("April 2 (Tue.), 2024", "2024-04-02"),
        ("July 3 (Mon.), 2023", "2023-07-03"),
        ("2024.8.6", "2024-08-06"),
        ("Erstellt am Dienstag 6. Mai 2014 um 23:30", "2014-05-06"),
        ("le 1er juin 2019", "2019-06-01"),
        ("publié le 15 septembre 2009", "2009-09-15"),
        ("6 de mayo de 2014", "2014-05-06"),
        ("14 gennaio 2020", "2020-01-14"),
        ("3. März 2021", "2021-03-03"),
        ("MAI 2018", "2018-05"),
    ];
    for (text, want) in cases {
        let found: Vec<String> = find_all(text).map(|f| f.date.to_string()).collect();
        assert_eq!(found, [want], "{text}");
    }
}

#[test]
fn japanese_dates_with_era_years_and_weekdays() {
    let cases = [
        ("2024年4月30日", "2024-04-30"),
        ("令和5年7月3日", "2023-07-03"),
        ("平成31年4月1日", "2019-04-01"),
        ("令和元年5月1日", "2019-05-01"),
        ("2023年11月", "2023-11"),
    ];
    for (text, want) in cases {
        let found: Vec<String> = find_all(text).map(|f| f.date.to_string()).collect();
        assert_eq!(found, [want], "{text}");
    }
    let (date, rest) =
        japanese_dateline("2024年4月30日（火）、ブリュッセルにおいて会合が開催されました。")
            .unwrap();
    assert_eq!(date.to_string(), "2024-04-30");
    assert_eq!(rest, "ブリュッセルにおいて会合が開催されました。");
    let text = "On March 3, 2021, and 2024年4月30日, then 5 May 2024.";
    let order: Vec<String> = find_all(text).map(|f| f.date.to_string()).collect();
    assert_eq!(order, ["2021-03-03", "2024-04-30", "2024-05-05"]);
}

#[test]
fn latest_mention_is_the_latest_date() {
    let text = "In April 2023 and on March 3, 2021, then in November 2023.";
    assert_eq!(latest_mentioned(text), Some(d("2023-11")));
    let text = "On March 11, 2011 and in March 2011.";
    assert_eq!(latest_mentioned(text), Some(d("2011-03-11")));
    let text = "As recently as November 2023, and in October 2023.";
    assert_eq!(latest_mentioned(text), Some(d("2023-11")));
    assert_eq!(latest_mentioned("Act of 2023, in the 1980s."), None);
}

#[test]
fn dates_against_japanese_text_and_curly_quotes_are_found() {
    assert_eq!(
        latest_mentioned("会議は2024-04-30に開催"),
        Some(d("2024-04-30"))
    );
    let text = "“Signed on 6 February 2024” — and ‘March 2025’…";
    assert_eq!(latest_mentioned(text), Some(d("2025-03")));
    assert_eq!(latest_mentioned("in 12024-04-30 or 2024-04-301"), None);
}

#[test]
fn a_title_gives_the_one_year_it_names_unless_it_looks_ahead_to_it() {
    let year = |t: &str| year_in_title(t).map(|d| d.to_string());
    let cases = [
        (
            "US – Japan Internet Economy Dialogue Lays Out Road Map for Cooperation in 2014",
            Some("2014"),
        ),
        (
            "Joint Statement 2024 from US-Japan Digital Economy Private Working Group",
            Some("2024"),
        ),
        ("Digital Vision 2030", None),
        ("Towards 2030: a shared agenda", None),
        ("Action Plan 2019-2021", None),
        ("Item 120145", None),
        ("No year here", None),
    ];
    for (title, want) in cases {
        assert_eq!(year(title).as_deref(), want, "{title}");
    }
}
