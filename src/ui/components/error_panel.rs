//! Load errors and a file's issues, explained in the reader's language.
use leptos::prelude::*;

use crate::domain::issue::Issue;
use crate::domain::lang::Lang;
use crate::ui::fetch::LoadError;
use crate::ui::i18n::{t, Key};

/// A load error explained in the reader's language, with the file and, for invalid files, each issue.
#[component]
pub fn ErrorPanel(title: Key, error: LoadError, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let error = StoredValue::new(error);
    view! {
        <section class="error-panel" role="alert" data-testid="load-error">
            <h2>{move || t(lang.get(), title)}</h2>
            {move || {
                let lang = lang.get();
                error.with_value(|e| match e {
                    LoadError::NotFound { url } => view! { <p>{t(lang, Key::ErrorNotFound)} " " <code>{url.clone()}</code></p> }.into_any(),
                    LoadError::Http { url, status } => view! { <p>{t(lang, Key::ErrorHttp)} " " {*status} ": " <code>{url.clone()}</code></p> }.into_any(),
                    // The browser's own words for the failure are kept for support, not shown as text.
                    LoadError::Network { url, detail } => view! { <p title=detail.clone()>{t(lang, Key::ErrorNetwork)} ": " <code>{url.clone()}</code></p> }.into_any(),
                    LoadError::Checksum { url, expected, got } => view! {
                        <p>{t(lang, Key::ErrorChecksum)} ": " <code>{url.clone()}</code></p>
                        <p class="checksum"><code>{format!("SHA-256 {got} ≠ {expected}")}</code></p>
                    }
                    .into_any(),
                    LoadError::Invalid { url, issues } => {
                        let invalid_json = issues.iter().any(|i| i.code == "bad-json" || i.code == "not-utf-8");
                        let summary = if invalid_json { Key::ErrorNotJson } else { Key::ErrorNotCatalog };
                        view! {
                            <p>{t(lang, summary)} ": " <code>{url.clone()}</code></p>
                            <IssueList issues=issues.clone() lang=lang />
                        }
                        .into_any()
                    }
                })
            }}
        </section>
    }
}

#[component]
pub fn IssueList(issues: Vec<Issue>, lang: Lang) -> impl IntoView {
    view! {
        <ul class="issues">
            {issues
                .into_iter()
                .map(|i| {
                    let class = format!("issue {}", i.severity.as_str());
                    view! {
                        <li class=class>
                            <span class="severity">{i.severity.label().get(lang)}</span>
                            " "
                            <code>{i.path.clone()}</code>
                            " "
                            <span>{i.message(lang).to_string()}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
