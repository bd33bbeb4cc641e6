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

/// Whether checksum `got` is the catalog's `expected`, which may be upper-case or padded.
pub fn same(got: &str, expected: &str) -> bool {
    got.eq_ignore_ascii_case(expected.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_comparison() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_hex(b"abc"), abc);
        assert!(same(&sha256_hex(b"abc"), abc));
        assert!(same(&sha256_hex(b"abc"), &format!(" {} ", abc.to_uppercase())));
        assert!(!same(&sha256_hex(b"abd"), abc));
    }
}
