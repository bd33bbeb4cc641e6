//! A shard read back gives the store the columns the releases gave it, appended to rows already there.
use super::*;
use crate::query::test_data::store;

/// Every column a view reads, row by row, as strings and numbers independent of dictionary codes.
fn columns(s: &Store, r: usize) -> String {
    let suppliers: Vec<String> = s
        .suppliers_of(r as u32)
        .iter()
        .map(|&c| format!("{}|{:?}|{:?}", s.suppliers.get(c), s.supplier_name(c), s.supplier_tax_id(c)))
        .collect();
    let bidders: Vec<&str> = s.bidders_of(r as u32).iter().map(|&c| s.bidders.get(c)).collect();
    format!(
        "{} {} {} {:?} {:?} {:?} {} {} {} {:?} {:?} {} {} {} {} {:?} {:?} {} {}",
        s.orgs.get(s.org[r]),
        s.fiscal_year[r],
        s.ocid(r),
        s.method[r],
        s.stage[r],
        s.category[r],
        s.budget[r],
        s.reference_price[r],
        s.contract_value[r],
        s.date[r],
        s.spend_date[r],
        s.titles.get(r),
        s.buyer_names.get(s.buyer_name[r]),
        s.method_texts.get(s.method_details[r]),
        s.search_key_of(r),
        suppliers,
        bidders,
        s.row_of(s.ocid(r)) == Some(r as u32),
        s.budget_lines.get(s.budget_line[r]),
    )
}

#[test]
fn a_shard_read_back_has_every_column_of_the_rows_it_was_written_from() {
    let raw = store(900);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = encode(&raw, &all);
    let mut read = Store::default();
    assert_eq!(decode_into(&mut read, &bytes), Ok(raw.len()));
    assert!(read.processes.is_empty(), "no release is kept");
    for r in 0..raw.len() {
        assert_eq!(columns(&read, r), columns(&raw, r), "row {r}");
    }
    assert_eq!(read.by_year.keys().collect::<Vec<_>>(), raw.by_year.keys().collect::<Vec<_>>());
    let missing = raw.budget.iter().chain(&raw.reference_price).chain(&raw.contract_value).filter(|&&v| v == NONE).count();
    assert!(missing > 0 && raw.bidder_codes.len() > 100 && raw.supplier_codes.len() > 100, "{missing}");
    assert!(raw.date.iter().chain(&raw.spend_date).any(Option::is_none));
    // Money sums agree to the satang.
    let totals = |s: &Store| crate::query::summary::totals(s, &all).contract_value;
    assert_eq!(totals(&read), totals(&raw));
    assert!(raw.budget_line.iter().any(|&l| !raw.budget_lines.get(l).is_empty()), "the demo names budget lines");
}

#[test]
fn a_shard_written_before_the_budget_line_column_reads_as_naming_none() {
    let raw = store(50);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let older = encode_with(&raw, &all, Layout::V1 { budget_lines: false });
    assert!(older.len() < encode_with(&raw, &all, Layout::V1 { budget_lines: true }).len());
    let mut read = Store::default();
    assert_eq!(decode_into(&mut read, &older), Ok(raw.len()));
    assert!(read.budget_line.iter().all(|&l| read.budget_lines.get(l).is_empty()));
    assert_eq!(read.ocid(7), raw.ocid(7));
}

#[test]
fn shards_of_several_organisations_append_with_their_own_strings() {
    let raw = store(600);
    let orgs: Vec<u32> = raw.by_org.keys().copied().collect();
    assert!(orgs.len() >= 3);
    let mut read = Store::default();
    let mut order = Vec::new();
    for code in &orgs {
        let rows = &raw.by_org[code];
        decode_into(&mut read, &encode(&raw, rows)).unwrap();
        order.extend(rows.iter().copied());
    }
    assert_eq!(read.len(), raw.len());
    for (i, &r) in order.iter().enumerate() {
        assert_eq!(columns(&read, i), columns(&raw, r as usize));
    }
    // One supplier across shards is one code in the store, with all its rows.
    let code = (0..raw.suppliers.len() as u32).max_by_key(|&c| raw.by_supplier[&c].len()).unwrap();
    let id = raw.suppliers.get(code);
    assert_eq!(read.rows_of_supplier(id).len(), raw.rows_of_supplier(id).len());
}

