//! A shard being read: its layout checked, then its texts checked and its rows pushed a slice at a time.
use super::{coded, date, layout, listed, money, unzigzag, Cursor, Layout, RowsError};
use crate::domain::codes::{Category, Method, Stage};
use crate::query::store::{encode_search_key_into, fold_search_key_into, Key, Row, Store, Winner, SEPARATOR_BYTE};

mod decoded;
mod keys;
use decoded::Decoded;
use keys::{Keys, Part};

/// A shard read and checked, its rows not yet in a store. Every reference is checked when it is read, so that
/// a bad shard adds nothing; its rows then go into a store a slice at a time (`push_into`), so that a page can
/// paint between slices of a large shard.
pub struct Shard<'b> {
    strings: Decoded,
    /// Whether the string table and the titles are in the one-byte encoding (version 3), not UTF-8.
    one_byte: bool,
    org: Vec<u64>,
    buyer: Vec<u64>,
    details: Vec<u64>,
    /// Empty when the shard (version 1) predates the column: every row then names no budget line.
    budget_lines: Vec<u64>,
    year: Vec<i32>,
    codes: Vec<(Method, Stage, Category)>,
    budget: Vec<u64>,
    reference: Vec<u64>,
    contract: Vec<u64>,
    start: Vec<u64>,
    spend: Vec<u64>,
    supplier_count: Vec<u64>,
    supplier_ids: Vec<u64>,
    /// Per winner's string: its name's and tax id's strings.
    known: std::collections::HashMap<u64, (Option<u64>, Option<u64>)>,
    bidder_count: Vec<u64>,
    bidder_ids: Vec<u64>,
    bytes: &'b [u8],
    /// Where each row's ocid and title lie, and where its key's literal texts end in `literal_spans`; checked
    /// into `ocids`, `titles` and `literals` a slice at a time, before any row is pushed.
    spans: Vec<[(usize, usize); 2]>,
    literal_spans: Vec<(usize, usize)>,
    literal_ends: Vec<usize>,
    ocids: Vec<&'b str>,
    titles: Decoded,
    literals: Vec<&'b str>,
    /// Every row's key parts, row after row, and where each row's end.
    parts: Vec<Part>,
    part_ends: Vec<usize>,
    /// Folded buyer names, winners' names and ids by string, each folded once per shard.
    folded: Vec<Option<Box<[u8]>>>,
    /// The next row to push, and where its suppliers, bidders, key parts and literals start.
    next: usize,
    next_supplier: usize,
    next_bidder: usize,
    next_part: usize,
    next_literal: usize,
}

