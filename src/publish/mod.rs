//! Publishing: what `locallens publish` makes of a catalog and raw files — the data folder the app reads.
//!
//! Each compiled release goes to the shard of its buyer (resolved to the catalog code by `query::identity`)
//! and fiscal year: `procurement/<code>-<year>.jsonl`, so a citizen's page fetches one organisation's file.
//! Budgets go to `budget/<code>-<year>.json` in our schema. Every dataset is listed in the catalog with its
//! SHA-256, and says when it may be incomplete (an e-GP agency whose rows the source capped). Releases whose
//! buyer the catalog does not know are counted by buyer in the report, not dropped silently. The file system
//! is the caller's: this module hands out bytes to append and keeps only running hashes and counts.
//! Red flags are then run once per fiscal year over the shards written, and each organisation's part goes to
//! `flags/<code>-<year>.json` (`add_flags`), so that its page shows them without fetching anyone else's data.
use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::domain::budget::Budget;
use crate::domain::calendar::{Date, FiscalYear};
use crate::domain::catalog::{Catalog, DataFormat, Dataset, DatasetKind};
use crate::domain::ocds::OrgRef;
use crate::domain::org::LocalText;
use crate::ingest::checksum::{hex, sha256_hex};
use crate::query::flags::precomputed::Precomputed;
use crate::query::identity::Identity;

/// What publishing did, for `--report`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub releases: usize,
    pub published: usize,
    /// Releases whose buyer is not in the catalog, by buyer id: another province's or not an อปท.
    pub unplaced: BTreeMap<String, usize>,
    pub unplaced_releases: usize,
    /// Releases with no fiscal year (neither the source's nor a date).
    pub without_year: usize,
    pub datasets: usize,
    /// Datasets marked incomplete.
    pub incomplete: usize,
    pub budgets: Vec<String>,
    /// Budgets whose organisation the catalog does not know, by the name they give.
    pub unplaced_budgets: Vec<String>,
}

struct Shard {
    hash: Sha256,
    processes: usize,
    sources: Vec<&'static str>,
}

/// Why a shard may be incomplete: the source kept at most 300 rows of one of its agencies.
pub fn capped_notice() -> LocalText {
    LocalText::both(
        "ข้อมูลอาจไม่ครบ: สำเนาข้อมูล e-GP ที่ใช้เก็บไว้ไม่เกิน 300 แถวต่อหน่วยงาน ยอดรวมจึงเป็นขั้นต่ำ",
        "May be incomplete: the e-GP mirror used kept at most 300 rows per agency, so totals are lower bounds",
    )
}

const EGP_SOURCE: (&str, &str) = (
    "ข้อมูลสัญญาจัดซื้อจัดจ้าง e-GP ของกรมบัญชีกลาง (data.go.th)",
    "The Comptroller General's Department's e-GP contract data (data.go.th)",
);
const OCDS_SOURCE: (&str, &str) = ("ข้อมูล OCDS ที่ผู้เผยแพร่ส่งมา", "OCDS published by the data's publisher");

pub struct Publication {
    catalog: Catalog,
    identity: Identity,
    /// (province, agency name) of agencies whose rows were capped.
    capped: HashSet<(String, String)>,
    /// Organisations with a capped agency.
    capped_orgs: HashSet<String>,
    shards: BTreeMap<(String, FiscalYear), Shard>,
    pending: BTreeMap<(String, FiscalYear), Vec<u8>>,
    report: Report,
}

impl Publication {
    /// `capped` lists the e-GP agencies (province, name) whose rows the source capped.
    pub fn new(mut catalog: Catalog, capped: HashSet<(String, String)>) -> Publication {
        catalog.datasets.retain(|d| d.kind != DatasetKind::Procurement && d.kind != DatasetKind::Budget);
        let identity = Identity::new(&catalog.organisations);
        let capped_orgs = catalog
            .organisations
            .iter()
            .filter(|o| o.egp.iter().any(|a| capped.contains(&(a.province.clone(), a.name.clone()))))
            .map(|o| o.code.clone())
            .collect();
        Publication {
            catalog,
            identity,
            capped,
            capped_orgs,
            shards: BTreeMap::new(),
            pending: BTreeMap::new(),
            report: Report::default(),
        }
    }

