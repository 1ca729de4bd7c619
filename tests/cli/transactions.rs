//! Transactional topics on Apache Kafka, written by confluent-kafka (a client eddy's team
//! did not write, `tests/python/transactions.py`) and checked against Kafka's own tools:
//! what consume shows and commits, and the two ends `offsets` and `groups` report.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{Cluster, python, python_script, unique};

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python/transactions.py")
}

/// Writes transactions (`commit:5`, `abort:50`) to a topic and waits until they are done.
fn transactions(c: &Cluster, topic: &str, steps: &[&str]) {
    let mut args = vec![topic];
    args.extend_from_slice(steps);
    python_script(c, &script(), &args).ok();
}

/// Runs one of Kafka's own tools (`scripts/kafka tool NAME ARGS`) against this cluster.
fn kafka_tool(c: &Cluster, name: &str, args: &[&str]) -> String {
    let out = Command::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/kafka"))
        .args(["tool", name, "--bootstrap-server", &c.brokers])
        .args(args)
        .output()
        .expect("scripts/kafka tool");
    assert!(
        out.status.success(),
        "kafka tool {name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (partition, current offset, log end offset, lag) of a group, as
/// `kafka-consumer-groups --describe` shows them.
fn kafka_describe(c: &Cluster, group: &str) -> Vec<(i64, i64, i64, i64)> {
    let text = kafka_tool(c, "consumer-groups", &["--describe", "--group", group]);
    let mut rows: Vec<(i64, i64, i64, i64)> = text
        .lines()
        .filter(|l| l.split_whitespace().next() == Some(group))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| f[i].parse::<i64>().unwrap_or_else(|_| panic!("column {i} of {l}"));
            (n(2), n(3), n(4), n(5))
        })
        .collect();
    rows.sort();
    rows
}

fn json(run: &crate::support::Run) -> serde_json::Value {
    serde_json::from_slice(&run.stdout).unwrap()
}

#[test]
fn a_group_that_read_a_transactional_topic_to_its_end_has_no_lag_kafka() {
    let Some(c) = Cluster::kafka("a_group_that_read_a_transactional_topic_to_its_end_has_no_lag_kafka") else {
        return;
    };
    let t = c.topic("tx", 1);
    transactions(&c, &t, &["commit:5", "abort:50"]);
    let g = unique("txg");
    let r = c.eddy(&["consume", &t, "-g", &g, "-e", "--stats", "json"]).ok();
    // read_committed: the committed five, none of the aborted fifty.
    let shown: Vec<String> = r
        .json_lines()
        .iter()
        .map(|v| format!("{}:{}", v["kind"], v["n"]))
        .collect();
    let committed: Vec<String> = (0..5).map(|i| format!("\"commit\":{i}")).collect();
    assert_eq!(shown, committed);
    let s = r.stats();
    let p = &s["partitions"][0];
    assert_eq!((p["offset"].as_i64(), p["high"].as_i64()), (Some(57), Some(57)), "{s}");
    assert_eq!((p["stable"].as_i64(), p["lag"].as_i64()), (Some(57), Some(0)), "{s}");
    // Five records, their commit marker, fifty aborted, their abort marker: the group is
    // at the log end, for Kafka's tool as for eddy.
    assert_eq!(kafka_describe(&c, &g), vec![(0, 57, 57, 0)]);
    let d = json(&c.eddy(&["groups", "describe", &g, "--output", "json"]).ok());
    assert_eq!(
        (d[0]["committed"].as_i64(), d[0]["lag"].as_i64()),
        (Some(57), Some(0)),
        "{d}"
    );
    // The text summary says the same, and the group has nothing left to read.
    let again = c.eddy(&["consume", &t, "-g", &g, "-e"]).ok();
    assert!(again.stdout.is_empty(), "{}", again.text());
    assert!(
        again.stderr.contains("lag at the end 0 over 1 partitions"),
        "{}",
        again.stderr
    );
}

