//! User-facing strings: one catalogue per language (`th.rs`, `en.rs`), keyed by `Key`.
//! Each catalogue is an exhaustive `match`, so a key without a translation does not compile.
mod en;
mod th;

use crate::domain::issue::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    AppName,
    Tagline,
    SwitchLanguage,
    Loading,
    DemoBanner,
    Organisations,
    OrgType,
    Province,
    District,
    Population,
    FiscalYear,
    AllYears,
    BackToList,
    Procurement,
    Processes,
    Title,
    Method,
    ReferencePrice,
    Budget,
    ContractValue,
    Stage,
    Total,
    NoProcesses,
    ChartByMethodTitle,
    ChartByMethodX,
    ChartByMethodY,
    ChartTable,
    Count,
    ErrorCatalogTitle,
    ErrorDatasetTitle,
    ErrorNotFound,
    ErrorHttp,
    ErrorNetwork,
    ErrorNotCatalog,
    ErrorNotJson,
    RejectedRecords,
    Complaints,
    Publisher,
    UnknownOrganisation,
    Source,
    MethodOpen,
    MethodSelective,
    MethodLimited,
    MethodDirect,
    MethodOther,
    MethodMissing,
    StagePlanning,
    StageTender,
    StageAward,
    StageContract,
    StageImplementation,
    Baht,
    DownloadCsv,
    DownloadSvg,
    CheckData,
    CheckDataIntro,
    CheckDataPrivacy,
    CheckDataDrop,
    CheckDataUrl,
    CheckDataRun,
    Format,
    RecordsRead,
    RecordsAccepted,
    RecordsRejected,
    Errors,
    Warnings,
    Severity,
    Path,
    Message,
    NoIssues,
    Explorer,
    RiskSignals,
    NotProof,
    Methodology,
    NotEvaluable,
    Evaluated,
    OnlyFlagged,
    ShowAll,
    WithSignals,
    Measures,
    Formula,
    SettingsLabel,
    WhyInnocent,
    Apply,
    ResetSettings,
    SettingsInvalid,
    BuyerSignals,
    Search,
    SearchPlaceholder,
    ClearFilters,
    Buyer,
    Supplier,
    Bids,
    Bidder,
    Price,
    Status,
    Lowest,
    Winner,
    MissingStage,
    Period,
    Documents,
    Payments,
    Milestones,
    Amendments,
    History,
    VsReference,
    VsBudget,
    DateSigned,
    NumberOfTenderers,
    ProcessNotFound,
    TaxId,
    TaxIdValid,
    TaxIdInvalid,
    ContractsWon,
    ShareOfBuyer,
    BackToBuyer,
    Date,
    SupplierNotFound,
    Value,
    Items,
    ProcessSignals,
    NoSignals,
    SupplierSignals,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Th => th::text(key),
        Lang::En => en::text(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages() {
        // The match in each catalogue is exhaustive; this checks no entry is left empty.
        for key in [
            Key::AppName,
            Key::DemoBanner,
            Key::ErrorCatalogTitle,
            Key::ErrorNotCatalog,
            Key::MethodLimited,
            Key::CheckDataPrivacy,
        ] {
            for lang in [Lang::Th, Lang::En] {
                assert!(!t(lang, key).trim().is_empty(), "{key:?} {lang:?}");
            }
            assert_ne!(t(Lang::Th, key), t(Lang::En, key), "{key:?} is not translated");
        }
    }
}