    /// Files a compiled release under its buyer and fiscal year.
    pub fn add_release(&mut self, mut release: Value) {
        self.report.releases += 1;
        let text = |k: &str| release.get("buyer").and_then(|b| b.get(k)).and_then(Value::as_str).map(str::to_string);
        let buyer = OrgRef { id: text("id"), name: text("name") };
        let Some(code) = self.identity.resolve(&buyer) else {
            self.report.unplaced_releases += 1;
            *self.report.unplaced.entry(buyer.id.unwrap_or_else(|| "(no buyer)".into())).or_default() += 1;
            return;
        };
        let Some(year) = fiscal_year(&release) else {
            self.report.without_year += 1;
            return;
        };
        release["buyer"]["id"] = Value::String(code.clone());
        if let Some(agency) =
            buyer.id.as_deref().and_then(|id| id.strip_prefix(crate::query::identity::EGP_AGENCY)).and_then(|a| a.split_once(':'))
        {
            if self.capped.contains(&(agency.0.to_string(), agency.1.to_string())) {
                self.capped_orgs.insert(code.clone());
            }
        }
        let source = if release.get("egp").is_some() { "egp" } else { "ocds" };
        let key = (code, year);
        let shard =
            self.shards.entry(key.clone()).or_insert_with(|| Shard { hash: Sha256::new(), processes: 0, sources: Vec::new() });
        shard.processes += 1;
        if !shard.sources.contains(&source) {
            shard.sources.push(source);
        }
        let line = self.pending.entry(key).or_default();
        serde_json::to_writer(&mut *line, &release).expect("a JSON value serialises");
        line.push(b'\n');
        self.report.published += 1;
    }

    /// The bytes to append to each shard since the last call, by path relative to the data folder.
    pub fn take_pending(&mut self) -> Vec<(String, Vec<u8>)> {
        let pending = std::mem::take(&mut self.pending);
        pending
            .into_iter()
            .map(|(key, bytes)| {
                if let Some(shard) = self.shards.get_mut(&key) {
                    shard.hash.update(&bytes);
                }
                (shard_path(&key.0, key.1), bytes)
            })
            .collect()
    }

    /// A budget under the catalog code of its organisation: its path and bytes, or why it has no place.
    pub fn add_budget(&mut self, mut budget: Budget, published: Option<Date>) -> Option<(String, Vec<u8>)> {
        let Some(code) = self.identity.resolve_named(&budget.organisation, budget.organisation_name.as_deref()) else {
            self.report.unplaced_budgets.push(budget.organisation_name.clone().unwrap_or(budget.organisation));
            return None;
        };
        budget.organisation = code.clone();
        let path = format!("budget/{code}-{}.json", budget.fiscal_year.0);
        let mut bytes = serde_json::to_vec_pretty(&budget).expect("a budget serialises");
        bytes.push(b'\n');
        self.catalog.datasets.push(Dataset {
            id: format!("budget-{code}-{}", budget.fiscal_year.0),
            kind: DatasetKind::Budget,
            format: DataFormat::LocallensBudget,
            organisation: Some(code),
            fiscal_year: Some(budget.fiscal_year),
            province_code: None,
            size: None,
            rows: None,
            url: path.clone(),
            sha256: Some(sha256_hex(&bytes)),
            published,
            source: budget.source.clone(),
            demonstration: budget.demonstration,
            incomplete: None,
        });
        self.report.budgets.push(path.clone());
        Some((path, bytes))
    }

    /// The catalog listing every dataset written, and the report. Call after the last `take_pending`.
    pub fn finish(mut self) -> (Catalog, Report) {
        for ((code, year), shard) in std::mem::take(&mut self.shards) {
            let incomplete = self.capped_orgs.contains(&code).then(capped_notice);
            self.report.incomplete += usize::from(incomplete.is_some());
            let (th, en): (Vec<&str>, Vec<&str>) =
                shard.sources.iter().map(|s| if *s == "egp" { EGP_SOURCE } else { OCDS_SOURCE }).unzip();
            self.catalog.datasets.push(Dataset {
                id: format!("procurement-{code}-{}", year.0),
                kind: DatasetKind::Procurement,
                format: DataFormat::Ocds,
                url: shard_path(&code, year),
                organisation: Some(code),
                fiscal_year: Some(year),
                province_code: None,
                size: None,
                rows: None,
                sha256: Some(hex(&shard.hash.finalize())),
                published: None,
                source: Some(LocalText::both(&th.join("; "), &en.join("; "))),
                demonstration: false,
                incomplete,
            });
        }
        sort_datasets(&mut self.catalog);
        self.report.datasets = self.catalog.datasets.len();
        (self.catalog, self.report)
    }
}

