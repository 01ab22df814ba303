//! Timing and memory measurement shared by every phase: wall-clock samples summarised as median
//! and 95th percentile, the process's peak resident memory, and the size of a folder on disk.

use std::path::Path;
use std::time::{Duration, Instant};

/// Median and 95th percentile of repeated timings, in milliseconds.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Latency {
    pub median_ms: f64,
    pub p95_ms: f64,
    pub runs: usize,
}

impl Latency {
    /// Summarises samples (nearest-rank percentiles: no interpolation between two runs).
    pub fn of(samples: &mut [Duration]) -> Latency {
        assert!(!samples.is_empty(), "a latency needs at least one sample");
        samples.sort();
        let rank = |p: f64| {
            let index = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1;
            samples[index].as_secs_f64() * 1e3
        };
        Latency {
            median_ms: rank(0.5),
            p95_ms: rank(0.95),
            runs: samples.len(),
        }
    }
}

/// Runs `work` `warm_up` times untimed (caches, lazily built state), then `runs` times timed.
pub fn latency<T>(warm_up: usize, runs: usize, mut work: impl FnMut() -> T) -> Latency {
    for _ in 0..warm_up {
        std::hint::black_box(work());
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(work());
            started.elapsed()
        })
        .collect();
    Latency::of(&mut samples)
}

/// Seconds `work` took, with its result.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let started = Instant::now();
    let result = work();
    (result, started.elapsed().as_secs_f64())
}

fn status_field_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// This process's peak resident memory so far (`VmHWM`), in MB; 0 where /proc is missing.
pub fn peak_rss_mb() -> f64 {
    status_field_kb("VmHWM:").map_or(0.0, |kb| kb as f64 / 1024.0)
}

/// This process's resident memory now (`VmRSS`), in MB.
pub fn rss_mb() -> f64 {
    status_field_kb("VmRSS:").map_or(0.0, |kb| kb as f64 / 1024.0)
}

/// Resets the peak to the current resident memory (Linux 4.0+: `5` to `/proc/self/clear_refs`),
/// so a phase that first loads its input untimed reports the peak of the work itself on top of
/// that input, not of the loading. Returns whether the kernel allowed it.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Bytes of every file under `path` (a store is a folder).
pub fn size_on_disk(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| size_on_disk(&entry.path()))
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_are_nearest_ranks() {
        let mut samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let latency = Latency::of(&mut samples);
        assert_eq!(latency.median_ms, 50.0);
        assert_eq!(latency.p95_ms, 95.0);
    }

    #[test]
    fn a_single_sample_is_its_own_median_and_p95() {
        let latency = Latency::of(&mut [Duration::from_millis(7)]);
        assert_eq!((latency.median_ms, latency.p95_ms), (7.0, 7.0));
    }
}
