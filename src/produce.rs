//! `eddy produce`: records from stdin or files into a topic, every one accounted for.
//!
//! Records are handed to librdkafka's own batching (a `BaseProducer` whose delivery
//! reports a thread of ours serves; never one awaited future per record), deliveries are counted in the delivery callback, and
//! the closing summary says how many were delivered, failed, of unknown fate (timed out
//! in flight: possibly persisted) or skipped. The `Sink` here is shared with `eddy gen`.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use rdkafka::client::ClientContext;
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{DeliveryResult, Header, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer, ProducerContext, PurgeConfig};

use crate::cli::{Compression, InputFormat, OnInvalid, ProduceArgs, StatsFormat};
use crate::codec::read_envelope;
use crate::config::Settings;
use crate::input::{Next, Reader, parse_delimiter, unescape};
use crate::interrupt;
use crate::jq::{Filter, Value};
use crate::kafka::client::{self as connection, Diagnostics, ProducerOptions};
use crate::kafka::topic::{self, CONFIG_WAIT, ConfigLookup};
use crate::outcome::{Error, Outcome, Result, Signal};
use crate::stats::{Latency, ProduceSummary, latency_histogram};
use crate::times::{now_ms, number_to_ms, parse_time};

/// Counts deliveries as librdkafka reports them.
struct Delivery {
    diagnostics: Diagnostics,
    topic: String,
    /// The topic's `max.message.bytes`, when the cluster said it.
    topic_max: Option<u64>,
    /// The producer's own `message.max.bytes`.
    record_max: u64,
    delivered: AtomicU64,
    failed: AtomicU64,
    unknown: AtomicU64,
    bytes: AtomicU64,
    latency: Mutex<Histogram<u64>>,
    /// Each distinct delivery error is printed once.
    errors_seen: Mutex<BTreeSet<String>>,
}

impl ClientContext for Delivery {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        self.diagnostics.log(level, fac, message);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        self.diagnostics.error(&error, reason);
    }
}

impl ProducerContext for Delivery {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(message) => {
                use rdkafka::Message as _;
                let size = message.payload_len() + message.key().map_or(0, <[u8]>::len);
                self.delivered.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(size as u64, Ordering::Relaxed);
                // librdkafka stamps each record when it is handed over, so the latency
                // costs one clock read here rather than one more per record in `send`.
                // SAFETY: the message pointer is valid for the duration of the callback.
                let us = unsafe { rdkafka::bindings::rd_kafka_message_latency(message.ptr()) };
                if let Ok(mut h) = self.latency.lock() {
                    let _ = h.record(us.max(1) as u64);
                }
            }
            Err((error, message)) => {
                // librdkafka knows whether a failed record may still have been written.
                // SAFETY: the message pointer is valid for the duration of the callback.
                let status = unsafe { rdkafka::bindings::rd_kafka_message_status(message.ptr()) };
                let possibly =
                    status == rdkafka::bindings::rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED;
                if possibly {
                    self.unknown.fetch_add(1, Ordering::Relaxed);
                } else {
                    self.failed.fetch_add(1, Ordering::Relaxed);
                }
                self.report(error, possibly);
            }
        }
    }
}

impl Delivery {
    fn report(&self, error: &KafkaError, possibly: bool) {
        let text = self.describe(error);
        let Ok(mut seen) = self.errors_seen.lock() else { return };
        if seen.insert(text.clone()) {
            let fate = if possibly {
                "of unknown fate (possibly written)"
            } else {
                "failed"
            };
            eprintln!("eddy: a record {fate}: {text}");
        }
    }

    fn describe(&self, error: &KafkaError) -> String {
        match error.rdkafka_error_code() {
            // librdkafka's own limit when the record is handed over, or the broker's
            // answer for a batch (compressed, or with its framing) over the topic's.
            Some(RDKafkaErrorCode::MessageSizeTooLarge) => match self.topic_max {
                Some(max) => format!(
                    "the record is larger than topic {} accepts: at most {} bytes a batch, framing included",
                    self.topic,
                    grouped(max)
                ),
                None => format!(
                    "the record is larger than message.max.bytes ({}; the cluster did not say the topic's limit, -X message.max.bytes=N sets it)",
                    grouped(self.record_max)
                ),
            },
            _ => describe_delivery_error(error),
        }
    }
}

fn describe_delivery_error(error: &KafkaError) -> String {
    match error.rdkafka_error_code() {
        Some(RDKafkaErrorCode::MessageTimedOut) => "not acknowledged within message.timeout.ms".to_string(),
        Some(RDKafkaErrorCode::PurgeQueue) => "never sent: stopped before it left the queue".to_string(),
        Some(RDKafkaErrorCode::PurgeInflight) => "stopped while in flight".to_string(),
        Some(code) => code.to_string(),
        None => error.to_string(),
    }
}

