//! Group members that end up with nothing to read: `-e` (any bounded read) with a group
//! whose partitions all went to other members. consume and pipe share the rule, so one
//! file pins it for both.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Cluster, unique};

/// How long a member given nothing may take to say so and end (a join and a sync on a
/// loaded machine; the bug was "forever").
const BOUND: Duration = Duration::from_secs(60);

/// A plain `consume -g group` that has read `n` records of `topic` (so it holds its only
/// partition), kept running. Static membership (`group.instance.id=a`) makes the range
/// assignor, which orders members by it, keep giving the partition to this one.
fn holder(c: &Cluster, topic: &str, group: &str, n: usize) -> Child {
    let mut child = c
        .cmd(&["consume", topic, "-g", group, "-X", "group.instance.id=a", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the holder");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    for _ in 0..n {
        rx.recv_timeout(BOUND).expect("the holder reads the records");
    }
    child
}

/// Runs a second member (`args`, ordered after the holder) and returns its exit code and
/// stderr, or None when it was still running after `BOUND` (then it is killed).
fn second_member(c: &Cluster, args: &[&str]) -> Option<(Option<i32>, String)> {
    let mut all = args.to_vec();
    all.extend(["-X", "group.instance.id=b"]);
    let mut child = c
        .cmd(&all)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the second member");
    let deadline = Instant::now() + BOUND;
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            let out = child.wait_with_output().expect("output");
            return Some((out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn a_bounded_group_member_given_no_partitions_ends_with_exit_0_and_says_so() {
    // Regression (issue #16): `-e -g` waited forever in a member the group gave nothing,
    // in pipe and in consume alike (2 members, 1 input partition).
    let c = Cluster::dev(&["--topic", "one:1", "--topic", "out:1"]);
    c.eddy_in(&["produce", "one"], crate::support::numbered(3)).ok();
    // A group each: a static member that ends does not leave its group, so a second
    // one joining the same group would wait for it.
    let beside_a_holder = |args: &[&str]| {
        let g = unique("g");
        let mut holding = holder(&c, "one", &g, 3);
        let mut all = args.to_vec();
        all.extend(["-g", &g]);
        let ended = second_member(&c, &all);
        let _ = holding.kill();
        let _ = holding.wait();
        ended
    };
    let consume = beside_a_holder(&["consume", "one", "-e"]);
    let pipe = beside_a_holder(&["pipe", "one", "--to", "out", "-e", "--stats", "json"]);
    for (what, ended) in [("consume", consume), ("pipe", pipe)] {
        let (code, stderr) = ended.unwrap_or_else(|| panic!("{what} -e -g still waiting after {BOUND:?}"));
        assert_eq!(code, Some(0), "{what}: {stderr}");
        assert!(
            stderr.contains(&format!("eddy: {what}: the group gave this member no partitions")),
            "{what}: {stderr}"
        );
    }
    // Nothing was read by the second members, so nothing was copied.
    assert!(super::envelopes(&c, "out").is_empty());
}
