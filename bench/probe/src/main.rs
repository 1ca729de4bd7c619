//! The limits probe: what this machine and broker allow, with nothing of eddy's own work
//! on top, so that bench/RESULTS.md can say how close each eddy row is to its ceiling.
//!
//! ```text
//! eddy-probe produce BROKERS TOPIC FILE [--plain|--each]    lines of FILE as records, no validation
//! eddy-probe consume BROKERS TOPIC                  every record's value to stdout, until the end
//! eddy-probe parse FILE                             line split, and serde_json validation
//! ```
//!
//! `produce` uses eddy's producer defaults (idempotent, `acks=all`, the same batching
//! and queue sizes: keep them in step with `src/kafka/client.rs`; the same send path
//! as `src/kafka/producer.rs` and `src/kafka/batch.rs`: a topic handle, 64 records at a
//! time through `rd_kafka_produce_batch`, each on the partition chosen for 10 ms at a
//! time); `--plain` turns idempotence off and uses `acks=1`, like `eddy produce --acks
//! 1`; `--each` hands the lines over one by one with `rd_kafka_produce` and leaves the
//! partition to librdkafka's sticky partitioner (eddy's path until issue #19). `consume` uses eddy's
//! consumer settings without a group. Each prints one line on stderr with its rate;
//! `parse` prints `NAME SECONDS` lines on stdout (best of 5, file already in memory).
//! `PROBE_X="key=value,..."` overrides any of `produce`'s librdkafka settings, so that one
//! setting at a time can be measured against eddy's.

use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rdkafka::ClientConfig;
use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{DeliveryResult, Message};
use rdkafka::producer::{BaseProducer, Producer, ProducerContext};
use rdkafka::{Offset, TopicPartitionList};

const TIMEOUT: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["produce", brokers, topic, file] => produce(brokers, topic, file, false, true),
        ["produce", brokers, topic, file, "--plain"] => produce(brokers, topic, file, true, true),
        ["produce", brokers, topic, file, "--each"] => produce(brokers, topic, file, false, false),
        ["consume", brokers, topic] => consume(brokers, topic),
        ["parse", file] => parse(file),
        _ => Err("usage: eddy-probe produce BROKERS TOPIC FILE [--plain|--each] | consume BROKERS TOPIC | parse FILE".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eddy-probe: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, String>;

/// Counts delivery reports; nothing else.
struct Counter {
    delivered: AtomicU64,
    failed: AtomicU64,
}

impl ClientContext for Counter {}

impl ProducerContext for Counter {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(_) => self.delivered.fetch_add(1, Ordering::Relaxed),
            Err(_) => self.failed.fetch_add(1, Ordering::Relaxed),
        };
    }
}

