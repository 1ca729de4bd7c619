//! The only place that builds librdkafka client configs (producer, consumer, admin), so
//! that brokers, contexts, `-X` properties, timeouts and logging behave the same in every
//! command. It also owns what the clients say back: librdkafka's log lines (shown only
//! with `-v`) and its error callbacks (kept, so a failure can say *why* in one line).

use std::sync::Mutex;
use std::time::Duration;

use rdkafka::ClientConfig;
use rdkafka::client::ClientContext;
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::KafkaError;

use crate::cli::{Acks, Compression};
use crate::config::Settings;
use crate::outcome::Error;

/// What every eddy client context carries: whether to show librdkafka's logs, and the
/// last error it reported (authentication, all brokers down, ...).
#[derive(Debug, Default)]
pub struct Diagnostics {
    verbose: bool,
    last_error: Mutex<Option<String>>,
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

    /// librdkafka calls this from its own threads as things happen (no polling needed),
    /// so errors logged here are known even when a blocking call only says "timed out".
    pub fn log(&self, level: RDKafkaLogLevel, fac: &str, message: &str) {
        if self.verbose {
            eprintln!("librdkafka {level:?} {fac}: {message}");
        }
        if (level as i32) <= (RDKafkaLogLevel::Error as i32) {
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
        // librdkafka prefixes the broker name ("sasl_plaintext://127.0.0.1:9094/1: ");
        // keep the part after it.
        let text = message
            .rsplit_once("/bootstrap: ")
            .map_or(message, |(_, m)| m)
            .trim()
            .to_string();
        if text.to_ascii_lowercase().contains("authentication") {
            if let Ok(mut a) = self.auth_error.lock() {
                *a = Some(text.clone());
            }
        }
        if let Ok(mut last) = self.last_error.lock() {
            *last = Some(text);
        }
    }

    /// The most telling error librdkafka reported, if any.
    pub fn last_error(&self) -> Option<String> {
        let auth = self.auth_error.lock().ok().and_then(|a| a.clone());
        auth.or_else(|| self.last_error.lock().ok().and_then(|l| l.clone()))
    }
}

/// A client context for consumers and admin clients: diagnostics only.
#[derive(Debug)]
pub struct EddyContext {
    pub diagnostics: Diagnostics,
}

impl EddyContext {
    pub fn new(settings: &Settings) -> Self {
        EddyContext {
            diagnostics: Diagnostics::new(settings.verbose),
        }
    }
}

impl ClientContext for EddyContext {
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
    // Without -v nothing is printed, but errors still reach the error callback.
    config.set_log_level(if settings.verbose {
        RDKafkaLogLevel::Info
    } else {
        RDKafkaLogLevel::Error
    });
    let ms = settings.timeout.as_millis().to_string();
    config.set("socket.connection.setup.timeout.ms", &ms);
    config
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
    // Throughput: large batches and a deep queue; a CLI has no latency budget per record.
    config.set("linger.ms", "10");
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
    config.set("batch.num.messages", "10000");
    config.set("queue.buffering.max.messages", "1000000");
    config.set("queue.buffering.max.kbytes", "1048576");
    // A record that cannot be delivered in a minute is reported rather than retried forever.
    config.set("message.timeout.ms", "60000");
    // librdkafka opens a connection to each broker the metadata names (it drops the
    // bootstrap one) and paces new connections by half of this backoff: at the default
    // 100 ms every run started ~50 ms late. Retries after a failure still back off,
    // doubling up to reconnect.backoff.max.ms (10 s).
    config.set("reconnect.backoff.ms", "10");
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
    config.set("queued.min.messages", "200000");
    config.set("fetch.queue.backoff.ms", "10");
    finish(config, settings)
}

impl rdkafka::consumer::ConsumerContext for EddyContext {}

/// A config for metadata look-ups and the admin API.
pub fn admin_config(settings: &Settings) -> ClientConfig {
    finish(base(settings), settings)
}

/// The one-line error for a cluster that did not answer in time, naming the brokers
/// tried and, when librdkafka said why, the reason.
pub fn unreachable(settings: &Settings, what: &str, error: &KafkaError, diagnostics: &Diagnostics) -> Error {
    let reason = diagnostics.last_error().unwrap_or_else(|| error.to_string());
    if reason.to_ascii_lowercase().contains("authentication") {
        return Error::runtime(format!(
            "{what}: the cluster at {} refused us: {reason}",
            settings.brokers
        ));
    }
    Error::runtime(format!(
        "{what}: no answer from the cluster at {} within {}: {reason}",
        settings.brokers,
        humantime::format_duration(settings.timeout)
    ))
}

/// Serves a consumer's queued events for a moment, so that the errors librdkafka
/// reported while a blocking call waited (they travel on the consumer's queue) reach
/// the diagnostics before a failure is explained. Used only before giving up.
pub fn drain_errors<C: rdkafka::consumer::ConsumerContext>(consumer: &rdkafka::consumer::BaseConsumer<C>) {
    let until = std::time::Instant::now() + Duration::from_millis(200);
    while std::time::Instant::now() < until {
        let _ = consumer.poll(Duration::from_millis(20));
    }
}
