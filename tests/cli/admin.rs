//! topics, offsets, groups, cluster — on Apache Kafka, and what `eddy dev` says it cannot do.

use crate::support::{Cluster, numbered};

#[test]
fn dev_lists_and_describes_and_refuses_admin_clearly() {
    let c = Cluster::dev(&["--topic", "t:3"]);
    let list = c.eddy(&["topics", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "t" && t["partitions"] == 3),
        "{v}"
    );
    let d = c.eddy(&["topics", "describe", "t", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
    assert_eq!(v["partitions"].as_array().unwrap().len(), 3);
    for args in [
        &["topics", "create", "x", "--partitions", "2"][..],
        &["topics", "delete", "t"][..],
        &["topics", "alter", "t", "--partitions", "5"][..],
        &["groups"][..],
        &["groups", "delete", "g"][..],
    ] {
        let r = c.eddy(args).code(1);
        assert!(r.stderr.contains("mock cluster"), "{args:?}: {}", r.stderr);
        assert!(r.elapsed.as_secs() < 5, "{args:?} took {:?}", r.elapsed);
    }
    c.eddy_in(&["produce", "t", "-q", "-p", "1"], numbered(7)).ok();
    let o = c.eddy(&["offsets", "t", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[1]["high"], 7);
    let cl = c.eddy(&["cluster", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&cl.stdout).unwrap();
    assert_eq!(v["brokers"].as_array().unwrap().len(), 1);
    // Group offsets work on the mock (OffsetFetch is there).
    c.eddy(&["consume", "t", "-g", "gd", "-e", "-q"]).ok();
    let g = c.eddy(&["groups", "describe", "gd", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&g.stdout).unwrap();
    let p1 = v.as_array().unwrap().iter().find(|r| r["partition"] == 1).unwrap();
    assert_eq!(p1["committed"], 7);
    assert_eq!(p1["lag"], 0);
}

fn total(v: &serde_json::Value, key: &str) -> i64 {
    v.as_array().unwrap().iter().map(|r| r[key].as_i64().unwrap()).sum()
}

#[test]
fn kafka_counts_lag_and_reset() {
    let Some(c) = Cluster::kafka("kafka_counts_lag_and_reset") else {
        return;
    };
    let t = c.topic("counted", 6);
    let n = 200_000;
    let p = c
        .eddy_in(&["produce", &t, "--input", "lines", "--stats", "json"], numbered(n))
        .ok();
    assert_eq!(p.stats()["delivered"], n as u64);
    let o = c.eddy(&["offsets", &t, "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 6);
    assert_eq!(total(&v, "high") - total(&v, "low"), n as i64);
    let all = c.eddy(&["consume", &t, "-e", "-q"]).ok();
    assert_eq!(all.lines().len(), n);
    let g = crate::support::unique("lag");
    c.eddy(&["consume", &t, "-g", &g, "-n", "50000", "-q"]).ok();
    let d = c.eddy(&["groups", "describe", &g, "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
    assert_eq!(total(&v, "lag"), 150_000, "{v}");
    let plan = c
        .eddy(&[
            "groups", "reset", &g, "--topic", &t, "--to", "earliest", "--output", "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().all(|r| r["new"] == 0), "{v}");
    // A dry run changes nothing.
    let d = c.eddy(&["groups", "describe", &g, "--output", "json"]).ok();
    assert_eq!(total(&serde_json::from_slice(&d.stdout).unwrap(), "lag"), 150_000);
    c.eddy(&[
        "groups",
        "reset",
        &g,
        "--topic",
        &t,
        "--to",
        "earliest",
        "--execute",
        "-q",
    ])
    .ok();
    let d = c.eddy(&["groups", "describe", &g, "--output", "json"]).ok();
    assert_eq!(total(&serde_json::from_slice(&d.stdout).unwrap(), "lag"), 200_000);
    let list = c.eddy(&["groups", "--output", "json"]).ok();
    assert!(list.text().contains(&g), "{}", list.text());
    c.eddy(&["groups", "delete", &g]).ok();
}

#[test]
fn kafka_topics_lifecycle() {
    let Some(c) = Cluster::kafka("kafka_topics_lifecycle") else {
        return;
    };
    let t = crate::support::unique("life");
    c.eddy(&[
        "topics",
        "create",
        &t,
        "--partitions",
        "2",
        "--config",
        "retention.ms=86400000",
    ])
    .ok();
    c.eddy(&["topics", "create", &t, "--partitions", "2"]).code(1);
    c.eddy(&[
        "topics",
        "alter",
        &t,
        "--partitions",
        "4",
        "--config",
        "cleanup.policy=compact",
    ])
    .ok();
    // Kafka applies a config change through its metadata log: a describe straight
    // after the alter may still see the old value for a moment.
    let mut v = serde_json::Value::Null;
    for _ in 0..50 {
        let d = c.eddy(&["topics", "describe", &t, "--output", "json"]).ok();
        v = serde_json::from_slice(&d.stdout).unwrap();
        if v["configs"]["cleanup.policy"] == "compact" && v["partitions"].as_array().is_some_and(|p| p.len() == 4) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(v["partitions"].as_array().unwrap().len(), 4);
    assert_eq!(v["configs"]["cleanup.policy"], "compact");
    assert_eq!(
        v["configs"]["retention.ms"], "86400000",
        "alter keeps the other configs"
    );
    let p0 = &v["partitions"][0];
    assert!(
        p0["leader"].is_number() && p0["replicas"].is_array() && p0["isr"].is_array(),
        "{p0}"
    );
    let list = c.eddy(&["topics", "--output", "json"]).ok();
    assert!(list.text().contains(&t));
    c.eddy(&["topics", "delete", &t]).ok();
    std::thread::sleep(std::time::Duration::from_secs(1));
    let list = c.eddy(&["topics", "--output", "json"]).ok();
    assert!(!list.text().contains(&t), "{}", list.text());
    let cl = c.eddy(&["cluster", "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&cl.stdout).unwrap();
    assert!(v["controller"].is_number(), "{v}");
}

fn scram_args(pw: &str) -> Vec<String> {
    [
        "-X",
        "security.protocol=SASL_PLAINTEXT",
        "-X",
        "sasl.mechanism=SCRAM-SHA-512",
        "-X",
        "sasl.username=eddy",
        "-X",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("sasl.password={pw}")])
    .collect()
}

#[test]
fn kafka_scram_right_and_wrong_password() {
    let Some(c) = Cluster::kafka("kafka_scram_right_and_wrong_password") else {
        return;
    };
    let Ok(scram) = std::env::var("EDDY_TEST_KAFKA_SCRAM") else {
        return;
    };
    let t = c.topic("scram", 1);
    let mut args: Vec<String> = vec!["produce".into(), t.clone(), "-b".into(), scram.clone(), "-q".into()];
    args.extend(scram_args("eddy-secret"));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    c.eddy_in(&a, numbered(3)).ok();
    let mut args: Vec<String> = vec![
        "consume".into(),
        t.clone(),
        "-e".into(),
        "-b".into(),
        scram.clone(),
        "-q".into(),
    ];
    args.extend(scram_args("eddy-secret"));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(c.eddy(&a).ok().lines().len(), 3);
    let mut args: Vec<String> = vec![
        "consume".into(),
        t.clone(),
        "-e".into(),
        "-b".into(),
        scram.clone(),
        "--timeout".into(),
        "4s".into(),
    ];
    args.extend(scram_args("not-the-password"));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = c.eddy(&a).code(1);
    assert!(r.stderr.to_lowercase().contains("authentication"), "{}", r.stderr);
    assert!(!r.stderr.contains("not-the-password"), "{}", r.stderr);
    assert!(r.elapsed.as_secs() < 12, "{:?}", r.elapsed);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}

#[test]
fn kafka_context_password_from_env() {
    let Some(c) = Cluster::kafka("kafka_context_password_from_env") else {
        return;
    };
    let Ok(scram) = std::env::var("EDDY_TEST_KAFKA_SCRAM") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "default = \"secure\"\n[contexts.secure]\nbrokers = \"{scram}\"\n[contexts.secure.properties]\n\"security.protocol\" = \"SASL_PLAINTEXT\"\n\"sasl.mechanism\" = \"SCRAM-SHA-512\"\n\"sasl.username\" = \"eddy\"\n\"sasl.password\" = \"${{EDDY_TEST_PW}}\"\n"
        ),
    )
    .unwrap();
    let mut cmd = c.cmd(&["cluster", "--output", "json"]);
    cmd.env_remove("EDDY_BROKERS")
        .env("EDDY_CONFIG", &cfg)
        .env("EDDY_TEST_PW", "eddy-secret");
    crate::support::run(cmd, None).ok();
    let mut cmd = c.cmd(&["cluster", "--timeout", "4s"]);
    cmd.env_remove("EDDY_BROKERS")
        .env("EDDY_CONFIG", &cfg)
        .env("EDDY_TEST_PW", "wrong-one");
    let r = crate::support::run(cmd, None).code(1);
    assert!(!r.stderr.contains("wrong-one"), "{}", r.stderr);
    let mut cmd = c.cmd(&["config"]);
    cmd.env_remove("EDDY_BROKERS")
        .env("EDDY_CONFIG", &cfg)
        .env("EDDY_TEST_PW", "eddy-secret");
    let r = crate::support::run(cmd, None).ok();
    assert!(
        !r.text().contains("eddy-secret") && r.text().contains("sasl.password = ********"),
        "{}",
        r.text()
    );
}

#[test]
fn kafka_tls_with_a_ca_file() {
    let Some(c) = Cluster::kafka("kafka_tls_with_a_ca_file") else {
        return;
    };
    let (Ok(tls), Ok(ca)) = (
        std::env::var("EDDY_TEST_KAFKA_TLS"),
        std::env::var("EDDY_TEST_KAFKA_TLS_CA"),
    ) else {
        return;
    };
    if tls.is_empty() {
        return;
    }
    let ca_prop = format!("ssl.ca.location={ca}");
    c.eddy(&["cluster", "-b", &tls, "-X", "security.protocol=SSL", "-X", &ca_prop])
        .ok();
    let r = c
        .eddy(&["cluster", "-b", &tls, "-X", "security.protocol=SSL", "--timeout", "3s"])
        .code(1);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}

#[test]
fn groups_describe_of_a_group_that_does_not_exist_fails_kafka() {
    let Some(c) = Cluster::kafka("groups_describe_of_a_group_that_does_not_exist_fails_kafka") else {
        return;
    };
    let g = crate::support::unique("no-such-group");
    for args in [
        &["groups", "describe", &g][..],
        &["groups", "describe", &g, "--output", "json"][..],
    ] {
        let r = c.eddy(args).code(1);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.text());
        assert_eq!(r.stderr.trim().lines().count(), 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("eddy: groups describe: group '{g}' does not exist")),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn groups_describe_on_dev_says_what_the_mock_cannot_tell() {
    let c = Cluster::dev(&["--topic", "t:1"]);
    let r = c.eddy(&["groups", "describe", "no-such-group"]).code(1);
    assert!(
        r.stderr.contains("no committed offsets") && r.stderr.contains("mock cluster"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_commit_past_the_end_shows_negative_lag_kafka() {
    let Some(c) = Cluster::kafka("a_commit_past_the_end_shows_negative_lag_kafka") else {
        return;
    };
    let t = c.topic("past", 1);
    c.eddy_in(&["produce", &t, "-q"], numbered(10)).ok();
    let g = crate::support::unique("past");
    // Kafka takes any offset in a commit; eddy's own commits never go past the end.
    let commit = "import os, sys\n\
        from confluent_kafka import Consumer, TopicPartition\n\
        c = Consumer({'bootstrap.servers': os.environ['EDDY_BROKERS'], 'group.id': sys.argv[1]})\n\
        c.commit(offsets=[TopicPartition(sys.argv[2], 0, 15)], asynchronous=False)\n\
        c.close()\n";
    let mut cmd = std::process::Command::new(crate::support::python());
    cmd.args(["-c", commit, &g, &t]).env("EDDY_BROKERS", &c.brokers);
    crate::support::run(cmd, None).ok();
    let d = c.eddy(&["groups", "describe", &g, "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
    assert_eq!(
        (v[0]["committed"].as_i64(), v[0]["high"].as_i64(), v[0]["lag"].as_i64()),
        (Some(15), Some(10), Some(-5)),
        "{v}"
    );
    let table = c.eddy(&["groups", "describe", &g]).ok();
    assert!(table.text().contains("total lag -5"), "{}", table.text());
}

#[test]
fn offsets_errors_start_with_the_command_name() {
    let c = Cluster::dev(&[]);
    let r = c
        .eddy(&["offsets", "t", "-b", "127.0.0.1:1", "--timeout", "1s"])
        .code(1);
    assert!(
        r.stderr.starts_with("eddy: offsets: cannot connect to 127.0.0.1:1"),
        "{}",
        r.stderr
    );
    let r = c.eddy(&["offsets", "t", "--at", "whenever"]).code(2);
    assert!(r.stderr.starts_with("eddy: offsets: --at"), "{}", r.stderr);
}

/// Runs `consume`, `produce` and `topics` against `brokers` with `extra` arguments, side
/// by side (each may wait out its timeout), and returns each one's run.
fn each_command(c: &Cluster, brokers: &str, extra: &[&str]) -> Vec<(&'static str, crate::support::Run)> {
    std::thread::scope(|s| {
        let runs: Vec<_> = [
            ("consume", &["consume", "unreachable-t", "-e"][..]),
            ("produce", &["produce", "unreachable-t"][..]),
            ("topics", &["topics"][..]),
        ]
        .into_iter()
        .map(|(name, cmd)| {
            let mut args: Vec<&str> = cmd.to_vec();
            args.extend(["-b", brokers]);
            args.extend(extra);
            s.spawn(move || (name, c.eddy_in(&args, "{}\n")))
        })
        .collect();
        runs.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// Asserts that each command failed with exit 1 and one line naming `cause`.
fn assert_named(runs: Vec<(&str, crate::support::Run)>, cause: &str) {
    for (name, r) in runs {
        let r = r.code(1);
        let line = r.stderr.trim();
        assert_eq!(line.lines().count(), 1, "{name}: {}", r.stderr);
        assert!(
            line.starts_with(&format!("eddy: {name}: cannot connect to ")),
            "{name}: {line}"
        );
        assert!(line.contains(cause), "{name}: expected {cause:?} in: {line}");
        assert!(!line.contains("brokers are down"), "{name}: {line}");
    }
}

#[test]
fn a_refused_connection_and_an_unresolvable_host_are_named() {
    let c = Cluster::dev(&[]);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().to_string()
    };
    for timeout in ["500ms", "2s"] {
        assert_named(
            each_command(&c, &closed, &["--timeout", timeout]),
            &format!("connection refused: is a broker listening on {closed}?"),
        );
        assert_named(
            each_command(&c, "no-such-host.invalid:9092", &["--timeout", timeout]),
            "cannot resolve host no-such-host.invalid",
        );
    }
}

#[test]
fn kafka_tls_and_sasl_listener_mismatches_are_named() {
    let Some(c) = Cluster::kafka("kafka_tls_and_sasl_listener_mismatches_are_named") else {
        return;
    };
    let (Ok(tls), Ok(scram)) = (
        std::env::var("EDDY_TEST_KAFKA_TLS"),
        std::env::var("EDDY_TEST_KAFKA_SCRAM"),
    ) else {
        return;
    };
    if tls.is_empty() || scram.is_empty() {
        return;
    }
    let plain = c.brokers.clone();
    let sasl = [
        "-X",
        "security.protocol=SASL_PLAINTEXT",
        "-X",
        "sasl.mechanism=SCRAM-SHA-512",
        "-X",
        "sasl.username=eddy",
        "-X",
        "sasl.password=eddy-secret",
    ];
    let ssl = ["-X", "security.protocol=SSL"];
    let short = ["--timeout", "2s"];
    let with = |a: &[&'static str]| -> Vec<&'static str> { a.iter().chain(&short).copied().collect() };
    // TLS without the cluster's CA: known at once, however long --timeout is.
    let started = std::time::Instant::now();
    assert_named(
        each_command(&c, &tls, &[&ssl[..], &["--timeout", "30s"]].concat()),
        "SSL handshake failed: certificate verify failed (add -X ssl.ca.location=FILE",
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_named(each_command(&c, &plain, &with(&ssl)), "is this the TLS port?");
    assert_named(each_command(&c, &scram, &with(&ssl)), "is this the TLS port?");
    assert_named(
        each_command(&c, &tls, &short),
        "closed the connection at the first request (is this the TLS port? then -X security.protocol=SSL)",
    );
    assert_named(
        each_command(&c, &scram, &short),
        "(does this listener want SASL? -X security.protocol=SASL_PLAINTEXT",
    );
    assert_named(
        each_command(&c, &plain, &with(&sasl)),
        "the broker does not do SASL on this listener",
    );
}

#[test]
fn kafka_a_wrong_scram_password_fails_at_once() {
    let Some(c) = Cluster::kafka("kafka_a_wrong_scram_password_fails_at_once") else {
        return;
    };
    let Ok(scram) = std::env::var("EDDY_TEST_KAFKA_SCRAM") else {
        return;
    };
    let mut args = scram_args("not-the-password");
    args.extend(["--timeout".to_string(), "30s".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    let runs = each_command(&c, &scram, &args);
    for (name, r) in &runs {
        assert!(r.elapsed.as_secs() < 5, "{name} took {:?}", r.elapsed);
        assert!(!r.stderr.contains("not-the-password"), "{name}: {}", r.stderr);
    }
    assert_named(runs, "SASL authentication error: Authentication failed");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

/// A client of our own kind that stays connected and reads each topic's metadata the
/// moment it is told the name: a second eddy process would start too late to see the
/// few milliseconds in which a new topic is not yet in the broker's metadata.
const METADATA_PROBE: &str = r#"
import sys
from confluent_kafka import Consumer
c = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "eddy-probe"})
c.list_topics(timeout=10)
for line in sys.stdin:
    t = line.strip()
    md = c.list_topics(t, timeout=10).topics.get(t)
    if md is None or md.error is not None:
        print("absent", flush=True)
    else:
        leaders = sum(1 for p in md.partitions.values() if p.leader >= 0)
        print(f"{len(md.partitions)} partitions, {leaders} leaders", flush=True)
"#;

#[test]
fn kafka_topics_create_and_delete_return_once_the_cluster_shows_it() {
    use std::io::{BufRead, Write};
    let Some(c) = Cluster::kafka("kafka_topics_create_and_delete_return_once_the_cluster_shows_it") else {
        return;
    };
    let mut probe = std::process::Command::new(crate::support::python())
        .args(["-c", METADATA_PROBE, &c.brokers])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut ask = probe.stdin.take().unwrap();
    let mut answers = std::io::BufReader::new(probe.stdout.take().unwrap()).lines();
    let mut seen = |t: &str| {
        writeln!(ask, "{t}").unwrap();
        answers.next().unwrap().unwrap()
    };
    // Many partitions widen the gap: the broker applies a deletion's hundred log
    // removals before the next creation shows (on main, 9 rounds in 10 saw nothing).
    for _ in 0..5 {
        let t = crate::support::unique("visible");
        c.eddy(&["topics", "create", &t, "--partitions", "100", "-q"]).ok();
        assert_eq!(seen(&t), "100 partitions, 100 leaders", "right after topics create {t}");
        c.eddy(&["topics", "delete", &t, "-q"]).ok();
        assert_eq!(seen(&t), "absent", "right after topics delete {t}");
    }
    let _ = probe.kill();
    let _ = probe.wait();
}

#[test]
fn kafka_topics_describe_marks_overrides_and_shows_replication_and_id() {
    let Some(c) = Cluster::kafka("kafka_topics_describe_marks_overrides_and_shows_replication_and_id") else {
        return;
    };
    let t = crate::support::unique("described");
    c.eddy(&[
        "topics",
        "create",
        &t,
        "--partitions",
        "2",
        "--config",
        "retention.ms=86400000",
        "-q",
    ])
    .ok();
    let d = c.eddy(&["topics", "describe", &t, "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
    assert_eq!(v["configs"]["retention.ms"], "86400000", "{v}");
    assert_eq!(v["config_sources"]["retention.ms"], "override", "{v}");
    assert_eq!(v["config_sources"]["segment.bytes"], "default", "{v}");
    assert_eq!(
        v["config_sources"].as_object().unwrap().len(),
        v["configs"].as_object().unwrap().len(),
        "a source for every config"
    );
    assert_eq!(v["replication_factor"], 1, "{v}");
    // The id Kafka's own tool shows.
    let tool = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kafka"))
        .args([
            "tool",
            "topics",
            "--bootstrap-server",
            &c.brokers,
            "--describe",
            "--topic",
            &t,
        ])
        .output()
        .unwrap();
    let described = String::from_utf8_lossy(&tool.stdout);
    let id = described
        .split_whitespace()
        .skip_while(|w| *w != "TopicId:")
        .nth(1)
        .unwrap_or_else(|| panic!("no TopicId in: {described}"));
    assert_eq!(v["topic_id"], id, "{v}");
    // The table marks the override and names the replication factor and the id.
    let table = c.eddy(&["topics", "describe", &t]).ok().text();
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .contains(&format!("replication factor 1, id {id}")),
        "{table}"
    );
    let row = table.lines().find(|l| l.starts_with("retention.ms ")).unwrap();
    assert!(row.trim_end().ends_with("override"), "{row}");
    c.eddy(&["topics", "delete", &t, "-q"]).ok();
}

#[test]
fn dev_help_and_readme_state_which_clients_and_transactions_the_mock_cannot_serve() {
    let c = Cluster::dev(&[]);
    let help = c.eddy(&["dev", "--help"]).ok().text();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, text) in [("eddy dev --help", words(&help)), ("README", words(&readme))] {
        for limit in [
            "librdkafka-based clients (eddy, kcat, confluent-kafka in every language) and kafka-python 2.x",
            "kafka-python 3.x cannot",
            "the mock answers ApiVersions v3 and later in a body those clients cannot parse",
            "aborted transactions are visible to read_committed consumers",
            "transactional offset commits are acknowledged and dropped",
        ] {
            assert!(
                text.to_lowercase().contains(&limit.to_lowercase()),
                "{name} does not say: {limit}"
            );
        }
    }
}
