//! Peers: organisations fair to compare with each other. The same type in the same province, by catalog code.
use std::collections::HashMap;

use crate::domain::codes::Code;
use crate::domain::org::Organisation;

/// Catalog code → its peer group's key (`type/province`).
pub fn peer_groups(organisations: &[Organisation]) -> HashMap<String, String> {
    organisations.iter().map(|o| (o.code.clone(), format!("{}/{}", o.org_type.as_str(), o.province.th))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peers_share_type_and_province() {
        let orgs = crate::demo::orgs::organisations();
        let groups = peer_groups(&orgs);
        assert_eq!(groups.len(), orgs.len());
        for a in &orgs {
            for b in &orgs {
                let same = a.org_type == b.org_type && a.province == b.province;
                assert_eq!(groups[&a.code] == groups[&b.code], same, "{} {}", a.code, b.code);
            }
        }
    }
}
