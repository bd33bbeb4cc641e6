//! The search keys column, one byte per Thai letter.
//!
//! A search reads every key of the store once per word, so its time is the bytes it reads; in UTF-8 a Thai letter
//! takes three. Here the Thai block U+0E00–U+0E7F takes one byte (0x80–0xFF), ASCII text and U+001F (the field
//! separator) stay themselves, and any other character is `ESCAPE` then its code point in six bytes 0x00–0x0F.
//! Bytes 0x00–0x0F and `ESCAPE` occur only in escapes, and a search word holds no control character, so an encoded
//! word matches only whole characters: ASCII matches ASCII, a Thai byte a Thai letter, and an escape the same
//! character from its first byte.
use super::texts::Blocks;

const ESCAPE: u8 = 0x1E;
/// `store::KEY_SEPARATOR`, which encodes as itself.
pub const SEPARATOR_BYTE: u8 = super::KEY_SEPARATOR as u8;
const THAI: u32 = 0x0E00;

/// Every row's search key (`text::search_key` of its fields, each ended by U+001F), encoded as above.
#[derive(Debug, Default, Clone)]
pub struct SearchKeys(Blocks<Vec<u8>>);

impl SearchKeys {
    /// Keys whose blocks start anew past `limit` bytes (tests cross blocks).
    pub fn with_block_limit(limit: usize) -> SearchKeys {
        SearchKeys(Blocks::with_block_limit(limit))
    }

    /// Appends a key already in this encoding (`fold_into`).
    pub fn push_encoded(&mut self, key: &[u8]) {
        self.0.push_with(key.len(), |buffer| buffer.extend_from_slice(key));
    }

    pub fn push(&mut self, key: &str) {
        // Thai text encodes to about a third of its UTF-8 bytes; the length is only where a block ends.
        self.0.push_with(key.len(), |buffer| encode_into(key, buffer));
    }

    /// Row `row`'s key as the scan reads it.
    pub fn encoded(&self, row: usize) -> &[u8] {
        self.0.get(row)
    }

    /// Row `row`'s key as text, as a shard stores it.
    pub fn get(&self, row: usize) -> String {
        decode(self.encoded(row))
    }

    pub fn blocks(&self) -> &[super::texts::Block<Vec<u8>>] {
        self.0.blocks()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn capacity(&self) -> usize {
        self.0.capacity()
    }
}

/// A folded search word in the keys' encoding.
pub fn encode(word: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(word.len());
    encode_into(word, &mut out);
    out
}

/// Appends `text::search_key(text)` to `out` in this encoding, in one pass: a shard's reader folds a country's
/// titles, and a Thai letter goes from its three UTF-8 bytes to its one byte here without a string between.
#[cfg_attr(locallens_speed, optimize(speed))]
pub fn fold_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut rare = String::new();
    while at < bytes.len() {
        match bytes[at..] {
            // ASCII without the Unicode tables: spaces, dashes and dots are in most titles and ocids.
            [b, ..] if b < 0x80 => {
                at += 1;
                match b.to_ascii_lowercase() {
                    b'\t'..=b'\r' | b' ' | b'.' | b',' | b'-' | b'(' | b')' | b'"' | b'\'' => {}
                    c @ 0x1F.. => out.push(c),
                    c => encode_into(char::from(c).encode_utf8(&mut [0; 4]), out),
                }
            }
            // Thai digits ๐–๙ fold to ASCII ones.
            [0xE0, 0xB9, d @ 0x90..=0x99, ..] => {
                out.push(b'0' + (d - 0x90));
                at += 3;
            }
            [0xE0, b1 @ (0xB8 | 0xB9), b2, ..] => {
                out.push(thai_byte(b1, b2));
                at += 3;
            }
            _ => {
                let c = text[at..].chars().next().expect("at is on a character boundary");
                at += c.len_utf8();
                rare.clear();
                crate::domain::text::push_search_key(c.encode_utf8(&mut [0; 4]), &mut rare);
                encode_into(&rare, out);
            }
        }
    }
}

/// The byte of the Thai letter whose UTF-8 is E0 `b1` `b2`.
fn thai_byte(b1: u8, b2: u8) -> u8 {
    0x80 | (b1 - 0xB8) << 6 | (b2 & 0x3F)
}

