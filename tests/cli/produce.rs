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

/// Each kind of line the validation refuses is named with its line number and serde_json's
/// words, and what it accepts is sent byte for byte: blank lines are passed over
/// uncounted, bytes in a string need not be UTF-8, and nesting has no depth limit (as
/// with serde_json ignoring a value, which validated lines before the scanner).
#[test]
fn every_kind_of_invalid_json_line_is_named_and_what_is_valid_is_sent_as_it_is() {
    let c = Cluster::dev(&[]);
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let lines: Vec<Vec<u8>> = vec![
        b"{\"a\":1}".to_vec(),
        b"{not json".to_vec(),
        b"{\"a\":1} trailing".to_vec(),
        b"   ".to_vec(),
        b"".to_vec(),
        b"{\"s\":\"caf\xe9 \xff\"}".to_vec(),
        b"\xff".to_vec(),
        b"{\"s\":\"tab\tinside\"}".to_vec(),
        b"[01]".to_vec(),
        deep.clone().into_bytes(),
        b"[[[]]".to_vec(),
        b"  {\"b\" : [1.5e-3, true, null]}\t".to_vec(),
    ];
    let input = lines.join(&b'\n');
    let p = c
        .eddy_in(&["produce", "t", "--on-invalid", "skip", "--stats", "json"], input)
        .ok();
    let s = p.stats();
    assert_eq!(
        (s["delivered"].as_u64(), s["skipped"].as_u64()),
        (Some(4), Some(6)),
        "{}",
        p.stderr
    );
    for (line, words) in [
        (2, "key must be a string at line 1 column 2"),
        (3, "trailing characters at line 1 column 9"),
        (7, "expected value at line 1 column 1"),
        (
            8,
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 9",
        ),
        (9, "invalid number at line 1 column 3"),
        (11, "EOF while parsing a list at line 1 column 5"),
    ] {
        let expected = format!("line {line}: not JSON: {words}");
        assert!(p.stderr.contains(&expected), "{expected}: {}", p.stderr);
    }
    let got = c.eddy(&["consume", "t", "-e", "-q"]).ok();
    let mut sent: Vec<&[u8]> = got.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    sent.sort();
    let mut expected: Vec<&[u8]> = vec![
        b"{\"a\":1}",
        b"{\"s\":\"caf\xe9 \xff\"}",
        deep.as_bytes(),
        b"{\"b\" : [1.5e-3, true, null]}",
    ];
    expected.sort();
    assert_eq!(sent, expected);
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

/// `n` JSON lines of about `size` bytes each, random enough not to compress much.
fn incompressible(n: usize, size: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            let text: String = (0..size)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(b'a' + (state % 26) as u8)
                })
                .collect();
            format!("{{\"v\":\"{text}\"}}\n")
        })
        .collect()
}

/// One JSON line whose value is `size` bytes of one letter (it compresses to little).
fn big_record(size: usize) -> String {
    format!("{{\"v\":\"{}\"}}\n", "x".repeat(size))
}

#[test]
fn first_produce_to_a_new_topic_waits_for_its_leader_kafka() {
    // Issue 13, item 1: a stock broker creates the topic on the first metadata request
    // and answers UNKNOWN_TOPIC_OR_PARTITION meanwhile; the first run used to fail.
    let Some(c) = Cluster::kafka("first_produce_to_a_new_topic_waits_for_its_leader_kafka") else {
        return;
    };
    let t = crate::support::unique("brand-new");
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], "{\"a\":1}\n").ok();
    assert_eq!(p.stats()["delivered"], 1, "{}", p.stderr);
    assert!(p.elapsed < Duration::from_secs(10), "{:?}", p.elapsed);
    assert_eq!(c.eddy(&["consume", &t, "-e", "-q"]).ok().lines(), vec!["{\"a\":1}"]);
}

#[test]
fn first_gen_to_a_new_topic_waits_for_its_leader_kafka() {
    let Some(c) = Cluster::kafka("first_gen_to_a_new_topic_waits_for_its_leader_kafka") else {
        return;
    };
    let t = crate::support::unique("gen-new");
    let p = c
        .eddy(&["gen", "-n", "20", "{i: $i}", "--topic", &t, "--stats", "json"])
        .ok();
    assert_eq!(p.stats()["delivered"], 20, "{}", p.stderr);
    assert_eq!(c.eddy(&["consume", &t, "-e", "-q"]).ok().lines().len(), 20);
}

