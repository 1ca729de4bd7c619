//! eddy's promises under real broker faults, on `eddy dev --kafka` clusters of three
//! nodes (replication factor 3, `min.insync.replicas=2`) and one: idempotent produce
//! while its partition's leader is killed and restarted, a group consumer through a
//! killed and a hung broker and its own restart, `gen --topic` through a rolling restart,
//! `pipe` killed and restarted while a broker dies (exactly once at the output),
//! every command against a hung broker, and `--chaos`' own log. Faults come one after
//! another, never two nodes down at once; the tests hold the machine one at a time
//! (`Cluster::one_cluster_at_a_time`). What each saw — sent, received, lost, doubled —
//! is written to stderr past the test harness's capture, for the CI log.
//!
//! The topic's contents are read by confluent-kafka (a client eddy's team did not write),
//! from the venv `support::python()` makes.

use std::io::Write as _;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Cluster, SLOW_PASS, numbered, python};

/// Reads a whole topic with confluent-kafka and tallies the `n` of each JSON value (or
/// each line's number): how many records, how many distinct, the largest.
const TALLY: &str = r#"
import json, sys, collections
from confluent_kafka import Consumer, TopicPartition, KafkaError, OFFSET_BEGINNING
brokers, topic = sys.argv[1], sys.argv[2]
c = Consumer({"bootstrap.servers": brokers, "group.id": "faults-tally", "enable.auto.commit": False,
              "enable.partition.eof": True, "isolation.level": "read_committed"})
parts = list(c.list_topics(topic, timeout=30).topics[topic].partitions)
c.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in parts])
seen, total, done = collections.Counter(), 0, set()
while len(done) < len(parts):
    m = c.poll(30)
    if m is None:
        sys.exit("no record and no end of partition for 30 s")
    if m.error():
        if m.error().code() == KafkaError._PARTITION_EOF:
            done.add(m.partition())
            continue
        sys.exit(str(m.error()))
    total += 1
    seen[json.loads(m.value())["n"]] += 1
c.close()
print(json.dumps({"records": total, "distinct": len(seen), "max": max(seen) if seen else -1,
                  "doubled": sum(v - 1 for v in seen.values())}))
"#;

#[derive(Debug, PartialEq, Eq)]
struct Tally {
    records: u64,
    distinct: u64,
    max: i64,
    doubled: u64,
}