/// What one record to send consists of.
#[derive(Debug, Default)]
pub struct Outgoing<'a> {
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: Option<OwnedHeaders>,
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
}

/// A topic to send records to, with delivery accounting. Shared by produce and gen.
///
/// Delivery reports are served by a thread of our own rather than rdkafka's
/// `ThreadedProducer`: `BaseProducer::poll` returns only at its deadline, so that
/// producer's `flush` and its polling thread's shutdown each waited out a whole 100 ms
/// slice (0.2 s per run, more than sending a million records takes), and short slices
/// spin through their last millisecond. Ours sleeps until librdkafka says a report is there.
pub struct Sink {
    producer: Arc<BaseProducer<Delivery>>,
    poller: Option<Poller>,
    /// The metadata look-up that gets the idempotent producer its id sooner.
    producer_id: Option<JoinHandle<()>>,
    topic: String,
    partitions: i32,
    /// Records with more bytes of key, value and headers are refused before they are
    /// handed over: the topic's limit, unless compression lets the broker judge.
    record_max: usize,
    settings: Settings,
    sent: Arc<AtomicU64>,
}

/// A record `Sink::send` refused: it is larger than the topic takes. Counted as failed.
#[derive(Debug)]
pub struct TooLarge {
    bytes: usize,
    limit: usize,
    topic: String,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "record of {} bytes; topic {} accepts at most {}",
            grouped(self.bytes as u64),
            self.topic,
            grouped(self.limit as u64)
        )
    }
}

/// A count with thousands separators, as sizes are shown to people.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The thread that serves delivery reports, and what wakes it.
struct Poller {
    thread: JoinHandle<()>,
    stop: Arc<AtomicBool>,
    /// The producer's main queue, where librdkafka puts delivery reports and logs.
    queue: *mut rdkafka::bindings::rd_kafka_queue_t,
    /// Handed to librdkafka as the opaque of `wake`; boxed so that its address holds.
    handle: Box<std::thread::Thread>,
}

/// Called by librdkafka (on its own threads) when the main queue stops being empty.
unsafe extern "C" fn wake(_: *mut rdkafka::bindings::rd_kafka_t, opaque: *mut std::ffi::c_void) {
    // SAFETY: `opaque` is the `Poller::handle` box, alive until the callback is removed.
    unsafe { (*(opaque as *const std::thread::Thread)).unpark() };
}

/// Serves every delivery report (and log line) waiting on `queue`.
fn serve_reports(producer: &BaseProducer<Delivery>, queue: *mut rdkafka::bindings::rd_kafka_queue_t) {
    // A zero-timeout poll serves one event; rdkafka's timed poll would spin out its
    // last millisecond.
    // SAFETY: the caller's queue reference outlives the call.
    while unsafe { rdkafka::bindings::rd_kafka_queue_length(queue) } > 0 {
        producer.poll(Duration::ZERO);
    }
}

impl Poller {
    /// `sent` counts the records handed over: while it moves, the sending thread is
    /// serving the reports itself.
    fn start(producer: &Arc<BaseProducer<Delivery>>, sent: &Arc<AtomicU64>) -> Result<Poller> {
        // SAFETY: a valid handle; the reference is released in `stop`.
        let queue = unsafe { rdkafka::bindings::rd_kafka_queue_get_main(producer.client().native_ptr()) };
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let producer = Arc::clone(producer);
            let stop = Arc::clone(&stop);
            let sent = Arc::clone(sent);
            // A raw pointer is not Send; the queue is thread-safe and outlives the thread.
            let queue = queue as usize;
            std::thread::Builder::new()
                .name("eddy delivery reports".into())
                .spawn(move || {
                    let queue = queue as *mut rdkafka::bindings::rd_kafka_queue_t;
                    let mut seen = sent.load(Ordering::Relaxed);
                    loop {
                        if unsafe { rdkafka::bindings::rd_kafka_queue_length(queue) } > 0 {
                            // While records are being handed over, the sending thread
                            // serves the reports (`Sink::send`): freeing records on the
                            // thread that allocated them spares glibc's malloc its arena
                            // lock, which cost more than the reports themselves. Step in
                            // once it stops (end of input, pacing, a slow pipe).
                            std::thread::park_timeout(Duration::from_millis(1));
                            let now = sent.load(Ordering::Relaxed);
                            if now != seen && !stop.load(Ordering::Acquire) {
                                seen = now;
                                continue;
                            }
                            serve_reports(&producer, queue);
                        }
                        if stop.load(Ordering::Acquire) {
                            break;
                        }
                        seen = sent.load(Ordering::Relaxed);
                        // Every empty-to-non-empty change unparks us, and we park only
                        // after seeing the queue empty, so no report waits here; the
                        // timeout is a safety net.
                        std::thread::park_timeout(Duration::from_millis(100));
                    }
                })
                .map_err(|e| Error::runtime(format!("cannot start a thread: {e}")))?
        };
        let handle = Box::new(thread.thread().clone());
        // SAFETY: `wake` only unparks the thread behind `handle`, which lives until the
        // callback is removed in `stop`.
        unsafe {
            rdkafka::bindings::rd_kafka_queue_cb_event_enable(
                queue,
                Some(wake),
                &*handle as *const std::thread::Thread as *mut std::ffi::c_void,
            );
        }
        // Reports that arrived before the callback was set are seen by the next look.
        handle.unpark();
        Ok(Poller {
            thread,
            stop,
            queue,
            handle,
        })
    }

    /// Serves what is left, then stops the thread and removes the callback.
    fn stop(self) {
        self.stop.store(true, Ordering::Release);
        self.handle.unpark();
        let _ = self.thread.join();
        // SAFETY: the queue reference taken in `start`; after this no callback runs.
        unsafe {
            rdkafka::bindings::rd_kafka_queue_cb_event_enable(self.queue, None, std::ptr::null_mut());
            rdkafka::bindings::rd_kafka_queue_destroy(self.queue);
        }
    }
}

