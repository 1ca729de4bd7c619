//! `eddy pipe` on Apache Kafka: exactly once through kills, Ctrl-C, a rebalance and
//! dead letters, and at least once across two clusters. The output is judged by
//! confluent-kafka's read_committed consumer (`tests/python/pipe_exactly_once.py`).

use super::{DOUBLE, envelopes, orders, with_two_bad};
use crate::support::{Cluster, SLOW_PASS, unique};

#[test]
fn pipe_is_exactly_once_and_resumes_after_the_last_transaction_kafka() {
    let Some(c) = Cluster::kafka("pipe_is_exactly_once_and_resumes_after_the_last_transaction_kafka") else {
        return;
    };
    let (input, output) = (c.topic("pipe-in", 2), c.topic("pipe-out", 3));
    c.eddy_in(&["produce", &input], orders(10)).ok();
    let g = unique("g");
    let args = [
        "pipe",
        &input,
        "--to",
        &output,
        "-e",
        "-g",
        &g,
        "--stats",
        "json",
        "--filter",
        "select(.value.amount > 100)",
        "--key-from",
        ".user",
    ];
    let s = c.eddy(&args).ok().stats();
    assert_eq!(s["delivery"].as_str(), Some("exactly-once"), "{s}");
    assert_eq!(
        (s["records_in"].as_u64(), s["records_out"].as_u64()),
        (Some(10), Some(7)),
        "{s}"
    );
    assert!(s["transactions_committed"].as_u64() >= Some(1), "{s}");
    let s = c.eddy(&args).ok().stats();
    assert_eq!(
        s["records_in"].as_u64(),
        Some(0),
        "a rerun resumes after the commit: {s}"
    );
    let out = envelopes(&c, &output);
    assert_eq!(out.len(), 7);
    assert!(out.iter().all(|e| e["key"] == e["value"]["user"]), "{out:?}");
}

/// The input of the exactly-once tests: `tests/python/pipe_exactly_once.py` knows it.
const ORDERS: &str = r#"{id: $i, user: "u\($i % 50)", amount: (($i * 7) % 250)}"#;
const BIG: &str = "select(.value.amount > 100)";

/// What confluent-kafka's read_committed consumer finds in the output of `n` orders.
fn judge(c: &Cluster, topic: &str, n: u64) -> serde_json::Value {
    let script = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python/pipe_exactly_once.py");
    let r = crate::support::python_script(c, &script, &[topic, &n.to_string()]).ok();
    serde_json::from_str(r.text().trim()).unwrap()
}

fn assert_exactly_once(verdict: &serde_json::Value) {
    for k in ["missing", "doubled", "unexpected", "out_of_order", "wrong_key"] {
        assert_eq!(verdict[k].as_u64(), Some(0), "{k}: {verdict}");
    }
    assert_eq!(verdict["records"], verdict["expected"], "{verdict}");
}

/// Records in a topic now (the sum of its high watermarks).
fn written(c: &Cluster, topic: &str) -> u64 {
    let r = c.eddy(&["offsets", topic, "--output", "json"]);
    serde_json::from_slice::<serde_json::Value>(&r.stdout)
        .ok()
        .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|p| p["high"].as_u64()).sum()))
        .unwrap_or(0)
}

/// Written past the test harness's capture, for the CI log.
fn note(what: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{what}");
}

