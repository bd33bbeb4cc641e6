//! The one list of red flags. Each indicator declares itself once, in its own file, as a `Spec`: its code,
//! what it measures in Thai and English, its typed settings with their defaults, and how to build it. The
//! engine, the methodology page and its settings form all read `SPECS`; nothing else lists the codes.
use super::settings::{Section, SettingsError};
use super::{cardinal, thai, Indicator};
use crate::domain::lang::Tr;

macro_rules! flag_codes {
    ($($code:ident),* $(,)?) => {
        /// Every indicator's code, as Cardinal and our Thai rules name them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FlagCode {
            $($code),*
        }

        impl FlagCode {
            pub const ALL: &'static [FlagCode] = &[$(FlagCode::$code),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(FlagCode::$code => stringify!($code)),*
                }
            }
        }
    };
}

flag_codes!(
    R003, R018, R024, R025, R028, R030, R035, R036, R038, R048, R058, TH01, TH02, TH03, TH04, TH05, TH06, TH07, TH08, TH09, TH10,
    TH11, TH12,
);

impl FlagCode {
    pub fn from_code(code: &str) -> Option<FlagCode> {
        FlagCode::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    pub fn spec(self) -> &'static Spec {
        SPECS[FlagCode::ALL.iter().position(|c| *c == self).unwrap_or(0)]
    }
}

impl std::fmt::Display for FlagCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an indicator's method comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The Open Contracting Partnership's Cardinal, with its semantics.
    Cardinal,
    /// Thai procurement law and practice (ACT Ai's red flags), as LocalLens applies them.
    Thai,
}

impl Source {
    pub fn label(self) -> Tr {
        match self {
            Source::Cardinal => Tr::new(
                "Open Contracting Partnership, Cardinal (cardinal.readthedocs.io)",
                "Open Contracting Partnership, Cardinal (cardinal.readthedocs.io)",
            ),
            Source::Thai => Tr::new(
                "พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560; แนวทางธงแดงของ ACT Ai; ส่องท้องถิ่น",
                "Public Procurement and Supplies Administration Act B.E. 2560; ACT Ai red-flag practice; LocalLens",
            ),
        }
    }
}

/// What an indicator needs in the data. Data that has none of it (e-GP contract rows have no bids) cannot be
/// judged, and the app says so instead of showing nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Tenders, awards and contracts as OCDS has them.
    Processes,
    /// Every bid with its tenderer, value and status (the OCDS bids extension).
    Bids,
    /// Tender periods with their start and end.
    TenderPeriods,
    /// Item classifications.
    Classifications,
}

impl Needs {
    /// What the indicator reads, as the methodology page names it.
    pub fn label(self) -> Tr {
        match self {
            Needs::Processes => Tr::new("โครงการ ราคากลาง สัญญา และผู้ชนะ", "processes, reference prices, contracts and winners"),
            Needs::Bids => Tr::new("ข้อเสนอราคาทุกราย พร้อมสถานะ", "every bid, with its status"),
            Needs::TenderPeriods => Tr::new("ช่วงเวลารับข้อเสนอ", "tender periods"),
            Needs::Classifications => Tr::new("รหัสหมวดสินค้าของรายการ", "item classifications"),
        }
    }

    /// Why an indicator could not be judged on data without this.
    pub fn missing(self) -> Tr {
        match self {
            Needs::Processes => Tr::new("ข้อมูลไม่มีกระบวนการจัดซื้อจัดจ้าง", "the data has no contracting processes"),
            Needs::Bids => Tr::new("ข้อมูลไม่มีรายการผู้เสนอราคา", "the data has no bids"),
            Needs::TenderPeriods => Tr::new("ข้อมูลไม่มีช่วงเวลารับข้อเสนอ", "the data has no tender periods"),
            Needs::Classifications => Tr::new("ข้อมูลไม่มีรหัสหมวดสินค้า", "the data has no item classifications"),
        }
    }
}

/// The kind of value a setting takes: how it is read, checked and offered in the settings form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number ≥ 0.
    Count,
    /// A whole number of days ≥ 0.
    Days,
    /// A number from 0 to 1.
    Fraction,
    /// Any number.
    Number,
    /// An amount of baht under the cap every amount has.
    Baht,
    /// OCDS procurement methods separated by `|`: open, selective, limited, direct.
    Methods,
    /// Free texts separated by `|` (procurementMethodDetails as published).
    Texts,
    /// A section of its own mapping procurementMethodDetails to days (`[R003.procurement_method_details]`).
    DaysByDetails,
}

impl Kind {
    pub fn label(self) -> Tr {
        match self {
            Kind::Count => Tr::new("จำนวนเต็มตั้งแต่ 0", "a whole number from 0"),
            Kind::Days => Tr::new("จำนวนวัน (จำนวนเต็ม)", "a whole number of days"),
            Kind::Fraction => Tr::new("สัดส่วน 0 ถึง 1", "a share from 0 to 1"),
            Kind::Number => Tr::new("ตัวเลข", "a number"),
            Kind::Baht => Tr::new("จำนวนเงิน (บาท)", "an amount of baht"),
            Kind::Methods => Tr::new(
                "วิธีจัดหาตาม OCDS คั่นด้วย | (open, selective, limited, direct)",
                "OCDS methods separated by | (open, selective, limited, direct)",
            ),
            Kind::Texts => Tr::new("ข้อความคั่นด้วย |", "texts separated by |"),
            Kind::DaysByDetails => Tr::new("วิธีจัดหาตามที่เผยแพร่ = จำนวนวัน", "method as published = days"),
        }
    }

