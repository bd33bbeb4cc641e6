//! The overview's map: provinces (or, with one province chosen, its districts and the offices of its อปท.)
//! coloured by a measure of the overview's figures (`map=`), with its legend, its table and the attribution
//! the boundaries' licence asks. A place is a focusable link: a click or Enter filters the overview and the
//! procurement to it. The numbers come from `query::choropleth` and the outlines from `charts::map`.
use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::map::{choropleth, colour, Projection, NO_DATA};
use crate::domain::codes::Code;
use crate::domain::geo::{Shape, ATTRIBUTION};
use crate::query::choropleth::{by_district, by_province, MapMeasure};
use crate::query::overview::OrgRow;
use crate::ui::components::link::ViewLink;
use crate::ui::fetch::fetch_bytes;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

const WIDTH: f64 = 480.0;

/// Which map: every province, or one province's districts (by its DOPA code).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Level {
    Provinces,
    Districts(String),
}

impl Level {
    fn url(&self) -> String {
        match self {
            Level::Provinces => "boundaries/provinces.geojson".to_string(),
            Level::Districts(code) => format!("boundaries/districts/{code}.geojson"),
        }
    }
}

/// The outlines and their paths, fitted once per level.
struct Outlines {
    shapes: Vec<Shape>,
    paths: Vec<String>,
    projection: Projection,
}

async fn outlines(level: Level) -> Option<Arc<Outlines>> {
    let url = level.url();
    let bytes = fetch_bytes(&url).await.ok()?;
    let shapes = crate::ingest::boundaries::parse(&url, &bytes).values;
    let projection = Projection::fit(&shapes, WIDTH)?;
    let paths = shapes.iter().map(|s| projection.path(s)).collect();
    Some(Arc::new(Outlines { shapes, paths, projection }))
}

fn number(v: f64, decimals: usize) -> String {
    crate::ui::format::decimal(v, decimals)
}

/// The map of `rows` (the overview's organisations, filtered by type but not by place).
#[component]
pub fn OverviewMap(#[prop(into)] rows: Signal<Option<Arc<Vec<OrgRow>>>>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let level = {
        let catalog = catalog.clone();
        view.select(move |s| {
            let mut names = s.filter.provinces.iter();
            match (names.next(), names.next()) {
                (Some(name), None) => catalog
                    .organisations
                    .iter()
                    .find(|o| &o.province.th == name)
                    .and_then(|o| o.province_code.clone())
                    .map_or(Level::Provinces, Level::Districts),
                _ => Level::Provinces,
            }
        })
    };
    let measure = view.select(|s| s.map_measure.unwrap_or_default());
    let loaded = LocalResource::new(move || outlines(level.get()));
    let measures = move || {
        let l = lang.get();
        let now = measure.get();
        MapMeasure::ALL
            .iter()
            .map(|&m| {
                let to =
                    Signal::derive(move || ViewState { map_measure: (m != MapMeasure::default()).then_some(m), ..view.get() });
                let here = now == m;
                view! {
                    <li class:selected=here aria-current=here.then_some("true")>
                        <ViewLink to=to><span data-measure=m.as_str()>{m.label().get(l)}</span></ViewLink>
                    </li>
                }
            })
            .collect_view()
    };
    let whole_country = Signal::derive(move || view.get().with_filter(|f| f.provinces.clear()));
    view! {
        <section class="map" data-testid="map" aria-labelledby="map-title">
            <h2 id="map-title">{move || t(lang.get(), Key::MapTitle)}</h2>
            <nav class="map-measures" aria-label=move || t(lang.get(), Key::MapMeasure)>
                <span>{move || t(lang.get(), Key::MapMeasure)} ": "</span>
                <ul>{measures}</ul>
            </nav>
            <Show when=move || level.with(|l| matches!(l, Level::Districts(_)))>
                <p><ViewLink to=whole_country>{move || format!("← {}", t(lang.get(), Key::MapWholeCountry))}</ViewLink></p>
            </Show>
            <p class="muted">{move || t(lang.get(), Key::MapHint)}</p>
            <Suspense fallback=|| view! { <p class="loading" role="status">"…"</p> }>
                {move || Suspend::new(async move {
                    let outlines = loaded.await;
                    view! { <Drawing outlines=outlines rows=rows level=level.get_untracked() /> }
                })}
            </Suspense>
            <p class="attribution" data-testid="map-attribution"><small>{move || ATTRIBUTION.get(lang.get())}</small></p>
        </section>
    }
}