/// How the sink was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Input ended: wait for every delivery report (bounded by message.timeout.ms).
    Drained,
    /// A signal: flush for at most `--timeout`, then give up on the rest.
    Signalled,
}

impl Sink {
    /// Connects, and waits (within `--timeout`) until the topic can take records.
    /// `command` names the command in errors.
    pub fn open(settings: &Settings, command: &str, topic: &str, options: ProducerOptions) -> Result<Sink> {
        let idempotent = connection::producer_config(settings, options, None).get("enable.idempotence") == Some("true");
        let mut configs = ConfigLookup::start(settings, topic);
        // The producer starts with Kafka's default limit, and is made again in the rare
        // case that the topic's differs, so that its first metadata request need not wait
        // for the configs.
        let mut sink = Sink::connect(settings, command, topic, options, None, &mut configs)?;
        let topic_max = configs.wait(CONFIG_WAIT).max_message_bytes;
        if topic_max.is_some() {
            let sized = |max| {
                let c = connection::producer_config(settings, options, max);
                ["message.max.bytes", "batch.size"].map(|k| c.get(k).map(str::to_string))
            };
            if sized(topic_max) != sized(None) {
                drop(sink);
                sink = Sink::connect(settings, command, topic, options, topic_max, &mut configs)?;
            }
        }
        let compressed = options.compression.is_some_and(|c| c != Compression::None);
        sink.record_max = match topic_max {
            Some(max) if !compressed => usize::try_from(max).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        if idempotent {
            // librdkafka (2.10 and later) drops its bootstrap connection once the first
            // metadata names the brokers, so the producer id it asks for on that answer
            // finds no broker up and is retried on a fixed 500 ms timer. It asks again on
            // every metadata answer: a second look-up, answered by a broker that is up,
            // gets the id in one round trip instead of half a second. It runs beside the
            // first records: they make the leaders' connections come up at once, where
            // the look-up alone would wait out librdkafka's 50 ms between new connections.
            let producer = Arc::clone(&sink.producer);
            let (topic, timeout) = (sink.topic.clone(), settings.timeout);
            sink.producer_id = Some(
                std::thread::Builder::new()
                    .name("eddy producer id".into())
                    .spawn(move || {
                        let _ = producer.client().fetch_metadata(Some(&topic), timeout);
                    })
                    .map_err(|e| Error::runtime(format!("cannot start a thread: {e}")))?,
            );
        }
        Ok(sink)
    }

    /// A producer sized for `topic_max`, once the topic can take records.
    fn connect(
        settings: &Settings,
        command: &str,
        topic: &str,
        options: ProducerOptions,
        topic_max: Option<u64>,
        configs: &mut ConfigLookup,
    ) -> Result<Sink> {
        let config = connection::producer_config(settings, options, topic_max);
        let context = Delivery {
            diagnostics: Diagnostics::new(settings.verbose),
            topic: topic.to_string(),
            topic_max,
            record_max: config
                .get("message.max.bytes")
                .and_then(|v| v.parse().ok())
                .unwrap_or_default(),
            delivered: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            unknown: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            latency: Mutex::new(latency_histogram()),
            errors_seen: Mutex::new(BTreeSet::new()),
        };
        let producer: BaseProducer<Delivery> = config
            .create_with_context(context)
            .map_err(|e| Error::usage(format!("cannot create the producer: {e}")))?;
        let producer = Arc::new(producer);
        let sent = Arc::new(AtomicU64::new(0));
        let poller = Poller::start(&producer, &sent)?;
        let mut sink = Sink {
            producer,
            poller: Some(poller),
            producer_id: None,
            topic: topic.to_string(),
            partitions: 0,
            record_max: usize::MAX,
            settings: settings.clone(),
            sent,
        };
        let producer = Arc::clone(&sink.producer);
        sink.partitions = topic::wait_until_ready(settings, command, topic, configs, |timeout| {
            let diagnostics = &producer.context().diagnostics;
            connection::metadata_within(
                settings,
                command,
                producer.client(),
                Some(topic),
                diagnostics,
                || (),
                timeout,
            )
        })?;
        Ok(sink)
    }

    pub fn partitions(&self) -> i32 {
        self.partitions
    }

    /// Hands one record to librdkafka, waiting while its queue is full; refuses (and
    /// counts as failed) a record larger than the topic takes.
    pub fn send(&mut self, record: Outgoing<'_>) -> std::result::Result<(), TooLarge> {
        if self.record_max != usize::MAX {
            let bytes = record_bytes(&record);
            if bytes > self.record_max {
                // Counted as sent and failed alike, so that `pending` still balances.
                self.sent.fetch_add(1, Ordering::Relaxed);
                self.producer.context().failed.fetch_add(1, Ordering::Relaxed);
                return Err(TooLarge {
                    bytes,
                    limit: self.record_max,
                    topic: self.topic.clone(),
                });
            }
        }
        let mut base: BaseRecord<'_, [u8], [u8], ()> = BaseRecord::with_opaque_to(&self.topic, ());
        if let Some(k) = record.key {
            base = base.key(k);
        }
        if let Some(v) = record.value {
            base = base.payload(v);
        }
        if let Some(h) = record.headers {
            base = base.headers(h);
        }
        if let Some(p) = record.partition {
            base = base.partition(p);
        }
        if let Some(ts) = record.timestamp {
            base = base.timestamp(ts);
        }
        let sent = self.sent.fetch_add(1, Ordering::Relaxed) + 1;
        loop {
            match self.producer.send(base) {
                Ok(()) => {
                    // Serve the delivery reports here while sending (see `Poller`).
                    if sent % 64 == 0 {
                        self.serve_reports();
                    }
                    return Ok(());
                }
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    // Backpressure: the queue drains as deliveries are reported.
                    base = back;
                    self.serve_reports();
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err((e, _)) => {
                    self.producer.context().failed.fetch_add(1, Ordering::Relaxed);
                    self.producer.context().report(&e, false);
                    return Ok(());
                }
            }
        }
    }

    fn serve_reports(&self) {
        if let Some(poller) = &self.poller {
            serve_reports(&self.producer, poller.queue);
        }
    }

    /// Records handed over whose delivery report has not arrived yet.
    pub fn pending(&self) -> u64 {
        let c = self.producer.context();
        let done =
            c.delivered.load(Ordering::Relaxed) + c.failed.load(Ordering::Relaxed) + c.unknown.load(Ordering::Relaxed);
        self.sent.load(Ordering::Relaxed).saturating_sub(done)
    }

    /// A counter other threads may read: records handed over so far.
    pub fn sent_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.sent)
    }

    /// Delivered so far (for progress bars).
    pub fn delivered(&self) -> u64 {
        self.producer.context().delivered.load(Ordering::Relaxed)
    }

    /// Waits until every record handed over has its delivery report, or `until` passes.
    fn wait_for_reports(&self, until: Option<Instant>) {
        // The end of the input does not wait out linger.ms: librdkafka treats queued
        // records as due while a flush is under way.
        // SAFETY: a valid producer handle; a zero timeout only wakes the brokers.
        unsafe { rdkafka::bindings::rd_kafka_flush(self.producer.client().native_ptr(), 0) };
        while self.pending() > 0 && until.is_none_or(|u| Instant::now() < u) {
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits for the outstanding deliveries and returns the summary.
    pub fn finish(mut self, stop: Stop, skipped: u64, started: Instant) -> ProduceSummary {
        let mut stop = stop;
        let mut signalled_at = None;
        loop {
            if self.pending() == 0 {
                break;
            }
            if stop == Stop::Drained && interrupt::requested().is_some() {
                stop = Stop::Signalled;
            }
            if stop == Stop::Signalled {
                let since = *signalled_at.get_or_insert_with(Instant::now);
                if since.elapsed() >= self.settings.timeout {
                    // Give up: queued records fail, in-flight ones are of unknown fate;
                    // their delivery reports arrive through the purge.
                    self.producer.purge(PurgeConfig::default().queue().inflight());
                    self.wait_for_reports(Some(Instant::now() + Duration::from_secs(2)));
                    break;
                }
            }
            self.wait_for_reports(Some(Instant::now() + Duration::from_millis(100)));
        }
        if let Some(lookup) = self.producer_id.take() {
            let _ = lookup.join();
        }
        if let Some(poller) = self.poller.take() {
            poller.stop();
        }
        let c = self.producer.context();
        let mut summary = ProduceSummary {
            delivered: c.delivered.load(Ordering::Relaxed),
            failed: c.failed.load(Ordering::Relaxed),
            unknown: c.unknown.load(Ordering::Relaxed),
            skipped,
            bytes: c.bytes.load(Ordering::Relaxed),
            ..ProduceSummary::default()
        };
        // Whatever never got a report (a purge that did not answer) is of unknown fate.
        summary.unknown += self.pending();
        if let Some((_, reason)) = self.producer.client().fatal_error() {
            eprintln!("eddy: the producer hit a fatal error: {reason}");
        }
        if let Ok(h) = c.latency.lock() {
            summary.latency_ms = Latency::from_histogram(&h);
        }
        summary.finish(started.elapsed());
        summary
    }
}

impl Drop for Sink {
    /// A sink dropped without `finish` (an error after `open`) still stops its poller.
    fn drop(&mut self) {
        if let Some(lookup) = self.producer_id.take() {
            let _ = lookup.join();
        }
        if let Some(poller) = self.poller.take() {
            poller.stop();
        }
    }
}

/// The bytes of key, value and headers that count against the topic's limit.
fn record_bytes(record: &Outgoing<'_>) -> usize {
    use rdkafka::message::Headers as _;
    let headers = record.headers.as_ref().map_or(0, |h| {
        (0..h.count())
            .map(|i| {
                let header = h.get(i);
                header.key.len() + header.value.map_or(0, <[u8]>::len)
            })
            .sum()
    });
    record.key.map_or(0, <[u8]>::len) + record.value.map_or(0, <[u8]>::len) + headers
}

/// Static headers from `-H NAME=VALUE`.
pub fn parse_headers(headers: &[String]) -> Result<Vec<(String, Vec<u8>)>> {
    headers
        .iter()
        .map(|h| {
            h.split_once('=')
                .map(|(n, v)| (n.to_string(), v.as_bytes().to_vec()))
                .ok_or_else(|| Error::usage(format!("--header {h}: expected NAME=VALUE")))
        })
        .collect()
}

pub(crate) fn build_headers<'a>(
    from_record: impl Iterator<Item = (&'a str, Option<&'a [u8]>)>,
    fixed: &'a [(String, Vec<u8>)],
) -> Option<OwnedHeaders> {
    let mut headers: Option<OwnedHeaders> = None;
    for (name, value) in from_record.chain(fixed.iter().map(|(n, v)| (n.as_str(), Some(v.as_slice())))) {
        let h = headers
            .take()
            .unwrap_or_else(|| OwnedHeaders::new_with_capacity(fixed.len() + 1));
        headers = Some(h.insert(Header { key: name, value }));
    }
    headers
}