fn tally(c: &Cluster, topic: &str) -> Tally {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("tally.py");
    std::fs::write(&script, TALLY).unwrap();
    let out = std::process::Command::new(python())
        .arg(&script)
        .args([&c.brokers, topic])
        .output()
        .unwrap();
    assert!(out.status.success(), "tally: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = |k: &str| v[k].as_u64().unwrap();
    Tally {
        records: n("records"),
        distinct: n("distinct"),
        max: v["max"].as_i64().unwrap(),
        doubled: n("doubled"),
    }
}

/// One line for the CI log (past the harness's capture, like the skip lines).
fn note(what: &str) {
    let _ = writeln!(std::io::stderr(), "faults: {what}");
}

/// The topic as `topics describe --output json` has it.
fn describe(c: &Cluster, topic: &str) -> serde_json::Value {
    let r = c.eddy(&["topics", "describe", topic, "--output", "json"]).ok();
    serde_json::from_slice(&r.stdout).unwrap()
}

fn leader(c: &Cluster, topic: &str, partition: usize) -> u32 {
    describe(c, topic)["partitions"][partition]["leader"].as_u64().unwrap() as u32
}

/// Waits until every partition of `topic` has all its replicas in sync again: the next
/// fault may then take another node down without two being out at once.
fn await_in_sync(c: &Cluster, topic: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let r = c.eddy(&["topics", "describe", topic, "--output", "json"]);
        if r.code == Some(0) {
            let d: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
            let whole = d["partitions"].as_array().is_some_and(|ps| {
                ps.iter()
                    .all(|p| p["isr"].as_array().map(Vec::len) == p["replicas"].as_array().map(Vec::len))
            });
            if whole {
                return;
            }
        }
        assert!(Instant::now() < deadline, "{topic}: replicas not in sync after 120 s");
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn spawn(c: &Cluster, args: &[&str], stdin: Stdio, stdout: Stdio) -> Child {
    c.cmd(args)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Ctrl-C for a running command (gen, say), and what it came to.
fn interrupt(child: Child) -> (Option<i32>, String) {
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    finish(child)
}

fn stats_of(stderr: &str) -> serde_json::Value {
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no stats: {stderr}"));
    serde_json::from_str(line).unwrap()
}

#[test]
fn kafka_produce_is_exactly_once_while_its_leader_is_killed_and_restarted() {
    if Cluster::kafka("kafka_produce_is_exactly_once_while_its_leader_is_killed_and_restarted").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "exact:1"]);
    let victim = leader(&c, "exact", 0);
    const N: usize = 100_000;
    // Paced, so that the kill and the restart fall in the middle of the run.
    let mut p = spawn(
        &c,
        &["produce", "exact", "--rate", "6000", "--stats", "json"],
        Stdio::piped(),
        Stdio::null(),
    );
    let mut stdin = p.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(numbered(N).as_bytes()));
    std::thread::sleep(Duration::from_secs(3));
    c.node("kill", victim).ok();
    std::thread::sleep(Duration::from_secs(2));
    c.node("restart", victim).ok();
    let (code, stderr) = finish(p);
    feeder.join().unwrap().unwrap();
    assert_eq!(code, Some(0), "{stderr}");
    let delivered = stats_of(&stderr)["delivered"].as_u64().unwrap();
    let t = tally(&c, "exact");
    note(&format!(
        "(a) produce, leader (node {victim}) killed and restarted: sent {N}, delivered {delivered}, \
         received {}, lost {}, doubled {}",
        t.records,
        N as u64 - t.distinct,
        t.doubled
    ));
    assert_eq!(delivered, N as u64);
    assert_eq!(
        t,
        Tally {
            records: N as u64,
            distinct: N as u64,
            max: N as i64 - 1,
            doubled: 0
        }
    );
}

/// A reader slower than the consumer: a line at a time, into a file, at most about 500
/// a second, so that the faults and the consumer's restart land mid-stream.
const SLOW_READER: &str = r#"
import sys, time
with open(sys.argv[1], "w") as out:
    for i, line in enumerate(sys.stdin):
        out.write(line)
        out.flush()
        if i % 5 == 0:
            time.sleep(0.01)
"#;

