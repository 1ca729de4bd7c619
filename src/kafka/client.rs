//! The only place that builds librdkafka client configs (producer, consumer, admin), so
//! that brokers, contexts, `-X` properties, timeouts and logging behave the same in every
//! command. It also owns what the clients say back: librdkafka's log lines (shown only
//! with `-v`) and its error callbacks, sorted per broker into causes (a refused
//! connection, a TLS or SASL mismatch, refused credentials), so that a failure says *why*
//! in one line, with a hint; and the first metadata request, which stops waiting as soon
//! as the cause is one that waiting cannot mend. Over 700 lines with its tests because
//! configs and the causes of failures are one concern: every security mode's config is
//! tested beside the cause its misconfiguration gives.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rdkafka::ClientConfig;
use rdkafka::client::{Client, ClientContext};
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::KafkaError;
use rdkafka::metadata::Metadata;

use crate::cli::{Acks, Compression, ProducerArgs};
use crate::config::Settings;
use crate::error::Error;

/// What every eddy client context carries: whether to show librdkafka's logs, and what
/// went wrong with each broker it tried, so that a failure can say *why* in one line.
#[derive(Debug, Default)]
pub struct Diagnostics {
    verbose: bool,
    last_error: Mutex<Option<String>>,
    /// The last telling failure per broker address (`host:port`), in librdkafka's words
    /// sorted into what a user can act on.
    brokers: Mutex<BTreeMap<String, Cause>>,
    /// An authentication failure outranks everything that follows from it.
    auth_error: Mutex<Option<String>>,
}

impl Diagnostics {
    pub fn new(verbose: bool) -> Self {
        Diagnostics {
            verbose,
            ..Default::default()
        }
    }

    /// librdkafka's log lines, served from the client's queue (the poller of a producer,
    /// `poll` of a consumer). A connection failure is logged under `FAIL`, at Info level
    /// for some causes (a TLS listener closing on a plaintext client), so every level
    /// up to Info reaches here and only `-v` prints them.
    pub fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        if self.verbose {
            eprintln!("librdkafka {level:?} {fac}: {message}");
        }
        if fac == "FAIL" || (level as i32) <= (RDKafkaLogLevel::Error as i32) {
            self.remember(message);
        }
    }

    pub fn error(&self, error: &KafkaError, reason: &str) {
        if self.verbose {
            eprintln!("librdkafka error: {error}: {reason}");
        }
        self.remember(reason);
    }

    fn remember(&self, message: &str) {
        let (broker, text) = split_broker(message);
        let cause = Cause::of(text);
        if let Cause::Authentication(a) = &cause {
            if let Ok(mut auth) = self.auth_error.lock() {
                *auth = Some(a.clone());
            }
        }
        if let Some(broker) = broker {
            if let Ok(mut brokers) = self.brokers.lock() {
                // A vaguer line that follows a telling one (the broken pipe after the
                // close, a bare "SSL connection closed by peer" after the handshake
                // failure that said why) does not replace it.
                if brokers.get(&broker).is_none_or(|old| cause.telling() >= old.telling()) {
                    brokers.insert(broker, cause);
                }
            }
        }
        if let Ok(mut last) = self.last_error.lock() {
            *last = Some(without_timing(text).to_string());
        }
    }

    /// The most telling error librdkafka reported, if any.
    pub fn last_error(&self) -> Option<String> {
        let auth = self.auth_error.lock().ok().and_then(|a| a.clone());
        auth.or_else(|| self.last_error.lock().ok().and_then(|l| l.clone()))
    }

    /// Whether waiting longer cannot help: the cluster refused our credentials, or every
    /// bootstrap broker failed in a way that only a change of settings mends.
    fn hopeless(&self, bootstrap: &[String]) -> bool {
        if self.auth_error.lock().is_ok_and(|a| a.is_some()) {
            return true;
        }
        let Ok(brokers) = self.brokers.lock() else {
            return false;
        };
        !bootstrap.is_empty() && bootstrap.iter().all(|b| brokers.get(b).is_some_and(Cause::is_final))
    }

    fn causes(&self) -> Vec<(String, Cause)> {
        self.brokers
            .lock()
            .map(|b| b.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    }
}

/// Why a connection to a broker failed, sorted from librdkafka's log lines into the
/// cases a user can do something about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cause {
    /// The cluster refused the credentials (librdkafka's words kept; they hold no secret).
    Authentication(String),
    /// The listener rejected the SASL handshake; it offers these mechanisms (none: it
    /// does not do SASL at all).
    SaslRefused(String),
    /// The broker's certificate did not verify against the CAs we trust.
    CertificateNotVerified,
    /// TLS spoken to a listener that does not speak it.
    TlsToPlaintext,
    /// Another TLS failure, in librdkafka's words.
    Tls(String),
    /// The broker hung up on the very first request: the way a TLS listener answers a
    /// plaintext client.
    ClosedAtFirstRequest,
    /// The broker hung up right after the first answer: the way a SASL listener answers
    /// a client that sends a request without logging in.
    ClosedAfterFirstRequest,
    Refused,
    Unresolvable(String),
    TimedOut,
    /// The connection was made and the first request never answered: a hung broker (a
    /// stopped process, a full disk, a long GC pause), whose kernel still accepts.
    NoAnswer,
    Other(String),
}

