//! How wide a label will be, worked out from its letters. Plotters would otherwise measure every label in the
//! browser's page (a hidden span per label, with an inline style): that forces a layout on each redraw, is
//! refused by the app's Content-Security-Policy, and gives the browser and the native tests different charts.
//! The widths are Sarabun's, the font the app ships, rounded per class of letter.

/// Width in pixels of `text` at `size` pixels.
pub fn text_width(text: &str, size: f64) -> u32 {
    let ems: f64 = text.chars().map(advance).sum();
    (ems * size).ceil() as u32
}

/// Height of a line at `size` pixels, with room for Thai vowels above and below.
pub fn line_height(size: f64) -> u32 {
    (size * 1.3).ceil() as u32
}

/// A letter's advance in ems.
fn advance(c: char) -> f64 {
    match c {
        // Thai vowels and tone marks above or below a consonant take no width of their own.
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' => 0.0,
        '\u{0E01}'..='\u{0E5B}' => 0.6,
        ' ' => 0.25,
        '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' => 0.28,
        '0'..='9' => 0.56,
        'A'..='Z' => 0.64,
        'a'..='z' => 0.52,
        _ => 0.6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_above_and_below_thai_letters_take_no_width() {
        // ที่ is one letter with a vowel and a tone mark: as wide as ท alone.
        assert_eq!(text_width("ที่", 10.0), text_width("ท", 10.0));
        assert!(text_width("มูลค่าสัญญา", 13.0) < text_width("มลคาสญญาxxx", 13.0));
        assert_eq!(text_width("", 13.0), 0);
        assert!(text_width("1,234,567", 13.0) > text_width("1,234", 13.0));
    }
}
