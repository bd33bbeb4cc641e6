//! Under an organisation's budget: the year's procurement by the budget line it names (`query::budget_link`),
//! how much procurement names no line of the ordinance, and the investment budget beside the works procured.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::budget::Budget;
use crate::domain::lang::Lang;
use crate::query::budget_link::{link, BudgetLink, INVESTMENT};
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{Loaded, Scope, WithData};
use crate::ui::state::use_view;

#[component]
pub fn BudgetProcurement(code: String, budget: Budget) -> impl IntoView {
    let scope = Scope::Org(code.clone());
    let budget = Arc::new(budget);
    let render = move |data: Arc<Loaded>| {
        let rows = data.store.select(Some(&code), Some(budget.fiscal_year.0));
        view! { <Linked link=link(&budget, &data.store, &rows) /> }
    };
    view! {
        <section class="budget-link" data-testid="budget-link" aria-labelledby="budget-link-title">
            <WithData scope=scope render=render />
        </section>
    }
}

#[component]
fn Linked(link: BudgetLink) -> impl IntoView {
    let lang = use_view().lang();
    move || {
        let l = lang.get();
        view! {
            <h3 id="budget-link-title">{t(l, Key::BudgetAndProcurement)}</h3>
            <p data-testid="budget-link-summary">{summary(l, &link)}</p>
            <dl class="budget-totals">
                <div><dt>{t(l, Key::InvestmentBudget)} " (" {INVESTMENT} ")"</dt><dd data-testid="budget-investment">{link.investment.format_baht()}</dd></div>
                <div>
                    <dt>{t(l, Key::WorksProcured)}</dt>
                    <dd data-testid="budget-works">{link.works.contracted.format_baht()} " " <small>{format::count(link.works.processes)} " " {t(l, Key::Processes)}</small></dd>
                </div>
            </dl>
            {(!link.lines.is_empty()).then(|| lines(l, &link))}
        }
    }
}

fn summary(l: Lang, link: &BudgetLink) -> String {
    let all = link.linked.processes + link.unlinked.processes;
    if link.lines_with_id == 0 {
        return format!("{} {} {}", t(l, Key::BudgetHasNoLineIds), format::count(all), t(l, Key::Processes));
    }
    format!(
        "{} {} / {} {} · {} {} ({})",
        t(l, Key::LinkedToLines),
        format::count(link.linked.processes),
        format::count(all),
        t(l, Key::Processes),
        t(l, Key::NotLinked),
        format::count(link.unlinked.processes),
        link.unlinked.contracted.format_baht(),
    )
}

fn lines(l: Lang, link: &BudgetLink) -> impl IntoView {
    let rows = link
        .lines
        .iter()
        .map(|r| {
            let share = r.share().map(|s| format!("{:.1}%", s * 100.0)).unwrap_or_else(|| t(l, Key::NoData).to_string());
            view! {
                <tr>
                    <th scope="row">{r.label.clone()} <small>" · " {r.category.clone()}</small></th>
                    <td class="num">{r.allocated.format_baht()}</td>
                    <td class="num">{format::count(r.processes)}</td>
                    <td class="num">{r.contracted.format_baht()}</td>
                    <td class="num">{share}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid="budget-link-lines">
                <caption>{t(l, Key::ProcurementByBudgetLine)}</caption>
                <thead><tr>
                    <th scope="col">{t(l, Key::BudgetLine)}</th>
                    <th scope="col" class="num">{t(l, Key::Allocated)}</th>
                    <th scope="col" class="num">{t(l, Key::Processes)}</th>
                    <th scope="col" class="num">{t(l, Key::ContractValue)}</th>
                    <th scope="col" class="num">{t(l, Key::ContractedShare)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
