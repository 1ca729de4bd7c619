//! `eddy pipe`: from topic to topic through jq and codecs, in one process.
//!
//! The input is consume's `kafka::source::Source` (read_committed, consume's offset
//! flags), each record is shaped into the records to write by `shape` (the envelope,
//! the filter, the codecs, produce's record flags), and the output is the
//! `kafka::producer::ProducerSink`. How input positions are kept decides the delivery:
//!
//! - exactly once (one Kafka cluster that has transactions): the sink's producer is
//!   transactional (`kafka::transaction`); the offsets reached go into the same
//!   transaction as the records they produced, committed every `--commit-interval` or
//!   `--commit-records`, before a rebalance takes partitions away, and at the end;
//! - at least once (eddy dev's mock, which acknowledges transactional offset commits
//!   and drops them): the source's `Ledger` stores an input offset only once the sink
//!   acknowledged every record sent before it, and the group commits what is stored.
//!
//! Where each partition ends (`--until`, `-e`) is `parts`; the closing summary `report`.

mod parts;
mod plan;
mod report;
mod shape;

use std::time::{Duration, Instant};

use crate::cli::{PipeArgs, PipeOnError};
use crate::codec;
use crate::codec::encode::{EncodePlan, EnvelopeEncoder};
use crate::codec::registry::Registry;
use crate::config::Settings;
use crate::error::{Error, Outcome, Result, Signal};
use crate::interrupt;
use crate::kafka::client::ProducerOptions;
use crate::kafka::producer::{ProducerSink, Stop};
use crate::kafka::source::{Ledger, Polled, Received, Source};
use crate::kafka::transaction::{Committed, Transactions};
use crate::offsets::UntilSpec;
use crate::record::{Header, HeadersRef, RecordRef};
use crate::sink::{Seq, Sink};
use crate::times::now_ms;
use parts::{Parts, Verdict};
use plan::Plan;
use report::{Delivery, Report};
use shape::{Failure, Out, Shaped, Shaper, Stage};

