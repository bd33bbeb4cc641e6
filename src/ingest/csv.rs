//! CSV as RFC 4180 writes it: fields separated by commas, quoted when they hold commas, quotes or line
//! breaks, with a quote written twice inside quotes. Fed line by line, so large files can stream.

/// Splits records out of lines: a record may span several lines while a quoted field is open.
#[derive(Debug, Default)]
pub struct Splitter {
    fields: Vec<String>,
    field: String,
    quoted: bool,
}

impl Splitter {
    /// Takes the next line (without its line break); returns the record it completes, if it completes one.
    pub fn feed(&mut self, line: &str) -> Option<Vec<String>> {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (self.quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    self.field.push('"');
                    chars.next();
                }
                (true, '"') => self.quoted = false,
                (true, c) => self.field.push(c),
                (false, '"') if self.field.is_empty() => self.quoted = true,
                (false, ',') => self.fields.push(std::mem::take(&mut self.field)),
                (false, c) => self.field.push(c),
            }
        }
        if self.quoted {
            self.field.push('\n');
            return None;
        }
        self.fields.push(std::mem::take(&mut self.field));
        Some(std::mem::take(&mut self.fields))
    }

    /// Whether a quoted field is still open (the input ended inside one).
    pub fn open(&self) -> bool {
        self.quoted
    }
}

/// Every record of a small CSV text, each with the line it starts on (1-based); empty lines are skipped.
pub fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut splitter = Splitter::default();
    let mut start = None;
    for (n, line) in text.trim_start_matches('\u{FEFF}').lines().enumerate() {
        if start.is_none() && line.trim().is_empty() {
            continue;
        }
        let line_start = *start.get_or_insert(n + 1);
        if let Some(fields) = splitter.feed(line.trim_end_matches('\r')) {
            out.push((line_start, fields));
            start = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let r = records("\u{FEFF}a,b\r\n1,\"x, \"\"y\"\"\nz\"\r\n\n2,\n");
        assert_eq!(
            r,
            vec![
                (1, vec!["a".to_string(), "b".to_string()]),
                (2, vec!["1".to_string(), "x, \"y\"\nz".to_string()]),
                (5, vec!["2".to_string(), String::new()]),
            ]
        );
    }
}
