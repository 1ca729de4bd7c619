//! The consume side of the Kafka layer: the consumer's context (start offsets resolved
//! for what a group assigns, the assignment as it changes, a commit before partitions
//! are given away), how a start spec becomes an offset, and the offset ledger. The
//! ledger ties what was read (a partition's next offset) to the sequence number its
//! output got from the sink, and hands an offset over for storing only once the sink
//! acknowledged that number — so a group commits exactly what is safely out, never a
//! record still unread in a pipe or undelivered to a topic.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{BorrowedMessage, Headers, Message};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::kafka::client::{self as connection, Context, Diagnostics};
use crate::kafka::metadata::{
    PartitionOffsets, Watermarks, local_watermarks, offset_for_time, topic_partitions, watermarks,
};
use crate::kafka::transaction::GroupMetadata;
use crate::offsets::OffsetSpec;
use crate::record::View;
use crate::sink::Seq;

/// What the consumer's context keeps besides the diagnostics of the one client context:
/// start offsets applied when a group assigns partitions to us, and the assignment.
struct ConsumeState {
    settings: Settings,
    from: Option<OffsetSpec>,
    /// Start offsets resolved ahead of time (named topics), by (topic, partition).
    resolved: Mutex<HashMap<(String, i32), Offset>>,
    /// The partitions assigned now (group mode), and a counter bumped on every change.
    assignment: Mutex<(u64, Vec<(String, i32)>)>,
    /// The group's last word to this member was an assignment of no partitions (more
    /// members than partitions): settled, not the gap between a revoke and an assign.
    given_nothing: std::sync::atomic::AtomicBool,
    watermarks: Watermarks,
    /// Called before partitions are revoked (pipe: finish the open transaction), with the
    /// group's metadata; set after the consumer exists.
    on_revoke: Mutex<Option<RevokeHook>>,
}

/// What a bounded group read says when the group gave this member no partitions.
pub const NOTHING_ASSIGNED: &str =
    "the group gave this member no partitions (more members than partitions); nothing to read, done";

/// What runs before a group takes partitions away.
pub type RevokeHook = Box<dyn Fn(Option<GroupMetadata>) + Send>;

/// The consumer's context: the one client context (log and error forwarding) with the
/// consume state inside.
type ConsumeContext = Context<ConsumeState>;

impl ConsumerContext for ConsumeContext {
    fn rebalance(
        &self,
        base_consumer: &BaseConsumer<Self>,
        err: rdkafka::types::RDKafkaRespErr,
        tpl: &mut TopicPartitionList,
    ) {
        let state = &self.inner;
        if err == rdkafka::types::RDKafkaRespErr::RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
            if let Some(spec) = state.from {
                let wanted: Vec<(String, i32)> = tpl
                    .elements()
                    .iter()
                    .map(|e| (e.topic().to_string(), e.partition()))
                    .collect();
                let mut resolved = state.resolved.lock().unwrap_or_else(|p| p.into_inner());
                for (topic, partition) in wanted {
                    let offset = match resolved.get(&(topic.clone(), partition)) {
                        Some(o) => *o,
                        None => {
                            let o = resolve_one(
                                &state.settings,
                                base_consumer,
                                &state.watermarks,
                                &topic,
                                partition,
                                spec,
                            )
                            .unwrap_or(Offset::Beginning);
                            resolved.insert((topic.clone(), partition), o);
                            o
                        }
                    };
                    let _ = tpl.set_partition_offset(&topic, partition, offset);
                }
            }
        }
        // The default behaviour: assign or revoke, then our bookkeeping.
        let rebalance = match err {
            rdkafka::types::RDKafkaRespErr::RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS => Rebalance::Assign(tpl),
            _ => Rebalance::Revoke(tpl),
        };
        match rebalance {
            Rebalance::Assign(tpl) => {
                let _ = base_consumer.assign(tpl);
                state
                    .given_nothing
                    .store(tpl.count() == 0, std::sync::atomic::Ordering::SeqCst);
                let mut a = state.assignment.lock().unwrap_or_else(|p| p.into_inner());
                a.0 += 1;
                a.1 = tpl
                    .elements()
                    .iter()
                    .map(|e| (e.topic().to_string(), e.partition()))
                    .collect();
                if state.settings.verbose {
                    // As kcat's "Group rebalanced": which partitions this member reads now.
                    let named: Vec<String> = a.1.iter().map(|(t, p)| format!("{t}:{p}")).collect();
                    eprintln!(
                        "eddy: group rebalanced: assigned {} partition{} ({})",
                        named.len(),
                        if named.len() == 1 { "" } else { "s" },
                        named.join(", ")
                    );
                }
            }
            _ => {
                // Finish what is open (pipe's transaction) before the partitions move.
                if let Some(hook) = state.on_revoke.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                    hook(base_consumer.group_metadata().map(GroupMetadata));
                }
                // Commit what was written before giving the partitions away.
                let _ = base_consumer.commit_consumer_state(CommitMode::Sync);
                let _ = base_consumer.unassign();
                state.given_nothing.store(false, std::sync::atomic::Ordering::SeqCst);
                let mut a = state.assignment.lock().unwrap_or_else(|p| p.into_inner());
                a.0 += 1;
                a.1.clear();
                if state.settings.verbose {
                    eprintln!("eddy: group rebalanced: partitions revoked");
                }
            }
        }
    }
}

