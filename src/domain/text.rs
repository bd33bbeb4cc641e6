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
    for c in text.chars() {
        let c = fold_digit(c);
        if c.is_whitespace()
            || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '.' | ',' | '-' | '(' | ')' | '"' | '\'')
        {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
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

    #[test]
    fn sorts_leading_vowels_by_their_consonant() {
        let mut words = vec!["เทศบาล", "ตำบล", "กำแพงเพชร", "ไทร"];
        words.sort_by_key(|w| thai_sort_key(w));
        assert_eq!(words, vec!["กำแพงเพชร", "ตำบล", "ไทร", "เทศบาล"]);
    }
}