impl Cause {
    fn of(text: &str) -> Cause {
        let lower = text.to_ascii_lowercase();
        let (in_ms, state) = timing(text);
        let short = without_timing(text).to_string();
        if lower.contains("mechanism handshake failed") {
            const OFFERED: &str = "supported mechanisms:";
            let offered = lower
                .find(OFFERED)
                .map(|i| without_timing(&text[i + OFFERED.len()..]).to_string())
                .unwrap_or_default();
            Cause::SaslRefused(offered)
        } else if lower.contains("authentication") {
            Cause::Authentication(short)
        } else if lower.contains("connecting to a plaintext broker listener") {
            Cause::TlsToPlaintext
        } else if lower.contains("certificate verify failed") {
            Cause::CertificateNotVerified
        } else if lower.contains("ssl handshake failed") || state == Some("SSL_HANDSHAKE") {
            Cause::Tls(short)
        } else if lower.contains("connection refused") {
            Cause::Refused
        } else if lower.contains("failed to resolve") {
            // "Failed to resolve 'host:9092': Name or service not known"
            let host = text
                .split('\'')
                .nth(1)
                .map(|hp| hp.rsplit_once(':').map_or(hp, |(h, _)| h))
                .unwrap_or_default();
            Cause::Unresolvable(host.to_string())
        } else if lower.contains("timed out") && state == Some("CONNECT") {
            Cause::TimedOut
        } else if lower.contains("timed out")
            && matches!(state, Some("APIVERSION_QUERY" | "AUTH_HANDSHAKE" | "AUTH_REQ"))
        {
            Cause::NoAnswer
        } else if lower.contains("connecting to a ssl listener") {
            Cause::ClosedAtFirstRequest
        } else if lower.contains("disconnected") || lower.contains("send failed") || lower.contains("receive failed") {
            match state {
                Some("APIVERSION_QUERY") => Cause::ClosedAtFirstRequest,
                // A broker that closes an idle connection has been up for minutes.
                Some("UP") if in_ms.is_some_and(|ms| ms < 1000) => Cause::ClosedAfterFirstRequest,
                _ => Cause::Other(short),
            }
        } else {
            Cause::Other(short)
        }
    }

    /// How much a cause says: librdkafka's bare words least, a TLS failure in its own
    /// words more, a recognised cause most.
    fn telling(&self) -> u8 {
        match self {
            Cause::Other(_) => 0,
            Cause::Tls(_) => 1,
            _ => 2,
        }
    }

    /// Whether only a change of settings mends it (retrying the same will fail the same).
    fn is_final(&self) -> bool {
        matches!(
            self,
            Cause::Authentication(_)
                | Cause::SaslRefused(_)
                | Cause::CertificateNotVerified
                | Cause::TlsToPlaintext
                | Cause::Tls(_)
        )
    }

    /// The cause for `broker` in a few words, with a hint at what to change.
    fn explain(&self, broker: &str, settings: &Settings) -> String {
        let property = |k: &str| settings.properties.iter().any(|(key, _)| key == k);
        let sasl = settings
            .properties
            .iter()
            .any(|(k, v)| k == "security.protocol" && v.to_ascii_lowercase().starts_with("sasl"));
        match self {
            Cause::Authentication(text) => {
                format!("{text} (check -X sasl.username, sasl.password and sasl.mechanism)")
            }
            Cause::SaslRefused(offered) if offered.is_empty() => "the broker does not do SASL on this listener \
                 (is this the SASL port? or drop -X security.protocol=SASL_*)"
                .to_string(),
            Cause::SaslRefused(offered) => {
                format!("the broker offers SASL mechanisms {offered} only (-X sasl.mechanism=...)")
            }
            Cause::CertificateNotVerified if property("ssl.ca.location") => {
                "SSL handshake failed: certificate verify failed (is -X ssl.ca.location the cluster's CA?)".to_string()
            }
            Cause::CertificateNotVerified => {
                "SSL handshake failed: certificate verify failed (add -X ssl.ca.location=FILE with the cluster's CA)"
                    .to_string()
            }
            Cause::TlsToPlaintext => format!(
                "SSL handshake failed: the broker does not speak TLS here (is this the TLS port? or -X \
                 security.protocol={})",
                if sasl { "SASL_PLAINTEXT" } else { "PLAINTEXT" }
            ),
            Cause::Tls(text) => text.clone(),
            Cause::ClosedAtFirstRequest => format!(
                "the broker closed the connection at the first request (is this the TLS port? then \
                 -X security.protocol={})",
                if sasl { "SASL_SSL" } else { "SSL" }
            ),
            Cause::ClosedAfterFirstRequest => "the broker closed the connection after the first request \
                 (does this listener want SASL? -X security.protocol=SASL_PLAINTEXT with sasl.mechanism, \
                 sasl.username and sasl.password)"
                .to_string(),
            Cause::Refused => format!("connection refused: is a broker listening on {broker}?"),
            Cause::Unresolvable(host) => format!("cannot resolve host {host}"),
            Cause::TimedOut => format!("no connection within {}", humantime::format_duration(settings.timeout)),
            Cause::NoAnswer => "the broker accepts connections but does not answer (is it hung?)".to_string(),
            Cause::Other(text) => text.clone(),
        }
    }
}

