//! `eddy dev --kafka`: the same surface as the mock — `--topic`, `--partitions`, the
//! `EDDY_BROKERS=` line, `-- COMMAND` with its exit code passed on, Ctrl-C stops and
//! deletes everything — on a real Apache Kafka cluster (`kafka::apache`), with its SCRAM
//! and TLS listeners, `EDDY_DEV_STATE`, and real faults (`--chaos`); and `eddy dev
//! kill|pause|resume|restart NODE`, which act on the nodes of such a cluster from
//! another process (a test script, say).

use std::process::Command;
use std::time::{Duration, Instant};

use super::Plan;
use crate::cli::{DevAction, DevArgs};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result, Signal};
use crate::interrupt;
use crate::kafka::admin::Admin;
use crate::kafka::apache::chaos::Chaos;
use crate::kafka::apache::{self, Action, Cluster, Options, Recorded};
use crate::random::Rng;

fn checked(args: &DevArgs) -> Result<(Plan, usize)> {
    let plan = Plan::from_args(args)?;
    let nodes = match args.nodes {
        1 => 1,
        3 => 3,
        n => {
            return Err(Error::usage(format!(
                "--nodes {n}: eddy dev --kafka runs 1 node or 3 (a quorum that outlives one node)"
            )));
        }
    };
    if args.chaos && nodes != 3 {
        return Err(Error::usage(
            "--chaos: with --kafka it needs --nodes 3 (it takes one node down at a time, and one node \
             down of one is no cluster)",
        ));
    }
    if args.port == Some(0) {
        return Err(Error::usage("--port 0: leave --port out for free ports"));
    }
    Ok((plan, nodes))
}

/// The client settings for the cluster itself: its plaintext listener, none of the
/// user's -X (they are for the user's own cluster), time enough for a fresh cluster.
fn local_settings(settings: &Settings, brokers: &str) -> Settings {
    let mut local = settings.clone();
    local.brokers = brokers.to_string();
    local.properties.clear();
    local.timeout = local.timeout.max(Duration::from_secs(30));
    local
}

