//! The news agency a wire story credits: in its dateline ("Washington,
//! June 26 (Jiji Press)--", "TOKYO (Reuters) -"), in the bracket that
//! opens a Japanese story (【ソウル聯合ニュース】, a city and the agency run
//! together), or alone on the story's last line (時事通信). A newspaper or
//! a portal that reposts the story names its author nowhere else, and the
//! agency is who issued it.
//!
//! The agencies' names are a short table: Japanese credits glue the agency
//! to a city, so only a known name can be split off, and a known name is
//! written the same way whichever language credits it.

use std::sync::LazyLock;

use regex::Regex;

/// Wire agencies by the names their credits use, and the name listed.
const AGENCIES: &[(&str, &str)] = &[
    ("Kyodo", "Kyodo News"),
    ("共同通信", "Kyodo News"),
    ("共同", "Kyodo News"),
    ("Jiji", "Jiji Press"),
    ("時事通信", "Jiji Press"),
    ("時事", "Jiji Press"),
    ("Yonhap", "Yonhap News Agency"),
    ("聯合ニュース", "Yonhap News Agency"),
    ("聯合", "Yonhap News Agency"),
    ("Reuters", "Reuters"),
    ("ロイター", "Reuters"),
    ("AFP", "AFP"),
    ("AP", "Associated Press"),
    ("Xinhua", "Xinhua"),
    ("新華社", "Xinhua"),
    ("Bloomberg", "Bloomberg"),
    ("ブルームバーグ", "Bloomberg"),
];

/// The agency a story's text credits, from its opening or its last line.
pub(super) fn wire_credit(body: &str) -> Option<String> {
    let opening = body.trim_start();
    let last = body.trim_end().lines().next_back().unwrap_or("").trim();
    in_dateline(opening)
        .or_else(|| in_bracket(opening))
        .or_else(|| signed(last))
}

/// "Washington, June 26 (Jiji Press)--…": a place (up to three capitalised
/// words), perhaps a day, and the agency in brackets before the dash that
/// opens the story.
fn in_dateline(opening: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[A-Z][A-Za-z.']*(?: [A-Z][A-Za-z.']*){0,2}(?:, [A-Z][A-Za-z.]* \d{1,2})? \((?P<agency>[A-Z][A-Za-z&.' -]{1,30})\) ?(?:--|—|–|-)",
        )
        .expect("wire dateline pattern is valid")
    });
    let agency = DATELINE.captures(opening)?.name("agency")?.as_str().trim();
    let known = AGENCIES
        .iter()
        .find(|(credit, _)| agency == *credit || agency.starts_with(&format!("{credit} ")));
    // Another name in brackets there may be a place's or a body's short
    // name ("European Commission (EC) - …"): only a news outlet's counts.
    let news_word = ["Press", "News", "Agency", "Wire"];
    match known {
        Some((_, name)) => Some(name.to_string()),
        None => agency
            .split_whitespace()
            .any(|w| news_word.contains(&w))
            .then(|| agency.to_string()),
    }
}

/// 【ワシントン共同】, 【ソウル聯合ニュース】: a city and a known agency.
fn in_bracket(opening: &str) -> Option<String> {
    let inner = opening.strip_prefix('【')?.split_once('】')?.0;
    let (_, name) = AGENCIES
        .iter()
        .find(|(credit, _)| inner.ends_with(credit))?;
    (inner.chars().count() <= 16).then(|| name.to_string())
}

/// A known agency's full name closing the story, alone on its last line
/// or after its last sentence when a capture ran the lines together
/// ("…を確認した。 時事通信").
fn signed(last: &str) -> Option<String> {
    let full = |credit: &str| match credit.is_ascii() {
        true => credit.len() >= 5,
        false => credit.chars().count() >= 4,
    };
    let closes = |credit: &str| {
        last.strip_suffix(credit)
            .map(str::trim_end)
            .is_some_and(|before| before.is_empty() || before.ends_with(['。', '.']))
    };
    AGENCIES
        .iter()
        .find(|(credit, _)| full(credit) && closes(credit))
        .map(|(_, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::wire_credit;

    #[test]
    fn a_wire_story_names_its_agency() {
        let cases = [
            ("Washington, June 26 (Jiji Press)--Japan, the United States and South Korea agreed.", "Jiji Press"),
            ("TOKYO (Reuters) - Japan and the EU agreed on data rules.", "Reuters"),
            ("WASHINGTON (Asia News Network) — The ministers met.", "Asia News Network"),
            ("Tokyo (Kyodo News) - Japan and the EU agreed.", "Kyodo News"),
            ("【ソウル聯合ニュース】韓国の科学技術情報通信部は30日、発表した。", "Yonhap News Agency"),
            ("【ワシントン共同】日米両政府は合意した。", "Kyodo News"),
            ("金子恭之総務相は4日、会談した。\n両国の協力を確認した。\n時事通信", "Jiji Press"),
            ("金子恭之総務相は4日、会談した。 両国の協力を確認した。 時事通信", "Jiji Press"),
        ];
        for (text, agency) in cases {
            assert_eq!(wire_credit(text).as_deref(), Some(agency), "{text}");
        }
    }

    #[test]
    fn a_statement_credits_no_agency() {
        for text in [
            "The United States and Japan (the Participants) - welcome the launch.",
            "The United States and Japan (USJ) - welcome the launch.",
            "European Commission (EC) - The Commission welcomes the agreement.",
            "【資料】日米共同声明の全文は以下のとおり。",
            "【共同声明】両国は合意した。",
            "On June 26, Japan (METI) and the United States met.\nThe end.\n共同",
            "Tokyo, 6 February 2024 — The ministers met.",
            "The ministers met. They thanked the staff of 時事通信",
        ] {
            assert_eq!(wire_credit(text), None, "{text}");
        }
    }
}