#[component]
fn Drawing(outlines: Option<Arc<Outlines>>, rows: Signal<Option<Arc<Vec<OrgRow>>>>, level: Level) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(outlines) = outlines else {
        return view! { <p class="notice" role="note" data-testid="map-unavailable">{move || t(lang.get(), Key::MapUnavailable)}</p> }
            .into_any();
    };
    let measure = view.select(|s| s.map_measure.unwrap_or_default());
    let districts = matches!(level, Level::Districts(_));
    // The figures per place, once per load: a measure change only recolours.
    let figures = Memo::new(move |_| {
        let rows = rows.get()?;
        Some(Arc::new(if districts { by_district(&rows) } else { by_province(&rows) }))
    });
    let drawn = {
        let outlines = outlines.clone();
        Memo::new(move |_| {
            let figures = figures.get().unwrap_or_else(|| Arc::new(BTreeMap::new()));
            Arc::new(choropleth(&outlines.shapes, &outlines.paths, &figures, measure.get()))
        })
    };
    // A place's link: a province filters to that province, a district to that district.
    let to_place = move |shape: &Shape| {
        let th = shape.name.th.clone();
        view.get_untracked().with_filter(|f| {
            if districts {
                f.districts = [th].into();
            } else {
                f.provinces = [th].into();
                f.districts.clear();
            }
        })
    };
    let (width, height) = (outlines.projection.width, outlines.projection.height);
    let offices = {
        let projection = outlines.projection;
        let province = match &level {
            Level::Districts(code) => Some(code.clone()),
            Level::Provinces => None,
        };
        // Offices only on a province's map: a country's 7,849 dots would hide the colours.
        let located: Vec<_> = catalog
            .organisations
            .iter()
            .filter(|o| province.is_some() && o.province_code == province)
            .filter_map(|o| o.location.map(|loc| (projection.point(loc.lon, loc.lat), o)))
            .collect();
        // A registry location outside the province's frame is an error of the registry: counted, not drawn.
        let outside = located.iter().filter(|(p, _)| !projection.contains(*p)).count();
        let inside: Vec<_> = located
            .into_iter()
            .filter(|(p, _)| projection.contains(*p))
            .map(|((x, y), o)| (x, y, o.name.clone(), o.code.clone()))
            .collect();
        (inside, outside)
    };
    let (offices, outside) = offices;
    let offices_shown = !offices.is_empty();
    let shapes = {
        let outlines = outlines.clone();
        move || {
            let l = lang.get();
            let (drawn, _) = &*drawn.get();
            let decimals = measure.get().decimals();
            outlines
                .shapes
                .iter()
                .zip(drawn.iter())
                .map(|(shape, d)| {
                    let value = d.value.map_or_else(|| t(l, Key::NoData).to_string(), |v| number(v, decimals));
                    let name = format!("{}: {value}", shape.name.get(l));
                    let title = name.clone();
                    let next = to_place(shape);
                    let href = next.to_query();
                    let go = move || view.navigate(next.clone());
                    let go2 = go.clone();
                    view! {
                        <path d=d.d.clone() fill=d.fill class="place" tabindex="0" role="link" aria-label=name.clone()
                            data-code=d.code.clone() data-href=href
                            on:click=move |_| go()
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    go2();
                                }
                            }>
                            <title>{title}</title>
                        </path>
                    }
                })
                .collect_view()
        }
    };
    let dots = offices
        .iter()
        .map(|(x, y, name, code)| {
            let to = ViewState {
                lang: lang.get_untracked(),
                data: view.get_untracked().data,
                org: Some(code.clone()),
                ..ViewState::default()
            };
            let label = name.get(lang.get_untracked()).to_string();
            let title = label.clone();
            view! {
                <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" class="office" data-office=code.clone()
                    tabindex="0" role="link" aria-label=label.clone()
                    on:click=move |_| view.navigate(to.clone())>
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    let legend = move || {
        let l = lang.get();
        let m = measure.get();
        let (_, breaks) = &*drawn.get();
        let mut items: Vec<(&'static str, String)> = breaks
            .as_ref()
            .map(|b| {
                let n = b.classes();
                b.ranges()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (lo, hi))| {
                        let last = i + 1 == n;
                        let range =
                            format!("{} – {}{}", number(lo, m.decimals()), if last { "" } else { "<" }, number(hi, m.decimals()));
                        (colour(i, n), range)
                    })
                    .collect()
            })
            .unwrap_or_default();
        items.push((NO_DATA, t(l, Key::NoData).to_string()));
        view! {
            <figcaption>
                <p><strong>{m.label().get(l)}</strong> " · " {t(l, Key::MapLegend)}</p>
                <ul class="legend" data-testid="map-legend">
                    {items.into_iter().map(|(fill, text)| view! {
                        <li><svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill=fill></rect></svg> {text}</li>
                    }).collect_view()}
                </ul>
                {offices_shown.then(|| view! { <p class="muted"><small>{t(l, Key::MapOffices)}</small></p> })}
                {(outside > 0).then(|| view! {
                    <p class="muted" data-testid="map-outside"><small>{t(l, Key::MapOfficesOutside)} " " {outside}</small></p>
                })}
            </figcaption>
        }
    };
    let table = {
        let outlines = outlines.clone();
        move || {
            let l = lang.get();
            let m = measure.get();
            let (drawn, breaks) = &*drawn.get();
            let classes = breaks.as_ref().map(|b| b.ranges()).unwrap_or_default();
            let rows = outlines
                .shapes
                .iter()
                .zip(drawn.iter())
                .map(|(shape, d)| {
                    let value = d.value.map_or_else(|| t(l, Key::NoData).to_string(), |v| number(v, m.decimals()));
                    let class = d.class.and_then(|c| classes.get(c)).map_or_else(
                        || t(l, Key::NoData).to_string(),
                        |(lo, hi)| format!("{} – {}", number(*lo, m.decimals()), number(*hi, m.decimals())),
                    );
                    let to = to_place(shape);
                    let place = shape.name.get(l).to_string();
                    view! {
                        <tr>
                            <th scope="row"><ViewLink to=Signal::stored(to)>{place}</ViewLink></th>
                            <td class="num">{value}</td>
                            <td>{class}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details class="map-table">
                    <summary>{t(l, Key::MapTable)}</summary>
                    <table data-testid="map-table">
                        <thead><tr>
                            <th scope="col">{t(l, Key::MapPlace)}</th>
                            <th scope="col" class="num">{m.label().get(l)}</th>
                            <th scope="col">{t(l, Key::MapClass)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            }
        }
    };
    let label = move || {
        let l = lang.get();
        format!("{} · {}", t(l, Key::MapTitle), measure.get().label().get(l))
    };
    view! {
        <figure class="map-figure">
            <svg viewBox=format!("0 0 {width:.0} {height:.0}") role="group" aria-label=label data-testid="map-svg"
                data-level=if districts { "districts" } else { "provinces" }>
                <g class="places">{shapes}</g>
                <g class="offices">{dots}</g>
            </svg>
            {legend}
        </figure>
        {table}
    }
    .into_any()
}
