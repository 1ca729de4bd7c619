//! The broker configuration of each node, as text: pure, so a unit test reads it. Every
//! node is broker and controller in one JVM (KRaft, a static quorum of all nodes), with
//! the listeners `scripts/kafka` has: PLAINTEXT, SASL_PLAINTEXT with SCRAM-SHA-512, SSL
//! when a certificate was made, and the controller's own. One node keeps every
//! replication factor at 1; three are a real cluster: replication factor 3 and
//! `min.insync.replicas=2`, so one node can die without a write being refused or lost.

use std::fmt::Write as _;
use std::path::Path;

/// The loopback address every listener binds and advertises (IPv4, never `localhost`,
/// which may resolve to ::1 first).
pub const HOST: &str = "127.0.0.1";
/// The SCRAM user made at format time.
pub const SCRAM_USER: &str = "eddy";
pub const SCRAM_PASSWORD: &str = "eddy-secret";

/// A node's ports, in the order `scripts/kafka` lays them out from its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ports {
    pub plaintext: u16,
    pub controller: u16,
    pub scram: u16,
    pub tls: u16,
}

impl Ports {
    /// Node `index` (from 0) of a cluster whose first port is `base`: four a node.
    pub fn from_base(base: u16, index: usize) -> Option<Ports> {
        let first = base.checked_add(u16::try_from(index * 4).ok()?)?;
        let at = |k: u16| first.checked_add(k);
        Some(Ports {
            plaintext: first,
            controller: at(1)?,
            scram: at(2)?,
            tls: at(3)?,
        })
    }

    pub fn all(&self) -> [u16; 4] {
        [self.plaintext, self.controller, self.scram, self.tls]
    }
}

/// What the configuration of a node depends on.
#[derive(Debug)]
pub struct Layout<'a> {
    /// Every node's ports, node `i + 1` at index `i`.
    pub nodes: &'a [Ports],
    /// Partitions of a topic created on first use (`num.partitions`).
    pub partitions: i32,
    /// The PEM keystore of the SSL listener, when there is one.
    pub keystore: Option<&'a Path>,
}

/// `server.properties` of node `id` (from 1), its data in `data`.
pub fn server_properties(layout: &Layout, id: usize, data: &Path) -> String {
    let ports = layout.nodes[id - 1];
    let n = layout.nodes.len();
    let voters: Vec<String> = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}@{HOST}:{}", i + 1, p.controller))
        .collect();
    let mut listeners = format!(
        "PLAINTEXT://{HOST}:{},CONTROLLER://{HOST}:{},SASL_PLAINTEXT://{HOST}:{}",
        ports.plaintext, ports.controller, ports.scram
    );
    let mut advertised = format!(
        "PLAINTEXT://{HOST}:{},SASL_PLAINTEXT://{HOST}:{}",
        ports.plaintext, ports.scram
    );
    let mut map = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT".to_string();
    if layout.keystore.is_some() {
        let _ = write!(listeners, ",SSL://{HOST}:{}", ports.tls);
        let _ = write!(advertised, ",SSL://{HOST}:{}", ports.tls);
        map.push_str(",SSL:SSL");
    }
    // Replication: all of the nodes up to 3; a write needs two of three.
    let rf = n.min(3);
    let min_isr = if rf >= 3 { 2 } else { 1 };
    let mut s = format!(
        "# written by eddy dev --kafka: node {id} of {n}
process.roles=broker,controller
node.id={id}
# a static quorum of every node: format needs no --standalone or --initial-controllers
controller.quorum.voters={voters}
controller.listener.names=CONTROLLER
listeners={listeners}
advertised.listeners={advertised}
listener.security.protocol.map={map}
inter.broker.listener.name=PLAINTEXT

# SCRAM on the SASL listener only (Kafka's default mechanism is GSSAPI); the user is in
# the bootstrap metadata, so the login module needs no credentials of its own
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;

log.dirs={data}

# topics created on first use, as on eddy dev's mock
auto.create.topics.enable=true
num.partitions={partitions}
default.replication.factor={rf}
min.insync.replicas={min_isr}
offsets.topic.replication.factor={rf}
offsets.topic.num.partitions=1
transaction.state.log.replication.factor={rf}
transaction.state.log.min.isr={min_isr}
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor={rf}
share.coordinator.state.topic.min.isr={min_isr}
share.coordinator.state.topic.num.partitions=1
# a first consumer group joins without Kafka's 3 s wait
group.initial.rebalance.delay.ms=0
# a hung follower leaves the ISR after 10 s rather than 30 s, so acks=all writes go on
# within a test's patience (a dev cluster's choice; the broker's logic is unchanged)
replica.lag.time.max.ms=10000

# a small machine: few threads; the log cleaner's dedupe buffer (128 MiB by default)
# is allocated on the heap at start-up, so it is shrunk to fit a small heap
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=1
num.replica.fetchers=1
log.cleaner.dedupe.buffer.size=16777216
",
        voters = voters.join(","),
        data = data.display(),
        partitions = layout.partitions,
    );
    if let Some(keystore) = layout.keystore {
        let _ = write!(
            s,
            "
# the SSL listener: a key and its chain in one PEM file, no client certificates
listener.name.ssl.ssl.keystore.type=PEM
listener.name.ssl.ssl.keystore.location={}
listener.name.ssl.ssl.client.auth=none
",
            keystore.display()
        );
    }
    s
}