/// Splits librdkafka's `[thrd:...]: ssl://host:port/1: text` into the broker's address
/// (`host:port`) and the text.
fn split_broker(message: &str) -> (Option<String>, &str) {
    let message = message.trim();
    let message = match message.strip_prefix("[thrd:") {
        Some(rest) => rest.split_once("]: ").map_or(message, |(_, m)| m),
        None => message,
    };
    if let Some((name, text)) = message.split_once(": ") {
        if let Some((address, id)) = name.rsplit_once('/') {
            let address = address.split_once("://").map_or(address, |(_, a)| a);
            if (id == "bootstrap" || id.parse::<i32>().is_ok()) && address.contains(':') {
                return (Some(address.to_string()), text.trim());
            }
        }
    }
    (None, message)
}

/// librdkafka ends a connection failure with `(after 4ms in state SSL_HANDSHAKE, ...)`:
/// how long the connection had been in which state.
fn timing(text: &str) -> (Option<u64>, Option<&str>) {
    let Some((_, tail)) = text.rsplit_once("(after ") else {
        return (None, None);
    };
    let ms = tail.split_once("ms").and_then(|(n, _)| n.trim().parse().ok());
    let state = tail
        .split_once("in state ")
        .map(|(_, s)| s.split([',', ')']).next().unwrap_or_default().trim());
    (ms, state)
}

fn without_timing(text: &str) -> &str {
    text.rsplit_once(" (after ").map_or(text, |(t, _)| t).trim()
}

/// The bootstrap brokers as librdkafka names them in its logs (`host:port`).
fn bootstrap(settings: &Settings) -> Vec<String> {
    settings
        .brokers
        .split(',')
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| {
            let b = b.split_once("://").map_or(b, |(_, a)| a);
            if b.contains(':') {
                b.to_string()
            } else {
                format!("{b}:9092")
            }
        })
        .collect()
}

/// The one client context: the diagnostics every eddy client keeps (log lines and error
/// callbacks forwarded the same way), and whatever one kind of client needs besides
/// (`inner`: a producer's delivery accounting, a consumer's rebalance state). A client
/// with its own callbacks implements `ProducerContext` or `ConsumerContext` for
/// `Context<Its>` and inherits the forwarding from here.
#[derive(Debug)]
pub struct Context<T = ()> {
    pub diagnostics: Diagnostics,
    pub inner: T,
}

/// Consumers and admin clients with nothing of their own: diagnostics only.
pub type EddyContext = Context<()>;

impl Context<()> {
    pub fn new(settings: &Settings) -> Self {
        Context::with(settings, ())
    }
}

impl<T> Context<T> {
    pub fn with(settings: &Settings, inner: T) -> Self {
        Context {
            diagnostics: Diagnostics::new(settings.verbose),
            inner,
        }
    }
}

impl<T: Send + Sync + 'static> ClientContext for Context<T> {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        self.diagnostics.log(level, fac, message);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        self.diagnostics.error(&error, reason);
    }
}

fn base(settings: &Settings) -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", &settings.brokers);
    config.set("client.id", "eddy");
    // Without -v nothing is printed, but the diagnostics still read every line: some
    // connection failures are logged at Info level only. `-X debug=...` asks for
    // librdkafka's debug lines, which a level of Info would drop (all but a few printed
    // before the level takes hold): with it, they reach `-v`.
    let debug = settings.properties.iter().any(|(k, v)| k == "debug" && !v.is_empty());
    config.set_log_level(if debug {
        RDKafkaLogLevel::Debug
    } else {
        RDKafkaLogLevel::Info
    });
    // librdkafka takes 1 s to 24 days here; a shorter --timeout still bounds the wait,
    // which eddy keeps itself. A little below --timeout (a quarter, at most a second), so
    // that the line saying why a connection failed (a hung broker that accepts and never
    // answers) arrives before eddy's own deadline rather than just after it.
    let timeout = settings.timeout.as_millis();
    let ms = (timeout - (timeout / 4).min(1000))
        .clamp(1000, i32::MAX as u128)
        .to_string();
    config.set("socket.connection.setup.timeout.ms", &ms);
    config
}