impl ConsumeState {
    /// The state of a consumer that starts assigned partitions at `from`.
    fn new(settings: &Settings, from: Option<OffsetSpec>) -> Self {
        ConsumeState {
            settings: settings.clone(),
            from,
            resolved: Mutex::new(HashMap::new()),
            assignment: Mutex::new((0, Vec::new())),
            given_nothing: std::sync::atomic::AtomicBool::new(false),
            watermarks: Watermarks::new(settings),
            on_revoke: Mutex::new(None),
        }
    }
}

fn describe(e: &KafkaError, diagnostics: &Diagnostics) -> String {
    match diagnostics.last_error() {
        Some(reason) => format!("{e}: {reason}"),
        None => e.to_string(),
    }
}

/// Turns a start spec into the offset to assign for one partition. An offset outside the
/// partition starts at its nearest end, with a warning: librdkafka would otherwise reset
/// it to `auto.offset.reset` (the beginning) without a word.
fn resolve_one<C: ConsumerContext>(
    settings: &Settings,
    consumer: &BaseConsumer<C>,
    watermarks: &Watermarks,
    topic: &str,
    partition: i32,
    spec: OffsetSpec,
) -> Result<Offset> {
    Ok(match spec {
        OffsetSpec::Beginning => Offset::Beginning,
        OffsetSpec::End => Offset::End,
        OffsetSpec::Stored => Offset::Stored,
        OffsetSpec::Offset(o) => {
            let ends = watermarks.of(consumer, topic, partition)?;
            let start = ends.clamp(o);
            if start > o {
                eprintln!(
                    "eddy: consume: {topic}[{partition}]: --from {o} is below the log start ({start}); starting at {start}"
                );
            } else if start < o {
                eprintln!(
                    "eddy: consume: {topic}[{partition}]: --from {o} is past the end ({start}); starting at {start}"
                );
            }
            Offset::Offset(start)
        }
        OffsetSpec::Tail(n) => Offset::OffsetTail(n),
        OffsetSpec::Time(t) => Offset::Offset(offset_for_time(settings, consumer, topic, partition, t)?),
    })
}

/// What one poll of the consumer gave.
pub enum Polled<'a> {
    /// Nothing within the wait.
    Idle,
    Record(Received<'a>),
    /// A partition of this number reached the end of what the broker has (librdkafka's
    /// event does not say of which topic).
    EndOfPartition(i32),
    Error(PollError),
}

