//! `eddy dev --kafka`: a real Apache Kafka cluster (KRaft) of one or three nodes on
//! loopback, each node a JVM that is broker and controller at once, for clients the mock
//! cannot serve and for faults only a real broker has. Kafka is found or fetched by
//! `dist`, configured by `config` (and `tls`), run by `node`, and hurt by `chaos`.
//!
//! Everything a cluster is lives in its state directory (`EDDY_DEV_STATE`): `cluster.json`
//! (the nodes, their ports and how their JVMs are launched), a directory per node, the
//! CA. So `eddy dev kill|pause|resume|restart NODE`, another process, finds and acts on
//! the nodes of a running cluster; the `eddy dev` that made the cluster stops every JVM
//! and deletes the directory when it ends — except after a failed start, whose logs are
//! what the error line points at.

pub mod chaos;
mod config;
mod dist;
mod node;
mod tls;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::random::Rng;

use config::{SCRAM_PASSWORD, SCRAM_USER};
use node::{Health, Launch, Node};

/// The broker's log4j2 config: everything to `logs/server.log` (which start-up is read
/// from), nothing to the console; and the tools' (the format step): warnings to stderr.
const BROKER_LOG4J: &str = include_str!("../../../scripts/kafka-log4j2.properties");
const TOOLS_LOG4J: &str = include_str!("../../../scripts/kafka-tools-log4j2.properties");

/// A small heap and the serial collector: three brokers share two cores in CI, and a
/// test broker's garbage is small (the dedupe buffer that would need more is shrunk in
/// the config). The quick compiler only: the optimising one costs seconds of CPU at
/// start-up, a warm start of one node went from about 7 s to 4-5 s, and a test broker's
/// throughput did not suffer (a million small records produced at the same rate).
const HEAP: &[&str] = &["-Xms96m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"];
const JVM_OPTIONS: &[&str] = &[
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-UsePerfData",
    "-Djava.awt.headless=true",
];

/// How long the nodes of a cluster have to start together (the first start of three
/// JVMs on a busy two-core machine takes tens of seconds).
const START_WITHIN: Duration = Duration::from_secs(180);

/// What to start.
#[derive(Debug, Clone)]
pub struct Options {
    /// 1 or 3.
    pub nodes: usize,
    /// The first port of node 1 (four a node: plaintext, controller, SCRAM, SSL);
    /// otherwise free ports the system picks.
    pub port: Option<u16>,
    /// Partitions of topics created on first use.
    pub partitions: i32,
}

/// What clients connect to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Endpoints {
    pub plaintext: String,
    pub scram: String,
    pub tls: Option<String>,
    pub ca: Option<PathBuf>,
}

/// What `cluster.json` in the state directory holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recorded {
    pub version: String,
    pub launch: Launch,
    pub nodes: Vec<Node>,
    pub endpoints: Endpoints,
}

const RECORD: &str = "cluster.json";

impl Recorded {
    /// The cluster whose state directory is `state` (`EDDY_DEV_STATE`).
    pub fn load(state: &Path) -> Result<Recorded> {
        let path = state.join(RECORD);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::runtime(format!(
                "no eddy dev --kafka cluster in {} ({e}): has it stopped?",
                state.display()
            ))
        })?;
        serde_json::from_str(&text).map_err(|e| Error::runtime(format!("{}: not eddy's: {e}", path.display())))
    }

    pub fn node(&self, id: usize) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// A running cluster. Dropping it stops every node and deletes the state directory.
pub struct Cluster {
    state: PathBuf,
    recorded: Recorded,
    /// The JVMs this process started, to be reaped when they end.
    children: Vec<Child>,
    /// Kept after a failed start, for its logs.
    keep_state: bool,
    /// Where Kafka and Java were found, for `-v`.
    found: String,
}

