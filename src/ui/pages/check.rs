//! "Check my data": a publisher drops files (or gives a URL) and sees the validator's report, grouped
//! by file and record. The files never leave the browser: they are read and checked by the core here.
use leptos::prelude::*;

use crate::domain::codes::Code;
use wasm_bindgen::JsCast;

use crate::domain::lang::Lang;
use crate::ingest::validate::{group_by_record, validate, Report};
use crate::ui::components::error_panel::ErrorPanel;
use crate::ui::fetch::{fetch_bytes, LoadError};
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;

async fn read_file(file: web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn check_files(files: web_sys::FileList, reports: RwSignal<Vec<Report>>) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        for file in files {
            let name = file.name();
            if let Some(bytes) = read_file(file).await {
                let report = validate(&name, &bytes, None);
                reports.update(|r| r.push(report));
            }
        }
    });
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let lang = use_view().lang();
    let reports: RwSignal<Vec<Report>> = RwSignal::new(Vec::new());
    let url = RwSignal::new(String::new());
    let url_error = RwSignal::new(None::<LoadError>);
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            if let Some(files) = input.files() {
                check_files(files, reports);
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            check_files(files, reports);
        }
    };
    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = url.get_untracked();
        if target.trim().is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            match fetch_bytes(&target).await {
                Ok(bytes) => {
                    url_error.set(None);
                    reports.update(|r| r.push(validate(&target, &bytes, None)));
                }
                Err(e) => url_error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="check-page">
            <h1>{move || crate::ui::url_state::Page::Check.label().get(lang.get())}</h1>
            <p>{move || t(lang.get(), Key::CheckDataIntro)}</p>
            <p class="privacy">{move || t(lang.get(), Key::CheckDataPrivacy)}</p>
            <label class="dropzone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <span>{move || t(lang.get(), Key::CheckDataDrop)}</span>
                <input type="file" multiple accept=".json,.jsonl,application/json" data-testid="check-files" on:change=on_change />
            </label>
            <form class="check-url" on:submit=on_url>
                <label>
                    {move || t(lang.get(), Key::CheckDataUrl)} " "
                    <input type="url" prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev)) />
                </label>
                <button type="submit">{move || t(lang.get(), Key::CheckDataRun)}</button>
                {move || url_error.get().map(|e| view! { <ErrorPanel title=Key::ErrorFileTitle error=e lang=lang /> })}
            </form>
            <div data-testid="check-reports">
                {move || {
                    let l = lang.get();
                    reports.with(|rs| rs.iter().map(|r| report_view(r, l)).collect_view())
                }}
            </div>
        </section>
    }
}

fn report_view(report: &Report, lang: Lang) -> impl IntoView {
    let groups = group_by_record(&report.issues)
        .into_iter()
        .map(|(record, issues)| {
            let rows = issues
                .into_iter()
                .map(|i| {
                    view! {
                        <tr class=format!("issue {}", i.severity.as_str())>
                            <td>{i.severity.label().get(lang)}</td>
                            <td><code>{i.path.clone()}</code></td>
                            <td>{i.message(lang).to_string()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="record"><th colspan="3" scope="rowgroup">{record}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <article class="report" data-testid="report">
            <h2>{report.file.clone()}</h2>
            <p>
                {t(lang, Key::Format)} ": " {report.format.label().get(lang)} " · "
                {t(lang, Key::RecordsRead)} " " {report.counts.read} ", "
                {t(lang, Key::RecordsAccepted)} " " {report.counts.accepted} ", "
                {t(lang, Key::RecordsRejected)} " " {report.counts.rejected} " · "
                <span data-testid="report-errors">{t(lang, Key::Errors)} " " {report.errors}</span> ", "
                {t(lang, Key::Warnings)} " " {report.warnings}
            </p>
            {if report.issues.is_empty() {
                view! { <p>{t(lang, Key::NoIssues)}</p> }.into_any()
            } else {
                view! {
                    <table class="issues-table">
                        <thead><tr><th scope="col">{t(lang, Key::Severity)}</th><th scope="col">{t(lang, Key::Path)}</th><th scope="col">{t(lang, Key::Message)}</th></tr></thead>
                        {groups}
                    </table>
                }
                .into_any()
            }}
        </article>
    }
}
