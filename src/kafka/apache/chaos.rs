//! `eddy dev --kafka --nodes 3 --chaos`: real broker faults on a seeded schedule — a node
//! killed with SIGKILL and started again, a node stopped with SIGSTOP (a hung broker:
//! connections open, nothing answered) and continued, and a rolling restart of every
//! node (a controlled shutdown and a start, one after another). Each is logged on stderr
//! with its time.
//!
//! At most one node is ever down or hung: a fault starts only when every node runs and
//! every partition has all its replicas in sync again, so with replication factor 3 and
//! `min.insync.replicas=2` no acknowledged write can be lost and none refused for long.
//! The seed fixes which faults, on which nodes, for how long and how far apart; when they
//! happen also depends on how quickly the cluster heals.
//!
//! It runs on a thread of its own, since a restart takes seconds; the JVMs it starts are
//! tied to that thread, which lives until the cluster is stopped.

use std::process::Child;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::config::Settings;
use crate::kafka::admin::Admin;
use crate::kafka::apache::{Action, Recorded, act, node::Health};
use crate::random::Rng;
use crate::times::{format_rfc3339, now_ms};

/// Uniform in `lo..=hi`, from eddy's one seeded generator.
fn between(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    lo + rng.below(hi - lo + 1)
}

/// One fault of the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// SIGKILL node `node`, start it again after `down_ms`.
    Kill { node: usize, down_ms: u64 },
    /// SIGSTOP node `node`, SIGCONT after `for_ms`.
    Pause { node: usize, for_ms: u64 },
    /// Restart every node in turn, each once the cluster is whole again.
    RollingRestart,
}

/// The schedule of a seed: what comes after how many quiet milliseconds. Pure, so that a
/// test holds a seed to its sequence.
pub fn schedule(seed: u64, nodes: usize) -> impl Iterator<Item = (u64, Fault)> {
    let mut rng = Rng::new(seed);
    std::iter::from_fn(move || {
        let quiet = between(&mut rng, 3_000, 10_000);
        let node = between(&mut rng, 1, nodes as u64) as usize;
        let fault = match between(&mut rng, 0, 9) {
            0..=3 => Fault::Kill {
                node,
                down_ms: between(&mut rng, 1_000, 8_000),
            },
            4..=7 => Fault::Pause {
                node,
                // Past the broker session timeout (9 s) the controller fences the node
                // and moves its leaders; below it, clients just wait.
                for_ms: between(&mut rng, 2_000, 14_000),
            },
            _ => Fault::RollingRestart,
        };
        Some((quiet, fault))
    })
}

/// The running fault thread.
pub struct Chaos {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Chaos {
    /// Starts the faults of `seed` on the cluster `recorded` describes; `settings` are
    /// the user's, for the health checks' client.
    pub fn start(recorded: Recorded, settings: &Settings, seed: u64) -> Chaos {
        let stop = Arc::new(AtomicBool::new(false));
        let mut local = settings.clone();
        local.brokers = recorded.endpoints.plaintext.clone();
        local.properties.clear();
        local.timeout = Duration::from_secs(3);
        let flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name("chaos".into())
            .spawn(move || Faults::new(recorded, local, flag).run(seed))
            .ok();
        Chaos { stop, thread }
    }
}

impl Drop for Chaos {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Faults {
    recorded: Recorded,
    settings: Settings,
    stop: Arc<AtomicBool>,
    children: Vec<Child>,
}

fn log(what: &str) {
    eprintln!("chaos: {} {what}", format_rfc3339(now_ms()));
}

impl Faults {
    fn new(recorded: Recorded, settings: Settings, stop: Arc<AtomicBool>) -> Faults {
        Faults {
            recorded,
            settings,
            stop,
            children: Vec::new(),
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Sleeps `ms`, or less when asked to stop; false then.
    fn sleep(&mut self, ms: u64) -> bool {
        let until = Instant::now() + Duration::from_millis(ms);
        while Instant::now() < until {
            if self.stopped() {
                return false;
            }
            self.children.retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_))));
            std::thread::sleep(Duration::from_millis(50));
        }
        !self.stopped()
    }

