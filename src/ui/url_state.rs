//! All view state lives in the query string of the one index.html, so every view is a link:
//! `?lang=en&org=6620101&year=2568&method=limited`. Parsing and printing are pure and tested natively.
//!
//! The state is typed: pages, tabs, orders and facet values are closed sets, and a value in the URL that
//! names nothing (`?method=foo`) is not kept as a selection. It is recorded in `ignored`, so that the page can
//! say once that it was dropped. The procurement facets are read and written through `facets::FACETS`.
use std::collections::BTreeMap;

use crate::coded_enum;
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::query::choropleth::MapMeasure;
use crate::query::compare::MAX as MAX_COMPARED;
use crate::query::filter::Filter;
use crate::query::flags::FlagCode;
use crate::query::overview::Order;
use crate::query::sort::Sort;
use crate::ui::facets::FACETS;
use crate::ui::query_string::{encode, parse_pairs};

/// Rows per page of the process table, and the sizes a reader may choose.
pub const PAGE_SIZES: [usize; 4] = [25, 50, 100, 200];
pub const DEFAULT_PAGE_SIZE: usize = 50;

coded_enum! {
    /// The app's pages (`page=`); the explorer's own views are chosen by `org`, `process` and `supplier`.
    #[derive(Default)]
    pub enum Page {
        #[default]
        Explorer = "explorer" => ("สำรวจข้อมูล", "Explore"),
        Check = "check" => ("ตรวจสอบไฟล์ข้อมูล", "Check my data"),
        /// The red flags' methodology and settings.
        Flags = "flags" => ("วิธีการ: สัญญาณความเสี่ยง", "Methodology: risk signals"),
        /// How the data completeness score is made.
        Completeness = "completeness" => ("วิธีการ: ความครบถ้วนของข้อมูล", "Methodology: data completeness"),
        /// Two to five organisations side by side (`compare=`).
        Compare = "compare" => ("เปรียบเทียบ อปท.", "Compare local governments"),
    }
}

coded_enum! {
    /// The home page's tabs: the list of organisations, or the procurement of all of them together.
    #[derive(Default)]
    pub enum Tab {
        #[default]
        Organisations = "organisations" => ("องค์กรปกครองส่วนท้องถิ่น", "Local governments"),
        Procurement = "procurement" => ("การจัดซื้อจัดจ้างของทุกหน่วยงาน", "Procurement of all organisations"),
        /// Every organisation of a province (or every province) in one table of its figures.
        Overview = "overview" => ("ภาพรวมรายจังหวัด", "Overview by province"),
    }
}

coded_enum! {
    /// Which data the app shows (`data=`): the real data published with it, or the synthetic demonstration
    /// catalog (complete OCDS lifecycles with bids, LPA and ITA scores: what no real source gives yet).
    #[derive(Default)]
    pub enum DataSource {
        #[default]
        Real = "real" => ("ข้อมูลจริง", "Real data"),
        Demo = "demo" => ("ข้อมูลสาธิต (สังเคราะห์)", "Demonstration data (synthetic)"),
    }
}

impl DataSource {
    /// The folder of its catalog and datasets, relative to index.html.
    pub fn folder(self) -> &'static str {
        match self {
            DataSource::Real => "data/",
            DataSource::Demo => "demo/",
        }
    }
}

/// A value from the URL that named nothing, and was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
}

/// Which page component a state shows. A page's view of the state follows it only while this stays the same
/// (`state::View`), so a page never reacts to the state it is being replaced for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Route {
    pub page: Page,
    pub tab: Tab,
    pub org: Option<String>,
    pub process: Option<String>,
    pub supplier: Option<String>,
    /// The organisations compared: another choice is another page (it loads other organisations' files).
    pub compare: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Which catalog: real (the default) or demonstration.
    pub data: DataSource,
    pub lang: Lang,
    pub page: Page,
    /// On the home page: which tab.
    pub tab: Tab,
    /// The selected organisation's catalog code.
    pub org: Option<String>,
    /// The contracting process shown (its ocid).
    pub process: Option<String>,
    /// The supplier shown (its party id, e.g. `TH-RD-0105564068059`).
    pub supplier: Option<String>,
    /// Every procurement facet's choice (search, years, types, places, methods, amounts…).
    pub filter: Filter,
    /// The table's order; None is newest first.
    pub sort: Option<Sort>,
    /// The table's page (1-based; 0 is the first) and rows per page (0 is the default).
    pub pg: usize,
    pub per: usize,
    /// The flag whose methodology is open.
    pub flag: Option<FlagCode>,
    /// On an organisation's page: the budget's fiscal year (BE; the latest when None) and whether its
    /// breakdown shows shares of the total instead of baht.
    pub budget_year: Option<i32>,
    pub budget_share: bool,
    /// The overview's order (`osort`); None is by name.
    pub overview_sort: Option<Order>,
    /// The organisations compared (`compare=a,b,c`, catalog codes, at most `compare::MAX`) and the range of
    /// fiscal years (`cfrom`, `cto`; the latest year when both are None).
    pub compare: Vec<String>,
    pub compare_from: Option<i32>,
    pub compare_to: Option<i32>,
    /// The overview's map measure (`map=`); None is budget per person.
    pub map_measure: Option<MapMeasure>,
    /// The view alone, sized for an iframe, with its source line and a link to the full view (`embed=1`); with
    /// `chart=` (a chart's file name), that one chart alone.
    pub embed: bool,
    pub chart: Option<String>,
    /// On an organisation's page: load its province to show where its suppliers also win (`elsewhere=1`).
    pub elsewhere: bool,
    /// Flag settings changed from their defaults: `R024.threshold` → `0.05` (query `fs.R024.threshold=0.05`).
    pub flag_settings: BTreeMap<String, String>,
    /// Values the URL gave that name nothing; not printed back.
    pub ignored: Vec<Ignored>,
}

