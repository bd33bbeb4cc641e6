//! The texts of a shard being read.
use super::RowsError;
use crate::query::store::decode_one_byte_into;

/// Texts copied out of a shard's bytes into one buffer, decoded where the shard holds them in the one-byte
/// encoding, each found by where it ends. Decoding moves a title from a third of its UTF-8 bytes to all of them,
/// so the text cannot be borrowed from the shard as version 2's was.
#[derive(Default)]
pub(super) struct Decoded {
    text: String,
    ends: Vec<usize>,
}

impl Decoded {
    pub(super) fn with_capacity(n: usize) -> Decoded {
        Decoded { text: String::new(), ends: Vec::with_capacity(n) }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Appends one text; on a bad one, leaves the texts as they were.
    pub(super) fn push(&mut self, bytes: &[u8], one_byte: bool, section: &'static str) -> Result<(), RowsError> {
        let read = if one_byte {
            decode_one_byte_into(bytes, &mut self.text).map_err(|_| RowsError::BadText(section))
        } else {
            std::str::from_utf8(bytes).map(|t| self.text.push_str(t)).map_err(|_| RowsError::NotUtf8(section))
        };
        if read.is_err() {
            self.text.truncate(self.ends.last().copied().unwrap_or(0));
        }
        read.map(|()| self.ends.push(self.text.len()))
    }
}