fn produce(brokers: &str, topic: &str, file: &str, plain: bool, batch: bool) -> Result<()> {
    let mut input = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", brokers)
        .set("enable.idempotence", if plain { "false" } else { "true" })
        .set("acks", if plain { "1" } else { "all" })
        .set("partitioner", "murmur2_random")
        .set("linger.ms", "5")
        .set("enable.sparse.connections", "false")
        .set("batch.size", "1000000")
        .set("batch.num.messages", "5000")
        .set("queue.buffering.max.messages", "50000")
        .set("queue.buffering.max.kbytes", "65536")
        .set("message.timeout.ms", "60000")
        .set("reconnect.backoff.ms", "10");
    // PROBE_X="k=v,k=v" overrides any of these, to measure one setting at a time.
    for kv in std::env::var("PROBE_X")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        // A typo must not pass as a measurement of eddy's own settings.
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("PROBE_X: {kv:?} is not key=value"))?;
        config.set(k, v);
    }
    let producer: BaseProducer<Counter> = config
        .create_with_context(Counter {
            delivered: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        })
        .map_err(|e| e.to_string())?;
    let partitions = producer
        .client()
        .fetch_metadata(Some(topic), TIMEOUT)
        .map_err(|e| format!("metadata: {e}"))?
        .topics()
        .first()
        .map_or(0, |t| t.partitions().len()) as u64;
    if partitions == 0 {
        return Err(format!("topic {topic}: no partitions"));
    }
    // The sticky partition, as `src/kafka/batch.rs` chooses it: random, for 10 ms.
    let mut rng = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut random = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        ((u128::from(rng) * u128::from(partitions)) >> 64) as i32
    };
    let mut sticky = (random(), Instant::now());
    let producer = std::sync::Arc::new(producer);
    // A second look-up beside the first records, as eddy does: its answer gets the
    // idempotent producer its id at once instead of after librdkafka's 500 ms timer.
    let lookup = {
        let (producer, topic) = (std::sync::Arc::clone(&producer), topic.to_string());
        std::thread::spawn(move || {
            let _ = producer.client().fetch_metadata(Some(&topic), TIMEOUT);
        })
    };
    let rkt = Topic::new(&producer, topic)?;
    let mut pending = Vec::with_capacity(64);
    let started = Instant::now();
    let mut sent = 0u64;
    let mut bytes = 0u64;
    // Read as eddy does: 1 MB at a time into one reused buffer (reading the whole file
    // into fresh memory costs more in page faults than producing it).
    let mut buf = vec![0u8; 1 << 20];
    let (mut start, mut end) = (0, 0);
    loop {
        let line = match memchr::memchr(b'\n', &buf[start..end]) {
            Some(i) => {
                let line = start..start + i;
                start += i + 1;
                line
            }
            None => {
                // The batch borrows from the buffer: handed over before it moves.
                hand_over(&rkt, &producer, &mut pending)?;
                buf.copy_within(start..end, 0);
                (start, end) = (0, end - start);
                if end == buf.len() {
                    buf.resize(buf.len() * 2, 0);
                }
                match std::io::Read::read(&mut input, &mut buf[end..]).map_err(|e| format!("{file}: {e}"))? {
                    0 if end == 0 => break,
                    0 => {
                        // The last line has no newline after it.
                        start = end;
                        0..end
                    }
                    n => {
                        end += n;
                        continue;
                    }
                }
            }
        };
        let line = &buf[line];
        if line.is_empty() {
            continue;
        }
        if batch {
            pending.push(rdkafka::bindings::rd_kafka_message_t {
                err: rdkafka::bindings::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR,
                rkt: std::ptr::null_mut(),
                partition: sticky.0,
                payload: line.as_ptr() as *mut _,
                len: line.len(),
                key: std::ptr::null_mut(),
                key_len: 0,
                offset: 0,
                _private: std::ptr::null_mut(),
            });
            sent += 1;
            bytes += line.len() as u64;
            if pending.len() == 64 {
                hand_over(&rkt, &producer, &mut pending)?;
                if sticky.1.elapsed() >= Duration::from_millis(10) {
                    sticky = (random(), Instant::now());
                }
                producer.poll(Duration::ZERO);
            }
            continue;
        }
        // eddy's send path: the topic handle, `rd_kafka_produce` (librdkafka copies the
        // line), the queue's backpressure served by polling.
        loop {
            // SAFETY: a live topic handle; librdkafka copies the payload before returning.
            let r = unsafe {
                rdkafka::bindings::rd_kafka_produce(
                    rkt.0,
                    -1,
                    rdkafka::bindings::RD_KAFKA_MSG_F_COPY,
                    line.as_ptr() as *mut _,
                    line.len(),
                    std::ptr::null(),
                    0,
                    std::ptr::null_mut(),
                )
            };
            if r == 0 {
                break;
            }
            // SAFETY: this thread's last error, set by the call above.
            let code: RDKafkaErrorCode = unsafe { rdkafka::bindings::rd_kafka_last_error() }.into();
            if code != RDKafkaErrorCode::QueueFull {
                return Err(format!("produce: {code}"));
            }
            producer.poll(Duration::from_millis(1));
        }
        sent += 1;
        bytes += line.len() as u64;
        // As rdkafka_performance does: serve delivery reports as they come.
        if sent.is_multiple_of(1024) {
            producer.poll(Duration::ZERO);
        }
    }
    let c = producer.context();
    while c.delivered.load(Ordering::Relaxed) + c.failed.load(Ordering::Relaxed) < sent {
        if started.elapsed() > Duration::from_secs(120) {
            return Err("deliveries did not finish within 120 s".into());
        }
        // A zero poll serves one report batch; rdkafka's timed poll would spin out its
        // last millisecond.
        if producer.in_flight_count() > 0 {
            producer.poll(Duration::ZERO);
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = lookup.join();
    let elapsed = started.elapsed().as_secs_f64();
    let failed = c.failed.load(Ordering::Relaxed);
    eprintln!(
        "produce{} {sent} records, {:.1} MB in {elapsed:.3} s: {:.0} records/s, {:.1} MB/s; {failed} failed",
        if plain { " --plain" } else { "" },
        bytes as f64 / 1e6,
        sent as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed
    );
    if failed > 0 {
        return Err(format!("{failed} records failed"));
    }
    Ok(())
}

/// `rd_kafka_produce_batch` of `pending` (librdkafka copies each payload), again for
/// those refused while the queue is full.
fn hand_over(
    rkt: &Topic,
    producer: &BaseProducer<Counter>,
    pending: &mut Vec<rdkafka::bindings::rd_kafka_message_t>,
) -> Result<()> {
    use rdkafka::bindings::rd_kafka_resp_err_t as E;
    while !pending.is_empty() {
        // SAFETY: a live topic handle; the payloads are alive until this returns.
        unsafe {
            rdkafka::bindings::rd_kafka_produce_batch(
                rkt.0,
                -1,
                rdkafka::bindings::RD_KAFKA_MSG_F_COPY | rdkafka::bindings::RD_KAFKA_MSG_F_PARTITION,
                pending.as_mut_ptr(),
                pending.len() as i32,
            )
        };
        if let Some(m) = pending
            .iter()
            .find(|m| !matches!(m.err, E::RD_KAFKA_RESP_ERR_NO_ERROR | E::RD_KAFKA_RESP_ERR__QUEUE_FULL))
        {
            return Err(format!("produce: {:?}", m.err));
        }
        pending.retain(|m| m.err == E::RD_KAFKA_RESP_ERR__QUEUE_FULL);
        for m in pending.iter_mut() {
            m.err = E::RD_KAFKA_RESP_ERR_NO_ERROR;
        }
        if !pending.is_empty() {
            producer.poll(Duration::from_millis(1));
        }
    }
    Ok(())
}

/// librdkafka's handle of the topic, taken once, as eddy's sink does.
struct Topic(*mut rdkafka::bindings::rd_kafka_topic_t);

impl Topic {
    fn new(producer: &BaseProducer<Counter>, topic: &str) -> Result<Topic> {
        let name = std::ffi::CString::new(topic).map_err(|e| e.to_string())?;
        // SAFETY: a live producer; a null config takes the producer's topic settings.
        let rkt = unsafe {
            rdkafka::bindings::rd_kafka_topic_new(producer.client().native_ptr(), name.as_ptr(), std::ptr::null_mut())
        };
        if rkt.is_null() {
            return Err(format!("topic {topic}: no handle"));
        }
        Ok(Topic(rkt))
    }
}

impl Drop for Topic {
    fn drop(&mut self) {
        // SAFETY: taken in `new`, released once, before the producer.
        unsafe { rdkafka::bindings::rd_kafka_topic_destroy(self.0) };
    }
}

fn consume(brokers: &str, topic: &str) -> Result<()> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", "eddy-probe")
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("enable.partition.eof", "true")
        .set("auto.offset.reset", "earliest")
        .set("queued.min.messages", "200000")
        .set("fetch.queue.backoff.ms", "10")
        .create()
        .map_err(|e| e.to_string())?;
    let metadata = consumer
        .fetch_metadata(Some(topic), TIMEOUT)
        .map_err(|e| format!("metadata: {e}"))?;
    let partitions = metadata
        .topics()
        .iter()
        .find(|t| t.name() == topic)
        .map(|t| t.partitions().len())
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("topic {topic} not found"))?;
    let mut assignment = TopicPartitionList::new();
    for p in 0..partitions as i32 {
        assignment
            .add_partition_offset(topic, p, Offset::Beginning)
            .map_err(|e| e.to_string())?;
    }
    consumer.assign(&assignment).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let (mut records, mut bytes, mut at_end) = (0u64, 0u64, 0usize);
    while at_end < partitions {
        match consumer.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => {
                let value = m.payload().unwrap_or_default();
                records += 1;
                bytes += value.len() as u64;
                out.write_all(value)
                    .and_then(|()| out.write_all(b"\n"))
                    .map_err(|e| e.to_string())?;
            }
            Some(Err(KafkaError::PartitionEOF(_))) => at_end += 1,
            Some(Err(e)) => return Err(format!("consume: {e}")),
            None if started.elapsed() > Duration::from_secs(120) => {
                return Err("the end of the partitions was not reached within 120 s".into());
            }
            None => {}
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!(
        "consume {records} records, {:.1} MB in {elapsed:.3} s: {:.0} records/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        records as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed
    );
    Ok(())
}