    fn run(mut self, seed: u64) {
        let nodes = self.recorded.nodes.len();
        for (quiet, fault) in schedule(seed, nodes) {
            if !self.whole() || !self.sleep(quiet) {
                return;
            }
            match fault {
                Fault::Kill { node, down_ms } => {
                    log(&format!(
                        "node {node}: SIGKILL; started again in {:.1} s",
                        down_ms as f64 / 1000.0
                    ));
                    self.act(node, Action::Kill);
                    if !self.sleep(down_ms) {
                        return;
                    }
                    self.restart(node);
                }
                Fault::Pause { node, for_ms } => {
                    log(&format!("node {node}: SIGSTOP for {:.1} s", for_ms as f64 / 1000.0));
                    self.act(node, Action::Pause);
                    let slept = self.sleep(for_ms);
                    self.act(node, Action::Resume);
                    log(&format!("node {node}: SIGCONT"));
                    if !slept {
                        return;
                    }
                }
                Fault::RollingRestart => {
                    log(&format!("rolling restart of nodes 1 to {nodes}"));
                    for node in 1..=nodes {
                        if (node > 1 && !self.whole()) || self.stopped() {
                            return;
                        }
                        log(&format!("node {node}: controlled shutdown (SIGTERM) and start"));
                        self.restart(node);
                    }
                    log("rolling restart done");
                }
            }
        }
    }

    fn act(&mut self, id: usize, action: Action) {
        let Some(node) = self.recorded.node(id).cloned() else {
            return;
        };
        let stop = self.stop.clone();
        match act(&self.recorded, &node, action, true, &move || {
            stop.load(Ordering::SeqCst)
        }) {
            Ok((_, child)) => self.children.extend(child),
            Err(e) if !self.stopped() => log(&format!("node {id}: {action:?} failed: {e}", action = action.name())),
            Err(_) => {}
        }
    }

    fn restart(&mut self, node: usize) {
        let started = Instant::now();
        self.act(node, Action::Restart);
        if !self.stopped() {
            log(&format!(
                "node {node}: started again ({:.1} s)",
                started.elapsed().as_secs_f64()
            ));
        }
    }

    /// Waits until every node runs and every partition has all its replicas in sync;
    /// false when asked to stop first. Says so when that takes long.
    fn whole(&mut self) -> bool {
        let since = Instant::now();
        let mut said = false;
        let settings = self.settings.clone();
        let admin = Admin::new(&settings).ok();
        loop {
            if self.stopped() {
                return false;
            }
            let running = self
                .recorded
                .nodes
                .iter()
                .all(|n| matches!(n.health(), Health::Running(_)));
            let in_sync = running
                && admin.as_ref().is_some_and(|a| {
                    a.metadata(None, "chaos").is_ok_and(|md| {
                        md.brokers.len() == self.recorded.nodes.len()
                            && md
                                .topics
                                .iter()
                                .flat_map(|t| &t.partitions)
                                .all(|p| p.isr.len() == p.replicas.len())
                    })
                });
            if in_sync {
                if said {
                    log("every replica is in sync again");
                }
                return true;
            }
            if !said && since.elapsed() > Duration::from_secs(30) {
                log("waiting for every replica to be in sync before the next fault");
                said = true;
            }
            if !self.sleep(500) {
                return false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_2_begins_with_a_kill_then_a_pause() {
        // tests/cli/faults.rs runs --chaos-seed 2 and looks for both in the log.
        let first: Vec<_> = schedule(2, 3).take(2).collect();
        assert_eq!(
            first,
            [
                (3879, Fault::Kill { node: 3, down_ms: 4407 }),
                (4110, Fault::Pause { node: 1, for_ms: 4314 })
            ]
        );
    }

    #[test]
    fn a_seed_gives_the_same_faults_and_every_kind_comes() {
        let a: Vec<_> = schedule(7, 3).take(40).collect();
        let b: Vec<_> = schedule(7, 3).take(40).collect();
        assert_eq!(a, b);
        assert_ne!(a, schedule(8, 3).take(40).collect::<Vec<_>>());
        assert!(a.iter().any(|(_, f)| matches!(f, Fault::Kill { .. })));
        assert!(a.iter().any(|(_, f)| matches!(f, Fault::Pause { .. })));
        assert!(a.iter().any(|(_, f)| matches!(f, Fault::RollingRestart)));
        for (quiet, f) in &a {
            assert!((3_000..=10_000).contains(quiet));
            if let Fault::Kill { node, .. } | Fault::Pause { node, .. } = f {
                assert!((1..=3).contains(node), "{f:?}");
            }
        }
    }
}
