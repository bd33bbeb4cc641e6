//! The Leptos UI: the only code that touches the browser. Components render state and send intents;
//! everything they show is computed by the core (`ingest`, `query`, `charts`).
pub mod app;
pub mod components;
pub mod facets;
pub mod fetch;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod query_string;
pub mod state;
pub mod url_state;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
