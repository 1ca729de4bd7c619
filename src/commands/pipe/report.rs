//! What `eddy pipe` tells the user: a progress line on a terminal while it runs, and
//! the closing summary (records in, out, dropped by the filter, dead-lettered, skipped;
//! transactions committed and aborted; records/s; how delivery was kept; lag per input
//! partition at the end), as text or one JSON line.

use std::time::Duration;

use serde::Serialize;

use crate::cli::StatsFormat;
use crate::stats::{PartitionEnd, Progress};

/// How the run keeps its promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Output and input offsets in one transaction.
    ExactlyOnce,
    /// eddy dev's mock drops transactional offset commits: offsets after delivery.
    AtLeastOnceDev,
    /// Another cluster: no transaction spans both; offsets after delivery.
    AtLeastOnceAcross,
}

impl Delivery {
    fn name(self) -> &'static str {
        match self {
            Delivery::ExactlyOnce => "exactly-once",
            Delivery::AtLeastOnceDev | Delivery::AtLeastOnceAcross => "at-least-once",
        }
    }

    fn why(self) -> &'static str {
        match self {
            Delivery::ExactlyOnce => "output and input offsets committed in one transaction",
            Delivery::AtLeastOnceDev => {
                "eddy dev's mock drops transactional offset commits: offsets committed after delivery, duplicates possible after a crash"
            }
            Delivery::AtLeastOnceAcross => {
                "transactions cannot span two clusters: offsets committed after delivery, duplicates possible after a crash"
            }
        }
    }
}

pub struct Report {
    delivery: Delivery,
    stats: StatsFormat,
    quiet: bool,
    progress: Progress,
    pub records_in: u64,
    pub records_out: u64,
    /// Input records the filter gave no output for.
    pub dropped: u64,
    pub dead_lettered: u64,
    /// Input records passed over under `--on-error skip`.
    pub skipped: u64,
}

#[derive(Serialize)]
struct Summary<'a> {
    records_in: u64,
    records_out: u64,
    dropped: u64,
    dead_lettered: u64,
    skipped: u64,
    transactions_committed: u64,
    transactions_aborted: u64,
    elapsed_s: f64,
    records_per_s: f64,
    delivery: &'static str,
    partitions: &'a [PartitionEnd],
}

impl Report {
    /// `total`: what a bounded run's bar goes to (`-n`), Some(0) when the partitions
    /// tell it as they start (`-e`, `--until OFFSET`), None for a counter alone.
    pub fn new(delivery: Delivery, stats: StatsFormat, quiet: bool, total: Option<u64>) -> Report {
        Report {
            delivery,
            stats,
            quiet,
            progress: Progress::new(total, quiet, "records in"),
            records_in: 0,
            records_out: 0,
            dropped: 0,
            dead_lettered: 0,
            skipped: 0,
        }
    }

    /// Starts the bar's clock and rate at 0.
    pub fn start(&self) {
        self.progress.origin(0);
    }

    pub fn shows_progress(&self) -> bool {
        self.progress.is_shown()
    }

    /// Moves the bar: by offsets (done, total) when the partitions have ends, else by
    /// records in (toward `-n`, or a counter).
    pub fn progress(&self, offsets: Option<(u64, u64)>) {
        match offsets {
            Some((done, total)) => {
                self.progress.set_total(total);
                self.progress.set(done, self.records_in);
            }
            None => self.progress.set(self.records_in, self.records_in),
        }
    }

    pub fn done(&self) {
        self.progress.done();
    }

    pub fn summary(&self, transactions: (u64, u64), elapsed: Duration, partitions: Vec<PartitionEnd>) {
        let s = elapsed.as_secs_f64();
        let rate = if s > 0.0 {
            (self.records_in as f64 / s * 10.0).round() / 10.0
        } else {
            0.0
        };
        let summary = Summary {
            records_in: self.records_in,
            records_out: self.records_out,
            dropped: self.dropped,
            dead_lettered: self.dead_lettered,
            skipped: self.skipped,
            transactions_committed: transactions.0,
            transactions_aborted: transactions.1,
            elapsed_s: (s * 1000.0).round() / 1000.0,
            records_per_s: rate,
            delivery: self.delivery.name(),
            partitions: &partitions,
        };
        match self.stats {
            StatsFormat::Json => eprintln!("{}", serde_json::to_string(&summary).unwrap_or_default()),
            StatsFormat::Text if self.quiet => {}
            StatsFormat::Text => {
                let lag: i64 = partitions.iter().map(|p| p.lag).sum();
                eprintln!(
                    "in {}  out {}  dropped {}  dead-lettered {}  skipped {}\n\
                     transactions committed {}  aborted {}\n\
                     {:.3}s: {:.0} records/s, lag {} at the end\n\
                     delivery {}: {}",
                    summary.records_in,
                    summary.records_out,
                    summary.dropped,
                    summary.dead_lettered,
                    summary.skipped,
                    summary.transactions_committed,
                    summary.transactions_aborted,
                    summary.elapsed_s,
                    summary.records_per_s,
                    lag,
                    self.delivery.name(),
                    self.delivery.why()
                );
            }
        }
    }
}