/// Waits until each node's metadata lists every broker. A node logs that it started
/// once it is itself unfenced, and may not yet have heard of the others: a client that
/// bootstrapped from it would see a smaller cluster than there is.
fn every_node_knows_every_broker(settings: &Settings, cluster: &Cluster) -> Result<()> {
    let nodes = &cluster.recorded().nodes;
    let deadline = Instant::now() + Duration::from_secs(60);
    for n in nodes {
        let local = local_settings(settings, &format!("127.0.0.1:{}", n.ports.plaintext));
        let admin = Admin::new(&local)?;
        while admin.metadata(None, "dev")?.brokers.len() < nodes.len() {
            if Instant::now() > deadline {
                return Err(Error::runtime(format!(
                    "node {} does not see all {} brokers after 60 s; its log: {}",
                    n.id,
                    nodes.len(),
                    n.log().display()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

/// `eddy dev --kafka`: starts the real cluster and its topics, prints or exports its
/// endpoints, then keeps it up until Ctrl-C or runs the command on it.
pub(super) fn run(settings: &Settings, args: &DevArgs) -> Result<Outcome> {
    let (Plan { topics }, nodes) = checked(args)?;
    let started = Instant::now();
    let env = |k: &str| std::env::var(k).ok();
    let say = |line: &str| {
        if !settings.quiet {
            eprintln!("eddy dev: {line}");
        }
    };
    let stop = || interrupt::requested().is_some();
    let options = Options {
        nodes,
        port: args.port,
        partitions: args.partitions,
    };
    let cluster = match Cluster::start(&options, &env, &say, &stop) {
        Ok(c) => c,
        Err(_) if stop() => {
            return Ok(Outcome::Interrupted(
                interrupt::requested().unwrap_or(Signal::Interrupt),
            ));
        }
        Err(e) => return Err(e.within("dev")),
    };
    let mut cluster = cluster;
    if settings.verbose {
        eprintln!(
            "eddy dev: {}; state in {}",
            cluster.found(),
            cluster.state_dir().display()
        );
    }
    let endpoints = cluster.endpoints().clone();
    every_node_knows_every_broker(settings, &cluster).map_err(|e| e.within("dev"))?;
    if !topics.is_empty() {
        create_topics(settings, &endpoints.plaintext, &topics, nodes)?;
    }
    say(&format!(
        "Apache Kafka {}, {nodes} node{}, up in {:.1} s",
        cluster.version(),
        if nodes == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64()
    ));
    let state = cluster.state_dir().display().to_string();
    let mut lines = vec![
        ("EDDY_BROKERS", endpoints.plaintext.clone()),
        ("EDDY_SCRAM_BROKERS", endpoints.scram.clone()),
    ];
    if let (Some(tls), Some(ca)) = (&endpoints.tls, &endpoints.ca) {
        lines.push(("EDDY_TLS_BROKERS", tls.clone()));
        lines.push(("EDDY_TLS_CA", ca.display().to_string()));
    }
    // `--registry` without a URL: a schema registry beside the cluster, as with the mock.
    let registry = match settings.registry_bare {
        true => Some(
            crate::registry_server::RegistryServer::start()
                .map_err(|e| Error::runtime(format!("cannot start the dev schema registry: {e}")))?,
        ),
        false => None,
    };
    if let Some(r) = &registry {
        lines.push(("EDDY_REGISTRY_URL", r.url()));
    }
    lines.push(("EDDY_DEV_STATE", state));
    // Declared after the cluster, so dropped before it: the faults stop first.
    let _chaos = args.chaos.then(|| {
        let seed = args.chaos_seed.unwrap_or_else(Rng::fresh_seed);
        eprintln!("chaos: seed {seed}");
        Chaos::start(cluster.recorded().clone(), settings, seed)
    });

    if args.command.is_empty() {
        let text: String = lines.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        crate::output::text(&text);
        say("cluster running; Ctrl-C stops it");
        loop {
            if let Some(s) = interrupt::requested() {
                return Ok(Outcome::Interrupted(s));
            }
            cluster.reap();
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    run_command(args, &mut cluster, &lines)
}

/// Creates each `--topic` (replicated on every node) and waits until every partition
/// has a leader, so that the command starts on topics that are ready.
fn create_topics(settings: &Settings, brokers: &str, topics: &[(String, i32)], nodes: usize) -> Result<()> {
    let local = local_settings(settings, brokers);
    let admin = Admin::new(&local).map_err(|e| e.within("dev"))?;
    for (name, partitions) in topics {
        let since = Instant::now();
        admin
            .create_topic("dev: --topic", name, *partitions, Some(nodes as i32), &[])
            .map_err(|e| e.within("dev"))?;
        let led = |t: Option<&crate::kafka::admin::TopicInfo>| {
            t.is_some_and(|t| t.partitions.len() == *partitions as usize && t.partitions.iter().all(|p| p.leader >= 0))
        };
        if !admin.await_metadata("dev: --topic", name, since, led)? {
            return Err(Error::runtime(format!(
                "dev: --topic {name}: no leaders within {:?}",
                local.timeout
            )));
        }
    }
    Ok(())
}

/// Runs the command with the cluster's environment `lines`, passing a SIGTERM on and
/// reaping the nodes, until it exits; its exit code is eddy's.
fn run_command(args: &DevArgs, cluster: &mut Cluster, lines: &[(&str, String)]) -> Result<Outcome> {
    let mut command = Command::new(&args.command[0]);
    command.args(&args.command[1..]).envs(lines.iter().map(|(k, v)| (k, v)));
    super::supervise(&mut command, &args.command[0], || cluster.reap())
}

/// `eddy dev kill|pause|resume|restart NODE`, on the cluster `EDDY_DEV_STATE` names.
/// Without one, a usage error (exit 2): the command was run where there is no such
/// cluster — plain `eddy dev`'s mock has no node processes to act on.
pub(super) fn act(settings: &Settings, action: DevAction) -> Result<Outcome> {
    let (action, id) = match action {
        DevAction::Kill { node } => (Action::Kill, node),
        DevAction::Pause { node } => (Action::Pause, node),
        DevAction::Resume { node } => (Action::Resume, node),
        DevAction::Restart { node } => (Action::Restart, node),
    };
    let what = format!("dev {}", action.name());
    let Some(state) = std::env::var_os("EDDY_DEV_STATE").filter(|s| !s.is_empty()) else {
        return Err(Error::usage(format!(
            "{what}: EDDY_DEV_STATE is not set: {} acts on a node of `eddy dev --kafka`, which sets it \
             (the mock of `eddy dev` cannot: it has no node processes; its --chaos takes nodes down)",
            action.name()
        )));
    };
    let recorded = Recorded::load(std::path::Path::new(&state)).map_err(|e| e.within(&what))?;
    let node = usize::try_from(id)
        .ok()
        .and_then(|id| recorded.node(id))
        .ok_or_else(|| {
            Error::usage(format!(
                "{what}: there is no node {id}: the cluster has nodes 1 to {}",
                recorded.nodes.len()
            ))
        })?;
    let stop = || interrupt::requested().is_some();
    let (done, _child) = apache::act(&recorded, node, action, false, &stop).map_err(|e| e.within(&what))?;
    if !settings.quiet {
        eprintln!("eddy dev: {done}");
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> DevArgs {
        use clap::Parser as _;
        let cli = crate::cli::Cli::try_parse_from(["eddy", "dev"].iter().chain(a)).expect("parses");
        match cli.command {
            crate::cli::Command::Dev(a) => a,
            _ => unreachable!("a dev command"),
        }
    }

    #[test]
    fn kafka_runs_one_node_or_three_and_chaos_needs_three() {
        assert_eq!(checked(&args(&["--kafka"])).expect("1").1, 1);
        assert_eq!(checked(&args(&["--kafka", "--nodes", "3", "--chaos"])).expect("3").1, 3);
        for (a, says) in [
            (
                &["--kafka", "--nodes", "2"][..],
                "--nodes 2: eddy dev --kafka runs 1 node or 3",
            ),
            (&["--kafka", "--chaos"][..], "--chaos: with --kafka it needs --nodes 3"),
            (&["--kafka", "--port", "0"][..], "--port 0: leave --port out"),
            (
                &["--kafka", "--partitions", "0"][..],
                "--partitions 0: must be at least 1",
            ),
        ] {
            let e = checked(&args(a)).expect_err("refused");
            assert!(e.is_usage() && e.to_string().contains(says), "{a:?}: {e}");
        }
    }

    #[test]
    fn node_actions_parse_as_subcommands_and_commands_after_dashes_stay_commands() {
        assert!(matches!(args(&["kill", "2"]).action, Some(DevAction::Kill { node: 2 })));
        assert!(matches!(
            args(&["restart", "1"]).action,
            Some(DevAction::Restart { node: 1 })
        ));
        let a = args(&["--kafka", "--", "kill", "2"]);
        assert!(a.action.is_none());
        assert_eq!(a.command, ["kill", "2"]);
    }
}