/// How long librdkafka's sticky partitioner keeps records without a key on one
/// partition, for the producer sink that does the same itself (`kafka::batch`): 10 ms,
/// or `-X sticky.partitioning.linger.ms`. None when that is 0 or when `-X partitioner`
/// chose another partitioner (which may not be sticky for them): then librdkafka decides.
pub fn sticky_linger(settings: &Settings) -> Option<std::time::Duration> {
    let mut ms = 10;
    for (key, value) in &settings.properties {
        match key.as_str() {
            "partitioner" => return None,
            "sticky.partitioning.linger.ms" => ms = value.trim().parse().ok()?,
            _ => {}
        }
    }
    (ms > 0).then(|| std::time::Duration::from_millis(ms))
}

/// User properties go last: `-X` wins over everything eddy chose.
fn finish(mut config: ClientConfig, settings: &Settings) -> ClientConfig {
    for (key, value) in &settings.properties {
        config.set(key, value);
    }
    config
}

/// How a producer should behave, from the produce flags.
#[derive(Debug, Clone, Copy)]
pub struct ProducerOptions {
    pub acks: Acks,
    pub compression: Option<Compression>,
}

impl From<&ProducerArgs> for ProducerOptions {
    fn from(args: &ProducerArgs) -> Self {
        ProducerOptions {
            acks: args.acks,
            compression: args.compression,
        }
    }
}

/// The largest record batch a Kafka topic takes unless configured otherwise: the
/// brokers' default `message.max.bytes`, 1 MiB and 12 bytes of log overhead.
pub const KAFKA_MAX_MESSAGE_BYTES: u64 = 1_048_588;

/// A record batch's own header (v2), which counts against the topic's limit.
const BATCH_HEADER: u64 = 61;

/// With compression the broker judges the compressed batch, so the client lets larger
/// records through to the codec; this only bounds one record in memory.
const COMPRESSED_RECORD_MAX: u64 = 100_000_000;

/// A producer config for a topic whose batches may be `topic_max` bytes (its
/// `max.message.bytes`; Kafka's default when the cluster cannot say).
pub fn producer_config(settings: &Settings, options: ProducerOptions, topic_max: Option<u64>) -> ClientConfig {
    let mut config = base(settings);
    match options.acks {
        Acks::All => {
            config.set("enable.idempotence", "true");
            config.set("acks", "all");
        }
        Acks::One => {
            config.set("enable.idempotence", "false");
            config.set("acks", "1");
        }
        Acks::Zero => {
            config.set("enable.idempotence", "false");
            config.set("acks", "0");
        }
    }
    // The Java client's partitioner, so keys land where Java producers and Kafka
    // Streams put them.
    config.set("partitioner", "murmur2_random");
    // librdkafka's own linger (kcat's too). 10 ms sent no faster, and while the broker
    // stalls (its GC, its page-cache writeback) it cost ~20 % more CPU: 1.06 s against
    // 0.86 s per million records, median of 6 alternating runs against a broker paused
    // 40 ms in every 100 (bench/RESULTS.md, issue #19).
    config.set("linger.ms", "5");
    // librdkafka refuses a record larger than message.max.bytes when it is handed over
    // (its own default, 1,000,000, is below what a stock broker takes), and fills a batch
    // with up to min(message.max.bytes, batch.size) bytes of records, to which the
    // batch's header is added: both follow the topic's limit.
    let limit = topic_max.unwrap_or(KAFKA_MAX_MESSAGE_BYTES).clamp(1000, 1_000_000_000);
    let compressed = options.compression.is_some_and(|c| c != Compression::None);
    let record_max = if compressed {
        limit.max(COMPRESSED_RECORD_MAX)
    } else {
        limit
    };
    config.set("message.max.bytes", record_max.to_string());
    config.set("batch.size", (limit - BATCH_HEADER).min(1_000_000).to_string());
    // Records per batch: 5,000 rather than librdkafka's 10,000 (kcat's). Handed over 64
    // at a time, records reach librdkafka faster than eddy dev takes 10,000-record
    // batches, so the queue filled to its limit: 27–30 MB peak against kcat's 12–15.
    // At 5,000 eddy dev keeps up (19–21 MB) as fast, and on Apache Kafka, which shares
    // the machine's cores, it was the fastest of 2,000 (more requests for the broker:
    // ~0.2 s slower), 5,000 and 10,000 (bench/RESULTS.md, issue #19).
    config.set("batch.num.messages", "5000");
    // The queue bounds memory, not speed: 50,000 records or 64 MB, whichever is reached
    // first. A queue of 1,000,000 records and 1 GB let a fast reader hold most of its
    // input in memory ahead of a slower broker (115 MB peak against kcat's 41 MB on
    // Apache Kafka) and sent no faster; since records go out in batches (kafka::batch)
    // eddy outruns eddy dev too, and librdkafka's default of 100,000 (kcat's) peaked at
    // 21–31 MB there against kcat's 13–16, 50,000 at 22–24 as fast; 15,000 was slower
    // (bench/RESULTS.md, issue #19). 50,000 still holds five full batches.
    config.set("queue.buffering.max.messages", "50000");
    config.set("queue.buffering.max.kbytes", "65536");
    // A record that cannot be delivered in a minute is reported rather than retried forever.
    config.set("message.timeout.ms", "60000");
    // librdkafka opens a connection to each broker the metadata names (it drops the
    // bootstrap one) and paces new connections by half of this backoff: at the default
    // 100 ms every run started ~50 ms late. Retries after a failure still back off,
    // doubling up to reconnect.backoff.max.ms (10 s).
    config.set("reconnect.backoff.ms", "10");
    // librdkafka 2.10 and later drop the bootstrap connection once the metadata names the
    // brokers, and with sparse connections pace new ones at least 11 ms apart: the
    // first real broker was connected 11 ms after the bootstrap one, which was most of
    // a short run (one record: 23 ms against kcat's 12). A producer needs every broker
    // that leads a partition of its topic, so it connects to all of them as soon as they
    // are named (14 ms for that record).
    config.set("enable.sparse.connections", "false");
    if let Some(c) = options.compression {
        let codec = match c {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        };
        config.set("compression.codec", codec);
    }
    finish(config, settings)
}