#[test]
fn pipe_killed_three_times_writes_each_expected_record_exactly_once_in_order_per_key_kafka() {
    let Some(c) =
        Cluster::kafka("pipe_killed_three_times_writes_each_expected_record_exactly_once_in_order_per_key_kafka")
    else {
        return;
    };
    const N: u64 = 100_000;
    let (input, output) = (c.topic("pipe-kill-in", 3), c.topic("pipe-kill-out", 3));
    c.eddy(&[
        "gen",
        ORDERS,
        "-n",
        &N.to_string(),
        "--topic",
        &input,
        "--key-from",
        ".user",
        "-q",
    ])
    .ok();
    let g = unique("g");
    // BIG, slowed by a loop per record: so that a run is still writing when the polling
    // below (an `eddy offsets` a time) sees the output grow, and no run ends on its own
    // before it is killed (CI saw one pipe finish the whole input first).
    let big_slowly = format!("{BIG} | {SLOW_PASS}");
    // A short transaction timeout, so that nothing waits out a killed run's transaction
    // for long (the restart's own fencing aborts it at once anyway).
    let args = [
        "pipe",
        &input,
        "--to",
        &output,
        "-e",
        "-g",
        &g,
        "--filter",
        &big_slowly,
        "--key-from",
        ".user",
        "--commit-interval",
        "300ms",
        "-X",
        "transaction.timeout.ms=10000",
        "--stats",
        "json",
    ];
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = seed;
    // Each run is killed once the output has grown by a random number of records since
    // it started (mid-transaction, as a crash would come): a kill at a fixed time found
    // the run already over once eddy got fast enough to pipe 100,000 records in a second.
    let mut kills = Vec::new();
    for _ in 0..3 {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let more = 2_000 + (rng >> 33) % 15_000;
        let from = written(&c, &output);
        let mut child = c
            .cmd(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while written(&c, &output) < from + more
            && child.try_wait().unwrap().is_none()
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let _ = child.wait();
        kills.push(format!("+{more}{}", if running { "" } else { " (had ended)" }));
        assert!(
            running,
            "run {} ended before it could be killed: {kills:?}",
            kills.len()
        );
    }
    let last = c.eddy(&args).ok().stats();
    let verdict = judge(&c, &output, N);
    note(&format!(
        "pipe kill test (seed {seed}): killed once the output grew by {kills:?}; the last run took {} input records; judged: {verdict}",
        last["records_in"]
    ));
    assert_exactly_once(&verdict);
    assert!(
        last["records_in"].as_u64() < Some(N),
        "the killed runs committed nothing: {last}"
    );
}

#[test]
fn pipe_ctrl_c_commits_what_is_done_and_exits_130_kafka() {
    let Some(c) = Cluster::kafka("pipe_ctrl_c_commits_what_is_done_and_exits_130_kafka") else {
        return;
    };
    const N: u64 = 100_000;
    let (input, output) = (c.topic("pipe-int-in", 2), c.topic("pipe-int-out", 2));
    c.eddy(&[
        "gen",
        ORDERS,
        "-n",
        &N.to_string(),
        "--topic",
        &input,
        "--key-from",
        ".user",
        "-q",
    ])
    .ok();
    let g = unique("g");
    let args = [
        "pipe",
        &input,
        "--to",
        &output,
        "-g",
        &g,
        "--filter",
        BIG,
        "--key-from",
        ".user",
        "--stats",
        "json",
    ];
    // Without -e: it would run forever; Ctrl-C ends it.
    let child = c
        .cmd(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Ctrl-C once some output is there (a fixed 6 s found all 100,000 records piped).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while written(&c, &output) < 10_000 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    let first: serde_json::Value =
        serde_json::from_str(stderr.lines().rev().find(|l| l.starts_with('{')).unwrap()).unwrap();
    let mut rest = args.to_vec();
    rest.push("-e");
    let second = c.eddy(&rest).ok().stats();
    let (a, b) = (
        first["records_in"].as_u64().unwrap(),
        second["records_in"].as_u64().unwrap(),
    );
    assert!(a > 0 && a < N, "interrupted mid-run: {first}");
    assert_eq!(
        a + b,
        N,
        "what the interrupted run did is committed, and only that: {first} {second}"
    );
    assert_exactly_once(&judge(&c, &output, N));
}

#[test]
fn pipe_dead_letters_in_the_same_transaction_and_a_missing_destination_commits_nothing_kafka() {
    let Some(c) =
        Cluster::kafka("pipe_dead_letters_in_the_same_transaction_and_a_missing_destination_commits_nothing_kafka")
    else {
        return;
    };
    let (input, output, dead) = (
        c.topic("pipe-dl-in", 1),
        c.topic("pipe-dl-out", 1),
        c.topic("pipe-dl-dead", 1),
    );
    with_two_bad(&c, &input);
    let g = unique("g");
    // The shared broker does not create topics: a missing destination fails before
    // anything is read, and the group commits nothing.
    let missing = unique("missing");
    let r = c.eddy(&["pipe", &input, "--to", &missing, "-e", "-g", &g]).code(1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains(&missing), "{}", r.stderr);
    let r = c
        .eddy(&[
            "pipe",
            &input,
            "--to",
            &output,
            "-e",
            "-g",
            &g,
            "--dead-letter",
            &missing,
        ])
        .code(1);
    assert!(r.stderr.contains(&missing), "{}", r.stderr);
    let groups = c.eddy(&["groups", "list", "--output", "json"]).ok().text();
    assert!(!groups.contains(&g), "the group committed nothing: {groups}");
    let s = c
        .eddy(&[
            "pipe",
            &input,
            "--to",
            &output,
            "-e",
            "-g",
            &g,
            "--filter",
            DOUBLE,
            "--dead-letter",
            &dead,
            "--stats",
            "json",
        ])
        .ok()
        .stats();
    assert_eq!(
        (s["dead_lettered"].as_u64(), s["delivery"].as_str()),
        (Some(2), Some("exactly-once")),
        "{s}"
    );
    // read_committed: the dead letters were committed with the output.
    let dl: Vec<i64> = envelopes(&c, &dead)
        .iter()
        .map(|e| e["value"]["n"].as_i64().unwrap())
        .collect();
    assert_eq!(dl, [3, 7]);
    assert_eq!(envelopes(&c, &output).len(), 8);
}

#[test]
fn pipe_across_clusters_is_at_least_once_loses_nothing_through_a_kill_and_counts_duplicates_kafka() {
    let Some(c) = Cluster::kafka(
        "pipe_across_clusters_is_at_least_once_loses_nothing_through_a_kill_and_counts_duplicates_kafka",
    ) else {
        return;
    };
    const N: u64 = 60_000;
    let input = c.topic("pipe-x-in", 2);
    let dev = Cluster::dev(&["--topic", "copy:2"]);
    c.eddy(&[
        "gen",
        ORDERS,
        "-n",
        &N.to_string(),
        "--topic",
        &input,
        "--key-from",
        ".user",
        "-q",
    ])
    .ok();
    let g = unique("g");
    let args = [
        "pipe",
        &input,
        "--to",
        "copy",
        "--to-brokers",
        &dev.brokers,
        "-e",
        "-g",
        &g,
        "--stats",
        "json",
        // The record as it is, after some work per record: slow enough (a few thousand
        // records a second) that the kill below comes mid-run however fast the send is.
        "--filter",
        "reduce range(150) as $x (.; .)",
        "--commit-interval",
        "100ms",
    ];
    let mut child = c
        .cmd(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once a third of the copy is out: past a few commits (every 100 ms), so that
    // the rerun resumes, and well before the end (a fixed 500 ms after the first output
    // found the copy over once the send path got faster).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline && written(&dev, "copy") < N / 3 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    let r = c.eddy(&args).ok();
    let s = r.stats();
    assert_eq!(s["delivery"].as_str(), Some("at-least-once"), "{s}");
    let text = c
        .eddy(&[
            "pipe",
            &input,
            "--to",
            "copy",
            "--to-brokers",
            &dev.brokers,
            "-e",
            "-g",
            &g,
        ])
        .ok();
    assert!(
        text.stderr.contains("transactions cannot span two clusters"),
        "{}",
        text.stderr
    );
    let mut seen = std::collections::HashMap::new();
    for e in envelopes(&dev, "copy") {
        *seen.entry(e["value"]["id"].as_u64().unwrap()).or_insert(0u64) += 1;
    }
    let doubled: u64 = seen.values().map(|n| n - 1).sum();
    note(&format!(
        "pipe across clusters: killed mid-run (still running: {killed_running}); the rerun took {} records; {} distinct of {N}, {doubled} duplicates",
        s["records_in"],
        seen.len()
    ));
    assert_eq!(seen.len() as u64, N, "nothing lost");
    let rest = s["records_in"].as_u64().unwrap();
    assert!(
        killed_running && rest > 0 && rest < N,
        "killed mid-run, and the rerun resumed: {s}"
    );
}

#[test]
fn pipe_two_members_share_the_input_through_a_rebalance_exactly_once_kafka() {
    let Some(c) = Cluster::kafka("pipe_two_members_share_the_input_through_a_rebalance_exactly_once_kafka") else {
        return;
    };
    const N: u64 = 100_000;
    let (input, output) = (c.topic("pipe-two-in", 4), c.topic("pipe-two-out", 4));
    c.eddy(&[
        "gen",
        ORDERS,
        "-n",
        &N.to_string(),
        "--topic",
        &input,
        "--key-from",
        ".user",
        "-q",
    ])
    .ok();
    let g = unique("g");
    let member = |instance: &str| {
        c.cmd(&[
            "pipe",
            &input,
            "--to",
            &output,
            "-e",
            "-g",
            &g,
            "--instance",
            instance,
            "--filter",
            BIG,
            "--key-from",
            ".user",
            "--stats",
            "json",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
    };
    let first = member("0");
    // The second joins once the first is writing: the group rebalances mid-run.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline && written(&c, &output) == 0 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let second = member("1");
    let stats = |child: std::process::Child| {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{err}");
        let line = err.lines().rev().find(|l| l.starts_with('{')).unwrap().to_string();
        serde_json::from_str::<serde_json::Value>(&line).unwrap()
    };
    let (a, b) = (stats(first), stats(second));
    let rest = c
        .eddy(&[
            "pipe", &input, "--to", &output, "-e", "-g", &g, "--filter", BIG, "--stats", "json",
        ])
        .ok()
        .stats();
    let verdict = judge(&c, &output, N);
    note(&format!(
        "pipe two members: first took {}, second {}, then {} were left; judged: {verdict}",
        a["records_in"], b["records_in"], rest["records_in"]
    ));
    assert!(
        a["records_in"].as_u64() > Some(0) && b["records_in"].as_u64() > Some(0),
        "both took a share: {a} {b}"
    );
    // Regression: a member whose partitions were all taken away in a rebalance took the
    // empty assignment for "every partition done" and stopped, -e, mid-run.
    assert_eq!(
        rest["records_in"].as_u64(),
        Some(0),
        "the two members did it all: {a} {b}"
    );
    assert_exactly_once(&verdict);
}
