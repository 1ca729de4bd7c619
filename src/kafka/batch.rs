//! Records held back for a moment so that librdkafka takes them together.
//!
//! `rd_kafka_produce` reads the clock twice for every record (its enqueue time and its
//! CreateTime) and takes the topic's lock; on this machine's virtual clock those two reads
//! were a sixth of the sending thread's time (bench/RESULTS.md, issue #19).
//! `rd_kafka_produce_batch` reads the clock once for all the records it is given and
//! takes the lock once, and still partitions each record as `rd_kafka_produce` would
//! (its own partition, or the partitioner's choice). It takes no headers and no
//! timestamp, so only records without them are held here; the sink hands over what it
//! holds before any other record, so the order of the input is the order handed over.
//!
//! The bytes are copied into the batch (a record's key and value borrow from a read
//! buffer that moves on), and librdkafka copies them again as it takes them.
//!
//! A record with neither key nor partition is given its partition here (`Sticky`), as
//! librdkafka's sticky partitioner would give it: one random partition for all such
//! records for `sticky.partitioning.linger.ms` (10 ms), then another. librdkafka's own
//! choice costs two more clock reads and a partition look-up under the topic's lock per
//! record; a record with its partition goes straight to that partition's queue. One
//! difference: librdkafka moves on at once from a partition that has lost its leader;
//! here records of the current 10 ms wait in its queue for the new leader (or fail and
//! are reported after message.timeout.ms), as keyed records do.

use std::time::{Duration, Instant};

use rdkafka::bindings as rd;
use rdkafka::types::RDKafkaRespErr;

use crate::random::Rng;
use crate::sink::Seq;

/// How many records are held at most: enough that the clock and the lock are paid once
/// per 64 records, few enough that holding them costs nothing anyone sees (a few
/// microseconds at full speed; a caller that waits hands them over first).
pub const RECORDS: usize = 64;

/// The held records, in the order they were sent.
#[derive(Debug, Default)]
pub struct Batch {
    /// Every key and value, one after another.
    bytes: Vec<u8>,
    held: Vec<Held>,
}

/// One held record: where its key and value are in `bytes` (None for a null one).
#[derive(Debug)]
struct Held {
    key: Option<(usize, usize)>,
    value: Option<(usize, usize)>,
    partition: i32,
    seq: Seq,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Holds a record; true when the batch is full and must be handed over.
    pub fn push(&mut self, key: Option<&[u8]>, value: Option<&[u8]>, partition: i32, seq: Seq) -> bool {
        let mut keep = |b: &[u8]| {
            let start = self.bytes.len();
            self.bytes.extend_from_slice(b);
            (start, b.len())
        };
        let key = key.map(&mut keep);
        let value = value.map(&mut keep);
        self.held.push(Held {
            key,
            value,
            partition,
            seq,
        });
        self.held.len() >= RECORDS
    }