/// A consumer config. With a group, offsets are stored by eddy after output and
/// committed by librdkafka every few seconds; without one, nothing is committed.
pub fn consumer_config(settings: &Settings, group: Option<&str>) -> ClientConfig {
    let mut config = base(settings);
    match group {
        Some(g) => {
            config.set("group.id", g);
            config.set("enable.auto.commit", "true");
            config.set("auto.commit.interval.ms", "2000");
            // A CLI consumer that was killed should hand its partitions on soon, and
            // librdkafka's mock does not take LeaveGroup, so a member that left is only
            // dropped when its session times out (Kafka's default is 45 s).
            config.set("session.timeout.ms", "10000");
            config.set("heartbeat.interval.ms", "1000");
        }
        None => {
            // librdkafka wants a group id even for manual assignment; it is never used
            // for commits because auto-commit is off.
            config.set("group.id", "eddy-no-group");
            config.set("enable.auto.commit", "false");
        }
    }
    config.set("enable.auto.offset.store", "false");
    config.set("enable.partition.eof", "true");
    config.set("auto.offset.reset", "earliest");
    // librdkafka's default, made explicit: consume, offsets and groups see what
    // committed transactions wrote, and lag is measured to the last stable offset.
    config.set("isolation.level", "read_committed");
    config.set("queued.min.messages", "200000");
    config.set("fetch.queue.backoff.ms", "10");
    finish(config, settings)
}

impl rdkafka::consumer::ConsumerContext for EddyContext {}

/// A config for metadata look-ups and the admin API.
pub fn admin_config(settings: &Settings) -> ClientConfig {
    finish(base(settings), settings)
}

/// The one-line error for a cluster we could not talk to: per broker, what went wrong
/// and what to change, when librdkafka said; otherwise that nothing answered in time.
pub fn unreachable(settings: &Settings, what: &str, error: &KafkaError, diagnostics: &Diagnostics) -> Error {
    let mut causes = diagnostics.causes();
    // The credentials are the cluster's answer to all of us: name that first.
    causes.sort_by_key(|(_, c)| !matches!(c, Cause::Authentication(_)));
    if causes.is_empty() {
        let reason = diagnostics.last_error().unwrap_or_else(|| error.to_string());
        return Error::runtime(format!(
            "{what}: no answer from the cluster at {} within {}: {reason}",
            settings.brokers,
            humantime::format_duration(settings.timeout)
        ));
    }
    const SHOWN: usize = 3;
    let mut line = format!("{what}: cannot connect to ");
    for (i, (broker, cause)) in causes.iter().take(SHOWN).enumerate() {
        if i > 0 {
            line.push_str("; ");
        }
        line.push_str(&format!("{broker}: {}", cause.explain(broker, settings)));
    }
    if causes.len() > SHOWN {
        line.push_str(&format!("; and {} more brokers (-v shows them)", causes.len() - SHOWN));
    }
    Error::runtime(line)
}

/// How long one metadata request may block before eddy looks at what librdkafka said.
const SLICE: Duration = Duration::from_millis(200);

/// Metadata within `--timeout`. librdkafka's call blocks and cannot be interrupted, so
/// it is asked in short slices; between them the client's queue is served (`serve`) so
/// that its log lines reach the diagnostics, and a cause that waiting cannot mend (a
/// refused login, TLS against a plaintext port) ends the wait at once.
pub fn metadata<C: ClientContext>(
    settings: &Settings,
    what: &str,
    client: &Client<C>,
    topic: Option<&str>,
    diagnostics: &Diagnostics,
    serve: impl Fn(),
) -> crate::error::Result<Metadata> {
    metadata_within(settings, what, client, topic, diagnostics, serve, settings.timeout)
}

