//! The overview's figures and how they add up: per capita as Σ amount / Σ population, means of scores with
//! their counts, procurement counts, and one place's or a group's figures (the rules: `overview`'s comment).
use crate::domain::money::Total;

/// Σ amount / Σ population over the places that have both; `without` counts the places that lack either.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PerCapita {
    pub amount: Total,
    pub people: u64,
    pub without: usize,
}

impl PerCapita {
    /// One place: its amount and population, either of which may be missing (0 people is missing).
    pub fn of(amount: Option<Total>, people: Option<u64>) -> PerCapita {
        match (amount, people.filter(|&p| p > 0)) {
            (Some(amount), Some(people)) => PerCapita { amount, people, without: 0 },
            _ => PerCapita { without: 1, ..PerCapita::default() },
        }
    }

    pub fn add(&mut self, other: PerCapita) {
        self.amount.merge(other.amount);
        self.people += other.people;
        self.without += other.without;
    }

    /// Baht per person, when any place had both figures.
    pub fn value(&self) -> Option<f64> {
        (self.people > 0).then(|| self.amount.to_baht_f64() / self.people as f64)
    }
}

/// A mean of scores, with how many places had one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Mean {
    pub sum: f64,
    pub count: usize,
}

impl Mean {
    pub(crate) fn of(score: Option<f64>) -> Mean {
        score.map_or_else(Mean::default, |s| Mean { sum: s, count: 1 })
    }

    pub fn add(&mut self, other: Mean) {
        self.sum += other.sum;
        self.count += other.count;
    }

    pub fn value(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

/// Procurement of one fiscal year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Procured {
    pub processes: u64,
    /// Σ contract value over the processes that state one (`with_value` of them).
    pub value: Total,
    pub with_value: u64,
    /// Processes by the specific method (เฉพาะเจาะจง: OCDS `limited` and `direct`).
    pub limited: u64,
    /// Processes with at least one risk signal; None when no flags run covered them.
    pub flagged: Option<u64>,
}

impl Procured {
    pub fn add(&mut self, other: Procured) {
        self.processes += other.processes;
        self.value.merge(other.value);
        self.with_value += other.with_value;
        self.limited += other.limited;
        self.flagged = self.flagged.zip(other.flagged).map(|(a, b)| a + b);
    }

    /// Adds `other` to a sum that may not have started: the first is taken as it is, since a sum started from
    /// `Procured::default()` would have no flags run for the others' counts to add to.
    pub fn sum_into(sum: &mut Option<Procured>, other: Option<Procured>) {
        match (sum, other) {
            (Some(mine), Some(theirs)) => mine.add(theirs),
            (mine @ None, theirs) => *mine = theirs,
            (Some(_), None) => {}
        }
    }

    /// Share of processes by the specific method, when there were processes.
    pub fn limited_share(&self) -> Option<f64> {
        (self.processes > 0).then(|| self.limited as f64 / self.processes as f64)
    }

    /// Processes with a risk signal per 100 processes.
    pub fn signals_per_100(&self) -> Option<f64> {
        let flagged = self.flagged?;
        (self.processes > 0).then(|| flagged as f64 * 100.0 / self.processes as f64)
    }
}

/// One place's figures, or a group's summed as the module comment says.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    pub places: usize,
    /// Σ population over the places with a figure, and how many had one.
    pub population: u64,
    pub with_population: usize,
    /// Σ allocated budget over the places with a budget file for the year, and how many had one.
    pub budget: Option<Total>,
    pub with_budget: usize,
    /// Places whose budget file's lines do not add up to the total it declares: its sum is the lines'.
    pub budget_differs: usize,
    pub disbursed: Option<Total>,
    pub budget_per_capita: PerCapita,
    /// Contract value per person, over the places with both procurement and a population.
    pub value_per_capita: PerCapita,
    /// Over the places whose procurement the loaded data covers for the year (`covered` of them); None when
    /// it covers none: "no data", not zero purchases.
    pub procurement: Option<Procured>,
    pub covered: usize,
    pub lpa: Mean,
    pub ita: Mean,
    pub completeness: Mean,
    /// Any part is synthetic demonstration data.
    pub demonstration: bool,
}

fn add_opt(into: &mut Option<Total>, other: Option<Total>) {
    if let Some(o) = other {
        into.get_or_insert(Total::ZERO).merge(o);
    }
}

impl Figures {
    pub fn add(&mut self, o: &Figures) {
        self.places += o.places;
        self.population += o.population;
        self.with_population += o.with_population;
        add_opt(&mut self.budget, o.budget);
        self.with_budget += o.with_budget;
        self.budget_differs += o.budget_differs;
        add_opt(&mut self.disbursed, o.disbursed);
        self.budget_per_capita.add(o.budget_per_capita);
        self.value_per_capita.add(o.value_per_capita);
        Procured::sum_into(&mut self.procurement, o.procurement);
        self.covered += o.covered;
        self.lpa.add(o.lpa);
        self.ita.add(o.ita);
        self.completeness.add(o.completeness);
        self.demonstration |= o.demonstration;
    }

    /// The sum of many places' figures.
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Figures>) -> Figures {
        let mut total = Figures::default();
        for f in all {
            total.add(f);
        }
        total
    }
}
