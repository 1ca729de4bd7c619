//! What consume tells the person running it: the progress bar while it reads (toward
//! the end offsets with `--until`, toward N with `-n` / `--expect`), the summary at the
//! end (text, or `--stats json`), and how the run ended, as an outcome: `--expect` and
//! `--expect-none` not met, a filter that could not process records.

use std::time::{Duration, Instant};

use super::End;
use super::parts::Parts;
use super::plan::{Expect, Plan};
use super::stop::Stops;
use crate::cli::StatsFormat;
use crate::error::Outcome;
use crate::offsets::UntilSpec;
use crate::stats::{ConsumeSummary, Progress};

pub(super) struct Report {
    progress: Progress,
    until: Option<UntilSpec>,
    expect: Expect,
    /// When `--within` runs out, and how long it was.
    deadline: Option<(Instant, Duration)>,
    /// The topics as given, for the expectation's message.
    topics: String,
    stats: Option<StatsFormat>,
    quiet: bool,
}

impl Report {
    pub fn new(plan: &Plan, topics: &[String], stats: Option<StatsFormat>, quiet: bool) -> Report {
        let bounded = plan.until.is_some() || plan.count.is_some();
        let total = if matches!(plan.until, Some(UntilSpec::End | UntilSpec::Offset(_))) {
            Some(0)
        } else {
            plan.count
        };
        Report {
            progress: Progress::new(total, quiet || !bounded, "records"),
            until: plan.until,
            expect: plan.expect,
            deadline: plan.within.map(|w| (Instant::now() + w, w)),
            topics: topics.join(","),
            stats,
            quiet,
        }
    }

    /// Whether `--within` has run out.
    pub fn past_deadline(&self) -> bool {
        self.deadline.is_some_and(|(at, _)| Instant::now() >= at)
    }

    /// Moves the bar to where the partitions are.
    pub fn progress(&self, parts: &Parts, stops: &Stops, records: u64) {
        if !self.progress.is_shown() {
            return;
        }
        match self.until {
            Some(UntilSpec::End | UntilSpec::Offset(_)) => {
                let total: i64 = (0..parts.len()).filter_map(|i| stops.part(i).end).sum();
                let reached: i64 = (0..parts.len())
                    .map(|i| {
                        let end = stops.part(i).end.unwrap_or(0);
                        if stops.part(i).done {
                            end
                        } else {
                            parts[i].next.unwrap_or(0).min(end)
                        }
                    })
                    .sum();
                self.progress.set_total(total.max(0) as u64);
                self.progress.set(reached.max(0) as u64, records);
            }
            _ => self.progress.set(records, records),
        }
    }

    /// Clears the bar.
    pub fn done(&self) {
        self.progress.done();
    }

    /// Whether the summary is wanted at all (it needs the partitions' offsets).
    pub fn wants_summary(&self) -> bool {
        self.stats.is_some() || !self.quiet
    }

    pub fn summary(&self, summary: &ConsumeSummary) {
        match self.stats {
            Some(StatsFormat::Json) => eprintln!("{}", summary.json()),
            _ if self.quiet => {}
            _ => eprintln!("{}", summary.text()),
        }
    }

    /// How the run ended, given how the loop ended, the records written, and whether the
    /// filter reported errors and went on. An expectation not met is said here.
    pub fn outcome(&self, end: End, seen: u64, reported_errors: bool) -> Outcome {
        let expectation = match (self.expect, end) {
            (Expect::Count(n), End::Done) if seen < n => Some(format!(
                "saw {seen} of {n} matching records before the end of {}",
                self.topics
            )),
            (Expect::Count(n), End::Deadline) => Some(format!(
                "saw {seen} of {n} matching records in {} on {}",
                humantime::format_duration(self.deadline.map(|d| d.1).unwrap_or_default()),
                self.topics
            )),
            (Expect::Nothing, End::Unexpected) => Some(format!(
                "expected no matching record on {}, but one arrived",
                self.topics
            )),
            _ => None,
        };
        if let Some(reason) = expectation {
            eprintln!("eddy: {reason}");
            return Outcome::Failed;
        }
        match end {
            End::Done | End::Closed | End::Deadline if reported_errors => Outcome::InputErrors,
            End::Done | End::Closed | End::Deadline => Outcome::Success,
            End::Unexpected | End::Failed => Outcome::Failed,
            End::Signal(s) => Outcome::Interrupted(s),
            End::FilterFailed => Outcome::InputErrors,
        }
    }
}