/// [`metadata`] within `budget` rather than the whole `--timeout` (a caller that asks
/// again and again, as while a topic is being created, keeps its own deadline).
pub fn metadata_within<C: ClientContext>(
    settings: &Settings,
    what: &str,
    client: &Client<C>,
    topic: Option<&str>,
    diagnostics: &Diagnostics,
    serve: impl Fn(),
    budget: Duration,
) -> crate::error::Result<Metadata> {
    let bootstrap = bootstrap(settings);
    let deadline = Instant::now() + budget;
    loop {
        let asked = Instant::now();
        let slice = deadline.saturating_duration_since(asked).min(SLICE);
        let error = match client.fetch_metadata(topic, slice) {
            Ok(metadata) => return Ok(metadata),
            Err(e) => e,
        };
        serve();
        if diagnostics.hopeless(&bootstrap) || Instant::now() >= deadline {
            return Err(unreachable(settings, what, &error, diagnostics));
        }
        // An early failure (all brokers down) is asked again after a pause, not in a spin.
        let rest = SLICE.saturating_sub(asked.elapsed());
        std::thread::sleep(rest.min(deadline.saturating_duration_since(Instant::now())));
    }
}

/// [`metadata`] through a consumer, whose log lines travel on its own queue.
pub fn consumer_metadata<C: ConsumerContext>(
    settings: &Settings,
    what: &str,
    consumer: &BaseConsumer<C>,
    topic: Option<&str>,
    diagnostics: &Diagnostics,
) -> crate::error::Result<Metadata> {
    metadata(settings, what, consumer.client(), topic, diagnostics, || {
        serve_consumer(consumer, Duration::from_millis(10))
    })
}

