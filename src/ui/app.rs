//! The shell of the app: header and navigation, the catalog's loading, and which page shows.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::{Catalog, CatalogPart};
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::domain::org::province_of_code;
use crate::ui::components::error_panel::ErrorPanel;
use crate::ui::components::link::ViewLink;
use crate::ui::components::notice::IgnoredNotice;
use crate::ui::fetch::{fetch_bytes, fetch_verified, LoadError};
use crate::ui::i18n::{t, Key};
use crate::ui::pages::check::CheckPage;
use crate::ui::pages::explorer::Explorer;
use crate::ui::pages::flags::FlagsPage;
use crate::ui::state::{provide_view, use_view, LoadedCatalog};
use crate::ui::url_state::{CatalogNeed, DataSource, Page, ViewState};

/// The catalog of a data source, relative to index.html.
pub fn catalog_url(source: DataSource) -> String {
    format!("{}catalog.json", source.folder())
}

/// Parts of a split catalog fetched at once.
const PARTS_IN_FLIGHT: usize = 4;

/// The catalog, with the parts of a country's (cut per province by `publish::split`) that the view needs: an
/// organisation's page reads its province's part alone, unless its organisation is not there. Each part is
/// checked against the SHA-256 the catalog lists and read in its own task, so no task parses a whole country.
pub async fn load_catalog(source: DataSource, need: CatalogNeed) -> Result<Arc<Catalog>, LoadError> {
    let url = catalog_url(source);
    let bytes = fetch_bytes(&url).await?;
    let parsed = crate::ingest::catalog::parse(&url, &bytes);
    let mut catalog = parsed.values.ok_or(LoadError::Invalid { url, issues: parsed.issues })?;
    let parts = std::mem::take(&mut catalog.parts);
    let org = match &need {
        CatalogNeed::Org(code) => Some(code.as_str()),
        CatalogNeed::Whole => None,
    };
    let province = org.and_then(province_of_code).filter(|p| parts.iter().any(|part| part.province_code == *p));
    let (first, rest): (Vec<&CatalogPart>, Vec<&CatalogPart>) =
        parts.iter().partition(|part| province == Some(part.province_code.as_str()));
    read_parts(&mut catalog, source.folder(), &first).await?;
    if province.is_none() || org.is_some_and(|code| catalog.organisation(code).is_none()) {
        read_parts(&mut catalog, source.folder(), &rest).await?;
    }
    catalog.parts = parts;
    Ok(Arc::new(catalog))
}

async fn read_parts(catalog: &mut Catalog, folder: &str, parts: &[&CatalogPart]) -> Result<(), LoadError> {
    use futures::StreamExt;
    let mut arriving = futures::stream::iter(parts.iter().map(|p| async move {
        let url = format!("{folder}{}", p.url);
        let bytes = fetch_verified(&url, Some(&p.sha256)).await;
        (url, bytes)
    }))
    .buffered(PARTS_IN_FLIGHT);
    while let Some((url, bytes)) = arriving.next().await {
        let parsed = crate::ingest::catalog::parse(&url, &bytes?);
        catalog.absorb(parsed.values.ok_or(LoadError::Invalid { url, issues: parsed.issues })?);
        // Parts that arrived together would otherwise be read in one task (futures resume as microtasks).
        crate::ui::fetch::next_tick().await;
    }
    Ok(())
}