/// A consumer error, classified: fatal ones end the run, the others are retried.
#[derive(Debug)]
pub struct PollError {
    pub fatal: bool,
    /// librdkafka says every broker is down (a failure once that lasts too long).
    pub all_brokers_down: bool,
    /// What to tell the user: for a fatal error with the reason the client logged.
    pub message: String,
}

/// One record, borrowed from librdkafka's buffer (no copy).
pub struct Received<'a>(BorrowedMessage<'a>);

impl Received<'_> {
    pub fn view(&self) -> View<'_> {
        let m = &self.0;
        View {
            topic: m.topic(),
            partition: m.partition(),
            offset: m.offset(),
            timestamp: m.timestamp().to_millis(),
            key: m.key(),
            value: m.payload(),
        }
    }

    /// The record's headers as (name, value) pairs.
    pub fn headers(&self) -> impl Iterator<Item = (&str, Option<&[u8]>)> {
        self.0
            .headers()
            .into_iter()
            .flat_map(|h| h.iter())
            .map(|h| (h.key, h.value))
    }

    /// Key and value bytes, for the summary.
    pub fn size(&self) -> u64 {
        (self.0.payload_len() + self.0.key().map_or(0, <[u8]>::len)) as u64
    }
}

/// Polls `consumer` once, waiting at most `timeout`.
fn poll(consumer: &BaseConsumer<ConsumeContext>, timeout: Duration) -> Polled<'_> {
    match consumer.poll(timeout) {
        None => Polled::Idle,
        Some(Ok(m)) => Polled::Record(Received(m)),
        Some(Err(KafkaError::PartitionEOF(p))) => Polled::EndOfPartition(p),
        Some(Err(e)) => {
            let code = e.rdkafka_error_code();
            let fatal = matches!(
                code,
                Some(
                    RDKafkaErrorCode::UnknownTopicOrPartition
                        | RDKafkaErrorCode::UnknownTopic
                        | RDKafkaErrorCode::TopicAuthorizationFailed
                        | RDKafkaErrorCode::GroupAuthorizationFailed
                        | RDKafkaErrorCode::SaslAuthenticationFailed
                        | RDKafkaErrorCode::Authentication
                        | RDKafkaErrorCode::Fatal
                )
            );
            Polled::Error(PollError {
                fatal,
                all_brokers_down: code == Some(RDKafkaErrorCode::AllBrokersDown),
                message: if fatal {
                    describe(&e, &consumer.context().diagnostics)
                } else {
                    e.to_string()
                },
            })
        }
    }
}

/// Where a partition is assigned to start, in eddy's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
    /// The group's committed offset (the beginning for a new group).
    Stored,
    Offset(i64),
    /// N records before the end.
    Tail(i64),
}

fn to_offset(start: Start) -> Offset {
    match start {
        Start::Beginning => Offset::Beginning,
        Start::End => Offset::End,
        Start::Stored => Offset::Stored,
        Start::Offset(o) => Offset::Offset(o),
        Start::Tail(n) => Offset::OffsetTail(n),
    }
}

fn from_offset(offset: Offset) -> Start {
    match offset {
        Offset::Beginning => Start::Beginning,
        Offset::End => Start::End,
        Offset::Offset(o) => Start::Offset(o),
        Offset::OffsetTail(n) => Start::Tail(n),
        _ => Start::Stored,
    }
}

/// The consumer consume reads with, and every question it asks of it.
pub struct Source {
    /// Closed by `Drop`, on a thread of its own (see there).
    consumer: std::mem::ManuallyDrop<BaseConsumer<ConsumeContext>>,
    settings: Settings,
}

