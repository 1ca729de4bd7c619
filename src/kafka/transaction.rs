//! Transactions for `eddy pipe`: the producer sink's producer made transactional, and
//! the input offsets committed in the same transaction as the output, so that a
//! read_committed reader sees each input record's output exactly once. The pipe loop
//! and the consumer's rebalance hook share one `Transactions` (the hook runs inside the
//! consumer's poll, on the loop's own thread, so the lock is never contended): a
//! transaction opens with the first input record after a commit, and is committed by
//! the loop on its interval, by the hook before partitions move, and at the end.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::consumer::ConsumerGroupMetadata;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{BaseProducer, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};

use crate::kafka::client::Context;
use crate::kafka::producer::{Delivery, ProducerSink};

/// A consumer group's member id and generation, as a transaction's offsets need them
/// (the broker refuses offsets of a member fenced by a newer generation).
pub struct GroupMetadata(pub(crate) ConsumerGroupMetadata);

/// How long a commit or an abort may take: it first waits for every record of the
/// transaction to be delivered.
const COMMIT_TIMEOUT: Duration = Duration::from_secs(60);

/// One process's transactions, shared by the loop and the rebalance hook.
#[derive(Clone)]
pub struct Transactions(Arc<Mutex<State>>);

struct State {
    producer: Arc<BaseProducer<Context<Delivery>>>,
    open: bool,
    /// By input slot: topic, partition, and the next offset once a record of the open
    /// transaction was read from it.
    offsets: Vec<(String, i32, Option<i64>)>,
    committed: u64,
    aborted: u64,
    /// Why the transactions cannot go on (fenced, a failed commit); the loop stops.
    failed: Option<String>,
}

/// What a commit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Committed {
    /// The transaction (and its input offsets) is committed, or none was open.
    Done,
    /// It failed and was aborted: why.
    Aborted(String),
}

fn describe(e: &KafkaError) -> String {
    match e {
        KafkaError::Transaction(t) => t.to_string(),
        other => other.to_string(),
    }
}

/// Why a cluster refused to start transactions, in the terms of its ACLs where it is
/// one: librdkafka's "Transactional Id authorization failed" does not say which id, nor
/// what the principal lacks.
fn refused(e: &KafkaError, id: &str) -> String {
    match e.rdkafka_error_code() {
        Some(RDKafkaErrorCode::TransactionalIdAuthorizationFailed) => format!(
            "the principal is not allowed transactional id {id}: it needs WRITE (and DESCRIBE) permission on TransactionalId {id} (kafka-acls --add --allow-principal User:NAME --operation Write --transactional-id {id}), or pick one it has with --transactional-id"
        ),
        Some(RDKafkaErrorCode::ClusterAuthorizationFailed) => format!(
            "the principal is not allowed transactions (transactional id {id}): it needs IDEMPOTENT_WRITE permission on the cluster, or WRITE on TransactionalId {id}"
        ),
        _ => describe(e),
    }
}

impl Transactions {
    /// Makes the sink's producer (opened with a `transactional.id`) transactional: this
    /// fences any producer with the same id and aborts what it left open.
    /// `id` is the sink's `transactional.id`, for the error.
    pub fn init(sink: &ProducerSink, id: &str, timeout: Duration) -> Result<Transactions, String> {
        let producer = sink.handle();
        producer.init_transactions(timeout).map_err(|e| refused(&e, id))?;
        Ok(Transactions(Arc::new(Mutex::new(State {
            producer,
            open: false,
            offsets: Vec::new(),
            committed: 0,
            aborted: 0,
            failed: None,
        }))))
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Gives an input partition its slot (the caller's index).
    pub fn track(&self, slot: usize, topic: &str, partition: i32) {
        let mut s = self.state();
        if s.offsets.len() <= slot {
            s.offsets.resize(slot + 1, (String::new(), 0, None));
        }
        s.offsets[slot] = (topic.to_string(), partition, None);
    }

    /// Opens a transaction if none is open (before the first record of one is sent).
    pub fn begin(&self) -> Result<(), String> {
        let mut s = self.state();
        if let Some(why) = &s.failed {
            return Err(why.clone());
        }
        if !s.open {
            s.producer.begin_transaction().map_err(|e| describe(&e))?;
            s.open = true;
        }
        Ok(())
    }

    /// Input slot `slot` is done up to `next` within the open transaction.
    pub fn reached(&self, slot: usize, next: i64) {
        if let Some(o) = self.state().offsets.get_mut(slot) {
            o.2 = Some(next);
        }
    }

    /// Commits the open transaction with the input offsets it reached (sent for the
    /// group `group`; without a group none are kept). A commit that fails is aborted.
    pub fn commit(&self, group: Option<&GroupMetadata>) -> Committed {
        let mut s = self.state();
        if !s.open {
            return Committed::Done;
        }
        let result = s.commit(group);
        s.open = false;
        for o in &mut s.offsets {
            o.2 = None;
        }
        match result {
            Ok(()) => {
                s.committed += 1;
                Committed::Done
            }
            Err(why) => {
                let _ = s.producer.abort_transaction(COMMIT_TIMEOUT);
                s.aborted += 1;
                s.failed = Some(why.clone());
                Committed::Aborted(why)
            }
        }
    }

    /// Aborts the open transaction (a run that cannot finish it).
    pub fn abort(&self) {
        let mut s = self.state();
        if s.open {
            let _ = s.producer.abort_transaction(COMMIT_TIMEOUT);
            s.open = false;
            s.aborted += 1;
        }
    }

    /// Why the transactions cannot go on, once one failed.
    pub fn failed(&self) -> Option<String> {
        self.state().failed.clone()
    }

    /// Transactions committed and aborted so far.
    pub fn counts(&self) -> (u64, u64) {
        let s = self.state();
        (s.committed, s.aborted)
    }
}

impl State {
    fn commit(&self, group: Option<&GroupMetadata>) -> Result<(), String> {
        if let Some(group) = group {
            let mut tpl = TopicPartitionList::new();
            for (topic, partition, next) in &self.offsets {
                if let Some(next) = next {
                    tpl.add_partition_offset(topic, *partition, Offset::Offset(*next))
                        .map_err(|e| e.to_string())?;
                }
            }
            if tpl.count() > 0 {
                self.producer
                    .send_offsets_to_transaction(&tpl, &group.0, COMMIT_TIMEOUT)
                    .map_err(|e| describe(&e))?;
            }
        }
        self.producer
            .commit_transaction(COMMIT_TIMEOUT)
            .map_err(|e| describe(&e))
    }
}
