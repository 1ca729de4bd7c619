//! What pipe reads and where it writes, on eddy dev: consume's offset flags (`^regex`
//! sources, `--from`/`--until` by offset and by time, `-p`) and another cluster
//! (`--to-context`, `--to-brokers`, and which properties go to which side). Each test
//! asserts exactly which records arrived, in order per partition.

use std::collections::BTreeMap;

use super::envelopes;
use crate::support::{Cluster, unique};

/// A time well in the past, so that record timestamps are not the clock's.
const T0: i64 = 1_764_316_800_000;

/// `n` records into `partition` of `topic`: `{"p":P,"n":i}`, one second apart from T0.
fn fill(c: &Cluster, topic: &str, partition: i32, n: i64) {
    let lines: String = (0..n)
        .map(|i| format!("{{\"p\":{partition},\"n\":{i},\"ts\":{}}}\n", T0 + i * 1000))
        .collect();
    c.eddy_in(
        &[
            "produce",
            topic,
            "-p",
            &partition.to_string(),
            "--timestamp-from",
            ".ts",
            "-q",
        ],
        lines,
    )
    .ok();
}

/// The `n` of each record of a topic, by partition, in offset order.
fn by_partition(c: &Cluster, topic: &str) -> BTreeMap<i64, Vec<i64>> {
    let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for e in envelopes(c, topic) {
        out.entry(e["partition"].as_i64().unwrap())
            .or_default()
            .push(e["value"]["n"].as_i64().unwrap());
    }
    out
}

/// What consume shows of `topic` with `flags`: the same rule, by partition.
fn consume_shows(c: &Cluster, topic: &str, flags: &[&str]) -> BTreeMap<i64, Vec<i64>> {
    let mut args = vec!["consume", topic, "-f", "json", "-q"];
    args.extend(flags);
    let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for e in c.eddy(&args).ok().json_lines() {
        out.entry(e["partition"].as_i64().unwrap())
            .or_default()
            .push(e["value"]["n"].as_i64().unwrap());
    }
    out
}

#[test]
fn pipe_from_and_until_by_offset_and_by_time_take_what_consume_would_show() {
    let c = Cluster::dev(&["--topic", "in:2", "--topic", "byoff:2", "--topic", "bytime:2"]);
    fill(&c, "in", 0, 10);
    fill(&c, "in", 1, 8);
    let expected: BTreeMap<i64, Vec<i64>> = [(0, vec![3, 4, 5, 6]), (1, vec![3, 4, 5, 6])].into();
    let off = ["--from", "3", "--until", "7"];
    c.eddy(&[&["pipe", "in", "--to", "byoff", "--keep-partition", "-q"][..], &off[..]].concat())
        .ok();
    assert_eq!(by_partition(&c, "byoff"), expected);
    assert_eq!(consume_shows(&c, "in", &off), expected);
    // @TIME: from the record at T0+3s, until the first at or after T0+7s (exclusive).
    let (from, until) = (format!("@{}", T0 + 3000), format!("@{}", T0 + 7000));
    let time = ["--from", from.as_str(), "--until", until.as_str()];
    c.eddy(
        &[
            &["pipe", "in", "--to", "bytime", "--keep-partition", "-q"][..],
            &time[..],
        ]
        .concat(),
    )
    .ok();
    assert_eq!(by_partition(&c, "bytime"), expected);
    assert_eq!(consume_shows(&c, "in", &time), expected);
}

#[test]
fn pipe_partition_reads_only_the_partitions_named() {
    let c = Cluster::dev(&["--topic", "in:3", "--topic", "out:3"]);
    for p in 0..3 {
        fill(&c, "in", p, 4 + i64::from(p));
    }
    let s = c
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "-p",
            "0,2",
            "-e",
            "--keep-partition",
            "--stats",
            "json",
        ])
        .ok()
        .stats();
    assert_eq!(s["records_in"].as_u64(), Some(10), "{s}");
    let expected: BTreeMap<i64, Vec<i64>> = [(0, (0..4).collect()), (2, (0..6).collect())].into();
    assert_eq!(by_partition(&c, "out"), expected);
    c.eddy(&["pipe", "in", "--to", "out", "-p", "3", "-e"]).code(2);
}

#[test]
fn pipe_regex_sources_read_every_matching_topic_and_no_other() {
    let c = Cluster::dev(&[
        "--topic", "logs.a:1", "--topic", "logs.b:2", "--topic", "other:1", "--topic", "out:1",
    ]);
    fill(&c, "logs.a", 0, 5);
    fill(&c, "logs.b", 0, 3);
    fill(&c, "logs.b", 1, 4);
    fill(&c, "other", 0, 2);
    let g = unique("g");
    let s = c
        .eddy(&[
            "pipe",
            "^logs\\..*",
            "--to",
            "out",
            "-g",
            &g,
            "-e",
            "--stats",
            "json",
            "--filter",
            "{key: .topic, value: {t: .topic, p: .partition, n: .value.n}}",
        ])
        .ok()
        .stats();
    assert_eq!(s["records_in"].as_u64(), Some(12), "{s}");
    // One output partition: each source partition's records in their order.
    let mut seen: BTreeMap<(String, i64), Vec<i64>> = BTreeMap::new();
    for e in envelopes(&c, "out") {
        let v = &e["value"];
        seen.entry((v["t"].as_str().unwrap().to_string(), v["p"].as_i64().unwrap()))
            .or_default()
            .push(v["n"].as_i64().unwrap());
    }
    let expected: BTreeMap<(String, i64), Vec<i64>> = [
        (("logs.a".to_string(), 0), (0..5).collect()),
        (("logs.b".to_string(), 0), (0..3).collect()),
        (("logs.b".to_string(), 1), (0..4).collect()),
    ]
    .into();
    assert_eq!(seen, expected);
}

