//! One identity for an organisation: its catalog code (the DLA code; for Bangkok its e-GP code). Whatever a
//! source calls a buyer — the catalog code itself, `TH-DLA-<code>`, or an e-GP agency by name and province —
//! is resolved here, once, when data is loaded or published. Flags, the organisation page, budgets,
//! assessments and peer groups then all key on the same code.
use std::collections::{HashMap, HashSet};

use crate::domain::ocds::OrgRef;
use crate::domain::org::Organisation;

/// The scheme prefix of buyer ids that name an e-GP agency (`TH-EGP-AGENCY:<province>:<agency>`).
pub const EGP_AGENCY: &str = "TH-EGP-AGENCY:";
/// The scheme prefix of buyer ids that give a DLA code (`TH-DLA-6620108`).
pub const DLA: &str = "TH-DLA-";

#[derive(Debug, Default, Clone)]
pub struct Identity {
    codes: HashSet<String>,
    /// (province, agency name as e-GP writes it) → catalog code.
    egp: HashMap<(String, String), String>,
    /// Full Thai name → catalog codes (several when the name repeats across provinces).
    names: HashMap<String, Vec<String>>,
}

impl Identity {
    pub fn new(organisations: &[Organisation]) -> Identity {
        let mut id = Identity::default();
        for o in organisations {
            id.codes.insert(o.code.clone());
            id.names.entry(o.name.th.clone()).or_default().push(o.code.clone());
            for a in &o.egp {
                id.egp.insert((a.province.clone(), a.name.clone()), o.code.clone());
            }
        }
        id
    }

    /// The catalog code a buyer is, if the catalog knows it.
    pub fn resolve(&self, buyer: &OrgRef) -> Option<String> {
        let id = buyer.id.as_deref()?.trim();
        if self.codes.contains(id) {
            return Some(id.to_string());
        }
        if let Some(code) = id.strip_prefix(DLA).filter(|c| self.codes.contains(*c)) {
            return Some(code.to_string());
        }
        let (province, name) = id.strip_prefix(EGP_AGENCY)?.split_once(':')?;
        self.egp.get(&(province.to_string(), name.to_string())).cloned()
    }

    /// The catalog code of a file that names its organisation by a code or a scheme-prefixed code, or else by
    /// a full Thai name that only one organisation of the catalog has (a budget ordinance names its อบจ.).
    pub fn resolve_named(&self, code: &str, full_name: Option<&str>) -> Option<String> {
        self.resolve(&OrgRef { id: Some(code.to_string()), name: None }).or_else(|| {
            match self.names.get(full_name?.trim())?.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::EgpAgency;

    #[test]
    fn every_way_a_source_names_a_buyer_resolves_to_the_catalog_code() {
        let mut orgs = crate::demo::orgs::organisations();
        orgs[0].egp.push(EgpAgency {
            code: "E1".into(), name: "เทศบาลเมืองกำแพงเพชร".into(), province: "กำแพงเพชร".into()
        });
        let code = orgs[0].code.clone();
        let id = Identity::new(&orgs);
        let buyer = |id: &str| OrgRef { id: Some(id.into()), name: None };
        assert_eq!(id.resolve(&buyer(&code)), Some(code.clone()));
        assert_eq!(id.resolve(&buyer(&format!("TH-DLA-{code}"))), Some(code.clone()));
        assert_eq!(id.resolve(&buyer("TH-EGP-AGENCY:กำแพงเพชร:เทศบาลเมืองกำแพงเพชร")), Some(code));
        assert_eq!(
            id.resolve(&buyer("TH-EGP-AGENCY:ตาก:เทศบาลเมืองกำแพงเพชร")),
            None,
            "the same name in another province is not it"
        );
        assert_eq!(id.resolve(&buyer("someone-else")), None);
        assert_eq!(id.resolve(&OrgRef::default()), None);
        let name = orgs[0].name.th.clone();
        assert_eq!(id.resolve_named("อบจ.x", Some(&name)), Some(orgs[0].code.clone()), "by its unique full name");
        assert_eq!(id.resolve_named("อบจ.x", Some("ไม่มีชื่อนี้")), None);
    }
}
