//! `eddy consume`: topics to stdout with full offset control.
//!
//! A polling loop over `kafka::source` (a `BaseConsumer`, much faster than a stream
//! consumer) renders each record into one large output buffer. Where to start (`--from`)
//! is resolved before reading — `@TIME` by the broker's time index, or by a binary
//! search on record timestamps where the broker cannot answer (the dev cluster) — and
//! where to stop (`--until`, `-e`, `-n`) is decided per partition by the pure rules in
//! `stop`. With a group, an offset is stored only once its record has reached the
//! reader: written, flushed, and (for a pipe) taken out of the pipe. What is stored is
//! the consumer's position, which on a transactional topic moves past commit and abort
//! markers and aborted batches that are never shown, so a group that read everything
//! readable has no lag left.
//!
//! Reading is read_committed (librdkafka's default, set explicitly): `-e` stops at the
//! last stable offset, and `kafka::metadata::Watermarks` tells it apart from the high
//! watermark.
//!
//! The Kafka side is `kafka::source`; here are the loop, the commit bookkeeping and the
//! end-of-partition events. The flag checks are `plan`, the stop rules `stop`, the
//! partitions' slots `parts`, the way to stdout (format, filter) `render`, and what the
//! user is told (progress, summary, outcome) `report`.

mod parts;
mod plan;
pub(crate) use plan::topic_patterns;
mod render;
mod report;
mod stop;

use std::time::{Duration, Instant};

use crate::cli::ConsumeArgs;
use crate::codec;
use crate::config::Settings;
use crate::error::{self, Error, Outcome, Result};
use crate::interrupt;
use crate::kafka::metadata::PartitionOffsets;
use crate::kafka::source::{Ledger, PollError, Polled, Received, Source, Start};
use crate::kafka::topic::check_partition;
use crate::offsets::{OffsetSpec, UntilSpec};
use crate::output::{Stdout, Written};
use crate::sink::Sink;
use crate::stats::{ConsumeSummary, PartitionEnd};
use crate::times::now_ms;
use parts::{Part, Parts};
use plan::{Expect, Plan};
use render::{Render, Wrote};
use report::Report;
use stop::{Stop, Stops, Verdict};

pub fn run(settings: &Settings, args: &ConsumeArgs) -> Result<Outcome> {
    // Every check that needs no cluster comes before the first client.
    let plan = Plan::from_args(args, now_ms())?;
    let decoders = codec::flags::decoders(&args.decode, codec::decode::registry_lookup(settings)?)?;
    let source = Source::new(settings, args.group.as_deref(), plan.from)?;
    let mut parts = named_parts(&source, args)?;
    if let Some(spec) = plan.from {
        source.resolve_starts(parts.iter().map(|p| (p.topic.as_str(), p.partition)), spec)?;
    }
    let mut stops = Stops::new(plan.until, plan.count, plan.expect == Expect::Nothing, plan.group_mode);
    join_stops(&source, &mut parts, &mut stops)?;
    if plan.group_mode {
        let topics: Vec<&str> = args.topics.iter().map(String::as_str).collect();
        source.subscribe(&topics)?;
    } else {
        assign(&source, args, &parts, &stops, plan.from)?;
    }

    let report = Report::new(&plan, &args.topics, args.stats, settings.quiet);
    let mut render = Render::new(
        plan.format,
        plan.delimiter,
        plan.filter,
        args.raw_output,
        args.on_error,
        plan.count,
    );
    render.decode_with(decoders, args.decode.on_decode_error);
    let mut run = Run {
        settings,
        source: &source,
        until: plan.until,
        group: args.group.is_some(),
        group_mode: plan.group_mode,
        render,
        report,
        out: Stdout::new(),
        parts: Parts::new(parts),
        ledger: Ledger::new(),
        bytes: 0,
        assignment_seen: 0,
        stops,
        filter_failed: false,
        fatal: None,
    };
    let started = Instant::now();
    let end = run.consume()?;
    run.stop(end, started)
}

