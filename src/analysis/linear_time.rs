//! Tests that a piece of work is linear in its input: it times the work on
//! an input and on one four times as long, in the same run, and asserts the
//! ratio. A quadratic regression then fails the test in about a second
//! instead of hanging CI for hours.
//!
//! Times are this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`, exact to the
//! nanosecond), so other tests and other work sharing the machine's cores
//! do not count; the 1× and 4× inputs are timed alternately, several times,
//! and the medians compared, so a burst of cache pressure hits both sides.
//! The base size is doubled until one run of it takes [`MIN_BASE_TIME`], so
//! timer resolution and fixed costs do not dominate.
//!
//! Linear work costs about 4× on the 4× input; quadratic work 16×. The bound,
//! [`MAX_RATIO`], leaves room for the caches a larger input spills out of.
//!
//! This file is included by unit tests (`crate::analysis::linear_time`) and,
//! through `#[path]`, by `tests/linear_time.rs`, so it uses nothing from the
//! crate.
//!
//! ```ignore
//! assert_linear("a run of marks", 1_000, |n| "«\"“‘'".repeat(n), |text| {
//!     std::hint::black_box(find(text));
//! });
//! ```

use std::time::Duration;

/// How much more the 4× input may cost than the 1× one.
pub const MAX_RATIO: f64 = 6.0;
/// How long one run on the base input takes at least (CPU time).
pub const MIN_BASE_TIME: Duration = Duration::from_millis(15);
/// Timed runs of each size; the medians are compared.
const RUNS: usize = 5;
/// The base size is never doubled past this many times its first value.
const MAX_GROWTH: usize = 1 << 12;

/// Asserts that `work` on `make(4 * n)` costs at most [`MAX_RATIO`] times
/// `work` on `make(n)`, for a base size `n` of at least `start` (grown until
/// the base run takes [`MIN_BASE_TIME`]). `what` names the input in the
/// failure message, which also gives the sizes and both medians.
pub fn assert_linear<T>(what: &str, start: usize, make: impl Fn(usize) -> T, work: impl Fn(&T)) {
    let measured = measure(start, &make, &work);
    // Shown with `--nocapture`: how far from the bound each input is.
    eprintln!(
        "{what}: {} units {} -> 4x {}: ratio {:.2}",
        measured.size,
        fmt(measured.base),
        fmt(measured.large),
        measured.ratio()
    );
    assert!(
        measured.ratio() <= MAX_RATIO,
        "{what}: not linear: {} on the 4x input ({} units) against {} on the 1x one ({} units), \
         a ratio of {:.1} (linear is about 4, quadratic 16; the bound is {MAX_RATIO})",
        fmt(measured.large),
        measured.size * 4,
        fmt(measured.base),
        measured.size,
        measured.ratio(),
    );
}

/// Median CPU times of the base input and of the 4× one.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub size: usize,
    pub base: Duration,
    pub large: Duration,
}

impl Measured {
    pub fn ratio(&self) -> f64 {
        self.large.as_secs_f64() / self.base.as_secs_f64().max(1e-9)
    }
}

/// Times `work` on `make(n)` and `make(4 * n)` alternately (see the module).
pub fn measure<T>(start: usize, make: impl Fn(usize) -> T, work: impl Fn(&T)) -> Measured {
    let mut size = start.max(1);
    let mut base = make(size);
    // Warm up (first-use tables, allocator) outside the timing, then grow
    // the base until it is long enough to time.
    work(&base);
    while cpu_time_of(|| work(&base)) < MIN_BASE_TIME && size < start.max(1) * MAX_GROWTH {
        size *= 2;
        base = make(size);
    }
    let large = make(size * 4);
    let (mut small_times, mut large_times) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        small_times.push(cpu_time_of(|| work(&base)));
        large_times.push(cpu_time_of(|| work(&large)));
    }
    Measured {
        size,
        base: median(small_times),
        large: median(large_times),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn fmt(time: Duration) -> String {
    format!("{:.1} ms", time.as_secs_f64() * 1e3)
}

/// This thread's CPU time spent in `run`.
fn cpu_time_of(run: impl FnOnce()) -> Duration {
    let start = thread_cpu_time();
    run();
    thread_cpu_time().saturating_sub(start)
}

#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call's duration.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Elsewhere, wall time: noisier under load, still a bound.
#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Work that is quadratic by construction: every element against every
    /// other.
    fn pairs(items: &[u64]) {
        let mut sum = 0u64;
        for a in items {
            for b in items {
                sum = sum.wrapping_add(a ^ b);
            }
        }
        std::hint::black_box(sum);
    }

    #[test]
    fn quadratic_work_fails_the_bound() {
        let measured = measure(
            64,
            |n| (0..n as u64).collect::<Vec<_>>(),
            |items| pairs(items),
        );
        assert!(measured.ratio() > MAX_RATIO, "{measured:?}");
    }

    #[test]
    fn linear_work_passes_it() {
        assert_linear(
            "a sum",
            1_000,
            |n| (0..n as u64).collect::<Vec<_>>(),
            |items| {
                std::hint::black_box(items.iter().fold(0u64, |s, &x| s.wrapping_add(x * x)));
            },
        );
    }
}