impl Drop for Source {
    /// Closing a group member runs its last revoke, and librdkafka can leave that
    /// revoke's unassign waiting forever for an answer (seen once in CI: a consume that
    /// had written and committed everything hung after Ctrl-C; compare librdkafka
    /// #4041). Everything is out and committed by the time a Source is dropped, so the
    /// close gets `--timeout` on a thread of its own and is then left behind: the
    /// process ends, and the group drops the member after its session timeout.
    fn drop(&mut self) {
        // SAFETY: taken once, here, and not touched again.
        let consumer = unsafe { std::mem::ManuallyDrop::take(&mut self.consumer) };
        let (done, closed) = std::sync::mpsc::channel();
        let close = move || {
            drop(consumer);
            let _ = done.send(());
        };
        if let Ok(_thread) = std::thread::Builder::new().name("consumer-close".into()).spawn(close) {
            if closed.recv_timeout(self.settings.timeout).is_err() && !self.settings.quiet {
                eprintln!(
                    "eddy: warning: the consumer did not close within {:?}; leaving without it (its group drops it after the session timeout)",
                    self.settings.timeout
                );
            }
        }
    }
}

/// The consumer's positions at one moment (past markers and aborted batches it read over).
pub struct Positions(Option<TopicPartitionList>);

impl Positions {
    pub fn of(&self, topic: &str, partition: i32) -> Option<i64> {
        match self.0.as_ref()?.find_partition(topic, partition)?.offset() {
            Offset::Offset(o) => Some(o),
            _ => None,
        }
    }
}

impl Source {
    /// A consumer (in `group`, if any) that starts what it is assigned at `from`.
    pub fn new(settings: &Settings, group: Option<&str>, from: Option<OffsetSpec>) -> Result<Source> {
        let consumer: BaseConsumer<ConsumeContext> = connection::consumer_config(settings, group)
            .create_with_context(Context::with(settings, ConsumeState::new(settings, from)))
            .map_err(|e| Error::usage(format!("cannot create the consumer: {e}")))?;
        Ok(Source {
            consumer: std::mem::ManuallyDrop::new(consumer),
            settings: settings.clone(),
        })
    }