impl Cluster {
    /// Finds Kafka and Java, lays out the state directory, starts every node and waits
    /// until all of them have started. `say` gets lines for the user (a first fetch, no
    /// TLS); `stop` is polled during the wait (a Ctrl-C).
    pub fn start(
        options: &Options,
        env: &dyn Fn(&str) -> Option<String>,
        say: &dyn Fn(&str),
        stop: &dyn Fn() -> bool,
    ) -> Result<Cluster> {
        let dist = dist::locate(env, say)?;
        let java = dist::java(env)?;
        let found = format!("Kafka {} from {}, run by {}", dist.version, dist.from, java.display());
        let state = make_state_dir(env)?;
        crate::interrupt::set_last_word(last_word(state.clone()));
        let mut cluster = Cluster {
            state: state.clone(),
            recorded: Recorded {
                version: dist.version.clone(),
                launch: Launch {
                    java,
                    options: Vec::new(),
                    classpath: dist.classpath(),
                },
                nodes: Vec::new(),
                endpoints: Endpoints {
                    plaintext: String::new(),
                    scram: String::new(),
                    tls: None,
                    ca: None,
                },
            },
            children: Vec::new(),
            keep_state: false,
            found: String::new(),
        };
        cluster.found = found;
        // From here on a failure drops `cluster`, which removes what was made so far.
        let ports = ports(options)?;
        let certificates = match tls::make(&state.join("tls")) {
            Ok(c) => Some(c),
            Err(why) => {
                say(&format!("no SSL listener: {why}"));
                None
            }
        };
        let io = |what: &Path, e: std::io::Error| Error::runtime(format!("cannot write {}: {e}", what.display()));
        let broker_log4j = state.join("log4j2.properties");
        std::fs::write(&broker_log4j, BROKER_LOG4J).map_err(|e| io(&broker_log4j, e))?;
        let tools_log4j = state.join("tools-log4j2.properties");
        std::fs::write(&tools_log4j, TOOLS_LOG4J).map_err(|e| io(&tools_log4j, e))?;
        let launch = &mut cluster.recorded.launch;
        launch.options = HEAP.iter().chain(JVM_OPTIONS).map(|s| s.to_string()).collect();
        launch
            .options
            .push(format!("-Dlog4j2.configurationFile={}", broker_log4j.display()));

        cluster.lay_out_nodes(options, &ports, certificates.as_ref())?;
        if let Err(e) = cluster.format(env, &tools_log4j) {
            cluster.keep_state = true;
            return Err(e);
        }

        let nodes = &cluster.recorded.nodes;
        cluster.recorded.endpoints = Endpoints {
            plaintext: node::bootstrap(nodes, |p| p.plaintext),
            scram: node::bootstrap(nodes, |p| p.scram),
            tls: certificates.as_ref().map(|_| node::bootstrap(nodes, |p| p.tls)),
            ca: certificates.map(|c| c.ca),
        };
        let record = state.join(RECORD);
        let json = serde_json::to_string_pretty(&cluster.recorded).unwrap_or_default();
        std::fs::write(&record, json).map_err(|e| io(&record, e))?;

        for node in &cluster.recorded.nodes {
            let child = node.spawn(&cluster.recorded.launch, true)?;
            cluster.children.push(child);
        }
        for node in &cluster.recorded.nodes {
            if let Err(e) = node.await_start(0, START_WITHIN, stop) {
                cluster.keep_state = !stop();
                return Err(e);
            }
        }
        Ok(cluster)
    }

    /// Makes each node's directories and `server.properties` (recording the nodes), and
    /// the client property files for SCRAM and, with certificates, TLS.
    fn lay_out_nodes(
        &mut self,
        options: &Options,
        ports: &[config::Ports],
        certificates: Option<&tls::Certificates>,
    ) -> Result<()> {
        let io = |what: &Path, e: std::io::Error| Error::runtime(format!("cannot write {}: {e}", what.display()));
        let state = &self.state;
        let layout = config::Layout {
            nodes: ports,
            partitions: options.partitions,
            keystore: certificates.map(|c| c.keystore.as_path()),
        };
        for id in 1..=options.nodes {
            let node = Node {
                id,
                dir: state.join(format!("node-{id}")),
                ports: ports[id - 1],
            };
            std::fs::create_dir_all(node.data()).map_err(|e| io(&node.data(), e))?;
            std::fs::create_dir_all(node.logs()).map_err(|e| io(&node.logs(), e))?;
            let props = config::server_properties(&layout, id, &node.data());
            std::fs::write(node.props(), props).map_err(|e| io(&node.props(), e))?;
            self.recorded.nodes.push(node);
        }
        let scram = state.join("client-scram.properties");
        std::fs::write(&scram, config::client_scram_properties()).map_err(|e| io(&scram, e))?;
        if let Some(c) = certificates {
            let path = state.join("client-tls.properties");
            std::fs::write(&path, config::client_tls_properties(&c.ca)).map_err(|e| io(&path, e))?;
        }
        Ok(())
    }

