//! Thai 13-digit tax identification numbers (เลขประจำตัวผู้เสียภาษีอากร).

/// What a string claiming to be a tax id turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxIdCheck {
    Valid,
    /// 13 digits whose check digit does not match.
    BadCheckDigit,
    /// Not 13 digits after removing separators.
    NotATaxId,
}

/// The 13 digits of an id, with Thai digits folded and separators ("0-1055-64068-05-9") removed.
pub fn normalise(id: &str) -> Option<String> {
    let digits: String = crate::domain::text::fold_thai_digits(id).chars().filter(|c| !matches!(c, '-' | ' ' | '.')).collect();
    (digits.len() == 13 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// d13 = (11 − Σ dᵢ·(14−i) mod 11) mod 10.
pub fn check(id: &str) -> TaxIdCheck {
    let Some(digits) = normalise(id) else {
        return TaxIdCheck::NotATaxId;
    };
    let d: Vec<u32> = digits.bytes().map(|b| (b - b'0') as u32).collect();
    let sum: u32 = (0..12).map(|i| d[i] * (13 - i as u32)).sum();
    if (11 - sum % 11) % 10 == d[12] {
        TaxIdCheck::Valid
    } else {
        TaxIdCheck::BadCheckDigit
    }
}

/// Appends the check digit to 12 digits (used by the demo-data generator).
pub fn with_check_digit(first12: &str) -> String {
    let sum: u32 = first12.bytes().enumerate().map(|(i, b)| (b - b'0') as u32 * (13 - i as u32)).sum();
    format!("{first12}{}", (11 - sum % 11) % 10)
}

/// A party's Thai tax id, where it gives one: its identifier or an additional identifier with the Revenue
/// Department's scheme (`TH-RD`), else an id of the form `TH-RD-<13 digits>`.
pub fn of_party(party: &crate::domain::ocds::Party) -> Option<String> {
    let rd = |i: &&crate::domain::ocds::Identifier| i.scheme.as_deref() == Some("TH-RD") && i.id.is_some();
    party
        .identifier
        .iter()
        .chain(&party.additional_identifiers)
        .find(rd)
        .and_then(|i| i.id.clone())
        .or_else(|| party.id.as_deref()?.strip_prefix("TH-RD-").map(str::to_string))
}

/// "0-1055-64068-05-9", the way the Revenue Department prints it.
pub fn format(id: &str) -> String {
    match normalise(id) {
        Some(d) => format!("{}-{}-{}-{}-{}", &d[0..1], &d[1..5], &d[5..10], &d[10..12], &d[12..13]),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_the_documented_example() {
        assert_eq!(check("0105564068059"), TaxIdCheck::Valid);
        assert_eq!(check("0-1055-64068-05-9"), TaxIdCheck::Valid);
        assert_eq!(check("0105564068058"), TaxIdCheck::BadCheckDigit);
        assert_eq!(check("01055640680"), TaxIdCheck::NotATaxId);
        assert_eq!(with_check_digit("010556406805"), "0105564068059");
        assert_eq!(format("0105564068059"), "0-1055-64068-05-9");
    }

    #[test]
    fn a_party_gives_its_tax_id_through_the_revenue_departments_scheme() {
        use crate::domain::ocds::{Identifier, Party};
        let rd = |id: &str| Identifier { scheme: Some("TH-RD".into()), id: Some(id.into()), legal_name: None };
        let mut p = Party { id: Some("S-1".into()), ..Party::default() };
        assert_eq!(of_party(&p), None);
        p.additional_identifiers.push(rd("0105564068059"));
        assert_eq!(of_party(&p).as_deref(), Some("0105564068059"));
        p.identifier = Some(Identifier { scheme: Some("XI-OTHER".into()), id: Some("9".into()), legal_name: None });
        assert_eq!(of_party(&p).as_deref(), Some("0105564068059"));
        let by_id = Party { id: Some("TH-RD-0994000164882".into()), ..Party::default() };
        assert_eq!(of_party(&by_id).as_deref(), Some("0994000164882"));
    }
}