#[test]
fn kafka_group_consumer_misses_nothing_through_a_killed_and_a_hung_broker_and_its_own_restart() {
    if Cluster::kafka("kafka_group_consumer_misses_nothing_through_a_killed_and_a_hung_broker_and_its_own_restart")
        .is_none()
    {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "slow:3"]);
    const N: usize = 30_000;
    let r = c.eddy_in(&["produce", "slow", "--stats", "json"], numbered(N)).ok();
    assert_eq!(r.stats()["delivered"], N as u64);

    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("slow.py");
    std::fs::write(&script, SLOW_READER).unwrap();
    let reader = |out: &std::path::Path, from: &mut Child| {
        std::process::Command::new(python())
            .arg(&script)
            .arg(out)
            .stdin(Stdio::from(from.stdout.take().unwrap()))
            .spawn()
            .unwrap()
    };
    let first_out = dir.path().join("first");
    let mut first = spawn(
        &c,
        &["consume", "slow", "-g", "slowpoke"],
        Stdio::null(),
        Stdio::piped(),
    );
    let mut first_reader = reader(&first_out, &mut first);

    std::thread::sleep(Duration::from_secs(3));
    let killed = leader(&c, "slow", 0);
    c.node("kill", killed).ok();
    std::thread::sleep(Duration::from_secs(3));
    c.node("restart", killed).ok();
    await_in_sync(&c, "slow");
    let paused = killed % 3 + 1;
    c.node("pause", paused).ok();
    std::thread::sleep(Duration::from_secs(6));
    c.node("resume", paused).ok();
    // The consumer is killed outright: what it wrote and the reader took may be read
    // again, but what it committed must have been read.
    first.kill().unwrap();
    first.wait().unwrap();
    first_reader.wait().unwrap();
    let first_lines = std::fs::read_to_string(&first_out).unwrap();

    let second_out = dir.path().join("second");
    let mut second = spawn(
        &c,
        &["consume", "slow", "-g", "slowpoke", "-e", "--stats", "json"],
        Stdio::null(),
        Stdio::piped(),
    );
    let mut second_reader = reader(&second_out, &mut second);
    let (code, stderr) = finish(second);
    second_reader.wait().unwrap();
    assert_eq!(code, Some(0), "{stderr}");
    let second_lines = std::fs::read_to_string(&second_out).unwrap();

    // A consumer killed outright may have written half a record: the first run's last
    // line, and only that, may be cut short.
    let mut first_whole: Vec<&str> = first_lines.lines().collect();
    if first_whole
        .last()
        .is_some_and(|l| serde_json::from_str::<serde_json::Value>(l).is_err())
    {
        first_whole.pop();
    }
    let mut seen = vec![0u32; N];
    for line in first_whole.iter().copied().chain(second_lines.lines()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        seen[v["n"].as_u64().unwrap() as usize] += 1;
    }
    let missing: Vec<usize> = (0..N).filter(|&i| seen[i] == 0).collect();
    let again: u32 = seen.iter().map(|&k| k.saturating_sub(1)).sum();
    note(&format!(
        "(b) consume -g, node {killed} killed and restarted, node {paused} paused and resumed, consumer \
         killed and restarted: sent {N}, read {} + {} (first run, second run), lost {}, read again {again}",
        first_whole.len(),
        second_lines.lines().count(),
        missing.len()
    ));
    assert!(
        !first_whole.is_empty() && second_lines.lines().count() > 0,
        "both runs read"
    );
    assert_eq!(missing, Vec::<usize>::new(), "records never read");
}

#[test]
fn kafka_gen_loses_and_doubles_nothing_through_a_rolling_restart() {
    if Cluster::kafka("kafka_gen_loses_and_doubles_nothing_through_a_rolling_restart").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "rolling:3"]);
    // Until Ctrl-C, after the rolling restart: however long the restarts take.
    let g = spawn(
        &c,
        &[
            "gen", "{n: $i}", "--topic", "rolling", "--rate", "5000", "--stats", "json",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    std::thread::sleep(Duration::from_secs(3));
    let started = Instant::now();
    for node in 1..=3 {
        c.node("restart", node).ok();
        await_in_sync(&c, "rolling");
    }
    let rolled = started.elapsed();
    std::thread::sleep(Duration::from_secs(3));
    let (code, stderr) = interrupt(g);
    assert_eq!(code, Some(130), "{stderr}");
    let s = stats_of(&stderr);
    let delivered = s["delivered"].as_u64().unwrap();
    let t = tally(&c, "rolling");
    let l = &s["latency_ms"];
    note(&format!(
        "(c) gen --rate 5000, rolling restart of 3 nodes in {:.0} s: sent {delivered}, received {}, lost {}, \
         doubled {}; latency ms p50 {} p95 {} p99 {} p99.9 {} max {}",
        rolled.as_secs_f64(),
        t.records,
        delivered.saturating_sub(t.distinct),
        t.doubled,
        l["p50"],
        l["p95"],
        l["p99"],
        l["p999"],
        l["max"]
    ));
    assert!(
        delivered as f64 > rolled.as_secs_f64() * 4000.0,
        "{delivered} in {rolled:?}"
    );
    assert_eq!(
        t,
        Tally {
            records: delivered,
            distinct: delivered,
            max: delivered as i64 - 1,
            doubled: 0
        }
    );
    for p in ["p50", "p95", "p99", "p999", "max"] {
        assert!(l[p].as_f64().is_some_and(|v| v > 0.0), "{p}: {l}");
    }
}

#[test]
fn kafka_every_command_fails_within_the_timeout_saying_a_hung_broker_does_not_answer() {
    if Cluster::kafka("kafka_every_command_fails_within_the_timeout_saying_a_hung_broker_does_not_answer").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&[]);
    c.eddy_in(&["produce", "hung", "-q"], "{\"n\":0}\n").ok();
    c.node("pause", 1).ok();
    let b = c.brokers.clone();
    for args in [
        &["produce", "hung"][..],
        &["consume", "hung", "-e"],
        &["consume", "hung", "-g", "g"],
        &["topics"],
        &["offsets", "hung"],
    ] {
        let mut all = vec!["--timeout", "4s"];
        all.extend_from_slice(args);
        let r = c.eddy_in(&all, "{\"n\":1}\n").code(1);
        assert_eq!(
            r.stderr.trim(),
            format!(
                "eddy: {}: cannot connect to {b}: the broker accepts connections but does not answer (is it hung?)",
                args[0]
            ),
            "{args:?}"
        );
        assert!(r.elapsed < Duration::from_secs(9), "{args:?} took {:?}", r.elapsed);
    }
    // Continued, the node finds itself fenced for having missed its heartbeats, and its
    // partitions lead again a moment later: the first consume waits that out within its
    // --timeout (it used to fail at once with "Unknown partition").
    c.node("resume", 1).ok();
    let r = c.eddy(&["consume", "hung", "-e", "-q", "--timeout", "60s"]).ok();
    assert_eq!(r.text(), "{\"n\":0}\n");
}

