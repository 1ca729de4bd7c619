//! `eddy dev`: an embedded Kafka-protocol cluster (librdkafka's mock cluster) on
//! loopback, so that every example and test runs with nothing installed. With a command
//! after `--`, it runs that command with `EDDY_BROKERS` set and passes its exit code on.
//! With `--registry`, a schema registry too (`registry_server.rs`), as `EDDY_REGISTRY_URL`.

use std::process::Command;
use std::time::Duration;

use crate::cli::DevArgs;
use crate::config::Settings;
use crate::error::{Error, Outcome, Result, Signal};
use crate::interrupt;
use crate::kafka::chaos::Chaos;
use crate::kafka::mock::DevCluster;
use crate::times::now_ms;

mod kafka;

/// Parses `NAME[:PARTITIONS]`.
fn parse_topic(spec: &str, default_partitions: i32) -> Result<(String, i32)> {
    let (name, partitions) = match spec.rsplit_once(':') {
        Some((n, p)) => {
            let p: i32 = p.parse().ok().filter(|p| *p > 0).ok_or_else(|| {
                Error::usage(format!("--topic {spec}: the partition count must be a positive number"))
            })?;
            (n, p)
        }
        None => (spec, default_partitions),
    };
    if name.is_empty() || name.len() > 249 || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)) {
        return Err(Error::usage(format!(
            "--topic {spec}: a topic name is 1 to 249 of the characters a-z A-Z 0-9 . _ -"
        )));
    }
    Ok((name.to_string(), partitions))
}

/// What the dev cluster is to be, checked before it starts.
#[derive(Debug, PartialEq, Eq)]
struct Plan {
    /// Each `--topic`, with its partition count.
    topics: Vec<(String, i32)>,
}

impl Plan {
    /// Pure: no cluster, no child.
    fn from_args(args: &DevArgs) -> Result<Plan> {
        if !(1..=64).contains(&args.nodes) {
            return Err(Error::usage(format!(
                "--nodes {}: must be between 1 and 64",
                args.nodes
            )));
        }
        if args.partitions < 1 {
            return Err(Error::usage(format!(
                "--partitions {}: must be at least 1",
                args.partitions
            )));
        }
        let topics = args
            .topics
            .iter()
            .map(|t| parse_topic(t, args.partitions))
            .collect::<Result<Vec<_>>>()?;
        Ok(Plan { topics })
    }
}

/// `eddy dev`: the `--kafka` cluster or the node actions elsewhere; here the mock
/// cluster with its topics, registry and chaos, then `serve` or `run_command`.
pub fn run(settings: &Settings, args: &DevArgs) -> Result<Outcome> {
    if let Some(action) = args.action {
        return kafka::act(settings, action);
    }
    if args.kafka {
        return kafka::run(settings, args);
    }
    let Plan { topics } = Plan::from_args(args)?;
    let cluster = DevCluster::start(args.nodes)?;
    let replication = args.nodes.min(3);
    for (name, partitions) in &topics {
        cluster.create_topic(name, *partitions, replication)?;
    }
    let brokers = cluster.bootstrap_servers();
    // `--registry` without a URL: a schema registry of its own, beside the cluster.
    let registry = if settings.registry_bare {
        Some(
            crate::registry_server::RegistryServer::start()
                .map_err(|e| Error::runtime(format!("cannot start the dev schema registry: {e}")))?,
        )
    } else {
        None
    };
    let registry_url = registry.as_ref().map(|r| r.url());
    if settings.verbose {
        eprintln!("eddy dev: {} node(s) at {brokers}", args.nodes);
    }
    let chaos = if args.chaos {
        let seed = args.chaos_seed.unwrap_or_else(|| now_ms() as u64);
        eprintln!("chaos: seed {seed}");
        Some(Chaos::new(settings, &brokers, args.nodes, seed).ok_or_else(|| Error::runtime("cannot start --chaos"))?)
    } else {
        None
    };

    let registry_url = registry_url.as_deref();
    if args.command.is_empty() {
        serve(settings, &cluster, &brokers, registry_url, chaos)
    } else {
        run_command(args, &cluster, &brokers, registry_url, chaos)
    }
}