#[test]
fn a_cut_or_corrupt_shard_is_refused_and_adds_nothing() {
    let raw = store(60);
    let rows: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = encode(&raw, &rows);
    for cut in (0..bytes.len()).step_by(7) {
        let mut read = Store::default();
        assert!(decode_into(&mut read, &bytes[..cut]).is_err(), "cut at {cut}");
        assert!(read.is_empty());
    }
    assert_eq!(decode_into(&mut Store::default(), b"{\"ocid\":1}"), Err(RowsError::NotAShard));
    // A flipped byte anywhere either fails or reads some rows; it never panics.
    for at in (8..bytes.len()).step_by(3) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x5a;
        let _ = decode_into(&mut Store::default(), &bad);
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode_into(&mut Store::default(), &longer), Err(RowsError::BadReference("end")));
}

#[test]
fn varints_and_zigzag_round_trip_at_the_edges() {
    for v in [0i64, 1, -1, 63, -64, 1 << 40, i64::MAX, i64::MIN + 1, NONE + 1] {
        let mut out = Vec::new();
        put(&mut out, zigzag(v));
        let mut c = Cursor { bytes: &out, at: 0 };
        assert_eq!(unzigzag(c.varint("t").unwrap()), v);
        assert_eq!(c.at, out.len());
    }
    assert_eq!(money(0), NONE);
}

#[test]
fn a_shard_pushed_a_slice_at_a_time_gives_the_same_store_as_at_once() {
    let raw = store(700);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = encode(&raw, &all);
    let mut whole = Store::default();
    decode_into(&mut whole, &bytes).unwrap();
    let mut sliced = Store::default();
    let mut shard = Shard::read(&bytes).unwrap();
    assert_eq!(shard.push_into(&mut sliced, 64), 0, "nothing goes in before every text is checked");
    let mut checks = 0;
    while shard.check(100).unwrap() > 0 {
        checks += 1;
    }
    assert_eq!(checks, 6);
    let mut slices = 0;
    // 64 does not divide 700: the last slice is short.
    while shard.remaining() > 0 {
        assert_eq!(shard.push_into(&mut sliced, 64), shard.len().min(64 * (slices + 1)) - 64 * slices);
        slices += 1;
        assert_eq!(sliced.len(), shard.len() - shard.remaining());
    }
    assert_eq!(slices, 11);
    assert_eq!(shard.push_into(&mut sliced, 64), 0, "nothing is pushed twice");
    for r in 0..raw.len() {
        assert_eq!(columns(&sliced, r), columns(&whole, r), "row {r}");
    }
}

#[test]
fn a_bad_reference_anywhere_is_found_before_any_row_is_pushed() {
    let raw = store(50);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let mut bytes = encode(&raw, &all);
    // The last row's method code, past every method there is: found by `read`, not by the row's push.
    let mut c = Cursor { bytes: &bytes, at: 8 };
    let n = c.varint("header").unwrap() as usize;
    let strings = c.varint("strings").unwrap() as usize;
    c.spans(strings, "strings").unwrap();
    for _ in 0..4 * n {
        c.varint("columns").unwrap();
    }
    let at = c.at + 3 * (n - 1);
    bytes[at] = 200;
    assert_eq!(Shard::read(&bytes).err(), Some(RowsError::BadReference("codes")));
}