/// Prints the closing summary as asked.
pub fn print_summary(summary: &ProduceSummary, stats: StatsFormat, quiet: bool) {
    match stats {
        StatsFormat::Json => eprintln!("{}", summary.json()),
        StatsFormat::Text if !quiet => eprintln!("{}", summary.text()),
        StatsFormat::Text => {}
    }
}

/// The exit outcome of a produce-like run.
pub fn outcome(summary: &ProduceSummary, invalid_stop: bool, signal: Option<Signal>) -> Outcome {
    if let Some(s) = signal {
        return Outcome::Interrupted(s);
    }
    if summary.failed + summary.unknown > 0 || invalid_stop {
        Outcome::Failed
    } else {
        Outcome::Success
    }
}

/// A very small pacer: record i is not sent before `start + i / rate`.
pub struct Pacer {
    start: Instant,
    interval: Option<f64>,
}

impl Pacer {
    pub fn new(rate: Option<f64>) -> Self {
        Pacer {
            start: Instant::now(),
            interval: rate.filter(|r| *r > 0.0).map(|r| 1.0 / r),
        }
    }

    pub fn wait(&self, i: u64) {
        let Some(interval) = self.interval else { return };
        let due = self.start + Duration::from_secs_f64(i as f64 * interval);
        let now = Instant::now();
        if due > now {
            // Sleep in slices so that a Ctrl-C during a slow rate is noticed.
            let mut left = due - now;
            while !left.is_zero() && interrupt::requested().is_none() {
                let slice = left.min(Duration::from_millis(50));
                std::thread::sleep(slice);
                left = left.saturating_sub(slice);
            }
        }
    }
}

