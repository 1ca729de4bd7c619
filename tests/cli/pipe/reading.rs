//! What pipe reads and where it writes, on eddy dev: another cluster (`--to-context`,
//! `--to-brokers`, and which properties go to which side). Each test
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
