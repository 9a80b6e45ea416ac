//! What a page's markup states: titles, dates and issuers read from
//! small pages.

use super::title::without_site_name;
use super::*;

const PAGE: &str = r#"<!doctype html><html><head>
    <title>Talks on Data Flows Held | Ministry of Example</title>
    <meta property="og:site_name" content="Ministry of Example">
    <meta property="og:title" content="Talks on Data Flows Held">
    <meta property="article:modified_time" content="2024-05-02T10:00:00Z">
    <link rel="canonical" href="https://example.org/news/2023/01/09/talks">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"NewsArticle","headline":"Talks on Data Flows Held","datePublished":"2024-04-30T09:00:00+09:00",
       "dateModified":"2024-05-02","publisher":{"@type":"Organization","name":"Ministry of Example"},
       "author":[{"@type":"Person","name":"Press Office"}]}]}</script>
    </head><body><h1>Talks on Data Flows Held</h1><p>© 2025 Ministry of Example</p></body></html>"#;

#[test]
fn markup_states_title_date_and_issuers() {
    let meta = read(&Html::parse_document(PAGE));
    assert_eq!(meta.titles, ["Talks on Data Flows Held"]);
    assert_eq!(meta.date.unwrap().to_string(), "2024-04-30");
    assert_eq!(meta.issuers, ["Ministry of Example", "Press Office"]);
}

#[test]
fn the_original_date_wins_and_a_dated_address_is_the_last_resort() {
    let page = r#"<html><head><meta name="last-modified" content="2024-05-02">
        <link rel="canonical" href="https://example.org/news/2023/01/09/talks"></head>
        <body><time class="updated" datetime="2024-05-02">2 May</time>
        <time class="entry-date published" datetime="2024-04-29">29 April</time></body></html>"#;
    let meta = read(&Html::parse_document(page));
    assert_eq!(meta.date.unwrap().to_string(), "2024-04-29");
    let page =
        r#"<html><head><meta name="DC:date" content="2009-09-15"></head><body></body></html>"#;
    let meta = read(&Html::parse_document(page));
    assert_eq!(meta.date.unwrap().to_string(), "2009-09-15");
    let page = r#"<html><head><link rel="canonical" href="https://example.org/news/2023/01/09/talks"></head><body></body></html>"#;
    let meta = read(&Html::parse_document(page));
    assert_eq!(meta.date.unwrap().to_string(), "2023-01-09");
}

/// The title candidates of a page of this `<head>` and `<body>`.
fn titles(head: &str, body: &str) -> Vec<String> {
    let page = Html::parse_document(&format!(
        "<html><head>{head}</head><body>{body}</body></html>"
    ));
    read(&page).titles
}

#[test]
fn a_web_address_in_the_title_is_the_site_not_the_page() {
    assert_eq!(
        titles(
            "<title>Example.de » Blog Archive » Podcasts in Plex</title>",
            "<h1>Example.de</h1><p>Text.</p>"
        )[0],
        "Podcasts in Plex"
    );
    assert_eq!(
        titles(
            "<title>Why Europe Matters - http://www.example.com</title>",
            ""
        )[0],
        "Why Europe Matters"
    );
}

#[test]
fn a_site_name_leaves_the_title() {
    let site = Some("MOFA");
    assert_eq!(
        without_site_name("MOFA: Talks Held in Tokyo", site),
        "Talks Held in Tokyo"
    );
    assert_eq!(
        without_site_name("Talks Held in Tokyo on Data - MOFA", site),
        "Talks Held in Tokyo on Data"
    );
}

#[test]
fn a_title_that_only_names_the_site_or_home_gives_way_to_the_heading() {
    let logo = r#"<a class="brand" href="index.html"><img src="logo.png" alt="Law Office (Logo)" title="Law Office Smith"></a>"#;
    assert_eq!(
        titles(
            "<title>Law Office Smith</title>",
            &format!("{logo}<h1>Welcome to our practice</h1><p>Text.</p>")
        ),
        ["Welcome to our practice"]
    );
    assert_eq!(
        titles("<title>Home</title>", "<h1>Time to say goodbye.</h1>"),
        ["Time to say goodbye."]
    );
    // The site's name before the page's, by the home link on its own host.
    let head = r#"<title>Fire Brigade Oldenburg - Boat Training</title>
        <link rel="canonical" href="https://brigade.example/training.html">"#;
    let home = r#"<a href="https://brigade.example/">Fire Brigade Oldenburg</a>
        <a href="https://other.example/">Other Site</a>"#;
    assert_eq!(
        titles(head, &format!("{home}<h2>Boat Training</h2>")),
        ["Boat Training"]
    );
}
