//! consume: offsets, times, groups, formats, closed pipes.

use std::time::Duration;

use crate::support::{Cluster, Kind, numbered};

/// Records with timestamps 1000 s apart, through the envelope.
fn timed_records(n: usize, base: i64) -> String {
    (0..n)
        .map(|i| format!("{{\"timestamp\":{},\"value\":{{\"n\":{i}}}}}\n", base + i as i64 * 1000))
        .collect()
}

fn offsets_and_times(c: &Cluster, t: &str) {
    let base = 1_764_316_800_000;
    c.eddy_in(
        &["produce", t, "--input", "envelope", "-p", "0", "-q"],
        timed_records(20, base),
    )
    .ok();
    let from_time = |spec: &str| -> Vec<i64> {
        c.eddy(&["consume", t, "-p", "0", "-e", "-q", "--from", spec])
            .ok()
            .json_lines()
            .iter()
            .map(|v| v["n"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(from_time(&format!("@{}", base + 5000)), (5..20).collect::<Vec<_>>());
    assert_eq!(from_time(&format!("@{}", base + 5500)), (6..20).collect::<Vec<_>>());
    assert_eq!(from_time("@2025-11-28T08:00:13Z"), (13..20).collect::<Vec<_>>());
    assert_eq!(from_time(&format!("@{}", base - 1)), (0..20).collect::<Vec<_>>());
    assert_eq!(from_time(&format!("@{}", base + 60_000)), Vec::<i64>::new());
    assert_eq!(from_time("-3"), vec![17, 18, 19]);
    assert_eq!(from_time("7").len(), 13);
    let until = c
        .eddy(&["consume", t, "-p", "0", "-q", "--from", "2", "--until", "5"])
        .ok();
    assert_eq!(until.lines().len(), 3);
    let until_time = c
        .eddy(&["consume", t, "-p", "0", "-q", "--until", &format!("@{}", base + 4000)])
        .ok();
    assert_eq!(until_time.lines().len(), 4);
}

#[test]
fn offsets_and_times_dev() {
    let c = Cluster::dev(&["--topic", "timed:1"]);
    offsets_and_times(&c, "timed");
}

#[test]
fn offsets_and_times_kafka() {
    if let Some(c) = Cluster::kafka("offsets_and_times_kafka") {
        let t = c.topic("timed", 1);
        offsets_and_times(&c, &t);
    }
}

fn group_commit_after_count(c: &Cluster, t: &str) {
    c.eddy_in(&["produce", t, "-q"], numbered(100)).ok();
    let g = crate::support::unique("g");
    let first = c
        .eddy(&[
            "consume",
            t,
            "-g",
            &g,
            "-n",
            "30",
            "-q",
            "-X",
            "session.timeout.ms=6000",
        ])
        .ok();
    assert_eq!(first.lines().len(), 30);
    let rest = c
        .eddy(&["consume", t, "-g", &g, "-e", "-q", "-X", "session.timeout.ms=6000"])
        .ok();
    let mut all: Vec<i64> = first
        .json_lines()
        .iter()
        .chain(rest.json_lines().iter())
        .map(|v| v["n"].as_i64().unwrap())
        .collect();
    assert_eq!(all.len(), 100, "nothing read twice, nothing skipped");
    all.sort();
    assert_eq!(all, (0..100).collect::<Vec<_>>());
}

#[test]
fn group_commit_after_count_dev() {
    let c = Cluster::dev(&[]);
    group_commit_after_count(&c, "g");
}

#[test]
fn group_commit_after_count_kafka() {
    if let Some(c) = Cluster::kafka("group_commit_after_count_kafka") {
        let t = c.topic("groupc", 3);
        group_commit_after_count(&c, &t);
    }
}

fn closed_pipe(c: &Cluster, t: &str) {
    c.eddy_in(&["produce", t, "-q"], numbered(20_000)).ok();
    let r = c
        .sh(&format!(
            "eddy consume {t} -e | head -n 5 >/dev/null; echo ${{PIPESTATUS[0]}}"
        ))
        .ok();
    assert_eq!(r.text().trim(), "0", "{}", r.stderr);
    // With a group, what the reader never took is not committed. The reader here takes
    // exactly five lines (bash's `read` takes a pipe byte by byte); a reader that reads
    // ahead, such as `head`, takes more than it prints, which no writer can know.
    let g = crate::support::unique("pipe");
    let r = c.sh(&format!(
        "eddy consume {t} -g {g} -X session.timeout.ms=6000 -q | (for i in 1 2 3 4 5; do IFS= read -r l; echo \"$l\"; done); echo rc=${{PIPESTATUS[0]}} >&2"
    ));
    assert!(r.stderr.contains("rc=0"), "{}", r.stderr);
    let first: Vec<i64> = r.json_lines().iter().map(|v| v["n"].as_i64().unwrap()).collect();
    assert_eq!(first.len(), 5);
    let rest = c
        .eddy(&["consume", t, "-g", &g, "-e", "-q", "-X", "session.timeout.ms=6000"])
        .ok();
    let mut seen: Vec<i64> = rest.json_lines().iter().map(|v| v["n"].as_i64().unwrap()).collect();
    // Nothing the reader did not take was committed: the next run starts at most at the
    // sixth record, and together the two runs saw everything.
    assert!(
        rest.lines().len() >= 20_000 - 5,
        "the closed pipe committed {} records too many",
        20_000 - 5 - rest.lines().len()
    );
    seen.extend(first);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 20_000);
}

#[test]
fn closed_pipe_dev() {
    let c = Cluster::dev(&["--topic", "big:1"]);
    closed_pipe(&c, "big");
}

#[test]
fn closed_pipe_kafka() {
    if let Some(c) = Cluster::kafka("closed_pipe_kafka") {
        let t = c.topic("pipe", 1);
        closed_pipe(&c, &t);
    }
}

#[test]
fn several_topics_and_partitions() {
    let c = Cluster::dev(&["--topic", "a:2", "--topic", "b:3"]);
    c.eddy_in(&["produce", "a", "-q"], numbered(10)).ok();
    c.eddy_in(&["produce", "b", "-q", "-p", "2"], numbered(7)).ok();
    let both = c.eddy(&["consume", "a", "b", "-e", "-f", "{topic}", "-q"]).ok();
    assert_eq!(both.lines().iter().filter(|l| *l == "a").count(), 10);
    assert_eq!(both.lines().iter().filter(|l| *l == "b").count(), 7);
    let only = c.eddy(&["consume", "b", "-p", "0,1", "-e", "-q"]).ok();
    assert_eq!(only.lines().len(), 0);
    c.eddy(&["consume", "b", "-p", "9", "-e"]).code(2);
}

#[test]
fn regex_topics_with_a_group() {
    let c = Cluster::dev(&["--topic", "logs.a:1", "--topic", "logs.b:1", "--topic", "other:1"]);
    for t in ["logs.a", "logs.b", "other"] {
        c.eddy_in(&["produce", t, "-q"], numbered(3)).ok();
    }
    let r = c
        .eddy(&["consume", "^logs\\..*", "-g", "rx", "-e", "-f", "{topic}", "-q"])
        .ok();
    let mut topics = r.lines();
    topics.sort();
    assert_eq!(topics, vec!["logs.a", "logs.a", "logs.a", "logs.b", "logs.b", "logs.b"]);
    c.eddy(&["consume", "^logs"]).code(2);
}

#[test]
fn stats_json_reports_counts_and_lag() {
    let c = Cluster::dev(&["--topic", "s:2"]);
    c.eddy_in(&["produce", "s", "-q", "-p", "0"], numbered(10)).ok();
    c.eddy_in(&["produce", "s", "-q", "-p", "1"], numbered(5)).ok();
    let r = c.eddy(&["consume", "s", "-n", "4", "-p", "0", "--stats", "json"]).ok();
    let s = r.stats();
    assert_eq!(s["records"], 4);
    assert_eq!(s["partitions"][0]["offset"], 4);
    assert_eq!(s["partitions"][0]["high"], 10);
    assert_eq!(s["partitions"][0]["lag"], 6);
}

#[test]
fn stored_needs_a_group_and_bad_specs_are_usage_errors() {
    let c = Cluster::dev(&[]);
    c.eddy(&["consume", "t", "--from", "stored"]).code(2);
    c.eddy(&["consume", "t", "--from", "yesterday"]).code(2);
    c.eddy(&["consume", "t", "--until", "beginning"]).code(2);
    c.eddy(&["consume", "t", "-f", "{nope}"]).code(2);
}

#[test]
fn live_records_arrive_while_waiting() {
    let c = Cluster::dev(&["--topic", "live:1"]);
    let child = c
        .cmd(&["consume", "live", "--from", "end", "-n", "3", "-q"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    c.eddy_in(&["produce", "live", "-q"], numbered(3)).ok();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let _ = Kind::Dev;
}

fn levels(c: &Cluster, topic: &str) {
    let input: String = (0..100)
        .map(|i| {
            format!(
                "{{\"i\":{i},\"level\":\"{}\"}}\n",
                if i % 10 == 3 { "error" } else { "info" }
            )
        })
        .collect();
    c.eddy_in(&["produce", topic, "-q"], input).ok();
}

#[test]
fn expect_stops_as_soon_as_met() {
    let c = Cluster::dev(&["--topic", "logs:3"]);
    levels(&c, "logs");
    let r = c
        .eddy(&[
            "consume",
            "logs",
            "--expect",
            "10",
            "--within",
            "30s",
            "--filter",
            "select(.level == \"error\")",
            "-q",
        ])
        .ok();
    assert_eq!(r.lines().len(), 10);
    assert!(r.elapsed < Duration::from_secs(15), "{:?}", r.elapsed);
}

#[test]
fn expect_not_met_within_names_what_it_saw() {
    let c = Cluster::dev(&["--topic", "logs:3"]);
    levels(&c, "logs");
    let r = c
        .eddy(&[
            "consume",
            "logs",
            "--expect",
            "11",
            "--within",
            "3s",
            "--filter",
            "select(.level == \"error\")",
            "-q",
        ])
        .code(1);
    assert!(
        r.elapsed >= Duration::from_millis(2900) && r.elapsed < Duration::from_secs(12),
        "{:?}",
        r.elapsed
    );
    assert!(
        r.stderr.contains("saw 10 of 11 matching records in 3s on logs"),
        "{}",
        r.stderr
    );
    assert_eq!(r.lines().len(), 10, "records are printed as usual");
    // The stream's end comes first with -e.
    let r = c
        .eddy(&[
            "consume",
            "logs",
            "-e",
            "--expect",
            "11",
            "--filter",
            "select(.level == \"error\")",
            "-q",
        ])
        .code(1);
    assert!(r.stderr.contains("saw 10 of 11"), "{}", r.stderr);
}

#[test]
fn expect_none() {
    let c = Cluster::dev(&["--topic", "logs:3"]);
    levels(&c, "logs");
    let r = c
        .eddy(&[
            "consume",
            "logs",
            "--expect-none",
            "--within",
            "20s",
            "--filter",
            "select(.level == \"error\")",
            "-q",
        ])
        .code(1);
    assert!(r.elapsed < Duration::from_secs(10), "at once: {:?}", r.elapsed);
    assert!(r.stderr.contains("expected no matching record"), "{}", r.stderr);
    let r = c
        .eddy(&[
            "consume",
            "logs",
            "--expect-none",
            "--within",
            "2s",
            "--filter",
            "select(.level == \"fatal\")",
            "-q",
        ])
        .ok();
    assert!(r.elapsed >= Duration::from_millis(1900), "{:?}", r.elapsed);
    c.eddy(&["consume", "logs", "--within", "2s"]).code(2);
}

#[test]
fn expect_new_records_from_the_end() {
    let c = Cluster::dev(&["--topic", "fresh:2"]);
    levels(&c, "fresh");
    let child = c
        .cmd(&[
            "consume", "fresh", "--from", "end", "--expect", "5", "--within", "20s", "-q",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let started = std::time::Instant::now();
    c.eddy_in(&["produce", "fresh", "-q"], numbered(5)).ok();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    let got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(got.len(), 5);
    assert!(
        got.iter().all(|l| l.starts_with("{\"n\":")),
        "only the new records: {got:?}"
    );
}

/// The warnings on stderr, one line each.
fn warnings(r: &crate::support::Run) -> Vec<&str> {
    r.stderr.lines().filter(|l| l.starts_with("eddy: consume:")).collect()
}

#[test]
fn from_an_offset_past_the_end_starts_at_the_end_with_a_warning() {
    let c = Cluster::dev(&["--topic", "t:2"]);
    c.eddy_in(&["produce", "t", "-q", "-p", "0"], numbered(10)).ok();
    c.eddy_in(&["produce", "t", "-q", "-p", "1"], numbered(30)).ok();
    // Partition 0 has 10: it is done at once; partition 1 is read from 20.
    let r = c
        .eddy(&[
            "consume",
            "t",
            "-e",
            "--from",
            "20",
            "-f",
            "{partition}:{offset}",
            "--stats",
            "json",
        ])
        .ok();
    let expected: Vec<String> = (20..30).map(|o| format!("1:{o}")).collect();
    assert_eq!(r.lines(), expected);
    assert_eq!(
        warnings(&r),
        ["eddy: consume: t[0]: --from 20 is past the end (10); starting at 10"],
        "{}",
        r.stderr
    );
    let s = r.stats();
    assert_eq!(
        (
            s["partitions"][0]["offset"].as_i64(),
            s["partitions"][0]["lag"].as_i64()
        ),
        (Some(10), Some(0)),
        "{s}"
    );
    // Without -e it waits at the end for new records, not replaying the old ones.
    let child = c
        .cmd(&["consume", "t", "-p", "0", "--from", "11", "-n", "1", "-f", "{offset}"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    c.eddy_in(&["produce", "t", "-q", "-p", "0"], numbered(1)).ok();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("t[0]: --from 11 is past the end (10); starting at 10"),
        "{err}"
    );
}

#[test]
fn from_an_offset_outside_the_log_starts_at_its_nearest_end_kafka() {
    let Some(c) = Cluster::kafka("from_an_offset_outside_the_log_starts_at_its_nearest_end_kafka") else {
        return;
    };
    let t = c.topic("range", 1);
    c.eddy_in(&["produce", &t, "-q"], numbered(10)).ok();
    // Records 0-4 deleted: the partition is 5-10.
    let delete = "import os, sys\n\
        from confluent_kafka import TopicPartition\n\
        from confluent_kafka.admin import AdminClient\n\
        admin = AdminClient({'bootstrap.servers': os.environ['EDDY_BROKERS']})\n\
        for f in admin.delete_records([TopicPartition(sys.argv[1], 0, 5)], operation_timeout=30).values():\n    f.result()\n";
    let mut cmd = std::process::Command::new(crate::support::python());
    cmd.args(["-c", delete, &t]).env("EDDY_BROKERS", &c.brokers);
    crate::support::run(cmd, None).ok();
    let from = |spec: &str| {
        c.eddy(&["consume", &t, "-e", "--from", spec, "-f", "{offset}", "-q"])
            .ok()
    };
    let r = from("2");
    assert_eq!(r.lines(), ["5", "6", "7", "8", "9"]);
    assert_eq!(
        warnings(&r),
        [format!(
            "eddy: consume: {t}[0]: --from 2 is below the log start (5); starting at 5"
        )]
    );
    let r = from("200");
    assert!(r.stdout.is_empty(), "{}", r.text());
    assert_eq!(
        warnings(&r),
        [format!(
            "eddy: consume: {t}[0]: --from 200 is past the end (10); starting at 10"
        )]
    );
    let r = from("7");
    assert_eq!(r.lines(), ["7", "8", "9"]);
    assert!(warnings(&r).is_empty(), "{}", r.stderr);
}

#[test]
fn within_without_expect_is_a_usage_error_before_any_network() {
    // Nothing listens on port 1: a check that waited for the cluster would say "no answer".
    let c = Cluster::dev(&[]);
    for args in [
        &["consume", "t", "--within", "5s"][..],
        &["consume", "t", "--expect", "0", "--within", "5s"][..],
        &["consume", "t", "--expect-none", "--within", "soon"][..],
    ] {
        let mut all = args.to_vec();
        all.extend(["-b", "127.0.0.1:1", "--timeout", "3s"]);
        let r = c.eddy(&all).code(2);
        assert!(
            r.stderr.contains("--within") || r.stderr.contains("--expect"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("no answer"), "{args:?}: {}", r.stderr);
        assert!(r.elapsed < Duration::from_secs(3), "{args:?}: {:?}", r.elapsed);
    }
}
