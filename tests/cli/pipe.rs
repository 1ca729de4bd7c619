//! `eddy pipe`: topic to topic through jq and codecs. On eddy dev (the mock drops
//! transactional offset commits) the at-least-once path; on Apache Kafka exactly once,
//! judged by confluent-kafka's read_committed consumer (a client eddy's team did not
//! write).

use crate::support::{Cluster, unique};

/// The envelopes of a topic, read to its end.
fn envelopes(c: &Cluster, topic: &str) -> Vec<serde_json::Value> {
    c.eddy(&["consume", topic, "-e", "-f", "json", "-q"]).ok().json_lines()
}

fn orders(n: u64) -> String {
    (1..=n)
        .map(|i| format!("{{\"user\":\"u{}\",\"amount\":{}}}\n", i % 3, i * 30))
        .collect()
}

#[test]
fn pipe_copies_key_value_headers_and_timestamp_as_they_are() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    c.eddy_in(
        &[
            "produce",
            "in",
            "--key-from",
            ".k",
            "-H",
            "trace=abc",
            "--timestamp-from",
            ".ts",
        ],
        "{\"k\":\"a\",\"ts\":1764316800123}\n{\"k\":\"b\",\"ts\":1764316800456}\n",
    )
    .ok();
    let r = c.eddy(&["pipe", "in", "--to", "out", "-e", "--stats", "json"]).ok();
    let s = r.stats();
    assert_eq!(
        (s["records_in"].as_u64(), s["records_out"].as_u64()),
        (Some(2), Some(2)),
        "{s}"
    );
    let (a, b) = (envelopes(&c, "in"), envelopes(&c, "out"));
    for (i, o) in a.iter().zip(&b) {
        for field in ["key", "value", "headers", "timestamp"] {
            assert_eq!(i[field], o[field], "{field}: {i} vs {o}");
        }
    }
    assert_eq!(b.len(), 2);
}

#[test]
fn pipe_filter_outputs_are_records_and_what_they_lack_is_absent() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    c.eddy_in(&["produce", "in", "-k", "K", "-H", "h=1"], orders(4)).ok();
    let r = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "--stats",
            "json",
            "--filter",
            "select(.value.amount > 60) | {value: {amount: .value.amount, from: .offset}}",
        ])
        .ok();
    let s = r.stats();
    assert_eq!(
        (
            s["records_in"].as_u64(),
            s["records_out"].as_u64(),
            s["dropped"].as_u64()
        ),
        (Some(4), Some(2), Some(2)),
        "{s}"
    );
    let out = envelopes(&c, "out");
    let values: Vec<String> = out.iter().map(|e| e["value"].to_string()).collect();
    assert_eq!(values, ["{\"amount\":90,\"from\":2}", "{\"amount\":120,\"from\":3}"]);
    // No key, no headers: not inherited from the input record.
    assert!(
        out.iter()
            .all(|e| e["key"].is_null() && e["headers"].as_array().is_none_or(Vec::is_empty)),
        "{out:?}"
    );
}

#[test]
fn pipe_key_from_sees_the_output_value_and_partitions_as_produce_does() {
    let c = Cluster::dev(&["--topic", "in:2", "--topic", "out:3", "--topic", "ref:3"]);
    c.eddy_in(&["produce", "in"], orders(30)).ok();
    c.eddy_in(&["produce", "ref", "--key-from", ".user"], orders(30)).ok();
    c.eddy(&["pipe", "in", "--to", "out", "-e", "--key-from", ".user", "-q"])
        .ok();
    let place = |t: &str| {
        let mut v: Vec<(String, i64, String)> = envelopes(&c, t)
            .iter()
            .map(|e| {
                (
                    e["key"].as_str().unwrap().to_string(),
                    e["partition"].as_i64().unwrap(),
                    e["value"].to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (out, reference) = (place("out"), place("ref"));
    assert_eq!(out.len(), 30);
    assert_eq!(out, reference, "the same key lands where produce --key-from puts it");
}

#[test]
fn pipe_to_from_routes_each_record_to_the_topic_it_names() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "even:1", "--topic", "odd:1"]);
    c.eddy_in(&["produce", "in"], crate::support::numbered(10)).ok();
    c.eddy(&[
        "pipe",
        "in",
        "-e",
        "-q",
        "--to-from",
        "if .value.n % 2 == 0 then \"even\" else \"odd\" end",
    ])
    .ok();
    let ns = |t: &str| -> Vec<i64> {
        envelopes(&c, t)
            .iter()
            .map(|e| e["value"]["n"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ns("even"), [0, 2, 4, 6, 8]);
    assert_eq!(ns("odd"), [1, 3, 5, 7, 9]);
}

#[test]
fn pipe_count_counts_input_records() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    c.eddy_in(&["produce", "in"], crate::support::numbered(10)).ok();
    let r = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-n",
            "6",
            "--filter",
            "select(.value.n % 2 == 1)",
            "--stats",
            "json",
        ])
        .ok();
    assert_eq!(r.stats()["records_in"].as_u64(), Some(6));
    assert_eq!(envelopes(&c, "out").len(), 3);
}

