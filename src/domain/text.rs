//! Thai text helpers: digit folding and the normal form used for search and sorting.

/// Replaces Thai digits ๐–๙ (U+0E50–U+0E59) with ASCII digits.
pub fn fold_thai_digits(text: &str) -> String {
    text.chars().map(fold_digit).collect()
}

fn fold_digit(c: char) -> char {
    match c {
        '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
        _ => c,
    }
}

/// The search key of a text: Thai digits folded, letters lower-cased, and white space,
/// zero-width characters and punctuation that people type inconsistently removed.
/// Thai is written without spaces between words, so search is substring matching on this form.
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_search_key(text, &mut out);
    out
}

/// Appends the search key of `text` to `out` (the one definition; a shard's reader folds its common
/// characters faster in `store::search_keys::fold_into` and sends the rest here).
pub fn push_search_key(text: &str, out: &mut String) {
    for c in text.chars().map(fold_digit) {
        let left_out = c.is_whitespace()
            || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '.' | ',' | '-' | '(' | ')' | '"' | '\'');
        if !left_out {
            out.extend(c.to_lowercase());
        }
    }
}

/// A key that sorts Thai words in dictionary order: leading vowels (เ แ โ ใ ไ) are written before
/// the consonant they follow in speech, so dictionary order skips them and compares them last.
pub fn thai_sort_key(text: &str) -> Vec<u32> {
    let chars: Vec<char> = text.chars().map(fold_digit).collect();
    let mut primary = Vec::with_capacity(chars.len() + 4);
    let mut secondary = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_leading_vowel(c) && i + 1 < chars.len() {
            primary.push(chars[i + 1] as u32);
            secondary.push(c as u32);
            i += 2;
            continue;
        }
        if is_tone_or_mark(c) {
            secondary.push(c as u32);
        } else {
            primary.extend(c.to_lowercase().map(|l| l as u32));
        }
        i += 1;
    }
    primary.push(0);
    primary.extend(secondary);
    primary
}

/// A URL from a data file that is safe to put in a link: http or https only, so a file can never make
/// the page run `javascript:` or open `data:` content.
pub fn safe_link(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(trimmed)
}

fn is_leading_vowel(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

fn is_tone_or_mark(c: char) -> bool {
    matches!(c, '\u{0E47}'..='\u{0E4E}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(safe_link(" https://e-gp.example/x.pdf "), Some("https://e-gp.example/x.pdf"));
        assert_eq!(safe_link("HTTP://x"), Some("HTTP://x"));
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "//evil.example", "ftp://x", ""] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn folds_thai_digits() {
        assert_eq!(fold_thai_digits("ปี ๒๕๖๘"), "ปี 2568");
    }

    #[test]
    fn search_key_ignores_spacing_and_digit_script() {
        assert_eq!(search_key("ซ่อมแซม ถนน คสล. หมู่ ๕"), search_key("ซ่อมแซมถนนคสล หมู่5"));
        assert_eq!(search_key("E-Bidding"), "ebidding");
    }

    /// The search key as its definition reads, one character at a time through the Unicode tables.
    fn key_by_unicode(text: &str) -> String {
        let dropped = "\u{200B}\u{200C}\u{200D}\u{FEFF}.,-()\"'";
        text.chars()
            .map(fold_digit)
            .filter(|c| !c.is_whitespace() && !dropped.contains(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn the_fast_paths_fold_as_unicode_lower_casing_does() {
        // Every character of the first planes alone, then runs of them mixed: copying runs that fold to
        // themselves must not change a key.
        let chars: Vec<char> = (0..0x3000u32).chain(0x1F600..0x1F610).filter_map(char::from_u32).collect();
        for c in &chars {
            assert_eq!(search_key(&c.to_string()), key_by_unicode(&c.to_string()), "{:X}", *c as u32);
        }
        let pool: Vec<char> =
            "ถนนคสล หมู่ ๕ Road-A1 (2568) ÀÉ\u{200B}\u{1F}".chars().chain(chars.iter().step_by(97).copied()).collect();
        let mut seed = 7u64;
        for _ in 0..2000 {
            let text: String = (0..seed % 40)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    pool[(seed >> 33) as usize % pool.len()]
                })
                .collect();
            assert_eq!(search_key(&text), key_by_unicode(&text), "{text:?}");
        }
        assert_eq!(search_key("ÀB ก๑"), "àbก1");
    }

    #[test]
    fn sorts_leading_vowels_by_their_consonant() {
        let mut words = vec!["เทศบาล", "ตำบล", "กำแพงเพชร", "ไทร"];
        words.sort_by_key(|w| thai_sort_key(w));
        assert_eq!(words, vec!["กำแพงเพชร", "ตำบล", "ไทร", "เทศบาล"]);
    }
}
