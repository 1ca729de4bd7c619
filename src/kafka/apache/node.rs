//! One Kafka node: a JVM running `kafka.Kafka` on its own `server.properties`, and the
//! files in its directory of the state dir that let any eddy find it again — `pid`,
//! `server.properties`, `logs/server.log` (Kafka's log) and `logs/kafka.out` (the JVM's
//! own stdout and stderr). A pid counts as the node only while `/proc` shows a process
//! (not a zombie) whose command line names this node's config: a pid file can outlive
//! its process, and pids are reused.

use std::io::{Read as _, Seek as _};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::kafka::apache::config::{HOST, Ports};

/// How every node's JVM is started (kept in the state dir, so that `eddy dev restart`
/// starts a node exactly as `eddy dev --kafka` did).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Launch {
    pub java: PathBuf,
    /// JVM options: heap, collector, log4j config.
    pub options: Vec<String>,
    pub classpath: String,
}

/// What Kafka logs once the controller and the broker of a node have started (the
/// broker after it was unfenced).
const STARTED: &str = "Kafka Server started";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Node {
    /// The node id (`node.id`), as `eddy cluster` shows it.
    pub id: usize,
    pub dir: PathBuf,
    pub ports: Ports,
}

/// What a node is doing, as `/proc` tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Running(i32),
    /// Stopped by SIGSTOP (`eddy dev pause`).
    Paused(i32),
    Down,
}

impl Node {
    pub fn props(&self) -> PathBuf {
        self.dir.join("server.properties")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    pub fn logs(&self) -> PathBuf {
        self.dir.join("logs")
    }

    /// Kafka's own log of this node: what a failed start is explained by.
    pub fn log(&self) -> PathBuf {
        self.logs().join("server.log")
    }

    fn pid_file(&self) -> PathBuf {
        self.dir.join("pid")
    }

    pub fn health(&self) -> Health {
        let Some(pid) = std::fs::read_to_string(self.pid_file())
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok())
        else {
            return Health::Down;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let props = self.props();
        let ours = cmdline
            .split(|b| *b == 0)
            .any(|arg| Path::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(arg)) == props);
        if !ours {
            return Health::Down;
        }
        // The state is the field after the command name, which is in parentheses.
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        match stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
        {
            Some("T" | "t") => Health::Paused(pid),
            Some("Z" | "X") | None => Health::Down,
            Some(_) => Health::Running(pid),
        }
    }

    pub fn pid(&self) -> Option<i32> {
        match self.health() {
            Health::Running(pid) | Health::Paused(pid) => Some(pid),
            Health::Down => None,
        }
    }

    /// Starts the node's JVM in a session of its own (a terminal's Ctrl-C is eddy's to
    /// pass on, after the command it runs). `tied`: the JVM is killed when the thread
    /// that started it ends, so that an eddy killed outright leaves no broker behind.
    pub fn spawn(&self, launch: &Launch, tied: bool) -> Result<Child> {
        std::fs::create_dir_all(self.logs()).map_err(|e| self.failed(e))?;
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.logs().join("kafka.out"))
            .map_err(|e| self.failed(e))?;
        let mut cmd = Command::new(&launch.java);
        cmd.args(&launch.options)
            .arg(format!("-Dkafka.logs.dir={}", self.logs().display()))
            .arg("-cp")
            .arg(&launch.classpath)
            .arg("kafka.Kafka")
            .arg(self.props())
            .stdin(Stdio::null())
            .stdout(out.try_clone().map_err(|e| self.failed(e))?)
            .stderr(out);
        // SAFETY: setsid and prctl are async-signal-safe and touch only the new process.
        unsafe {
            cmd.pre_exec(move || {
                libc::setsid();
                if tied {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                }
                Ok(())
            });
        }
        let child = cmd.spawn().map_err(|e| {
            Error::runtime(format!(
                "cannot start node {} ({}): {e}",
                self.id,
                launch.java.display()
            ))
        })?;
        std::fs::write(self.pid_file(), format!("{}\n", child.id())).map_err(|e| self.failed(e))?;
        Ok(child)
    }

    fn failed(&self, e: std::io::Error) -> Error {
        Error::runtime(format!("node {}: {}: {e}", self.id, self.dir.display()))
    }

    /// Sends `signal` to the node's JVM; false when it is not running.
    pub fn signal(&self, signal: i32) -> bool {
        match self.pid() {
            // SAFETY: a signal to a process we checked is this node's JVM.
            Some(pid) => unsafe { libc::kill(pid, signal) == 0 },
            None => false,
        }
    }

    /// How long Kafka's log is now: where to look for the next start's line.
    pub fn log_len(&self) -> u64 {
        std::fs::metadata(self.log()).map_or(0, |m| m.len())
    }

    /// Whether the node logged that it started after `offset` of its log (from 0 when the
    /// log rolled over since) and takes connections.
    pub fn started_since(&self, offset: u64) -> bool {
        let Ok(mut file) = std::fs::File::open(self.log()) else {
            return false;
        };
        let len = file.metadata().map_or(0, |m| m.len());
        let from = if len < offset { 0 } else { offset };
        let mut text = String::new();
        if file.seek(std::io::SeekFrom::Start(from)).is_err() || file.read_to_string(&mut text).is_err() {
            return false;
        }
        text.contains(STARTED) && self.accepts(self.ports.plaintext)
    }

    fn accepts(&self, port: u16) -> bool {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
    }

    /// Waits until the node started after `offset` of its log; the error names the log.
    /// `stop` ends the wait early (a Ctrl-C).
    pub fn await_start(&self, offset: u64, within: Duration, stop: &dyn Fn() -> bool) -> Result<()> {
        let deadline = Instant::now() + within;
        loop {
            if self.started_since(offset) {
                return Ok(());
            }
            if stop() {
                return Err(Error::runtime(format!("node {}: start-up interrupted", self.id)));
            }
            if self.health() == Health::Down {
                return Err(Error::runtime(format!(
                    "Apache Kafka node {} exited during start-up; its log: {}",
                    self.id,
                    self.explaining_log().display()
                )));
            }
            if Instant::now() >= deadline {
                return Err(Error::runtime(format!(
                    "Apache Kafka node {} did not start within {}; its log: {}",
                    self.id,
                    humantime::format_duration(within),
                    self.explaining_log().display()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The log that says why a start failed: Kafka's, or the JVM's own output when
    /// Kafka never got to log (a bad JVM option, a class missing).
    fn explaining_log(&self) -> PathBuf {
        if self.log_len() > 0 {
            self.log()
        } else {
            self.logs().join("kafka.out")
        }
    }

    /// Stops the node: SIGTERM (Kafka's controlled shutdown hands its partitions over
    /// first), SIGKILL when that takes longer than `grace`; waits until it is gone.
    pub fn stop(&self, grace: Duration) {
        if let Health::Paused(_) = self.health() {
            self.signal(libc::SIGCONT);
        }
        if !self.signal(libc::SIGTERM) {
            return;
        }
        let deadline = Instant::now() + grace;
        while self.pid().is_some() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill();
    }

    /// SIGKILL, and waits (briefly) until the process is gone.
    pub fn kill(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.signal(libc::SIGKILL) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `host:port` of every node's listener `pick`, comma-separated.
pub fn bootstrap(nodes: &[Node], pick: impl Fn(&Ports) -> u16) -> String {
    nodes
        .iter()
        .map(|n| format!("{HOST}:{}", pick(&n.ports)))
        .collect::<Vec<_>>()
        .join(",")
}