    /// Whether `value` is a valid value of this kind.
    pub fn accepts(self, value: &str) -> bool {
        let v = value.trim();
        match self {
            Kind::Count | Kind::Days => v.parse::<u64>().is_ok(),
            Kind::Fraction => v.parse::<f64>().is_ok_and(|f| (0.0..=1.0).contains(&f)),
            Kind::Number => v.parse::<f64>().is_ok_and(f64::is_finite),
            Kind::Baht => crate::domain::money::Satang::parse_baht(v).is_ok_and(|s| s.0 >= 0),
            Kind::Methods => {
                !v.is_empty() && v.split('|').all(|m| crate::domain::codes::Method::from_ocds_code(m.trim()).is_some())
            }
            Kind::Texts => !v.is_empty(),
            Kind::DaysByDetails => v.parse::<i64>().is_ok(),
        }
    }
}

/// What a setting is when the reader does not set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// A value, written as the reader would write it.
    Value(&'static str),
    /// Worked out from the data when unset (a fence from quartiles).
    FromData(Tr),
    /// Unset means no restriction.
    Everything,
}

/// One setting of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    pub name: &'static str,
    pub kind: Kind,
    pub default: Default,
    pub help: Tr,
}

impl Setting {
    pub const fn new(name: &'static str, kind: Kind, default: Default, help: Tr) -> Setting {
        Setting { name, kind, default, help }
    }
}

/// An indicator: everything the app says about it and how to build it from its settings.
pub struct Spec {
    pub code: FlagCode,
    pub title: Tr,
    pub measures: Tr,
    /// The formula, in the notation of the fields it reads.
    pub formula: &'static str,
    /// Why a process may raise it innocently.
    pub innocent: Tr,
    pub source: Source,
    pub needs: Needs,
    pub settings: &'static [Setting],
    /// Builds the indicator from its section, reading each of `settings` (and no other key).
    pub build: fn(&mut Section) -> Result<Box<dyn Indicator>, SettingsError>,
}

impl Spec {
    pub fn setting(&self, name: &str) -> Option<&'static Setting> {
        self.settings.iter().find(|s| s.name == name)
    }
}

/// Every indicator, in `FlagCode::ALL` order.
pub const SPECS: [&Spec; 23] = [
    &cardinal::r003::SPEC,
    &cardinal::r018::SPEC,
    &cardinal::r024::SPEC,
    &cardinal::r025::SPEC,
    &cardinal::r028::SPEC,
    &cardinal::r030::SPEC,
    &cardinal::r035::SPEC,
    &cardinal::r036::SPEC,
    &cardinal::r038::SPEC,
    &cardinal::r048::SPEC,
    &cardinal::r058::SPEC,
    &thai::th01::SPEC,
    &thai::th02::SPEC,
    &thai::th03::SPEC,
    &thai::th04::SPEC,
    &thai::th05::SPEC,
    &thai::th06::SPEC,
    &thai::th07::SPEC,
    &thai::th08::SPEC,
    &thai::th09::SPEC,
    &thai::th10::SPEC,
    &thai::th11::SPEC,
    &thai::th12::SPEC,
];

/// Said beside every flag.
pub const NOT_PROOF: Tr = Tr::new("สัญญาณความเสี่ยง ไม่ใช่หลักฐานการกระทำผิด", "A risk signal, not proof of wrongdoing");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_lists_every_code_once_in_order() {
        assert_eq!(SPECS.len(), FlagCode::ALL.len());
        for (spec, code) in SPECS.iter().zip(FlagCode::ALL) {
            assert_eq!(spec.code, *code);
            assert_eq!(FlagCode::from_code(code.as_str()), Some(*code));
            assert_eq!(code.spec().code, *code);
            for text in [spec.title, spec.measures, spec.innocent] {
                assert!(!text.th.is_empty() && !text.en.is_empty(), "{code}");
            }
            for s in spec.settings {
                assert!(!s.help.th.is_empty() && !s.help.en.is_empty(), "{code}.{}", s.name);
                if let Default::Value(v) = s.default {
                    assert!(s.kind.accepts(v), "{code}.{} default {v} is not a {:?}", s.name, s.kind);
                }
            }
        }
    }

    #[test]
    fn kinds_accept_what_they_say() {
        assert!(Kind::Count.accepts("3") && !Kind::Count.accepts("-1") && !Kind::Count.accepts("lots"));
        assert!(Kind::Fraction.accepts("0.5") && !Kind::Fraction.accepts("1.5"));
        assert!(Kind::Baht.accepts("500,000") && !Kind::Baht.accepts("100000000000000000000"));
        assert!(Kind::Methods.accepts("open|selective") && !Kind::Methods.accepts("open|bribery"));
    }
}