/// How much of a catalog cut per province (`publish::split`) a view needs read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogNeed {
    Whole,
    /// An organisation's own page: its province's part (which holds its peers) is enough.
    Org(String),
}

impl CatalogNeed {
    /// What to have read once the view asks for `next` after `self`: a catalog read whole stays whole, and
    /// another organisation of the same province needs nothing new.
    pub fn then(self, next: CatalogNeed) -> CatalogNeed {
        use crate::domain::org::province_of_code;
        match (&self, &next) {
            (CatalogNeed::Whole, _) => self,
            (CatalogNeed::Org(a), CatalogNeed::Org(b)) if province_of_code(a) == province_of_code(b) => self,
            _ => next,
        }
    }
}

impl ViewState {
    /// Only an organisation's own pages (its page and its processes) can do with its province's part of a split
    /// catalog: the others list, compare or follow a supplier across provinces.
    pub fn catalog_need(&self) -> CatalogNeed {
        match (self.page, &self.org, &self.supplier) {
            (Page::Explorer, Some(org), None) => CatalogNeed::Org(org.clone()),
            _ => CatalogNeed::Whole,
        }
    }

    /// The full view an embedded one shows: the same state without `embed` and `chart`.
    pub fn live(&self) -> ViewState {
        ViewState { embed: false, chart: None, ignored: Vec::new(), ..self.clone() }
    }

    /// The embedded view of this one, or of one chart of it.
    pub fn embedded(&self, chart: Option<&str>) -> ViewState {
        ViewState { embed: true, chart: chart.map(str::to_string), ignored: Vec::new(), ..self.clone() }
    }

    pub fn with_lang(&self, lang: Lang) -> ViewState {
        ViewState { lang, ignored: Vec::new(), ..self.clone() }
    }

    pub fn route(&self) -> Route {
        Route {
            page: self.page,
            tab: self.tab,
            org: self.org.clone(),
            process: self.process.clone(),
            supplier: self.supplier.clone(),
            compare: if self.page == Page::Compare { self.compare.clone() } else { Vec::new() },
        }
    }

    /// `<organisation or all>-<fiscal years>` for download names: `6200101-2567`, `all-2566-2567`, `all-all`.
    pub fn scope_slug(&self) -> String {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        let years = match (self.filter.from, self.filter.to) {
            (None, None) => "all".to_string(),
            (a, b) if a == b => year(a),
            (a, b) => format!("{}-{}", year(a), year(b)),
        };
        format!("{}-{years}", self.org.as_deref().unwrap_or("all"))
    }

    pub fn sort_order(&self) -> Sort {
        self.sort.unwrap_or_default()
    }

    pub fn page_size(&self) -> usize {
        if self.per == 0 {
            DEFAULT_PAGE_SIZE
        } else {
            self.per
        }
    }

    /// The table's page, 1-based.
    pub fn page_number(&self) -> usize {
        self.pg.max(1)
    }

    /// How many procurement filters are on (each facet counts once, whatever it holds).
    pub fn active_filters(&self) -> usize {
        FACETS.iter().filter(|f| f.active(&self.filter)).count()
    }

    /// The same view with every procurement filter and the page cleared.
    pub fn without_filters(&self) -> ViewState {
        let mut next = self.clone().refined();
        for facet in FACETS {
            facet.clear(&mut next.filter);
        }
        next
    }

    /// A filter change: the table goes back to its first page, and earlier notices are said.
    pub fn refined(self) -> ViewState {
        ViewState { pg: 0, ignored: Vec::new(), ..self }
    }

    /// The same state with its filter changed by `change`, on the first page.
    pub fn with_filter(&self, change: impl FnOnce(&mut Filter)) -> ViewState {
        let mut next = self.clone().refined();
        change(&mut next.filter);
        next
    }

    /// Drops facet values that name nothing the catalog knows (a province or organisation code that is not
    /// there), recording them in `ignored`.
    pub fn resolved(mut self, catalog: &crate::domain::catalog::Catalog) -> ViewState {
        for facet in FACETS {
            for (param, value) in facet.resolve(&mut self.filter, catalog) {
                self.ignored.push(Ignored { param: param.to_string(), value });
            }
        }
        self
    }
}

mod codec;
#[cfg(test)]
mod tests;
