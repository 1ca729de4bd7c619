//! `eddy dev --chaos`: faults injected into the embedded cluster through the mock's own
//! controls, a few a second, each reported on stderr: retriable request errors, added
//! round-trip time (at most 500 ms), and nodes taken down and brought back (at most 2 s).
//!
//! Chaos must never create a duplicate a real broker would not: the mock deduplicates
//! producer retries only for transactional producers, so a Produce whose response is
//! lost after the append would be written twice. Hence request errors are injected
//! *before* a request is handled (nothing is appended), and a node goes down only after
//! its partition leadership moved away and longer than any added round-trip time has
//! passed, so that no Produce response of its is still on the way.

use std::time::{Duration, Instant};

use rdkafka::bindings::rd_kafka_resp_err_t as Err;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::DefaultProducerContext;
use rdkafka::types::RDKafkaApiKey;

use crate::config::Settings;
use crate::kafka::client::{self as connection, EddyContext};
use crate::kafka::mock::DevCluster;
use crate::random::Rng;

/// Uniform in `lo..=hi`, from the one seeded generator gen and the jq helpers use too,
/// so that a chaos seed replays the same faults.
fn between(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    lo + rng.below(hi - lo + 1)
}

/// What is to happen at a later moment.
#[derive(Debug)]
enum Later {
    RttOff { node: i32 },
    Down { node: i32, for_ms: u64 },
    Up { node: i32 },
}

pub struct Chaos {
    rng: Rng,
    nodes: i32,
    probe: BaseConsumer<EddyContext>,
    next_fault: Instant,
    later: Vec<(Instant, Later)>,
    /// The node that is (or is about to be) out, if any: one outage at a time.
    outage: Option<i32>,
    /// No new outage before this: a consumer group needs a few quiet seconds to (re)join
    /// when its coordinator was the node that went away.
    next_outage: Instant,
}

/// Retriable errors per API, as a broker would send them before doing anything.
const ERRORS: &[(RDKafkaApiKey, Err, &str)] = &[
    (
        RDKafkaApiKey::Produce,
        Err::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
        "NOT_ENOUGH_REPLICAS",
    ),
    (
        RDKafkaApiKey::Produce,
        Err::RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
        "LEADER_NOT_AVAILABLE",
    ),
    (
        RDKafkaApiKey::Fetch,
        Err::RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
        "NOT_LEADER_FOR_PARTITION",
    ),
    (
        RDKafkaApiKey::OffsetCommit,
        Err::RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
        "COORDINATOR_LOAD_IN_PROGRESS",
    ),
    (
        RDKafkaApiKey::FindCoordinator,
        Err::RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
        "COORDINATOR_NOT_AVAILABLE",
    ),
    (
        RDKafkaApiKey::JoinGroup,
        Err::RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
        "COORDINATOR_LOAD_IN_PROGRESS",
    ),
];

/// The least time between the end of one outage and the start of the next.
const OUTAGE_GAP: Duration = Duration::from_secs(6);

/// Longer than the largest added round-trip time: what a node had in flight has arrived.
const SETTLE: Duration = Duration::from_millis(1000);

impl Chaos {
    pub fn new(settings: &Settings, brokers: &str, nodes: i32, seed: u64) -> Option<Chaos> {
        let mut local = settings.clone();
        local.brokers = brokers.to_string();
        local.properties.clear();
        let probe: BaseConsumer<EddyContext> = connection::consumer_config(&local, None)
            .create_with_context(EddyContext::new(&local))
            .ok()?;
        Some(Chaos {
            rng: Rng::new(seed),
            nodes,
            probe,
            next_fault: Instant::now() + Duration::from_millis(500),
            later: Vec::new(),
            outage: None,
            next_outage: Instant::now() + OUTAGE_GAP,
        })
    }