/// Serves a consumer's queued events (log lines, errors) for `budget`. Called only
/// before it is subscribed or assigned, so no record is taken and lost.
fn serve_consumer<C: ConsumerContext>(consumer: &BaseConsumer<C>, budget: Duration) {
    let until = Instant::now() + budget;
    while let Some(left) = until.checked_duration_since(Instant::now()).filter(|l| !l.is_zero()) {
        let _ = consumer.poll(left);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// librdkafka 2.12's own lines, as a plaintext, TLS and SASL client logged them
    /// against Apache Kafka 4.1's listeners.
    /// Under load librdkafka's error callback may deliver a bare "SSL connection closed
    /// by peer" after the log line that said the listener is plaintext; the telling cause
    /// stays (the TLS-to-plaintext hint went missing in a full parallel test run).
    #[test]
    fn a_vaguer_tls_line_does_not_replace_a_telling_one() {
        let d = Diagnostics::new(false);
        d.remember(
            "ssl://127.0.0.1:39092/bootstrap: SSL handshake failed: Disconnected: SSL connection closed by peer: \
             connecting to a PLAINTEXT broker listener? (after 0ms in state SSL_HANDSHAKE)",
        );
        d.remember(
            "ssl://127.0.0.1:39092/bootstrap: Disconnected: SSL connection closed by peer (after 0ms in state \
             SSL_HANDSHAKE)",
        );
        d.remember("ssl://127.0.0.1:39092/bootstrap: Disconnected (after 1ms in state SSL_HANDSHAKE)");
        let brokers = d.brokers.lock().unwrap();
        assert_eq!(brokers.get("127.0.0.1:39092"), Some(&Cause::TlsToPlaintext));
    }

    #[test]
    fn librdkafka_failures_are_sorted_by_cause() {
        let cases = [
            (
                "[thrd:127.0.0.1:42615/bootstrap]: 127.0.0.1:42615/bootstrap: Connection setup timed out in state \
                 APIVERSION_QUERY (after 3003ms in state APIVERSION_QUERY)",
                "127.0.0.1:42615",
                Cause::NoAnswer,
            ),
            (
                "[thrd:ssl://127.0.0.1:39095/bootstrap]: ssl://127.0.0.1:39095/bootstrap: SSL handshake failed: \
                 error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified, \
                 verify that ssl.ca.location is correctly configured or root CA certificates are installed (install \
                 ca-certificates package) (after 4ms in state SSL_HANDSHAKE)",
                "127.0.0.1:39095",
                Cause::CertificateNotVerified,
            ),
            (
                "ssl://127.0.0.1:39092/bootstrap: SSL handshake failed: Disconnected: SSL connection closed by peer: \
                 connecting to a PLAINTEXT broker listener? (after 0ms in state SSL_HANDSHAKE)",
                "127.0.0.1:39092",
                Cause::TlsToPlaintext,
            ),
            (
                "[thrd:127.0.0.1:39095/bootstrap]: 127.0.0.1:39095/bootstrap: Disconnected: connection closed by \
                 peer: receive 0 after POLLIN (after 1ms in state APIVERSION_QUERY)",
                "127.0.0.1:39095",
                Cause::ClosedAtFirstRequest,
            ),
            (
                "[thrd:127.0.0.1:39094/bootstrap]: 127.0.0.1:39094/bootstrap: Disconnected: connection closed by \
                 peer: receive 0 after POLLIN (after 3ms in state UP)",
                "127.0.0.1:39094",
                Cause::ClosedAfterFirstRequest,
            ),
            (
                "127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused (after 0ms in state \
                 CONNECT, 1 identical error(s) suppressed)",
                "127.0.0.1:1",
                Cause::Refused,
            ),
            (
                "no-such-host.invalid:9092/bootstrap: Failed to resolve 'no-such-host.invalid:9092': Name or service \
                 not known (after 0ms in state CONNECT)",
                "no-such-host.invalid:9092",
                Cause::Unresolvable("no-such-host.invalid".into()),
            ),
            (
                "sasl_plaintext://127.0.0.1:39092/bootstrap: SASL SCRAM-SHA-512 mechanism handshake failed: Broker: \
                 Request not valid in current SASL state: broker's supported mechanisms:  (after 3ms in state \
                 AUTH_HANDSHAKE)",
                "127.0.0.1:39092",
                Cause::SaslRefused(String::new()),
            ),
            (
                "sasl_plaintext://k1:9094/2: SASL PLAIN mechanism handshake failed: Broker: Unsupported SASL \
                 mechanism: broker's supported mechanisms: SCRAM-SHA-512 (after 2ms in state AUTH_HANDSHAKE)",
                "k1:9094",
                Cause::SaslRefused("SCRAM-SHA-512".into()),
            ),
            (
                "sasl_plaintext://127.0.0.1:39094/bootstrap: SASL authentication error: Authentication failed during \
                 authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512 (after 310ms in state \
                 AUTH_REQ, 1 identical error(s) suppressed)",
                "127.0.0.1:39094",
                Cause::Authentication(
                    "SASL authentication error: Authentication failed during authentication due to invalid \
                     credentials with SASL mechanism SCRAM-SHA-512"
                        .into(),
                ),
            ),
        ];
        for (line, broker, cause) in cases {
            let (b, text) = split_broker(line);
            assert_eq!(b.as_deref(), Some(broker), "{line}");
            assert_eq!(Cause::of(text), cause, "{line}");
        }
        // Lines that name no broker are kept as the last error only.
        assert_eq!(split_broker("1/1 brokers are down").0, None);
        assert_eq!(split_broker("[thrd:main]: GroupCoordinator/1: x").0, None);
    }

    #[test]
    fn only_settings_mend_the_final_causes() {
        let d = Diagnostics::new(false);
        let both = vec!["a:1".to_string(), "b:2".to_string()];
        d.log(
            RDKafkaLogLevel::Error,
            "FAIL",
            "ssl://a:1/bootstrap: SSL handshake failed: x: connecting to a PLAINTEXT broker listener? (after 0ms in \
             state SSL_HANDSHAKE)",
        );
        assert!(!d.hopeless(&both), "b:2 may still answer");
        d.log(
            RDKafkaLogLevel::Error,
            "FAIL",
            "b:2/bootstrap: Connect to ipv4#1.2.3.4:2 failed: Connection refused (after 0ms in state CONNECT)",
        );
        assert!(!d.hopeless(&both), "a refused connection may be a broker starting");
        d.log(
            RDKafkaLogLevel::Error,
            "FAIL",
            "ssl://b:2/bootstrap: SSL handshake failed: error:0A000086:SSL routines::certificate verify failed \
             (after 3ms in state SSL_HANDSHAKE)",
        );
        assert!(d.hopeless(&both));
        let auth = Diagnostics::new(false);
        auth.log(
            RDKafkaLogLevel::Error,
            "FAIL",
            "sasl_ssl://a:1/bootstrap: SASL authentication error: Authentication failed (after 300ms in state \
             AUTH_REQ)",
        );
        assert!(auth.hopeless(&both), "credentials are the same for every broker");
    }

    /// Settings as a context or `-X` would give them: `properties` in order.
    fn settings_with(properties: &[(&str, &str)]) -> Settings {
        let env = |_: &str| None;
        let mut s = crate::config::resolve(&Default::default(), &env).expect("settings");
        s.brokers = "127.0.0.1:1".into();
        s.properties = properties.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        s
    }

    fn all_acks() -> ProducerOptions {
        ProducerOptions {
            acks: Acks::All,
            compression: None,
        }
    }

    /// Every config for every command, in one security mode: the mode's properties reach
    /// each client unchanged, and librdkafka (this build: vendored OpenSSL, no Cyrus
    /// SASL) accepts them, which needs no broker.
    fn check_mode(mode: &[(&str, &str)]) {
        let settings = settings_with(mode);
        let configs = [
            ("producer", producer_config(&settings, all_acks(), None)),
            ("consumer", consumer_config(&settings, None)),
            ("group consumer", consumer_config(&settings, Some("g"))),
            ("admin", admin_config(&settings)),
        ];
        for (what, config) in configs {
            for (k, v) in mode {
                assert_eq!(config.get(k), Some(*v), "{what}: {k}");
            }
            assert_eq!(config.get("bootstrap.servers"), Some("127.0.0.1:1"), "{what}");
            let made = if what == "producer" {
                config.create::<rdkafka::producer::BaseProducer>().err()
            } else {
                config.create::<BaseConsumer>().err()
            };
            assert!(made.is_none(), "{what} in {mode:?}: {made:?}");
        }
    }

    #[test]
    fn plaintext_clients_are_made_without_security_properties() {
        check_mode(&[]);
        let config = producer_config(&settings_with(&[]), all_acks(), None);
        assert_eq!(config.get("security.protocol"), None);
    }

    #[test]
    fn scram_clients_carry_the_mechanism_and_credentials() {
        check_mode(&[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.mechanism", "SCRAM-SHA-512"),
            ("sasl.username", "eddy"),
            ("sasl.password", "secret"),
        ]);
        check_mode(&[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "SCRAM-SHA-256"),
            ("sasl.username", "eddy"),
            ("sasl.password", "secret"),
        ]);
        check_mode(&[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "eddy"),
            ("sasl.password", "secret"),
        ]);
    }

    #[test]
    fn tls_clients_carry_their_verification_settings() {
        check_mode(&[("security.protocol", "SSL")]);
        check_mode(&[
            ("security.protocol", "SSL"),
            ("enable.ssl.certificate.verification", "false"),
            ("ssl.endpoint.identification.algorithm", "none"),
        ]);
    }

    #[test]
    fn debug_contexts_raise_the_log_level_so_their_lines_reach_verbose_output() {
        let quiet = producer_config(&settings_with(&[]), all_acks(), None);
        assert_eq!(quiet.log_level as i32, RDKafkaLogLevel::Info as i32);
        let debug = producer_config(&settings_with(&[("debug", "broker,msg")]), all_acks(), None);
        assert_eq!(debug.log_level as i32, RDKafkaLogLevel::Debug as i32);
    }

    #[test]
    fn user_properties_win_over_what_eddy_chose() {
        let settings = settings_with(&[("enable.idempotence", "false"), ("linger.ms", "0"), ("linger.ms", "7")]);
        let producer = producer_config(&settings, all_acks(), None);
        assert_eq!(producer.get("enable.idempotence"), Some("false"));
        assert_eq!(producer.get("linger.ms"), Some("7"), "the later property wins");
        let settings = settings_with(&[("isolation.level", "read_uncommitted")]);
        assert_eq!(
            consumer_config(&settings, None).get("isolation.level"),
            Some("read_uncommitted")
        );
        assert_eq!(
            consumer_config(&settings_with(&[]), None).get("isolation.level"),
            Some("read_committed")
        );
    }

    #[test]
    fn keyless_records_are_sticky_for_10_ms_unless_x_says_otherwise() {
        let ms = |props: &[(&str, &str)]| sticky_linger(&settings_with(props)).map(|d| d.as_millis());
        assert_eq!(ms(&[]), Some(10));
        assert_eq!(ms(&[("sticky.partitioning.linger.ms", "25")]), Some(25));
        assert_eq!(ms(&[("sticky.partitioning.linger.ms", "0")]), None);
        assert_eq!(ms(&[("partitioner", "random")]), None);
        assert_eq!(ms(&[("sticky.partitioning.linger.ms", "soon")]), None);
    }

    #[test]
    fn the_producer_queue_bounds_memory_and_a_property_can_lift_it() {
        // Issue #19: a 1,000,000-record / 1 GB queue peaked at 115 MB where kcat took 41.
        let config = producer_config(&settings_with(&[]), all_acks(), None);
        assert_eq!(config.get("queue.buffering.max.messages"), Some("50000"));
        assert_eq!(config.get("queue.buffering.max.kbytes"), Some("65536"));
        // Smaller batches so that eddy dev keeps up and the queue does not fill.
        assert_eq!(config.get("batch.num.messages"), Some("5000"));
        assert_eq!(config.get("enable.idempotence"), Some("true"));
        let lifted = settings_with(&[("queue.buffering.max.messages", "500000")]);
        let config = producer_config(&lifted, all_acks(), None);
        assert_eq!(config.get("queue.buffering.max.messages"), Some("500000"));
    }

    #[test]
    fn acks_decide_idempotence_and_the_topic_decides_the_record_size() {
        let settings = settings_with(&[]);
        let one = ProducerOptions {
            acks: Acks::One,
            compression: None,
        };
        let config = producer_config(&settings, one, Some(2_000_000));
        assert_eq!(config.get("enable.idempotence"), Some("false"));
        assert_eq!(config.get("acks"), Some("1"));
        assert_eq!(config.get("message.max.bytes"), Some("2000000"));
        let config = producer_config(&settings, all_acks(), None);
        assert_eq!(config.get("enable.idempotence"), Some("true"));
        assert_eq!(config.get("acks"), Some("all"));
        assert_eq!(
            config.get("message.max.bytes"),
            Some(KAFKA_MAX_MESSAGE_BYTES.to_string().as_str())
        );
        let group = consumer_config(&settings, Some("g"));
        assert_eq!(group.get("group.id"), Some("g"));
        assert_eq!(
            group.get("enable.auto.offset.store"),
            Some("false"),
            "eddy stores after output"
        );
        let alone = consumer_config(&settings, None);
        assert_eq!(alone.get("enable.auto.commit"), Some("false"), "no group, no commits");
    }
}
