//! OCDS codelist values that pages show (statuses, release tags), named in both languages. A page shows the
//! name in the reader's language with the code itself beside it (as a tooltip); a code not in the list is
//! shown as published.
use crate::domain::lang::Tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codelist {
    TenderStatus,
    AwardStatus,
    ContractStatus,
    BidStatus,
    MilestoneStatus,
    ReleaseTag,
}

impl Codelist {
    /// The name of `code` in this list, if the list has it.
    pub fn label(self, code: &str) -> Option<Tr> {
        let t = Tr::new;
        Some(match (self, code) {
            (Codelist::TenderStatus, "planning") => t("อยู่ระหว่างวางแผน", "planning"),
            (Codelist::TenderStatus, "planned") => t("อยู่ในแผน", "planned"),
            (Codelist::TenderStatus, "active") => t("เปิดรับข้อเสนอ", "active"),
            (Codelist::TenderStatus, "cancelled") => t("ยกเลิก", "cancelled"),
            (Codelist::TenderStatus, "unsuccessful") => t("ไม่ได้ผู้ชนะ", "unsuccessful"),
            (Codelist::TenderStatus, "complete") => t("เสร็จสิ้น", "complete"),
            (Codelist::TenderStatus, "withdrawn") => t("ถอนประกาศ", "withdrawn"),
            (Codelist::AwardStatus, "pending") => t("รอพิจารณา", "pending"),
            (Codelist::AwardStatus, "active") => t("มีผล", "active"),
            (Codelist::AwardStatus, "cancelled") => t("ยกเลิก", "cancelled"),
            (Codelist::AwardStatus, "unsuccessful") => t("ไม่สำเร็จ", "unsuccessful"),
            (Codelist::ContractStatus, "pending") => t("รอลงนาม", "pending"),
            (Codelist::ContractStatus, "active") => t("อยู่ระหว่างดำเนินการ", "active"),
            (Codelist::ContractStatus, "cancelled") => t("ยกเลิก", "cancelled"),
            (Codelist::ContractStatus, "terminated") => t("สิ้นสุดสัญญา", "terminated"),
            (Codelist::BidStatus, "invited") => t("ได้รับเชิญ", "invited"),
            (Codelist::BidStatus, "pending") => t("รอพิจารณา", "pending"),
            (Codelist::BidStatus, "valid") => t("ผ่านการพิจารณา", "valid"),
            (Codelist::BidStatus, "disqualified") => t("ถูกตัดสิทธิ์", "disqualified"),
            (Codelist::BidStatus, "withdrawn") => t("ถอนข้อเสนอ", "withdrawn"),
            (Codelist::MilestoneStatus, "scheduled") => t("ตามกำหนด", "scheduled"),
            (Codelist::MilestoneStatus, "met") => t("บรรลุแล้ว", "met"),
            (Codelist::MilestoneStatus, "notMet") => t("ไม่บรรลุ", "not met"),
            (Codelist::MilestoneStatus, "partiallyMet") => t("บรรลุบางส่วน", "partially met"),
            (Codelist::ReleaseTag, tag) => return release_tag(tag),
            _ => return None,
        })
    }
}

fn release_tag(tag: &str) -> Option<Tr> {
    let t = Tr::new;
    Some(match tag {
        "planning" => t("แผน", "planning"),
        "planningUpdate" => t("แก้ไขแผน", "planning update"),
        "tender" => t("ประกาศ", "tender"),
        "tenderAmendment" => t("แก้ไขประกาศ", "tender amendment"),
        "tenderUpdate" => t("ปรับปรุงประกาศ", "tender update"),
        "tenderCancellation" => t("ยกเลิกประกาศ", "tender cancellation"),
        "award" => t("ประกาศผู้ชนะ", "award"),
        "awardUpdate" => t("ปรับปรุงผู้ชนะ", "award update"),
        "awardCancellation" => t("ยกเลิกผู้ชนะ", "award cancellation"),
        "contract" => t("สัญญา", "contract"),
        "contractUpdate" => t("ปรับปรุงสัญญา", "contract update"),
        "contractAmendment" => t("แก้ไขสัญญา", "contract amendment"),
        "implementation" => t("การดำเนินงาน", "implementation"),
        "implementationUpdate" => t("ปรับปรุงการดำเนินงาน", "implementation update"),
        "contractTermination" => t("สิ้นสุดสัญญา", "contract termination"),
        "compiled" => t("ฉบับรวม", "compiled"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_the_standard_lists_has_a_name_and_others_do_not() {
        // The codelists in ../shared/fixtures/ocds-1.1.5-schema; tests/ocds_schema.rs checks against the files.
        for (list, codes) in [
            (
                Codelist::TenderStatus,
                &["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"][..],
            ),
            (Codelist::AwardStatus, &["pending", "active", "cancelled", "unsuccessful"]),
            (Codelist::ContractStatus, &["pending", "active", "cancelled", "terminated"]),
            (Codelist::BidStatus, &["invited", "pending", "valid", "disqualified", "withdrawn"]),
            (Codelist::MilestoneStatus, &["scheduled", "met", "notMet", "partiallyMet"]),
            (Codelist::ReleaseTag, &["tender", "awardUpdate", "compiled"]),
        ] {
            for code in codes {
                let name = list.label(code).unwrap_or_else(|| panic!("{list:?} {code}"));
                assert!(!name.th.is_empty() && !name.en.is_empty());
            }
            assert_eq!(list.label("made-up"), None);
        }
    }
}