    /// Formats the nodes' storage. Kafka's format tool is a JVM start of its own (seconds
    /// on a busy machine), and what it writes besides `meta.properties` — the bootstrap
    /// checkpoint with the metadata version and the SCRAM user — is the same for every
    /// node and every cluster of a Kafka version. So it runs once per version, into
    /// eddy's cache, and each node gets a copy and a `meta.properties` of its own.
    fn format(&self, env: &dyn Fn(&str) -> Option<String>, tools_log4j: &Path) -> Result<()> {
        let template = dist::cache_root(env)
            .join(&self.recorded.version)
            .join("bootstrap.checkpoint");
        if !template.is_file() {
            let scratch = self.state.join("format");
            let first = &self.recorded.nodes[0];
            let props = std::fs::read_to_string(first.props()).unwrap_or_default();
            let props = props.replace(&first.data().display().to_string(), &scratch.display().to_string());
            let scratch_props = self.state.join("format.properties");
            std::fs::write(&scratch_props, props).map_err(|e| Error::runtime(e.to_string()))?;
            let log = self.state.join("format.log");
            let out = std::fs::File::create(&log).map_err(|e| Error::runtime(e.to_string()))?;
            let launch = &self.recorded.launch;
            let status = Command::new(&launch.java)
                .args(["-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"])
                .arg(format!("-Dlog4j2.configurationFile={}", tools_log4j.display()))
                .arg("-cp")
                .arg(&launch.classpath)
                .args(["kafka.tools.StorageTool", "format", "--config"])
                .arg(&scratch_props)
                .args(["--cluster-id", &random_id()])
                .arg("--add-scram")
                .arg(format!("SCRAM-SHA-512=[name={SCRAM_USER},password={SCRAM_PASSWORD}]"))
                .stdin(Stdio::null())
                .stdout(out.try_clone().map_err(|e| Error::runtime(e.to_string()))?)
                .stderr(out)
                .status()
                .map_err(|e| Error::runtime(format!("cannot run {}: {e}", launch.java.display())))?;
            let made = scratch.join("bootstrap.checkpoint");
            if !status.success() || !made.is_file() {
                return Err(Error::runtime(format!(
                    "formatting Kafka's storage failed; its log: {}",
                    log.display()
                )));
            }
            // Another eddy may be doing the same: whole files only, by rename.
            if let Some(dir) = template.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let partial = template.with_extension(format!("{}.partial", std::process::id()));
            if std::fs::copy(&made, &partial).is_ok() {
                let _ = std::fs::rename(&partial, &template);
            }
            for n in &self.recorded.nodes {
                copy_checkpoint(&made, n)?;
            }
        } else {
            for n in &self.recorded.nodes {
                copy_checkpoint(&template, n)?;
            }
        }
        let cluster_id = random_id();
        for n in &self.recorded.nodes {
            let meta = config::meta_properties(n.id, &cluster_id, &random_id());
            std::fs::write(n.data().join("meta.properties"), meta).map_err(|e| Error::runtime(e.to_string()))?;
        }
        Ok(())
    }

    pub fn endpoints(&self) -> &Endpoints {
        &self.recorded.endpoints
    }

    pub fn state_dir(&self) -> &Path {
        &self.state
    }

    pub fn version(&self) -> &str {
        &self.recorded.version
    }

    /// Where Kafka and Java came from, in words.
    pub fn found(&self) -> &str {
        &self.found
    }

    pub fn recorded(&self) -> &Recorded {
        &self.recorded
    }

    /// Reaps the JVMs of this process that ended (killed by a fault, say), so that none
    /// lingers as a zombie that `/proc` would still list.
    pub fn reap(&mut self) {
        self.children.retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_))));
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // The data is thrown away: no controlled shutdown to wait for.
        for n in &self.recorded.nodes {
            n.signal(libc::SIGKILL);
        }
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
        for n in &self.recorded.nodes {
            n.kill();
        }
        if !self.keep_state {
            let _ = std::fs::remove_dir_all(&self.state);
        }
    }
}

/// What a second Ctrl-C runs before eddy exits at once, skipping `Drop`: the same end,
/// without a wait for anything but the JVMs' deaths (a JVM still writing its logs would
/// leave the directory half deleted). The nodes are read back from `cluster.json`,
/// which is written before the first JVM starts.
fn last_word(state: PathBuf) -> impl Fn() + Send + Sync + 'static {
    move || {
        if let Ok(recorded) = Recorded::load(&state) {
            for n in &recorded.nodes {
                n.kill();
            }
        }
        let _ = std::fs::remove_dir_all(&state);
    }
}

fn copy_checkpoint(from: &Path, node: &Node) -> Result<()> {
    std::fs::copy(from, node.data().join("bootstrap.checkpoint"))
        .map(|_| ())
        .map_err(|e| Error::runtime(format!("cannot copy {} for node {}: {e}", from.display(), node.id)))
}

/// A Kafka `Uuid` in its base64url text: 16 random bytes, not starting with `-` (a tool
/// would read it as an option).
fn random_id() -> String {
    use base64::Engine as _;
    let mut rng = Rng::new(Rng::fresh_seed() ^ u64::from(std::process::id()));
    loop {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
        let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if !id.starts_with('-') {
            return id;
        }
    }
}

