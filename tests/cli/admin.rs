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
    let d = c.eddy(&["topics", "describe", &t, "--output", "json"]).ok();
    let v: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
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
        r.stderr.starts_with("eddy: offsets: no answer from the cluster"),
        "{}",
        r.stderr
    );
    let r = c.eddy(&["offsets", "t", "--at", "whenever"]).code(2);
    assert!(r.stderr.starts_with("eddy: offsets: --at"), "{}", r.stderr);
}
