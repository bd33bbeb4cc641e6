//! Where a citizen turns from an organisation's page: the complaint channels (its province's ศูนย์ดำรงธรรม,
//! the publisher's national lines such as 1567 and the NACC's 1205) and its participation centre, each with
//! the links a page may make of it. A phone becomes a `tel:` link of its digits only, a web address only when it
//! is http(s), so a data file can never make the page run script.
use crate::domain::catalog::Catalog;
use crate::domain::org::{Contact, LocalText};
use crate::domain::text::safe_link;

/// One channel, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub name: LocalText,
    /// The number as published, and its `tel:` target.
    pub phone: Option<(String, String)>,
    pub url: Option<String>,
    pub email: Option<(String, String)>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WhereToTurn {
    pub complaints: Vec<Channel>,
    /// None when the catalog lists no participation centre for the organisation: the page says so.
    pub participation: Option<Channel>,
}

/// The organisation's own channels first, then the publisher's; the same name and number only once.
pub fn where_to_turn(catalog: &Catalog, org: &str) -> WhereToTurn {
    let Some(o) = catalog.organisation(org) else { return WhereToTurn::default() };
    let mut complaints: Vec<Channel> = Vec::new();
    for c in o.complaints.iter().chain(&catalog.publisher.complaints) {
        let channel = channel(c);
        if !complaints.iter().any(|k| k.name.th == channel.name.th && k.phone == channel.phone) {
            complaints.push(channel);
        }
    }
    WhereToTurn { complaints, participation: o.participation.as_ref().map(channel) }
}

fn channel(c: &Contact) -> Channel {
    let phone = c.phone.as_ref().and_then(|p| {
        // The number up to whatever follows it (an extension, "ต่อ 12", is for the operator, not the dialler).
        let number = p.trim().split(|ch: char| !(ch.is_ascii_digit() || " -+()".contains(ch))).next().unwrap_or("");
        let digits: String = number.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
        (!digits.is_empty()).then(|| (p.clone(), format!("tel:{digits}")))
    });
    let email = c.email.as_ref().filter(|e| is_plain_email(e)).map(|e| (e.clone(), format!("mailto:{e}")));
    Channel {
        name: c.name.clone(),
        phone,
        url: c.url.as_deref().and_then(safe_link).map(str::to_string),
        email,
        address: c.address.clone(),
    }
}

/// `name@host.tld` with nothing that could turn a mailto link into something else.
fn is_plain_email(e: &str) -> bool {
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
    e.split_once('@').is_some_and(|(user, host)| ok(user) && ok(host) && host.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let mut c = Catalog {
            catalog_version: crate::domain::catalog::CATALOG_VERSION.into(),
            publisher: crate::domain::catalog::Publisher {
                name: LocalText::both("ผู้เผยแพร่", "Publisher"),
                website: None,
                complaints: Vec::new(),
                participation: None,
            },
            organisations: crate::demo::orgs::organisations(),
            datasets: Vec::new(),
            demonstration: false,
            notice: None,
            parts: Vec::new(),
        };
        let o = &mut c.organisations[0];
        o.complaints = vec![Contact {
            name: LocalText::both("ศูนย์ดำรงธรรมจังหวัด", "Centre"),
            phone: Some("1567".into()),
            ..Contact::default()
        }];
        o.participation = Some(Contact {
            name: LocalText::both("ศูนย์ส่งเสริมการมีส่วนร่วม", "Participation centre"),
            phone: Some("0 5571 1234 ต่อ 12".into()),
            url: Some("javascript:alert(1)".into()),
            email: Some("x@y.go.th?bcc=z@evil".into()),
            address: None,
        });
        c.publisher.complaints = vec![
            Contact {
                name: LocalText::both("ศูนย์ดำรงธรรมจังหวัด", "Centre"), phone: Some("1567".into()), ..Contact::default()
            },
            Contact {
                name: LocalText::both("ป.ป.ช.", "NACC"),
                phone: Some("1205".into()),
                url: Some("https://www.nacc.go.th".into()),
                ..Contact::default()
            },
        ];
        c
    }

    #[test]
    fn own_channels_then_the_publishers_each_once_with_only_safe_links() {
        let c = catalog();
        let code = c.organisations[0].code.clone();
        let w = where_to_turn(&c, &code);
        let phones: Vec<&str> = w.complaints.iter().filter_map(|k| k.phone.as_ref().map(|p| p.1.as_str())).collect();
        assert_eq!(phones, ["tel:1567", "tel:1205"]);
        assert_eq!(w.complaints[1].url.as_deref(), Some("https://www.nacc.go.th"));
        let p = w.participation.unwrap();
        assert_eq!(p.phone.unwrap().1, "tel:055711234", "digits only; the extension is not dialled");
        assert_eq!(p.url, None, "javascript: is never a link");
        assert_eq!(p.email, None, "a mailto with extra headers is never a link");
    }

    #[test]
    fn an_organisation_without_a_participation_centre_says_none_and_unknown_codes_get_nothing() {
        let mut c = catalog();
        c.organisations[0].participation = None;
        let code = c.organisations[0].code.clone();
        assert_eq!(where_to_turn(&c, &code).participation, None);
        assert_eq!(where_to_turn(&c, "no-such-code"), WhereToTurn::default());
    }
}