impl<'b> Shard<'b> {
    #[cfg_attr(locallens_speed, optimize(speed), inline(never))]
    pub fn read(bytes: &'b [u8]) -> Result<Shard<'b>, RowsError> {
        let layout = layout(bytes).ok_or(RowsError::NotAShard)?;
        let (parted, one_byte) = (!matches!(layout, Layout::V1 { .. }), layout == Layout::V3);
        let mut c = Cursor { bytes, at: 8 };
        let n = c.varint("header")? as usize;
        // A row takes at least a dozen bytes: a count beyond that is a corrupt header, not an allocation to try.
        if n > bytes.len() {
            return Err(RowsError::Truncated("header"));
        }
        let count = usize::try_from(c.varint("strings")?).unwrap_or(usize::MAX).min(bytes.len());
        let mut strings = Decoded::with_capacity(count);
        for _ in 0..count {
            let len = c.varint("strings")? as usize;
            strings.push(c.take(len, "strings")?, one_byte, "strings")?;
        }
        let s = |i: u64, section| if (i as usize) < strings.len() { Ok(()) } else { Err(RowsError::BadReference(section)) };
        let org = c.column(n, "org")?;
        let buyer = c.column(n, "buyer")?;
        let details = c.column(n, "method details")?;
        let year = c.column(n, "fiscal year")?;
        let codes = c.take(3 * n, "codes")?;
        let [budget, reference, contract, start, spend] =
            ["budget", "reference price", "contract value", "date", "spend date"].map(|name| c.column(n, name));
        let (budget, reference, contract, start, spend) = (budget?, reference?, contract?, start?, spend?);
        let supplier_count = c.column(n, "suppliers")?;
        let supplier_ids = c.column(listed(&supplier_count, bytes.len(), "suppliers")?, "suppliers")?;
        let mut known = std::collections::HashMap::new();
        for _ in 0..c.varint("winners")? {
            let id = c.varint("winners")?;
            let name = c.varint("winners")?;
            let tax = c.varint("winners")?;
            let opt = |i: u64| if i == 0 { Ok(None) } else { s(i - 1, "winners").map(|()| Some(i - 1)) };
            known.insert(id, (opt(name)?, opt(tax)?));
        }
        let bidder_count = c.column(n, "bidders")?;
        let bidder_ids = c.column(listed(&bidder_count, bytes.len(), "bidders")?, "bidders")?;
        let spans = c.spans(n, "ocid")?.into_iter().zip(c.spans(n, "title")?).map(|(o, t)| [o, t]).collect();
        let mut keys = Keys::default();
        if parted {
            let mut first = 0;
            for &count in &supplier_count {
                let winners = &supplier_ids[first..first + count as usize];
                first += winners.len();
                keys.read_row(&mut c, winners, &known)?;
            }
        } else {
            for span in c.spans(n, "search keys")? {
                keys.literal_spans.push(span);
                keys.parts.push(Part::Whole);
                keys.end_row();
            }
        }
        // Only a version 1 shard may predate the budget-line column.
        let budget_lines = if parted || c.at < bytes.len() { c.column(n, "budget lines")? } else { Vec::new() };
        if c.at != bytes.len() {
            return Err(RowsError::BadReference("end"));
        }
        for (column, section) in [(&org, "org"), (&buyer, "buyer"), (&details, "method details"), (&budget_lines, "budget lines")]
        {
            column.iter().try_for_each(|&i| s(i, section))?;
        }
        for &i in supplier_ids.iter().chain(&bidder_ids) {
            s(i, "suppliers")?;
        }
        let year = year
            .iter()
            .map(|&y| i32::try_from(unzigzag(y)).map_err(|_| RowsError::BadReference("fiscal year")))
            .collect::<Result<_, _>>()?;
        let codes = codes
            .chunks_exact(3)
            .map(|c| Ok((coded::<Method>(c[0], "codes")?, coded::<Stage>(c[1], "codes")?, coded::<Category>(c[2], "codes")?)))
            .collect::<Result<_, RowsError>>()?;
        let strings_len = strings.len();
        Ok(Shard {
            strings,
            one_byte,
            org,
            buyer,
            details,
            budget_lines,
            year,
            codes,
            budget,
            reference,
            contract,
            start,
            spend,
            supplier_count,
            supplier_ids,
            known,
            bidder_count,
            bidder_ids,
            bytes,
            spans,
            literal_spans: keys.literal_spans,
            literal_ends: keys.literal_ends,
            ocids: Vec::with_capacity(n),
            titles: Decoded::with_capacity(n),
            literals: Vec::new(),
            parts: keys.parts,
            part_ends: keys.part_ends,
            folded: vec![None; strings_len],
            next: 0,
            next_supplier: 0,
            next_bidder: 0,
            next_part: 0,
            next_literal: 0,
        })
    }

    /// Rows in the shard.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Rows whose texts are still to check.
    pub fn unchecked(&self) -> usize {
        self.len() - self.ocids.len()
    }

    /// Checks the texts of up to `max` more rows; says how many rows are left to check. A shard is pushed only
    /// once every text is checked, so that one bad text anywhere adds nothing.
    #[cfg_attr(locallens_speed, optimize(speed), inline(never))]
    pub fn check(&mut self, max: usize) -> Result<usize, RowsError> {
        let from = self.ocids.len();
        let end = self.len().min(from.saturating_add(max));
        let bytes = self.bytes;
        let text = |(start, len): (usize, usize), section| {
            std::str::from_utf8(&bytes[start..start + len]).map_err(|_| RowsError::NotUtf8(section))
        };
        for (r, [ocid, title]) in self.spans.iter().enumerate().take(end).skip(from) {
            // All of a row or none: a row half checked would count as checked.
            let ocid = text(*ocid, "ocid")?;
            let first = self.literals.len();
            for &span in &self.literal_spans[first..self.literal_ends[r]] {
                match text(span, "search keys") {
                    Ok(literal) => self.literals.push(literal),
                    Err(e) => {
                        self.literals.truncate(first);
                        return Err(e);
                    }
                }
            }
            let (start, len) = *title;
            if let Err(e) = self.titles.push(&bytes[start..start + len], self.one_byte, "title") {
                self.literals.truncate(first);
                return Err(e);
            }
            self.ocids.push(ocid);
        }
        Ok(self.unchecked())
    }

    /// Rows still to push.
    pub fn remaining(&self) -> usize {
        self.len() - self.next
    }

    /// Appends up to `max` of the rows not yet pushed to `store`, in order; returns how many. Nothing is pushed
    /// until every text is checked (`check`).
    #[cfg_attr(locallens_speed, optimize(speed), inline(never))]
    pub fn push_into(&mut self, store: &mut Store, max: usize) -> usize {
        if self.unchecked() > 0 {
            return 0;
        }
        let end = self.len().min(self.next.saturating_add(max));
        let mut key = Vec::new();
        for r in self.next..end {
            self.build_key(r, self.next_supplier, &mut key);
            let strings = &self.strings;
            let (method, stage, category) = self.codes[r];
            let row = Row {
                org: strings.get(self.org[r] as usize),
                fiscal_year: self.year[r],
                ocid: self.ocids[r],
                title: self.titles.get(r),
                buyer_name: strings.get(self.buyer[r] as usize),
                method,
                method_details: strings.get(self.details[r] as usize),
                budget_line: self.budget_lines.get(r).map_or("", |&i| strings.get(i as usize)),
                stage,
                category,
                budget: money(self.budget[r]),
                reference_price: money(self.reference[r]),
                contract_value: money(self.contract[r]),
                date: date(self.start[r]),
                spend_date: date(self.spend[r]),
                search_key: Key::Encoded(&key),
            };
            let winners = &self.supplier_ids[self.next_supplier..self.next_supplier + self.supplier_count[r] as usize];
            self.next_supplier += winners.len();
            let bidders = &self.bidder_ids[self.next_bidder..self.next_bidder + self.bidder_count[r] as usize];
            self.next_bidder += bidders.len();
            let known = &self.known;
            let winners = winners.iter().map(|&i| {
                let (name, tax_id) = known.get(&i).copied().unwrap_or((None, None));
                let string = |s: Option<u64>| s.map(|s| strings.get(s as usize));
                Winner { id: strings.get(i as usize), name: string(name), tax_id: string(tax_id) }
            });
            store.push(&row, winners, bidders.iter().map(|&i| strings.get(i as usize)));
        }
        let pushed = end - self.next;
        self.next = end;
        pushed
    }

    /// Row `r`'s search key, rebuilt from its parts into `key` in the store's encoding; its winners start at
    /// `winners_from`. Literals are folded already, so encoding leaves them as they are.
    #[cfg_attr(locallens_speed, optimize(speed))]
    fn build_key(&mut self, r: usize, winners_from: usize, key: &mut Vec<u8>) {
        key.clear();
        for i in self.next_part..self.part_ends[r] {
            match self.parts[i] {
                Part::Whole | Part::Literal => encode_search_key_into(self.next_literal(), key),
                Part::Ocid => fold_search_key_into(self.ocids[r], key),
                Part::Title => fold_search_key_into(self.titles.get(r), key),
                Part::Buyer => self.push_folded(self.buyer[r], key),
                Part::WinnerId(k) => self.push_folded(self.supplier_ids[winners_from + k], key),
                Part::WinnerName(k) => {
                    let name = self.known[&self.supplier_ids[winners_from + k]].0;
                    self.push_folded(name.expect("read checks that the name is given"), key);
                }
            }
            // A version 1 key holds its own separators.
            if !matches!(self.parts[i], Part::Whole) {
                key.push(SEPARATOR_BYTE);
            }
        }
        self.next_part = self.part_ends[r];
    }

    fn next_literal(&mut self) -> &'b str {
        self.next_literal += 1;
        self.literals[self.next_literal - 1]
    }

    /// Appends string `string` folded. A buyer's and a winner's texts repeat across rows: folded once per shard.
    #[cfg_attr(locallens_speed, optimize(speed))]
    fn push_folded(&mut self, string: u64, key: &mut Vec<u8>) {
        let text = self.strings.get(string as usize);
        key.extend_from_slice(self.folded[string as usize].get_or_insert_with(|| {
            let mut folded = Vec::new();
            fold_search_key_into(text, &mut folded);
            folded.into()
        }));
    }
}