/// A broker of our own with `auto.create.topics.enable=false`, stopped when dropped.
struct NoAutoCreate {
    env: Vec<(&'static str, String)>,
    brokers: String,
    _state: tempfile::TempDir,
}

impl NoAutoCreate {
    fn start() -> NoAutoCreate {
        let state = tempfile::tempdir().unwrap();
        // A base whose three ports (plaintext, controller, SCRAM) are free.
        let free = |p: u16| std::net::TcpListener::bind(("127.0.0.1", p)).is_ok();
        let base = (0..200)
            .map(|i| 40_000 + (std::process::id() % 100) as u16 * 40 + i * 4)
            .find(|b| (0..4).all(|k| free(b + k)))
            .expect("free ports");
        let env = vec![
            ("EDDY_KAFKA_STATE", state.path().display().to_string()),
            ("EDDY_KAFKA_PORT_BASE", base.to_string()),
            ("EDDY_KAFKA_TLS", "0".to_string()),
            ("EDDY_KAFKA_EXTRA_CONFIG", "auto.create.topics.enable=false".to_string()),
        ];
        let out = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kafka"))
            .arg("start")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("scripts/kafka start");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let brokers = stdout
            .lines()
            .find_map(|l| l.strip_prefix("EDDY_BROKERS="))
            .expect("EDDY_BROKERS=")
            .to_string();
        NoAutoCreate {
            env,
            brokers,
            _state: state,
        }
    }
}

impl Drop for NoAutoCreate {
    fn drop(&mut self) {
        let _ = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kafka"))
            .arg("stop")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output();
    }
}

#[test]
fn a_missing_topic_fails_at_once_where_the_broker_does_not_create_topics_kafka() {
    // Item 1 and item 10: without auto-creation there is nothing to wait for, and
    // produce, gen and consume say the same thing.
    if Cluster::kafka("a_missing_topic_fails_at_once_where_the_broker_does_not_create_topics_kafka").is_none() {
        return;
    }
    let broker = NoAutoCreate::start();
    let b = broker.brokers.as_str();
    let c = Cluster::kafka("-").unwrap();
    for (cmd, args) in [
        ("produce", vec!["produce", "nowhere", "-b", b]),
        ("gen", vec!["gen", "-n", "1", "{}", "--topic", "nowhere", "-b", b]),
    ] {
        let p = c.eddy_in(&args, "{}\n").code(1);
        assert_eq!(
            p.stderr.trim(),
            format!("eddy: {cmd}: topic 'nowhere' does not exist on the cluster at {b}"),
        );
        assert!(p.elapsed < Duration::from_secs(5), "{cmd}: {:?}", p.elapsed);
    }
    let q = c.eddy(&["consume", "nowhere", "-e", "-b", b]).code(1);
    assert!(
        q.stderr.contains("topic 'nowhere' does not exist on the cluster"),
        "{}",
        q.stderr
    );
}

#[test]
fn a_record_of_1_02_mb_reaches_a_stock_topic_kafka() {
    // Item 5: librdkafka's own message.max.bytes (1,000,000) refused what the broker
    // takes (1,048,588).
    let Some(c) = Cluster::kafka("a_record_of_1_02_mb_reaches_a_stock_topic_kafka") else {
        return;
    };
    let t = c.topic("big", 1);
    let record = big_record(1_020_000);
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], &record).ok();
    assert_eq!(p.stats()["delivered"], 1, "{}", p.stderr);
    let got = c.eddy(&["consume", &t, "-e", "-q"]).ok();
    assert_eq!(got.stdout, record.as_bytes());
    // -X message.max.bytes still wins.
    let p = c
        .eddy_in(
            &["produce", &t, "-X", "message.max.bytes=100000", "--stats", "json"],
            &record,
        )
        .code(1);
    assert_eq!(p.stats()["failed"], 1, "{}", p.stderr);
}

#[test]
fn a_record_over_the_topic_limit_is_refused_up_front_with_its_line_kafka() {
    let Some(c) = Cluster::kafka("a_record_over_the_topic_limit_is_refused_up_front_with_its_line_kafka") else {
        return;
    };
    let t = c.topic("too-big", 1);
    let input = format!("{{\"n\":1}}\n{}{{\"n\":3}}\n", big_record(2_000_000));
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], &input).code(1);
    assert!(
        p.stderr.contains(&format!(
            "eddy: line 2: record of 2,000,008 bytes; topic {t} accepts at most 1,048,588\n"
        )),
        "{}",
        p.stderr
    );
    let s = p.stats();
    assert_eq!(
        (s["delivered"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(1)),
        "{s}"
    );
    assert_eq!(
        c.eddy(&["consume", &t, "-e", "-q"]).ok().lines(),
        vec!["{\"n\":1}", "{\"n\":3}"]
    );
}

