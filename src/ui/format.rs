//! Display helpers that depend on the language. Amounts use the core's exact formatting.
use crate::domain::calendar::Date;
use crate::domain::issue::Lang;
use crate::domain::money::{group_thousands, Satang};
use crate::domain::ocds::Stage;
use crate::query::store::{Method, NONE};
use crate::ui::i18n::{t, Key};

pub fn money_cell(satang: i64) -> String {
    if satang == NONE {
        "—".to_string()
    } else {
        Satang(satang).format_baht()
    }
}

pub fn count(n: u64) -> String {
    group_thousands(n)
}

pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Th => d.thai_short(),
        Lang::En => d.english_short(),
    }
}

/// A calendar year given in BE: "พ.ศ. 2565" / "2022".
pub fn be_year(lang: Lang, be: i32) -> String {
    match lang {
        Lang::Th => format!("พ.ศ. {be}"),
        Lang::En => format!("{}", be - 543),
    }
}

/// Fiscal years are named in BE in both languages (that is their name); English adds the CE span.
pub fn fiscal_year(lang: Lang, be: i32) -> String {
    match lang {
        Lang::Th => format!("{be}"),
        Lang::En => format!("{be} (Oct {}–Sep {})", be - 544, be - 543),
    }
}

pub fn method(lang: Lang, m: Method) -> &'static str {
    t(
        lang,
        match m {
            Method::Open => Key::MethodOpen,
            Method::Selective => Key::MethodSelective,
            Method::Limited => Key::MethodLimited,
            Method::Direct => Key::MethodDirect,
            Method::Other => Key::MethodOther,
            Method::Missing => Key::MethodMissing,
        },
    )
}

/// The method's everyday name, for narrow columns: e-bidding, คัดเลือก, เฉพาะเจาะจง.
pub fn method_short(lang: Lang, m: Method) -> &'static str {
    match (m, lang) {
        (Method::Open, _) => "e-bidding / e-market",
        (Method::Selective, Lang::Th) => "คัดเลือก",
        (Method::Selective, Lang::En) => "selective",
        (Method::Limited, Lang::Th) => "เฉพาะเจาะจง",
        (Method::Limited, Lang::En) => "limited",
        _ => method(lang, m),
    }
}

pub fn stage(lang: Lang, s: Stage) -> &'static str {
    t(
        lang,
        match s {
            Stage::Planning => Key::StagePlanning,
            Stage::Tender => Key::StageTender,
            Stage::Award => Key::StageAward,
            Stage::Contract => Key::StageContract,
            Stage::Implementation => Key::StageImplementation,
        },
    )
}
