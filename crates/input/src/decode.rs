//! Turning a text file's bytes into the article body: valid UTF-8 as is
//! (a byte order mark included, so that offsets are file offsets), UTF-16
//! with a byte order mark, anything else as Windows-1252 with a warning;
//! binary and empty files refused.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::ErrorKind;

/// How many leading bytes the binary test and format sniffing look at.
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

/// The warning attached to a body that was not valid UTF-8.
pub(crate) const WINDOWS_1252_WARNING: &str =
    "decoded as windows-1252 (the file is not valid UTF-8); offsets refer to the decoded text";

/// Decoded text and what was noticed on the way.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// Warnings such as the Windows-1252 fallback.
    pub warnings: Vec<String>,
}

/// Decodes a text file, refusing binary and empty ones.
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<Decoded, ErrorKind> {
    if is_binary(&bytes) {
        return Err(ErrorKind::Binary);
    }
    let decoded = decode_lossy(bytes);
    if is_blank(&decoded.text) {
        return Err(ErrorKind::Empty);
    }
    Ok(decoded)
}

/// Decodes whatever the bytes are, never failing.
pub(crate) fn decode_lossy(bytes: Vec<u8>) -> Decoded {
    if let Some((encoding, name)) = utf16_encoding(&bytes) {
        let without_bom = bytes.get(2..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(without_bom);
        return Decoded {
            text: text.into_owned(),
            warnings: vec![format!(
                "decoded as {name} (byte order mark); offsets refer to the decoded text"
            )],
        };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            warnings: Vec::new(),
        },
        Err(error) => {
            // Windows-1252 maps every byte, so nothing is lost or replaced.
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(error.as_bytes());
            Decoded {
                text: text.into_owned(),
                warnings: vec![WINDOWS_1252_WARNING.to_owned()],
            }
        }
    }
}

/// Whether a text holds nothing but whitespace and byte order marks.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// Whether a file's bytes are binary data rather than text in some encoding.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    // UTF-16 is full of NUL bytes, so it must be recognised before the binary test.
    utf16_encoding(bytes).is_none() && looks_binary(head(bytes))
}

/// The first [`SNIFF_BYTES`] bytes.
pub(crate) fn head(bytes: &[u8]) -> &[u8] {
    bytes.get(..SNIFF_BYTES).unwrap_or(bytes)
}

/// Whether the start of a file looks like binary data: a NUL byte, or more
/// than one byte in ten a control character that text does not use.
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

/// The UTF-16 flavour announced by a byte order mark, if any.
fn utf16_encoding(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &'static str)> {
    match bytes {
        [0xff, 0xfe, ..] => Some((UTF_16LE, "UTF-16LE")),
        [0xfe, 0xff, ..] => Some((UTF_16BE, "UTF-16BE")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expected: Result<(&str, bool), &str>) {
        match (decode_text(bytes.to_vec()), expected) {
            (Ok(decoded), Ok((text, warned))) => {
                assert_eq!(decoded.text, text, "{bytes:?}");
                assert_eq!(!decoded.warnings.is_empty(), warned, "{bytes:?}");
            }
            (Err(kind), Err(message)) => assert_eq!(kind.to_string(), message, "{bytes:?}"),
            (got, expected) => panic!("{bytes:?}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn decodes_utf8_windows_1252_and_utf16() {
        check(b"Talks resume\n", Ok(("Talks resume\n", false)));
        check(
            "\u{feff}Caf\u{e9}\n".as_bytes(),
            Ok(("\u{feff}Caf\u{e9}\n", false)),
        );
        check(
            b"\x93Yes\x94 \xa35",
            Ok(("\u{201c}Yes\u{201d} \u{a3}5", true)),
        );
        check(b"\xff\xfeH\0i\0", Ok(("Hi", true)));
        check(b"\xfe\xff\0H\0i", Ok(("Hi", true)));
    }

    #[test]
    fn refuses_binary_and_empty() {
        check(b"PNG\0\0\x01", Err("binary file"));
        check(b"\x01\x02\x03\x04abc", Err("binary file"));
        check(b"", Err("empty file"));
        check(b" \n\t\r\n", Err("empty file"));
        check("\u{feff}\n".as_bytes(), Err("empty file"));
    }

    #[test]
    fn lossy_decoding_never_fails() {
        assert_eq!(decode_lossy(b"a\0b".to_vec()).text, "a\0b");
        assert_eq!(decode_lossy(Vec::new()).text, "");
    }
}