#[test]
fn a_topic_with_a_small_max_message_bytes_is_sized_for_kafka() {
    // The topic's own max.message.bytes: a 300 KB record is refused before it is sent,
    // and batches of small records stay under the limit (they were refused whole).
    let Some(c) = Cluster::kafka("a_topic_with_a_small_max_message_bytes_is_sized_for_kafka") else {
        return;
    };
    let t = crate::support::unique("small-limit");
    c.eddy(&[
        "topics",
        "create",
        &t,
        "--partitions",
        "1",
        "--config",
        "max.message.bytes=200000",
    ])
    .ok();
    let p = c
        .eddy_in(&["produce", &t, "--stats", "json"], big_record(300_000))
        .code(1);
    assert!(
        p.stderr.contains(&format!(
            "line 1: record of 300,008 bytes; topic {t} accepts at most 200,000"
        )),
        "{}",
        p.stderr
    );
    assert_eq!(p.stats()["failed"], 1);
    let p = c
        .eddy_in(&["produce", &t, "--stats", "json"], incompressible(3000, 1000))
        .ok();
    assert_eq!(p.stats()["delivered"], 3000, "{}", p.stderr);
}

#[test]
fn with_compression_the_broker_judges_the_size_kafka() {
    let Some(c) = Cluster::kafka("with_compression_the_broker_judges_the_size_kafka") else {
        return;
    };
    let t = crate::support::unique("small-limit-z");
    c.eddy(&[
        "topics",
        "create",
        &t,
        "--partitions",
        "1",
        "--config",
        "max.message.bytes=200000",
    ])
    .ok();
    // 300 KB that compresses well is taken; 500 KB that does not (to about 300 KB) is
    // refused by the broker, and the refusal names the topic's limit.
    let p = c
        .eddy_in(&["produce", &t, "-z", "zstd", "--stats", "json"], big_record(300_000))
        .ok();
    assert_eq!(p.stats()["delivered"], 1, "{}", p.stderr);
    let p = c
        .eddy_in(
            &["produce", &t, "-z", "zstd", "--stats", "json"],
            incompressible(1, 500_000),
        )
        .code(1);
    assert_eq!(p.stats()["failed"], 1, "{}", p.stderr);
    assert!(
        p.stderr.contains(&format!("topic {t} accepts: at most 200,000 bytes")),
        "{}",
        p.stderr
    );
}

#[test]
fn first_produce_on_dev_does_not_wait_for_configs_the_mock_cannot_give() {
    // The mock has no DescribeConfigs and names a controller that does not exist;
    // asking it must not cost the quick start.
    let c = Cluster::dev(&[]);
    let p = c.eddy_in(&["produce", "fresh", "-q"], "{}\n").ok();
    assert!(p.elapsed < Duration::from_secs(2), "{:?}", p.elapsed);
}

#[test]
fn key_delimiter_with_json_input_keys_raw_bytes_and_validates_the_value() {
    // Item 10: -K worked only with --input lines; kcat users split key and JSON value.
    let c = Cluster::dev(&["--topic", "kj:1"]);
    let input = "user 7\t{\"a\": 1}\nu2\t  {\"b\":2}  \nu3\tnot json\nno delimiter here\nu5\t\n\n";
    let p = c
        .eddy_in(
            &[
                "produce",
                "kj",
                "-K",
                "\\t",
                "-Z",
                "--on-invalid",
                "skip",
                "--stats",
                "json",
            ],
            input,
        )
        .ok();
    assert!(p.stderr.contains("line 3: not JSON"), "{}", p.stderr);
    assert!(p.stderr.contains("line 4: no key delimiter"), "{}", p.stderr);
    let s = p.stats();
    assert_eq!(
        (s["delivered"].as_u64(), s["skipped"].as_u64()),
        (Some(3), Some(2)),
        "{s}"
    );
    let got = c.eddy(&["consume", "kj", "-e", "-q", "-f", "json"]).ok().json_lines();
    let pairs: Vec<(String, String)> = got
        .iter()
        .map(|r| (r["key"].to_string(), r["value"].to_string()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("\"user 7\"".into(), "{\"a\":1}".into()),
            ("\"u2\"".into(), "{\"b\":2}".into()),
            ("\"u5\"".into(), "null".into()),
        ]
    );
    // The value keeps its bytes: only the whitespace around it goes, as without -K.
    let raw = c.eddy(&["consume", "kj", "-e", "-q", "-n", "1"]).ok();
    assert_eq!(raw.text(), "{\"a\": 1}\n");
    // Under the default policy, bad JSON after the key stops at its line.
    let p = c.eddy_in(&["produce", "kj", "-K", ":"], "k:{}\nk:{\n").code(1);
    assert!(p.stderr.contains("line 2: not JSON"), "{}", p.stderr);
}

