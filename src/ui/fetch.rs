//! Fetching data files relative to index.html, with errors as a typed enum the pages translate.
use gloo_net::http::Request;

use crate::ingest::checksum;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotFound {
        url: String,
    },
    Http {
        url: String,
        status: u16,
    },
    Network {
        url: String,
        detail: String,
    },
    /// The file's bytes are not those the catalog lists (its SHA-256 differs).
    Checksum {
        url: String,
        expected: String,
        got: String,
    },
    /// The file was fetched but cannot be read; the issues say why.
    Invalid {
        url: String,
        issues: Vec<crate::domain::issue::Issue>,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound { url } => write!(f, "{url}: not found"),
            LoadError::Http { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Network { url, detail } => write!(f, "{url}: {detail}"),
            LoadError::Checksum { url, expected, got } => write!(f, "{url}: SHA-256 {got}, the catalog says {expected}"),
            LoadError::Invalid { url, issues } => write!(f, "{url}: {} issues", issues.len()),
        }
    }
}

impl std::error::Error for LoadError {}

/// GETs a file. A relative `url` resolves against the document, so the app works under any sub-path.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let response =
        Request::get(url).send().await.map_err(|e| LoadError::Network { url: url.to_string(), detail: e.to_string() })?;
    match response.status() {
        200..=299 => response.binary().await.map_err(|e| LoadError::Network { url: url.to_string(), detail: e.to_string() }),
        404 => Err(LoadError::NotFound { url: url.to_string() }),
        status => Err(LoadError::Http { url: url.to_string(), status }),
    }
}

/// GETs a published file and checks it against the SHA-256 its catalog lists.
pub async fn fetch_verified(url: &str, sha256: Option<&str>) -> Result<Vec<u8>, LoadError> {
    let bytes = fetch_bytes(url).await?;
    let Some(expected) = sha256 else { return Ok(bytes) };
    let got = sha256_hex(&bytes).await;
    if checksum::same(&got, expected) {
        Ok(bytes)
    } else {
        Err(LoadError::Checksum { url: url.to_string(), expected: expected.to_string(), got })
    }
}

/// The browser's own SHA-256 where it has one: SubtleCrypto runs natively and off the main thread, where the
/// wasm one took 4.4 s of main thread over the national shards (docs/SHARDS.md). A page served over plain http
/// from another host is not a secure context and has no `crypto.subtle`; it gets the wasm one.
async fn sha256_hex(bytes: &[u8]) -> String {
    if let Some(promise) = subtle_crypto().and_then(|subtle| subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()) {
        if let Ok(digest) = wasm_bindgen_futures::JsFuture::from(promise).await {
            return checksum::hex(&js_sys::Uint8Array::new(&digest).to_vec());
        }
    }
    checksum::sha256_hex(bytes)
}

fn subtle_crypto() -> Option<web_sys::SubtleCrypto> {
    use wasm_bindgen::JsCast;
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
    subtle.is_object().then(|| subtle.unchecked_into())
}

/// GETs several published files of `folder` at once, each checked against its SHA-256, in the order given.
pub async fn fetch_all_verified(folder: &str, files: &[(String, Option<String>)]) -> Vec<(String, Result<Vec<u8>, LoadError>)> {
    futures::future::join_all(
        files
            .iter()
            .map(|(url, sha)| async move { (url.clone(), fetch_verified(&format!("{folder}{url}"), sha.as_deref()).await) }),
    )
    .await
}

/// Gives the browser a turn (a macrotask): lets it paint and handle input between two pieces of work.
pub async fn next_tick() {
    sleep(0).await;
}

/// Waits `ms` milliseconds without holding the main thread.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
