//! The methodology of every red flag, with its settings editable and kept in the URL.
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::query::flags::about::{About, ALL, NOT_PROOF};
use crate::query::flags::Engine;
use crate::ui::components::link::ViewLink;
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// The setting names listed in `About::settings` ("threshold = 15; procurement_methods = …").
fn setting_names(about: &About) -> Vec<&'static str> {
    about
        .settings
        .split(';')
        .filter_map(|part| part.split_once('=').map(|(k, _)| k.trim()))
        .filter(|k| !k.starts_with('['))
        .collect()
}

#[component]
pub fn FlagsPage() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let settings = view.select(|s| s.flag_settings.clone());
    let problem = Memo::new(move |_| settings.with(|s| Engine::with_overrides(s).err().map(|e| e.to_string())));
    let selected = view.select(|s| s.flag.clone());
    let reset = Signal::derive(move || ViewState { flag_settings: BTreeMap::new(), ..view.get() });
    // Opening a flag's methodology from a process scrolls to it (talking to the page only).
    Effect::new(move |_| {
        if let Some(code) = selected.get() {
            if let Some(el) = window().document().and_then(|d| d.get_element_by_id(&code)) {
                el.scroll_into_view();
            }
        }
    });
    view! {
        <section class="flags-page">
            <h1>{move || t(lang.get(), Key::Methodology)}</h1>
            <p class="not-proof" data-testid="not-proof"><strong>{move || lang.get().pick(NOT_PROOF)}</strong> " " {move || t(lang.get(), Key::NotProof)}</p>
            {move || problem.get().map(|e| view! { <p class="error-panel" role="alert">{move || t(lang.get(), Key::SettingsInvalid)} ": " {e.clone()}</p> })}
            <p><ViewLink to=reset>{move || t(lang.get(), Key::ResetSettings)}</ViewLink></p>
            {ALL.iter().map(|about| view! { <FlagCard about=about /> }).collect_view()}
        </section>
    }
}

#[component]
fn FlagCard(about: &'static About) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let names = setting_names(about);
    let inputs: Vec<(&'static str, RwSignal<String>)> = names
        .iter()
        .map(|name| {
            let key = format!("{}.{name}", about.code);
            (*name, RwSignal::new(view.0.with_untracked(|s| s.flag_settings.get(&key).cloned().unwrap_or_default())))
        })
        .collect();
    let inputs = StoredValue::new(inputs);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = view.get();
        inputs.with_value(|inputs| {
            for (name, value) in inputs {
                let key = format!("{}.{name}", about.code);
                let v = value.get_untracked();
                if v.trim().is_empty() {
                    next.flag_settings.remove(&key);
                } else {
                    next.flag_settings.insert(key, v.trim().to_string());
                }
            }
        });
        view.navigate(next);
    };
    view! {
        <article class="flag-card" id=about.code data-testid=format!("flag-{}", about.code)>
            <h2><span class="flag-code">{about.code}</span> " " {move || lang.get().pick(about.title)}</h2>
            <dl>
                <dt>{move || t(lang.get(), Key::Measures)}</dt><dd>{move || lang.get().pick(about.measures)}</dd>
                <dt>{move || t(lang.get(), Key::Formula)}</dt><dd><code>{about.formula}</code></dd>
                <dt>{move || t(lang.get(), Key::SettingsLabel)}</dt><dd><code>{about.settings}</code></dd>
                <dt>{move || t(lang.get(), Key::WhyInnocent)}</dt><dd>{move || lang.get().pick(about.innocent)}</dd>
                <dt>{move || t(lang.get(), Key::Source)}</dt><dd>{about.source}</dd>
            </dl>
            <Show when=move || inputs.with_value(|i| !i.is_empty())>
                <form class="flag-settings" on:submit=on_submit>
                    {inputs.with_value(|inputs| {
                        inputs
                            .iter()
                            .map(|(name, value)| {
                                let value = *value;
                                view! {
                                    <label>
                                        <code>{*name}</code> " "
                                        <input type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                                    </label>
                                }
                            })
                            .collect_view()
                    })}
                    <button type="submit">{move || t(lang.get(), Key::Apply)}</button>
                </form>
            </Show>
        </article>
    }
}
