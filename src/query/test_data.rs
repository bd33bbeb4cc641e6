//! Generated processes read through the real reader, for the query layer's tests.
use crate::demo::rng::Rng;
use crate::domain::calendar::FiscalYear;
use crate::domain::issue::JsonPath;
use crate::domain::ocds::Process;
use crate::ingest::ocds::release::read_release;
use crate::ingest::reader::Reader;
use crate::query::store::Store;

pub fn store(n: usize) -> Store {
    let orgs = crate::demo::orgs::organisations();
    let mut rng = Rng::new(11);
    let suppliers = crate::demo::procurement::suppliers(&mut rng);
    let mut store = Store::default();
    for i in 0..n {
        let org = &orgs[i % orgs.len()];
        let mut v =
            crate::demo::procurement::compiled_process(&mut rng, org, FiscalYear(crate::demo::YEARS[i % 3]), i, &suppliers);
        v["ocid"] = format!("o-{i}").into();
        let mut reader = Reader::new("t", JsonPath::root());
        let release = read_release(&mut reader, v.as_object().unwrap()).unwrap();
        store.add(Some(&org.code), None, vec![Process { compiled: release, history: Vec::new() }]);
    }
    store.describe_orgs(&orgs);
    store
}

/// A store of one process per title, row i titled `titles[i]`.
pub fn store_of_titles(titles: &[&str]) -> Store {
    titles_into(Store::default(), titles)
}

/// The same, with its search keys in blocks of about `limit` bytes, so that tests cross blocks.
pub fn store_of_titles_in_blocks(titles: &[&str], limit: usize) -> Store {
    let store = Store { search_keys: crate::query::store::SearchKeys::with_block_limit(limit), ..Store::default() };
    titles_into(store, titles)
}

fn titles_into(mut store: Store, titles: &[&str]) -> Store {
    for (i, title) in titles.iter().enumerate() {
        let v = serde_json::json!({"ocid": format!("ocds-t-{i}"), "id": "1", "date": "2024-11-01T00:00:00Z", "tag": ["tender"], "tender": {"title": title}});
        let mut reader = Reader::new("t", JsonPath::root());
        let release = read_release(&mut reader, v.as_object().unwrap()).unwrap();
        store.add(Some("6200101"), None, vec![Process { compiled: release, history: Vec::new() }]);
    }
    store
}
