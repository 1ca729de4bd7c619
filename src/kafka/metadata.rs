//! What a cluster says about its partitions: how many a topic has, their watermarks
//! (the high watermark and the last stable offset, which a read_committed reader stops
//! at), and the offset at a time — by the broker's time index, or by a binary search on
//! record timestamps where the broker cannot answer (the dev cluster's mock says "end").
//! Shared by consume and the admin commands, so neither imports the other.

use std::ffi::CString;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::kafka::client::{self as connection, Context};

/// The partition count of a topic, or an error that says the topic is not there.
pub fn topic_partitions<T>(settings: &Settings, consumer: &BaseConsumer<Context<T>>, topic: &str) -> Result<i32>
where
    Context<T>: ConsumerContext,
{
    let metadata = connection::consumer_metadata(
        settings,
        "consume",
        consumer,
        Some(topic),
        &consumer.context().diagnostics,
    )?;
    match metadata.topics().iter().find(|t| t.name() == topic) {
        Some(t) if t.error().is_none() && !t.partitions().is_empty() => Ok(t.partitions().len() as i32),
        _ => Err(Error::runtime(format!(
            "topic '{topic}' does not exist on the cluster at {}",
            settings.brokers
        ))),
    }
}

/// Low and high watermark of a partition, asked of the broker. A partition whose leader
/// is moving (the dev cluster's chaos does this) answers "not leader" for a moment:
/// asked again within `--timeout`, as librdkafka does for fetches, not failed at once.
/// So is a partition librdkafka knows no leader for ("unknown partition"): a broker
/// that was hung finds itself fenced when it wakes, and leads again a moment later.
/// Callers have checked that the partition exists, so this cannot hide a wrong `-p`.
pub fn watermarks<C: ConsumerContext>(
    settings: &Settings,
    consumer: &BaseConsumer<C>,
    topic: &str,
    partition: i32,
) -> Result<(i64, i64)> {
    let deadline = Instant::now() + settings.timeout;
    loop {
        match consumer.fetch_watermarks(topic, partition, settings.timeout) {
            Ok(w) => return Ok(w),
            Err(e) if leader_moving(&e) && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => {
                return Err(Error::runtime(format!(
                    "cannot read the offsets of {topic}:{partition} from {}: {e}",
                    settings.brokers
                )));
            }
        }
    }
}

fn leader_moving(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::NotLeaderForPartition
                | RDKafkaErrorCode::LeaderNotAvailable
                | RDKafkaErrorCode::UnknownPartition
        )
    )
}

/// The watermarks librdkafka last saw for a partition, without asking the broker.
pub fn local_watermarks<C: ConsumerContext>(
    consumer: &BaseConsumer<C>,
    topic: &str,
    partition: i32,
) -> Option<(i64, i64)> {
    let name = CString::new(topic).ok()?;
    let (mut low, mut high) = (-1i64, -1i64);
    // SAFETY: valid client pointer, NUL-terminated topic, two out-parameters.
    let err = unsafe {
        rdkafka::bindings::rd_kafka_get_watermark_offsets(
            consumer.client().native_ptr(),
            name.as_ptr(),
            partition,
            &mut low,
            &mut high,
        )
    };
    (err == rdkafka::types::RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR && high >= 0).then_some((low, high))
}

/// A partition's offsets: where its log starts, its high watermark, and its last stable
/// offset (below which every transaction is decided, and so the end of what a
/// read_committed consumer can read). The two ends differ only while a transaction is
/// open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionOffsets {
    pub low: i64,
    pub high: i64,
    pub stable: i64,
}

impl PartitionOffsets {
    /// The nearest offset inside the log to `offset`: a reader can start anywhere from
    /// the log start up to the high watermark.
    pub fn clamp(&self, offset: i64) -> i64 {
        offset.clamp(self.low, self.high.max(self.low))
    }
}

/// Asks the broker for [`PartitionOffsets`]. librdkafka's watermark query sends
/// ListOffsets with the asking client's isolation level, so a read_committed client is
/// told the last stable offset; the high watermark needs a second client that reads
/// uncommitted, made on first use.
pub struct Watermarks {
    settings: Settings,
    uncommitted: OnceLock<std::result::Result<BaseConsumer<connection::EddyContext>, String>>,
}

impl Watermarks {
    pub fn new(settings: &Settings) -> Self {
        Watermarks {
            settings: settings.clone(),
            uncommitted: OnceLock::new(),
        }
    }

