//! Texts a flags run keeps past the process that gave them, held once per run and referred to by number: the
//! ocid of every process folded (`Ocids`) and the ids of buyers and suppliers (`Names`). Over a country's
//! fiscal year, indicators that kept their own `String` per process held about 360 MB between them
//! (`examples/flags_memory.rs`).
use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxBuildHasher;

/// Every folded process's ocid, in the order folded, in one buffer.
#[derive(Debug, Default)]
pub struct Ocids {
    text: String,
    ends: Vec<usize>,
}

impl Ocids {
    /// Adds a process's ocid; its number is the count pushed before it.
    pub fn push(&mut self, ocid: &str) {
        self.text.push_str(ocid);
        self.ends.push(self.text.len());
    }

    /// The ocid of process `n`, as pushed.
    pub fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.text[start..self.ends[n]]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Ids (of buyers, suppliers, parties) interned: the same text always gets the same number.
#[derive(Debug, Default)]
pub struct Names {
    names: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32, FxBuildHasher>,
}

impl Names {
    pub fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 names in a run");
        let name: Arc<str> = Arc::from(name);
        self.names.push(name.clone());
        self.index.insert(name, id);
        id
    }

    pub fn get(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocids_come_back_as_pushed_in_order_including_empty_ones() {
        let mut ocids = Ocids::default();
        let texts = ["ocds-1", "", "ocds-ภาษาไทย-3", "x"];
        texts.iter().for_each(|t| ocids.push(t));
        assert_eq!(ocids.len(), 4);
        for (n, t) in (0..).zip(texts) {
            assert_eq!(ocids.get(n), t);
        }
    }

    #[test]
    fn a_name_keeps_its_number() {
        let mut names = Names::default();
        let (a, b) = (names.id("TH-RD-0105551234567"), names.id("ร้านค้า"));
        assert_ne!(a, b);
        assert_eq!(names.id("TH-RD-0105551234567"), a);
        assert_eq!((names.get(a), names.get(b)), ("TH-RD-0105551234567", "ร้านค้า"));
    }
}
