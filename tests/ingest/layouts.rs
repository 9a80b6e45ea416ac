//! Documents in other layouts and other dialogues, titles made from the
//! opening, repeated titles, series no dialogue covers, ambiguous aliases.

use super::*;

#[test]
fn other_layouts_other_dialogues() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);

    let a = by_seed(project.path(), "a_roman_headings.txt");
    let fm = &a.front_matter;
    assert_eq!(
        fm.title,
        "Joint Statement of the Third Canada–Japan Digital Policy Dialogue"
    );
    assert_eq!(fm.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(fm.dialogues, ["canada-japan-digital"]);
    assert_eq!(fm.kind, "joint-statement");
    // A joint statement of two countries' dialogue: their governments
    // issue it, the ministries lead the delegations.
    assert_eq!(
        fm.organisations,
        ["Government of Canada", "Government of Japan", "MIC", "ISED"]
    );
    assert!(
        themes(fm).contains(&"ai") && themes(fm).contains(&"privacy"),
        "{:?}",
        themes(fm)
    );
    for heading in [
        "## I. Artificial Intelligence {#artificial-intelligence .ai}",
        "## II. Data Flows and Privacy {#data-flows-and-privacy .data-flows .privacy}",
        "### A. Cross-Border Data {#cross-border-data .data-flows}",
        "### B. Personal Data Protection {#personal-data-protection .privacy}",
    ] {
        assert!(a.body.contains(heading), "{heading}\n{}", a.body);
    }
    for chrome in [
        "Skip to",
        "Menu",
        "navigation",
        "Share this",
        "Report a problem",
        "Date modified",
    ] {
        assert!(!a.body.contains(chrome), "{chrome} left in:\n{}", a.body);
    }

    let b = by_seed(project.path(), "b_articles.txt");
    assert_eq!(
        b.front_matter.title,
        "Framework on Semiconductor Supply Chain Cooperation"
    );
    assert_eq!(b.front_matter.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(
        themes(&b.front_matter)[..2],
        ["semiconductors", "supply-chains"]
    );
    assert!(b.front_matter.dialogues.is_empty());
    assert!(
        b.body.contains("## Article 1 – Purpose {#purpose"),
        "{}",
        b.body
    );
    assert!(b.body.contains("## Article 3 {#article-3"), "{}", b.body);
    assert!(
        b.body
            .contains("\n- promote joint research on advanced chips; and\n"),
        "{}",
        b.body
    );
    let asks: Vec<&str> = b
        .front_matter
        .recommendations
        .iter()
        .map(|r| r.section.as_str())
        .collect();
    assert_eq!(asks, ["early-warning", "article-3"]);
    assert_eq!(
        b.front_matter.recommendations[1].text,
        "The Participants commit to: exchange information on investment incentives for semiconductors; \
         promote joint research on advanced chips; and review this Framework every two years."
    );

    let c = by_seed(project.path(), "c_place_dateline.txt");
    let fm = &c.front_matter;
    assert_eq!(fm.title, "EU and Canada launch their Digital Partnership");
    assert_eq!(fm.date.unwrap().to_string(), "2023-04-30");
    assert_eq!(fm.dialogues, ["eu-canada-digital"]);
    assert!(
        c.body
            .starts_with("\nThe European Union and Canada today launched"),
        "{}",
        c.body
    );
    assert!(
        c.body
            .contains("## 2. Semiconductors {#semiconductors .semiconductors .supply-chains}"),
        "{}",
        c.body
    );
    assert!(
        !c.body.contains("Press corner") && !c.body.contains("cookies"),
        "{}",
        c.body
    );
}

#[test]
fn a_title_made_from_the_opening_is_flagged_in_the_table_the_file_and_the_page() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    std::fs::write(
        project.path().join("seeds/untitled.txt"),
        "On 3 May 2023 the ministers of METI met to discuss data flows and the security of supply chains in detail.\n\n\
         They agreed to meet again next year to review the progress of their work on data.\n",
    )
    .unwrap();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("untitled.txt"))
        .unwrap();
    assert!(row.contains("title, date"), "{stdout}");
    let fm = by_seed(project.path(), "untitled.txt").front_matter;
    assert_eq!(fm.title_source, briefing::content::TitleSource::MadeUp);
    assert!(
        fm.title.starts_with("On 3 May 2023 the ministers"),
        "{}",
        fm.title
    );
    let titled = by_seed(project.path(), "a_roman_headings.txt").front_matter;
    assert_eq!(titled.title_source, briefing::content::TitleSource::Stated);
    let out = briefing(project.path(), "build");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let noted: Vec<PathBuf> = walkdir::WalkDir::new(project.path().join("public"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| {
            let html = std::fs::read_to_string(p).unwrap();
            html.contains("(title made from the opening of the document)")
        })
        .collect();
    assert_eq!(
        noted.len(),
        1,
        "the untitled document's page, and only it: {noted:?}"
    );
}