#[test]
fn only_committed_transactions_leave_no_lag_per_partition_kafka() {
    let Some(c) = Cluster::kafka("only_committed_transactions_leave_no_lag_per_partition_kafka") else {
        return;
    };
    let t = c.topic("txc", 3);
    transactions(&c, &t, &["commit:6", "commit:6"]);
    let g = unique("txcg");
    let r = c.eddy(&["consume", &t, "-g", &g, "-e", "-q"]).ok();
    assert_eq!(r.lines().len(), 12);
    // Per partition: four records and two commit markers.
    assert_eq!(kafka_describe(&c, &g), vec![(0, 6, 6, 0), (1, 6, 6, 0), (2, 6, 6, 0)]);
}

/// An open transaction of `open` records after a committed one of `committed`, on a
/// one-partition topic; the transaction is aborted when the returned child's stdin
/// closes.
fn open_transaction(c: &Cluster, topic: &str, committed: usize, open: usize) -> std::process::Child {
    let mut child = Command::new(python())
        .arg(script())
        .args([topic, &format!("commit:{committed}"), &format!("open:{open}")])
        .env("EDDY_BROKERS", &c.brokers)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("transactions.py");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    assert_eq!(line.trim(), "open", "transactions.py did not open its transaction");
    child
}

#[test]
fn offsets_show_the_high_watermark_beside_the_last_stable_offset_kafka() {
    let Some(c) = Cluster::kafka("offsets_show_the_high_watermark_beside_the_last_stable_offset_kafka") else {
        return;
    };
    let t = c.topic("txo", 1);
    let mut child = open_transaction(&c, &t, 3, 8);
    // Three records and their marker are stable; eight more are written, undecided.
    assert_eq!(
        kafka_tool(&c, "get-offsets", &["--topic", &t, "--time", "-1"]).trim(),
        format!("{t}:0:12")
    );
    let o = json(&c.eddy(&["offsets", &t, "--output", "json"]).ok());
    assert_eq!(
        (o[0]["low"].as_i64(), o[0]["high"].as_i64(), o[0]["stable"].as_i64()),
        (Some(0), Some(12), Some(4)),
        "{o}"
    );
    let table = c.eddy(&["offsets", &t]).ok().lines();
    assert_eq!(
        table[0].split_whitespace().collect::<Vec<_>>(),
        ["PARTITION", "LOW", "HIGH", "STABLE", "RECORDS"]
    );
    assert_eq!(
        table[1].split_whitespace().collect::<Vec<_>>(),
        ["0", "0", "12", "4", "12"]
    );
    // -e stops at the last stable offset (it does not wait for the transaction), with no
    // lag left, and the group is committed there.
    let g = unique("txog");
    let r = c.eddy(&["consume", &t, "-g", &g, "-e", "--stats", "json"]).ok();
    assert_eq!(r.lines().len(), 3);
    assert!(r.elapsed < Duration::from_secs(30), "{:?}", r.elapsed);
    let p = &r.stats()["partitions"][0];
    assert_eq!(
        (
            p["offset"].as_i64(),
            p["high"].as_i64(),
            p["stable"].as_i64(),
            p["lag"].as_i64()
        ),
        (Some(4), Some(12), Some(4), Some(0)),
        "{p}"
    );
    let d = json(&c.eddy(&["groups", "describe", &g, "--output", "json"]).ok());
    assert_eq!(
        (
            d[0]["committed"].as_i64(),
            d[0]["high"].as_i64(),
            d[0]["stable"].as_i64(),
            d[0]["lag"].as_i64()
        ),
        (Some(4), Some(12), Some(4), Some(0)),
        "{d}"
    );
    // Once the transaction is decided (aborted, with its marker), the two ends meet and
    // the table has no STABLE column.
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let o = json(&c.eddy(&["offsets", &t, "--output", "json"]).ok());
    assert_eq!(
        (o[0]["high"].as_i64(), o[0]["stable"].as_i64()),
        (Some(13), Some(13)),
        "{o}"
    );
    let table = c.eddy(&["offsets", &t]).ok().lines();
    assert_eq!(
        table[0].split_whitespace().collect::<Vec<_>>(),
        ["PARTITION", "LOW", "HIGH", "RECORDS"]
    );
}
