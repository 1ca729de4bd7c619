//! filter: `eddy filter` against jq 1.6 on a corpus of filters, its options, errors and
//! exit codes; `consume --filter`; produce's `--key-from` and friends.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Cluster, Run, eddy_bin, run};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filter-corpus")
}

/// `eddy filter ARGS` with `input` on stdin, the environment pinned.
fn filter(args: &[&str], input: &str) -> Run {
    let mut c = Command::new(eddy_bin());
    c.arg("filter").args(args).env("NO_COLOR", "1").env_remove("JQ_COLORS");
    run(c, Some(input.as_bytes().to_vec()))
}

/// The corpus: `filters.txt` holds one filter a line (a leading `!` marks one where jq
/// and jaq differ, see docs/jq-differences.md), `expected.txt` each filter's output
/// over `input.jsonl` under a `### FILTER` line.
fn cases() -> Vec<(String, bool, String)> {
    let filters = std::fs::read_to_string(corpus().join("filters.txt")).unwrap();
    let expected = std::fs::read_to_string(corpus().join("expected.txt")).unwrap();
    let mut outputs = std::collections::HashMap::new();
    let mut current: Option<String> = None;
    for line in expected.lines() {
        if let Some(f) = line.strip_prefix("### ") {
            current = Some(f.to_string());
            outputs.insert(f.to_string(), String::new());
        } else if let Some(f) = &current {
            let o = outputs.get_mut(f).unwrap();
            o.push_str(line);
            o.push('\n');
        }
    }
    filters
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let want = outputs
                .get(l)
                .unwrap_or_else(|| panic!("no expected output for {l}"))
                .clone();
            match l.strip_prefix('!') {
                Some(f) => (f.to_string(), false, want),
                None => (l.to_string(), true, want),
            }
        })
        .collect()
}

#[test]
fn corpus_matches_the_expected_outputs() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} filters", cases.len());
    let input = corpus().join("input.jsonl");
    for (f, _, want) in &cases {
        let mut c = Command::new(eddy_bin());
        c.args(["filter", f.as_str()]).arg(&input).env("NO_COLOR", "1");
        let got = run(c, None);
        assert_eq!(got.text(), *want, "filter {f}; stderr: {}", got.stderr);
    }
}

#[test]
fn corpus_matches_jq_byte_for_byte() {
    let jq = Path::new("/usr/bin/jq");
    if !jq.exists() {
        let _ = writeln!(
            std::io::stderr(),
            "skipped corpus_matches_jq_byte_for_byte: /usr/bin/jq is not installed"
        );
        return;
    }
    let input = corpus().join("input.jsonl");
    for (f, same, _) in cases().iter().filter(|c| c.1) {
        assert!(same);
        let mut c = Command::new(eddy_bin());
        c.args(["filter", f.as_str()]).arg(&input).env("NO_COLOR", "1");
        let ours = run(c, None);
        let mut c = Command::new(jq);
        c.args(["-c", f.as_str()]).arg(&input);
        let theirs = run(c, None);
        assert_eq!(
            ours.stdout,
            theirs.stdout,
            "filter {f}: eddy {:?} jq {:?}",
            ours.text(),
            theirs.text()
        );
    }
}

#[test]
fn compile_error_exits_2_with_the_position() {
    let r = filter(&[".a | map(.b"], "{}").code(2);
    assert!(r.stderr.contains("cannot compile the filter: 1:"), "{}", r.stderr);
    assert!(r.stderr.contains('^'), "{}", r.stderr);
    let r = filter(&[".a | nosuch(1)"], "{}").code(2);
    assert!(r.stderr.contains("1:6: undefined filter nosuch/1"), "{}", r.stderr);
}

