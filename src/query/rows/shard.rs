//! A shard being read: its layout checked, then its texts checked and its rows pushed a slice at a time.
use super::{coded, date, listed, money, unzigzag, Cursor, RowsError, MAGIC};
use crate::domain::codes::{Category, Method, Stage};
use crate::query::store::{Row, Store, Winner};

/// A shard read and checked, its rows not yet in a store. Every reference is checked when it is read, so that
/// a bad shard adds nothing; its rows then go into a store a slice at a time (`push_into`), so that a page can
/// paint between slices of a large shard.
pub struct Shard<'b> {
    strings: Vec<&'b str>,
    org: Vec<u64>,
    buyer: Vec<u64>,
    details: Vec<u64>,
    /// Empty when the shard predates the column: every row then names no budget line.
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
    known: std::collections::HashMap<u64, (Option<&'b str>, Option<&'b str>)>,
    bidder_count: Vec<u64>,
    bidder_ids: Vec<u64>,
    bytes: &'b [u8],
    /// Where each row's ocid, title and search key lie, in that order; checked as UTF-8 into the three columns
    /// below a slice at a time, before any row is pushed.
    spans: Vec<[(usize, usize); 3]>,
    ocids: Vec<&'b str>,
    titles: Vec<&'b str>,
    keys: Vec<&'b str>,
    /// The next row to push, and where its suppliers and bidders start.
    next: usize,
    next_supplier: usize,
    next_bidder: usize,
}

impl<'b> Shard<'b> {
    pub fn read(bytes: &'b [u8]) -> Result<Shard<'b>, RowsError> {
        if bytes.get(..8) != Some(MAGIC) {
            return Err(RowsError::NotAShard);
        }
        let mut c = Cursor { bytes, at: 8 };
        let n = c.varint("header")? as usize;
        // A row takes at least a dozen bytes: a count beyond that is a corrupt header, not an allocation to try.
        if n > bytes.len() {
            return Err(RowsError::Truncated("header"));
        }
        let count = c.varint("strings")?;
        let strings = c.texts(usize::try_from(count).unwrap_or(usize::MAX).min(bytes.len()), "strings")?;
        let s = |i: u64, section| strings.get(i as usize).copied().ok_or(RowsError::BadReference(section));
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
            let opt = |i: u64| if i == 0 { Ok(None) } else { s(i - 1, "winners").map(Some) };
            known.insert(id, (opt(name)?, opt(tax)?));
        }
        let bidder_count = c.column(n, "bidders")?;
        let bidder_ids = c.column(listed(&bidder_count, bytes.len(), "bidders")?, "bidders")?;
        let (ocids, titles, keys) = (c.spans(n, "ocid")?, c.spans(n, "title")?, c.spans(n, "search keys")?);
        let spans = ocids.into_iter().zip(titles).zip(keys).map(|((o, t), k)| [o, t, k]).collect();
        let budget_lines = if c.at < bytes.len() { c.column(n, "budget lines")? } else { Vec::new() };
        if c.at != bytes.len() {
            return Err(RowsError::BadReference("end"));
        }
        for (column, section) in [(&org, "org"), (&buyer, "buyer"), (&details, "method details"), (&budget_lines, "budget lines")]
        {
            column.iter().try_for_each(|&i| s(i, section).map(drop))?;
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
        Ok(Shard {
            strings,
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
            ocids: Vec::with_capacity(n),
            titles: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            next: 0,
            next_supplier: 0,
            next_bidder: 0,
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
    pub fn check(&mut self, max: usize) -> Result<usize, RowsError> {
        let from = self.ocids.len();
        let end = self.len().min(from.saturating_add(max));
        let bytes = self.bytes;
        let text = |(start, len): (usize, usize), section| {
            std::str::from_utf8(&bytes[start..start + len]).map_err(|_| RowsError::NotUtf8(section))
        };
        for [ocid, title, key] in &self.spans[from..end] {
            // All three or none: a row half checked would count as checked.
            let row = (text(*ocid, "ocid")?, text(*title, "title")?, text(*key, "search keys")?);
            self.ocids.push(row.0);
            self.titles.push(row.1);
            self.keys.push(row.2);
        }
        Ok(self.unchecked())
    }

    /// Rows still to push.
    pub fn remaining(&self) -> usize {
        self.len() - self.next
    }

    /// Appends up to `max` of the rows not yet pushed to `store`, in order; returns how many. Nothing is pushed
    /// until every text is checked (`check`).
    pub fn push_into(&mut self, store: &mut Store, max: usize) -> usize {
        if self.unchecked() > 0 {
            return 0;
        }
        let end = self.len().min(self.next.saturating_add(max));
        let strings = &self.strings;
        for r in self.next..end {
            let (method, stage, category) = self.codes[r];
            let row = Row {
                org: strings[self.org[r] as usize],
                fiscal_year: self.year[r],
                ocid: self.ocids[r],
                title: self.titles[r],
                buyer_name: strings[self.buyer[r] as usize],
                method,
                method_details: strings[self.details[r] as usize],
                budget_line: self.budget_lines.get(r).map_or("", |&i| strings[i as usize]),
                stage,
                category,
                budget: money(self.budget[r]),
                reference_price: money(self.reference[r]),
                contract_value: money(self.contract[r]),
                date: date(self.start[r]),
                spend_date: date(self.spend[r]),
                search_key: self.keys[r],
            };
            let winners = &self.supplier_ids[self.next_supplier..self.next_supplier + self.supplier_count[r] as usize];
            self.next_supplier += winners.len();
            let bidders = &self.bidder_ids[self.next_bidder..self.next_bidder + self.bidder_count[r] as usize];
            self.next_bidder += bidders.len();
            let known = &self.known;
            let winners = winners.iter().map(|&i| {
                let (name, tax_id) = known.get(&i).copied().unwrap_or((None, None));
                Winner { id: strings[i as usize], name, tax_id }
            });
            store.push(&row, winners, bidders.iter().map(|&i| strings[i as usize]));
        }
        let pushed = end - self.next;
        self.next = end;
        pushed
    }
}
