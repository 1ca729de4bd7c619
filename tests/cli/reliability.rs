//! Nothing lost, nothing doubled, no panics: eddy under `eddy dev --chaos`, interrupts,
//! kill -9 and bad input. Deterministic in the faults chosen through `--chaos-seed`.

use std::collections::HashSet;
use std::process::Stdio;
use std::time::Duration;

use crate::support::{Cluster, eddy_bin, numbered, run};

fn ns(lines: &[serde_json::Value]) -> Vec<i64> {
    lines.iter().map(|v| v["n"].as_i64().unwrap()).collect()
}

#[test]
fn exactly_once_under_chaos_and_a_group_sees_everything() {
    let c = Cluster::dev(&["--nodes", "3", "--chaos", "--chaos-seed", "42", "--topic", "c:6"]);
    // 30,000 generated records, straight to the topic.
    let p = c
        .eddy(&[
            "gen", "-n", "30000", "--rate", "10000", "--topic", "c", "--stats", "json", "{n: $i}",
        ])
        .ok();
    let s = p.stats();
    assert_eq!(
        (s["delivered"].as_u64(), s["failed"].as_u64(), s["unknown"].as_u64()),
        (Some(30_000), Some(0), Some(0)),
        "{}",
        p.stderr
    );
    let all = c.eddy(&["consume", "c", "-e", "-q", "--timeout", "30s"]).ok();
    let got = ns(&all.json_lines());
    assert_eq!(got.len(), 30_000, "no duplicates");
    assert_eq!(got.iter().collect::<HashSet<_>>().len(), 30_000, "every record");
    let g = c
        .eddy(&["consume", "c", "-g", "chaotic", "-e", "-q", "--timeout", "30s"])
        .ok();
    let seen: HashSet<i64> = ns(&g.json_lines()).into_iter().collect();
    assert_eq!(seen.len(), 30_000);
}

#[test]
fn interrupted_at_3000_per_second_delivered_equals_the_topic() {
    let c = Cluster::dev(&["--topic", "r:6"]);
    let (code, stats) = crate::support::interrupted(
        &c,
        &["gen", "--rate", "3000", "--topic", "r", "--stats", "json", "{n: $i}"],
        Duration::from_secs(3),
    );
    assert_eq!(code, Some(130));
    let delivered = stats["delivered"].as_u64().unwrap();
    assert!((6000..=12000).contains(&delivered), "{stats}");
    let got = ns(&c.eddy(&["consume", "r", "-e", "-q"]).ok().json_lines());
    assert_eq!(got.len() as u64, delivered);
    assert_eq!(
        got.iter().collect::<HashSet<_>>().len() as u64,
        delivered,
        "no duplicates"
    );
}

#[test]
fn a_group_consumer_killed_with_sigkill_loses_nothing() {
    let c = Cluster::dev(&["--topic", "k:3"]);
    c.eddy_in(&["produce", "k", "-q"], numbered(50_000)).ok();
    // A slow reader, so that the consumer is mid-stream when it dies.
    let child = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{} consume k -g victim -q -X session.timeout.ms=6000 | while read -r l; do echo \"$l\"; sleep 0.0002; done",
            eddy_bin().display()
        ))
        .env("EDDY_BROKERS", &c.brokers)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(5));
    // kill -9 the consumer itself (not the shell), and only ours: another run of this
    // test on the machine has a consumer of the same command line.
    let shell = child.id().to_string();
    let pids = run(
        {
            let mut p = std::process::Command::new("pgrep");
            p.args(["-P", &shell, "-f", "consume k -g victim"]);
            p
        },
        None,
    );
    for pid in pids.lines() {
        let _ = std::process::Command::new("kill").args(["-9", pid.trim()]).status();
    }
    let out = child.wait_with_output().unwrap();
    let first: Vec<i64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["n"].as_i64().unwrap())
        .collect();
    assert!(
        !first.is_empty() && first.len() < 50_000,
        "killed mid-stream after {}",
        first.len()
    );
    let rest = c
        .eddy(&[
            "consume",
            "k",
            "-g",
            "victim",
            "-e",
            "-q",
            "-X",
            "session.timeout.ms=6000",
            "--timeout",
            "30s",
        ])
        .ok();
    let mut seen: HashSet<i64> = first.into_iter().collect();
    seen.extend(ns(&rest.json_lines()));
    assert_eq!(seen.len(), 50_000, "together they saw every record");
}

