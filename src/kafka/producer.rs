//! The producer sink: records into a topic through librdkafka's own batching, every one
//! accounted for. A `BaseProducer` takes the records (never one awaited future per
//! record); a thread of ours serves its delivery reports; the delivery callback counts
//! delivered, failed and unknown (timed out in flight: possibly persisted) records and
//! marks each record's sequence number settled, so that `acknowledged` can say up to
//! where everything handed over is delivered or failed and counted. produce and gen see
//! eddy's `RecordRef` and this sink, no rdkafka type; they let it hold records without
//! headers or a timestamp and hand them over 64 at a time (`kafka::batch`).
//!
//! Over 700 lines (with its tests) because the sink, its delivery-report thread and the
//! callback share one producer's raw queue and counters; split, they would have to
//! expose those to each other.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::DeliveryResult;
use rdkafka::producer::{BaseProducer, Producer, ProducerContext, PurgeConfig};
use rdkafka::types::RDKafkaRespErr;

use crate::cli::{Compression, StatsFormat};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result, Signal};
use crate::interrupt;
use crate::kafka::batch::{Batch, Sticky};
use crate::kafka::client::{self as connection, Context, ProducerOptions};
use crate::kafka::topic::{self, CONFIG_WAIT, ConfigLookup};
use crate::record::{HeadersRef, RecordRef};
use crate::sink::{Sent, Seq, Sink};
use crate::stats::{Latency, ProduceSummary, latency_histogram};

/// Counts deliveries as librdkafka reports them.
pub struct Delivery {
    topic: String,
    /// The topic's `max.message.bytes`, when the cluster said it.
    topic_max: Option<u64>,
    /// The producer's own `message.max.bytes`.
    record_max: u64,
    delivered: AtomicU64,
    failed: AtomicU64,
    unknown: AtomicU64,
    bytes: AtomicU64,
    /// Taken once per delivery report: the latency histogram and the settled numbers.
    reports: Mutex<Reports>,
    /// Each distinct delivery error is printed once.
    errors_seen: Mutex<BTreeSet<String>>,
}

/// What the delivery callback keeps under its one lock.
struct Reports {
    latency: Histogram<u64>,
    settled: Settled,
}

/// Which sequence numbers are settled (delivered, or failed and counted), so that
/// `acknowledged` can say up to where all of them are. Reports come in order within a
/// partition but not across partitions: the numbers past the first unsettled one are
/// kept as bits, 64 to a word, and whole words at the front are dropped as they fill.
#[derive(Debug, Default)]
struct Settled {
    /// Word 0 holds the numbers `64 * first_word + 1` to `64 * first_word + 64`.
    first_word: u64,
    words: VecDeque<u64>,
}

impl Settled {
    fn settle(&mut self, seq: Seq) {
        let Some(i) = seq.checked_sub(1) else { return };
        let Some(w) = (i / 64).checked_sub(self.first_word) else {
            return;
        };
        let w = w as usize;
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        self.words[w] |= 1 << (i % 64);
        while self.words.front() == Some(&u64::MAX) {
            self.words.pop_front();
            self.first_word += 1;
        }
    }

    /// The highest n with 1..=n all settled.
    fn upto(&self) -> Seq {
        64 * self.first_word + u64::from(self.words.front().map_or(0, |w| w.trailing_ones()))
    }
}

impl Context<Delivery> {
    fn settle(&self, seq: Seq) {
        if let Ok(mut r) = self.inner.reports.lock() {
            r.settled.settle(seq);
        }
    }
}

impl ProducerContext for Context<Delivery> {
    /// The record's sequence number.
    type DeliveryOpaque = usize;

