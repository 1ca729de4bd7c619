//! produce: delivery accounting, input forms, invalid input, partitioning, errors.

use std::time::Duration;

use crate::support::{Cluster, numbered};

fn produce_and_count(c: &Cluster) {
    let t = c.topic("produce", 4);
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], numbered(1000)).ok();
    let s = p.stats();
    assert_eq!(s["delivered"], 1000, "{}", p.stderr);
    assert_eq!(s["failed"], 0);
    assert_eq!(s["unknown"], 0);
    assert_eq!(s["skipped"], 0);
    for k in ["bytes", "elapsed_s", "records_per_s", "mb_per_s"] {
        assert!(s[k].is_number(), "{k} in {s}");
    }
    for k in ["p50", "p95", "p99", "p999", "max"] {
        assert!(s["latency_ms"][k].is_number(), "{k} in {s}");
    }
    let got = c.eddy(&["consume", &t, "-e", "-q"]).ok();
    let mut ns: Vec<i64> = got.json_lines().iter().map(|v| v["n"].as_i64().unwrap()).collect();
    ns.sort();
    assert_eq!(ns, (0..1000).collect::<Vec<_>>());
}

#[test]
fn produce_and_count_dev() {
    produce_and_count(&Cluster::dev(&[]));
}

#[test]
fn produce_and_count_kafka() {
    if let Some(c) = Cluster::kafka("produce_and_count_kafka") {
        produce_and_count(&c);
    }
}

#[test]
fn text_summary_has_plain_labels() {
    let c = Cluster::dev(&[]);
    let p = c.eddy_in(&["produce", "t"], numbered(12)).ok();
    assert!(
        p.stderr.contains("delivered 12  failed 0  unknown 0  skipped 0"),
        "{}",
        p.stderr
    );
    for label in ["p50", "p95", "p99", "p99.9", "max", "records/s", "MB/s"] {
        assert!(p.stderr.contains(label), "{label}: {}", p.stderr);
    }
}

#[test]
fn invalid_json_stops_at_its_line_and_delivers_what_came_before() {
    let c = Cluster::dev(&[]);
    let input = "{\"a\":1}\n{\"a\":2}\n{not json\n{\"a\":4}\n";
    let p = c.eddy_in(&["produce", "t", "--stats", "json"], input).code(1);
    assert!(p.stderr.contains("line 3"), "{}", p.stderr);
    assert_eq!(p.stats()["delivered"], 2);
    let got = c.eddy(&["consume", "t", "-e", "-q"]).ok();
    assert_eq!(got.lines().len(), 2);
}

#[test]
fn invalid_json_skipped_and_counted() {
    let c = Cluster::dev(&[]);
    let input = "{\"a\":1}\nnope\n\n{\"a\":3}\n[1,\n";
    let p = c
        .eddy_in(&["produce", "t", "--on-invalid", "skip", "--stats", "json"], input)
        .ok();
    let s = p.stats();
    assert_eq!(s["delivered"], 2, "{}", p.stderr);
    assert_eq!(s["skipped"], 2, "{}", p.stderr);
    assert!(
        p.stderr.contains("line 2") && p.stderr.contains("line 5"),
        "{}",
        p.stderr
    );
}

#[test]
fn lines_with_keys_headers_and_tombstones() {
    let c = Cluster::dev(&["--topic", "t:4"]);
    c.eddy_in(
        &[
            "produce", "t", "--input", "lines", "-K", "::", "-H", "src=test", "-H", "v=1", "-Z", "-q",
        ],
        "k1::hello\nk2::\nk1::again\n",
    )
    .ok();
    let got = c.eddy(&["consume", "t", "-e", "-f", "json", "-q"]).ok();
    let recs = got.json_lines();
    assert_eq!(recs.len(), 3);
    let tomb = recs.iter().find(|r| r["key"] == "k2").unwrap();
    assert!(tomb["value"].is_null() && tomb.get("value_type").is_none(), "{tomb}");
    let k1: Vec<_> = recs.iter().filter(|r| r["key"] == "k1").collect();
    assert_eq!(k1.len(), 2);
    assert_eq!(k1[0]["partition"], k1[1]["partition"], "same key, same partition");
    assert_eq!(k1[0]["headers"], serde_json::json!([["src", "test"], ["v", "1"]]));
}