/// Issue 17: jq's destructuring alternatives (`?//`), which jaq's parser lacks: each
/// pattern is tried in turn when it or the body fails, every variable is bound (null
/// where the pattern that matched does not bind it), and the last one's error is the
/// error (exit 5).
#[test]
fn destructuring_alternatives_as_jq() {
    let code = r#".[] as [$a] ?// {a: $a} ?// $b | [$a, $b]"#;
    let r = filter(&[code], r#"[[1], {"a": 2}, 3]"#).ok();
    assert_eq!(r.lines(), ["[1,null]", "[2,null]", "[null,3]"]);
    // An error in the body tries the next pattern too.
    let code = r#".[] as [$a] ?// $a | if ($a | type) == "number" then error("no") else $a end"#;
    assert_eq!(filter(&[code], "[[1]]").ok().lines(), ["[1]"]);
    let r = filter(&[r#". as [$a] ?// {a: $a} | $a"#], "3").code(5);
    assert!(r.stderr.contains("Cannot index number with"), "{}", r.stderr);
    // `$name: pattern` binds the key's value and destructures it.
    let r = filter(&[r#". as {$b: [$c]} | [$b, $c]"#], r#"{"b": [7]}"#).ok();
    assert_eq!(r.lines(), ["[[7],7]"]);
}

/// Issue 17: `$__loc__` says the line it is on (jaq knew only line 1).
#[test]
fn loc_is_the_line_it_is_on() {
    let r = filter(&["1 as $x\n| $__loc__", "-c"], "null").ok();
    assert_eq!(r.lines(), [r#"{"file":"<top-level>","line":2}"#]);
}

#[test]
fn library_path_finds_modules_and_data_for_import_and_include() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("nested")).unwrap();
    std::fs::write(lib.join("math.jq"), "def twice: . * 2;\n").unwrap();
    std::fs::write(lib.join("nested/nested.jq"), "def inc: . + 1;\n").unwrap();
    std::fs::write(lib.join("cfg.json"), "{\"n\": 3}\n").unwrap();
    let code = r#"import "math" as m; include "nested"; import "cfg" as $cfg; m::twice + $cfg[0].n | inc"#;
    // Over stdin (one core) and over a file large enough for both cores: the workers
    // compile the filter again and must find the same modules.
    let l = lib.to_str().unwrap();
    assert_eq!(filter(&["-L", l, code], "5\n").ok().lines(), ["14"]);
    let input = dir.path().join("in.json");
    let many: String = (0..200_000).map(|i| format!("{i}\n")).collect();
    std::fs::write(&input, &many).unwrap();
    let mut c = Command::new(eddy_bin());
    c.args(["filter", "--library-path", l, code]).arg(&input);
    let r = run(c, None).ok();
    assert_eq!(r.lines().len(), 200_000);
    assert_eq!(r.lines()[199_999], (199_999 * 2 + 4).to_string());
    // Another directory first: searched in order, the first match wins.
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("math.jq"), "def twice: . * 20;\n").unwrap();
    let o = other.to_str().unwrap();
    assert_eq!(filter(&["-L", o, "-L", l, code], "5\n").ok().lines(), ["104"]);
    // Without it, jq's default directories hold no such module: exit 2, the module named.
    let r = filter(&[r#"import "math" as m; m::twice"#], "5\n").code(2);
    assert!(
        r.stderr.contains("cannot load module math: file not found"),
        "{}",
        r.stderr
    );
}

#[test]
fn runtime_error_names_the_line_and_goes_on_exit_5() {
    let r = filter(&[".a"], "{\"a\":1}\n[2]\n{\"a\":3}\n").code(5);
    assert_eq!(r.lines(), ["1", "3"]);
    assert!(
        r.stderr.contains("eddy: line 2: Cannot index array with string \"a\""),
        "{}",
        r.stderr
    );
}

#[test]
fn runtime_error_in_a_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in.json");
    std::fs::write(&f, "1\n\"x\"\n").unwrap();
    let mut c = Command::new(eddy_bin());
    c.args(["filter", ". + 1"]).arg(&f).env("NO_COLOR", "1");
    let r = run(c, None).code(5);
    assert_eq!(r.lines(), ["2"]);
    assert!(r.stderr.contains("in.json: line 2: "), "{}", r.stderr);
}

#[test]
fn input_that_is_not_json_names_its_line_and_resumes_at_the_next() {
    let r = filter(
        &[".n"],
        "{\"n\":1}\n{\"n\": oops, \"m\":1} {\"n\":9}\n{\"n\":3}\n{\"n\":\n4}\n",
    )
    .code(5);
    assert_eq!(r.lines(), ["1", "3", "4"]);
    assert!(r.stderr.contains("eddy: line 2: not JSON"), "{}", r.stderr);
    // A truncated last value.
    let r = filter(&["."], "1\n{\"a\":").code(5);
    assert_eq!(r.lines(), ["1"]);
    assert!(r.stderr.contains("line 2: not JSON"), "{}", r.stderr);
}

#[test]
fn whitespace_separated_values_as_jq_reads_them() {
    let r = filter(&["."], "1 2\n[3,\n 4]\n\n  {\"a\":\n\"b\"}\"s\"").ok();
    assert_eq!(r.lines(), ["1", "2", "[3,4]", "{\"a\":\"b\"}", "\"s\""]);
}

#[test]
fn on_error_skip_goes_on_quietly_and_fail_stops() {
    let input = "1\nx\n2\n{}\n3\n";
    let r = filter(&["--on-error", "skip", ". + 1"], input).ok();
    assert_eq!(r.lines(), ["2", "3", "4"]);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let r = filter(&["-v", "--on-error", "skip", ". + 1"], input).ok();
    assert!(r.stderr.contains("2 inputs skipped"), "{}", r.stderr);
    let r = filter(&["--on-error", "fail", ". + 1"], input).code(5);
    assert_eq!(r.lines(), ["2"]);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn exit_status_as_jq() {
    filter(&["-e", ".a"], "{\"a\":1}").ok();
    filter(&["-e", ".a"], "{\"a\":false}").code(1);
    filter(&["-e", ".a"], "{\"a\":null}").code(1);
    filter(&["-e", "empty"], "{}").code(4);
    filter(&["-e", ".a"], "{\"a\":null}\n{\"a\":2}").ok();
    filter(&["empty"], "{}").ok();
    filter(&["-n", "halt_error(3)"], "").code(3);
}

#[test]
fn variables_and_arguments() {
    let r = filter(
        &[
            "-n",
            "--arg",
            "x",
            "1",
            "--argjson",
            "y",
            "{\"z\":2}",
            "[$x, $y.z, $ARGS.named.x]",
        ],
        "",
    )
    .ok();
    assert_eq!(r.lines(), ["[\"1\",2,\"1\"]"]);
    let r = filter(&["-n", "$ARGS.positional", "--args", "a", "b"], "").ok();
    assert_eq!(r.lines(), ["[\"a\",\"b\"]"]);
    let r = filter(&["-n", "$ARGS.positional", "--jsonargs", "1", "{\"c\":3}"], "").ok();
    assert_eq!(r.lines(), ["[1,{\"c\":3}]"]);
    let dir = tempfile::tempdir().unwrap();
    let values = dir.path().join("v.json");
    std::fs::write(&values, "1 [2]\n{\"x\":3}").unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "line one\nline two\n").unwrap();
    let r = filter(
        &[
            "-n",
            "--slurpfile",
            "v",
            values.to_str().unwrap(),
            "--rawfile",
            "t",
            text.to_str().unwrap(),
            "[$v, $t]",
        ],
        "",
    )
    .ok();
    assert_eq!(r.lines(), ["[[1,[2],{\"x\":3}],\"line one\\nline two\\n\"]"]);
    let prog = dir.path().join("p.jq");
    std::fs::write(&prog, ".a\n| . * 2\n").unwrap();
    let r = filter(&["-f", prog.to_str().unwrap()], "{\"a\":4}").ok();
    assert_eq!(r.lines(), ["8"]);
    filter(&["-n", "--argjson", "y", "{nope", "$y"], "").code(2);
}

#[test]
fn output_options() {
    let doc = "{\"b\":\"x\",\"a\":[1,{\"c\":null}]}\n\"s\"\n";
    assert_eq!(
        filter(&["."], doc).ok().lines(),
        ["{\"b\":\"x\",\"a\":[1,{\"c\":null}]}", "\"s\""]
    );
    assert_eq!(filter(&["-r", "."], doc).ok().lines()[1], "s");
    assert_eq!(filter(&["-j", ".b? // ., 1"], doc).ok().text(), "x1s1");
    assert_eq!(
        filter(&["-S", "-c", "."], doc).ok().lines()[0],
        "{\"a\":[1,{\"c\":null}],\"b\":\"x\"}"
    );
    assert_eq!(
        filter(&["--indent", "1", "."], "{\"a\":[1]}").ok().text(),
        "{\n \"a\": [\n  1\n ]\n}\n"
    );
    assert_eq!(filter(&["--tab", "."], "{\"a\":1}").ok().text(), "{\n\t\"a\": 1\n}\n");
    assert_eq!(filter(&["--pretty", "."], "[]").ok().text(), "[]\n");
    assert_eq!(filter(&["--indent", "0", "."], "[1, 2]").ok().text(), "[1,2]\n");
    // Colour only when asked (or on a terminal), as jq 1.6 writes it.
    let mut c = Command::new(eddy_bin());
    c.args(["--color", "always", "filter", "."])
        .env_remove("NO_COLOR")
        .env_remove("JQ_COLORS");
    let r = run(c, Some(b"[1,\"x\"]".to_vec())).ok();
    assert_eq!(
        r.text(),
        "\x1b[1;39m[\x1b[0;39m1\x1b[0m\x1b[1;39m,\x1b[0;32m\"x\"\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\n"
    );
}

#[test]
fn input_options() {
    assert_eq!(filter(&["-s", "add"], "1 2\n3").ok().lines(), ["6"]);
    assert_eq!(filter(&["-n", "[inputs]"], "1 2").ok().lines(), ["[1,2]"]);
    assert_eq!(filter(&["-n", "input"], "1 2").ok().lines(), ["1"]);
    assert_eq!(filter(&["-n", "."], "1").ok().lines(), ["null"]);
    assert_eq!(filter(&["-R", "."], "a b\nc").ok().lines(), ["\"a b\"", "\"c\""]);
    assert_eq!(filter(&["-R", "-s", "."], "a\nb\n").ok().lines(), ["\"a\\nb\\n\""]);
    assert_eq!(
        filter(&["-n", "-R", "[inputs]"], "a\nb\n").ok().lines(),
        ["[\"a\",\"b\"]"]
    );
    assert_eq!(filter(&["-n", "-s", "inputs"], "1 2").ok().lines(), ["[1,2]"]);
    assert_eq!(filter(&["."], "").ok().lines(), Vec::<String>::new());
}

#[test]
fn numbers_and_strings_as_jq_1_6() {
    let r = filter(
        &["."],
        "3.0 1e17 0.00001 12345678901234567890 -0.0 1.5 \"\\u00e9\\/\\u007f\"",
    )
    .ok();
    assert_eq!(
        r.lines(),
        [
            "3",
            "1e+17",
            "1e-05",
            "12345678901234567000",
            "-0",
            "1.5",
            "\"é/\\u007f\""
        ]
    );
}

#[test]
fn jq_alias_and_closed_pipe() {
    let mut c = Command::new(eddy_bin());
    c.args(["jq", "-c", ".a"]).env("NO_COLOR", "1");
    assert_eq!(run(c, Some(b"{\"a\":[1]}".to_vec())).ok().lines(), ["[1]"]);
    let big: String = (0..200_000).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    let mut c = Command::new("bash");
    c.arg("-c").arg(format!(
        "{} filter .n | head -n 2; exit ${{PIPESTATUS[0]}}",
        eddy_bin().display()
    ));
    let r = run(c, Some(big.into_bytes())).ok();
    assert_eq!(r.lines(), ["0", "1"]);
}

#[test]
fn consume_with_a_filter() {
    let c = Cluster::dev(&["--topic", "f:4"]);
    let input: String = (0..3000).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    c.eddy_in(&["produce", "f", "-q"], input).ok();
    let mut ns: Vec<String> = c
        .eddy(&["consume", "f", "-e", "-q", "--filter", "select(.n % 1000 == 0) | .n"])
        .ok()
        .lines();
    ns.sort();
    assert_eq!(ns, ["0", "1000", "2000"]);
    let offsets = c
        .eddy(&["consume", "f", "-e", "-q", "-f", "json", "--filter", ".offset"])
        .ok()
        .lines();
    assert_eq!(offsets.len(), 3000);
    assert!(offsets.iter().all(|o| o.parse::<i64>().is_ok()), "{offsets:?}");
    let r = c
        .eddy(&[
            "consume",
            "f",
            "-e",
            "-q",
            "-n",
            "2",
            "--filter",
            "select(.n % 2 == 0) | .n, .n",
        ])
        .ok();
    assert_eq!(r.lines().len(), 2);
    assert_eq!(r.lines()[0], r.lines()[1]);
    let r = c
        .eddy(&["consume", "f", "-e", "-q", "-n", "1", "-r", "--filter", "\"n=\\(.n)\""])
        .ok();
    assert!(r.lines()[0].starts_with("n="), "{:?}", r.lines());
}

#[test]
fn consume_filter_errors_follow_on_error() {
    let c = Cluster::dev(&["--topic", "g:1"]);
    c.eddy_in(&["produce", "g", "-q", "--input", "lines"], "1\nx\n3\n").ok();
    let r = c.eddy(&["consume", "g", "-e", "-q", "--filter", ". + 1"]).code(5);
    assert_eq!(r.lines(), ["2", "4"]);
    assert!(r.stderr.contains("g:0@1: not JSON"), "{}", r.stderr);
    let r = c
        .eddy(&["consume", "g", "-e", "-q", "--filter", ". + 1", "--on-error", "skip"])
        .ok();
    assert_eq!(r.lines(), ["2", "4"]);
    let r = c
        .eddy(&[
            "consume",
            "g",
            "-e",
            "-q",
            "-g",
            "grp",
            "--filter",
            ". + 1",
            "--on-error",
            "fail",
        ])
        .code(5);
    assert_eq!(r.lines(), ["2"]);
    // Under fail, the failing record is not committed: the group starts at it again.
    let r = c.eddy(&["consume", "g", "-e", "-q", "-g", "grp"]).ok();
    assert_eq!(r.lines(), ["x", "3"]);
}

#[test]
fn group_commit_counts_filtered_out_records_as_processed() {
    let c = Cluster::dev(&["--topic", "h:2"]);
    let input: String = (0..500).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    c.eddy_in(&["produce", "h", "-q"], input).ok();
    let r = c
        .eddy(&[
            "consume",
            "h",
            "-e",
            "-q",
            "-g",
            "gg",
            "--filter",
            "select(.n == 7) | .n",
        ])
        .ok();
    assert_eq!(r.lines(), ["7"]);
    let again = c.eddy(&["consume", "h", "-e", "-q", "-g", "gg"]).ok();
    assert!(again.lines().is_empty(), "{:?}", again.lines());
}

#[test]
fn produce_key_from_sends_each_user_to_one_partition() {
    let c = Cluster::dev(&["--topic", "k:4"]);
    let input: String = (0..400)
        .map(|i| format!("{{\"n\":{i},\"user\":\"u{}\"}}\n", i % 9))
        .collect();
    c.eddy_in(&["produce", "k", "-q", "--key-from", ".user"], input).ok();
    let records = c.eddy(&["consume", "k", "-e", "-q", "-f", "json"]).ok().json_lines();
    assert_eq!(records.len(), 400);
    let mut partition_of = std::collections::HashMap::new();
    for r in &records {
        let user = r["value"]["user"].as_str().unwrap().to_string();
        assert_eq!(r["key"], r["value"]["user"], "{r}");
        let p = r["partition"].as_i64().unwrap();
        assert_eq!(*partition_of.entry(user).or_insert(p), p, "{r}");
    }
    assert!(partition_of.values().collect::<std::collections::HashSet<_>>().len() > 1);
}

#[test]
fn produce_partition_from_out_of_range_follows_on_invalid() {
    let c = Cluster::dev(&["--topic", "pf:4"]);
    let input = "{\"p\":1}\n{\"p\":9}\n{\"p\":\"x\"}\n{\"p\":2}\n";
    let r = c.eddy_in(&["produce", "pf", "--partition-from", ".p"], input).code(1);
    assert!(
        r.stderr.contains("line 2: --partition-from gave partition 9"),
        "{}",
        r.stderr
    );
    let r = c
        .eddy_in(
            &[
                "produce",
                "pf",
                "--partition-from",
                ".p",
                "--on-invalid",
                "skip",
                "--stats",
                "json",
            ],
            input,
        )
        .ok();
    assert_eq!(r.stats()["skipped"], 2, "{}", r.stderr);
    let got = c
        .eddy(&["consume", "pf", "-e", "-q", "-f", "{partition} {value}"])
        .ok()
        .lines();
    assert!(got.contains(&"1 {\"p\":1}".to_string()), "{got:?}");
    assert!(got.contains(&"2 {\"p\":2}".to_string()), "{got:?}");
    assert!(!got.iter().any(|l| l.contains('9')), "{got:?}");
    // More than one output is invalid too.
    let r = c
        .eddy_in(&["produce", "pf", "--key-from", ".a[]"], "{\"a\":[1,2]}\n")
        .code(1);
    assert!(r.stderr.contains("more than one output"), "{}", r.stderr);
}

#[test]
fn produce_header_and_timestamp_from() {
    let c = Cluster::dev(&["--topic", "ht:1"]);
    let input = "{\"id\":1,\"t\":\"2026-01-01T00:00:00Z\",\"tags\":[1]}\n{\"id\":2,\"t\":1767225601,\"tags\":null}\n{\"id\":3,\"t\":1767225602500}\n";
    c.eddy_in(
        &[
            "produce",
            "ht",
            "-q",
            "--header-from",
            "id=.id",
            "--header-from",
            "tags=.tags",
            "--timestamp-from",
            ".t",
        ],
        input,
    )
    .ok();
    let records = c.eddy(&["consume", "ht", "-e", "-q", "-f", "json"]).ok().json_lines();
    assert_eq!(records[0]["headers"], serde_json::json!([["id", "1"], ["tags", "[1]"]]));
    assert_eq!(records[1]["headers"], serde_json::json!([["id", "2"]]));
    assert_eq!(records[0]["timestamp"], 1_767_225_600_000i64);
    assert_eq!(records[1]["timestamp"], 1_767_225_601_000i64);
    assert_eq!(records[2]["timestamp"], 1_767_225_602_500i64);
}

#[test]
fn consume_and_produce_filters_on_kafka() {
    let Some(c) = Cluster::kafka("consume_and_produce_filters_on_kafka") else {
        return;
    };
    let t = c.topic("filtered", 4);
    let input: String = (0..3000)
        .map(|i| format!("{{\"n\":{i},\"user\":\"u{}\"}}\n", i % 7))
        .collect();
    c.eddy_in(&["produce", &t, "--key-from", ".user", "-q"], input).ok();
    let mut ns = c
        .eddy(&["consume", &t, "-e", "-q", "--filter", "select(.n % 1000 == 0) | .n"])
        .ok()
        .lines();
    ns.sort();
    assert_eq!(ns, ["0", "1000", "2000"]);
    let offsets = c
        .eddy(&["consume", &t, "-e", "-q", "-f", "json", "--filter", ".offset"])
        .ok()
        .lines();
    assert_eq!(offsets.len(), 3000);
    // Every record of a user is in one partition.
    let pairs = c
        .eddy(&[
            "consume",
            &t,
            "-e",
            "-q",
            "-f",
            "json",
            "--filter",
            "\"\\(.key) \\(.partition)\"",
            "-r",
        ])
        .ok()
        .lines();
    let mut seen = std::collections::HashMap::new();
    for p in pairs {
        let (k, part) = p.split_once(' ').unwrap();
        assert_eq!(seen.entry(k.to_string()).or_insert(part.to_string()), part, "user {k}");
    }
    assert_eq!(seen.len(), 7);
}

/// Files and pipes are filtered on both cores, a filter that reads `input` on one
/// (defining a function that calls it is enough): all three must give the same output,
/// errors, line numbers and exit codes — with bad lines, several values on a line,
/// runtime errors, and a value spanning lines late in the file (where the worker
/// threads hand the rest back to the sequential reader).
#[test]
fn files_on_both_cores_match_one_core() {
    let mut text = String::new();
    for i in 0..40_000u32 {
        let line = match i % 997 {
            _ if i == 30_000 => format!("{{\"a\": {i},\n \"b\": \"split\"}}"),
            1 => format!("not json {i}"),
            2 => "{\"a\":\"x\",\"b\":null}".to_string(),
            3 => "1 2 3".to_string(),
            4 => "   ".to_string(),
            5 => "{\"a\":1} {\"a\":2}".to_string(),
            _ => format!("{{\"a\":{i},\"b\":\"s{}\",\"c\":[1,{{\"d\":null}}]}}", i % 7),
        };
        text.push_str(&line);
        text.push('\n');
    }
    let path = std::env::temp_dir().join(format!("eddy-both-cores-{}.jsonl", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let file = path.to_str().unwrap();
    for code in [".a + 1", "select(.a > 100) | .b", ".", "{a, c}", "[.b, .a] | tostring"] {
        for policy in ["stderr", "fail"] {
            let args = ["--on-error", policy, code];
            let both = filter(&[&args[..], &[file]].concat(), "");
            let piped = filter(&args, &text);
            let one_core = format!("def one_core: input; {code}");
            let one = filter(&["--on-error", policy, &one_core], &text);
            for (what, run) in [("file", &both), ("pipe", &piped)] {
                assert_eq!(run.code, one.code, "{what}: {code} --on-error {policy}");
                assert_eq!(run.text(), one.text(), "{what}: {code} --on-error {policy}");
                assert_eq!(
                    run.stderr.replace(&format!("{file}: "), ""),
                    one.stderr,
                    "{what}: {code} --on-error {policy}"
                );
            }
            // Errors are found to the end: "not json 39881" is on line 39,883 (the value
            // at 30,000 took two lines).
            assert!(
                both.stderr.contains("line 39883: not JSON") || policy == "fail",
                "{}",
                both.stderr
            );
        }
    }
    let _ = std::fs::remove_file(&path);
}

/// A pipe that pauses: what came before the pause is filtered and written while the
/// writer waits (on both cores, as for files), and the output keeps the input's order
/// across bursts of different sizes.
#[test]
fn a_pipe_that_pauses_gets_its_output_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;
    for code in [".a", "def one_core: input; .a"] {
        let mut child = Command::new(eddy_bin())
            .args(["filter", "-c", code])
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.expect("utf-8")).is_err() {
                    return;
                }
            }
        });
        let mut next = 0u32;
        for burst in [1u32, 5, 3000, 1, 20_000, 2] {
            let mut text = String::new();
            for _ in 0..burst {
                text.push_str(&format!("{{\"a\":{next},\"b\":\"pad\"}}\n"));
                next += 1;
            }
            stdin.write_all(text.as_bytes()).expect("write");
            stdin.flush().expect("flush");
            // Every output of the burst arrives, in order, while stdin stays open.
            for want in next - burst..next {
                let got = rx
                    .recv_timeout(Duration::from_secs(60))
                    .unwrap_or_else(|_| panic!("{code}: no output for input {want} while the pipe is open"));
                assert_eq!(got, want.to_string(), "{code}");
            }
        }
        drop(stdin);
        assert!(child.wait().expect("wait").success(), "{code}");
        assert!(rx.recv().is_err(), "{code}: nothing after the end");
    }
}

/// Projection (each input read with only the fields the filter can observe) and the
/// fast paths change nothing a user sees: outputs are jq 1.6's, and on inputs with
/// errors the output, messages and exit code are those of the interpreter reading
/// whole inputs (both switched off).
#[test]
fn projected_reading_changes_no_output_error_or_exit_code() {
    let clean = concat!(
        r#"{"id":1,"amount":5,"country":"de","user":"a","ts":1}"#,
        "\n",
        r#"{"id":2,"amount":7.5,"country":"fr","x":{"y":[1,{"z":null}]}}"#,
        "\n",
        r#"{"\u0061mount":3,"country":"de","id":3}"#,
        "\n",
        r#"{"id":4,"amount":2,"amount":9,"country":"de"}"#,
        "\n",
        r#"  { "id" : 5 , "country" : "fr" }  "#,
        "\n",
    );
    let broken = format!("{clean}17\n{{\"id\":6,\"amount\":tru}}\n{{\"id\":7,\"amount\":1,\"country\":\"de\"}}\n");
    let cases: &[&[&str]] = &[
        &["-s", "map(.amount) | add"],
        &["-n", "reduce inputs as $e ({}; .[$e.country] += $e.amount)"],
        &["-s", "sort_by(.amount, .id) | map(.id)"],
        &[
            "-s",
            "group_by(.country) | map({country: .[0].country, n: length, total: (map(.amount) | add)})",
        ],
        &["select(.amount > 4) | {id, amount}"],
        &["-n", "[inputs | .id]"],
        &["-n", "reduce inputs as $e ({}; .[$e.country] += 1)"],
    ];
    let jq = Path::new("/usr/bin/jq");
    for args in cases {
        let ours = filter(args, clean).ok();
        if jq.exists() {
            let mut c = Command::new(jq);
            c.arg("-c").args(*args);
            let theirs = run(c, Some(clean.as_bytes().to_vec()));
            assert_eq!(ours.text(), theirs.text(), "{args:?}");
        }
        let projected = filter(args, &broken);
        let mut c = Command::new(eddy_bin());
        c.arg("filter")
            .args(*args)
            .env("NO_COLOR", "1")
            .env("EDDY_PROJECTION", "off")
            .env("EDDY_FAST_PATH", "off");
        let whole = run(c, Some(broken.as_bytes().to_vec()));
        assert_eq!(
            (projected.code, projected.text(), &projected.stderr),
            (whole.code, whole.text(), &whole.stderr),
            "{args:?}"
        );
        assert_ne!(projected.code, Some(0), "{args:?}: the broken input must fail");
    }
}

/// eddy compiles everyday idioms (`sort_by(.a)`, `.[K] += V`, ...) to its own natives;
/// a filter that does not compile is still quoted as the user wrote it.
#[test]
fn compile_errors_quote_the_filter_as_written_not_eddys_natives() {
    for code in ["sort_by(.a) | foo", "reduce .[] as $e ({}; .[$e.a] += $e.b) | bar"] {
        let r = filter(&[code], "[]").code(2);
        assert!(r.stderr.contains(code), "{code}: {}", r.stderr);
        assert!(!r.stderr.contains("_eddy"), "{code}: {}", r.stderr);
    }
}
