//! Finding a word in a buffer of keys: a scan for its rarest byte, eight bytes a step, then a comparison.
//!
//! memchr's `memmem` on wasm32 without SIMD steps four bytes at a time (its machine word) and ranks bytes by
//! their frequency in English and UTF-8 text, where every byte of these keys' Thai letters looks alike. wasm has
//! 64-bit integers, and a sample of the keys themselves says which letter of the word is rare.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// How much of the keys is counted to rank a word's bytes: a few thousand rows.
const SAMPLE: usize = 1 << 16;

pub struct Word<'a> {
    needle: &'a [u8],
    /// The needle's byte the scan looks for, and where it is in the needle.
    anchor: usize,
    byte: u8,
}

impl<'a> Word<'a> {
    /// A non-empty `needle`, anchored on its byte least frequent in `sample`.
    pub fn new(needle: &'a [u8], sample: &[u8]) -> Word<'a> {
        assert!(!needle.is_empty(), "a search word is never empty");
        let mut count = [0u32; 256];
        for &b in &sample[..sample.len().min(SAMPLE)] {
            count[b as usize] += 1;
        }
        let anchor = (0..needle.len()).min_by_key(|&i| count[needle[i] as usize]).expect("not empty");
        Word { needle, anchor, byte: needle[anchor] }
    }

    /// Where the word first starts in `haystack` at or after `from`.
    pub fn find(&self, haystack: &[u8], from: usize) -> Option<usize> {
        let n = self.needle.len();
        // The anchor byte of a match lies between these.
        let (mut at, last) = (from + self.anchor, haystack.len().checked_sub(n)? + self.anchor);
        while at <= last {
            let hit = find_byte(haystack, at, self.byte)?;
            if hit > last {
                return None;
            }
            let start = hit - self.anchor;
            if &haystack[start..start + n] == self.needle {
                return Some(start);
            }
            at = hit + 1;
        }
        None
    }
}

/// The first `byte` in `haystack` at or after `at`: a word of eight bytes holds it when one of them XORs to zero,
/// and the lowest flag of `(x - ONES) & !x & HIGHS` is exactly the first such byte.
fn find_byte(haystack: &[u8], mut at: usize, byte: u8) -> Option<usize> {
    let splat = ONES * u64::from(byte);
    while at + 8 <= haystack.len() {
        let chunk: [u8; 8] = haystack[at..at + 8].try_into().expect("eight bytes");
        let x = u64::from_le_bytes(chunk) ^ splat;
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    haystack.get(at..)?.iter().position(|&b| b == byte).map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start of `needle` in `haystack`, found the plain way.
    fn plain(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
        (0..=haystack.len().saturating_sub(needle.len()))
            .filter(|&i| haystack.len() >= needle.len() && &haystack[i..i + needle.len()] == needle)
            .collect()
    }

    fn all(word: &Word, haystack: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(at) = word.find(haystack, from) {
            out.push(at);
            from = at + 1;
        }
        out
    }

    #[test]
    fn finds_every_start_the_plain_way_does_at_every_alignment_and_anchor() {
        // Bytes that differ by one bit and by a borrow, around every position of an eight-byte word.
        let alphabet = [0x00u8, 0x01, 0x7F, 0x80, 0x81, 0xA9, 0xFE, 0xFF];
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            alphabet[(seed >> 16) as usize % alphabet.len()]
        };
        for len in [0usize, 1, 7, 8, 9, 31, 200] {
            let haystack: Vec<u8> = (0..len).map(|_| next()).collect();
            for needle_len in 1..4 {
                for _ in 0..20 {
                    let needle: Vec<u8> = (0..needle_len).map(|_| next()).collect();
                    for sample in [&haystack[..], &needle[..], &[][..]] {
                        let word = Word::new(&needle, sample);
                        assert_eq!(all(&word, &haystack), plain(&haystack, &needle), "{needle:?} in {haystack:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_anchor_is_the_byte_rarest_in_the_sample() {
        let word = Word::new(b"abc", b"aaaabbbbbc");
        assert_eq!((word.anchor, word.byte), (2, b'c'));
        assert_eq!(word.find(b"xxabcabc", 3), Some(5));
        assert_eq!(word.find(b"ab", 0), None);
    }
}