pub fn run(settings: &Settings, args: &ProduceArgs) -> Result<Outcome> {
    let delimiter = parse_delimiter("--delimiter", args.delimiter.as_deref()).map_err(Error::usage)?;
    if args.keep_partition && args.input != InputFormat::Envelope {
        return Err(Error::usage("--keep-partition works only with --input envelope"));
    }
    if args.key_delimiter.is_some() {
        if args.input == InputFormat::Envelope {
            return Err(Error::usage(
                "--key-delimiter works only with --input lines or json (an envelope carries its key)",
            ));
        }
        if args.key.is_some() || args.key_from.is_some() {
            return Err(Error::usage(
                "--key-delimiter takes the key from each line: it excludes --key and --key-from",
            ));
        }
    }
    if args.keep_partition && args.partition.is_some() {
        return Err(Error::usage("--keep-partition and --partition exclude each other"));
    }
    if let Some(r) = args.rate {
        if !(r > 0.0 && r.is_finite()) {
            return Err(Error::usage(format!("--rate {r}: must be a positive number")));
        }
    }
    let key_delimiter = args.key_delimiter.as_deref().map(unescape).filter(|d| !d.is_empty());
    if args.key_delimiter.is_some() && key_delimiter.is_none() {
        return Err(Error::usage("--key-delimiter: must not be empty"));
    }
    let fixed_headers = parse_headers(&args.headers)?;
    let derive = Derive::compile(args)?;
    for f in &args.files {
        if f.as_os_str() != "-" && !f.exists() {
            return Err(Error::usage(format!("{}: no such file", f.display())));
        }
    }

    let started = Instant::now();
    let mut sink = Sink::open(
        settings,
        "produce",
        &args.topic,
        ProducerOptions {
            acks: args.acks,
            compression: args.compression,
        },
    )?;
    if let Some(p) = args.partition {
        if p < 0 || p >= sink.partitions() {
            return Err(Error::usage(format!(
                "--partition {p}: topic '{}' has partitions 0 to {}",
                args.topic,
                sink.partitions() - 1
            )));
        }
    }
    let sent = sink.sent_counter();
    interrupt::set_last_word(move || {
        eprintln!(
            "eddy: stopped at once; records handed over so far: {}; those not yet acknowledged are left undelivered",
            sent.load(Ordering::Relaxed)
        );
    });

    let mut reader = Reader::new(&args.files, delimiter);
    let pacer = Pacer::new(args.rate);
    let mut produced: u64 = 0;
    let mut skipped: u64 = 0;
    let mut invalid_stop = false;
    let mut signal = None;
    let partitions = sink.partitions();

    loop {
        if args.count.is_some_and(|n| produced >= n) {
            break;
        }
        if let Some(s) = interrupt::requested() {
            signal = Some(s);
            break;
        }
        let (line, position) = match reader.next_record()? {
            Next::End => break,
            Next::Idle => continue,
            Next::Record(line, position) => (line, position),
        };
        let invalid = |why: String| -> String { format!("{position}: {why}") };
        let refused = |e: TooLarge| eprintln!("eddy: {position}: {e}");
        // With -K (json and lines input) the key is the raw bytes before the delimiter, as
        // kcat takes it; what follows it is the value. A blank JSON line is skipped first.
        let blank_json = args.input == InputFormat::Json && line.trim_ascii().is_empty();
        let (line_key, body) = match &key_delimiter {
            Some(d) if !blank_json => match memchr::memmem::find(line, d) {
                Some(i) => (Some(&line[..i]), &line[i + d.len()..]),
                None => {
                    let e = invalid(format!(
                        "no key delimiter '{}' in the line",
                        args.key_delimiter.as_deref().unwrap_or("")
                    ));
                    report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                    if invalid_stop {
                        break;
                    }
                    continue;
                }
            },
            _ => (None, line),
        };
        let result: std::result::Result<Option<()>, String> = match args.input {
            InputFormat::Json if blank_json => Ok(None),
            InputFormat::Json => {
                let trimmed = body.trim_ascii();
                let tombstone = trimmed.is_empty() && args.null_empty && line_key.is_some();
                let fields = if tombstone {
                    Ok(Fields::default())
                } else {
                    derive.fields(trimmed, partitions)
                };
                match fields {
                    Ok(fields) => {
                        pacer.wait(produced);
                        sink.send(Outgoing {
                            key: line_key
                                .or(fields.key.as_deref())
                                .or(args.key.as_deref().map(str::as_bytes)),
                            value: (!tombstone).then_some(trimmed),
                            headers: build_headers(
                                fields.headers.iter().map(|(n, v)| (n.as_str(), v.as_deref())),
                                &fixed_headers,
                            ),
                            partition: fields.partition.or(args.partition),
                            timestamp: fields.timestamp,
                        })
                        .unwrap_or_else(refused);
                        Ok(Some(()))
                    }
                    Err(e) => Err(invalid(e)),
                }
            }
            InputFormat::Lines => {
                let (key, value) = (line_key.or(args.key.as_deref().map(str::as_bytes)), body);
                let value = if value.is_empty() && args.null_empty {
                    None
                } else {
                    Some(value)
                };
                pacer.wait(produced);
                sink.send(Outgoing {
                    key,
                    value,
                    headers: build_headers(std::iter::empty(), &fixed_headers),
                    partition: args.partition,
                    timestamp: None,
                })
                .unwrap_or_else(refused);
                Ok(Some(()))
            }
            InputFormat::Envelope => {
                if line.trim_ascii().is_empty() {
                    Ok(None)
                } else {
                    match read_envelope(line) {
                        Ok(record) => {
                            let partition = if args.keep_partition {
                                match record.partition {
                                    Some(p) if p < partitions => Some(p),
                                    Some(p) => {
                                        let e = invalid(format!(
                                            "partition {p} does not exist (the topic has {partitions})"
                                        ));
                                        report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                                        if invalid_stop {
                                            break;
                                        }
                                        continue;
                                    }
                                    None => None,
                                }
                            } else {
                                args.partition
                            };
                            let fields = match derive.fields_of_envelope(record.value.as_deref(), partitions) {
                                Ok(f) => f,
                                Err(e) => {
                                    let e = invalid(e);
                                    report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                                    if invalid_stop {
                                        break;
                                    }
                                    continue;
                                }
                            };
                            let partition = fields.partition.or(partition);
                            let key = fields
                                .key
                                .as_deref()
                                .or(args.key.as_deref().map(str::as_bytes))
                                .or(record.key.as_deref());
                            let value = match record.value.as_deref() {
                                Some(v) if v.is_empty() && args.null_empty => None,
                                other => other,
                            };
                            pacer.wait(produced);
                            sink.send(Outgoing {
                                key,
                                value,
                                headers: build_headers(
                                    record
                                        .headers
                                        .iter()
                                        .chain(fields.headers.iter())
                                        .map(|(n, v)| (n.as_str(), v.as_deref())),
                                    &fixed_headers,
                                ),
                                partition,
                                timestamp: fields.timestamp.or(record.timestamp),
                            })
                            .unwrap_or_else(refused);
                            Ok(Some(()))
                        }
                        Err(e) => Err(invalid(e.to_string())),
                    }
                }
            }
        };
        match result {
            Ok(Some(())) => produced += 1,
            Ok(None) => {}
            Err(e) => {
                report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                if invalid_stop {
                    break;
                }
            }
        }
    }

    let stop = if signal.is_some() {
        Stop::Signalled
    } else {
        Stop::Drained
    };
    let summary = sink.finish(stop, skipped, started);
    let signal = signal.or_else(interrupt::requested);
    print_summary(&summary, args.stats, settings.quiet);
    Ok(outcome(&summary, invalid_stop, signal))
}

