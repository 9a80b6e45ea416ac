//! Captions and alt text a capture leaves where a picture was: a logo's
//! name, a photo's caption, the people in it by where they stand, the
//! line that describes the photo under its heading or credit.

/// "Sasakawa USA and USJETAA logo": image alt text left in the capture.
pub(super) fn is_logo_line(line: &str) -> bool {
    let t = line.trim().to_lowercase();
    (t.ends_with(" logo") || t.ends_with(" logos") || t == "logo")
        && t.split_whitespace().count() <= 10
        && !t.contains(['.', '!', '?'])
}

/// "Group photo of the Second Meeting …", "Reuters file photo",
/// "(閣僚会合 冒頭撮影の様子。…)": a caption left where its picture was.
pub(super) fn is_photo_caption(line: &str, key: &str) -> bool {
    let t = line.trim();
    let opens = [
        "photo",
        "group photo",
        "(photo",
        "a commemorative photo",
        "file photo",
    ]
    .iter()
    .any(|p| key.starts_with(p));
    let mentions = key.contains("photo") || t.contains("撮影") || t.contains("写真");
    let scene = t.trim_end_matches([')', '）']).ends_with("様子");
    opens
        || scene
        || (mentions && !t.ends_with(['.', '。']))
        || by_position(t)
        || subject_at(t)
        || credited(t)
}

/// A photo's credit closing its caption: "… in Takasaki on April 29-30.
/// (© Kyodo)". Text never ends on a copyright sign in brackets.
pub(super) fn credited(line: &str) -> bool {
    let Some(open) = line.trim_end().strip_suffix([')', '）']) else {
        return false;
    };
    open.rsplit_once(['(', '（'])
        .is_some_and(|(_, credit)| credit.trim_start().starts_with('©') && credit.len() <= 60)
}

/// Where the people of a photo stand: "(Left) Minister A …", "(From
/// right, front row) …".
pub(super) fn by_position(line: &str) -> bool {
    const PLACES: &[&str] = &[
        "left",
        "right",
        "middle",
        "centre",
        "center",
        "rear",
        "front",
        "back row",
        "from left",
        "from right",
        "seated",
        "standing",
        "top",
        "bottom",
    ];
    let opening = line.trim_start().strip_prefix('(');
    let Some((inner, _)) = opening.and_then(|rest| rest.split_once(')')) else {
        return false;
    };
    let inner = inner.trim_start().to_lowercase();
    PLACES.iter().any(|p| inner.starts_with(p))
}

/// A Japanese news caption, what is shown and where, joined by "=":
/// "記者会見する首相=5日、首相官邸", "外務省=東京・霞が関".
fn subject_at(line: &str) -> bool {
    let Some((subject, place)) = line.split_once(['=', '＝']) else {
        return false;
    };
    let cjk = |s: &str| s.chars().any(crate::text::words::is_cjk);
    line.chars().count() <= 60
        && !line.ends_with('。')
        && cjk(subject)
        && cjk(place)
        && !subject.ends_with(' ')
}

/// The longest photo heading or credit a description is looked for under.
const PHOTO_LINE_BYTES: usize = 200;

/// The most words of a photo's description under its heading or credit.
const CAPTION_WORDS: usize = 20;

/// The lines that describe a photo, right under its heading or credit
/// ("A commemorative photo of Four Ministers" / "Four Ministers who have a
/// talk …", "Reuters file photo" / "European Union flags fly outside …"):
/// short, one sentence at most, with a blank line after them. A photo line
/// that opens the capture may stand over the headline, so it has none.
pub(super) fn under_photos(lines: &[String]) -> Vec<usize> {
    let is_photo = |i: usize| is_photo_caption(&lines[i], &super::key(&lines[i]));
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let short = |i: usize| (1..=PHOTO_LINE_BYTES).contains(&lines[i].trim().len());
    (1..lines.len().saturating_sub(1))
        .filter(|&i| Some(i - 1) != first && short(i - 1) && lines[i + 1].trim().is_empty())
        .filter(|&i| describes(&lines[i]) && is_photo(i - 1) && !is_photo(i))
        .collect()
}

fn describes(line: &str) -> bool {
    let t = line.trim();
    // Twenty words take fewer bytes than this; a paragraph is not counted.
    if t.len() > 320 {
        return false;
    }
    let words = crate::text::words::word_count(t);
    let inner_stop = t.trim_end_matches(['.', '。']).contains(". ");
    (3..=CAPTION_WORDS).contains(&words) && !inner_stop && !t.ends_with(':')
}