/// A config file with contexts, for `--config`.
fn config(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn pipe_to_context_writes_to_that_cluster_with_its_own_properties() {
    let (input, far) = (Cluster::dev(&["--topic", "in:2"]), Cluster::dev(&["--topic", "out:2"]));
    fill(&input, "in", 0, 5);
    fill(&input, "in", 1, 3);
    let dir = tempfile::tempdir().unwrap();
    // "far" names the other cluster; "tls" the same one with a property that cannot
    // work there (it speaks plaintext): that the context's properties reach the
    // destination shows in its failure.
    let path = config(
        &dir,
        &format!(
            "[contexts.far]\nbrokers = \"{b}\"\n\n[contexts.tls]\nbrokers = \"{b}\"\n[contexts.tls.properties]\n\"security.protocol\" = \"ssl\"\n",
            b = far.brokers
        ),
    );
    let g = unique("g");
    let args = |ctx: &'static str| {
        vec![
            "pipe".to_string(),
            "in".into(),
            "--to".into(),
            "out".into(),
            "--to-context".into(),
            ctx.into(),
            "--config-file".into(),
            path.clone(),
            "-g".into(),
            g.clone(),
            "-e".into(),
            "--keep-partition".into(),
            "--timeout".into(),
            "5s".into(),
        ]
    };
    let tls = args("tls");
    let r = input.eddy(&tls.iter().map(String::as_str).collect::<Vec<_>>()).code(1);
    assert!(r.stderr.contains("the destination out"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let ok = args("far");
    let mut ok: Vec<&str> = ok.iter().map(String::as_str).collect();
    ok.extend(["--stats", "json"]);
    let s = input.eddy(&ok).ok().stats();
    assert_eq!(
        (s["records_in"].as_u64(), s["delivery"].as_str()),
        (Some(8), Some("at-least-once")),
        "{s}"
    );
    let expected: BTreeMap<i64, Vec<i64>> = [(0, (0..5).collect()), (1, (0..3).collect())].into();
    assert_eq!(by_partition(&far, "out"), expected);
    // The failed run read nothing it committed: the group resumes after the good run only.
    assert_eq!(input.eddy(&ok).ok().stats()["records_in"].as_u64(), Some(0));
}

#[test]
fn pipe_input_properties_stay_with_the_input_and_to_x_goes_to_the_destination() {
    // Regression (issue #16): --to-brokers sent the input's -X to the other cluster.
    // Here the input's -X bootstrap.servers names the input: sent to the destination it
    // would win over --to-brokers and write back into the input's cluster.
    let (input, far) = (
        Cluster::dev(&["--topic", "in:1", "--topic", "out:1"]),
        Cluster::dev(&["--topic", "out:1"]),
    );
    fill(&input, "in", 0, 3);
    let mut c = input.cmd(&[
        "pipe",
        "in",
        "--to",
        "out",
        "--to-brokers",
        &far.brokers,
        "-e",
        "-q",
        "-X",
        &format!("bootstrap.servers={}", input.brokers),
    ]);
    c.env("EDDY_BROKERS", "127.0.0.1:1");
    crate::support::run(c, None).ok();
    let three: BTreeMap<i64, Vec<i64>> = [(0, vec![0, 1, 2])].into();
    assert_eq!(by_partition(&far, "out"), three);
    assert!(
        envelopes(&input, "out").is_empty(),
        "nothing written back into the input"
    );
    // --to-X reaches the destination (it wins over --to-brokers there) and only it: on
    // the input it would read the other cluster's empty "in".
    let s = input
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "--to-brokers",
            "127.0.0.1:1",
            "--to-X",
            &format!("bootstrap.servers={}", far.brokers),
            "-e",
            "--stats",
            "json",
        ])
        .ok()
        .stats();
    assert_eq!(s["records_in"].as_u64(), Some(3), "{s}");
    let six: BTreeMap<i64, Vec<i64>> = [(0, vec![0, 1, 2, 0, 1, 2])].into();
    assert_eq!(by_partition(&far, "out"), six);
    assert!(envelopes(&input, "out").is_empty());
    // And with --to-context, after the context's own properties.
    let dir = tempfile::tempdir().unwrap();
    let path = config(&dir, &format!("[contexts.far]\nbrokers = \"{}\"\n", far.brokers));
    let r = input
        .eddy(&[
            "pipe",
            "in",
            "--to",
            "out",
            "--to-context",
            "far",
            "--config-file",
            &path,
            "--to-X",
            "security.protocol=ssl",
            "-e",
            "--timeout",
            "5s",
        ])
        .code(1);
    assert!(r.stderr.contains("the destination out"), "{}", r.stderr);
}
