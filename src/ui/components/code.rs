//! A codelist value in the reader's language, with the code itself as its tooltip.
use leptos::prelude::*;

use crate::domain::codelist::Codelist;
use crate::domain::lang::Lang;

pub fn coded(lang: Lang, list: Codelist, code: Option<&str>) -> impl IntoView {
    code.map(|code| {
        let label = list.label(code).map_or(code, |l| l.get(lang)).to_string();
        view! { <span class="coded" title=code.to_string() data-code=code.to_string()>{label}</span> }
    })
}
