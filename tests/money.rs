//! 10^20 baht, a hundred million times Thailand's annual budget, through every way an amount comes in: each
//! path refuses it with the same clear reason, and nothing wraps or panics.
use std::collections::BTreeMap;

use locallens::domain::issue::Issue;
use locallens::ingest::{budget, egp_api as egp, ocds};
use locallens::query::flags::registry::Kind;
use locallens::query::flags::settings::SettingsError;
use locallens::query::flags::Engine;

const HUGE: &str = "100000000000000000000";

fn refused(issues: &[Issue], path: &str) {
    let issue = issues.iter().find(|i| i.path == path).unwrap_or_else(|| panic!("no issue at {path}: {issues:#?}"));
    assert_eq!(issue.code, "bad-amount", "{issue:?}");
    assert!(issue.en.contains("more than one trillion baht"), "{}", issue.en);
    assert!(issue.th.contains("เกินหนึ่งล้านล้านบาท"), "{}", issue.th);
}

#[test]
fn a_budget_file() {
    for amount in [HUGE.to_string(), format!("\"{HUGE}\""), "1e20".to_string()] {
        let file = format!(
            r#"{{"budgetVersion":"1.0","organisation":"6200101","fiscalYear":2568,
               "expenditure":[{{"area":"ก","plan":"ข","category":"งบลงทุน","allocated":{amount}}}]}}"#
        );
        let parsed = budget::parse("budget.json", file.as_bytes());
        refused(&parsed.issues, "expenditure[0].allocated");
        assert_eq!(parsed.counts.rejected, 1);
    }
}

#[test]
fn an_ocds_file() {
    let file = format!(
        r#"{{"version":"1.1","releases":[{{"ocid":"ocds-x-1","id":"1","date":"2024-10-01T00:00:00Z","tag":["tender"],
            "tender":{{"value":{{"amount":{HUGE},"currency":"THB"}}}}}}]}}"#
    );
    let parsed = ocds::load("ocds.json", file.as_bytes());
    refused(&parsed.issues, "releases[0].tender.value.amount");
    assert_eq!(parsed.values[0].compiled.reference_price(), None);
}

#[test]
fn e_gp_rows() {
    let file = format!(r#"[{{"project_id":"67019123456","project_name":"ถนน","price_build":"{HUGE}","project_money":{HUGE}}}]"#);
    let parsed = egp::convert("rows.json", file.as_bytes());
    refused(&parsed.issues, "[0].price_build");
    refused(&parsed.issues, "[0].project_money");
}

#[test]
fn a_setting_in_the_url() {
    let overrides: BTreeMap<String, String> = [("TH08.limit".to_string(), HUGE.to_string())].into();
    let Err(e) = Engine::with_overrides(&overrides) else { panic!("accepted") };
    assert_eq!(e, SettingsError::BadValue { section: "TH08".into(), key: "limit".into(), value: HUGE.into(), kind: Kind::Baht });
}
