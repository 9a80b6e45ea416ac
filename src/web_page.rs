//! A saved web page's bytes as the text its author wrote: after a
//! byte-order mark in its encoding, else as UTF-8 when it is UTF-8 with
//! letters beyond ASCII, else in the charset its markup declares, else as
//! UTF-8, else in the encoding `chardetng` guesses.
//! Ingest reads pages so, and the site publishes them so.

/// A page's text, and the encoding it was guessed to be in when it
/// declared none and was not UTF-8 (worth a warning).
pub struct Decoded {
    pub text: String,
    pub guessed: Option<&'static str>,
}

/// `bytes` as text ([module docs](self)); malformed sequences become U+FFFD,
/// as in a browser.
pub fn decode(bytes: &[u8]) -> Decoded {
    let text = |encoding: &'static encoding_rs::Encoding, bytes: &[u8]| {
        encoding.decode_without_bom_handling(bytes).0.into_owned()
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return Decoded {
            text: text(encoding, &bytes[bom..]),
            guessed: None,
        };
    }
    // A page that is valid UTF-8 with letters beyond ASCII is UTF-8 whatever
    // it declares: the bytes of a legacy encoding's letters almost never
    // form UTF-8 sequences, and a page re-saved as UTF-8 often keeps its
    // old declaration.
    let utf8 = std::str::from_utf8(bytes).ok();
    let declared = declared_charset(bytes).filter(|_| utf8.is_none_or(str::is_ascii));
    if let Some(encoding) = declared {
        return Decoded {
            text: text(encoding, bytes),
            guessed: None,
        };
    }
    if let Some(utf8) = utf8 {
        return Decoded {
            text: utf8.to_string(),
            guessed: None,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    Decoded {
        text: text(encoding, bytes),
        guessed: Some(encoding.name()),
    }
}

/// The encoding a `<meta charset>` or `content="…; charset=…"` in the
/// page's first bytes names.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page declaring UTF-16 in markup that could be read is in fact
    // ASCII-compatible: UTF-8, as browsers take it.
    Some(encoding.output_encoding())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_charset_wins_and_a_guess_is_named() {
        let page = b"<meta charset=\"windows-1252\"><p>Caf\xe9</p>";
        let decoded = decode(page);
        assert!(decoded.text.contains("Café"));
        assert_eq!(decoded.guessed, None);
        let resaved = decode("<meta charset=\"iso-8859-1\"><p>Café</p>".as_bytes());
        assert!(resaved.text.contains("Café"), "{}", resaved.text);
        let decoded = decode(b"<p>Caf\xe9 cr\xe8me \x96 the Minister\x92s text</p>");
        assert!(decoded.text.contains("Café crème"));
        assert!(decoded.guessed.is_some());
    }
}