/// Appends `text`, a search key or a part of one, in this encoding.
#[cfg_attr(locallens_speed, optimize(speed))]
pub fn encode_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at..] {
            // The common cases read straight from the UTF-8: ASCII, and Thai (E0 B8 80 – E0 B9 BF).
            [b @ (0x1F..=0x7F), ..] => {
                out.push(b);
                at += 1;
            }
            [0xE0, b1 @ (0xB8 | 0xB9), b2, ..] => {
                out.push(thai_byte(b1, b2));
                at += 3;
            }
            _ => {
                let c = text[at..].chars().next().expect("at is on a character boundary");
                out.push(ESCAPE);
                out.extend((0..6).rev().map(|nibble| ((c as u32 >> (4 * nibble)) & 0xF) as u8));
                at += c.len_utf8();
            }
        }
    }
}

fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    decode_into(bytes, &mut out).expect("the keys hold only encoded characters");
    out
}

/// Bytes that `encode_into` never writes: a byte below 0x1F other than an escape, or an escape cut short or
/// naming no character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotEncoded;

/// Appends `bytes`, text in this encoding (`encode_into`), to `out` as UTF-8; Err when they are not what
/// `encode_into` writes (a shard's texts come from the network).
#[cfg_attr(locallens_speed, optimize(speed))]
pub fn decode_into(bytes: &[u8], out: &mut String) -> Result<(), NotEncoded> {
    out.reserve(bytes.len() * 2);
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        at += 1;
        let code = match b {
            0x1F..=0x7F => {
                out.push(char::from(b));
                continue;
            }
            0x80.. => THAI + u32::from(b - 0x80),
            ESCAPE => {
                let nibbles = bytes.get(at..at + 6).ok_or(NotEncoded)?;
                at += 6;
                let nibble = |code: u32, &n: &u8| if n < 0x10 { Ok(code << 4 | u32::from(n)) } else { Err(NotEncoded) };
                nibbles.iter().try_fold(0u32, nibble)?
            }
            _ => return Err(NotEncoded),
        };
        out.push(char::from_u32(code).ok_or(NotEncoded)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written_and_thai_takes_one_byte_a_letter() {
        let rows = ["ถนนคสล.\u{1F}บ้านหนองบัว\u{1F}", "", "ocds-abc-123\u{1F}é–ü𝄞\u{1}\u{1E}\u{7F}\u{1F}", "๑๒abc\u{0E7F}"];
        let mut keys = SearchKeys::with_block_limit(8);
        for r in rows {
            keys.push(r);
        }
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(keys.get(i), *r, "row {i}");
        }
        assert_eq!(keys.encoded(0).len(), rows[0].chars().count());
        assert!(keys.blocks().len() > 1);
    }

    #[test]
    fn folding_in_one_pass_gives_the_encoded_search_key() {
        let mut texts: Vec<String> =
            (0..0x3000u32).chain(0x1F600..0x1F610).filter_map(char::from_u32).map(String::from).collect();
        texts
            .extend(["ซ่อมแซม ถนน คสล. หมู่ ๕", "OCDS-213-0001 (E-Bidding)", "Café–ÀB\u{200B}๑๒\u{1}\u{1F}x", ""].map(String::from));
        for text in &texts {
            let mut folded = Vec::new();
            fold_into(text, &mut folded);
            assert_eq!(folded, encode(&crate::domain::text::search_key(text)), "{text:?}");
        }
    }

    #[test]
    fn a_word_matches_only_whole_characters() {
        // Each pair: a key, and a word whose bytes in UTF-8 or in a careless encoding would occur in it.
        let cases = [
            ("é", "ษ"),                                    // é is C3 A9 in UTF-8; A9 would be U+0E29 here
            ("\u{0E29}", "é"),                             // and the other way
            ("\u{1E}\u{0}\u{0}\u{0}\u{0}\u{E}\u{9}", "é"), // raw control characters spelling its escape
            ("a\u{2013}b", "\u{2014}"),
            ("\u{1F600}", "\u{F600}"),
        ];
        for (key, word) in cases {
            let haystack = encode(key);
            let needle = encode(word);
            assert!(!haystack.windows(needle.len()).any(|w| w == needle), "{word:?} must not match {key:?}");
            assert!(!key.contains(word));
        }
        for (key, word) in [("งานถนนสาย", "ถนน"), ("a–é–b", "–é"), ("x\u{1F}ก", "ก")] {
            let (haystack, needle) = (encode(key), encode(word));
            assert!(haystack.windows(needle.len()).any(|w| w == needle), "{word:?} must match {key:?}");
        }
    }
}
