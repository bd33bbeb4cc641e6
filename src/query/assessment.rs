//! What an organisation's assessment view shows: each year's LPA (every area's points, maximum and percent, the
//! score and pass or fail by that year's rule, and its rank among peers) and ITA (score and grade).
//! A rank is 1 + the number of organisations of the group that scored strictly higher that year, of how many in
//! the group have a score: the same type in the same province, the same type in the catalog, and everyone.
use crate::domain::assessment::{Ita, ItaGrade, Lpa};
use crate::domain::org::{LocalText, Organisation};

#[derive(Debug, Clone, PartialEq)]
pub struct AreaScore {
    pub name: LocalText,
    pub points: f64,
    pub maximum: f64,
    pub percent: Option<f64>,
}

/// A rank in a group: place (1 is best) of how many.
pub type Rank = Option<(usize, usize)>;

#[derive(Debug, Clone, PartialEq)]
pub struct LpaYear {
    pub year: i32,
    pub areas: Vec<AreaScore>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
    pub rank_type_province: Rank,
    pub rank_type: Rank,
    pub rank_all: Rank,
    pub demonstration: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItaYear {
    pub year: i32,
    pub total: f64,
    pub grade: ItaGrade,
    pub demonstration: bool,
}

fn rank(score: Option<f64>, others: impl Iterator<Item = Option<f64>>) -> Rank {
    let score = score?;
    let scores: Vec<f64> = others.flatten().collect();
    let higher = scores.iter().filter(|s| **s > score).count();
    Some((higher + 1, scores.len()))
}

/// `code`'s LPA results, oldest year first, ranked among `organisations` that have a result the same year.
pub fn lpa_history(all: &[Lpa], organisations: &[Organisation], code: &str) -> Vec<LpaYear> {
    let org = |c: &str| organisations.iter().find(|o| o.code == c);
    let me = org(code);
    let mut mine: Vec<&Lpa> = all.iter().filter(|l| l.organisation == code).collect();
    mine.sort_by_key(|l| l.year);
    mine.into_iter()
        .map(|l| {
            let same_year: Vec<&Lpa> = all.iter().filter(|o| o.year == l.year).collect();
            let in_group = |same_type: bool, same_province: bool| {
                same_year
                    .iter()
                    .filter(move |o| {
                        let other = org(&o.organisation);
                        let typed = !same_type || other.zip(me).is_some_and(|(a, b)| a.org_type == b.org_type);
                        let placed = !same_province || other.zip(me).is_some_and(|(a, b)| a.province.th == b.province.th);
                        typed && placed
                    })
                    .map(|o| o.score_percent())
            };
            let score = l.score_percent();
            LpaYear {
                year: l.year,
                areas: l
                    .areas
                    .iter()
                    .map(|a| AreaScore { name: a.name.clone(), points: a.points, maximum: a.maximum, percent: a.percent() })
                    .collect(),
                percent: score,
                passed: l.passed(),
                rank_type_province: me.and_then(|_| rank(score, in_group(true, true))),
                rank_type: me.and_then(|_| rank(score, in_group(true, false))),
                rank_all: rank(score, in_group(false, false)),
                demonstration: l.demonstration,
            }
        })
        .collect()
}

/// `code`'s ITA results, oldest year first.
pub fn ita_history(all: &[Ita], code: &str) -> Vec<ItaYear> {
    let mut out: Vec<ItaYear> = all
        .iter()
        .filter(|i| i.organisation == code)
        .map(|i| ItaYear { year: i.year, total: i.total, grade: i.grade, demonstration: i.demonstration })
        .collect();
    out.sort_by_key(|i| i.year);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{LpaArea, PassRule};

    fn lpa(org: &str, year: i32, points: f64) -> Lpa {
        Lpa {
            organisation: org.into(),
            year,
            areas: vec![
                LpaArea { name: LocalText::both("ก", "a"), points, maximum: 100.0 },
                LpaArea { name: LocalText::both("ข", "b"), points: 50.0, maximum: 100.0 },
            ],
            pass_rule: PassRule::TotalPercent { percent: 60.0 },
            demonstration: true,
        }
    }

    #[test]
    fn ranks_count_the_strictly_better_in_each_group_and_pass_follows_the_years_rule() {
        let orgs = crate::demo::orgs::organisations();
        // Two of one type in one province, and one of another type.
        let (a, b) = orgs
            .iter()
            .flat_map(|a| orgs.iter().map(move |b| (a, b)))
            .find(|(a, b)| a.code != b.code && a.org_type == b.org_type && a.province.th == b.province.th)
            .expect("the demo has two organisations of one type in one province");
        let c = orgs.iter().find(|o| o.org_type != a.org_type).unwrap();
        let all = vec![lpa(&a.code, 2567, 80.0), lpa(&b.code, 2567, 90.0), lpa(&c.code, 2567, 100.0), lpa(&a.code, 2566, 60.0)];
        let h = lpa_history(&all, &orgs, &a.code);
        assert_eq!(h.iter().map(|y| y.year).collect::<Vec<_>>(), [2566, 2567]);
        let y = &h[1];
        assert_eq!(y.percent, Some(65.0));
        assert_eq!(y.passed, Some(true));
        assert_eq!(y.areas[0].percent, Some(80.0));
        assert_eq!(y.rank_type_province, Some((2, 2)));
        assert_eq!(y.rank_all, Some((3, 3)));
        // 2566: (60 + 50) / 200 = 55 % < 60 %: failed, and alone in its year.
        assert_eq!(h[0].passed, Some(false));
        assert_eq!(h[0].rank_all, Some((1, 1)));
        assert!(lpa_history(&all, &orgs, "nobody").is_empty());
    }
}
