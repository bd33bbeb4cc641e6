//! The catalog: who publishes, which organisations, and which datasets for which fiscal years.
use serde::{Deserialize, Serialize};

use super::calendar::{Date, FiscalYear};
use super::org::{Contact, LocalText, Organisation};

/// What an export of synthetic data carries in a column or under a picture.
pub const SYNTHETIC_NOTE: crate::domain::lang::Tr =
    crate::domain::lang::Tr::new("ข้อมูลสาธิต (สังเคราะห์) ไม่ใช่ข้อมูลจริง", "Synthetic demonstration data (not real)");

/// The catalog format version this build reads.
pub const CATALOG_VERSION: &str = "1.0";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: LocalText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Where citizens complain: ศูนย์ดำรงธรรม 1567 and the publisher's own channels.
    #[serde(default)]
    pub complaints: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Contact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    Procurement,
    Budget,
    Lpa,
    Ita,
    /// Red flags computed when the data was published (`query::flags::precomputed`).
    Flags,
    /// Explorer shards (`query::rows`): the columns the list views read, written by `locallens publish`; the
    /// procurement files stay the detail and the source of truth.
    Rows,
    /// The overview's procurement figures per organisation for one fiscal year (`query::overview::PublishedYear`).
    Overview,
}

impl DatasetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DatasetKind::Procurement => "procurement",
            DatasetKind::Budget => "budget",
            DatasetKind::Lpa => "lpa",
            DatasetKind::Ita => "ita",
            DatasetKind::Flags => "flags",
            DatasetKind::Rows => "rows",
            DatasetKind::Overview => "overview",
        }
    }
}

/// The formats the app reads. Each is documented in docs/DATA.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataFormat {
    /// Any OCDS 1.0/1.1 JSON: release package, record package, bare release or JSON Lines.
    Ocds,
    /// data.go.th's e-GP contract rows (JSON Lines, JSON, the portal's datastore answer or CSV; gzip or not).
    EgpContracts,
    /// Rows of the e-GP contract API (ภาษีไปไหน `cgdcontract`).
    EgpApi,
    /// Our budget schema (public/schema/budget.schema.json).
    LocallensBudget,
    /// ACT × WeVis per-อบจ. budget JSON.
    WevisPaoBudget,
    /// Our LPA and ITA schemas.
    LocallensAssessment,
    /// Flags of one organisation and fiscal year, as `locallens publish` computes them (a province's file
    /// is an array of its organisations').
    LocallensFlags,
    /// An explorer shard, `locallens-rows` v1 (docs/SHARDS.md).
    LocallensRows,
    /// The overview's figures of one fiscal year, written by `locallens publish`.
    LocallensOverview,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dataset {
    pub id: String,
    pub kind: DatasetKind,
    pub format: DataFormat,
    /// The organisation's code; absent when the file covers several organisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<FiscalYear>,
    /// The province (DOPA code) a file of several organisations covers: a province's explorer shard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_code: Option<String>,
    /// Bytes, so that a view loading many files can say how much is left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Rows in an explorer shard, so that a view loading many can make room for all of them at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    /// Relative to the catalog file.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<LocalText>,
    /// Synthetic data made for demonstration, to be labelled as such wherever shown.
    #[serde(default)]
    pub demonstration: bool,
    /// Why the dataset may be incomplete, when its publisher says so; every view that uses it says it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<LocalText>,
}

/// One province's share of a catalog too large to read at once (a country's): its organisations and the datasets
/// that cover them, in a file of the catalog's own format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogPart {
    pub province_code: String,
    /// Relative to the catalog file; the part's dataset URLs are relative to the catalog file too.
    pub url: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub catalog_version: String,
    pub publisher: Publisher,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub datasets: Vec<Dataset>,
    /// True when everything in the catalog is demonstration data.
    #[serde(default)]
    pub demonstration: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<LocalText>,
    /// The files that hold the rest of the catalog, one per province: read them all before using it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<CatalogPart>,
}

impl Catalog {
    /// Takes in one part's organisations and datasets. The part's publisher and flags are not read: the catalog
    /// that lists it speaks for the whole (each dataset says whether it is synthetic).
    pub fn absorb(&mut self, part: Catalog) {
        self.organisations.extend(part.organisations);
        self.datasets.extend(part.datasets);
    }

    pub fn organisation(&self, code: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.code == code)
    }

    /// Datasets of one kind that cover an organisation: its own files and multi-organisation files.
    pub fn datasets_for<'a>(&'a self, kind: DatasetKind, org: Option<&'a str>) -> impl Iterator<Item = &'a Dataset> + 'a {
        self.datasets
            .iter()
            .filter(move |d| d.kind == kind && (org.is_none() || d.organisation.is_none() || d.organisation.as_deref() == org))
    }

    /// True when anything in the catalog is synthetic: every view and export from it says so.
    pub fn has_synthetic(&self) -> bool {
        self.demonstration || self.datasets.iter().any(|d| d.demonstration)
    }

    /// The fiscal years with any dataset, newest first.
    pub fn fiscal_years(&self) -> Vec<FiscalYear> {
        let mut years: Vec<FiscalYear> = self.datasets.iter().filter_map(|d| d.fiscal_year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }
}