    /// The offsets of a partition; `committed` is a read_committed client (eddy's
    /// consumers are, unless `-X isolation.level` says otherwise: then "stable" is
    /// whatever that client can read up to).
    pub fn of<C: ConsumerContext>(
        &self,
        committed: &BaseConsumer<C>,
        topic: &str,
        partition: i32,
    ) -> Result<PartitionOffsets> {
        let (low, stable) = watermarks(&self.settings, committed, topic, partition)?;
        let uncommitted = self
            .uncommitted
            .get_or_init(|| {
                let mut config = connection::consumer_config(&self.settings, None);
                config.set("isolation.level", "read_uncommitted");
                config
                    .create_with_context(connection::EddyContext::new(&self.settings))
                    .map_err(|e| format!("cannot create a consumer: {e}"))
            })
            .as_ref()
            .map_err(|e| Error::runtime(e.clone()))?;
        let (_, high) = watermarks(&self.settings, uncommitted, topic, partition)?;
        Ok(PartitionOffsets {
            low,
            // The two answers come from two requests: a transaction decided in between
            // must not make the stable offset overtake the high watermark.
            high: high.max(stable),
            stable,
        })
    }
}

/// The first offset whose record's timestamp is at or after `time` (the high watermark
/// when there is none). Asks the broker's time index first; where the broker cannot
/// answer (librdkafka's mock answers "end"), or its answer does not hold, searches the
/// record timestamps itself.
pub fn offset_for_time<C: ConsumerContext>(
    settings: &Settings,
    consumer: &BaseConsumer<C>,
    topic: &str,
    partition: i32,
    time: i64,
) -> Result<i64> {
    let (low, high) = watermarks(settings, consumer, topic, partition)?;
    if low >= high {
        return Ok(high);
    }
    let mut tpl = TopicPartitionList::new();
    let _ = tpl.add_partition_offset(topic, partition, Offset::Offset(time));
    let answer = consumer
        .offsets_for_times(tpl, settings.timeout)
        .ok()
        .and_then(|r| r.find_partition(topic, partition).map(|e| e.offset()))
        .and_then(|o| match o {
            Offset::Offset(o) => Some(o),
            Offset::End => Some(high),
            _ => None,
        });
    let probe = Probe::new(settings, topic, partition)?;
    if let Some(o) = answer {
        if probe.confirms(o, low, high, time)? {
            return Ok(o);
        }
    }
    probe.search(low, high, time)
}

/// A throwaway consumer that reads single records to learn their timestamps.
struct Probe<'a> {
    settings: &'a Settings,
    consumer: BaseConsumer<connection::EddyContext>,
    topic: &'a str,
    partition: i32,
}

impl<'a> Probe<'a> {
    fn new(settings: &'a Settings, topic: &'a str, partition: i32) -> Result<Self> {
        let mut config = connection::consumer_config(settings, None);
        config.set("fetch.wait.max.ms", "10");
        config.set("enable.partition.eof", "true");
        config.set("queued.min.messages", "1");
        let consumer: BaseConsumer<connection::EddyContext> = config
            .create_with_context(connection::EddyContext::new(settings))
            .map_err(|e| Error::runtime(format!("cannot create a consumer: {e}")))?;
        Ok(Probe {
            settings,
            consumer,
            topic,
            partition,
        })
    }

    /// The offset and timestamp of the first record at or after `offset`.
    fn at(&self, offset: i64) -> Result<Option<(i64, i64)>> {
        let mut tpl = TopicPartitionList::new();
        let _ = tpl.add_partition_offset(self.topic, self.partition, Offset::Offset(offset));
        self.consumer
            .assign(&tpl)
            .map_err(|e| Error::runtime(format!("cannot read {}:{}: {e}", self.topic, self.partition)))?;
        let deadline = Instant::now() + self.settings.timeout;
        while Instant::now() < deadline {
            match self.consumer.poll(Duration::from_millis(100)) {
                Some(Ok(m)) if m.offset() >= offset => {
                    return Ok(Some((m.offset(), m.timestamp().to_millis().unwrap_or(i64::MIN))));
                }
                Some(Err(KafkaError::PartitionEOF(_))) => return Ok(None),
                _ => {}
            }
        }
        Err(Error::runtime(format!(
            "no answer reading {}:{} at offset {offset} within {}",
            self.topic,
            self.partition,
            humantime::format_duration(self.settings.timeout)
        )))
    }

    /// Whether `o` is the first record at or after `time`.
    fn confirms(&self, o: i64, low: i64, high: i64, time: i64) -> Result<bool> {
        if o < low || o > high {
            return Ok(false);
        }
        if o < high {
            match self.at(o)? {
                Some((_, ts)) if ts >= time => {}
                _ => return Ok(false),
            }
        }
        if o > low {
            match self.at(o - 1)? {
                Some((at, ts)) if at == o - 1 => return Ok(ts < time),
                Some(_) | None => return Ok(true),
            }
        }
        Ok(true)
    }

    /// Binary search on [low, high) for the first record with timestamp >= time.
    fn search(&self, low: i64, high: i64, time: i64) -> Result<i64> {
        let (mut lo, mut hi) = (low, high);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.at(mid)? {
                Some((at, ts)) if ts >= time => hi = mid.min(at),
                Some((at, _)) => lo = at + 1,
                None => hi = mid,
            }
        }
        Ok(lo)
    }
}
