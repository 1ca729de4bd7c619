//! Measuring what a run did: delivery-latency histograms, the closing summaries of
//! produce and consume (as text or one JSON line), and progress bars on a terminal.

use std::time::Duration;

use std::io::IsTerminal;

use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// A latency histogram in microseconds, 1 µs to 10 minutes, 3 significant digits.
pub fn latency_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("constant bounds are valid")
}

#[derive(Debug, Serialize, Default, Clone, Copy)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

impl Latency {
    pub fn from_histogram(h: &Histogram<u64>) -> Self {
        if h.is_empty() {
            return Latency::default();
        }
        let ms = |us: u64| (us as f64 / 1000.0 * 1000.0).round() / 1000.0;
        Latency {
            p50: ms(h.value_at_quantile(0.50)),
            p95: ms(h.value_at_quantile(0.95)),
            p99: ms(h.value_at_quantile(0.99)),
            p999: ms(h.value_at_quantile(0.999)),
            max: ms(h.max()),
        }
    }
}

/// What a produce run did, every record accounted for.
#[derive(Debug, Serialize, Default, Clone, Copy)]
pub struct ProduceSummary {
    pub delivered: u64,
    pub failed: u64,
    pub unknown: u64,
    pub skipped: u64,
    pub bytes: u64,
    pub elapsed_s: f64,
    pub records_per_s: f64,
    pub mb_per_s: f64,
    pub latency_ms: Latency,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl ProduceSummary {
    pub fn finish(&mut self, elapsed: Duration) {
        let s = elapsed.as_secs_f64();
        self.elapsed_s = round(s, 3);
        if s > 0.0 {
            self.records_per_s = round(self.delivered as f64 / s, 1);
            self.mb_per_s = round(self.bytes as f64 / s / 1e6, 3);
        }
    }

    pub fn text(&self) -> String {
        let l = &self.latency_ms;
        format!(
            "delivered {}  failed {}  unknown {}  skipped {}\n\
             {} bytes in {:.3}s: {:.0} records/s, {:.2} MB/s\n\
             latency ms: p50 {:.2}  p95 {:.2}  p99 {:.2}  p99.9 {:.2}  max {:.2}",
            self.delivered,
            self.failed,
            self.unknown,
            self.skipped,
            self.bytes,
            self.elapsed_s,
            self.records_per_s,
            self.mb_per_s,
            l.p50,
            l.p95,
            l.p99,
            l.p999,
            l.max
        )
    }

    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// One partition's position when consume stopped.
#[derive(Debug, Serialize, Clone)]
pub struct PartitionEnd {
    pub topic: String,
    pub partition: i32,
    /// The next offset to read.
    pub offset: i64,
    /// The high watermark.
    pub high: i64,
    /// The last stable offset: the end of what a read_committed consumer can read.
    pub stable: i64,
    /// `stable - offset` (0 when the consumer is past it).
    pub lag: i64,
}

/// What a consume run did.
#[derive(Debug, Serialize, Default, Clone)]
pub struct ConsumeSummary {
    pub records: u64,
    pub bytes: u64,
    /// Keys and values that named a schema they did not fit (shown losslessly).
    pub decode_errors: u64,
    pub elapsed_s: f64,
    pub records_per_s: f64,
    pub partitions: Vec<PartitionEnd>,
}

impl ConsumeSummary {
    pub fn finish(&mut self, elapsed: Duration) {
        let s = elapsed.as_secs_f64();
        self.elapsed_s = round(s, 3);
        if s > 0.0 {
            self.records_per_s = round(self.records as f64 / s, 1);
        }
    }

    pub fn text(&self) -> String {
        let lag: i64 = self.partitions.iter().map(|p| p.lag.max(0)).sum();
        let decode_errors = if self.decode_errors > 0 {
            format!("; {} could not be decoded (shown as they are)", self.decode_errors)
        } else {
            String::new()
        };
        format!(
            "records {}  bytes {}  in {:.3}s: {:.0} records/s; lag at the end {} over {} partitions{decode_errors}",
            self.records,
            self.bytes,
            self.elapsed_s,
            self.records_per_s,
            lag,
            self.partitions.len()
        )
    }

    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A progress bar on stderr, only when stderr is a terminal and never with `-q`, so
/// scripts and logs see the summary alone. With a known total it draws `bounded_line`
/// (a bar, percent, done/total, rate and ETA); without one a spinner and a counter.
#[derive(Debug)]
pub struct Progress(Option<Bar>);

#[derive(Debug)]
struct Bar {
    bar: ProgressBar,
    unit: String,
    started: std::time::Instant,
    /// The first position set (consume starts mid-partition), for the rate; MAX before.
    first: std::sync::atomic::AtomicU64,
}

impl Progress {
    /// `unit` names what is counted ("records", "events"); `total` is what 100 % means.
    pub fn new(total: Option<u64>, quiet: bool, unit: &str) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let (bar, template) = match total {
            // The line is ours (`bounded_line`), so that it can be tested without a terminal.
            Some(n) => (ProgressBar::new(n), "{msg}".to_string()),
            None => (
                ProgressBar::no_length(),
                format!("{{spinner}} {{msg}} {unit}  {{per_sec}}  {{elapsed}}"),
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
        Progress(Some(Bar {
            bar,
            unit: unit.to_string(),
            started: std::time::Instant::now(),
            first: std::sync::atomic::AtomicU64::new(u64::MAX),
        }))
    }

    pub fn is_shown(&self) -> bool {
        self.0.is_some()
    }

    /// `position` counts toward the total; `count` is the number shown beside the unit
    /// without a total.
    pub fn set(&self, position: u64, count: u64) {
        let Some(b) = &self.0 else { return };
        b.bar.set_position(position);
        match b.bar.length() {
            Some(total) => {
                use std::sync::atomic::Ordering::Relaxed;
                let _ = b.first.compare_exchange(u64::MAX, position, Relaxed, Relaxed);
                let first = b.first.load(Relaxed);
                let line = bounded_line(position, total, first, &b.unit, b.started.elapsed());
                b.bar.set_message(line);
            }
            None => b.bar.set_message(count.to_string()),
        }
    }

    /// Where this run started, for the rate (otherwise the first position set).
    pub fn origin(&self, position: u64) {
        if let Some(b) = &self.0 {
            b.first.store(position, std::sync::atomic::Ordering::Relaxed);
        }
    }

    pub fn set_total(&self, total: u64) {
        if let Some(b) = &self.0 {
            b.bar.set_length(total);
        }
    }

    /// Clears the bar so that the summary stands alone.
    pub fn done(&self) {
        if let Some(b) = &self.0 {
            b.bar.finish_and_clear();
        }
    }
}

/// One line of a bar with a known total: `position` of `total` done, `first` where this
/// run started (the rate and the ETA count from there), after `elapsed`:
/// `[#######.............]  35%  350/1000 records  1200/s  ETA 1s`.
pub fn bounded_line(position: u64, total: u64, first: u64, unit: &str, elapsed: Duration) -> String {
    const WIDTH: u64 = 20;
    let done = position.min(total);
    let (filled, percent) = match total {
        0 => (WIDTH, 100),
        t => (done * WIDTH / t, done * 100 / t),
    };
    let bar: String = (0..WIDTH).map(|i| if i < filled { '#' } else { '.' }).collect();
    let s = elapsed.as_secs_f64();
    let rate = if s > 0.0 {
        position.saturating_sub(first.min(position)) as f64 / s
    } else {
        0.0
    };
    let eta = match total - done {
        0 => "0s".to_string(),
        _ if rate < 0.5 => "?".to_string(),
        left => {
            let secs = (left as f64 / rate).ceil() as u64;
            humantime::format_duration(Duration::from_secs(secs)).to_string()
        }
    };
    format!("[{bar}] {percent:>3}%  {done}/{total} {unit}  {rate:.0}/s  ETA {eta}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bounded_bar_shows_count_of_total_percent_rate_and_eta() {
        let line = bounded_line(350, 1000, 0, "records in", Duration::from_secs(2));
        assert_eq!(line, "[#######.............]  35%  350/1000 records in  175/s  ETA 4s");
        // The rate counts from where this run started, not from offset 0.
        let line = bounded_line(600, 1000, 500, "records", Duration::from_secs(1));
        assert_eq!(line, "[############........]  60%  600/1000 records  100/s  ETA 4s");
        assert_eq!(
            bounded_line(1000, 1000, 0, "events", Duration::from_secs(4)),
            "[####################] 100%  1000/1000 events  250/s  ETA 0s"
        );
        // Nothing done yet, an empty total, a position past the total: no panic, no NaN.
        assert_eq!(
            bounded_line(0, 10, 0, "records", Duration::ZERO),
            "[....................]   0%  0/10 records  0/s  ETA ?"
        );
        assert_eq!(
            bounded_line(0, 0, 0, "records", Duration::ZERO),
            "[####################] 100%  0/0 records  0/s  ETA 0s"
        );
        assert!(bounded_line(12, 10, 0, "records", Duration::from_secs(1)).contains("100%  10/10"));
        assert!(bounded_line(5, 10, 9, "records", Duration::from_secs(1)).contains("0/s  ETA ?"));
    }

    #[test]
    fn summary_labels_are_plain() {
        let mut s = ProduceSummary {
            delivered: 1234567,
            failed: 1,
            unknown: 2,
            skipped: 3,
            bytes: 100,
            ..Default::default()
        };
        let mut h = latency_histogram();
        for us in 1..=1000 {
            h.record(us * 10).expect("in range");
        }
        s.latency_ms = Latency::from_histogram(&h);
        s.finish(Duration::from_secs(2));
        let t = s.text();
        assert!(t.contains("delivered 1234567  failed 1  unknown 2  skipped 3"), "{t}");
        assert!(t.contains("p99.9"), "{t}");
        let j: serde_json::Value = serde_json::from_str(&s.json()).expect("json");
        assert_eq!(j["delivered"], 1234567);
        assert_eq!(j["records_per_s"], 617283.5);
        assert!((j["latency_ms"]["p50"].as_f64().expect("p50") - 5.0).abs() < 0.1);
        assert!(j["latency_ms"]["p999"].is_number());
    }
}
