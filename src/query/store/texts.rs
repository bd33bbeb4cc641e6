//! A text column: one string per row, in blocks of whole rows.

/// Where a block stops growing. A buffer that doubles copies everything it holds; one buffer for a country's
/// search keys (hundreds of MB) made each doubling one long task on the main thread.
const BLOCK: usize = 16 << 20;

/// What a block's buffer is: `String` for text columns, bytes for the search keys' own encoding.
pub trait Buffer: Default + Clone + std::fmt::Debug {
    type Slice: ?Sized;
    fn len(&self) -> usize;
    fn capacity(&self) -> usize;
    fn slice(&self, range: std::ops::Range<usize>) -> &Self::Slice;
}

impl Buffer for String {
    type Slice = str;
    fn len(&self) -> usize {
        self.len()
    }
    fn capacity(&self) -> usize {
        self.capacity()
    }
    fn slice(&self, range: std::ops::Range<usize>) -> &str {
        &self[range]
    }
}

impl Buffer for Vec<u8> {
    type Slice = [u8];
    fn len(&self) -> usize {
        self.len()
    }
    fn capacity(&self) -> usize {
        self.capacity()
    }
    fn slice(&self, range: std::ops::Range<usize>) -> &[u8] {
        &self[range]
    }
}

/// Strings one per row in a few large buffers, so that a country's titles cost no allocation each.
pub type Texts = Blocks<String>;

/// One value per row in a few large buffers of whole rows.
#[derive(Debug, Default, Clone)]
pub struct Blocks<B> {
    blocks: Vec<Block<B>>,
    len: usize,
    /// Bytes after which a new block starts; 0 for `BLOCK`.
    limit: usize,
}

/// Consecutive rows' values in one buffer: local row i ends at `end[i]`.
#[derive(Debug, Default, Clone)]
pub struct Block<B> {
    /// The row of the first value.
    pub first: usize,
    pub buffer: B,
    pub end: Vec<u32>,
}

impl<B: Buffer> Block<B> {
    fn get(&self, i: usize) -> &B::Slice {
        let start = if i == 0 { 0 } else { self.end[i - 1] as usize };
        self.buffer.slice(start..self.end[i] as usize)
    }
}

impl<B: Buffer> Blocks<B> {
    /// Blocks that start anew past `limit` bytes (tests cross blocks without megabytes of text).
    pub fn with_block_limit(limit: usize) -> Self {
        Blocks { blocks: Vec::new(), len: 0, limit }
    }

    /// Appends a row of about `size` bytes, which `write` puts at the end of the buffer.
    pub fn push_with(&mut self, size: usize, write: impl FnOnce(&mut B)) {
        let limit = if self.limit == 0 { BLOCK } else { self.limit };
        let full = self.blocks.last().is_none_or(|b| !b.end.is_empty() && b.buffer.len() + size > limit);
        if full {
            self.blocks.push(Block { first: self.len, buffer: B::default(), end: Vec::new() });
        }
        let block = self.blocks.last_mut().expect("a block was just made");
        write(&mut block.buffer);
        // A block holds at most one row over its limit, so its offsets fit u32 wherever a row does.
        block.end.push(u32::try_from(block.buffer.len()).expect("one row over 4 GiB"));
        self.len += 1;
    }

    pub fn get(&self, row: usize) -> &B::Slice {
        let block = &self.blocks[self.blocks.partition_point(|b| b.first <= row) - 1];
        block.get(row - block.first)
    }

    pub fn blocks(&self) -> &[Block<B>] {
        &self.blocks
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes in use, for the heap figures of `make bench`.
    pub fn bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.buffer.len() + 4 * b.end.len()).sum()
    }

    /// Bytes held, what the allocator gave.
    pub fn capacity(&self) -> usize {
        self.blocks.iter().map(|b| b.buffer.capacity() + 4 * b.end.capacity()).sum()
    }
}

impl Texts {
    pub fn push(&mut self, text: &str) {
        self.push_with(text.len(), |buffer| buffer.push_str(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_across_blocks_read_back_and_each_block_holds_whole_rows() {
        let mut texts = Texts::with_block_limit(10);
        let rows = ["abc", "", "defgh", "ijklmnopqrstu", "v", "ถนน", "", "wxyz", "0123456789"];
        for r in rows {
            texts.push(r);
        }
        assert_eq!(texts.len(), rows.len());
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(texts.get(i), *r, "row {i}");
        }
        assert!(texts.blocks().len() > 3);
        let mut next = 0;
        for b in texts.blocks() {
            assert_eq!(b.first, next, "blocks follow each other");
            // Over the limit only when one text is.
            assert!(b.buffer.len() <= 10 || b.end.len() == 1, "{b:?}");
            next += b.end.len();
        }
        assert_eq!(next, rows.len());
        assert_eq!(texts.bytes(), rows.iter().map(|r| r.len() + 4).sum::<usize>());
    }
}