/// `meta.properties` of a formatted data directory: what Kafka's format tool writes
/// besides the bootstrap checkpoint, which is the same for every node and so is
/// formatted once and copied.
pub fn meta_properties(id: usize, cluster_id: &str, directory_id: &str) -> String {
    format!("node.id={id}\ndirectory.id={directory_id}\nversion=1\ncluster.id={cluster_id}\n")
}

/// The client configs of the Java tools for the SCRAM and SSL listeners, as
/// `scripts/kafka` writes them (`--producer.config`, `--consumer.config`,
/// `--command-config`).
pub fn client_scram_properties() -> String {
    format!(
        "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.\
         security.scram.ScramLoginModule required username=\"{SCRAM_USER}\" password=\"{SCRAM_PASSWORD}\";\n"
    )
}

pub fn client_tls_properties(ca: &Path) -> String {
    format!(
        "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location={}\n",
        ca.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<'a>(props: &'a str, key: &str) -> Option<&'a str> {
        props
            .lines()
            .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
    }

    #[test]
    fn three_nodes_replicate_three_times_and_need_two_in_sync() {
        let nodes: Vec<Ports> = (0..3).map(|i| Ports::from_base(41000, i).expect("ports")).collect();
        let layout = Layout {
            nodes: &nodes,
            partitions: 4,
            keystore: Some(Path::new("/s/tls/server.pem")),
        };
        let p = server_properties(&layout, 2, Path::new("/s/node-2/data"));
        assert_eq!(value(&p, "node.id"), Some("2"));
        assert_eq!(
            value(&p, "controller.quorum.voters"),
            Some("1@127.0.0.1:41001,2@127.0.0.1:41005,3@127.0.0.1:41009")
        );
        assert_eq!(
            value(&p, "advertised.listeners"),
            Some("PLAINTEXT://127.0.0.1:41004,SASL_PLAINTEXT://127.0.0.1:41006,SSL://127.0.0.1:41007")
        );
        for (k, v) in [
            ("default.replication.factor", "3"),
            ("min.insync.replicas", "2"),
            ("offsets.topic.replication.factor", "3"),
            ("transaction.state.log.min.isr", "2"),
            ("num.partitions", "4"),
            ("log.dirs", "/s/node-2/data"),
            ("listener.name.ssl.ssl.keystore.location", "/s/tls/server.pem"),
        ] {
            assert_eq!(value(&p, k), Some(v), "{k}");
        }
    }

    #[test]
    fn one_node_without_tls_keeps_everything_at_one() {
        let nodes = [Ports::from_base(39092, 0).expect("ports")];
        let layout = Layout {
            nodes: &nodes,
            partitions: 7,
            keystore: None,
        };
        let p = server_properties(&layout, 1, Path::new("/d"));
        assert_eq!(value(&p, "controller.quorum.voters"), Some("1@127.0.0.1:39093"));
        assert_eq!(value(&p, "default.replication.factor"), Some("1"));
        assert_eq!(value(&p, "transaction.state.log.min.isr"), Some("1"));
        assert_eq!(value(&p, "num.partitions"), Some("7"));
        assert!(!p.contains("SSL://"), "{p}");
        assert_eq!(Ports::from_base(65534, 0), None);
    }
}