/// The partitions of the named topics (which must exist), as `-p` chooses them.
fn named_parts(source: &Source, args: &ConsumeArgs) -> Result<Vec<Part>> {
    let mut parts: Vec<Part> = Vec::new();
    for topic in args.topics.iter().filter(|t| !t.starts_with('^')) {
        let count = source.partitions(topic)?;
        let chosen: Vec<i32> = if args.partitions.is_empty() {
            (0..count).collect()
        } else {
            args.partitions.clone()
        };
        for p in chosen {
            check_partition(topic, p, count)?;
            parts.push(Part::new(topic, p));
        }
    }
    Ok(parts)
}

/// Gives each named partition its slot in the stop rules, with where it ends for
/// `--until end`. The reading consumer's own watermark query answers with the last
/// stable offset (it reads committed), so the end is what it can read, not the high
/// watermark beyond an open transaction.
fn join_stops(source: &Source, parts: &mut [Part], stops: &mut Stops) -> Result<()> {
    for part in parts.iter_mut() {
        let stable = if stops.needs_stable_end() {
            Some(source.stable_end(&part.topic, part.partition)?)
        } else {
            None
        };
        let slot = stops.add(stable);
        // Starting at or past where it ends (`--from` past the end, with -e): done
        // before it begins, not waiting for a record that will not be shown.
        if let Some(Start::Offset(start)) = source.resolved(&part.topic, part.partition) {
            if stops.starts_at(slot, start) {
                part.next = Some(start);
            }
        }
    }
    Ok(())
}

/// Assigns the named partitions that are not done before they begin.
fn assign(source: &Source, args: &ConsumeArgs, parts: &[Part], stops: &Stops, from: Option<OffsetSpec>) -> Result<()> {
    let mut list = Vec::new();
    for (_, part) in parts.iter().enumerate().filter(|(i, _)| !stops.part(*i).done) {
        let start = match from {
            Some(_) => source.resolved(&part.topic, part.partition).unwrap_or(Start::Beginning),
            // With a group (and -p), start where the group left off.
            None if args.group.is_some() => Start::Stored,
            None => Start::Beginning,
        };
        list.push((part.topic.as_str(), part.partition, start));
    }
    source.assign(&list)
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// `--within` passed.
    Deadline,
    /// `--expect-none` saw a record.
    Unexpected,
    /// Every partition reached its --until, or --count was met.
    Done,
    /// The reader of stdout went away.
    Closed,
    Signal(crate::error::Signal),
    Failed,
    /// `--on-error fail`: the filter could not process a record.
    FilterFailed,
}

/// One consume as it runs: the source and where each partition stops, the way to
/// stdout, and which offsets wait for the reader before they are stored.
struct Run<'a> {
    settings: &'a Settings,
    source: &'a Source,
    until: Option<UntilSpec>,
    group: bool,
    group_mode: bool,
    parts: Parts,
    stops: Stops,
    render: Render,
    report: Report,
    out: Stdout,
    /// Offsets reached, each out once stdout acknowledges the bytes written before it
    /// (taken by the reader); group mode only.
    ledger: Ledger,
    bytes: u64,
    assignment_seen: u64,
    /// Set under `--on-error fail` when a record could not be processed.
    filter_failed: bool,
    /// Set when the run cannot go on (a schema registry that cannot be asked).
    fatal: Option<String>,
}

