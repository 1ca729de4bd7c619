//! `eddy pipe`: topic to topic through jq and codecs, on eddy dev (the mock drops
//! transactional offset commits, so this is the at-least-once path): the shape of what
//! is written, the record flags, routes, errors and dead letters. Exactly once on Apache
//! Kafka is `kafka`.

mod acls;
mod groups;
mod kafka;
mod reading;
mod schemas;

use crate::support::{Cluster, unique};

/// The envelopes of a topic, read to its end.
pub(super) fn envelopes(c: &Cluster, topic: &str) -> Vec<serde_json::Value> {
    c.eddy(&["consume", topic, "-e", "-f", "json", "-q"]).ok().json_lines()
}

pub(super) fn orders(n: u64) -> String {
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

/// Ten records, two of which (n = 3 and n = 7) the filter below fails on.
pub(super) fn with_two_bad(c: &Cluster, topic: &str) {
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

pub(super) const DOUBLE: &str = "{key, value: {n: .value.n, next: (.value.amount + 1)}}";

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

#[test]
fn pipe_draws_no_progress_bar_when_stderr_is_not_a_terminal() {
    // A bounded run long enough for several redraws were stderr a terminal (five a
    // second): its stderr is the summary alone.
    let c = Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]);
    c.eddy_in(&["produce", "in", "-q"], orders(20_000)).ok();
    let r = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "--filter",
            "reduce range(100) as $x (.; .)",
        ])
        .ok();
    assert!(
        !r.stderr.contains('\r') && !r.stderr.contains("ETA") && !r.stderr.contains("[#"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 4, "{}", r.stderr);
    assert!(r.stderr.starts_with("in 20000  out 20000"), "{}", r.stderr);
}
