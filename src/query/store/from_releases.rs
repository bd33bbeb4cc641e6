//! Rows read from compiled releases: a raw OCDS file, a dropped file, the check page.
use super::{Key, Row, Store, Winner, KEY_SEPARATOR, NONE};
use crate::domain::calendar::{Date, FiscalYear};
use crate::domain::codes::{Category, Method};
use crate::domain::money::Satang;
use crate::domain::ocds::{Process, Release};

impl Store {
    /// Adds the processes of one dataset. `org` is the organisation the dataset belongs to (its catalog
    /// code); a dataset covering several organisations passes `None` and each process's buyer id is used.
    /// The fiscal year is the dataset's, or else that of the tender's start or the release date.
    pub fn add(&mut self, org: Option<&str>, dataset_year: Option<FiscalYear>, processes: Vec<Process>) {
        let mut key = String::new();
        for p in processes {
            let r = &p.compiled;
            let date = r.tender.as_ref().and_then(|t| t.tender_period.as_ref()).and_then(|tp| tp.start_date).or(r.date);
            key.clear();
            push_search_text(&mut key, r);
            let row = Row {
                org: org.or_else(|| r.buyer.as_ref().and_then(|b| b.id.as_deref())).unwrap_or(""),
                fiscal_year: dataset_year.or_else(|| date.map(|d| d.fiscal_year())).map_or(0, |y| y.0),
                ocid: &r.ocid,
                title: r.title().unwrap_or(""),
                buyer_name: r.buyer.as_ref().and_then(|b| b.name.as_deref()).unwrap_or(""),
                method: Method::from_ocds(r.method()),
                method_details: r.method_details().unwrap_or(""),
                budget_line: r.planning.as_ref().and_then(|p| p.budget.as_ref()).and_then(|b| b.id.as_deref()).unwrap_or(""),
                stage: r.stage(),
                category: Category::from_ocds(r.tender.as_ref().and_then(|t| t.main_procurement_category.as_deref())),
                budget: money(r.budget_amount()),
                reference_price: money(r.reference_price()),
                contract_value: money(r.contract_value()),
                date,
                spend_date: spend_date(r),
                search_key: Key::Text(&key),
            };
            // Tax ids are owned strings read from the party's identifiers: gathered first, then lent.
            let winners: Vec<(&str, Option<&str>, Option<String>)> = r
                .awards
                .iter()
                .filter(|a| a.status.as_deref() == Some("active"))
                .flat_map(|a| &a.suppliers)
                .filter_map(|s| {
                    let id = s.id.as_deref()?;
                    let party = r.party(id);
                    Some((
                        id,
                        s.name.as_deref().or_else(|| party?.name.as_deref()),
                        party.and_then(crate::domain::taxid::of_party),
                    ))
                })
                .collect();
            let submitted =
                r.bids.iter().filter(|b| matches!(b.status.as_deref(), Some(s) if s != "invited" && s != "withdrawn"));
            let bidders = submitted.flat_map(|b| b.tenderers.iter().filter_map(|t| t.id.as_deref()));
            self.push(&row, winners.iter().map(|&(id, name, ref tax)| Winner { id, name, tax_id: tax.as_deref() }), bidders);
            self.processes.push(p);
        }
    }
}

/// Everything a reader may type to find a process, folded once at load. A part already contained in the key
/// (an item worded as the title, as e-GP's are) is left out: any word it matches, the key matches already, and
/// the shards on the wire do not carry the title twice.
fn push_search_text(text: &mut String, r: &Release) {
    let mut add = |s: Option<&str>| {
        if let Some(s) = s {
            let key = crate::domain::text::search_key(s);
            if !text.contains(key.as_str()) {
                text.push_str(&key);
                text.push(KEY_SEPARATOR);
            }
        }
    };
    add(Some(&r.ocid));
    add(r.title());
    if let Some(t) = &r.tender {
        add(t.description.as_deref());
        for item in &t.items {
            add(item.description.as_deref());
        }
    }
    add(r.buyer.as_ref().and_then(|b| b.name.as_deref()));
    for s in r.awards.iter().flat_map(|a| &a.suppliers) {
        add(s.name.as_deref().or_else(|| s.id.as_deref().and_then(|id| r.party(id)?.name.as_deref())));
        add(s.id.as_deref());
    }
}

fn spend_date(r: &Release) -> Option<Date> {
    let live = |status: Option<&str>| !matches!(status, Some("cancelled" | "unsuccessful"));
    r.contracts
        .iter()
        .filter(|c| live(c.status.as_deref()))
        .find_map(|c| c.date_signed)
        .or_else(|| r.awards.iter().filter(|a| live(a.status.as_deref())).find_map(|a| a.date))
}

fn money(value: Option<Satang>) -> i64 {
    value.map_or(NONE, |s| s.0)
}