#[test]
fn kafka_node_commands_kill_pause_resume_and_restart_one_node() {
    if Cluster::kafka("kafka_node_commands_kill_pause_resume_and_restart_one_node").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "nodes:3"]);
    let r = c.node("kill", 2).ok();
    assert_eq!(r.stderr.trim(), "eddy dev: node 2 killed (SIGKILL)");
    let r = c.node("kill", 2).code(1);
    assert_eq!(r.stderr.trim(), "eddy: dev kill: node 2 is not running");
    let r = c.node("pause", 2).code(1);
    assert_eq!(
        r.stderr.trim(),
        "eddy: dev pause: node 2 is not running (eddy dev restart 2 starts it)"
    );
    // Two of three in sync: writes with acks=all go on.
    let r = c.eddy_in(&["produce", "nodes", "--stats", "json"], numbered(100)).ok();
    assert_eq!(r.stats()["delivered"], 100);
    let r = c.node("restart", 2).ok();
    assert!(r.stderr.starts_with("eddy dev: node 2 restarted in "), "{}", r.stderr);
    await_in_sync(&c, "nodes");
    let r = c.node("pause", 3).ok();
    assert_eq!(r.stderr.trim(), "eddy dev: node 3 paused (SIGSTOP)");
    let r = c.node("resume", 3).ok();
    assert_eq!(r.stderr.trim(), "eddy dev: node 3 resumed (SIGCONT)");
    let r = c.node("restart", 4).code(2);
    assert_eq!(
        r.stderr.trim(),
        "eddy: dev restart: there is no node 4: the cluster has nodes 1 to 3"
    );
    let r = c.eddy(&["consume", "nodes", "-e", "--stats", "json"]).ok();
    assert_eq!(r.stats()["records"], 100);
}

