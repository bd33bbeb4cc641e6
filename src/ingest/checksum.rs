//! SHA-256 of published files: `publish` writes it into the catalog, and the app refuses a file whose bytes
//! do not match (a half-copied upload, a stale cache, a file changed after publishing).
use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256, as the catalog's `sha256` holds it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// None when `bytes` match `expected` (or nothing is expected); else the checksum they have.
pub fn mismatch(bytes: &[u8], expected: Option<&str>) -> Option<String> {
    let expected = expected?.trim();
    let got = sha256_hex(bytes);
    (!got.eq_ignore_ascii_case(expected)).then_some(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_mismatch() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_hex(b"abc"), abc);
        assert_eq!(mismatch(b"abc", Some(abc)), None);
        assert_eq!(mismatch(b"abc", Some(&abc.to_uppercase())), None);
        assert_eq!(mismatch(b"abd", Some(abc)).as_deref(), Some(sha256_hex(b"abd").as_str()));
        assert_eq!(mismatch(b"anything", None), None);
    }
}
