//! Search by words: every whitespace-separated word of a query must be found in a row's search key (title,
//! items, buyer, suppliers, ids), in any order, folded as `text::search_key` folds the data.
//!
//! This is the costliest filter at national scale, so it scans the store's buffers of keys (one byte a Thai
//! letter, `store::search_keys`) once, for the longest word (`scan`), and only checks the rows that scan found
//! against the other words. A small subset of rows (an organisation's page) is checked row by row instead.
mod scan;

use crate::domain::text::search_key;
use crate::query::store::{encode_search_word, Store};
use scan::Word;

/// The words of a search, each folded as the search text is; the longest first, as it rules out most rows.
/// Control characters split words too: the keys use U+001F between fields, and a word must not span two.
pub fn search_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> =
        text.split(|c: char| c.is_whitespace() || c.is_control()).map(search_key).filter(|w| !w.is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
}

/// For each of `rows`, whether its key holds every word; None when there is no word.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn matches(store: &Store, words: &[String], rows: &[u32]) -> Option<Vec<bool>> {
    let encoded: Vec<Vec<u8>> = words.iter().map(|w| encode_search_word(w)).collect();
    // The keys' own letters rank each word's bytes; a store with no key holds no row to check.
    let sample = store.search_keys.blocks().first().map_or(&[][..], |b| &b.buffer[..]);
    let words: Vec<Word> = encoded.iter().map(|w| Word::new(w, sample)).collect();
    let (first, rest) = words.split_first()?;
    let all_words = |row: usize, words: &[Word]| {
        let key = store.search_keys.encoded(row);
        words.iter().all(|w| w.find(key, 0).is_some())
    };
    // Below about one row in eight, row by row reads fewer bytes than the whole buffer. The merge below needs
    // rows in ascending order, which every caller's rows are; any other order is checked row by row.
    if rows.len() * 8 < store.len() || !rows.is_sorted() {
        return Some(rows.iter().map(|&r| all_words(r as usize, &words)).collect());
    }
    let hits = rows_holding(store, first);
    let mut out = Vec::with_capacity(rows.len());
    let mut next = hits.iter().peekable();
    for &r in rows {
        while next.next_if(|&&h| h < r).is_some() {}
        let hit = next.peek().is_some_and(|&&h| h == r);
        out.push(hit && all_words(r as usize, rest));
    }
    Some(out)
}

/// The rows whose key holds `word`, ascending, from one scan of each block of keys. A word never spans two rows:
/// keys end with U+001F and a folded word holds none.
#[cfg_attr(locallens_speed, optimize(speed))]
fn rows_holding(store: &Store, word: &Word) -> Vec<u32> {
    let mut rows = Vec::new();
    for block in store.search_keys.blocks() {
        let haystack = &block.buffer[..];
        let mut from = 0usize;
        while let Some(at) = word.find(haystack, from) {
            let i = block.end.partition_point(|&end| end as usize <= at);
            rows.push((block.first + i) as u32);
            // The rest of this row cannot add it again.
            from = block.end[i] as usize;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store_of_titles;

    fn found(store: &Store, query: &str, rows: &[u32]) -> Vec<u32> {
        let words = search_words(query);
        match matches(store, &words, rows) {
            None => rows.to_vec(),
            Some(m) => rows.iter().zip(m).filter(|(_, m)| *m).map(|(r, _)| *r).collect(),
        }
    }

    #[test]
    fn the_buffer_scan_and_the_row_by_row_check_agree_with_a_plain_substring_test() {
        let titles = ["ถนน คสล. หมู่ 3", "ซ่อมถนน", "วัสดุสำนักงาน", "ถนนลูกรัง หมู่ 1", "หมู่บ้าน", "", "ถนน", "๓ ถนน"];
        // One buffer, and blocks of about 30 bytes that split the rows a few ways.
        assert!(crate::query::test_data::store_of_titles_in_blocks(&titles, 30).search_keys.blocks().len() > 3);
        for store in [store_of_titles(&titles), crate::query::test_data::store_of_titles_in_blocks(&titles, 30)] {
            let all: Vec<u32> = (0..store.len() as u32).collect();
            for query in ["ถนน", "ถนน หมู่", "หมู่ ถนน", "3", "๓", "ถนน ถนน", "ไม่มี", "ถนน ไม่มี", "  ", "นน หม"]
            {
                let words = search_words(query);
                let expected: Vec<u32> = all
                    .iter()
                    .copied()
                    .filter(|&r| words.iter().all(|w| store.search_key_of(r as usize).contains(w.as_str())))
                    .collect();
                assert_eq!(found(&store, query, &all), expected, "whole store, {query:?}");
                // A subset small enough to be checked row by row.
                let few = [1u32, 6];
                let expected_few: Vec<u32> = expected.iter().copied().filter(|r| few.contains(r)).collect();
                assert_eq!(found(&store, query, &few), expected_few, "two rows, {query:?}");
            }
        }
    }

    #[test]
    fn a_match_is_reported_once_per_row_even_when_the_word_recurs() {
        let store = store_of_titles(&["ถนน ถนน ถนน", "ถนน"]);
        let word = encode_search_word("ถนน");
        assert_eq!(rows_holding(&store, &Word::new(&word, &[])), vec![0, 1]);
    }
}