/// A new state directory of this cluster alone, under `TMPDIR`.
fn make_state_dir(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt as _;
    let base = env("TMPDIR")
        .filter(|s| !s.is_empty())
        .map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
    let mut rng = Rng::new(Rng::fresh_seed());
    for _ in 0..100 {
        let dir = base.join(format!("eddy-dev-{}-{:06}", std::process::id(), rng.below(1_000_000)));
        match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::runtime(format!("cannot create {}: {e}", dir.display()))),
        }
    }
    Err(Error::runtime(format!(
        "cannot create a state directory in {}",
        base.display()
    )))
}

/// Every node's ports: from `--port` on, or free ones the system picks.
fn ports(options: &Options) -> Result<Vec<config::Ports>> {
    let ports: Vec<config::Ports> = match options.port {
        Some(base) => (0..options.nodes)
            .map(|i| config::Ports::from_base(base, i))
            .collect::<Option<_>>()
            .ok_or_else(|| Error::usage(format!("--port {base}: the ports of every node must be below 65536")))?,
        None => {
            // Held until all are picked, so that no two are the same.
            let listeners: Vec<std::net::TcpListener> = (0..options.nodes * 4)
                .map(|_| std::net::TcpListener::bind((config::HOST, 0)))
                .collect::<std::io::Result<_>>()
                .map_err(|e| Error::runtime(format!("cannot find free ports on {}: {e}", config::HOST)))?;
            let free: Vec<u16> = listeners
                .iter()
                .map(|l| l.local_addr().map(|a| a.port()).unwrap_or(0))
                .collect();
            free.chunks(4)
                .map(|p| config::Ports {
                    plaintext: p[0],
                    controller: p[1],
                    scram: p[2],
                    tls: p[3],
                })
                .collect()
        }
    };
    for p in ports.iter().flat_map(|p| p.all()) {
        if std::net::TcpListener::bind((config::HOST, p)).is_err() {
            return Err(Error::runtime(format!(
                "port {p} on {} is in use (leave --port out for free ports)",
                config::HOST
            )));
        }
    }
    Ok(ports)
}

/// What `eddy dev kill|pause|resume|restart NODE` does to a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// SIGKILL: the node is down until a restart.
    Kill,
    /// SIGSTOP: the node hangs, its connections open and unanswered.
    Pause,
    /// SIGCONT after a pause.
    Resume,
    /// A controlled shutdown (SIGTERM) if it runs, then a start; returns once it has
    /// started again.
    Restart,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Kill => "kill",
            Action::Pause => "pause",
            Action::Resume => "resume",
            Action::Restart => "restart",
        }
    }
}

/// The longest a controlled shutdown may take before the node is killed.
pub const STOP_GRACE: Duration = Duration::from_secs(30);

/// Does `action` to node `node` of the cluster recorded in `state`; returns what was
/// done, in words. `tied`: a restarted JVM dies with the calling thread (see
/// `Node::spawn`); an `eddy dev restart` from a script leaves it to the cluster's eddy.
/// `stop` ends the wait for a restart early.
pub fn act(
    recorded: &Recorded,
    node: &Node,
    action: Action,
    tied: bool,
    stop: &dyn Fn() -> bool,
) -> Result<(String, Option<Child>)> {
    let health = node.health();
    let id = node.id;
    match (action, health) {
        (Action::Kill, Health::Down) => Err(Error::runtime(format!("node {id} is not running"))),
        (Action::Kill, _) => {
            node.kill();
            Ok((format!("node {id} killed (SIGKILL)"), None))
        }
        (Action::Pause, Health::Running(pid)) => {
            // SAFETY: a signal to the node's JVM, checked by health().
            unsafe { libc::kill(pid, libc::SIGSTOP) };
            Ok((format!("node {id} paused (SIGSTOP)"), None))
        }
        (Action::Pause, Health::Paused(_)) => Ok((format!("node {id} is paused already"), None)),
        (Action::Resume, Health::Paused(pid)) => {
            // SAFETY: as above.
            unsafe { libc::kill(pid, libc::SIGCONT) };
            Ok((format!("node {id} resumed (SIGCONT)"), None))
        }
        (Action::Resume, Health::Running(_)) => Ok((format!("node {id} is running already"), None)),
        (Action::Pause | Action::Resume, Health::Down) => Err(Error::runtime(format!(
            "node {id} is not running (eddy dev restart {id} starts it)"
        ))),
        (Action::Restart, _) => {
            let started = Instant::now();
            node.stop(STOP_GRACE);
            let offset = node.log_len();
            let child = node.spawn(&recorded.launch, tied)?;
            node.await_start(offset, START_WITHIN, stop)?;
            Ok((
                format!("node {id} restarted in {:.1} s", started.elapsed().as_secs_f64()),
                Some(child),
            ))
        }
    }
}