/// Lists a published flags file (`query::flags::precomputed`) in `catalog`: its path and bytes.
pub fn add_flags(catalog: &mut Catalog, flags: &Precomputed) -> (String, Vec<u8>) {
    let (code, year) = (&flags.organisation, flags.fiscal_year);
    let path = format!("flags/{code}-{year}.json");
    let bytes = flags_bytes(flags);
    catalog.datasets.push(Dataset {
        id: format!("flags-{code}-{year}"),
        kind: DatasetKind::Flags,
        format: DataFormat::LocallensFlags,
        organisation: Some(code.clone()),
        fiscal_year: Some(FiscalYear(year)),
        province_code: None,
        size: None,
        rows: None,
        url: path.clone(),
        sha256: Some(sha256_hex(&bytes)),
        published: None,
        source: Some(LocalText::both(
            "สัญญาณความเสี่ยงที่คำนวณเมื่อเผยแพร่ ด้วยค่าตั้งต้นของแอป ทั้งปีงบประมาณ",
            "Risk signals computed at publication, with the app's default settings, over the whole fiscal year",
        )),
        demonstration: false,
        incomplete: None,
    });
    (path, bytes)
}

fn flags_bytes(flags: &Precomputed) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(flags).expect("flags serialise");
    bytes.push(b'\n');
    bytes
}

/// Rewrites the flags file listed at `url` as `flags` by the rows of its organisation's shard (`ocids`, in the
/// shard's order; `Precomputed::by_rows`): the catalog's SHA-256 follows. Returns the new bytes.
pub fn flags_by_rows(catalog: &mut Catalog, url: &str, flags: Precomputed, ocids: &[&str]) -> Vec<u8> {
    let bytes = flags_bytes(&flags.by_rows(ocids));
    if let Some(d) = catalog.datasets.iter_mut().find(|d| d.kind == DatasetKind::Flags && d.url == url) {
        d.sha256 = Some(sha256_hex(&bytes));
    }
    bytes
}

/// The organisations' procurement files of each province and fiscal year, for the province shards: by
/// (province code, year), each organisation's code and file. An organisation the catalog gives no province is
/// under "00", so that every file has a province and the national view misses none.
pub fn by_province(catalog: &Catalog) -> BTreeMap<(String, i32), Vec<(String, String)>> {
    let mut groups: BTreeMap<(String, i32), Vec<(String, String)>> = BTreeMap::new();
    for d in catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement) {
        let (Some(code), Some(year)) = (&d.organisation, d.fiscal_year) else { continue };
        let province = catalog.organisation(code).and_then(|o| o.province_code.clone()).unwrap_or_else(|| "00".into());
        groups.entry((province, year.0)).or_default().push((code.clone(), d.url.clone()));
    }
    groups
}