#[test]
fn a_text_that_is_not_utf8_in_the_last_row_is_found_before_any_row_is_pushed() {
    let raw = store(40);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    // Without the optional budget-line column, the last byte is the end of the last row's search key.
    let mut bytes = encode_with(&raw, &all, Layout::V1 { budget_lines: false });
    let last = bytes.len() - 1;
    bytes[last] = 0xFF;
    let mut shard = Shard::read(&bytes).unwrap();
    let mut read = Store::default();
    assert_eq!(shard.check(39).unwrap(), 1);
    assert_eq!(shard.push_into(&mut read, usize::MAX), 0);
    assert_eq!(shard.check(1), Err(RowsError::NotUtf8("search keys")));
    assert_eq!(shard.push_into(&mut read, usize::MAX), 0);
    assert!(read.is_empty());
    assert_eq!(decode_into(&mut read, &bytes), Err(RowsError::NotUtf8("search keys")));
    assert!(read.is_empty());
}

#[test]
fn the_row_count_is_read_from_the_header_alone() {
    let raw = store(30);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = encode(&raw, &all);
    assert_eq!(row_count(&bytes), Some(30));
    assert_eq!(row_count(&bytes[..9]), Some(30));
    assert_eq!(row_count(b"LLROWS"), None);
    assert_eq!(row_count(b"{\"not\": \"a shard\"}"), None);
}

/// One process titled `title`.
fn store_titled(title: &str) -> Store {
    let v = serde_json::json!({
        "ocid": "ocds-t-2", "id": "1", "date": "2024-11-01T00:00:00Z", "tag": ["tender"],
        "buyer": {"id": "6200101", "name": "เทศบาลตำบล ทดสอบ"}, "tender": {"title": title}
    });
    let mut reader = crate::ingest::reader::Reader::new("t", crate::domain::issue::JsonPath::root());
    let release = crate::ingest::ocds::release::read_release(&mut reader, v.as_object().unwrap()).unwrap();
    let mut store = Store::default();
    store.add(Some("6200101"), None, vec![crate::domain::ocds::Process { compiled: release, history: Vec::new() }]);
    store
}

/// One process whose key holds what no other column gives: an item worded unlike the title, and the
/// supplier of an award that is no longer active.
fn store_with_key_literals() -> Store {
    let v = serde_json::json!({
        "ocid": "ocds-t-1", "id": "1", "date": "2024-11-01T00:00:00Z", "tag": ["award"],
        "buyer": {"id": "6200101", "name": "เทศบาลตำบล ทดสอบ"},
        "tender": {"title": "ซ่อมถนน หมู่ ๕", "items": [{"id": "1", "description": "ยางมะตอย (Asphalt)"}]},
        "awards": [
            {"id": "a1", "status": "active", "suppliers": [{"id": "TH-0105561000001", "name": "หจก. ชนะ"}]},
            {"id": "a2", "status": "cancelled", "suppliers": [{"id": "TH-0105561000002", "name": "บริษัท ยกเลิก"}]}
        ]
    });
    let mut reader = crate::ingest::reader::Reader::new("t", crate::domain::issue::JsonPath::root());
    let release = crate::ingest::ocds::release::read_release(&mut reader, v.as_object().unwrap()).unwrap();
    let mut store = Store::default();
    store.add(Some("6200101"), None, vec![crate::domain::ocds::Process { compiled: release, history: Vec::new() }]);
    store
}

#[test]
fn a_shard_writes_of_a_search_key_only_what_its_other_columns_do_not_give() {
    let raw = store(300);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let (v1, v2) = (encode_with(&raw, &all, Layout::V1 { budget_lines: true }), encode(&raw, &all));
    assert!(v2.len() * 10 < v1.len() * 7, "{} against {}", v2.len(), v1.len());
    for bytes in [&v1, &v2] {
        let mut read = Store::default();
        decode_into(&mut read, bytes).unwrap();
        for r in 0..raw.len() {
            assert_eq!(columns(&read, r), columns(&raw, r), "row {r}");
        }
    }
    let raw = store_with_key_literals();
    let key = raw.search_key_of(0);
    assert!(key.contains("ยางมะตอยasphalt") && key.contains("บริษัทยกเลิก") && key.contains("ซ่อมถนนหมู่5"), "{key}");
    let bytes = encode(&raw, &[0]);
    for literal in ["ยางมะตอยasphalt", "บริษัทยกเลิก"] {
        assert!(bytes.windows(literal.len()).any(|w| w == literal.as_bytes()), "{literal} is written out");
    }
    for derived in ["ซ่อมถนนหมู่5", "หจกชนะ", "เทศบาลตำบลทดสอบ"] {
        assert!(!bytes.windows(derived.len()).any(|w| w == derived.as_bytes()), "{derived} is a tag, not text");
    }
    let mut read = Store::default();
    decode_into(&mut read, &bytes).unwrap();
    assert_eq!(read.search_key_of(0), key);
    for word in ["ยางมะตอย", "ยกเลิก", "หจก.ชนะ", "0105561000001", "ทดสอบ", "ocds-t-1"]
    {
        let found = crate::query::words::matches(&read, &crate::query::words::search_words(word), &[0]);
        assert_eq!(found, Some(vec![true]), "{word}");
    }
}