    /// Hands every held record to librdkafka through `rkt`, in order. While its queue
    /// is full, `wait` is called (to serve delivery reports and pause) and the rest is
    /// offered again; a record it refuses for any other reason goes to `refused` with
    /// the error, and the rest go on. The batch is empty afterwards.
    pub fn hand_over(
        &mut self,
        rkt: *mut rd::rd_kafka_topic_t,
        mut wait: impl FnMut(),
        mut refused: impl FnMut(Seq, RDKafkaRespErr),
    ) {
        let base = self.bytes.as_ptr();
        let at = |r: Option<(usize, usize)>| {
            // SAFETY: each range was taken from `bytes` in `push`, which has not changed
            // since; librdkafka copies (F_COPY) and never writes through the pointer.
            r.map_or((std::ptr::null_mut(), 0), |(s, n)| {
                (unsafe { base.add(s) } as *mut _, n)
            })
        };
        let mut messages: Vec<rd::rd_kafka_message_t> = self
            .held
            .iter()
            .map(|h| {
                let (payload, len) = at(h.value);
                let (key, key_len) = at(h.key);
                rd::rd_kafka_message_t {
                    err: RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR,
                    rkt: std::ptr::null_mut(),
                    partition: h.partition,
                    payload,
                    len,
                    key,
                    key_len,
                    offset: 0,
                    // The delivery callback gets the sequence number back as the opaque.
                    _private: h.seq as usize as *mut std::ffi::c_void,
                }
            })
            .collect();
        // Each record's own partition (F_PARTITION), the partitioner's when it has none.
        let flags = (rd::RD_KAFKA_MSG_F_COPY | rd::RD_KAFKA_MSG_F_PARTITION) as std::ffi::c_int;
        let mut from = 0;
        while from < messages.len() {
            let rest = &mut messages[from..];
            // SAFETY: a live topic handle and `rest.len()` initialised messages whose
            // keys and values stay valid for the call; librdkafka sets each one's `err`.
            unsafe { rd::rd_kafka_produce_batch(rkt, -1, flags, rest.as_mut_ptr(), rest.len() as std::ffi::c_int) };
            let mut full_at = None;
            for (i, m) in rest.iter().enumerate() {
                match m.err {
                    RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR => {}
                    // librdkafka refuses this one and every one after it.
                    RDKafkaRespErr::RD_KAFKA_RESP_ERR__QUEUE_FULL => {
                        full_at = Some(i);
                        break;
                    }
                    e => refused(m._private as usize as Seq, e),
                }
            }
            match full_at {
                Some(i) => {
                    from += i;
                    for m in &mut messages[from..] {
                        m.err = RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR;
                    }
                    wait();
                }
                None => break,
            }
        }
        self.held.clear();
        self.bytes.clear();
    }
}

/// The partition for records with neither key nor partition of their own.
#[derive(Debug)]
pub struct Sticky {
    partitions: i32,
    linger: Duration,
    current: i32,
    since: Instant,
    rng: Rng,
}

impl Sticky {
    /// For a topic of `partitions`, moving on every `linger`; None when there is nothing
    /// to choose from (no partition known, or a linger of 0: a new one every record,
    /// which librdkafka's partitioner does as well as anything here).
    pub fn new(partitions: i32, linger: Duration) -> Option<Sticky> {
        if partitions < 1 || linger.is_zero() {
            return None;
        }
        let mut rng = Rng::new(Rng::fresh_seed());
        let current = rng.below(partitions as u64) as i32;
        Some(Sticky {
            partitions,
            linger,
            current,
            since: Instant::now(),
            rng,
        })
    }

    /// The partition of the records held now.
    pub fn partition(&self) -> i32 {
        self.current
    }

    /// After a batch went out: another random partition once the current one has had
    /// its `linger`.
    pub fn tick(&mut self) {
        let now = Instant::now();
        if now.duration_since(self.since) >= self.linger {
            self.current = self.rng.below(self.partitions as u64) as i32;
            self.since = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sticky_partition_holds_for_its_linger_then_moves_within_the_topic() {
        let mut s = Sticky::new(8, Duration::from_millis(30)).expect("partitions");
        let first = s.partition();
        s.tick();
        assert_eq!(s.partition(), first, "a tick within the linger keeps the partition");
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            s.since -= Duration::from_millis(31);
            s.tick();
            assert!((0..8).contains(&s.partition()));
            seen.insert(s.partition());
        }
        assert!(seen.len() > 4, "200 windows over 8 partitions used only {seen:?}");
        assert!(Sticky::new(0, Duration::from_millis(10)).is_none());
        assert!(Sticky::new(8, Duration::ZERO).is_none());
    }

    #[test]
    fn held_records_keep_their_bytes_and_order() {
        let mut b = Batch::default();
        assert!(b.is_empty());
        for i in 0..RECORDS - 1 {
            let v = format!("v{i}");
            assert!(!b.push(None, Some(v.as_bytes()), -1, i as Seq + 1));
        }
        assert!(
            b.push(Some(b"k"), None, 3, RECORDS as Seq),
            "the last one fills the batch"
        );
        let last = &b.held[RECORDS - 1];
        assert_eq!((last.partition, last.seq, last.value), (3, RECORDS as Seq, None));
        let (s, n) = last.key.expect("a key");
        assert_eq!(&b.bytes[s..s + n], b"k");
        let (s, n) = b.held[10].value.expect("a value");
        assert_eq!(&b.bytes[s..s + n], b"v10");
    }
}