/// No command: prints the cluster's environment and keeps it up (with chaos ticking)
/// until Ctrl-C.
fn serve(
    settings: &Settings,
    cluster: &DevCluster,
    brokers: &str,
    registry_url: Option<&str>,
    mut chaos: Option<Chaos>,
) -> Result<Outcome> {
    crate::output::text(&format!("EDDY_BROKERS={brokers}\n"));
    if let Some(url) = &registry_url {
        crate::output::text(&format!("EDDY_REGISTRY_URL={url}\n"));
    }
    if !settings.quiet {
        eprintln!("eddy dev: cluster running; Ctrl-C stops it");
    }
    loop {
        if let Some(s) = interrupt::requested() {
            return Ok(Outcome::Interrupted(s));
        }
        if let Some(c) = chaos.as_mut() {
            c.tick(cluster);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the command with the cluster's environment, passing a SIGTERM on, until it
/// exits; its exit code is eddy's.
fn run_command(
    args: &DevArgs,
    cluster: &DevCluster,
    brokers: &str,
    registry_url: Option<&str>,
    mut chaos: Option<Chaos>,
) -> Result<Outcome> {
    let mut command = Command::new(&args.command[0]);
    command
        .args(&args.command[1..])
        .env("EDDY_BROKERS", brokers)
        // `eddy dev kill NODE` in the command is to say the mock has no nodes to kill,
        // not to act on some other cluster's.
        .env_remove("EDDY_DEV_STATE");
    if let Some(url) = &registry_url {
        command.env("EDDY_REGISTRY_URL", url);
    }
    supervise(&mut command, &args.command[0], || {
        if let Some(c) = chaos.as_mut() {
            c.tick(cluster);
        }
    })
}

/// Runs `command` (named `name` in messages) to its end and passes its exit code on
/// (127: not found, 126: not runnable, 128 + N: killed by signal N), calling `tick`
/// every 20 ms meanwhile. A terminal's Ctrl-C reaches the whole process group; a SIGTERM
/// sent to eddy alone is passed on, so the command can shut down before the cluster goes.
/// Shared by the mock and `--kafka`.
fn supervise(command: &mut Command, name: &str, mut tick: impl FnMut()) -> Result<Outcome> {
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("eddy: cannot run {name}: {e}");
            return Ok(Outcome::Child(if e.kind() == std::io::ErrorKind::NotFound {
                127
            } else {
                126
            }));
        }
    };
    let mut forwarded = false;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                use std::os::unix::process::ExitStatusExt as _;
                let code = status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
                return Ok(Outcome::Child(code));
            }
            Ok(None) => {}
            Err(e) => return Err(Error::runtime(format!("waiting for {name}: {e}"))),
        }
        if !forwarded {
            if let Some(s) = interrupt::requested() {
                let sig = if s == Signal::Terminate {
                    libc::SIGTERM
                } else {
                    libc::SIGINT
                };
                // SAFETY: sending a signal to our own child's pid.
                unsafe { libc::kill(child.id() as i32, sig) };
                forwarded = true;
            }
        }
        tick();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(args: &[&str]) -> Result<Plan> {
        use clap::Parser as _;
        let cli = crate::cli::Cli::try_parse_from(["eddy", "dev"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Dev(a) => Plan::from_args(&a),
            _ => unreachable!("a dev command"),
        }
    }

    #[test]
    fn the_plan_checks_nodes_partitions_and_topics() {
        let p = plan(&["--partitions", "2", "--topic", "a", "--topic", "b:5"]).expect("plan");
        assert_eq!(p.topics, [("a".to_string(), 2), ("b".to_string(), 5)]);
        for (args, expected) in [
            (&["--nodes", "0"][..], "--nodes 0: must be between 1 and 64"),
            (&["--nodes", "65"][..], "--nodes 65: must be between 1 and 64"),
            (&["--partitions", "0"][..], "--partitions 0: must be at least 1"),
            (&["--topic", "a b"][..], "--topic a b: a topic name is"),
        ] {
            let e = plan(args).expect_err("refused").to_string();
            assert!(e.contains(expected), "{args:?}: {e}");
        }
    }

    #[test]
    fn topic_specs() {
        assert_eq!(parse_topic("orders", 4).ok(), Some(("orders".to_string(), 4)));
        assert_eq!(parse_topic("orders:32", 4).ok(), Some(("orders".to_string(), 32)));
        assert!(parse_topic("orders:0", 4).is_err());
        assert!(parse_topic("orders:x", 4).is_err());
        assert!(parse_topic(":3", 4).is_err());
        assert!(parse_topic("a b", 4).is_err());
    }
}
