//! Small, deterministic learners for the detectors' dense features: grouped
//! folds for cross-validation, L2-regularised logistic regression and a
//! conditional logit (a softmax ranking over candidates), both fitted by
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
    // One group per example, one candidate each, against a fixed zero-score
    // alternative: the conditional logit reduces to the logistic regression
    // when the bias is a feature. Kept apart for clarity and speed.
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

/// Fits a conditional logit: each group is a set of candidates (features,
/// right?), of which the model learns to score the right ones highest.
/// Groups with no right candidate, or only right ones, teach nothing and
/// are skipped. There is no bias: a shift of every candidate changes no
/// choice.
pub fn fit_ranking(groups: &[Vec<(&[f32], bool)>], dimensions: usize, l2: f64) -> Linear {
    let d = dimensions;
    let mut w = vec![0.0f64; d];
    let useful: Vec<Vec<(Vec<f64>, bool)>> = groups
        .iter()
        .filter(|g| g.iter().any(|(_, y)| *y) && g.iter().any(|(_, y)| !*y))
        .map(|g| {
            g.iter()
                .map(|(x, y)| (x.iter().map(|&v| f64::from(v)).collect(), *y))
                .collect()
        })
        .collect();
    for _ in 0..MAX_STEPS {
        let mut gradient = vec![0.0f64; d];
        let mut hessian = vec![0.0f64; d * d];
        for group in &useful {
            // The model's probability of each candidate, and of the right
            // ones together (a mention may be proposed twice).
            let scores: Vec<f64> = group.iter().map(|(x, _)| dot(&w, x)).collect();
            let top = scores.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let total: f64 = e.iter().sum();
            let right: f64 = e
                .iter()
                .zip(group)
                .filter(|(_, c)| c.1)
                .map(|(e, _)| e)
                .sum();
            let p: Vec<f64> = e.iter().map(|v| v / total).collect();
            let q: Vec<f64> = e
                .iter()
                .zip(group)
                .map(|(v, c)| if c.1 { v / right } else { 0.0 })
                .collect();
            // Gradient of −log P(right): E_p[x] − E_q[x]; Hessian:
            // Cov_p[x] − Cov_q[x] (positive semi-definite when one
            // candidate is right, as is nearly always the case).
            let mean = |weights: &[f64]| -> Vec<f64> {
                let mut m = vec![0.0; d];
                for (wt, (x, _)) in weights.iter().zip(group) {
                    for i in 0..d {
                        m[i] += wt * x[i];
                    }
                }
                m
            };
            let (mp, mq) = (mean(&p), mean(&q));
            for i in 0..d {
                gradient[i] += mp[i] - mq[i];
            }
            for (wt, (x, _)) in p.iter().zip(group) {
                for i in 0..d {
                    for j in 0..=i {
                        hessian[i * d + j] += wt * (x[i] - mp[i]) * (x[j] - mp[j]);
                    }
                }
            }
            for (wt, (x, _)) in q.iter().zip(group) {
                for i in 0..d {
                    for j in 0..=i {
                        hessian[i * d + j] -= wt * (x[i] - mq[i]) * (x[j] - mq[j]);
                    }
                }
            }
        }
        penalise_all(&mut gradient, &mut hessian, &w, d, l2);
        if !newton_step(&mut w, &gradient, &mut hessian, d) {
            break;
        }
    }
    Linear {
        weights: w.iter().map(|&v| v as f32).collect(),
        bias: 0.0,
    }
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

fn penalise_all(gradient: &mut [f64], hessian: &mut [f64], w: &[f64], d: usize, l2: f64) {
    for i in 0..d {
        gradient[i] += l2 * w[i];
        hessian[i * d + i] += l2;
    }
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
    fn the_ranking_prefers_the_feature_that_marks_the_right_candidate() {
        let right = [1.0f32, 0.0];
        let wrong = [0.0f32, 1.0];
        let groups: Vec<Vec<(&[f32], bool)>> = (0..50)
            .map(|i| {
                if i % 5 == 0 {
                    vec![(&right[..], false), (&wrong[..], true)]
                } else {
                    vec![(&right[..], true), (&wrong[..], false)]
                }
            })
            .collect();
        let model = fit_ranking(&groups, 2, 1e-3);
        assert!(model.logit(&right) > model.logit(&wrong));
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