    pub fn poll(&self, timeout: Duration) -> Polled<'_> {
        poll(&self.consumer, timeout)
    }

    /// The partition count of a topic, or an error that says the topic is not there.
    pub fn partitions(&self, topic: &str) -> Result<i32> {
        topic_partitions(&self.settings, &self.consumer, topic)
    }

    /// The last stable offset of a partition now (this consumer reads committed).
    pub fn stable_end(&self, topic: &str, partition: i32) -> Result<i64> {
        Ok(watermarks(&self.settings, &self.consumer, topic, partition)?.1)
    }

    /// Low and high watermark and last stable offset, asked of the broker.
    pub fn offsets(&self, topic: &str, partition: i32) -> Result<PartitionOffsets> {
        self.consumer
            .context()
            .inner
            .watermarks
            .of(&self.consumer, topic, partition)
    }

    /// The watermarks librdkafka last saw, without asking the broker.
    pub fn local_watermarks(&self, topic: &str, partition: i32) -> Option<(i64, i64)> {
        local_watermarks(&self.consumer, topic, partition)
    }

    /// Resolves where each partition starts under `spec`, now (network look-ups here,
    /// not in the middle of a rebalance).
    pub fn resolve_starts<'t>(&self, parts: impl Iterator<Item = (&'t str, i32)>, spec: OffsetSpec) -> Result<()> {
        let context = &self.consumer.context().inner;
        let mut resolved = HashMap::new();
        for (topic, partition) in parts {
            let o = resolve_one(
                &self.settings,
                &self.consumer,
                &context.watermarks,
                topic,
                partition,
                spec,
            )?;
            resolved.insert((topic.to_string(), partition), o);
        }
        *context.resolved.lock().unwrap_or_else(|p| p.into_inner()) = resolved;
        Ok(())
    }

    /// Where a partition was resolved to start, if it was.
    pub fn resolved(&self, topic: &str, partition: i32) -> Option<Start> {
        let resolved = self
            .consumer
            .context()
            .inner
            .resolved
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        resolved.get(&(topic.to_string(), partition)).copied().map(from_offset)
    }

    pub fn subscribe(&self, topics: &[&str]) -> Result<()> {
        self.consumer
            .subscribe(topics)
            .map_err(|e| Error::runtime(format!("cannot subscribe: {e}")))
    }

    pub fn assign(&self, parts: &[(&str, i32, Start)]) -> Result<()> {
        let mut tpl = TopicPartitionList::new();
        for &(topic, partition, start) in parts {
            tpl.add_partition_offset(topic, partition, to_offset(start))
                .map_err(|e| Error::runtime(format!("cannot assign {topic}:{partition}: {e}")))?;
        }
        self.consumer
            .assign(&tpl)
            .map_err(|e| Error::runtime(format!("cannot assign partitions: {e}")))
    }

    /// The group's assignment when it changed since generation `seen`.
    pub fn assignment_since(&self, seen: u64) -> Option<(u64, Vec<(String, i32)>)> {
        let a = self
            .consumer
            .context()
            .inner
            .assignment
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        (a.0 != seen).then(|| (a.0, a.1.clone()))
    }

    /// The partitions the group assigned now.
    pub fn assigned(&self) -> Vec<(String, i32)> {
        let a = self
            .consumer
            .context()
            .inner
            .assignment
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        a.1.clone()
    }

    /// Whether the group settled on giving this member no partitions at all (more
    /// members than partitions). A bounded read (`-e`, `--until`) has nothing to wait
    /// for then: consume and pipe both end, exit 0, and say so (`NOTHING_ASSIGNED`),
    /// rather than wait for a rebalance that may never come. An empty assignment
    /// between a revoke and the next assign is not this.
    pub fn given_nothing(&self) -> bool {
        self.consumer
            .context()
            .inner
            .given_nothing
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Stops fetching a partition whose records will not be shown.
    pub fn pause(&self, topic: &str, partition: i32) {
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition(topic, partition);
        let _ = self.consumer.pause(&tpl);
    }

    pub fn positions(&self) -> Positions {
        Positions(self.consumer.position().ok())
    }

    /// The group's committed offset of a partition: None when it cannot be asked, the
    /// inner None when the group has none.
    pub fn committed(&self, topic: &str, partition: i32) -> Option<Option<i64>> {
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition(topic, partition);
        let committed = self.consumer.committed_offsets(tpl, self.settings.timeout).ok()?;
        match committed.find_partition(topic, partition)?.offset() {
            Offset::Offset(o) => Some(Some(o)),
            _ => Some(None),
        }
    }

    /// Stores `next` as the offset to resume `topic`:`partition` at. (rd_kafka_offset_store
    /// would add 1 to a record's offset; a position is not a record's.)
    pub fn store(&self, topic: &str, partition: i32, next: i64) -> std::result::Result<(), String> {
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition_offset(topic, partition, Offset::Offset(next))
            .and_then(|()| self.consumer.store_offsets(&tpl))
            .map_err(|e| e.to_string())
    }

    /// Sets what runs before the group takes partitions away.
    pub fn on_revoke(&self, hook: RevokeHook) {
        *self
            .consumer
            .context()
            .inner
            .on_revoke
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(hook);
    }

    /// The group's metadata (member, generation), for offsets sent to a transaction.
    pub fn group_metadata(&self) -> Option<GroupMetadata> {
        self.consumer.group_metadata().map(GroupMetadata)
    }

    /// Whether this is librdkafka's mock cluster (it names itself `mockCluster...`),
    /// which acknowledges transactional offset commits and drops them.
    pub fn looks_like_dev(&self) -> bool {
        // SAFETY: a valid client pointer; the returned string is ours to free.
        unsafe {
            let client = self.consumer.client().native_ptr();
            let p = rdkafka::bindings::rd_kafka_clusterid(client, self.settings.timeout.as_millis() as i32);
            if p.is_null() {
                return false;
            }
            let dev = std::ffi::CStr::from_ptr(p).to_bytes().starts_with(b"mockCluster");
            rdkafka::bindings::rd_kafka_mem_free(client, p.cast());
            dev
        }
    }

    /// Commits what was stored; nothing stored yet is no error.
    pub fn commit(&self) -> std::result::Result<(), String> {
        match self.consumer.commit_consumer_state(CommitMode::Sync) {
            Err(e) if e.rdkafka_error_code() != Some(RDKafkaErrorCode::NoOffset) => Err(e.to_string()),
            _ => Ok(()),
        }
    }
}