fn report_invalid(message: &str, policy: OnInvalid, skipped: &mut u64, stop: &mut bool) {
    match policy {
        OnInvalid::Fail => {
            eprintln!("eddy: {message}; stopped reading (what came before is delivered)");
            *stop = true;
        }
        OnInvalid::Skip => {
            eprintln!("eddy: {message}; skipped");
            *skipped += 1;
        }
    }
}

/// `--key-from`, `--partition-from`, `--header-from` and `--timestamp-from`: fields of
/// the outgoing record computed by jq filters from each JSON record (shared with gen).
pub(crate) struct Derive {
    key: Option<Filter>,
    partition: Option<Filter>,
    headers: Vec<(String, Filter)>,
    timestamp: Option<Filter>,
}

/// What the filters computed for one record.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    pub key: Option<Vec<u8>>,
    pub partition: Option<i32>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub timestamp: Option<i64>,
}

impl Derive {
    fn compile(args: &ProduceArgs) -> Result<Derive> {
        let any = args.key_from.is_some()
            || args.partition_from.is_some()
            || !args.headers_from.is_empty()
            || args.timestamp_from.is_some();
        if any && args.input == InputFormat::Lines {
            return Err(Error::usage(
                "--key-from, --partition-from, --header-from and --timestamp-from need JSON records (--input json or envelope)",
            ));
        }
        Derive::from_flags(
            &args.key_from,
            &args.partition_from,
            &args.headers_from,
            &args.timestamp_from,
        )
    }