/// The best of five passes of `pass` over `data`, in seconds.
fn best_of_five(data: &[u8], pass: impl Fn(&[u8]) -> Result<u64>) -> Result<(f64, u64)> {
    let mut best = f64::INFINITY;
    let mut records = 0;
    for _ in 0..5 {
        let t = Instant::now();
        records = pass(data)?;
        best = best.min(t.elapsed().as_secs_f64());
    }
    Ok((best, records))
}

fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    data.split(|b| *b == b'\n').filter(|l| !l.is_empty())
}

fn parse(file: &str) -> Result<()> {
    let data = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    // The line split alone: memchr over the buffer, as eddy's reader does.
    let (split, n) = best_of_five(&data, |d| Ok(memchr::memchr_iter(b'\n', d).count() as u64))?;
    // What `eddy produce` does to every line: a validating parse that builds nothing.
    let (serde, _) = best_of_five(&data, |d| {
        let mut n = 0;
        for line in lines(d) {
            serde_json::from_slice::<serde::de::IgnoredAny>(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            n += 1;
        }
        Ok(n)
    })?;
    let mb = data.len() as f64 / 1e6;
    println!("split {split:.4}");
    println!("serde_ignored {serde:.4}");
    eprintln!(
        "parse {n} lines, {mb:.1} MB: split {:.0} MB/s, serde_json IgnoredAny {:.0} MB/s ({:.0} records/s)",
        mb / split,
        mb / serde,
        n as f64 / serde
    );
    Ok(())
}