/// Input positions waiting for their output to be acknowledged, in the order sent.
/// Partitions are the caller's slots (indexes into its own table), so an entry is three
/// numbers and no string.
#[derive(Debug, Default)]
pub struct Ledger {
    pending: VecDeque<(Seq, usize, i64)>,
}

impl Ledger {
    pub fn new() -> Self {
        Ledger::default()
    }

    /// Everything of partition `slot` before offset `next` is out once the sink
    /// acknowledges `seq`. Sequence numbers are the sink's, so they do not go down.
    pub fn reached(&mut self, seq: Seq, slot: usize, next: i64) {
        self.pending.push_back((seq, slot, next));
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// The sink acknowledged everything up to `acked`: calls `store` once per partition
    /// with the newest offset that is now safely out, and forgets those entries.
    pub fn acknowledged(&mut self, acked: Seq, mut store: impl FnMut(usize, i64)) {
        if self.pending.front().is_none_or(|&(seq, _, _)| seq > acked) {
            return;
        }
        let mut newest: HashMap<usize, i64> = HashMap::new();
        while let Some(&(seq, slot, next)) = self.pending.front() {
            if seq > acked {
                break;
            }
            newest.insert(slot, next);
            self.pending.pop_front();
        }
        for (slot, next) in newest {
            store(slot, next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(ledger: &mut Ledger, acked: Seq) -> Vec<(usize, i64)> {
        let mut out = Vec::new();
        ledger.acknowledged(acked, |slot, next| out.push((slot, next)));
        out.sort();
        out
    }

    #[test]
    fn stores_only_what_was_acknowledged() {
        let mut l = Ledger::new();
        // Two partitions interleaved; stdout's sequence numbers are byte positions.
        l.reached(10, 0, 5);
        l.reached(20, 1, 100);
        l.reached(30, 0, 6);
        l.reached(40, 1, 101);
        assert_eq!(stored(&mut l, 9), vec![]);
        assert_eq!(stored(&mut l, 30), vec![(0, 6), (1, 100)]);
        assert_eq!(stored(&mut l, 30), vec![]);
        assert!(!l.is_empty());
        assert_eq!(stored(&mut l, 1000), vec![(1, 101)]);
        assert!(l.is_empty());
    }

    #[test]
    fn an_acknowledgement_that_goes_back_stores_nothing_twice() {
        // A pipe's unread count is sampled: an answer may lag an earlier one.
        let mut l = Ledger::new();
        l.reached(10, 0, 1);
        l.reached(20, 0, 2);
        assert_eq!(stored(&mut l, 15), vec![(0, 1)]);
        assert_eq!(stored(&mut l, 5), vec![]);
        assert_eq!(stored(&mut l, 20), vec![(0, 2)]);
    }

    #[test]
    fn positions_reached_before_any_output_are_out_at_once() {
        // End-of-partition positions past markers come with sequence 0 when nothing
        // was written yet: nothing needs to reach the reader for them.
        let mut l = Ledger::new();
        l.reached(0, 3, 42);
        assert_eq!(stored(&mut l, 0), vec![(3, 42)]);
    }

    #[test]
    fn the_newest_offset_per_partition_wins() {
        let mut l = Ledger::new();
        for (i, seq) in (1..=50u64).enumerate() {
            l.reached(seq, i % 3, i as i64 + 1);
        }
        assert_eq!(stored(&mut l, 50), vec![(0, 49), (1, 50), (2, 48)]);
    }
}
