//! Where a citizen turns from an organisation's page: complaint channels and the participation centre, as
//! working `tel:`, `mailto:` and http(s) links (`query::contacts` decides which links are safe to make).
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::query::contacts::{where_to_turn, Channel};
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};

fn channel_view(l: Lang, c: &Channel) -> impl IntoView {
    let name = c.name.get(l).to_string();
    view! {
        <li>
            <strong>{name}</strong>
            {c.phone.clone().map(|(shown, tel)| view! { " · " {t(l, Key::Call)} " " <a href=tel>{shown}</a> })}
            {c.url.clone().map(|url| view! { " · " <a href=url.clone() rel="noopener noreferrer">{url.clone()}</a> })}
            {c.email.clone().map(|(shown, mailto)| view! { " · " <a href=mailto>{shown}</a> })}
            {c.address.clone().map(|a| view! { " · " <span>{a}</span> })}
        </li>
    }
}

#[component]
pub fn WhereToTurn(code: String) -> impl IntoView {
    let lang = use_view().lang();
    let turn = where_to_turn(&use_catalog().0, &code);
    let turn = StoredValue::new(turn);
    view! {
        <section class="where-to-turn" data-testid="where-to-turn" aria-labelledby="where-to-turn-title">
            <h2 id="where-to-turn-title">{move || t(lang.get(), Key::WhereToTurn)}</h2>
            {move || {
                let l = lang.get();
                turn.with_value(|w| view! {
                    <h3>{t(l, Key::ComplaintChannels)}</h3>
                    <ul data-testid="complaints">{w.complaints.iter().map(|c| channel_view(l, c)).collect_view()}</ul>
                    <h3>{t(l, Key::ParticipationCentre)}</h3>
                    {match &w.participation {
                        Some(c) => view! { <ul data-testid="participation">{channel_view(l, c)}</ul> }.into_any(),
                        None => view! { <p class="muted" data-testid="participation">{t(l, Key::NoParticipationCentre)}</p> }.into_any(),
                    }}
                    <p class="what-you-can-do">{t(l, Key::WhatYouCanDo)}</p>
                })
            }}
        </section>
    }
}