#[test]
fn pipe_refuses_a_topic_into_itself_with_a_group_before_connecting() {
    // No cluster at all: the refusal needs none.
    let c = Cluster::dev(&[]);
    let r = c
        .eddy(&["pipe", "t", "--to", "t", "-g", "g", "-b", "127.0.0.1:1"])
        .code(2);
    assert!(r.stderr.contains("--to t is also an input"), "{}", r.stderr);
}

#[test]
fn pipe_to_a_missing_destination_is_one_line_and_exit_1() {
    let c = Cluster::dev(&["--topic", "in:1"]);
    c.eddy_in(&["produce", "in"], crate::support::numbered(3)).ok();
    let g = unique("g");
    let r = c.eddy(&["pipe", "in", "--to", "nowhere", "-e", "-g", &g]).code(1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("nowhere") && r.stderr.contains("does not exist"),
        "{}",
        r.stderr
    );
}

#[test]
fn pipe_with_a_group_on_dev_is_at_least_once_and_resumes_where_it_stopped() {
    let c = Cluster::dev(&["--topic", "in:2", "--topic", "out:2"]);
    c.eddy_in(&["produce", "in"], crate::support::numbered(20)).ok();
    let g = unique("g");
    let r = c
        .eddy(&["pipe", "in", "--to", "out", "-e", "-g", &g, "--stats", "json"])
        .ok();
    let s = r.stats();
    assert_eq!(
        (s["records_in"].as_u64(), s["delivery"].as_str()),
        (Some(20), Some("at-least-once")),
        "{s}"
    );
    let text = c.eddy(&["pipe", "in", "--to", "out", "-e", "-g", &g]).ok();
    assert!(text.stderr.contains("in 0 "), "{}", text.stderr);
    assert!(
        text.stderr
            .contains("at-least-once: eddy dev's mock drops transactional offset commits"),
        "{}",
        text.stderr
    );
    c.eddy_in(&["produce", "in"], "{\"n\":20}\n").ok();
    let s = c
        .eddy(&["pipe", "in", "--to", "out", "-e", "-g", &g, "--stats", "json"])
        .ok()
        .stats();
    assert_eq!(s["records_in"].as_u64(), Some(1), "{s}");
    let mut ns: Vec<i64> = envelopes(&c, "out")
        .iter()
        .map(|e| e["value"]["n"].as_i64().unwrap())
        .collect();
    ns.sort();
    assert_eq!(ns, (0..=20).collect::<Vec<_>>());
}

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
        BIG,
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
    let mut kills = Vec::new();
    for _ in 0..3 {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let after = std::time::Duration::from_millis(1500 + (rng >> 33) % 4500);
        let mut child = c
            .cmd(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(after);
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let _ = child.wait();
        kills.push(format!(
            "{}ms{}",
            after.as_millis(),
            if running { "" } else { " (had ended)" }
        ));
    }
    let last = c.eddy(&args).ok().stats();
    let verdict = judge(&c, &output, N);
    note(&format!(
        "pipe kill test (seed {seed}): killed after {kills:?}; the last run took {} input records; judged: {verdict}",
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
    std::thread::sleep(std::time::Duration::from_secs(6));
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

/// Ten records, two of which (n = 3 and n = 7) the filter below fails on.
fn with_two_bad(c: &Cluster, topic: &str) {
    let lines: String = (0..10)
        .map(|n| {
            if n == 3 || n == 7 {
                format!("{{\"n\":{n},\"amount\":\"lots\"}}\n")
            } else {
                format!("{{\"n\":{n},\"amount\":{n}}}\n")
            }
        })
        .collect();
    c.eddy_in(&["produce", topic, "-k", "K", "-H", "h=1"], lines).ok();
}

const DOUBLE: &str = "{key, value: {n: .value.n, next: (.value.amount + 1)}}";

#[test]
fn pipe_dead_letters_the_original_record_with_the_error_and_the_stage() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1", "--topic", "dead:1"]);
    with_two_bad(&c, "in");
    let s = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "--filter",
            DOUBLE,
            "--dead-letter",
            "dead",
            "--stats",
            "json",
        ])
        .ok()
        .stats();
    assert_eq!(
        (
            s["records_in"].as_u64(),
            s["records_out"].as_u64(),
            s["dead_lettered"].as_u64()
        ),
        (Some(10), Some(8), Some(2)),
        "{s}"
    );
    let (input, dead) = (envelopes(&c, "in"), envelopes(&c, "dead"));
    assert_eq!(dead.len(), 2);
    for (d, n) in dead.iter().zip([3, 7]) {
        let original = &input[n];
        for field in ["key", "value", "timestamp"] {
            assert_eq!(d[field], original[field], "{field}: {d}");
        }
        let headers = d["headers"].as_array().unwrap();
        let header = |name: &str| {
            headers
                .iter()
                .find(|h| h[0] == name)
                .map(|h| h[1].as_str().unwrap().to_string())
        };
        assert_eq!(header("h").as_deref(), Some("1"), "the original headers stay: {d}");
        assert_eq!(header("eddy.stage").as_deref(), Some("filter"));
        assert!(header("eddy.error").unwrap().contains("cannot"), "{d}");
        assert_eq!(header("eddy.source"), Some(format!("in[0]@{n}")));
    }
    assert_eq!(envelopes(&c, "out").len(), 8);
}