    /// Compiles the filters of `--key-from`, `--partition-from`, `--header-from` and
    /// `--timestamp-from`.
    pub(crate) fn from_flags(
        key_from: &Option<String>,
        partition_from: &Option<String>,
        headers_from: &[String],
        timestamp_from: &Option<String>,
    ) -> Result<Derive> {
        let compile =
            |flag: &str, code: &Option<String>| code.as_deref().map(|c| Filter::compile_flag(flag, c)).transpose();
        let mut headers = Vec::new();
        for h in headers_from {
            let (name, code) = h
                .split_once('=')
                .ok_or_else(|| Error::usage(format!("--header-from {h}: expected NAME=FILTER")))?;
            headers.push((
                name.to_string(),
                Filter::compile_flag(&format!("--header-from {name}"), code)?,
            ));
        }
        Ok(Derive {
            key: compile("--key-from", key_from)?,
            partition: compile("--partition-from", partition_from)?,
            headers,
            timestamp: compile("--timestamp-from", timestamp_from)?,
        })
    }

    fn is_empty(&self) -> bool {
        self.key.is_none() && self.partition.is_none() && self.headers.is_empty() && self.timestamp.is_none()
    }

    /// Validates a JSON record and computes the fields; an error makes it invalid.
    pub(crate) fn fields(&self, json: &[u8], partitions: i32) -> std::result::Result<Fields, String> {
        if self.is_empty() {
            serde_json::from_slice::<serde::de::IgnoredAny>(json).map_err(|e| format!("not JSON: {e}"))?;
            return Ok(Fields::default());
        }
        let value = Value::parse_json(json).map_err(|e| format!("not JSON: {e}"))?;
        self.compute(&value, partitions)
    }