#[test]
fn only_a_title_used_twice_is_warned_about() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let seeds = project.path().join("seeds");
    let long = "Meeting Summary on Semiconductors and Data Free Flow with Trust, U.S.-Japan Dialogue on Digital Economy";
    let titles = [
        ("a_roman_headings", format!("{long} (No. 1)")),
        ("b_articles", format!("{long} (No. 2)")),
        ("c_place_dateline", format!("{long} (No. 1)")),
    ];
    for (seed, title) in &titles {
        std::fs::write(
            seeds.join(format!("{seed}.yaml")),
            format!("title: {title}\n"),
        )
        .unwrap();
    }
    let report = ingest(project.path(), false);

    let files = content_files(project.path());
    assert_eq!(files.len(), 3, "{files:?}");
    let duplicates: Vec<&String> = report
        .warnings
        .iter()
        .filter(|w| w.contains("another document has the title"))
        .collect();
    assert_eq!(duplicates.len(), 1, "{:?}", report.warnings);
    assert!(
        duplicates[0].starts_with("seeds/c_place_dateline.txt")
            && duplicates[0].contains("(No. 1)")
            && duplicates[0].contains("seeds/c_place_dateline.yaml"),
        "{}",
        duplicates[0]
    );
}

#[test]
fn a_series_no_dialogue_covers_is_proposed_with_its_documents() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    for (seed, title) in [
        (
            "uk1.txt",
            "Second Japan-UK Digital Partnership Council Held",
        ),
        ("uk2.txt", "Third UK–Japan Digital Partnership Council"),
    ] {
        std::fs::write(
            project.path().join("seeds").join(seed),
            format!("{title}\n\n3 May 2023\n\nThe ministers met to discuss data flows and the security of supply chains in detail.\n"),
        )
        .unwrap();
    }
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let proposals = &stdout[stdout.find("series that no dialogue").expect("proposals")..];
    assert!(
        proposals.contains("  - slug: japan-uk-digital-partnership-council\n"),
        "{proposals}"
    );
    assert!(
        proposals.contains("    # named in seeds/uk1.txt, seeds/uk2.txt\n"),
        "{proposals}"
    );
    assert!(
        !proposals.contains("Canada"),
        "a known dialogue is not proposed: {proposals}"
    );
    let fm = by_seed(project.path(), "uk1.txt").front_matter;
    assert!(
        fm.dialogues.is_empty(),
        "never filed under another pair's dialogue: {:?}",
        fm.dialogues
    );
}

#[test]
fn check_warns_of_an_alias_documents_of_two_pairs_of_parties_use() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let root = project.path();
    let config = std::fs::read_to_string(root.join("briefing.yaml")).unwrap();
    let config = config.replace(
        "aliases: [EU-Canada Digital Partnership, EU–Canada Digital Partnership]",
        "aliases: [EU-Canada Digital Partnership, Digital Partnership]",
    );
    std::fs::write(root.join("briefing.yaml"), config).unwrap();
    for (seed, pair) in [("eu.txt", "EU-Canada"), ("uk.txt", "UK-Canada")] {
        std::fs::write(
            root.join("seeds").join(seed),
            format!("{pair} Ministers Meet\n\n3 May 2023\n\nThe {pair} ministers met in Ottawa. The {pair} Digital Partnership grows, and the Digital Partnership now covers data flows.\n"),
        )
        .unwrap();
    }
    assert!(briefing(root, "build").status.success());
    let check = briefing(root, "check");
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "a warning, not a problem: {stderr}");
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning: briefing.yaml: the alias \"Digital Partnership\""))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(warning.contains("eu-canada-digital"), "{warning}");
    assert!(
        warning.contains("content/uk-canada-ministers-meet.md"),
        "{warning}"
    );
    assert!(
        warning.contains("(\"EU-Canada Digital Partnership\")"),
        "{warning}"
    );
}

#[test]
fn a_weekly_dated_only_in_its_breadcrumb_takes_its_issue_date() {
    let config = Config::load(&repo()).unwrap();
    let text = "1. トップ\n  2. 活動\n  3. 週刊タイムス\n  4. 2018年8月9日 No.3373\n  5. 日米インターネットエコノミー官民対話を開催\n\n\
                日米インターネットエコノミー官民対話を開催\n\n\
                総務省と米国国務省は、2010年から「インターネットエコノミーに関する日米政策協力対話」を定期的に開催し、デジタルエコノミーをめぐる課題について意見交換を行うとともに、官民対話の場を設けてきた。7月23日、米国ワシントンDCで第9回の官民対話が開催された。\n";
    let md = briefing::ingest::ingest_bytes(&config, "seeds/weekly.txt", text.as_bytes()).unwrap();
    assert!(
        md.contains("\ndate: 2018-08-09\ndate_source: stated\n"),
        "{md}"
    );
}