#[test]
fn pipe_on_error_skip_counts_and_goes_on() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    with_two_bad(&c, "in");
    let s = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "--filter",
            DOUBLE,
            "--on-error",
            "skip",
            "--stats",
            "json",
        ])
        .ok()
        .stats();
    assert_eq!(
        (s["skipped"].as_u64(), s["records_out"].as_u64()),
        (Some(2), Some(8)),
        "{s}"
    );
}

#[test]
fn pipe_on_error_fail_commits_what_came_before_and_exits_5() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    with_two_bad(&c, "in");
    let g = unique("g");
    let r = c
        .eddy(&[
            "pipe", "in", "--to", "out", "-e", "-g", &g, "--filter", DOUBLE, "--stats", "json",
        ])
        .code(5);
    assert!(r.stderr.contains("in[0]@3: filter: "), "{}", r.stderr);
    assert_eq!(r.stats()["records_in"].as_u64(), Some(3));
    assert_eq!(envelopes(&c, "out").len(), 3);
    // The rerun starts at the record that failed, not after it.
    let r = c
        .eddy(&["pipe", "in", "--to", "out", "-e", "-g", &g, "--filter", DOUBLE])
        .code(5);
    assert!(r.stderr.contains("in[0]@3: filter: "), "{}", r.stderr);
    assert_eq!(envelopes(&c, "out").len(), 3);
}

#[test]
fn pipe_an_output_that_is_not_an_object_is_a_filter_error() {
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    c.eddy_in(&["produce", "in"], crate::support::numbered(2)).ok();
    let r = c
        .eddy(&["pipe", "in", "--to", "out", "-e", "--filter", ".value.n"])
        .code(5);
    assert!(r.stderr.contains("an output is not a record"), "{}", r.stderr);
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
        "--filter",
        ".",
    ];
    let mut child = c
        .cmd(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed as soon as some of the copy is out.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline && written(&dev, "copy") == 0 {
        std::thread::sleep(std::time::Duration::from_millis(20));
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

#[test]
fn pipe_a_selection_writes_each_chosen_record_as_it_came_whatever_its_bytes() {
    // JSON with inner whitespace, text, bytes that are not UTF-8, a tombstone; with and
    // without headers. A selection (answered by jq's fast path where it can) must give
    // the same records as copying them.
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1", "--topic", "ref:1"]);
    let lines = [
        r#"{"key":"a","headers":[["h","1"]],"value":{"n": 1,  "s":"x"}}"#,
        r#"{"key":"b","value":"plain text","value_type":"text"}"#,
        r#"{"key":"c","headers":[["bin",{"base64":"/w=="}]],"value":"/wCA","value_type":"base64"}"#,
        r#"{"key":"d","value":null}"#,
        r#"{"key":"e","value":{"n":5}}"#,
    ];
    c.eddy_in(&["produce", "in", "--input", "envelope"], lines.join("\n") + "\n")
        .ok();
    c.eddy(&[
        "pipe",
        "in",
        "--to",
        "out",
        "-e",
        "-q",
        "--filter",
        "select(.key != \"e\")",
    ])
    .ok();
    c.eddy(&["pipe", "in", "--to", "ref", "-e", "-q", "-n", "4"]).ok();
    let strip = |t: &str| -> Vec<serde_json::Value> {
        envelopes(&c, t)
            .into_iter()
            .map(|mut e| {
                for k in ["topic", "offset"] {
                    e.as_object_mut().unwrap().remove(k);
                }
                e
            })
            .collect()
    };
    let (out, reference) = (strip("out"), strip("ref"));
    assert_eq!(out.len(), 4);
    assert_eq!(out, reference);
}