pub fn run(settings: &Settings, args: &PipeArgs) -> Result<Outcome> {
    // Every check that needs no cluster comes before the first client.
    let plan = Plan::from_args(args, now_ms())?;
    let (decoders, encoders, reencoder) = schemas(settings, args)?;
    // Offsets are committed by pipe itself: in the transaction, or after delivery.
    let mut consumer_settings = settings.clone();
    // The input is fetched only as far ahead as the output keeps up: consume's deep
    // fetch queue (for a fast reader of stdout) would hold 64 MB here for nothing.
    for (k, v) in [
        ("enable.auto.commit", "false"),
        ("queued.min.messages", "20000"),
        ("queued.max.messages.kbytes", "16384"),
    ] {
        consumer_settings.properties.insert(0, (k.to_string(), v.to_string()));
    }
    let source = Source::new(&consumer_settings, args.group.as_deref(), plan.from)?;
    let across = destination(settings, args, &plan.to_properties)?;
    // The destination must be there before anything is read; without --to, the sink
    // waits on the first input topic only to know the cluster is up.
    let dest = args.to.clone();
    let sink_topic = dest.clone().unwrap_or_else(|| args.sources[0].clone());
    {
        let checker = match &across {
            Some(s) => Some(Source::new(s, None, None)?),
            None => None,
        };
        for topic in args.dead_letter.iter().chain(dest.iter()) {
            checker
                .as_ref()
                .unwrap_or(&source)
                .partitions(topic)
                .map_err(|e| Error::runtime(format!("the destination {topic}: {e}")))?;
        }
    }
    let delivery = if across.is_some() {
        Delivery::AtLeastOnceAcross
    } else if source.looks_like_dev() {
        Delivery::AtLeastOnceDev
    } else {
        Delivery::ExactlyOnce
    };
    // One cluster: --to-X on top of -X, for the producer only.
    let mut producer_settings = across.unwrap_or_else(|| {
        let mut s = settings.clone();
        s.properties.extend(plan.to_properties.iter().cloned());
        s
    });
    // A bounded queue: the input waits for the output instead of piling up in memory.
    producer_settings
        .properties
        .insert(0, ("queue.buffering.max.kbytes".to_string(), "32768".to_string()));
    let transactional_id = args.transactional_id.clone().unwrap_or_else(|| match &args.group {
        Some(g) => format!("eddy-pipe-{g}-{}", args.instance),
        None => format!("eddy-pipe-copy-{sink_topic}-{}", args.instance),
    });
    if delivery == Delivery::ExactlyOnce {
        // Before the user's -X, which wins.
        producer_settings
            .properties
            .insert(0, ("transactional.id".to_string(), transactional_id.clone()));
        // librdkafka refuses a record timeout longer than the transaction's: a shorter
        // -X transaction.timeout.ms shortens it too.
        let given = |key: &str| {
            producer_settings
                .properties
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        if let (Some(t), None) = (given("transaction.timeout.ms"), given("message.timeout.ms")) {
            producer_settings
                .properties
                .insert(0, ("message.timeout.ms".to_string(), t));
        }
    }
    // The id the producer uses: -X transactional.id wins over eddy's.
    let effective_id = producer_settings
        .properties
        .iter()
        .rev()
        .find(|(k, _)| k == "transactional.id")
        .map_or(transactional_id, |(_, v)| v.clone());
    let options = ProducerOptions::from(&args.producer);
    let sink = ProducerSink::open(&producer_settings, "pipe", &sink_topic, options)?;
    sink.check_partition(args.to_partition)?;
    let transactions = match delivery {
        Delivery::ExactlyOnce => Some(
            Transactions::init(&sink, &effective_id, settings.timeout)
                .map_err(|e| Error::runtime(format!("the destination {sink_topic} cannot take transactions: {e}")))?,
        ),
        _ => None,
    };
    sink.leave_last_word();
    let plan_until = plan.until;
    let mut parts = Parts::new(plan.until);
    for topic in args.sources.iter().filter(|t| !t.starts_with('^')) {
        let count = source.partitions(topic)?;
        let chosen: Vec<i32> = if args.partitions.is_empty() {
            (0..count).collect()
        } else {
            args.partitions.clone()
        };
        for p in chosen {
            crate::kafka::topic::check_partition(topic, p, count)?;
            parts.add(&source, topic, p);
        }
    }
    if let Some(spec) = plan.from {
        source.resolve_starts(parts.iter().map(|p| (p.topic.as_str(), p.partition)), spec)?;
    }
    if let Some(t) = &transactions {
        for (slot, p) in parts.iter().enumerate() {
            t.track(slot, &p.topic, p.partition);
        }
        // Before a group takes partitions away, their transaction is committed: the next
        // owner starts where this one's committed output ends.
        if args.group.is_some() {
            let t = t.clone();
            source.on_revoke(Box::new(move |group| {
                if let Committed::Aborted(why) = t.commit(group.as_ref()) {
                    eprintln!("eddy: pipe: the transaction before a rebalance was aborted: {why}");
                }
            }));
        }
    }
    if plan.group_mode {
        let topics: Vec<&str> = args.sources.iter().map(String::as_str).collect();
        source.subscribe(&topics)?;
    } else {
        parts.assign(&source, plan.from, args.group.is_some())?;
    }
    let mut shaper = Shaper::new(
        plan.filter,
        plan.to_from,
        plan.fields,
        plan.fixed_headers,
        args.record.key.as_ref().map(|k| k.as_bytes().to_vec()),
        decoders,
        encoders,
        reencoder,
    );
    shaper.keep_partition = args.keep_partition;
    shaper.null_empty = args.null_empty;
    shaper.partition = args.to_partition;
    let mut run = Piping {
        settings,
        args,
        source: &source,
        partitions: sink.partitions(),
        sink,
        transactions,
        shaper,
        parts,
        ledger: Ledger::new(),
        last_seq: 0,
        on_error: plan.on_error,
        commit_interval: plan.commit_interval,
        group_mode: plan.group_mode,
        report: Report::new(
            delivery,
            args.stats,
            settings.quiet,
            progress_total(&plan_until, args.count),
        ),
        outs: Vec::new(),
        headers: Vec::new(),
        since_commit: 0,
    };
    let started = Instant::now();
    let end = run.pipe();
    run.stop(end, started)
}

/// What a bounded run's progress bar goes to: `-n`, or the partitions' ends (told as
/// they start); None for an unbounded run (a counter).
fn progress_total(until: &Option<UntilSpec>, count: Option<u64>) -> Option<u64> {
    match (until, count) {
        (_, Some(n)) => Some(n),
        (Some(UntilSpec::End | UntilSpec::Offset(_)), None) => Some(0),
        _ => None,
    }
}

/// The settings of the destination cluster, when it is another one: `--to-brokers`, or
/// `--to-context` resolved from the config file as `-C` would be, the environment's
/// brokers and context left out (they name the input). Either way the properties are
/// the destination's own (the context's, then `--to-X`): the input's `-X` and context
/// were written for the input's cluster, and a SASL login or a TLS setting of one
/// cluster sent to another would fail there, or worse, succeed with the wrong identity.
fn destination(settings: &Settings, args: &PipeArgs, to_properties: &[(String, String)]) -> Result<Option<Settings>> {
    if let Some(list) = &args.to_brokers {
        let mut s = settings.clone();
        s.brokers = list.clone();
        s.brokers_from = "--to-brokers".to_string();
        s.context = None;
        s.properties = to_properties.to_vec();
        return Ok(Some(s));
    }
    let Some(name) = &args.to_context else { return Ok(None) };
    let global = crate::cli::Global {
        context: Some(name.clone()),
        config_file: settings.config_found.then(|| settings.config_path.clone()).flatten(),
        timeout: Some(format!("{}ms", settings.timeout.as_millis())),
        quiet: settings.quiet,
        verbose: settings.verbose,
        ..Default::default()
    };
    let env = |k: &str| match k {
        "EDDY_BROKERS" | "EDDY_CONTEXT" => None,
        _ => std::env::var(k).ok(),
    };
    let mut s = crate::config::resolve(&global, &env).map_err(|e| Error::usage(format!("--to-context {name}: {e}")))?;
    s.properties.extend(to_properties.iter().cloned());
    Ok(Some(s))
}

/// The codecs of the run: decoders of the input (a registry's ids), the encoders
/// `--encode` asks for, and the re-encoder of sides written back by their own schema.
fn schemas(
    settings: &Settings,
    args: &PipeArgs,
) -> Result<(
    Option<codec::decode::Decoders>,
    Option<shape::Encoders>,
    EnvelopeEncoder,
)> {
    let decode_args = crate::cli::DecodeArgs {
        decode: args.decode,
        key_decode: args.key_decode,
        value_decode: args.value_decode,
        schema: None,
        key_schema: None,
        schema_type: None,
        proto_type: None,
        key_proto_type: None,
        proto_include: Vec::new(),
        protoset: None,
        avro_json: args.encode.avro_json,
        proto_json: args.encode.proto_json.clone(),
        on_decode_error: crate::cli::OnDecodeError::Fail,
    };
    let decoders = codec::flags::decoders(&decode_args, codec::decode::registry_lookup(settings)?)?;
    let decoders = decoders.is_on().then_some(decoders);
    let topic = args.to.as_deref().unwrap_or(&args.sources[0]);
    let plan = EncodePlan::from_args(&args.encode, topic)?;
    let registry = if plan.is_some() || decoders.is_some() {
        Some(std::sync::Arc::new(Registry::from_settings(settings)?))
    } else {
        None
    };
    let encoders = match (plan, &registry) {
        (Some(plan), Some(r)) => Some(plan.resolve(r)?),
        _ => None,
    };
    let opts = codec::flags::json_options(args.encode.avro_json, args.encode.proto_json.as_deref())?;
    Ok((decoders, encoders, EnvelopeEncoder::new(registry, opts)))
}

/// How the loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    /// Every partition reached its --until, or -n was met.
    Done,
    Signal(Signal),
    /// A record failed under `--on-error fail`: what came before is committed.
    RecordFailed,
    /// The run cannot go on: why (already said, or to say).
    Failed(String),
}