/// Lists an explorer shard (`query::rows`) of an organisation, or of a province when `org` is None; returns its
/// path.
pub fn add_rows(catalog: &mut Catalog, org: Option<&str>, province: &str, year: i32, bytes: &[u8]) -> String {
    let name = org.map_or_else(|| format!("province-{province}"), str::to_string);
    let path = format!("rows/{name}-{year}.llrows");
    let incomplete = catalog
        .datasets
        .iter()
        .filter(|d| d.kind == DatasetKind::Procurement && d.fiscal_year == Some(FiscalYear(year)))
        .filter(|d| org.is_none_or(|o| d.organisation.as_deref() == Some(o)))
        .filter(|d| {
            org.is_some()
                || d.organisation.as_deref().and_then(|c| catalog.organisation(c)).and_then(|o| o.province_code.as_deref())
                    == Some(province)
        })
        .find_map(|d| d.incomplete.clone());
    catalog.datasets.push(Dataset {
        id: format!("rows-{name}-{year}"),
        kind: DatasetKind::Rows,
        format: DataFormat::LocallensRows,
        organisation: org.map(str::to_string),
        fiscal_year: Some(FiscalYear(year)),
        province_code: org.is_none().then(|| province.to_string()),
        size: Some(bytes.len() as u64),
        rows: crate::query::rows::row_count(bytes),
        url: path.clone(),
        sha256: Some(sha256_hex(bytes)),
        published: None,
        source: Some(LocalText::both(
            "ข้อมูลจัดซื้อจัดจ้างในรูปคอลัมน์สำหรับหน้าสำรวจ ทำจากไฟล์ procurement/ ซึ่งเป็นต้นฉบับ",
            "Procurement as columns for the explorer, made from the procurement/ files, which remain the source",
        )),
        demonstration: false,
        incomplete,
    });
    path
}

/// Lists a province's published flags: its organisations' flags files of the year as one JSON array.
pub fn add_province_flags(catalog: &mut Catalog, province: &str, year: i32, files: &[Vec<u8>]) -> (String, Vec<u8>) {
    let path = format!("flags/province-{province}-{year}.json");
    let mut bytes = b"[".to_vec();
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        bytes.extend_from_slice(file.trim_ascii_end());
    }
    bytes.extend_from_slice(b"]\n");
    let mut listed = derived(
        format!("flags-province-{province}-{year}"),
        (DatasetKind::Flags, DataFormat::LocallensFlags),
        year,
        &path,
        &bytes,
    );
    listed.province_code = Some(province.to_string());
    catalog.datasets.push(listed);
    (path, bytes)
}

/// A file publish derives from the others, of several organisations and one fiscal year, as the catalog lists it.
fn derived(id: String, (kind, format): (DatasetKind, DataFormat), year: i32, path: &str, bytes: &[u8]) -> Dataset {
    Dataset {
        id,
        kind,
        format,
        organisation: None,
        fiscal_year: Some(FiscalYear(year)),
        province_code: None,
        size: Some(bytes.len() as u64),
        rows: None,
        url: path.to_string(),
        sha256: Some(sha256_hex(bytes)),
        published: None,
        source: None,
        demonstration: false,
        incomplete: None,
    }
}

/// The overview's procurement figures of one fiscal year (`overview/<year>.json`), listed in the catalog.
pub fn add_overview(catalog: &mut Catalog, year: &crate::query::overview::PublishedYear) -> (String, Vec<u8>) {
    let path = format!("overview/{}.json", year.fiscal_year);
    let mut bytes = serde_json::to_vec(year).expect("plain data serialises");
    bytes.push(b'\n');
    catalog.datasets.push(derived(
        format!("overview-{}", year.fiscal_year),
        (DatasetKind::Overview, DataFormat::LocallensOverview),
        year.fiscal_year,
        &path,
        &bytes,
    ));
    (path, bytes)
}

/// The catalog's datasets in a stable order (kind, organisation, year), so a republished catalog diffs cleanly.
pub fn sort_datasets(catalog: &mut Catalog) {
    catalog.datasets.sort_by(|a, b| {
        (a.kind.as_str(), &a.organisation, &a.province_code, a.fiscal_year).cmp(&(
            b.kind.as_str(),
            &b.organisation,
            &b.province_code,
            b.fiscal_year,
        ))
    });
}

pub fn shard_path(code: &str, year: FiscalYear) -> String {
    format!("procurement/{code}-{}.jsonl", year.0)
}

/// The fiscal year the source gives (e-GP's ปีงบประมาณ), else that of the tender's start or the release date.
fn fiscal_year(release: &Value) -> Option<FiscalYear> {
    if let Some(y) = release.pointer("/egp/fiscalYear").and_then(Value::as_i64) {
        return i32::try_from(y).ok().map(FiscalYear);
    }
    let date = release.pointer("/tender/tenderPeriod/startDate").or_else(|| release.get("date")).and_then(Value::as_str)?;
    Date::parse_iso(date).map(|(d, _)| d.fiscal_year())
}

mod split;
pub use split::split;

#[cfg(test)]
mod tests;
