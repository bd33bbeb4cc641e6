//! Reading and printing the query string: `ViewState::from_query` and `to_query`, inverse of each other for
//! every state they print.

use super::*;

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown parameters are skipped; a known
    /// parameter whose value names nothing is recorded in `ignored`.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        for (key, value) in parse_pairs(query) {
            let bad = match key.as_str() {
                "data" => DataSource::from_code(&value).map(|d| state.data = d).is_none(),
                "lang" => Lang::from_code(&value).map(|l| state.lang = l).is_none(),
                "page" => Page::from_code(&value).map(|p| state.page = p).is_none(),
                "tab" => Tab::from_code(&value).map(|t| state.tab = t).is_none(),
                "org" | "process" | "supplier" | "chart" if value.is_empty() => false,
                "chart" => set(&mut state.chart, value.clone()),
                "org" => set(&mut state.org, value.clone()),
                "process" => set(&mut state.process, value.clone()),
                "supplier" => set(&mut state.supplier, value.clone()),
                "sort" => match Sort::parse(&value) {
                    Some(s) => {
                        state.sort = (s != Sort::default()).then_some(s);
                        false
                    }
                    None => true,
                },
                "pg" => match value.parse::<usize>() {
                    Ok(p) => {
                        state.pg = if p > 1 { p } else { 0 };
                        false
                    }
                    Err(_) => true,
                },
                "n" => match value.parse::<usize>().ok().filter(|n| PAGE_SIZES.contains(n)) {
                    Some(n) => {
                        state.per = if n == DEFAULT_PAGE_SIZE { 0 } else { n };
                        false
                    }
                    None => true,
                },
                "flag" => FlagCode::from_code(&value).map(|c| state.flag = Some(c)).is_none(),
                "byear" => year(&value).map(|y| state.budget_year = Some(y)).is_none(),
                "compare" => {
                    let codes: Vec<String> =
                        value.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect();
                    for code in codes {
                        if !state.compare.contains(&code) && state.compare.len() < MAX_COMPARED {
                            state.compare.push(code);
                        }
                    }
                    false
                }
                "cfrom" => year(&value).map(|y| state.compare_from = Some(y)).is_none(),
                "cto" => year(&value).map(|y| state.compare_to = Some(y)).is_none(),
                "map" => MapMeasure::from_code(&value).map(|m| state.map_measure = Some(m)).is_none(),
                "embed" => flag(&value).map(|b| state.embed = b).is_none(),
                "elsewhere" => flag(&value).map(|b| state.elsewhere = b).is_none(),
                "osort" => Order::parse(&value).map(|o| state.overview_sort = Some(o)).is_none(),
                "bshare" => match value.as_str() {
                    "1" => {
                        state.budget_share = true;
                        false
                    }
                    "0" => false,
                    _ => true,
                },
                key if key.starts_with("fs.") => {
                    if !value.is_empty() {
                        state.flag_settings.insert(key[3..].to_string(), value.clone());
                    }
                    false
                }
                key => match FACETS.iter().find(|f| f.params().contains(&key)) {
                    Some(facet) => {
                        for rejected in facet.parse(&mut state.filter, key, &value) {
                            ignored.push(Ignored { param: key.to_string(), value: rejected });
                        }
                        false
                    }
                    None => false,
                },
            };
            if bad {
                ignored.push(Ignored { param: key, value });
            }
        }
        state.ignored = ignored;
        state
    }

    /// The query string, starting with `?`, with defaults left out and a fixed parameter order.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.data != DataSource::default() {
            pairs.push(("data", self.data.as_str().to_string()));
        }
        if self.lang != Lang::default() {
            pairs.push(("lang", self.lang.code().to_string()));
        }
        if self.page != Page::default() {
            pairs.push(("page", self.page.as_str().to_string()));
        }
        if self.tab != Tab::default() {
            pairs.push(("tab", self.tab.as_str().to_string()));
        }
        for (key, value) in [("org", &self.org), ("process", &self.process), ("supplier", &self.supplier)] {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        for facet in FACETS {
            pairs.extend(facet.print(&self.filter));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", sort.code()));
        }
        if self.pg > 1 {
            pairs.push(("pg", self.pg.to_string()));
        }
        if self.per != 0 {
            pairs.push(("n", self.per.to_string()));
        }
        if let Some(flag) = self.flag {
            pairs.push(("flag", flag.as_str().to_string()));
        }
        if let Some(y) = self.budget_year {
            pairs.push(("byear", y.to_string()));
        }
        if self.budget_share {
            pairs.push(("bshare", "1".to_string()));
        }
        if let Some(o) = self.overview_sort {
            pairs.push(("osort", o.code()));
        }
        if !self.compare.is_empty() {
            pairs.push(("compare", self.compare.join(",")));
        }
        for (key, year) in [("cfrom", self.compare_from), ("cto", self.compare_to)] {
            if let Some(y) = year {
                pairs.push((key, y.to_string()));
            }
        }
        if let Some(m) = self.map_measure {
            pairs.push(("map", m.as_str().to_string()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_string()));
        }
        if let Some(c) = &self.chart {
            pairs.push(("chart", c.clone()));
        }
        if self.elsewhere {
            pairs.push(("elsewhere", "1".to_string()));
        }
        let settings: Vec<(String, String)> = self.flag_settings.iter().map(|(k, v)| (format!("fs.{k}"), v.clone())).collect();
        if pairs.is_empty() && settings.is_empty() {
            // "?" alone keeps the link on index.html when the page was opened without a query.
            return "?".to_string();
        }
        let mut body: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={}", encode(&v))).collect();
        body.extend(settings.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))));
        format!("?{}", body.join("&"))
    }
}

/// `1` or `0`.
fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// A BE year in the range any of our data can have.
fn year(value: &str) -> Option<i32> {
    value.parse::<i32>().ok().filter(|y| (2400..=2700).contains(y))
}

fn set(slot: &mut Option<String>, value: String) -> bool {
    *slot = Some(value);
    false
}