    /// The same for an envelope's value (a JSON document or nothing).
    fn fields_of_envelope(&self, value: Option<&[u8]>, partitions: i32) -> std::result::Result<Fields, String> {
        if self.is_empty() {
            return Ok(Fields::default());
        }
        let value = match value {
            Some(v) => Value::parse_json(v)
                .map_err(|e| format!("the value is not JSON ({e}), so --key-from and friends cannot read it"))?,
            None => Value::parse_json(b"null").map_err(|e| e.to_string())?,
        };
        self.compute(&value, partitions)
    }

    fn compute(&self, value: &Value, partitions: i32) -> std::result::Result<Fields, String> {
        let mut fields = Fields::default();
        if let Some(f) = &self.key {
            fields.key = one("--key-from", f, value)?.map(|v| bytes_of(&v));
        }
        if let Some(f) = &self.partition {
            if let Some(v) = one("--partition-from", f, value)? {
                let n = v.number().filter(|n| n.fract() == 0.0).ok_or_else(|| {
                    format!(
                        "--partition-from gave {}, not a partition number",
                        String::from_utf8_lossy(&json_of(&v))
                    )
                })?;
                if n < 0.0 || n >= f64::from(partitions) {
                    return Err(format!(
                        "--partition-from gave partition {n}, but the topic has partitions 0 to {}",
                        partitions - 1
                    ));
                }
                fields.partition = Some(n as i32);
            }
        }
        for (name, f) in &self.headers {
            if let Some(v) = one(&format!("--header-from {name}"), f, value)? {
                fields.headers.push((name.clone(), Some(bytes_of(&v))));
            }
        }
        if let Some(f) = &self.timestamp {
            if let Some(v) = one("--timestamp-from", f, value)? {
                fields.timestamp = Some(match (v.number(), v.text()) {
                    (Some(n), _) => number_to_ms(n),
                    (None, Some(t)) => parse_time(&String::from_utf8_lossy(t), now_ms())
                        .map_err(|e| format!("--timestamp-from: {e}"))?,
                    _ => {
                        return Err(format!(
                            "--timestamp-from gave {}, not a time",
                            String::from_utf8_lossy(&json_of(&v))
                        ));
                    }
                });
            }
        }
        Ok(fields)
    }
}

/// The single output of a field filter: none is null, more than one is an error.
fn one(flag: &str, filter: &Filter, value: &Value) -> std::result::Result<Option<Value>, String> {
    let mut outs = filter.outputs(value, 2).map_err(|e| format!("{flag}: {e}"))?;
    match outs.len() {
        0 => Ok(None),
        1 => Ok(outs.pop().filter(|v| !v.is_null())),
        _ => Err(format!("{flag} gave more than one output")),
    }
}

/// A string as its UTF-8 bytes, anything else as compact JSON.
fn bytes_of(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    v.write_text(&mut out);
    out
}

fn json_of(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    v.write_json(&mut out);
    out
}
