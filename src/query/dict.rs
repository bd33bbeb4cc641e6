//! Dictionary encoding: each distinct string stored once, rows hold a `u32` code.
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Default)]
pub struct Dict {
    values: Vec<Box<str>>,
    codes: FxHashMap<Box<str>, u32>,
}

impl Dict {
    pub fn code(&mut self, value: &str) -> u32 {
        if let Some(&c) = self.codes.get(value) {
            return c;
        }
        let c = self.values.len() as u32;
        self.values.push(value.into());
        self.codes.insert(value.into(), c);
        c
    }

    pub fn lookup(&self, value: &str) -> Option<u32> {
        self.codes.get(value).copied()
    }

    pub fn get(&self, code: u32) -> &str {
        self.values.get(code as usize).map_or("", |v| v)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
