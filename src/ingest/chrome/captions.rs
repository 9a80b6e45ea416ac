//! Captions and alt text a capture leaves where a picture was: a logo's
//! name, a photo's caption, the people in it by where they stand.

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
    opens || scene || (mentions && !t.ends_with(['.', '。'])) || by_position(t) || subject_at(t)
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
