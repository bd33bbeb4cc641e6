//! Joining e-GP's buying agencies to the registry's organisations. e-GP names an agency with its type
//! (เทศบาลตำบลวัดสิงห์) under a province; the registry has the type and the name apart. An agency joins when
//! the evidence is unambiguous, and says how; one that does not is listed with the reason, never dropped.
use std::collections::BTreeMap;

use serde::Serialize;

use super::read::Agency;
use crate::domain::codes::Code;
use crate::domain::org::{EgpAgency, OrgType, Organisation};

/// How an agency was joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "kebab-case")]
pub enum JoinHow {
    /// Its type and name, in the same province.
    Name,
    /// Its type, and its name but for one letter (ธำรงค์ for ธำมรงค์), in the same province: the only such
    /// organisation, and not one that another agency joined by its exact name.
    Spelling { registry_name: String },
    /// The same name in the same province under another type: an อบต. upgraded to a เทศบาลตำบล, or a
    /// เทศบาลตำบล to a เทศบาลเมือง, since one of the sources was written.
    Renamed { registry_type: String },
    /// Its type and name are found, once in the whole country, in another province (a province split since).
    OtherProvince { registry_province: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    pub code: String,
    pub agency: String,
    pub province: String,
    pub organisation: String,
    #[serde(flatten)]
    pub how: JoinHow,
}

/// Why an agency did not join.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum UnjoinedWhy {
    /// Its name is not an อปท.'s (a school, a hospital, a central department).
    NotLocalGovernment,
    /// An อปท.'s name that the registry does not have, as it is or renamed.
    NoRegistryEntry,
    /// Several organisations could be it.
    Ambiguous { candidates: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unjoined {
    pub code: String,
    pub agency: String,
    pub province: String,
    pub rows: usize,
    #[serde(flatten)]
    pub why: UnjoinedWhy,
}

/// What the join did: every agency considered is in `joined` or `unjoined`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct JoinReport {
    pub joined: Vec<Join>,
    pub unjoined: Vec<Unjoined>,
    /// Organisations no agency joined: they have no e-GP rows in this data.
    pub without_agency: Vec<String>,
}

const PREFIXES: [(&str, OrgType); 5] = [
    ("องค์การบริหารส่วนจังหวัด", OrgType::Pao),
    ("องค์การบริหารส่วนตำบล", OrgType::Sao),
    ("เทศบาลนคร", OrgType::CityMunicipality),
    ("เทศบาลเมือง", OrgType::TownMunicipality),
    ("เทศบาลตำบล", OrgType::SubdistrictMunicipality),
];

fn unjoined(a: &Agency, why: UnjoinedWhy) -> Unjoined {
    Unjoined { code: a.code.clone(), agency: a.name.clone(), province: a.province.clone(), rows: a.rows, why }
}

/// True when one letter added, removed or changed makes `a` into `b` (and they differ).
pub(super) fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if a == b || long.len() - short.len() > 1 || short.len() < 3 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// An อปท.'s full name split into its type and its name.
fn split(full: &str) -> Option<(OrgType, &str)> {
    PREFIXES.iter().find_map(|(p, t)| full.strip_prefix(p).map(|rest| (*t, rest.trim())))
}

/// Joins `agencies` to `orgs` (whose province names are in Thai), recording each join in the organisation's
/// `egp`.
pub fn join(orgs: &mut [Organisation], agencies: &[Agency]) -> JoinReport {
    let mut by_name: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    let mut by_full: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_base: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    let names: Vec<(String, String)> = orgs.iter().map(|o| (o.province.th.clone(), o.name.th.clone())).collect();
    for (i, (province, name)) in names.iter().enumerate() {
        by_name.entry((province.as_str(), name.as_str())).or_default().push(i);
        by_full.entry(name.as_str()).or_default().push(i);
        if let Some((_, base)) = split(name) {
            by_base.entry((province.as_str(), base)).or_default().push(i);
        }
    }
    let mut report = JoinReport::default();
    let mut found: Vec<(usize, &Agency, JoinHow)> = Vec::new();
    let mut pending = Vec::new();
    // e-GP department codes are not DLA codes: an equal code was seen naming another อปท. of the same
    // district, so codes are no evidence here. Exact names first, so that a near name cannot take theirs.
    for a in agencies {
        match by_name.get(&(a.province.as_str(), a.name.as_str())).map(Vec::as_slice).unwrap_or_default() {
            [i] => found.push((*i, a, JoinHow::Name)),
            [] => pending.push(a),
            several => report.unjoined.push(unjoined(
                a,
                UnjoinedWhy::Ambiguous { candidates: several.iter().map(|i| orgs[*i].code.clone()).collect() },
            )),
        }
    }
    let by_exact_name: std::collections::HashSet<usize> = found.iter().map(|(i, _, _)| *i).collect();
    for a in pending {
        let Some((kind, base)) = split(&a.name) else {
            report.unjoined.push(unjoined(a, UnjoinedWhy::NotLocalGovernment));
            continue;
        };
        let renamed = match by_base.get(&(a.province.as_str(), base)).map(Vec::as_slice) {
            Some([i]) if orgs[*i].org_type != kind => {
                Some((*i, JoinHow::Renamed { registry_type: orgs[*i].org_type.as_str().to_string() }))
            }
            _ => None,
        };
        let spelling = || {
            let near: Vec<usize> = names
                .iter()
                .enumerate()
                .filter(|(i, (province, name))| {
                    *province == a.province
                        && !by_exact_name.contains(i)
                        && split(name).is_some_and(|(t, b)| t == kind && one_letter_apart(b, base))
                })
                .map(|(i, _)| i)
                .collect();
            match near.as_slice() {
                [i] => Some((*i, JoinHow::Spelling { registry_name: orgs[*i].name.th.clone() })),
                _ => None,
            }
        };
        let moved = || match by_full.get(a.name.as_str()).map(Vec::as_slice) {
            Some([i]) => Some((*i, JoinHow::OtherProvince { registry_province: orgs[*i].province.th.clone() })),
            _ => None,
        };
        match renamed.or_else(spelling).or_else(moved) {
            Some((i, how)) => found.push((i, a, how)),
            None => report.unjoined.push(unjoined(a, UnjoinedWhy::NoRegistryEntry)),
        }
    }
    for (i, a, how) in found {
        let org = &mut orgs[i];
        org.egp.push(EgpAgency { code: a.code.clone(), name: a.name.clone(), province: a.province.clone() });
        report.joined.push(Join {
            code: a.code.clone(),
            agency: a.name.clone(),
            province: a.province.clone(),
            organisation: org.code.clone(),
            how,
        });
    }
    report.without_agency = orgs.iter().filter(|o| o.egp.is_empty()).map(|o| o.code.clone()).collect();
    report
}