    fn delivery(&self, result: &DeliveryResult<'_>, seq: usize) {
        let d = &self.inner;
        match result {
            Ok(message) => {
                use rdkafka::Message as _;
                let size = message.payload_len() + message.key().map_or(0, <[u8]>::len);
                d.delivered.fetch_add(1, Ordering::Relaxed);
                d.bytes.fetch_add(size as u64, Ordering::Relaxed);
                // librdkafka stamps each record when it is handed over, so the latency
                // costs one clock read here rather than one more per record in `send`.
                // SAFETY: the message pointer is valid for the duration of the callback.
                let us = unsafe { rdkafka::bindings::rd_kafka_message_latency(message.ptr()) };
                if let Ok(mut r) = d.reports.lock() {
                    let _ = r.latency.record(us.max(1) as u64);
                    r.settled.settle(seq as Seq);
                }
            }
            Err((error, message)) => {
                // librdkafka knows whether a failed record may still have been written.
                // SAFETY: the message pointer is valid for the duration of the callback.
                let status = unsafe { rdkafka::bindings::rd_kafka_message_status(message.ptr()) };
                let possibly =
                    status == rdkafka::bindings::rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED;
                if possibly {
                    d.unknown.fetch_add(1, Ordering::Relaxed);
                } else {
                    d.failed.fetch_add(1, Ordering::Relaxed);
                }
                self.settle(seq as Seq);
                d.report(error, possibly);
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

/// A topic to send records to, with delivery accounting. Shared by produce and gen.
///
/// Delivery reports are served by a thread of our own rather than rdkafka's
/// `ThreadedProducer`: `BaseProducer::poll` returns only at its deadline, so that
/// producer's `flush` and its polling thread's shutdown each waited out a whole 100 ms
/// slice (0.2 s per run, more than sending a million records takes), and short slices
/// spin through their last millisecond. Ours sleeps until librdkafka says a report is there.
pub struct ProducerSink {
    /// First, so that it is released before the producer.
    rkt: TopicHandle,
    /// Handles of the other topics `try_send_to` wrote to (pipe's `--to-from` and
    /// `--dead-letter`), taken on first use; also released before the producer.
    others: HashMap<String, TopicHandle>,
    producer: Arc<BaseProducer<Context<Delivery>>>,
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
    /// Whether records without headers or a timestamp are held and handed over in
    /// batches (`hold_records`); held ones are counted in `sent` already.
    holding: bool,
    batch: Batch,
    /// The partition of held records with neither key nor partition (see `kafka::batch`);
    /// None leaves them to librdkafka's partitioner.
    sticky: Option<Sticky>,
}

/// A record `ProducerSink::try_send` refused: it is larger than the topic takes. Counted as failed.
#[derive(Debug)]
pub struct TooLarge {
    /// Its sequence number: refused, it is settled at once.
    pub seq: Seq,
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
fn serve_reports(producer: &BaseProducer<Context<Delivery>>, queue: *mut rdkafka::bindings::rd_kafka_queue_t) {
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
    fn start(producer: &Arc<BaseProducer<Context<Delivery>>>, sent: &Arc<AtomicU64>) -> Result<Poller> {
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
                            // serves the reports (`ProducerSink::try_send`): freeing records on the
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

impl ProducerSink {
    /// Connects, and waits (within `--timeout`) until the topic can take records.
    /// `command` names the command in errors.
    pub fn open(settings: &Settings, command: &str, topic: &str, options: ProducerOptions) -> Result<ProducerSink> {
        let idempotent = connection::producer_config(settings, options, None).get("enable.idempotence") == Some("true");
        let mut configs = ConfigLookup::start(settings, topic);
        // The producer starts with Kafka's default limit, and is made again in the rare
        // case that the topic's differs, so that its first metadata request need not wait
        // for the configs.
        let mut sink = ProducerSink::connect(settings, command, topic, options, None, &mut configs)?;
        let topic_max = configs.wait(CONFIG_WAIT).max_message_bytes;
        if topic_max.is_some() {
            let sized = |max| {
                let c = connection::producer_config(settings, options, max);
                ["message.max.bytes", "batch.size"].map(|k| c.get(k).map(str::to_string))
            };
            if sized(topic_max) != sized(None) {
                drop(sink);
                sink = ProducerSink::connect(settings, command, topic, options, topic_max, &mut configs)?;
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
    ) -> Result<ProducerSink> {
        let config = connection::producer_config(settings, options, topic_max);
        let delivery = Delivery {
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
            reports: Mutex::new(Reports {
                latency: latency_histogram(),
                settled: Settled::default(),
            }),
            errors_seen: Mutex::new(BTreeSet::new()),
        };
        let context = Context::with(settings, delivery);
        let producer: BaseProducer<Context<Delivery>> = config
            .create_with_context(context)
            .map_err(|e| Error::usage(format!("cannot create the producer: {e}")))?;
        let producer = Arc::new(producer);
        let sent = Arc::new(AtomicU64::new(0));
        let rkt = TopicHandle::new(&producer, topic)?;
        let poller = Poller::start(&producer, &sent)?;
        let mut sink = ProducerSink {
            rkt,
            others: HashMap::new(),
            producer,
            poller: Some(poller),
            producer_id: None,
            topic: topic.to_string(),
            partitions: 0,
            record_max: usize::MAX,
            settings: settings.clone(),
            sent,
            holding: false,
            batch: Batch::default(),
            sticky: None,
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

    /// `--partition`, against the topic's partitions.
    pub fn check_partition(&self, partition: Option<i32>) -> Result<()> {
        partition.map_or(Ok(()), |p| topic::check_partition(&self.topic, p, self.partitions))
    }

    /// Hands one record to librdkafka, waiting while its queue is full, and returns its
    /// sequence number; refuses (and counts as failed) a record larger than the topic takes.
    pub fn try_send(&mut self, record: RecordRef<'_>) -> std::result::Result<Seq, TooLarge> {
        let seq = self.sent.fetch_add(1, Ordering::Relaxed) + 1;
        if self.record_max != usize::MAX {
            let bytes = record_bytes(&record);
            if bytes > self.record_max {
                // Counted as sent and failed alike, so that `pending` still balances.
                self.failed_now(seq);
                return Err(TooLarge {
                    seq,
                    bytes,
                    limit: self.record_max,
                    topic: self.topic.clone(),
                });
            }
        }
        if self.holding && record.headers.is_empty() && record.timestamp.is_none() {
            let partition = match (record.partition, record.key, &self.sticky) {
                (Some(p), _, _) => p,
                (None, None, Some(sticky)) => sticky.partition(),
                _ => PARTITION_UNASSIGNED,
            };
            if self.batch.push(record.key, record.value, partition, seq) {
                self.hand_over();
            }
            return Ok(seq);
        }
        // What is held goes first, so that records are handed over in the order sent.
        self.hand_over();
        Ok(self.send_through(self.rkt.0, &record, seq))
    }

    /// From now on, hold records without headers or a timestamp and hand them over
    /// a batch at a time (see `kafka::batch`), or not. A caller that holds
    /// records calls `hand_over` before it waits for anything (input, a schedule);
    /// `flush` and `finish` hand over too.
    pub fn hold_records(&mut self, on: bool) {
        if !on {
            self.hand_over();
        }
        self.holding = on;
        self.sticky = if on {
            connection::sticky_linger(&self.settings).and_then(|linger| Sticky::new(self.partitions, linger))
        } else {
            None
        };
    }

    /// Hands every held record over to librdkafka, waiting while its queue is full.
    pub fn hand_over(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let mut batch = std::mem::take(&mut self.batch);
        let mut pause = QUEUE_FULL_PAUSE;
        batch.hand_over(
            self.rkt.0,
            || {
                // Backpressure: the queue drains as deliveries are reported.
                self.serve_reports();
                std::thread::sleep(pause);
                pause = (pause * 2).min(QUEUE_FULL_PAUSE_MAX);
            },
            |seq, code| {
                self.failed_now(seq);
                self.producer
                    .context()
                    .inner
                    .report(&KafkaError::MessageProduction(code.into()), false);
            },
        );
        self.batch = batch;
        if let Some(sticky) = &mut self.sticky {
            sticky.tick();
        }
        // Serve the delivery reports here while sending (see `Poller`).
        self.serve_reports();
    }

    /// Hands record `seq` over through topic handle `rkt`, waiting while librdkafka's
    /// queue is full; a record it refuses is failed and reported at once.
    fn send_through(&mut self, rkt: *mut rdkafka::bindings::rd_kafka_topic_t, record: &RecordRef<'_>, seq: Seq) -> Seq {
        let mut pause = QUEUE_FULL_PAUSE;
        loop {
            let code = self.produce(rkt, record, seq);
            if code == RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR {
                // Serve the delivery reports here while sending (see `Poller`).
                if seq % 64 == 0 {
                    self.serve_reports();
                }
                return seq;
            }
            if code == RDKafkaRespErr::RD_KAFKA_RESP_ERR__QUEUE_FULL {
                // Backpressure: the queue drains as deliveries are reported.
                self.serve_reports();
                std::thread::sleep(pause);
                pause = (pause * 2).min(QUEUE_FULL_PAUSE_MAX);
                continue;
            }
            self.failed_now(seq);
            let e = KafkaError::MessageProduction(code.into());
            self.producer.context().inner.report(&e, false);
            return seq;
        }
    }

    /// One hand-over to librdkafka, which copies key, value and headers (so they are
    /// borrowed until then, never copied by us). Through the topic handle, not the
    /// topic's name: rdkafka's `BaseProducer::send` made a `CString` of the name and
    /// librdkafka looked the topic up under its lock for every record (~400
    /// instructions). A record with neither headers nor a timestamp goes through
    /// `rd_kafka_produce`, which skips `rd_kafka_producev`'s walk of its arguments.
    fn produce(
        &self,
        rkt: *mut rdkafka::bindings::rd_kafka_topic_t,
        record: &RecordRef<'_>,
        seq: Seq,
    ) -> RDKafkaRespErr {
        use rdkafka::bindings as rd;
        use rdkafka::bindings::rd_kafka_vtype_t as V;
        let (value, value_len) = record
            .value
            .map_or((std::ptr::null_mut(), 0), |v| (v.as_ptr() as *mut _, v.len()));
        let (key, key_len) = record
            .key
            .map_or((std::ptr::null(), 0), |k| (k.as_ptr().cast(), k.len()));
        let partition = record.partition.unwrap_or(PARTITION_UNASSIGNED);
        // The delivery callback gets the sequence number back as the opaque.
        let opaque = seq as usize as *mut std::ffi::c_void;
        let flags = rd::RD_KAFKA_MSG_F_COPY as std::ffi::c_int;
        if record.headers.is_empty() && record.timestamp.is_none() {
            // SAFETY: a live topic handle; librdkafka copies key and value before it returns.
            let r = unsafe { rd::rd_kafka_produce(rkt, partition, flags, value, value_len, key, key_len, opaque) };
            return if r == 0 {
                RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR
            } else {
                // SAFETY: reads this thread's last error, set by the call above.
                unsafe { rd::rd_kafka_last_error() }
            };
        }
        let headers = native_headers(record.headers);
        // SAFETY: the arguments are the pairs librdkafka's varargs expect, ended by END;
        // on success librdkafka owns `headers`, on failure they are still ours.
        let code = unsafe {
            rd::rd_kafka_producev(
                self.producer.client().native_ptr(),
                V::RD_KAFKA_VTYPE_RKT,
                rkt,
                V::RD_KAFKA_VTYPE_PARTITION,
                partition,
                V::RD_KAFKA_VTYPE_MSGFLAGS,
                flags,
                V::RD_KAFKA_VTYPE_VALUE,
                value,
                value_len,
                V::RD_KAFKA_VTYPE_KEY,
                key,
                key_len,
                V::RD_KAFKA_VTYPE_OPAQUE,
                opaque,
                V::RD_KAFKA_VTYPE_TIMESTAMP,
                record.timestamp.unwrap_or(0),
                V::RD_KAFKA_VTYPE_HEADERS,
                headers,
                V::RD_KAFKA_VTYPE_END,
            )
        };
        if code != RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR && !headers.is_null() {
            // SAFETY: not taken by librdkafka, so still ours to free.
            unsafe { rd::rd_kafka_headers_destroy(headers) };
        }
        code
    }

    /// `try_send` to another topic than the sink's (pipe's `--to-from` and
    /// `--dead-letter`), with the same sequence numbers and accounting. No size check:
    /// that topic's limit is not known; the broker judges.
    pub fn try_send_to(&mut self, topic: &str, record: RecordRef<'_>) -> Seq {
        self.hand_over();
        let seq = self.sent.fetch_add(1, Ordering::Relaxed) + 1;
        if topic == self.topic {
            return self.send_through(self.rkt.0, &record, seq);
        }
        if !self.others.contains_key(topic) {
            match TopicHandle::new(&self.producer, topic) {
                Ok(h) => {
                    self.others.insert(topic.to_string(), h);
                }
                Err(_) => {
                    self.failed_now(seq);
                    let e = KafkaError::MessageProduction(RDKafkaErrorCode::InvalidTopic);
                    self.producer.context().inner.report(&e, false);
                    return seq;
                }
            }
        }
        let rkt = self.others[topic].0;
        self.send_through(rkt, &record, seq)
    }

    /// Records that failed or are of unknown fate so far.
    pub fn not_delivered(&self) -> u64 {
        let c = &self.producer.context().inner;
        c.failed.load(Ordering::Relaxed) + c.unknown.load(Ordering::Relaxed)
    }

    /// The producer itself, for the transactions that `kafka::transaction` runs on it.
    pub(crate) fn handle(&self) -> Arc<BaseProducer<Context<Delivery>>> {
        Arc::clone(&self.producer)
    }

    /// A record that never reached librdkafka: failed, and settled at once.
    fn failed_now(&self, seq: Seq) {
        let context = self.producer.context();
        context.inner.failed.fetch_add(1, Ordering::Relaxed);
        context.settle(seq);
    }

    fn serve_reports(&self) {
        if let Some(poller) = &self.poller {
            serve_reports(&self.producer, poller.queue);
        }
    }

    /// Records handed over whose delivery report has not arrived yet.
    pub fn pending(&self) -> u64 {
        let c = &self.producer.context().inner;
        let done =
            c.delivered.load(Ordering::Relaxed) + c.failed.load(Ordering::Relaxed) + c.unknown.load(Ordering::Relaxed);
        self.sent.load(Ordering::Relaxed).saturating_sub(done)
    }

    /// What a second Ctrl-C says before the process exits at once: how many records
    /// were handed over, and that those not acknowledged are lost.
    pub fn leave_last_word(&self) {
        let sent = Arc::clone(&self.sent);
        interrupt::set_last_word(move || {
            eprintln!(
                "eddy: stopped at once; records handed over so far: {}; those not yet acknowledged are left undelivered",
                sent.load(Ordering::Relaxed)
            );
        });
    }

    /// Delivered so far (for progress bars).
    pub fn delivered(&self) -> u64 {
        self.producer.context().inner.delivered.load(Ordering::Relaxed)
    }

    /// Wakes the broker threads without waiting (`Sink::flush`). librdkafka treats queued
    /// records as due only while a flush is under way and this one is over at once, so
    /// records may still wait out linger.ms; `wait_for_reports` is the flush that holds.
    fn wake_brokers(&self) {
        // SAFETY: a valid producer handle; a zero timeout only wakes the brokers.
        unsafe { rdkafka::bindings::rd_kafka_flush(self.producer.client().native_ptr(), 0) };
    }

    /// Waits until every record handed over has its delivery report, or `until` passes.
    ///
    /// Inside a blocking `rd_kafka_flush`, not beside a zero-timeout one: librdkafka
    /// sends queued records without waiting out linger.ms only while a flush is under
    /// way, and a zero-timeout flush is over before the broker threads look (its own
    /// comment says so). The last batches of every run, and the only one of a short run,
    /// waited out linger.ms. The delivery-report thread serves the reports
    /// meanwhile (rdkafka takes them as events, so the flush only waits for the count of
    /// records librdkafka holds to reach zero).
    fn wait_for_reports(&self, until: Option<Instant>) {
        while self.pending() > 0 {
            let slice = match until {
                Some(u) => u
                    .saturating_duration_since(Instant::now())
                    .min(Duration::from_millis(100)),
                None => Duration::from_millis(100),
            };
            if slice.is_zero() {
                break;
            }
            // SAFETY: a valid producer handle; the call blocks at most `slice`.
            unsafe {
                rdkafka::bindings::rd_kafka_flush(
                    self.producer.client().native_ptr(),
                    slice.as_millis().max(1) as std::ffi::c_int,
                )
            };
            // librdkafka's count falls as each report's records are freed, after the
            // callback that counts them here: a flush that ended with reports still
            // uncounted here does not spin while they are.
            if self.pending() > 0 {
                std::thread::sleep(Duration::from_micros(200));
            }
        }
    }

    /// Waits for the outstanding deliveries and returns the summary.
    pub fn finish(mut self, stop: Stop, skipped: u64, started: Instant) -> ProduceSummary {
        self.hand_over();
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
        let c = &self.producer.context().inner;
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
        if let Ok(r) = c.reports.lock() {
            summary.latency_ms = Latency::from_histogram(&r.latency);
        }
        summary.finish(started.elapsed());
        summary
    }
}

impl Drop for ProducerSink {
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
fn record_bytes(record: &RecordRef<'_>) -> usize {
    record.key.map_or(0, <[u8]>::len) + record.value.map_or(0, <[u8]>::len) + record.headers.bytes()
}

/// The headers as librdkafka takes them (it copies names and values); null when there
/// are none (no allocation then).
fn native_headers(headers: HeadersRef<'_>) -> *mut rdkafka::bindings::rd_kafka_headers_t {
    use rdkafka::bindings as rd;
    if headers.is_empty() {
        return std::ptr::null_mut();
    }
    // SAFETY: a fresh list; each name and value is copied by `rd_kafka_header_add`, with
    // its length given (no terminating zero needed); a null value is a null header.
    unsafe {
        let list = rd::rd_kafka_headers_new(headers.len());
        for (name, value) in headers.iter() {
            let (v, len) = value.map_or((std::ptr::null(), 0), |v| (v.as_ptr().cast(), v.len() as isize));
            rd::rd_kafka_header_add(list, name.as_ptr().cast(), name.len() as isize, v, len);
        }
        list
    }
}

/// How long the sending thread pauses when librdkafka's queue is full, before it serves
/// the reports that came meanwhile and offers the records again: short, so that a
/// bounded queue (client.rs) does not run dry while it waits.
const QUEUE_FULL_PAUSE: Duration = Duration::from_micros(200);
/// While the queue stays full (a broker slower than the input), each pause doubles up to
/// this: the queue (client.rs) holds ~25 ms of records at full speed, so it does not run
/// dry, and waking 5,000 times a second took CPU from a broker on the same machine.
const QUEUE_FULL_PAUSE_MAX: Duration = Duration::from_millis(2);

/// librdkafka picks the partition (the partitioner) for a record sent here.
const PARTITION_UNASSIGNED: i32 = -1;

/// librdkafka's handle of the sink's topic, taken once (see `ProducerSink::produce`).
struct TopicHandle(*mut rdkafka::bindings::rd_kafka_topic_t);

impl TopicHandle {
    fn new(producer: &BaseProducer<Context<Delivery>>, topic: &str) -> Result<TopicHandle> {
        let name = std::ffi::CString::new(topic)
            .map_err(|_| Error::usage(format!("topic {topic:?}: a topic name has no NUL byte")))?;
        // SAFETY: a live producer; a null config takes the producer's topic settings.
        let rkt = unsafe {
            rdkafka::bindings::rd_kafka_topic_new(producer.client().native_ptr(), name.as_ptr(), std::ptr::null_mut())
        };
        if rkt.is_null() {
            // SAFETY: reads this thread's last error, set by the call above.
            let code: RDKafkaErrorCode = unsafe { rdkafka::bindings::rd_kafka_last_error() }.into();
            return Err(Error::runtime(format!("topic {topic}: {code}")));
        }
        Ok(TopicHandle(rkt))
    }
}

impl Drop for TopicHandle {
    fn drop(&mut self) {
        // SAFETY: taken in `new`, released once; the producer outlives it (the sink's
        // first field, dropped before the producer).
        unsafe { rdkafka::bindings::rd_kafka_topic_destroy(self.0) };
    }
}

impl Sink for ProducerSink {
    type Item<'a> = RecordRef<'a>;

    /// A record the topic cannot take is reported here and counted as failed; callers
    /// that can name the input position use `try_send`.
    fn send(&mut self, record: RecordRef<'_>) -> Sent {
        match self.try_send(record) {
            Ok(seq) => Sent::Taken(seq),
            Err(e) => {
                eprintln!("eddy: {e}");
                Sent::Taken(e.seq)
            }
        }
    }

    fn flush(&mut self) -> Sent {
        self.hand_over();
        self.wake_brokers();
        Sent::Taken(self.sent.load(Ordering::Relaxed))
    }

    fn acknowledged(&mut self) -> Seq {
        self.producer
            .context()
            .inner
            .reports
            .lock()
            .map_or(0, |r| r.settled.upto())
    }
}

/// Prints the closing summary as asked.
pub fn print_summary(summary: &ProduceSummary, stats: StatsFormat, quiet: bool) {
    match stats {
        StatsFormat::Json => eprintln!("{}", summary.json()),
        StatsFormat::Text if !quiet => eprintln!("{}", summary.text()),
        StatsFormat::Text => {}
    }
}

/// The exit outcome of a produce-like run: 1 when anything failed or is of unknown fate.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settled_numbers_acknowledge_only_what_has_no_gap_below() {
        let mut s = Settled::default();
        assert_eq!(s.upto(), 0);
        s.settle(2);
        s.settle(3);
        assert_eq!(s.upto(), 0, "1 is still out");
        s.settle(1);
        assert_eq!(s.upto(), 3);
        // Across word boundaries, out of order, as two partitions report.
        for n in (4..=200).rev().filter(|n| n % 2 == 0) {
            s.settle(n);
        }
        assert_eq!(s.upto(), 4);
        for n in (5..=199).filter(|n| n % 2 == 1) {
            s.settle(n);
        }
        assert_eq!(s.upto(), 200);
        assert!(s.words.len() <= 1, "full words are dropped");
        // 0 and numbers already below the mark change nothing.
        s.settle(0);
        s.settle(7);
        assert_eq!(s.upto(), 200);
        s.settle(64 * 10);
        assert_eq!(s.upto(), 200);
    }

    /// Through the `Sink` contract, against the embedded cluster: every record sent is
    /// acknowledged once delivered, across partitions (whose reports interleave), and a
    /// record refused as too large is acknowledged at once as failed-and-counted.
    #[test]
    fn the_sink_acknowledges_what_is_delivered_or_counted() {
        use crate::cli::Acks;
        use crate::kafka::mock::DevCluster;
        let cluster = DevCluster::start(1).expect("mock cluster");
        cluster.create_topic("acked", 3, 1).expect("topic");
        let env = |_: &str| None;
        let mut settings = crate::config::resolve(&Default::default(), &env).expect("settings");
        settings.brokers = cluster.bootstrap_servers();
        settings.timeout = Duration::from_secs(10);
        let options = ProducerOptions {
            acks: Acks::All,
            compression: None,
        };
        let mut sink = ProducerSink::open(&settings, "test", "acked", options).expect("sink");
        sink.record_max = 64;
        let fixed = vec![("h".to_string(), Some(b"v".to_vec()))];
        for i in 0..300u64 {
            let value = i.to_string();
            let record = RecordRef {
                key: Some(value.as_bytes()),
                value: Some(value.as_bytes()),
                headers: HeadersRef::new(&[], &[], &fixed),
                ..RecordRef::default()
            };
            assert_eq!(Sink::send(&mut sink, record), Sent::Taken(i + 1));
        }
        let big = vec![b'x'; 100];
        let refused = sink.try_send(RecordRef {
            value: Some(&big),
            ..RecordRef::default()
        });
        assert_eq!(refused.map_err(|e| e.seq).expect_err("too large"), 301);
        assert_eq!(sink.flush(), Sent::Taken(301));
        let deadline = Instant::now() + Duration::from_secs(10);
        while sink.acknowledged() < 301 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(sink.acknowledged(), 301);
        let summary = sink.finish(Stop::Drained, 0, Instant::now());
        assert_eq!((summary.delivered, summary.failed, summary.unknown), (300, 1, 0));
    }

    #[test]
    fn headers_from_three_lists_keep_their_order() {
        let own = vec![("a".to_string(), Some(b"1".to_vec()))];
        let fixed = vec![("c".to_string(), None)];
        let h = HeadersRef::new(&own, &[], &fixed);
        let names: Vec<_> = h.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a", "c"]);
        assert_eq!(h.bytes(), 3);
        assert!(native_headers(HeadersRef::default()).is_null());
        let list = native_headers(h);
        assert!(!list.is_null());
        // SAFETY: the list made above, not handed to librdkafka.
        unsafe {
            assert_eq!(rdkafka::bindings::rd_kafka_header_cnt(list), 2);
            rdkafka::bindings::rd_kafka_headers_destroy(list);
        }
    }
}
