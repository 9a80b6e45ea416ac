//! Labelled fields at a document's head, as databases and archives print
//! their records: `[文書名] …`, `【発表日】…`, `Title: …`, `Date: …`. A
//! title or date field states the document's own; any other bracketed
//! field (`[出典] 外務省`, `[備考] 仮訳`) is the record's, never a title.

/// What a field's label says its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Date,
    Other,
}

const TITLE_LABELS: &[&str] = &[
    "title",
    "document",
    "subject",
    "文書名",
    "件名",
    "タイトル",
    "表題",
    "題名",
];
const DATE_LABELS: &[&str] = &[
    "date",
    "dated",
    "年月日",
    "日付",
    "日時",
    "発表日",
    "公表日",
    "公開日",
    "掲載日",
    "発行日",
];
/// The most characters a bracketed label has.
const MAX_LABEL_CHARS: usize = 12;

/// The field a line is, and its value: a bracketed label of any kind
/// (`[場所]`), or a title or date label before a colon (`Date: …`).
pub fn field(line: &str) -> Option<(Field, &str)> {
    let line = line.trim();
    let (label, value, bracketed) = bracketed(line)
        .map(|(l, v)| (l, v, true))
        .or_else(|| colon_labelled(line).map(|(l, v)| (l, v, false)))?;
    let label = label.trim().to_lowercase();
    let kind = if TITLE_LABELS.contains(&label.as_str()) {
        Field::Title
    } else if DATE_LABELS.contains(&label.as_str()) {
        Field::Date
    } else if bracketed && !super::is_paragraph(value) {
        // A paragraph behind a bracketed lead ("【ソウル聯合ニュース】韓国の
        // …と発表した。", a wire credit) is the text's, not a record's field.
        Field::Other
    } else {
        return None;
    };
    Some((kind, value.trim()))
}

/// `[label] value` or `【label】value`.
fn bracketed(line: &str) -> Option<(&str, &str)> {
    let (open, close) = [('[', ']'), ('【', '】')]
        .into_iter()
        .find(|(open, _)| line.starts_with(*open))?;
    let (label, value) = line[open.len_utf8()..].split_once(close)?;
    let short = (1..=MAX_LABEL_CHARS).contains(&label.chars().count());
    let words = label.chars().any(char::is_alphabetic) && !label.contains(['[', '(', '/', '.']);
    (short && words).then_some((label, value))
}

/// `label: value` or `label：value`, the label a single word or two.
fn colon_labelled(line: &str) -> Option<(&str, &str)> {
    let at = line.find([':', '：'])?;
    let label = &line[..at];
    let colon = line[at..].chars().next()?.len_utf8();
    (label.split_whitespace().count() <= 2).then_some((label, &line[at + colon..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_by_their_labels() {
        let cases = [
            (
                "[文書名] 日印デジタル協力",
                Some((Field::Title, "日印デジタル協力")),
            ),
            (
                "[年月日] 2018年10月29日",
                Some((Field::Date, "2018年10月29日")),
            ),
            (
                "【発表日】2024年4月30日",
                Some((Field::Date, "2024年4月30日")),
            ),
            ("[出典] 外務省", Some((Field::Other, "外務省"))),
            (
                "【ソウル聯合ニュース】韓国の科学技術情報通信部は30日、日本総務省と東京でデジタル分野の次官会談を開き、協議体を新設することで合意したと発表した。",
                None,
            ),
            ("[全文]", Some((Field::Other, ""))),
            ("Date: 30 April 2024", Some((Field::Date, "30 April 2024"))),
            (
                "Title: Joint Statement",
                Some((Field::Title, "Joint Statement")),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(field(line), want, "{line}");
        }
        for line in [
            "Joint Statement: Strengthening Economic Security",
            "[Image: a photo of the ministers at the table in Tokyo]",
            "[1] See the annex.",
            "Note: the meeting was held in Tokyo.",
        ] {
            assert_eq!(field(line), None, "{line}");
        }
    }
}
