//! Peers to add to a comparison, by `query::compare::suggest_peers`'s rule.

use leptos::prelude::*;

use super::{adding, MAX};
use crate::query::compare;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};

/// Organisations fair to compare with the first one: same type, same province first, nearest population.
#[component]
pub(super) fn Peers(codes: Vec<String>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(first) = codes.first().cloned() else { return ().into_any() };
    let full = codes.len() >= MAX;
    let peers: Vec<(String, crate::domain::org::LocalText, String, Option<u64>)> =
        compare::suggest_peers(&catalog, &first, &codes, 5)
            .into_iter()
            .map(|o| (o.code.clone(), o.name.clone(), o.province.th.clone(), o.population.map(|p| p.count)))
            .collect();
    view! {
        <section class="peers" data-testid="peers">
            <h2>{move || t(lang.get(), Key::ComparePeers)}</h2>
            <p class="muted">{move || t(lang.get(), Key::ComparePeersRule)}</p>
            {full.then(|| view! { <p class="muted">{move || t(lang.get(), Key::CompareFull)}</p> })}
            <ul>
                {peers.into_iter().map(|(code, name, province, people)| {
                    let to = adding(&view.get_untracked(), &code);
                    let shown = name.clone();
                    view! {
                        <li data-code=code.clone()>
                            {move || shown.get(lang.get()).to_string()}
                            " · " {province} " · " {move || t(lang.get(), Key::Population)} " "
                            {move || people.map_or_else(|| t(lang.get(), Key::NoData).to_string(), format::count)}
                            {(!full).then(|| view! {
                                " " <ViewLink to=Signal::stored(to) class="add">
                                    "+ " {move || t(lang.get(), Key::AddToCompare)}
                                    <span class="visually-hidden">" " {move || name.get(lang.get()).to_string()}</span>
                                </ViewLink>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
