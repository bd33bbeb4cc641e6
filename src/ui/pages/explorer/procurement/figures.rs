//! Headline figures of the filtered set: how many processes, buyers, bidders and awarded suppliers; budget,
//! ราคากลาง and contract value; each method's share by count and by value; and its risk signals.
use leptos::prelude::*;

use crate::domain::codes::Code;
use crate::query::flags::Group;
use crate::query::flags::{FlagCode, SPECS};
use crate::query::trends::method_shares;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, FlagRun};
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::pages::flags::settings_error;
use crate::ui::state::use_view;
use crate::ui::url_state::{Page, ViewState};

fn percent(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.1}%", part / whole * 100.0)
    } else {
        "—".to_string()
    }
}

/// A sum over the processes that have the figure; over none it is "no data", never 0.
fn sum_or_no_data(l: crate::domain::lang::Lang, sum: crate::domain::money::Total, with: usize) -> String {
    if with == 0 {
        t(l, Key::NoData).to_string()
    } else {
        sum.format_baht()
    }
}

/// "with the figure: 12 / 150", when some processes lack it.
fn coverage_note(l: crate::domain::lang::Lang, with: usize, of: usize) -> String {
    if with == of || with == 0 {
        String::new()
    } else {
        format!("{} {} / {}", t(l, Key::WithFigure), format::count(with as u64), format::count(of as u64))
    }
}

