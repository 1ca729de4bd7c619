//! When each record is due: a rate (`--rate`), reached linearly over a ramp (`--ramp`),
//! measured from the start so that the rate holds over the run instead of drifting by
//! the cost of each record. The schedule is pure (record i → seconds after the start);
//! the `Pacer` sleeps until a record's time, in slices, so that a Ctrl-C is noticed.

use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::interrupt;

/// The one check of `--rate`: a positive, finite number of records a second.
pub fn check_rate(rate: Option<f64>) -> Result<()> {
    match rate {
        Some(r) if !(r > 0.0 && r.is_finite()) => Err(Error::usage(format!("--rate {r}: must be a positive number"))),
        _ => Ok(()),
    }
}

/// When each record is due, in seconds after the start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    /// Records a second; None: as fast as possible.
    rate: Option<f64>,
    /// Seconds over which the rate grows linearly from 0 to `rate`.
    ramp: f64,
}

impl Schedule {
    /// `rate` as `check_rate` passed it; a ramp without a rate paces nothing.
    pub fn new(rate: Option<f64>, ramp: Option<Duration>) -> Self {
        Schedule {
            rate,
            ramp: ramp.map_or(0.0, |r| r.as_secs_f64()),
        }
    }

    pub fn is_paced(&self) -> bool {
        self.rate.is_some()
    }

    /// Seconds after the start at which record `i` (from 0) is due; None unpaced.
    pub fn due(&self, i: u64) -> Option<f64> {
        let rate = self.rate?;
        let i = i as f64;
        // Under the ramp, records so far grow as rate·t²/(2·ramp): invert that.
        let ramp_records = rate * self.ramp / 2.0;
        Some(if i < ramp_records {
            (2.0 * self.ramp * i / rate).sqrt()
        } else {
            self.ramp + (i - ramp_records) / rate
        })
    }

    /// Milliseconds from a pinned start to record `i`: the schedule, or 1 ms a step.
    pub fn offset_ms(&self, i: u64) -> i64 {
        match self.due(i) {
            Some(s) => (s * 1000.0).floor() as i64,
            None => i as i64,
        }
    }
}

/// A schedule from a moment on.
#[derive(Debug, Clone, Copy)]
pub struct Pacer {
    start: Instant,
    schedule: Schedule,
}

/// The longest sleep between looks at the interrupt flag.
const SLICE: Duration = Duration::from_millis(50);

impl Pacer {
    pub fn new(schedule: Schedule) -> Self {
        Pacer {
            start: Instant::now(),
            schedule,
        }
    }

    /// How long until record `i` is due; zero when it is (or nothing is paced).
    pub fn left(&self, i: u64) -> Duration {
        match self.schedule.due(i) {
            Some(due) => (self.start + Duration::from_secs_f64(due)).saturating_duration_since(Instant::now()),
            None => Duration::ZERO,
        }
    }

    /// Sleeps until record `i` is due, or a signal asks to stop.
    pub fn wait(&self, i: u64) {
        let mut left = self.left(i);
        while !left.is_zero() && interrupt::requested().is_none() {
            let slice = left.min(SLICE);
            std::thread::sleep(slice);
            left = left.saturating_sub(slice);
        }
    }

    /// One slice of sleep towards record `i` (at most 50 ms), for a caller that has
    /// more to look at between slices than the interrupt flag.
    pub fn nap(&self, i: u64) {
        std::thread::sleep(self.left(i).min(SLICE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_spreads_records_by_rate_and_ramp() {
        let flat = Schedule::new(Some(100.0), None);
        assert_eq!(flat.due(0), Some(0.0));
        assert_eq!(flat.due(300), Some(3.0));
        assert_eq!(flat.offset_ms(3), 30);
        // 10 s ramp to 100/s: 500 records in the ramp, then 100 a second.
        let ramp = Schedule::new(Some(100.0), Some(Duration::from_secs(10)));
        assert!((ramp.due(500).expect("due") - 10.0).abs() < 1e-9);
        assert!((ramp.due(125).expect("due") - 5.0).abs() < 1e-9);
        assert!((ramp.due(600).expect("due") - 11.0).abs() < 1e-9);
        let none = Schedule::new(None, None);
        assert_eq!(none.due(5), None);
        assert_eq!(none.offset_ms(5), 5);
        assert!(!none.is_paced());
    }

    #[test]
    fn the_pacer_waits_for_a_records_time_only() {
        let pacer = Pacer::new(Schedule::new(Some(1000.0), None));
        assert_eq!(pacer.left(0), Duration::ZERO);
        let left = pacer.left(1000);
        assert!(
            left > Duration::from_millis(900) && left <= Duration::from_secs(1),
            "{left:?}"
        );
        let started = Instant::now();
        pacer.wait(20);
        assert!(started.elapsed() >= Duration::from_millis(15));
        assert_eq!(Pacer::new(Schedule::new(None, None)).left(1_000_000), Duration::ZERO);
    }

    #[test]
    fn a_rate_is_a_positive_finite_number() {
        assert!(check_rate(None).is_ok());
        assert!(check_rate(Some(0.5)).is_ok());
        for bad in [0.0, -1.0, f64::INFINITY, f64::NAN] {
            let e = check_rate(Some(bad)).expect_err("refused");
            assert!(e.to_string().contains("must be a positive number"), "{e}");
        }
    }
}