#[component]
pub fn App() -> impl IntoView {
    let view = provide_view();
    let lang = view.lang();
    // The document's language and title follow the view (talking to the outside world only).
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = window().document() {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", l.code());
            }
            doc.set_title(&format!("{} · {}", t(l, Key::AppName), t(Lang::En, Key::AppName)));
        }
    });
    // An embedded view is the view alone (`style/embed.css` keys on these classes).
    let embed = view.select(|s| (s.embed, s.embed && s.chart.is_some()));
    Effect::new(move |_| {
        let (whole, chart) = embed.get();
        if let Some(root) = window().document().and_then(|d| d.document_element()) {
            let classes = root.class_list();
            let _ = classes.toggle_with_force("embed", whole);
            let _ = classes.toggle_with_force("embed-chart", chart);
        }
    });
    // Whether a source's catalog is cut per province, once read: an uncut one is whole whatever the page, and
    // reading it again would rebuild every page below (and refetch their data).
    let cut = RwSignal::new(None::<(DataSource, bool)>);
    // Once read whole for a source, the catalog is not read again for a narrower page.
    let need = Memo::new(move |prev: Option<&(DataSource, CatalogNeed)>| {
        let (data, next) = view.with(|s| (s.data, s.catalog_need()));
        match prev {
            Some((was, need)) if *was == data && cut.get() == Some((data, false)) => (data, need.clone()),
            Some((was, need)) if *was == data => (data, need.clone().then(next)),
            _ => (data, next),
        }
    });
    let catalog = LocalResource::new(move || {
        let (source, need) = need.get();
        async move {
            let catalog = load_catalog(source, need).await;
            if let Ok(c) = &catalog {
                cut.set(Some((source, !c.parts.is_empty())));
            }
            catalog
        }
    });
    let page = view.select(|s| s.page);
    let other_lang = Signal::derive(move || view.with(|s| s.with_lang(s.lang.other())));
    let to_check = Signal::derive(move || ViewState { page: Page::Check, org: None, ..view.get() }.refined());
    let to_flags = Signal::derive(move || ViewState { page: Page::Flags, ..view.get() }.refined());
    let to_compare = Signal::derive(move || {
        ViewState { page: Page::Compare, org: None, process: None, supplier: None, ..view.get() }.refined()
    });
    let to_home = Signal::derive(move || view.with(|s| ViewState { lang: s.lang, data: s.data, ..ViewState::default() }));
    // The other catalog, from its home page: codes of one need not exist in the other.
    let other_data = move || view.with(|s| if s.data == DataSource::Real { DataSource::Demo } else { DataSource::Real });
    let to_other_data =
        Signal::derive(move || view.with(|s| ViewState { lang: s.lang, data: other_data(), ..ViewState::default() }));
    view! {
        <header class="site-header">
            <ViewLink to=to_home class="brand">
                <span class="brand-name">{move || t(lang.get(), Key::AppName)}</span>
            </ViewLink>
            <p class="tagline">{move || t(lang.get(), Key::Tagline)}</p>
            <nav class="top-nav">
                <ViewLink to=to_compare>{move || Page::Compare.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_flags current=false>{move || Page::Flags.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_check>{move || Page::Check.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_other_data>
                    <span data-testid="data-switch">{move || other_data().label().get(lang.get())}</span>
                </ViewLink>
                <ViewLink to=other_lang class="lang-switch">
                    <span data-testid="lang-switch">{move || t(lang.get(), Key::SwitchLanguage)}</span>
                </ViewLink>
            </nav>
        </header>
        <main>
            <IgnoredNotice />
            {move || match page.get() {
                Page::Check => view! { <CheckPage /> }.into_any(),
                Page::Flags => view! { <FlagsPage /> }.into_any(),
                Page::Completeness => view! { <crate::ui::pages::completeness::CompletenessPage /> }.into_any(),
                Page::Explorer | Page::Compare => view! {
                    // Suspense, not Transition: a page that needs more of the catalog than the last one says it is
                    // loading instead of showing figures of the part already read.
                    <Suspense fallback=move || view! { <p class="loading">{move || t(lang.get(), Key::Loading)}</p> }>
                        {move || Suspend::new(async move {
                            match catalog.await {
                                Ok(c) => view! { <CatalogLoaded catalog=c /> }.into_any(),
                                Err(e) => view! { <ErrorPanel title=Key::ErrorCatalogTitle error=e lang=lang /> }.into_any(),
                            }
                        })}
                    </Suspense>
                }
                .into_any(),
            }}
        </main>
    }
}

#[component]
fn CatalogLoaded(catalog: Arc<Catalog>) -> impl IntoView {
    use_view().know_catalog(catalog.clone());
    provide_context(LoadedCatalog(catalog));
    view! { <Explorer /> }
}
