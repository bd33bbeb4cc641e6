//! The methodology of every red flag, from the registry: what it measures, how, why it can be innocent, what
//! data it needs, and a form for its settings (typed by each setting's kind), kept in the URL.
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::query::flags::registry::{Default, Kind, Spec};
use crate::query::flags::settings::SettingsError;
use crate::query::flags::{Engine, NOT_PROOF, SPECS};
use crate::ui::components::link::ViewLink;
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// A refused setting, in the reader's language.
pub fn settings_error(lang: Lang, e: &SettingsError) -> String {
    match e {
        SettingsError::Syntax { line, text } => format!("{} {line}: {text}", t(lang, Key::SettingsErrorSyntax)),
        SettingsError::UnknownSection(s) => format!("{}: {s}", t(lang, Key::SettingsErrorUnknownIndicator)),
        SettingsError::UnknownSetting { section, key } => {
            format!("{}: {section}.{key}", t(lang, Key::SettingsErrorUnknownSetting))
        }
        SettingsError::UnknownGlobal(k) => format!("{}: {k}", t(lang, Key::SettingsErrorUnknownSetting)),
        SettingsError::BadValue { section, key, value, kind } => {
            format!("{section}.{key} = {value}: {} {}", t(lang, Key::SettingsErrorBadValue), kind.label().get(lang))
        }
        SettingsError::NotASetting(k) => format!("{}: {k}", t(lang, Key::SettingsErrorNotASetting)),
    }
}

/// How a setting's default is said.
fn default_text(lang: Lang, default: Default) -> String {
    match default {
        Default::Value(v) => format!("{} {v}", t(lang, Key::SettingDefault)),
        Default::FromData(how) => format!("{} {}", t(lang, Key::SettingFromData), how.get(lang)),
        Default::Everything => t(lang, Key::SettingEverything).to_string(),
    }
}

#[component]
pub fn FlagsPage() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let settings = view.select(|s| s.flag_settings.clone());
    let problem = Memo::new(move |_| settings.with(|s| Engine::with_overrides(s).err()));
    let selected = view.select(|s| s.flag);
    let reset = Signal::derive(move || ViewState { flag_settings: BTreeMap::new(), ..view.get() });
    // Opening a flag's methodology from a process scrolls to it (talking to the page only).
    Effect::new(move |_| {
        if let Some(code) = selected.get() {
            if let Some(el) = window().document().and_then(|d| d.get_element_by_id(code.as_str())) {
                el.scroll_into_view();
            }
        }
    });
    view! {
        <section class="flags-page">
            <h1>{move || t(lang.get(), Key::Methodology)}</h1>
            <p class="not-proof" data-testid="not-proof"><strong>{move || NOT_PROOF.get(lang.get())}</strong> " " {move || t(lang.get(), Key::NotProof)}</p>
            {move || problem.get().map(|e| view! { <p class="error-panel" role="alert" data-testid="settings-error">{move || t(lang.get(), Key::SettingsInvalid)} ": " {move || settings_error(lang.get(), &e)}</p> })}
            <p><ViewLink to=reset>{move || t(lang.get(), Key::ResetSettings)}</ViewLink></p>
            {SPECS.iter().map(|spec| view! { <FlagCard spec=spec /> }).collect_view()}
        </section>
    }
}

#[component]
fn FlagCard(spec: &'static Spec) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let code = spec.code.as_str();
    // One input per setting the form can take; a per-details map has a section of its own (see its help).
    let inputs: Vec<(&'static crate::query::flags::registry::Setting, RwSignal<String>)> = spec
        .settings
        .iter()
        .filter(|s| s.kind != Kind::DaysByDetails)
        .map(|s| {
            let key = format!("{code}.{}", s.name);
            (s, RwSignal::new(view.with(|v| v.flag_settings.get(&key).cloned().unwrap_or_default())))
        })
        .collect();
    let inputs = StoredValue::new(inputs);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = view.get();
        inputs.with_value(|inputs| {
            for (setting, value) in inputs {
                let key = format!("{code}.{}", setting.name);
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
    let settings_list = move || {
        let l = lang.get();
        let items = spec
            .settings
            .iter()
            .map(|s| view! { <li><code>{s.name}</code> ": " {s.help.get(l)} " (" {s.kind.label().get(l)} "; " {default_text(l, s.default)} ")"</li> })
            .collect_view();
        if spec.settings.is_empty() {
            view! { <span>{t(l, Key::NoSettings)}</span> }.into_any()
        } else {
            view! { <ul class="setting-list">{items}</ul> }.into_any()
        }
    };
    view! {
        <article class="flag-card" id=code data-testid=format!("flag-{code}")>
            <h2><span class="flag-code">{code}</span> " " {move || spec.title.get(lang.get())}</h2>
            <dl>
                <dt>{move || t(lang.get(), Key::Measures)}</dt><dd>{move || spec.measures.get(lang.get())}</dd>
                <dt>{move || t(lang.get(), Key::Formula)}</dt><dd><code>{spec.formula}</code></dd>
                <dt>{move || t(lang.get(), Key::FlagNeeds)}</dt><dd>{move || spec.needs.label().get(lang.get())}</dd>
                <dt>{move || t(lang.get(), Key::SettingsLabel)}</dt><dd>{settings_list}</dd>
                <dt>{move || t(lang.get(), Key::WhyInnocent)}</dt><dd>{move || spec.innocent.get(lang.get())}</dd>
                <dt>{move || t(lang.get(), Key::Source)}</dt><dd>{move || spec.source.label().get(lang.get())}</dd>
            </dl>
            <Show when=move || inputs.with_value(|i| !i.is_empty())>
                <form class="flag-settings" on:submit=on_submit>
                    {inputs.with_value(|inputs| {
                        inputs
                            .iter()
                            .map(|(setting, value)| {
                                let (setting, value): (&'static crate::query::flags::registry::Setting, _) = (*setting, *value);
                                let numeric = matches!(setting.kind, Kind::Count | Kind::Days | Kind::Fraction | Kind::Number | Kind::Baht);
                                let placeholder = move || default_text(lang.get(), setting.default);
                                view! {
                                    <label>
                                        <code>{setting.name}</code> " "
                                        <input type="text" inputmode=numeric.then_some("decimal") placeholder=placeholder
                                            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
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
