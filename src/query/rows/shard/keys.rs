//! A shard's search keys as parts: texts the row has already (its ocid, title, buyer, winners) and literals.
use super::super::{Cursor, KeyTag, RowsError};

/// One part of a row's search key, as the shard gives it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Part {
    /// The row's next literal text, then the separator (version 2).
    Literal,
    /// The row's next literal text as the whole key, separators included (version 1).
    Whole,
    Ocid,
    Title,
    Buyer,
    /// The name, or the id, of the row's winner k.
    WinnerName(usize),
    WinnerId(usize),
}

/// Every row's key parts as `Shard::read` finds them.
#[derive(Default)]
pub(super) struct Keys {
    pub(super) parts: Vec<Part>,
    pub(super) part_ends: Vec<usize>,
    pub(super) literal_spans: Vec<(usize, usize)>,
    pub(super) literal_ends: Vec<usize>,
}

impl Keys {
    pub(super) fn end_row(&mut self) {
        self.part_ends.push(self.parts.len());
        self.literal_ends.push(self.literal_spans.len());
    }

    /// One row's parts in version 2: a count, then tags, a literal's text after its tag. A tag naming a winner
    /// the row does not have, or a name the shard does not give, is a bad reference.
    #[cfg_attr(locallens_speed, optimize(speed))]
    pub(super) fn read_row(
        &mut self,
        c: &mut Cursor,
        winners: &[u64],
        known: &std::collections::HashMap<u64, (Option<u64>, Option<u64>)>,
    ) -> Result<(), RowsError> {
        const SECTION: &str = "search keys";
        let count = c.varint(SECTION)?;
        // Each part takes at least a byte: a count beyond what is left is corrupt, not an allocation to try.
        if count > (c.bytes.len() - c.at) as u64 {
            return Err(RowsError::Truncated(SECTION));
        }
        for _ in 0..count {
            let tag = c.varint(SECTION)?;
            let part = match tag {
                t if t == KeyTag::Literal as u64 => {
                    let len = c.varint(SECTION)? as usize;
                    let start = c.at;
                    c.take(len, SECTION)?;
                    self.literal_spans.push((start, len));
                    Part::Literal
                }
                t if t == KeyTag::Ocid as u64 => Part::Ocid,
                t if t == KeyTag::Title as u64 => Part::Title,
                t if t == KeyTag::Buyer as u64 => Part::Buyer,
                t => {
                    let k = usize::try_from((t - KeyTag::Winner as u64) / 2).unwrap_or(usize::MAX);
                    let winner = winners.get(k).ok_or(RowsError::BadReference(SECTION))?;
                    if (t - KeyTag::Winner as u64) % 2 == 1 {
                        Part::WinnerId(k)
                    } else if known.get(winner).is_some_and(|(name, _)| name.is_some()) {
                        Part::WinnerName(k)
                    } else {
                        return Err(RowsError::BadReference(SECTION));
                    }
                }
            };
            self.parts.push(part);
        }
        self.end_row();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_row(bytes: &[u8], winners: &[u64], named: bool) -> Result<Vec<String>, RowsError> {
        let known = winners.iter().map(|&w| (w, (named.then_some(9), None))).collect();
        let mut keys = Keys::default();
        keys.read_row(&mut Cursor { bytes, at: 0 }, winners, &known)?;
        Ok(keys.parts.iter().map(|p| format!("{p:?}")).collect())
    }

    #[test]
    fn key_tags_name_only_what_the_row_has() {
        // Three parts: the title, winner 1's id, then a literal "ab".
        let parts = [3, KeyTag::Title as u8, KeyTag::Winner as u8 + 3, KeyTag::Literal as u8, 2, b'a', b'b'];
        assert_eq!(read_row(&parts, &[5, 6], true).unwrap(), ["Title", "WinnerId(1)", "Literal"]);
        assert_eq!(read_row(&parts, &[5], true), Err(RowsError::BadReference("search keys")), "no winner 1");
        let name = [1, KeyTag::Winner as u8];
        assert_eq!(read_row(&name, &[5], true).unwrap(), ["WinnerName(0)"]);
        assert_eq!(read_row(&name, &[5], false), Err(RowsError::BadReference("search keys")), "no name given");
        assert_eq!(read_row(&parts[..6], &[5, 6], true), Err(RowsError::Truncated("search keys")));
        assert_eq!(read_row(&[200, 1], &[], true), Err(RowsError::Truncated("search keys")));
    }
}
