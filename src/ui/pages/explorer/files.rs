//! The budget and assessment files a view needs (one organisation's, the compared ones', a province's), listed
//! from the catalog, fetched with their checksums verified, and read. An organisation's page loads its files
//! once for its headline, budget and assessment sections (`provide_org_files`), instead of once each.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::budget::Budget;
use crate::domain::catalog::{Catalog, DatasetKind};
use crate::ingest::assessment::Assessments;

/// What was read: the budgets (and the budget files that failed, by URL) and the assessments.
pub struct Files {
    pub budgets: Vec<Budget>,
    pub failed: Vec<String>,
    pub assessments: Assessments,
}

/// The catalog's files of `kinds` whose organisation `keep` accepts (None: a file of no one organisation).
pub fn listed(catalog: &Catalog, kinds: &[DatasetKind], keep: impl Fn(Option<&str>) -> bool) -> Vec<(String, Option<String>)> {
    catalog
        .datasets
        .iter()
        .filter(|d| kinds.contains(&d.kind) && keep(d.organisation.as_deref()))
        .map(|d| (d.url.clone(), d.sha256.clone()))
        .collect()
}

/// The budget and assessment files `keep` accepts, loaded once the resource is read.
pub fn load(catalog: &Catalog, keep: impl Fn(Option<&str>) -> bool, folder: &'static str) -> LocalResource<Arc<Files>> {
    let budgets = listed(catalog, &[DatasetKind::Budget], &keep);
    let assessments = listed(catalog, &[DatasetKind::Lpa, DatasetKind::Ita], &keep);
    LocalResource::new(move || {
        let (budgets, assessments) = (budgets.clone(), assessments.clone());
        async move {
            let (budgets, failed) = super::budget::load(budgets, folder).await;
            Arc::new(Files { budgets, failed, assessments: super::assessment::load(assessments, folder).await })
        }
    })
}

/// One organisation's files, shared by the sections of its page.
#[derive(Clone, Copy)]
pub struct OrgFiles(pub LocalResource<Arc<Files>>);

/// Loads organisation `code`'s files (and those of no one organisation) for the page's sections to share.
pub fn provide_org_files(catalog: &Catalog, code: &str, folder: &'static str) {
    let code = code.to_string();
    provide_context(OrgFiles(load(catalog, move |o| o.is_none_or(|o| o == code), folder)));
}

pub fn use_org_files() -> LocalResource<Arc<Files>> {
    expect_context::<OrgFiles>().0
}