#[test]
fn key_delimiter_with_envelope_input_is_a_usage_error_before_any_network() {
    let c = Cluster::dev(&[]);
    for args in [
        vec!["--input", "envelope", "-K", ":"],
        vec!["-K", ":", "-k", "fixed"],
        vec!["-K", ":", "--key-from", ".id"],
    ] {
        let mut all = vec!["produce", "t", "-b", "127.0.0.1:1", "--timeout", "5s"];
        all.extend(args);
        let p = c.eddy_in(&all, "k:{}\n").code(2);
        assert!(p.elapsed < Duration::from_secs(3), "{:?}", p.elapsed);
        assert!(p.stderr.starts_with("eddy: --key-delimiter"), "{}", p.stderr);
        assert_eq!(p.stderr.trim().lines().count(), 1, "{}", p.stderr);
    }
}

/// The sink holds records to hand them over 64 at a time; a line typed into a pipe that
/// stays open must not wait for 63 more.
#[test]
fn a_line_into_a_pipe_that_stays_open_is_delivered_at_once() {
    use std::io::Write;
    let c = Cluster::dev(&[]);
    let mut child = c
        .cmd(&["produce", "held", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("eddy produce");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"{\"n\":1}\n").expect("write");
    stdin.flush().expect("flush");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut got = Vec::new();
    while got.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        got = c.eddy(&["consume", "held", "-e", "-q"]).lines();
    }
    // Still running: the record went out while its input stayed open.
    assert!(child.try_wait().expect("status").is_none(), "eddy produce exited early");
    drop(stdin);
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status}");
    assert_eq!(got, vec!["{\"n\":1}"]);
}

/// Records without a key stay on one partition for 10 ms at a time (eddy's choice, as
/// librdkafka's sticky partitioner makes it): every one arrives, in input order within
/// each partition, and a run of many windows uses more than one partition.
fn keyless_records_spread_in_order(c: &Cluster) {
    let t = c.topic("sticky", 4);
    let n = 100_000;
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], numbered(n)).ok();
    assert_eq!(p.stats()["delivered"], n as u64, "{}", p.stderr);
    let got = c.eddy(&["consume", &t, "-e", "-f", "{partition} {value}", "-q"]).ok();
    let mut last: std::collections::BTreeMap<String, i64> = Default::default();
    let mut seen = 0;
    for l in got.lines() {
        let (part, value) = l.split_once(' ').expect("partition and value");
        let v: serde_json::Value = serde_json::from_str(value).expect("JSON");
        let i = v["n"].as_i64().expect("n");
        if let Some(before) = last.insert(part.to_string(), i) {
            assert!(before < i, "partition {part}: {i} after {before}");
        }
        seen += 1;
    }
    assert_eq!(seen, n);
    assert!(last.len() > 1, "all {n} records on one partition: {last:?}");
}

#[test]
fn keyless_records_spread_in_order_dev() {
    keyless_records_spread_in_order(&Cluster::dev(&[]));
}

#[test]
fn keyless_records_spread_in_order_kafka() {
    if let Some(c) = Cluster::kafka("keyless_records_spread_in_order_kafka") {
        keyless_records_spread_in_order(&c);
    }
}

/// Records with headers or a timestamp go out one by one and the rest in batches: the
/// input's order still holds on a partition.
#[test]
fn records_with_and_without_headers_keep_their_order() {
    let c = Cluster::dev(&["--topic", "mixed:1"]);
    let input: String = (0..500)
        .map(|i| match i % 7 {
            0 => format!("{{\"headers\":[[\"h\",\"{i}\"]],\"value\":\"{i}\"}}\n"),
            3 => format!("{{\"timestamp\":1700000000000,\"value\":\"{i}\"}}\n"),
            _ => format!("{{\"value\":\"{i}\"}}\n"),
        })
        .collect();
    c.eddy_in(&["produce", "mixed", "--input", "envelope", "-q"], input)
        .ok();
    let got = c.eddy(&["consume", "mixed", "-e", "-f", "{value}", "-q"]).ok();
    let want: Vec<String> = (0..500).map(|i| format!("\"{i}\"")).collect();
    assert_eq!(got.lines(), want);
}

/// `-X partitioner=...` is the user's choice: eddy leaves records without a key to it.
#[test]
fn a_partitioner_set_with_x_places_keyless_records() {
    let c = Cluster::dev(&["--topic", "fixed:4"]);
    // librdkafka's `consistent` hashes a missing key like an empty one: one partition.
    // Enough records for many 10 ms windows, which eddy's own choice would spread.
    c.eddy_in(
        &["produce", "fixed", "-X", "partitioner=consistent", "-q"],
        numbered(100_000),
    )
    .ok();
    let got = c.eddy(&["consume", "fixed", "-e", "-f", "{partition}", "-q"]).ok();
    let parts: std::collections::BTreeSet<String> = got.lines().into_iter().collect();
    assert_eq!(parts.len(), 1, "{parts:?}");
    assert_eq!(got.lines().len(), 100_000);
}