#[test]
fn kafka_chaos_logs_each_fault_with_its_time_and_loses_nothing() {
    if Cluster::kafka("kafka_chaos_logs_each_fault_with_its_time_and_loses_nothing").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    // Seed 2 begins with a kill, then a pause (a unit test of the schedule pins it).
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "chaos:3", "--chaos", "--chaos-seed", "2"]);
    // Until the second fault is over (or two minutes passed, and the asserts below say
    // what was missing).
    let g = spawn(
        &c,
        &[
            "gen", "{n: $i}", "--topic", "chaos", "--rate", "2000", "--stats", "json",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let deadline = Instant::now() + Duration::from_secs(120);
    while !c.dev_stderr().contains(" node 1: SIGCONT") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_secs(2));
    let (code, stderr) = interrupt(g);
    assert_eq!(code, Some(130), "{stderr}");
    let delivered = stats_of(&stderr)["delivered"].as_u64().unwrap();
    let t = tally(&c, "chaos");
    let log = c.dev_stderr();
    let faults: Vec<&str> = log.lines().filter(|l| l.starts_with("chaos: 20")).collect();
    note(&format!(
        "chaos seed 2, gen --rate 2000 through a kill and a pause: sent {delivered}, received {}, lost {}, doubled {}; {} fault lines",
        t.records,
        delivered.saturating_sub(t.distinct),
        t.doubled,
        faults.len()
    ));
    assert!(log.contains("chaos: seed 2\n"), "{log}");
    assert!(
        faults
            .iter()
            .any(|l| l.contains(" node 3: SIGKILL; started again in 4.4 s")),
        "{log}"
    );
    assert!(faults.iter().any(|l| l.contains(" node 1: SIGSTOP for 4.3 s")), "{log}");
    // Each line: "chaos: 2026-12-01T12:00:03.512Z node 2: SIGKILL; ..."
    for l in &faults {
        let time = l.split(' ').nth(1).unwrap();
        assert!(time.len() >= 20 && time.ends_with('Z') && time.contains('T'), "{l}");
    }
    assert_eq!(t.records, delivered);
    assert_eq!(t.distinct, delivered);
}

#[test]
fn kafka_pipe_killed_and_restarted_while_a_broker_dies_is_exactly_once_at_the_output() {
    if Cluster::kafka("kafka_pipe_killed_and_restarted_while_a_broker_dies_is_exactly_once_at_the_output").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&["--nodes", "3", "--topic", "pin:3", "--topic", "pout:3"]);
    const N: usize = 60_000;
    c.eddy_in(&["produce", "pin", "-q"], numbered(N)).ok();
    let args = [
        "pipe",
        "pin",
        "--to",
        "pout",
        "-e",
        "-g",
        "faults-pipe",
        "--commit-interval",
        "300ms",
        "-X",
        "transaction.timeout.ms=20000",
        "--timeout",
        "60s",
        "--stats",
        "json",
        // A filter slow enough (a loop per record) that the first run is still writing
        // when it is killed, so that the rerun has work to do while the broker is down.
        "--filter",
        SLOW_PASS,
    ];
    let mut first = spawn(&c, &args, Stdio::null(), Stdio::null());
    // Killed once it is writing, with a broker (the output's first leader) killed at the
    // same moment; the restarted pipe runs while that broker is down and when it is back.
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline && tally_high(&c, "pout") == 0 {
        std::thread::sleep(Duration::from_millis(50));
    }
    let victim = leader(&c, "pout", 0);
    let _ = first.kill();
    let _ = first.wait();
    c.node("kill", victim).ok();
    let second = spawn(&c, &args, Stdio::null(), Stdio::null());
    std::thread::sleep(Duration::from_secs(4));
    c.node("restart", victim).ok();
    let (code, stderr) = finish(second);
    assert_eq!(code, Some(0), "{stderr}");
    let s = stats_of(&stderr);
    let t = tally(&c, "pout");
    assert!(
        s["records_in"].as_u64().is_some_and(|n| n > 0),
        "the first run finished before it was killed, so nothing was left for the rerun: {stderr}"
    );
    note(&format!(
        "(d) pipe killed with node {victim}, restarted while it was down: the rerun took {} of {N}, \
         {} transactions; received {}, lost {}, doubled {}",
        s["records_in"],
        s["transactions_committed"],
        t.records,
        N as u64 - t.distinct,
        t.doubled
    ));
    assert_eq!(
        t,
        Tally {
            records: N as u64,
            distinct: N as u64,
            max: N as i64 - 1,
            doubled: 0
        }
    );
}

/// The records in a topic now (the sum of its high watermarks; transaction markers too).
fn tally_high(c: &Cluster, topic: &str) -> u64 {
    let r = c.eddy(&["offsets", topic, "--output", "json"]);
    serde_json::from_slice::<serde_json::Value>(&r.stdout)
        .ok()
        .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|p| p["high"].as_u64()).sum()))
        .unwrap_or(0)
}
