//! Assessments: DLA's Local Performance Assessment (LPA) and NACC's Integrity and Transparency
//! Assessment (ITA). Areas, maxima, weights and pass rules change by year, so they are data.
use serde::{Deserialize, Serialize};

use super::org::LocalText;

pub const ASSESSMENT_VERSION: &str = "1.0";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LpaArea {
    pub name: LocalText,
    pub points: f64,
    pub maximum: f64,
}

impl LpaArea {
    pub fn percent(&self) -> Option<f64> {
        (self.maximum > 0.0).then(|| self.points / self.maximum * 100.0)
    }
}

/// How a pass is decided. The rule has varied by year; new rules are new variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum PassRule {
    /// The mean of the areas' percentages must reach `percent`.
    AverageAreaPercent { percent: f64 },
    /// Total points over total maximum must reach `percent`.
    TotalPercent { percent: f64 },
    /// Every area must reach `percent`.
    EveryAreaPercent { percent: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lpa {
    pub organisation: String,
    /// Assessment year, BE.
    pub year: i32,
    pub areas: Vec<LpaArea>,
    pub pass_rule: PassRule,
    #[serde(default)]
    pub demonstration: bool,
}

impl Lpa {
    pub fn total_points(&self) -> f64 {
        self.areas.iter().map(|a| a.points).sum()
    }

    pub fn total_maximum(&self) -> f64 {
        self.areas.iter().map(|a| a.maximum).sum()
    }

    /// The score the pass rule looks at, in percent.
    pub fn score_percent(&self) -> Option<f64> {
        match self.pass_rule {
            PassRule::AverageAreaPercent { .. } => {
                let percents: Vec<f64> = self.areas.iter().filter_map(LpaArea::percent).collect();
                (!percents.is_empty()).then(|| percents.iter().sum::<f64>() / percents.len() as f64)
            }
            PassRule::TotalPercent { .. } => {
                let max = self.total_maximum();
                (max > 0.0).then(|| self.total_points() / max * 100.0)
            }
            PassRule::EveryAreaPercent { .. } => self.areas.iter().filter_map(LpaArea::percent).reduce(f64::min),
        }
    }

    pub fn passed(&self) -> Option<bool> {
        let threshold = match self.pass_rule {
            PassRule::AverageAreaPercent { percent }
            | PassRule::TotalPercent { percent }
            | PassRule::EveryAreaPercent { percent } => percent,
        };
        self.score_percent().map(|s| s >= threshold)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItaGrade {
    AA,
    A,
    B,
    C,
    D,
    E,
    F,
}

/// One grade band: scores from `min` (inclusive) up to the next band's minimum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeBand {
    pub grade: ItaGrade,
    pub min: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ita {
    pub organisation: String,
    /// Assessment year, BE.
    pub year: i32,
    /// Internal Integrity and Transparency Assessment (staff survey).
    pub iit: Option<f64>,
    /// External (users' survey).
    pub eit: Option<f64>,
    /// Open data checklist.
    pub oit: Option<f64>,
    /// Weights of IIT, EIT and OIT in percent; they vary by year.
    pub weights: [f64; 3],
    pub total: f64,
    pub grade: ItaGrade,
    #[serde(default)]
    pub demonstration: bool,
}

/// NACC's published bands: AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99, F < 50.
pub fn default_ita_bands() -> Vec<GradeBand> {
    [
        (ItaGrade::AA, 95.0),
        (ItaGrade::A, 85.0),
        (ItaGrade::B, 75.0),
        (ItaGrade::C, 65.0),
        (ItaGrade::D, 55.0),
        (ItaGrade::E, 50.0),
        (ItaGrade::F, 0.0),
    ]
    .into_iter()
    .map(|(grade, min)| GradeBand { grade, min })
    .collect()
}

pub fn grade_for(score: f64, bands: &[GradeBand]) -> Option<ItaGrade> {
    bands.iter().find(|b| score >= b.min).map(|b| b.grade)
}

impl Ita {
    /// The weighted total of the three instruments, when all are present.
    pub fn computed_total(&self) -> Option<f64> {
        let [w1, w2, w3] = self.weights;
        Some((self.iit? * w1 + self.eit? * w2 + self.oit? * w3) / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lpa(points: &[(f64, f64)], rule: PassRule) -> Lpa {
        Lpa {
            organisation: "x".into(),
            year: 2566,
            areas: points.iter().map(|&(p, m)| LpaArea { name: LocalText::th("a"), points: p, maximum: m }).collect(),
            pass_rule: rule,
            demonstration: false,
        }
    }

    #[test]
    fn pass_rules_read_the_areas() {
        let l = lpa(&[(140.0, 140.0), (100.0, 250.0)], PassRule::AverageAreaPercent { percent: 70.0 });
        assert_eq!(l.score_percent(), Some(70.0));
        assert_eq!(l.passed(), Some(true));
        let l = lpa(&[(140.0, 140.0), (100.0, 250.0)], PassRule::TotalPercent { percent: 70.0 });
        assert!(l.passed() == Some(false));
        let l = lpa(&[], PassRule::TotalPercent { percent: 70.0 });
        assert_eq!(l.passed(), None);
    }

    #[test]
    fn grades_follow_nacc_bands() {
        let bands = default_ita_bands();
        assert_eq!(grade_for(95.0, &bands), Some(ItaGrade::AA));
        assert_eq!(grade_for(94.99, &bands), Some(ItaGrade::A));
        assert_eq!(grade_for(49.99, &bands), Some(ItaGrade::F));
    }
}