    /// Called often by the dev loop: does what is due.
    pub fn tick(&mut self, cluster: &DevCluster) {
        let cluster = cluster.mock();
        let now = Instant::now();
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.later)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.later = waiting;
        for (_, action) in ready {
            self.run_later(cluster, action);
        }
        if now < self.next_fault {
            return;
        }
        self.next_fault = now + Duration::from_millis(between(&mut self.rng, 250, 600));
        match between(&mut self.rng, 0, 9) {
            0..=5 => self.request_errors(cluster),
            6..=7 => self.round_trip(cluster),
            _ => self.outage(cluster),
        }
    }

    fn request_errors(&mut self, cluster: &MockCluster<'static, DefaultProducerContext>) {
        let (api, err, name) = ERRORS[between(&mut self.rng, 0, ERRORS.len() as u64 - 1) as usize];
        let n = between(&mut self.rng, 1, 3) as usize;
        // Errors for an API nobody calls would pile up and then fail a client's
        // requests for long; keep at most the latest burst.
        cluster.clear_request_errors(api);
        cluster.request_errors(api, &vec![err; n]);
        eprintln!("chaos: the next {n} {api:?} request(s) fail with {name}");
    }

    fn round_trip(&mut self, cluster: &MockCluster<'static, DefaultProducerContext>) {
        let node = between(&mut self.rng, 1, self.nodes as u64) as i32;
        if self.outage == Some(node) {
            return;
        }
        let ms = between(&mut self.rng, 50, 500);
        let for_ms = between(&mut self.rng, 500, 2000);
        if cluster.broker_round_trip_time(node, Duration::from_millis(ms)).is_ok() {
            eprintln!("chaos: node {node} answers {ms} ms late for {for_ms} ms");
            self.later
                .push((Instant::now() + Duration::from_millis(for_ms), Later::RttOff { node }));
        }
    }

    fn outage(&mut self, cluster: &MockCluster<'static, DefaultProducerContext>) {
        if self.nodes < 2 || self.outage.is_some() || Instant::now() < self.next_outage {
            return self.request_errors(cluster);
        }
        let node = between(&mut self.rng, 1, self.nodes as u64) as i32;
        let others: Vec<i32> = (1..=self.nodes).filter(|n| *n != node).collect();
        // Move every partition this node leads to another node first.
        let Ok(metadata) = self.probe.fetch_metadata(None, Duration::from_secs(2)) else {
            return;
        };
        let mut moved = 0;
        for topic in metadata.topics() {
            for p in topic.partitions().iter().filter(|p| p.leader() == node) {
                let to = others[between(&mut self.rng, 0, others.len() as u64 - 1) as usize];
                if cluster.partition_leader(topic.name(), p.id(), Some(to)).is_ok() {
                    moved += 1;
                }
            }
        }
        let for_ms = between(&mut self.rng, 300, 2000);
        self.outage = Some(node);
        eprintln!("chaos: node {node} goes down soon ({moved} partition leaders moved away first)");
        self.later.push((Instant::now() + SETTLE, Later::Down { node, for_ms }));
    }

    fn run_later(&mut self, cluster: &MockCluster<'static, DefaultProducerContext>, action: Later) {
        match action {
            Later::RttOff { node } => {
                let _ = cluster.broker_round_trip_time(node, Duration::ZERO);
                eprintln!("chaos: node {node} answers on time again");
            }
            Later::Down { node, for_ms } => {
                let _ = cluster.broker_round_trip_time(node, Duration::ZERO);
                if cluster.broker_down(node).is_ok() {
                    eprintln!("chaos: node {node} is down for {for_ms} ms");
                }
                self.later
                    .push((Instant::now() + Duration::from_millis(for_ms), Later::Up { node }));
            }
            Later::Up { node } => {
                let _ = cluster.broker_up(node);
                self.outage = None;
                self.next_outage = Instant::now() + OUTAGE_GAP;
                eprintln!("chaos: node {node} is up");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| between(&mut a, 1, 100)).collect();
        let ys: Vec<u64> = (0..5).map(|_| between(&mut b, 1, 100)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (1..=100).contains(x)));
        assert_ne!(Rng::new(8).next_u64(), Rng::new(7).next_u64());
    }
}
