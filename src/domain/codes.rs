//! Closed sets of coded values: each value has the code that files and URLs use and a name in both languages.
//! A code a reader types that is not in the set is not a value (`from_code` is None), so nothing downstream
//! compares strings.
use crate::domain::lang::Tr;

/// A value from a closed set with a stable code.
pub trait Code: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + Send + Sync + 'static {
    const ALL: &'static [Self];

    fn as_str(self) -> &'static str;

    /// The value's name for readers.
    fn label(self) -> Tr;

    /// Its position in `ALL`: an array index for counting by value.
    fn index(self) -> usize;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == code)
    }
}

/// Declares a coded enum: each variant with its code and its Thai and English names.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal => ($th:literal, $en:literal)),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $crate::domain::codes::Code for $name {
            const ALL: &'static [$name] = &[$($name::$variant),*];

            fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),*
                }
            }

            fn label(self) -> $crate::domain::lang::Tr {
                match self {
                    $($name::$variant => $crate::domain::lang::Tr::new($th, $en)),*
                }
            }

            fn index(self) -> usize {
                // Variants are declared in the order of ALL, without explicit discriminants.
                self as usize
            }
        }
    };
}

coded_enum! {
    /// How a process chose its supplier: OCDS `procurementMethod`, plus what the data did not say.
    pub enum Method {
        /// วิธีประกาศเชิญชวนทั่วไป: e-bidding, e-market, สอบราคา.
        Open = "open" => ("ประกาศเชิญชวนทั่วไป (e-bidding/e-market)", "Open (e-bidding/e-market)"),
        /// วิธีคัดเลือก.
        Selective = "selective" => ("คัดเลือก", "Selective"),
        /// วิธีเฉพาะเจาะจง.
        Limited = "limited" => ("เฉพาะเจาะจง", "Limited (specific)"),
        Direct = "direct" => ("เฉพาะเจาะจง (direct)", "Direct"),
        /// A method outside OCDS's codelist.
        Other = "other" => ("วิธีอื่น", "Other method"),
        Missing = "missing" => ("ไม่ระบุวิธี", "Method not stated"),
    }
}

impl Method {
    /// The method of a release's `procurementMethod` (absent is `Missing`, unknown is `Other`).
    pub fn from_ocds(method: Option<&str>) -> Method {
        match method {
            None => Method::Missing,
            Some(code) => Method::from_ocds_code(code).unwrap_or(Method::Other),
        }
    }

    /// One of OCDS's four codes, and nothing else.
    pub fn from_ocds_code(code: &str) -> Option<Method> {
        [Method::Open, Method::Selective, Method::Limited, Method::Direct].into_iter().find(|m| m.as_str() == code)
    }

    /// The everyday name, for narrow columns.
    pub fn short(self) -> Tr {
        match self {
            Method::Open => Tr::new("e-bidding / e-market", "e-bidding / e-market"),
            Method::Selective => Tr::new("คัดเลือก", "selective"),
            Method::Limited => Tr::new("เฉพาะเจาะจง", "limited"),
            other => other.label(),
        }
    }
}

coded_enum! {
    /// The stages a process goes through, in order. A process page shows each, present or missing.
    pub enum Stage {
        Planning = "planning" => ("วางแผน", "Planning"),
        Tender = "tender" => ("ประกาศ/เสนอราคา", "Tender"),
        Award = "award" => ("ประกาศผู้ชนะ", "Award"),
        Contract = "contract" => ("ลงนามสัญญา", "Contract"),
        Implementation = "implementation" => ("ส่งมอบ/เบิกจ่าย", "Implementation"),
    }
}

coded_enum! {
    /// What a process buys: OCDS `mainProcurementCategory`, plus what the data did not say.
    pub enum Category {
        Goods = "goods" => ("ซื้อ (พัสดุ)", "Goods"),
        Services = "services" => ("จ้างบริการ", "Services"),
        Works = "works" => ("จ้างก่อสร้าง", "Works"),
        Missing = "missing" => ("ไม่ระบุประเภท", "Not stated"),
    }
}

impl Category {
    /// The category of a tender's `mainProcurementCategory`; absent or outside the codelist is `Missing`.
    pub fn from_ocds(category: Option<&str>) -> Category {
        category.and_then(Category::from_code).filter(|c| *c != Category::Missing).unwrap_or(Category::Missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Code>() {
        for v in T::ALL {
            assert_eq!(T::from_code(v.as_str()), Some(*v));
            assert!(!v.label().th.is_empty() && !v.label().en.is_empty());
            assert_eq!(T::ALL[v.index()], *v, "index is the position in ALL");
        }
        assert_eq!(T::from_code("foo"), None);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_not_values() {
        round_trips::<Method>();
        round_trips::<Stage>();
        round_trips::<Category>();
        assert_eq!(Category::from_ocds(Some("works")), Category::Works);
        assert_eq!(Category::from_ocds(Some("missing")), Category::Missing);
        assert_eq!(Category::from_ocds(None), Category::Missing);
        round_trips::<crate::domain::org::OrgType>();
        round_trips::<crate::domain::org::PopulationMethod>();
        // Files carry the same code as URLs and the registry: serde must not invent its own spelling.
        for m in crate::domain::org::PopulationMethod::ALL {
            assert_eq!(serde_json::to_value(m).unwrap(), serde_json::Value::from(m.as_str()));
        }
        assert_eq!(Method::from_ocds(Some("limited")), Method::Limited);
        assert_eq!(Method::from_ocds(Some("other")), Method::Other);
        assert_eq!(Method::from_ocds(None), Method::Missing);
        assert_eq!(Method::from_ocds_code("missing"), None);
    }
}