/// One pipe as it runs.
struct Piping<'a> {
    settings: &'a Settings,
    args: &'a PipeArgs,
    source: &'a Source,
    sink: ProducerSink,
    partitions: i32,
    transactions: Option<Transactions>,
    shaper: Shaper,
    parts: Parts,
    /// At least once: input positions waiting for their output's delivery.
    ledger: Ledger,
    /// The sequence number of the last record sent.
    last_seq: Seq,
    on_error: PipeOnError,
    commit_interval: Duration,
    group_mode: bool,
    report: Report,
    /// The outputs of the record at hand, and its headers (reused).
    outs: Vec<Out>,
    headers: Vec<Header>,
    /// Input records since the last commit.
    since_commit: u64,
}

impl Piping<'_> {
    fn pipe(&mut self) -> End {
        let mut last_commit = Instant::now();
        let mut last_progress = Instant::now();
        self.report.start();
        let mut all_down: Option<Instant> = None;
        let mut warned = false;
        loop {
            if let Some(s) = interrupt::requested() {
                return End::Signal(s);
            }
            if all_down.is_some_and(|since| since.elapsed() >= self.settings.timeout) {
                return End::Failed(format!(
                    "lost the cluster at {}: every broker has been down for {}",
                    self.settings.brokers,
                    humantime::format_duration(self.settings.timeout)
                ));
            }
            if self.args.count.is_some_and(|n| self.report.records_in >= n) {
                return End::Done;
            }
            if self.group_mode {
                self.parts.follow_assignment(self.source, self.transactions.as_ref());
            }
            if self.parts.all_done(self.group_mode) {
                return End::Done;
            }
            // The one rule consume follows too: a bounded member given nothing is done.
            if self.group_mode && self.parts.bounded() && self.source.given_nothing() {
                if !self.settings.quiet {
                    eprintln!("eddy: pipe: {}", crate::kafka::source::NOTHING_ASSIGNED);
                }
                return End::Done;
            }
            let due = last_commit.elapsed() >= self.commit_interval
                || self.args.commit_records.is_some_and(|n| self.since_commit >= n);
            if due {
                if let Err(why) = self.commit() {
                    return End::Failed(why);
                }
                last_commit = Instant::now();
            }
            // Five times a second, only when there is a bar.
            if self.report.shows_progress() && last_progress.elapsed() >= Duration::from_millis(200) {
                self.report.progress(self.offsets_progress());
                last_progress = Instant::now();
            }
            match self.source.poll(Duration::from_millis(100)) {
                Polled::Idle => {}
                Polled::EndOfPartition(p) => {
                    for (slot, position) in
                        self.parts
                            .end_of_partition(self.source, p, self.group_mode, self.transactions.as_ref())
                    {
                        if let Some(t) = &self.transactions {
                            if let Err(why) = t.begin() {
                                return End::Failed(format!("cannot begin a transaction: {why}"));
                            }
                        }
                        self.advance(slot, position);
                    }
                }
                Polled::Error(e) => {
                    if e.all_brokers_down {
                        all_down.get_or_insert_with(Instant::now);
                    }
                    if e.fatal {
                        return End::Failed(e.message);
                    }
                    if !warned || self.settings.verbose {
                        eprintln!("eddy: warning: {} (retrying)", e.message);
                        warned = true;
                    }
                }
                Polled::Record(m) => {
                    all_down = None;
                    if let Some(end) = self.record(&m) {
                        return end;
                    }
                }
            }
        }
    }

    /// One input record: shaped, its outputs sent, its position kept. Some(end) stops.
    fn record(&mut self, m: &Received<'_>) -> Option<End> {
        let view = m.view();
        let slot = self
            .parts
            .slot(self.source, view.topic, view.partition, self.transactions.as_ref());
        match self.parts.record(slot, view.offset, view.timestamp) {
            Verdict::Take => {}
            Verdict::Past => {
                self.source.pause(view.topic, view.partition);
                self.advance(slot, view.offset);
                return None;
            }
            Verdict::Drop => return None,
        }
        if let Some(t) = &self.transactions {
            if let Err(why) = t.begin() {
                return Some(End::Failed(format!("cannot begin a transaction: {why}")));
            }
        }
        self.headers.clear();
        self.headers
            .extend(m.headers().map(|(n, v)| (n.to_string(), v.map(<[u8]>::to_vec))));
        self.report.records_in += 1;
        self.since_commit += 1;
        let shaped = if self.shaper.copies() {
            self.copy(&view)
        } else {
            let mut outs = std::mem::take(&mut self.outs);
            outs.clear();
            let shaped = match self.shaper.shape(&view, &self.headers, self.partitions, &mut outs) {
                Ok(Shaped::Copy) => self.copy(&view),
                Ok(Shaped::Outputs) => self.send_outs(&outs),
                Err(e) => Err(e),
            };
            self.outs = outs;
            shaped
        };
        match shaped {
            Ok(()) => {}
            Err(Failure::Fatal(why)) => {
                self.report.records_in -= 1;
                return Some(End::Failed(format!(
                    "{}[{}]@{}: {why}",
                    view.topic, view.partition, view.offset
                )));
            }
            Err(Failure::Record(stage, why)) => {
                if let Some(dl) = &self.args.dead_letter {
                    self.dead_letter(dl, &view, stage, &why);
                } else if self.on_error == PipeOnError::Skip {
                    self.report.skipped += 1;
                } else {
                    self.report.records_in -= 1;
                    eprintln!(
                        "eddy: pipe: {}[{}]@{}: {}: {why}",
                        view.topic,
                        view.partition,
                        view.offset,
                        stage.name()
                    );
                    return Some(End::RecordFailed);
                }
            }
        }
        if self.parts.taken(slot, view.offset) {
            self.source.pause(view.topic, view.partition);
        }
        self.advance(slot, view.offset + 1);
        None
    }

    /// A record copied as it is, with the record flags from its value.
    fn copy(&mut self, view: &crate::record::View<'_>) -> std::result::Result<(), Failure> {
        let fields = if self.shaper.fields.is_empty() {
            crate::fields::Fields::default()
        } else {
            self.shaper.copy_fields(view.value, self.partitions)?
        };
        let key = fields.key.as_deref().or(self.shaper.key.as_deref()).or(view.key);
        let value = match view.value {
            Some(v) if v.is_empty() && self.shaper.null_empty => None,
            other => other,
        };
        let partition = fields
            .partition
            .or(if self.shaper.keep_partition {
                Some(view.partition)
            } else {
                None
            })
            .filter(|p| *p < self.partitions)
            .or(self.shaper.partition);
        let record = RecordRef {
            key,
            value,
            headers: HeadersRef::new(&self.headers, &fields.headers, &self.shaper.fixed_headers),
            partition,
            timestamp: fields.timestamp.or(view.timestamp),
        };
        self.last_seq = Sink::send(&mut self.sink, record).seq().unwrap_or(self.last_seq);
        self.report.records_out += 1;
        Ok(())
    }

    /// Sends the outputs of one record, each to its route or `--to`.
    fn send_outs(&mut self, outs: &[Out]) -> std::result::Result<(), Failure> {
        if outs.is_empty() {
            self.report.dropped += 1;
            return Ok(());
        }
        if self.args.to.is_none() && outs.iter().any(|o| o.topic.is_none()) {
            return Err(Failure::Record(
                Stage::Filter,
                "--to-from gave no topic, and there is no --to".to_string(),
            ));
        }
        for o in outs {
            let r = &o.record;
            let record = RecordRef {
                key: r.key.as_deref(),
                value: r.value.as_deref(),
                headers: HeadersRef::new(&r.headers, &[], &[]),
                partition: r.partition,
                timestamp: r.timestamp,
            };
            self.last_seq = match o.topic.as_deref() {
                Some(t) if Some(t) != self.args.to.as_deref() => self.sink.try_send_to(t, record),
                _ => Sink::send(&mut self.sink, record).seq().unwrap_or(self.last_seq),
            };
            self.report.records_out += 1;
        }
        Ok(())
    }

    /// The original record to the dead-letter topic, with why and where it failed.
    fn dead_letter(&mut self, topic: &str, view: &crate::record::View<'_>, stage: Stage, why: &str) {
        let extra: Vec<Header> = vec![
            ("eddy.error".to_string(), Some(why.as_bytes().to_vec())),
            ("eddy.stage".to_string(), Some(stage.name().as_bytes().to_vec())),
            (
                "eddy.source".to_string(),
                Some(format!("{}[{}]@{}", view.topic, view.partition, view.offset).into_bytes()),
            ),
        ];
        let record = RecordRef {
            key: view.key,
            value: view.value,
            headers: HeadersRef::new(&self.headers, &extra, &[]),
            partition: None,
            timestamp: view.timestamp,
        };
        self.last_seq = self.sink.try_send_to(topic, record);
        self.report.dead_lettered += 1;
    }

    /// Partition `slot` is done up to `next`: in the open transaction, or once the sink
    /// acknowledged what was sent so far.
    fn advance(&mut self, slot: usize, next: i64) {
        self.parts.advance(slot, next);
        match &self.transactions {
            Some(t) => t.reached(slot, next),
            None if self.args.group.is_some() => self.ledger.reached(self.last_seq, slot, next),
            None => {}
        }
    }

    /// The bar's (done, total) in offsets, when the partitions have ends and no `-n`
    /// sets the total.
    fn offsets_progress(&self) -> Option<(u64, u64)> {
        self.args.count.is_none().then(|| self.parts.progress()).flatten()
    }

    /// Commits what is done: the open transaction with its offsets, or (at least once)
    /// the offsets whose output was delivered.
    fn commit(&mut self) -> std::result::Result<(), String> {
        self.since_commit = 0;
        if let Some(t) = &self.transactions {
            let group = self.args.group.as_ref().and_then(|_| self.source.group_metadata());
            return match t.commit(group.as_ref()) {
                Committed::Done => Ok(()),
                Committed::Aborted(why) => Err(format!(
                    "a transaction was aborted ({why}); nothing of it is committed, and a rerun resumes after the last commit"
                )),
            };
        }
        let _ = Sink::flush(&mut self.sink);
        self.store_delivered()?;
        if self.args.group.is_some() {
            if let Err(e) = self.source.commit() {
                eprintln!("eddy: warning: committing offsets failed: {e} (retrying)");
            }
        }
        Ok(())
    }

    /// At least once: stores the offsets whose output is delivered; none once any
    /// record failed, so that a rerun does it again.
    fn store_delivered(&mut self) -> std::result::Result<(), String> {
        let acked = Sink::acknowledged(&mut self.sink);
        if self.sink.not_delivered() > 0 {
            return Err("a record was not delivered; its input and what follows are not committed".to_string());
        }
        let (parts, source) = (&self.parts, self.source);
        self.ledger.acknowledged(acked, |slot, next| {
            let p = &parts[slot];
            let _ = source.store(&p.topic, p.partition, next);
        });
        Ok(())
    }

    /// Stops: commits what is done (every kind of stop but a failed commit), waits for
    /// the deliveries, summarises.
    fn stop(mut self, end: End, started: Instant) -> Result<Outcome> {
        let mut end = end;
        match &end {
            End::Failed(_) if self.transactions.as_ref().is_some_and(|t| t.failed().is_some()) => {}
            _ => {
                if self.transactions.is_none() {
                    // At least once: wait for the deliveries, then store what is out.
                    let deadline = Instant::now() + self.settings.timeout.max(Duration::from_secs(10));
                    let _ = Sink::flush(&mut self.sink);
                    while self.sink.pending() > 0 && Instant::now() < deadline {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                }
                if let Err(why) = self.commit() {
                    if !matches!(end, End::Failed(_)) {
                        end = End::Failed(why);
                    }
                }
            }
        }
        let elapsed = started.elapsed();
        let stop = if matches!(end, End::Signal(_)) {
            Stop::Signalled
        } else {
            Stop::Drained
        };
        let summary = self.sink.finish(stop, 0, started);
        let undelivered = summary.failed + summary.unknown;
        self.report.done();
        if let End::Failed(why) = &end {
            eprintln!("eddy: pipe: {why}");
        }
        let counts = self.transactions.as_ref().map_or((0, 0), Transactions::counts);
        let lag = self.parts.ends(self.source, self.args.group.is_some());
        self.report.summary(counts, elapsed, lag);
        Ok(match end {
            End::Signal(s) => Outcome::Interrupted(s),
            End::Failed(_) => Outcome::Failed,
            _ if undelivered > 0 => Outcome::Failed,
            End::RecordFailed => Outcome::InputErrors,
            End::Done => Outcome::Success,
        })
    }
}

/// The sequence number a send got (a Kafka sink is never closed).
trait SeqOf {
    fn seq(self) -> Option<Seq>;
}

impl SeqOf for crate::sink::Sent {
    fn seq(self) -> Option<Seq> {
        match self {
            crate::sink::Sent::Taken(s) => Some(s),
            crate::sink::Sent::Closed => None,
        }
    }
}