#[test]
fn same_key_lands_on_the_murmur2_partition() {
    // The Java client's murmur2 partitioner puts key "a" on partition 0 and "b" on 1 of 4
    // ... whatever it computes, every record of a key must land together.
    let c = Cluster::dev(&["--topic", "keyed:8"]);
    let input: String = (0..200).map(|i| format!("user{}\t{{\"i\":{i}}}\n", i % 10)).collect();
    c.eddy_in(&["produce", "keyed", "--input", "lines", "-K", "\\t", "-q"], input)
        .ok();
    let got = c
        .eddy(&["consume", "keyed", "-e", "-f", "{key} {partition}", "-q"])
        .ok();
    let mut seen = std::collections::HashMap::new();
    for l in got.lines() {
        let (k, p) = l.split_once(' ').unwrap();
        assert_eq!(seen.entry(k.to_string()).or_insert(p.to_string()), p, "key {k}");
    }
    assert_eq!(seen.len(), 10);
}

#[test]
fn explicit_partition_and_null_delimiter() {
    let c = Cluster::dev(&["--topic", "p:3"]);
    c.eddy_in(
        &["produce", "p", "--input", "lines", "-p", "2", "-D", "\\0", "-q"],
        "a\nb\0c\0",
    )
    .ok();
    let got = c
        .eddy(&["consume", "p", "-e", "-f", "{partition}:{value}", "-D", "\\0", "-q"])
        .ok();
    assert_eq!(got.stdout, b"2:a\nb\x002:c\x00");
    c.eddy_in(&["produce", "p", "-p", "3"], "{}\n").code(2);
}

#[test]
fn unreachable_cluster_fails_within_timeout_naming_brokers() {
    let c = Cluster::dev(&[]);
    let p = c
        .eddy_in(&["produce", "t", "-b", "127.0.0.1:1", "--timeout", "1500ms"], "{}\n")
        .code(1);
    assert!(p.elapsed < Duration::from_secs(8), "{:?}", p.elapsed);
    assert!(p.stderr.contains("127.0.0.1:1"), "{}", p.stderr);
    assert_eq!(p.stderr.trim().lines().count(), 1, "one line: {}", p.stderr);
    let q = c
        .eddy(&["consume", "t", "-b", "127.0.0.1:1", "--timeout", "1s"])
        .code(1);
    assert!(q.stderr.contains("127.0.0.1:1"), "{}", q.stderr);
}

#[test]
fn rate_paces_the_records() {
    let c = Cluster::dev(&[]);
    let p = c.eddy_in(&["produce", "t", "--rate", "20", "-q"], numbered(30)).ok();
    // 30 records at 20/s: the last is due at 1.45 s.
    assert!(p.elapsed >= Duration::from_millis(1400), "{:?}", p.elapsed);
    assert!(p.elapsed < Duration::from_secs(6), "{:?}", p.elapsed);
}

#[test]
fn count_stops_reading() {
    let c = Cluster::dev(&[]);
    let p = c
        .eddy_in(&["produce", "t", "-n", "5", "--stats", "json"], numbered(50))
        .ok();
    assert_eq!(p.stats()["delivered"], 5);
}

#[test]
fn files_are_read_in_order() {
    let c = Cluster::dev(&["--topic", "f:1"]);
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, "{\"f\":\"a\"}\n").unwrap();
    std::fs::write(&b, "{\"f\":\"b\"}").unwrap();
    c.eddy(&["produce", "f", a.to_str().unwrap(), b.to_str().unwrap(), "-q"])
        .ok();
    assert_eq!(
        c.eddy(&["consume", "f", "-e", "-q"]).ok().lines(),
        vec!["{\"f\":\"a\"}", "{\"f\":\"b\"}"]
    );
    c.eddy(&["produce", "f", "/nonexistent/file"]).code(2);
}

#[test]
fn sigint_flushes_summarises_and_exits_130() {
    let c = Cluster::dev(&[]);
    // A producer reading a pipe that never ends, interrupted.
    let (code, stats) = crate::support::interrupted(
        &c,
        &["produce", "t", "--stats", "json", "--rate", "50"],
        Duration::from_millis(1500),
    );
    assert_eq!(code, Some(130));
    let delivered = stats["delivered"].as_u64().unwrap();
    assert!(delivered > 20 && delivered < 200, "{stats}");
    assert_eq!(stats["failed"], 0);
    let on_topic = c.eddy(&["consume", "t", "-e", "-q"]).ok().lines().len() as u64;
    assert_eq!(on_topic, delivered);
}