#[test]
fn a_key_text_that_is_not_utf8_is_found_before_any_row_is_pushed() {
    let raw = store_with_key_literals();
    let mut bytes = encode(&raw, &[0]);
    let literal = "ยางมะตอย".as_bytes();
    let at = bytes.windows(literal.len()).position(|w| w == literal).unwrap();
    bytes[at] = 0xFF;
    let mut read = Store::default();
    assert_eq!(decode_into(&mut read, &bytes), Err(RowsError::NotUtf8("search keys")));
    assert!(read.is_empty());
}

#[test]
fn version_3_writes_thai_a_byte_a_letter_and_shards_of_every_version_read_the_same() {
    let raw = store(400);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let (v2, v3) = (encode_with(&raw, &all, Layout::V2), encode(&raw, &all));
    assert_eq!(&v3[..8], MAGIC);
    // The generated titles and names are mostly Thai: about a third of their UTF-8 bytes.
    assert!(v3.len() * 10 < v2.len() * 8, "{} against {}", v3.len(), v2.len());
    let title = raw.titles.get(0);
    assert!(title.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)), "{title}");
    assert!(!v3.windows(title.len()).any(|w| w == title.as_bytes()), "the title is not in UTF-8");
    for bytes in [&v2, &v3] {
        let mut read = Store::default();
        decode_into(&mut read, bytes).unwrap();
        for r in 0..raw.len() {
            assert_eq!(columns(&read, r), columns(&raw, r), "row {r}");
        }
    }
    // Text the encoding escapes: characters outside Thai and ASCII, and control characters.
    let raw = store_titled("Café – ถนน 🌏\t\u{1}\u{1E}\u{1F}\u{0E7F}");
    let mut read = Store::default();
    decode_into(&mut read, &encode(&raw, &[0])).unwrap();
    assert_eq!(columns(&read, 0), columns(&raw, 0));
}

#[test]
fn a_text_the_one_byte_encoding_never_writes_is_found_before_any_row_is_pushed() {
    let raw = store(30);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = encode(&raw, &all);
    // The last title's first byte: in version 3 a Thai letter is one byte 0x80 or above; 0x01 is never written.
    let last = raw.titles.get(29);
    let mut one_byte = Vec::new();
    crate::query::store::encode_search_key_into(last, &mut one_byte);
    let at = bytes.windows(one_byte.len()).rposition(|w| w == one_byte.as_slice()).unwrap();
    let mut bad = bytes.clone();
    bad[at] = 0x01;
    let mut read = Store::default();
    assert_eq!(decode_into(&mut read, &bad), Err(RowsError::BadText("title")));
    assert!(read.is_empty());
    // A cut escape in the string table is refused when the shard is read.
    let name = raw.buyer_names.get(raw.buyer_name[0]);
    let mut encoded = Vec::new();
    crate::query::store::encode_search_key_into(name, &mut encoded);
    let at = bytes.windows(encoded.len()).position(|w| w == encoded.as_slice()).unwrap();
    let mut bad = bytes.clone();
    bad[at] = 0x1E;
    assert!(matches!(Shard::read(&bad).err(), Some(RowsError::BadText("strings"))));
}
