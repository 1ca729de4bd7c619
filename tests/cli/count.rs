//! count: windows, lateness, top, aggregates, the word count, and live processing time.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use crate::support::{Cluster, eddy_bin, run};

fn count(args: &[&str], input: &str) -> crate::support::Run {
    let mut c = std::process::Command::new(eddy_bin());
    c.arg("count").args(args).env("NO_COLOR", "1");
    run(c, Some(input.as_bytes().to_vec()))
}

/// Events {"t": seconds, "k": key} from (t, k) pairs.
fn events(pairs: &[(i64, &str)]) -> String {
    pairs
        .iter()
        .map(|(t, k)| format!("{{\"t\":{},\"k\":\"{k}\"}}\n", 1_764_316_800 + t))
        .collect()
}

/// (start offset s, end offset s, key, count) from the output rows.
fn rows(r: &crate::support::Run) -> Vec<(i64, i64, String, u64)> {
    let base = 1_764_316_800_000_i64;
    let secs = |v: &serde_json::Value| {
        let s = v.as_str().unwrap();
        let dt = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap();
        ((dt.unix_timestamp_nanos() / 1_000_000) as i64 - base) / 1000
    };
    r.json_lines()
        .iter()
        .map(|v| {
            (
                secs(&v["start"]),
                secs(&v["end"]),
                v["key"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn tumbling_with_lateness_reports_late_events() {
    let input = events(&[(1, "a"), (3, "b"), (12, "a"), (8, "a"), (25, "a"), (4, "b")]);
    let r = count(
        &["--by", ".k", "--window", "10s", "--time", ".t", "--lateness", "5s"],
        &input,
    )
    .ok();
    // 8 is within lateness when it arrives (watermark 12-5=7 < 10); 4 arrives after 25
    // moved the watermark to 20: late.
    assert_eq!(
        rows(&r),
        vec![
            (0, 10, "a".into(), 2),
            (0, 10, "b".into(), 1),
            (10, 20, "a".into(), 1),
            (20, 30, "a".into(), 1)
        ]
    );
    assert!(r.stderr.contains("late: 1"), "{}", r.stderr);
}

#[test]
fn hopping_and_session_windows() {
    let input = events(&[(7, "a")]);
    let r = count(
        &["--by", ".k", "--window", "10s", "--slide", "5s", "--time", ".t"],
        &input,
    )
    .ok();
    assert_eq!(rows(&r), vec![(0, 10, "a".into(), 1), (5, 15, "a".into(), 1)]);
    let input = events(&[(0, "a"), (4, "a"), (30, "a"), (31, "b")]);
    let r = count(&["--by", ".k", "--session", "5s", "--time", ".t"], &input).ok();
    assert_eq!(
        rows(&r),
        vec![(0, 9, "a".into(), 2), (30, 35, "a".into(), 1), (31, 36, "b".into(), 1)]
    );
}

#[test]
fn word_count_top_and_rfc3339_times() {
    let input = "{\"at\":\"2025-11-28T08:00:01Z\",\"text\":\"to be or not to be\"}\n{\"at\":\"2025-11-28T08:00:02.5Z\",\"text\":\"to do\"}\n";
    let r = count(
        &[
            "--by",
            ".text | split(\" \")[]",
            "--window",
            "1m",
            "--time",
            ".at",
            "--top",
            "2",
        ],
        input,
    )
    .ok();
    let got: Vec<(String, u64)> = r
        .json_lines()
        .iter()
        .map(|v| (v["key"].as_str().unwrap().into(), v["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, vec![("to".into(), 3), ("be".into(), 2)]);
    assert_eq!(r.json_lines()[0]["start"], "2025-11-28T08:00:00Z");
    assert_eq!(r.json_lines()[0]["end"], "2025-11-28T08:01:00Z");
}

#[test]
fn global_count_and_aggregates_agree_with_a_recomputation() {
    let mut input = String::new();
    let mut want: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    for i in 0..500i64 {
        let k = format!("c{}", (i * 7) % 13);
        let amount = (i * 31) % 100;
        input.push_str(&format!("{{\"country\":\"{k}\",\"amount\":{amount}}}\n"));
        let e = want.entry(k).or_default();
        e.0 += 1;
        e.1 += amount;
    }
    let r = count(&["--by", ".country", "--sum", ".amount"], &input).ok();
    let got: BTreeMap<String, (u64, i64)> = r
        .json_lines()
        .iter()
        .map(|v| {
            assert!(v.get("start").is_none());
            (
                v["key"].as_str().unwrap().to_string(),
                (v["count"].as_u64().unwrap(), v["sum"].as_i64().unwrap()),
            )
        })
        .collect();
    assert_eq!(got, want);
    let r = count(&[], "{}\n{}\n").ok();
    assert_eq!(r.lines(), vec!["{\"key\":null,\"count\":2}"]);
}

#[test]
fn bad_input_is_reported_with_its_line() {
    let r = count(&["--by", ".k"], "{\"k\":1}\nnope\n{\"k\":1}\n").code(5);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    assert_eq!(r.lines(), vec!["{\"key\":1,\"count\":2}"]);
    count(&["--by", ".k |"], "").code(2);
    count(&["--window", "soon"], "").code(2);
}

#[test]
fn live_processing_time_windows_close_on_the_clock() {
    let c = Cluster::dev(&["--topic", "live:1"]);
    let mut child = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{0} consume live --from end | {0} count --window 2s --by .k",
            eddy_bin().display()
        ))
        .env("EDDY_BROKERS", &c.brokers)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send((Instant::now(), line));
        }
    });
    std::thread::sleep(Duration::from_secs(2));
    for _ in 0..3 {
        c.eddy_in(&["produce", "live", "-q"], "{\"k\":\"x\"}\n").ok();
        std::thread::sleep(Duration::from_millis(700));
    }
    let last_sent = Instant::now();
    let mut got = Vec::new();
    while let Ok((at, line)) = rx.recv_timeout(Duration::from_secs(6)) {
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        got.push((at, v));
        if got.iter().map(|(_, v)| v["count"].as_u64().unwrap()).sum::<u64>() == 3 {
            break;
        }
    }
    // The whole pipeline: bash, consume and count.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGTERM) };
    let _ = child.wait();
    let total: u64 = got.iter().map(|(_, v)| v["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 3, "{got:?}");
    // The last window closed on the clock, within about a second of its end, with no
    // input after it.
    let (at, _) = got.last().unwrap();
    assert!(
        at.duration_since(last_sent) < Duration::from_secs(5),
        "{:?}",
        at.duration_since(last_sent)
    );
}

/// One `consume -g | count` member of a counting group.
struct Member {
    consume: std::process::Child,
    count: std::process::Child,
    /// How many partitions the group assigned this member last (its `-v` lines).
    assigned: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Member {
    fn start(c: &Cluster, topic: &str, group: &str) -> Member {
        use std::io::BufRead as _;
        use std::process::{Command, Stdio};
        use std::sync::atomic::{AtomicI64, Ordering};
        let mut consume = Command::new(eddy_bin())
            .args(["consume", topic, "-g", group, "-v", "-X", "session.timeout.ms=6000"])
            .env("EDDY_BROKERS", &c.brokers)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let assigned = std::sync::Arc::new(AtomicI64::new(-1));
        let seen = assigned.clone();
        let err = consume.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("eddy: group rebalanced: assigned ") {
                    let n = rest.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(-1);
                    seen.store(n, Ordering::SeqCst);
                } else if line == "eddy: group rebalanced: partitions revoked" {
                    seen.store(0, Ordering::SeqCst);
                }
            }
        });
        let count = Command::new(eddy_bin())
            .args(["count", "--by", ".user", "-q"])
            .stdin(consume.stdout.take().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Member {
            consume,
            count,
            assigned,
        }
    }

    fn assigned(&self) -> i64 {
        self.assigned.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Stops the consumer (Ctrl-C); count sees the end of its input and prints.
    fn finish(mut self) -> BTreeMap<String, u64> {
        unsafe { libc::kill(self.consume.id() as i32, libc::SIGINT) };
        let _ = self.consume.wait();
        let out = self.count.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (v["key"].as_str().unwrap().to_string(), v["count"].as_u64().unwrap())
            })
            .collect()
    }
}

#[test]
fn counting_scales_out_by_key_over_a_consumer_group() {
    // Records keyed by user land in one partition per user; each member of the group
    // owns some partitions, so its counts are final for its users.
    let c = Cluster::dev(&["--topic", "bykey:4"]);
    let a = Member::start(&c, "bykey", "counters");
    let b = Member::start(&c, "bykey", "counters");
    // Waits until the group has given each member two of the four partitions (their
    // `-v` lines say so): a fixed sleep lost that race on a machine at load 20.
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    while (a.assigned(), b.assigned()) != (2, 2) {
        assert!(
            std::time::Instant::now() < deadline,
            "no balanced group after 90 s: {} and {} partitions",
            a.assigned(),
            b.assigned()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let input: String = (0..400)
        .map(|i| format!("user{}\t{{\"user\":\"user{}\",\"i\":{i}}}\n", i % 20, i % 20))
        .collect();
    c.eddy_in(&["produce", "bykey", "--input", "lines", "-K", "\\t", "-q"], input)
        .ok();
    std::thread::sleep(Duration::from_secs(4));
    let (ca, cb) = (a.finish(), b.finish());
    assert!(!ca.is_empty() && !cb.is_empty(), "both members counted: {ca:?} {cb:?}");
    for k in ca.keys() {
        assert!(!cb.contains_key(k), "{k} counted by both members");
    }
    let mut all = ca;
    all.extend(cb);
    assert_eq!(all.len(), 20);
    assert!(all.values().all(|n| *n == 20), "{all:?}");
}

/// Plain paths run on the fast path, the same filters written so that it does not take
/// them (`| .`) through the interpreter: on awkward events — escaped keys and strings,
/// exponents, duplicate keys, whitespace, nested values, non-objects, bad lines — both
/// give the same rows, the same errors and the same exit code.
#[test]
fn the_fast_path_counts_as_the_interpreter_does() {
    let mut input = String::new();
    let awkward = [
        r#"{"k":"a","t":1764316800,"n":2}"#,
        r#"{ "k" : "a" , "t" : 1764316801 , "n" : 2.5 }"#,
        r#"{"k":"\u0061","t":1764316802000,"n":1e1}"#,
        r#"{"k":"b","k":"c","t":"2025-11-28T08:00:03Z","n":-0}"#,
        r#"{"k\u0020":"x","k":"d","t":1764316804,"n":null}"#,
        r#"{"k":{"x":[1,{"y":null}]},"t":1764316805,"n":3}"#,
        r#"{"k":"é","t":1764316806,"n":123456789012345678901}"#,
        r#"{"k":"a\"b","t":1764316807,"n":"7"}"#,
        r#"[1,2]"#,
        r#"{"k":"a","t":1764316808"#,
        r#"not json"#,
        r#"{"t":1764316809}"#,
    ];
    for i in 0..30 {
        input.push_str(awkward[i % awkward.len()]);
        input.push('\n');
    }
    for (fast, slow) in [
        (vec!["--by", ".k"], vec!["--by", ".k | ."]),
        (
            vec!["--by", ".k", "--window", "2s", "--time", ".t"],
            vec!["--by", ".k | .", "--window", "2s", "--time", ".t | ."],
        ),
        (
            vec!["--by", ".k", "--sum", ".n"],
            vec!["--by", ".k | .", "--sum", ".n | ."],
        ),
    ] {
        let a = count(&fast, &input);
        let b = count(&slow, &input);
        assert_eq!(a.code, b.code, "{fast:?}: {}", a.stderr);
        assert_eq!(a.text(), b.text(), "{fast:?}");
        assert_eq!(a.stderr, b.stderr, "{fast:?}");
        assert!(!a.text().is_empty());
    }
}