#[component]
pub fn Figures(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let Selection { totals, per_year, suppliers, .. } = selection;
    let people = Memo::new(move |_| suppliers.with(|s| s.participants));
    let shares = Memo::new(move |_| per_year.with(|y| method_shares(&y.by_method)));
    let share_rows = move || {
        let l = lang.get();
        let all = totals.get();
        shares.with(|shares| {
            shares
                .iter()
                .map(|s| {
                    view! {
                        <tr data-method=s.method.as_str()>
                            <th scope="row">{format::method(l, s.method)}</th>
                            <td class="num">{format::count(s.count as u64)}</td>
                            <td class="num" data-testid="share-count">{percent(s.count as f64, all.processes as f64)}</td>
                            <td class="num">{s.contract_value.format_baht()}</td>
                            <td class="num" data-testid="share-value">{s.contract_value.share_of(all.contract_value).map(|f| format!("{:.1}%", f * 100.0)).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <dl class="headline" data-testid="totals">
            <div><dt>{tt(Key::Processes)}</dt><dd data-testid="total-count">{move || format::count(totals.get().processes as u64)}</dd></div>
            <div><dt>{tt(Key::Buyers)}</dt><dd data-testid="buyers">{move || format::count(people.get().buyers as u64)}</dd></div>
            <div><dt>{tt(Key::Bidders)}</dt><dd data-testid="bidders">{move || {
                let p = people.get();
                if p.with_bids == 0 { t(lang.get(), Key::NoData).to_string() } else { format::count(p.bidders as u64) }
            }}</dd></div>
            <div><dt>{tt(Key::AwardedSuppliers)}</dt><dd data-testid="suppliers">{move || format::count(people.get().suppliers as u64)}</dd></div>
            <div><dt>{tt(Key::Budget)}</dt><dd data-testid="total-budget">{move || { let t_ = totals.get(); sum_or_no_data(lang.get(), t_.budget, t_.with_budget) }}</dd>
                <dd class="note">{move || { let t_ = totals.get(); coverage_note(lang.get(), t_.with_budget, t_.processes) }}</dd></div>
            <div><dt>{tt(Key::ReferencePrice)}</dt><dd data-testid="total-reference">{move || { let t_ = totals.get(); sum_or_no_data(lang.get(), t_.reference_price, t_.with_reference) }}</dd>
                <dd class="note">{move || { let t_ = totals.get(); coverage_note(lang.get(), t_.with_reference, t_.processes) }}</dd></div>
            <div>
                <dt>{tt(Key::ContractValue)}</dt>
                <dd data-testid="total-contract">{move || { let t_ = totals.get(); sum_or_no_data(lang.get(), t_.contract_value, t_.with_contract) }}</dd>
                <dd class="note">{move || { let t_ = totals.get(); coverage_note(lang.get(), t_.with_contract, t_.processes) }}</dd>
            </div>
        </dl>
        <table class="shares" data-testid="method-shares">
            <caption>{tt(Key::MethodShares)}</caption>
            <thead><tr>
                <th scope="col">{tt(Key::Method)}</th>
                <th scope="col" class="num">{tt(Key::Processes)}</th>
                <th scope="col" class="num">{tt(Key::ShareByCount)}</th>
                <th scope="col" class="num">{tt(Key::ContractValue)}</th>
                <th scope="col" class="num">{tt(Key::ShareByValue)}</th>
            </tr></thead>
            <tbody>{share_rows}</tbody>
        </table>
        <Signals selection=selection />
    }
}

/// How many of the filtered processes have a signal, the buyer's own signals on its page, and how many
/// processes each indicator could evaluate.
#[component]
fn Signals(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let flags = use_flags();
    let Selection { counts, scoped, .. } = selection;
    let org = view.select(|s| s.org.clone());
    let years = view.select(|s| s.filter.years());
    let only_flagged = view.select(|s| s.filter.only_flagged);
    let toggle = Signal::derive(move || view.with(|s| s.with_filter(|f| f.only_flagged = !f.only_flagged)));
    let methodology = move |code: FlagCode| ViewState { page: Page::Flags, flag: Some(code), ..view.get() };
    move || {
        let l = lang.get();
        flags.with(|f| match f {
            Err(e) => view! { <p class="error-panel" role="alert">{t(l, Key::SettingsInvalid)} ": " {settings_error(l, e)}</p> }.into_any(),
            Ok(state) => {
                let (flagged, flaggable) = counts.with(|c| (c.flagged, c.flaggable));
                let buyer: Vec<(i32, Vec<(FlagCode, f64)>)> = if scoped {
                    let id = org.get().unwrap_or_default();
                    let range = years.get();
                    state
                        .by_year
                        .of(Group::Buyer, &id)
                        .into_iter()
                        .filter(|(y, _)| range.is_none_or(|(a, b)| (a..=b).contains(y)))
                        .map(|(y, c)| (y, c.iter().map(|(k, v)| (*k, *v)).collect()))
                        .collect()
                } else {
                    Vec::new()
                };
                let range = years.get();
                let unevaluable = state.by_year.unevaluable(range);
                let coverage: Vec<(FlagCode, usize, usize)> = SPECS
                    .iter()
                    .map(|a| {
                        let (ok, missing) = state.by_year.coverage(a.code, range);
                        (a.code, ok, missing)
                    })
                    .collect();
                view! {
                    <section class="signals" data-testid="signals">
                        <h3>{t(l, Key::RiskSignals)}</h3>
                        <p class="not-proof">{t(l, Key::NotProof)}</p>
                        <p class="flag-run" data-testid="flag-run">{t(l, match state.run {
                            FlagRun::Published => Key::FlagsPublished,
                            FlagRun::InBrowser { one_organisation: false } => Key::FlagsInBrowser,
                            FlagRun::InBrowser { one_organisation: true } => Key::FlagsInBrowserOneOrg,
                            FlagRun::Fetching => Key::FlagsFetching,
                            FlagRun::Unavailable => Key::FlagsUnavailable,
                        })}</p>
                        <p>
                            {t(l, Key::WithSignals)} ": " <strong data-testid="flagged-count">{format::count(flagged as u64)}</strong>
                            " / " {format::count(flaggable as u64)} " · "
                            <ViewLink to=toggle>{move || if only_flagged.get() { t(lang.get(), Key::ShowAll) } else { t(lang.get(), Key::OnlyFlagged) }}</ViewLink>
                        </p>
                        {buyer.into_iter().map(|(year, codes)| view! {
                            <p>{t(l, Key::BuyerSignals)} " (" {format::fiscal_year(l, year)} "): "
                                {codes.into_iter().map(|(code, v)| {
                                    let title = code.spec().title.get(l);
                                    view! { <span class="flag-badge" title=title>{code.as_str()} " " {format!("{v:.2}")}</span> " " }
                                }).collect_view()}
                            </p>
                        }).collect_view()}
                        {unevaluable.into_iter().map(|(needs, codes)| view! {
                            <p class="not-evaluable" data-testid="not-evaluable">
                                {t(l, Key::NotEvaluableBecause)} ": " {needs.missing().get(l)} " · "
                                {codes.into_iter().map(|code| view! {
                                    <ViewLink to=Signal::derive(move || methodology(code)) class="flag-badge muted">{code.as_str()}</ViewLink> " "
                                }).collect_view()}
                            </p>
                        }).collect_view()}
                        <details>
                            <summary>{t(l, Key::Evaluated)} " / " {t(l, Key::NotEvaluable)}</summary>
                            <table class="flag-coverage" data-testid="flag-coverage">
                                <thead><tr><th scope="col">"code"</th><th scope="col" class="num">{t(l, Key::Evaluated)}</th><th scope="col" class="num">{t(l, Key::NotEvaluable)}</th></tr></thead>
                                <tbody>
                                    {coverage.into_iter().map(|(code, ok, missing)| view! {
                                        <tr><th scope="row"><ViewLink to=Signal::derive(move || methodology(code))>{code.as_str()}</ViewLink></th><td class="num">{ok}</td><td class="num">{missing}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    </section>
                }
                .into_any()
            }
        })
    }
}