impl Run<'_> {
    /// The slot of a partition, giving one to a partition a group gave us that we did
    /// not know (a regex topic).
    fn slot(&mut self, topic: &str, partition: i32) -> usize {
        if let Some(i) = self.parts.find(topic, partition) {
            return i;
        }
        let stable = if self.stops.needs_stable_end() {
            self.source.stable_end(topic, partition).ok()
        } else {
            None
        };
        let i = self.stops.add(stable);
        let slot = self.parts.add(topic, partition);
        debug_assert_eq!(i, slot);
        slot
    }

    /// Partitions that count for "all done": the named ones, or in group mode those the
    /// group assigned to us now.
    fn all_done(&mut self) -> bool {
        if self.until.is_none() {
            return false;
        }
        if self.group_mode {
            if let Some((generation, assigned)) = self.source.assignment_since(self.assignment_seen) {
                self.assignment_seen = generation;
                let slots = assigned.iter().map(|(t, p)| self.slot(t, *p)).collect();
                self.stops.assigned(slots);
            }
            if self.source.given_nothing() {
                if !self.settings.quiet {
                    eprintln!("eddy: consume: {}", crate::kafka::source::NOTHING_ASSIGNED);
                }
                return true;
            }
        }
        self.stops.all_done()
    }

    fn consume(&mut self) -> Result<End> {
        let mut last_flush = Instant::now();
        let mut since_check: u32 = 0;
        let mut warned_transport = false;
        // Since when librdkafka has said that every broker is down (cleared by any record).
        let mut all_down: Option<Instant> = None;
        loop {
            if let Some(s) = interrupt::requested() {
                return Ok(End::Signal(s));
            }
            // A cluster that went away is a failure once --timeout has passed without it,
            // not a wait forever.
            if all_down.is_some_and(|since| since.elapsed() >= self.settings.timeout) {
                eprintln!(
                    "eddy: lost the cluster at {}: every broker has been down for {}",
                    self.settings.brokers,
                    humantime::format_duration(self.settings.timeout)
                );
                return Ok(End::Failed);
            }
            if self.all_done() {
                return Ok(End::Done);
            }
            if self.report.past_deadline() {
                return Ok(End::Deadline);
            }
            let message = match self.source.poll(Duration::from_millis(100)) {
                Polled::Idle => {
                    if self.flush() == Written::Closed {
                        return Ok(End::Closed);
                    }
                    last_flush = Instant::now();
                    let (stops, source, parts) = (&mut self.stops, self.source, &self.parts);
                    stops.tick(now_ms(), |i| source.pause(&parts[i].topic, parts[i].partition));
                    continue;
                }
                Polled::EndOfPartition(p) => {
                    self.eof(p);
                    continue;
                }
                Polled::Error(e) => {
                    if e.all_brokers_down {
                        all_down.get_or_insert_with(Instant::now);
                    }
                    if let Some(end) = self.consume_error(&e, &mut warned_transport) {
                        return Ok(end);
                    }
                    continue;
                }
                Polled::Record(m) => {
                    all_down = None;
                    m
                }
            };
            match self.record(&message) {
                Written::Closed => return Ok(End::Closed),
                Written::Ok => {}
            }
            if self.filter_failed {
                return Ok(End::FilterFailed);
            }
            if let Some(why) = self.fatal.take() {
                error::report(&Error::runtime(why), Some("stopped before this record"));
                return Ok(End::Failed);
            }
            match self.stops.written(self.render.records) {
                Some(Stop::Unexpected) => return Ok(End::Unexpected),
                Some(Stop::Count) => return Ok(End::Done),
                None => {}
            }
            since_check += 1;
            if since_check >= 64 {
                since_check = 0;
                if last_flush.elapsed() >= Duration::from_millis(100) {
                    if self.flush() == Written::Closed {
                        return Ok(End::Closed);
                    }
                    last_flush = Instant::now();
                }
            }
        }
    }

    /// Handles one record: skip it past --until, else render, and track it for commits.
    fn record(&mut self, m: &Received<'_>) -> Written {
        let view = m.view();
        let (topic, partition, offset) = (view.topic, view.partition, view.offset);
        let i = self.slot(topic, partition);
        match self.stops.record(i, offset, view.timestamp) {
            Verdict::Show => {}
            Verdict::Drop => return Written::Ok,
            Verdict::Past => {
                // The first record past --until is not shown, and whatever came between
                // the last one shown and it (markers, aborted batches) is behind the
                // reader: the group resumes at this record.
                self.source.pause(&self.parts[i].topic, self.parts[i].partition);
                self.advance(i, offset);
                return Written::Ok;
            }
        }
        let wrote = if self.render.uses_headers() {
            self.render.write(&mut self.out.buf, &view, || m.headers())
        } else {
            self.render.write(&mut self.out.buf, &view, std::iter::empty)
        };
        match wrote {
            Wrote::Ok => {}
            // --on-error fail, --on-decode-error fail: stop before this record, which is
            // neither written nor committed.
            Wrote::Stopped => {
                self.filter_failed = true;
                return Written::Ok;
            }
            Wrote::Fatal(why) => {
                self.fatal = Some(why);
                return Written::Ok;
            }
        }
        self.bytes += m.size();
        self.advance(i, offset + 1);
        if self.stops.shown(i, offset) {
            self.source.pause(&self.parts[i].topic, self.parts[i].partition);
        }
        if self.out.buf.len() >= 1 << 16 {
            self.flush()
        } else {
            Written::Ok
        }
    }

    /// The reader has everything before `next` of partition `i`, once what was written so
    /// far is taken: records shown, and in between only what a read_committed consumer
    /// never shows. Stored (with a group) when the reader took it.
    fn advance(&mut self, i: usize, next: i64) {
        self.parts[i].next = Some(next);
        if self.group {
            self.ledger.reached(self.out.position(), i, next);
        }
    }

    /// A partition reached the end of what the broker has. Without the topic in the
    /// event, every partition of that number whose position reached its local high
    /// watermark counts.
    fn eof(&mut self, partition: i32) {
        // The consumer's positions: past the markers and aborted batches it read over.
        let positions = self.source.positions();
        let position_of = |topic: &str, p: i32| positions.of(topic, p);
        let candidates: Vec<usize> = self
            .parts
            .iter()
            .enumerate()
            .filter(|(i, p)| p.partition == partition && !self.stops.part(*i).done)
            .map(|(i, _)| i)
            .collect();
        let single = candidates.len() == 1;
        for i in candidates {
            let p = &self.parts[i];
            let position = position_of(&p.topic, p.partition);
            let at_end = single || {
                let position = position.or(p.next).or_else(|| self.start_of(i));
                let high = self.source.local_watermarks(&p.topic, p.partition).map(|w| w.1);
                // The local high watermark is the log end: while a transaction is open
                // the position stops below it, at the last stable offset, which is
                // where --until end stops anyway.
                matches!((position, high), (Some(n), Some(h)) if n >= h)
                    || matches!((position, self.stops.part(i).end), (Some(n), Some(e)) if n >= e)
            };
            if !at_end {
                continue;
            }
            self.reached_end(i, position);
        }
        // A partition that was assigned but never had a record: mark it too.
        if self.parts.iter().all(|p| p.partition != partition) && self.group_mode {
            let assigned = self.source.assigned();
            for (t, p) in assigned.iter().filter(|(_, p)| *p == partition) {
                let i = self.slot(t, *p);
                self.reached_end(i, position_of(t, *p));
            }
        }
    }

    /// Partition `i` is at the end of what the broker has for us, the consumer at
    /// `position` (when it knows one).
    fn reached_end(&mut self, i: usize, position: Option<i64>) {
        if let Some(position) = position.filter(|p| self.parts[i].next.is_none_or(|n| *p > n)) {
            // Nothing was skipped (the partition is not done), so everything before the
            // position was shown or is never shown: a transactional topic read to its
            // end leaves the group at its end, not at its last record + 1.
            self.advance(i, position);
        }
        let p = &self.parts[i];
        // Only `--until OFFSET` needs to know where the log ends now.
        let high = match self.until {
            Some(UntilSpec::Offset(_)) => self.source.local_watermarks(&p.topic, p.partition).map(|w| w.1),
            _ => None,
        };
        if self.stops.end_of_partition(i, high, now_ms()) {
            self.source.pause(&p.topic, p.partition);
        }
    }

    /// Where reading of a partition started, for one from which nothing was read yet.
    fn start_of(&self, i: usize) -> Option<i64> {
        let p = &self.parts[i];
        let (low, high) = self.source.local_watermarks(&p.topic, p.partition)?;
        let assigned = self.source.resolved(&p.topic, p.partition);
        match assigned.unwrap_or(if self.group { Start::Stored } else { Start::Beginning }) {
            Start::Offset(o) => Some(o),
            Start::Beginning => Some(low),
            Start::End => Some(high),
            Start::Tail(n) => Some((high - n).max(low)),
            // The group's committed offset, or the beginning for a new group.
            Start::Stored => Some(self.source.committed(&p.topic, p.partition)?.unwrap_or(low)),
        }
    }

    /// A consumer error: fatal ones end the run, transient ones are reported once.
    fn consume_error(&mut self, e: &PollError, warned: &mut bool) -> Option<End> {
        if e.fatal {
            eprintln!("eddy: {}", e.message);
            return Some(End::Failed);
        }
        if !*warned || self.settings.verbose {
            eprintln!("eddy: warning: {} (retrying)", e.message);
            *warned = true;
        }
        None
    }

    /// Writes the buffer out, then stores the offsets of the records the reader took.
    fn flush(&mut self) -> Written {
        self.report.progress(&self.parts, &self.stops, self.render.records);
        let written = self.out.flush();
        if self.group {
            self.store_taken();
        }
        written
    }

    /// Stores the offsets whose output the reader has taken (the sink acknowledged).
    fn store_taken(&mut self) {
        if self.ledger.is_empty() {
            return;
        }
        let acked = Sink::acknowledged(&mut self.out);
        let (parts, source, verbose) = (&self.parts, self.source, self.settings.verbose);
        self.ledger.acknowledged(acked, |slot, next| {
            let p = &parts[slot];
            if let Err(e) = source.store(&p.topic, p.partition, next) {
                if verbose {
                    eprintln!("eddy: could not store offset {}:{}@{next}: {e}", p.topic, p.partition);
                }
            }
        });
    }

    /// Stops: flush, wait a little for the reader to take what is in the pipe, store
    /// what it took, commit, summarise.
    fn stop(mut self, end: End, started: Instant) -> Result<Outcome> {
        let elapsed = started.elapsed();
        let closed = end == End::Closed || self.flush() == Written::Closed;
        self.report.done();
        if self.group {
            if !closed && self.out.is_pipe() && !self.ledger.is_empty() {
                // The reader is still there: give it time to take what we wrote, so it is
                // committed and not read again next time.
                let deadline = Instant::now() + self.settings.timeout;
                while Instant::now() < deadline && Sink::acknowledged(&mut self.out) < self.out.position() {
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
            self.store_taken();
            if let Err(e) = self.source.commit() {
                eprintln!("eddy: committing offsets failed: {e}");
            }
        }
        if !closed && self.report.wants_summary() {
            let mut summary = ConsumeSummary {
                records: self.render.records,
                bytes: self.bytes,
                decode_errors: self.render.decode_errors(),
                ..Default::default()
            };
            summary.finish(elapsed);
            summary.partitions = self.partition_ends();
            self.report.summary(&summary);
        }
        let reported = self.render.filter_errors() > 0 && self.render.reports_errors();
        Ok(self.report.outcome(end, self.render.records, reported))
    }

    fn partition_ends(&self) -> Vec<PartitionEnd> {
        let mut list = Vec::new();
        let positions = self.source.positions();
        for (i, p) in self.parts.iter().enumerate() {
            let ends = self.source.offsets(&p.topic, p.partition).unwrap_or(PartitionOffsets {
                low: 0,
                high: 0,
                stable: 0,
            });
            let next = p.next.or_else(|| positions.of(&p.topic, p.partition));
            let offset = next.unwrap_or(if self.stops.part(i).at_eof {
                ends.stable
            } else {
                ends.low
            });
            list.push(PartitionEnd {
                topic: p.topic.clone(),
                partition: p.partition,
                offset,
                high: ends.high,
                stable: ends.stable,
                // Measured to what can be read: a consumer past the last stable offset
                // (inside an open transaction) has nothing to read yet.
                lag: (ends.stable - offset).max(0),
            });
        }
        list.sort_by(|a, b| (a.topic.as_str(), a.partition).cmp(&(b.topic.as_str(), b.partition)));
        list
    }
}
