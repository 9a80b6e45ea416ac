//! Table-driven cases for `cues::judge`: sentences that ask, that pledge,
//! and the descriptive uses of the same words that do neither.

use super::*;
use crate::config::Config;
use crate::ingest::term_matcher::{Category, TermMatcher};

const ASK: Option<RecommendationKind> = Some(RecommendationKind::Recommendation);
const PLEDGE: Option<RecommendationKind> = Some(RecommendationKind::Commitment);
const NEITHER: Option<RecommendationKind> = None;

fn judged(sentence: &str, voice: Voice) -> Option<RecommendationKind> {
    let config = Config::parse("title: t\n", std::path::Path::new("b.yaml")).unwrap();
    let cues: Vec<Cue> = TermMatcher::new(&config)
        .hits(sentence)
        .iter()
        .filter(|h| matches!(h.category, Category::Recommendation | Category::Commitment))
        .map(|h| Cue {
            start: h.start,
            end: h.end,
            asks: h.category == Category::Recommendation,
        })
        .collect();
    judge(sentence, &cues, voice)
}

fn check(cases: &[(&str, Option<RecommendationKind>)], voice: Voice) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(s, want)| judged(s, voice) != *want)
        .map(|(s, want)| format!("{s:?}: want {want:?}, got {:?}", judged(s, voice)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn asks_by_authors_and_parties() {
    check(
        &[
            ("We urge both governments to open their markets.", ASK),
            ("The associations call on the ministers to act.", ASK),
            (
                "In particular, we call upon regulators to publish the rules.",
                ASK,
            ),
            ("We recommend that the parties adopt common labels.", ASK),
            (
                "The Councils request continued support from both governments.",
                ASK,
            ),
            ("We encourage Canada and Korea to exchange experts.", ASK),
            ("We invite the EU to join the working group.", ASK),
            ("We advocate for faster spectrum auctions.", ASK),
            (
                "We would like to call on the regulators to meet twice a year.",
                ASK,
            ),
            ("Both countries are called upon to settle the dispute.", ASK),
            (
                "The two governments should fund joint research on chips.",
                ASK,
            ),
            ("In the long term, they should cooperate on batteries.", ASK),
            (
                "The moratorium on customs duties should not be allowed to lapse.",
                ASK,
            ),
            (
                "We believe that Japan and Canada should recognise each other's rules.",
                ASK,
            ),
            ("Ministries must work together to close the gap.", ASK),
            ("Training programmes must be reformed before 2030.", ASK),
            ("Tariffs on sensors should be removed.", ASK),
            ("Japan and Korea should lead the talks on trust.", ASK),
            (
                "In this context, we expect both sides to align their AI rules.",
                ASK,
            ),
        ],
        Voice::Parties,
    );
}

#[test]
fn pledges_by_authors_and_parties() {
    check(
        &[
            (
                "Both countries reaffirmed their commitment to an open Internet.",
                PLEDGE,
            ),
            (
                "Furthermore, both sides committed to engage in the talks.",
                PLEDGE,
            ),
            ("The ministers decided to meet again in the spring.", PLEDGE),
            ("We will publish a joint roadmap by June.", PLEDGE),
            (
                "The two governments will continue to share threat data.",
                PLEDGE,
            ),
            (
                "Industries in Korea and Canada will promote the use of AI.",
                PLEDGE,
            ),
            (
                "The Parties shall notify each other of new measures.",
                PLEDGE,
            ),
            (
                "The partners emphasized their continued commitment to work together.",
                PLEDGE,
            ),
            ("We pledge to double our investment in skills.", PLEDGE),
            (
                "Both sides support open data and will work against restrictions.",
                PLEDGE,
            ),
        ],
        Voice::Parties,
    );
}

#[test]
fn descriptive_uses_are_neither() {
    check(
        &[
            (
                "The two regions are partners that are committed to cooperate on peace.",
                NEITHER,
            ),
            (
                "We hope that the next summit will not only reaffirm the old points.",
                NEITHER,
            ),
            (
                "The guidelines set out principles that should be implemented across society.",
                NEITHER,
            ),
            (
                "This executive order has created eight principles.",
                NEITHER,
            ),
            (
                "This Agreement shall enter into force on the first day of May.",
                NEITHER,
            ),
            (
                "They are also likely to call on developers to share information.",
                NEITHER,
            ),
            (
                "We present the following principles that both countries should explore.",
                NEITHER,
            ),
            (
                "The councils recommend policymakers consider the following proposals.",
                NEITHER,
            ),
            (
                "These steps should help reduce costs for small firms.",
                NEITHER,
            ),
            ("It should be noted that the market grew.", NEITHER),
            (
                "We must underline that strict rules will hinder innovation.",
                NEITHER,
            ),
            ("The request of the ministry was approved.", NEITHER),
            ("Their call for proposals closed in May.", NEITHER),
            (
                "Officials have said that the agency should expand its remit.",
                NEITHER,
            ),
            ("Should the talks fail, tariffs will rise.", NEITHER),
            ("What should the two governments do next?", NEITHER),
            ("Data flows will increase in the coming years.", NEITHER),
            ("Both regions will benefit from the agreement.", NEITHER),
            ("The next meeting will be held in Tokyo.", NEITHER),
            (
                "The new rules aim to encourage investment in chips.",
                NEITHER,
            ),
            ("We hope that both governments will take the lead.", NEITHER),
            (
                "Cooperation between the bodies will help ensure common values.",
                NEITHER,
            ),
            ("The programme should have started last year.", NEITHER),
            ("Open rules should lead to more investment.", NEITHER),
            (
                "We remain encouraged by the determination of both sides.",
                NEITHER,
            ),
            ("We are encouraged by the progress made so far.", NEITHER),
            ("Demand for chips is expected to grow.", NEITHER),
            ("Analysts expect the two markets to merge.", NEITHER),
        ],
        Voice::Parties,
    );
}

#[test]
fn a_commentary_counts_only_its_authors_asks() {
    check(
        &[
            (
                "The administration should pursue a lighter approach to regulation.",
                ASK,
            ),
            ("We urge Congress to fund the institute.", ASK),
            (
                "The cabinet will request more funds for AI next year.",
                NEITHER,
            ),
            (
                "In 2019 the ministers reaffirmed their commitment to open data.",
                NEITHER,
            ),
            (
                "Congressional leaders called on the agency to act.",
                NEITHER,
            ),
            (
                "The order directs agencies to catalog AI uses and encourages reporting.",
                NEITHER,
            ),
            (
                "The government has laid out principles that should be implemented.",
                NEITHER,
            ),
        ],
        Voice::Author,
    );
}

#[test]
fn voice_follows_the_kind() {
    assert_eq!(Voice::of_kind("commentary"), Voice::Author);
    assert_eq!(Voice::of_kind("joint-statement"), Voice::Parties);
    assert_eq!(Voice::of_kind("press-release"), Voice::Parties);
}
