//! Small, deterministic learners for the detectors' dense features: grouped
//! folds for cross-validation, L2-regularised logistic regression fitted by
//! Newton's method in `f64`, and the best-F1 operating point. No randomness
//! and no hash-map iteration: the same data gives the same weights, bit for
//! bit, on every machine.

use crate::analysis::quotes::model::Linear;

/// The fold of a group (a document, a site) among `folds`: an FNV-1a hash of
/// its name, so that a group's fold never depends on the order of a file
/// and every member of a group lands in the same fold.
pub fn fold_of(group: &str, folds: usize) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in group.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    // The low bits of FNV-1a mix poorly on short keys differing at the end.
    hash ^= hash >> 29;
    (hash % folds.max(1) as u64) as usize
}

/// Newton steps before giving up on convergence (it takes about ten).
const MAX_STEPS: usize = 60;

/// Fits a logistic regression to `examples` (features, label) with an L2
/// penalty `l2` on the weights (not the bias). Features may be any scale;
/// binary ones need none.
pub fn fit_logistic(examples: &[(&[f32], bool)], dimensions: usize, l2: f64) -> Linear {
    // The bias is a last feature, always 1.
    let d = dimensions + 1;
    let mut w = vec![0.0f64; d];
    let row = |x: &[f32]| -> Vec<f64> {
        let mut r: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
        r.push(1.0);
        r
    };
    let rows: Vec<(Vec<f64>, f64)> = examples
        .iter()
        .map(|(x, y)| (row(x), if *y { 1.0 } else { 0.0 }))
        .collect();
    for _ in 0..MAX_STEPS {
        let mut gradient = vec![0.0f64; d];
        let mut hessian = vec![0.0f64; d * d];
        for (x, y) in &rows {
            let p = sigmoid(dot(&w, x));
            let s = (p * (1.0 - p)).max(1e-12);
            for i in 0..d {
                gradient[i] += (p - y) * x[i];
                for j in 0..=i {
                    hessian[i * d + j] += s * x[i] * x[j];
                }
            }
        }
        penalise(&mut gradient, &mut hessian, &w, d, l2);
        if !newton_step(&mut w, &gradient, &mut hessian, d) {
            break;
        }
    }
    to_linear(&w, dimensions)
}

/// The threshold on `scored` (score, right?) with the best F1, counting
/// `missed` right answers that no score can reach; ties go to the lower
/// threshold. Returns a value halfway between two neighbouring scores.
pub fn best_f1_threshold(scored: &[(f32, bool)], missed: usize) -> f32 {
    let mut sorted: Vec<(f32, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = sorted.iter().filter(|(_, y)| *y).count() + missed;
    let (mut tp, mut fp) = (0usize, 0usize);
    // Predicting nothing.
    let mut best = (0.0f64, f32::INFINITY);
    for (i, &(score, right)) in sorted.iter().enumerate() {
        if right {
            tp += 1;
        } else {
            fp += 1;
        }
        // Only where the next score differs can the threshold fall here.
        let next = sorted.get(i + 1).map(|n| n.0);
        if next == Some(score) {
            continue;
        }
        let f1 = 2.0 * tp as f64 / (2 * tp + fp + (positives - tp)) as f64;
        if f1 > best.0 || (f1 == best.0 && f1 > 0.0) {
            best = (f1, next.map_or(score / 2.0, |n| (score + n) / 2.0));
        }
    }
    best.1
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// Adds the L2 penalty to every weight but the last (the bias).
fn penalise(gradient: &mut [f64], hessian: &mut [f64], w: &[f64], d: usize, l2: f64) {
    for i in 0..d - 1 {
        gradient[i] += l2 * w[i];
        hessian[i * d + i] += l2;
    }
    // A whisper on the bias keeps the system solvable when a class is empty.
    hessian[(d - 1) * d + (d - 1)] += 1e-9;
}

/// Solves H Δ = g (H's lower triangle filled) by Cholesky and moves `w` by
/// −Δ. Returns false once the step is negligible or H is not positive
/// definite.
fn newton_step(w: &mut [f64], gradient: &[f64], hessian: &mut [f64], d: usize) -> bool {
    // Cholesky in place: H = L Lᵀ.
    for j in 0..d {
        let mut diagonal = hessian[j * d + j];
        for k in 0..j {
            diagonal -= hessian[j * d + k] * hessian[j * d + k];
        }
        if diagonal <= 0.0 {
            return false;
        }
        let diagonal = diagonal.sqrt();
        hessian[j * d + j] = diagonal;
        for i in j + 1..d {
            let mut v = hessian[i * d + j];
            for k in 0..j {
                v -= hessian[i * d + k] * hessian[j * d + k];
            }
            hessian[i * d + j] = v / diagonal;
        }
    }
    let mut y = gradient.to_vec();
    for i in 0..d {
        for k in 0..i {
            y[i] -= hessian[i * d + k] * y[k];
        }
        y[i] /= hessian[i * d + i];
    }
    for i in (0..d).rev() {
        for k in i + 1..d {
            y[i] -= hessian[k * d + i] * y[k];
        }
        y[i] /= hessian[i * d + i];
    }
    let mut largest = 0.0f64;
    for (wi, step) in w.iter_mut().zip(&y) {
        *wi -= step;
        largest = largest.max(step.abs());
    }
    largest > 1e-9
}

fn to_linear(w: &[f64], dimensions: usize) -> Linear {
    Linear {
        weights: w[..dimensions].iter().map(|&v| v as f32).collect(),
        bias: w[dimensions] as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("doc-1", 5), fold_of("doc-1", 5));
        let mut counts = [0usize; 5];
        for i in 0..1000 {
            counts[fold_of(&format!("polnear-{i}"), 5)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (150..250).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn logistic_regression_learns_a_noisy_rule() {
        // y = x0, flipped on one example in ten; x1 is noise.
        let data: Vec<([f32; 2], bool)> = (0..200)
            .map(|i| {
                let x0 = (i % 2) as f32;
                let x1 = ((i / 2) % 3) as f32;
                ([x0, x1], (x0 > 0.5) != (i % 10 == 0))
            })
            .collect();
        let examples: Vec<(&[f32], bool)> = data.iter().map(|(x, y)| (&x[..], *y)).collect();
        let model = fit_logistic(&examples, 2, 1e-3);
        assert!(model.probability(&[1.0, 0.0]) > 0.8);
        assert!(model.probability(&[0.0, 0.0]) < 0.2);
        assert!(model.weights[1].abs() < 0.5);
        assert_eq!(model, fit_logistic(&examples, 2, 1e-3));
    }

    #[test]
    fn the_best_threshold_separates_right_from_wrong() {
        let scored = [
            (0.9, true),
            (0.8, true),
            (0.4, false),
            (0.3, true),
            (0.1, false),
        ];
        let t = best_f1_threshold(&scored, 0);
        // Above 0.3 leaves one right answer out; F1 is best keeping it.
        assert!((0.1..0.3).contains(&t), "{t}");
        assert!(best_f1_threshold(&[(0.9, false), (0.2, false)], 1) > 0.9);
    }
}
