//! Order statistics as Cardinal computes them: Hyndman–Fan type 8 quantiles ("approximately
//! median-unbiased"), and Tukey's fences.

/// The `p` quantile (0 ≤ p ≤ 1) of `data` by Hyndman & Fan's definition 8. NaN for no data.
pub fn quantile(data: &[f64], p: f64) -> f64 {
    let mut sorted: Vec<f64> = data.iter().copied().filter(|v| !v.is_nan()).collect();
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
    if h <= 1.0 {
        return sorted[0];
    }
    if h >= n {
        return sorted[sorted.len() - 1];
    }
    let lo = h.floor();
    let below = sorted[lo as usize - 1];
    let above = sorted[lo as usize];
    below + (h - lo) * (above - below)
}

pub struct Quartiles {
    pub q1: f64,
    pub q3: f64,
}

impl Quartiles {
    pub fn of(data: &[f64]) -> Quartiles {
        Quartiles { q1: quantile(data, 0.25), q3: quantile(data, 0.75) }
    }

    /// Q1 − 1.5 IQR.
    pub fn lower_fence(&self) -> f64 {
        (self.q3 - self.q1).mul_add(-1.5, self.q1)
    }

    /// Q3 + 1.5 IQR.
    pub fn upper_fence(&self) -> f64 {
        (self.q3 - self.q1).mul_add(1.5, self.q3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_8_matches_r() {
        // R: quantile(c(0,0,100,100,100,100,100,100,100), type = 8)
        let d = [0.0, 0.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0];
        assert!((quantile(&d, 0.25) - 66.666_666_666).abs() < 1e-6);
        assert_eq!(quantile(&d, 0.75), 100.0);
        // R: quantile(1:10, c(.1, .5, .9), type = 8) = 1.366667 5.5 9.633333
        let d: Vec<f64> = (1..=10).map(f64::from).collect();
        assert!((quantile(&d, 0.1) - 1.366_666_667).abs() < 1e-6);
        assert!((quantile(&d, 0.5) - 5.5).abs() < 1e-9);
        assert!((quantile(&d, 0.9) - 9.633_333_333).abs() < 1e-6);
        assert_eq!(quantile(&[3.0], 0.25), 3.0);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