#[test]
fn an_oversized_record_fails_with_a_size_error() {
    let c = Cluster::dev(&[]);
    let big = format!("{{\"blob\":\"{}\"}}\n", "x".repeat(3 * 1024 * 1024));
    let r = c.eddy_in(&["produce", "t", "--stats", "json"], big).code(1);
    assert_eq!(r.stats()["failed"], 1);
    assert!(
        r.stderr.contains("larger than message.max.bytes (1,048,588;"),
        "{}",
        r.stderr
    );
}

/// Deterministic garbage: bytes from a simple generator, with newlines sprinkled in.
fn garbage(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x % 40 == 0 { b'\n' } else { (x >> 24) as u8 }
        })
        .collect()
}

#[test]
fn garbage_never_panics_or_hangs() {
    let c = Cluster::dev(&[]);
    for seed in 1..=4u64 {
        let g = garbage(seed, 20_000);
        for args in [
            &["produce", "t", "--on-invalid", "skip", "-q"][..],
            &["produce", "t", "--input", "envelope", "--on-invalid", "skip", "-q"][..],
            &[
                "produce",
                "t",
                "--input",
                "lines",
                "-K",
                ":",
                "--on-invalid",
                "skip",
                "-q",
            ][..],
        ] {
            let r = c.eddy_in(args, g.clone());
            assert!(matches!(r.code, Some(0 | 1)), "{args:?}: {:?} {}", r.code, r.stderr);
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        }
        for args in [&["count", "--by", ".a"][..], &["filter", ".a"][..]] {
            let mut cmd = std::process::Command::new(eddy_bin());
            cmd.args(args);
            let r = run(cmd, Some(g.clone()));
            assert!(matches!(r.code, Some(0 | 5)), "{args:?}: {:?} {}", r.code, r.stderr);
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        }
    }
    // A filter nested thousands deep is refused, not a stack overflow.
    let deep_filter = format!("{}.{}", "(".repeat(5000), ")".repeat(5000));
    let mut cmd = std::process::Command::new(eddy_bin());
    cmd.args(["filter", &deep_filter]);
    let r = run(cmd, Some(b"1\n".to_vec()));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("nested"), "{}", r.stderr);
    // Deeply nested JSON is valid JSON: produced as it is, never a stack overflow.
    let deep = format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let r = c.eddy_in(&["produce", "t", "--stats", "json"], deep.clone()).ok();
    assert_eq!(r.stats()["delivered"], 1);
    let mut cmd = std::process::Command::new(eddy_bin());
    cmd.args(["count"]);
    let r = run(cmd, Some(deep.into_bytes()));
    assert!(matches!(r.code, Some(0 | 5)), "{:?} {}", r.code, r.stderr);
}

#[test]
fn a_cluster_that_goes_away_mid_run_is_a_clear_failure() {
    let mut c = Cluster::dev(&["--topic", "gone:2"]);
    c.eddy_in(&["produce", "gone", "-q"], numbered(100)).ok();
    let child = c
        .cmd(&["consume", "gone", "--timeout", "3s", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let stopped = std::time::Instant::now();
    c.stop_dev();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("lost the cluster"), "{err}");
    assert!(stopped.elapsed() < Duration::from_secs(20), "{:?}", stopped.elapsed());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        100,
        "what it read was written"
    );
    // And a topic that does not exist is one clear line.
    let c = Cluster::dev(&[]);
    let r = c.eddy(&["consume", "nowhere", "-e"]).code(1);
    assert!(r.stderr.contains("topic 'nowhere' does not exist"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}
