//! A text column: one string per row in one buffer.
/// Strings one per row in one buffer: row i's ends at `end[i]`, so a country's titles cost no allocation each.
#[derive(Debug, Default, Clone)]
pub struct Texts {
    buffer: String,
    end: Vec<u32>,
}

impl Texts {
    pub fn push(&mut self, text: &str) {
        self.buffer.push_str(text);
        // The wasm heap ends at 4 GiB, so a buffer cannot outgrow u32 there; natively it is said, not wrapped.
        self.end.push(u32::try_from(self.buffer.len()).expect("text column over 4 GiB"));
    }

    pub fn get(&self, row: usize) -> &str {
        let start = if row == 0 { 0 } else { self.end[row - 1] as usize };
        &self.buffer[start..self.end[row] as usize]
    }

    pub fn len(&self) -> usize {
        self.end.len()
    }

    pub fn is_empty(&self) -> bool {
        self.end.is_empty()
    }

    /// Bytes held, for the heap figures of `make bench`.
    pub fn bytes(&self) -> usize {
        self.buffer.len() + 4 * self.end.len()
    }
}
