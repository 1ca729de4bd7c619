//! jq's own test suite (`tests/jq-suite/`, from jqlang/jq at the tag `jq-1.6`), run
//! through `Filter` the way jq's harness (`src/jq_test.c`) runs it: a program, an input
//! line, then one line per expected output up to a blank or comment line; outputs are
//! compared as JSON values (so key order and `1` against `1.0` do not matter), and an
//! error before all expected outputs came is a failure while one after them is not. A
//! case after `%%FAIL` must fail to compile, and unless it says `IGNORE MSG` eddy's
//! message must carry jq's explanation (the text between `jq: error: ` and ` at
//! <top-level>, line N:`, since eddy points into the filter its own way).
//!
//! The pass count is a floor: it may only rise. `cargo test --lib jq_suite --
//! --nocapture` lists every case that fails, which docs/jq-differences.md explains.

use std::path::{Path, PathBuf};

use super::{Filter, Flow, Value};

/// How many of the suite's cases pass today; raise it as cases come to pass.
const FLOOR: usize = 341;

/// The suite's files, as jq 1.6's `make check` runs them.
const FILES: [&str; 3] = ["jq.test", "onig.test", "base64.test"];

/// One case of a `.test` file.
#[derive(Debug)]
struct Case {
    file: &'static str,
    line: usize,
    program: String,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// An input and the outputs expected for it (each as its line of JSON).
    Run { input: String, outputs: Vec<String> },
    /// Must not compile; with the message jq gives, unless it is not to be checked.
    Fail { message: Option<String> },
}

/// jq's `skipline`: blank, or a comment after optional spaces and tabs.
fn skipped(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#')
}

/// The cases of one file, read as `run_jq_tests` reads them.
fn cases(file: &'static str, text: &str) -> Vec<Case> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let mut cases = Vec::new();
    let mut fail: Option<bool> = None;
    while let Some((line, program)) = lines.next() {
        if skipped(program) {
            continue;
        }
        match program {
            "%%FAIL" => {
                fail = Some(true);
                continue;
            }
            "%%FAIL IGNORE MSG" => {
                fail = Some(false);
                continue;
            }
            _ => {}
        }
        let program = program.to_string();
        if let Some(check) = fail.take() {
            let Some((_, message)) = lines.next() else { break };
            let message = check.then(|| message.to_string());
            cases.push(Case {
                file,
                line,
                program,
                kind: Kind::Fail { message },
            });
            continue;
        }
        let Some((_, input)) = lines.next() else { break };
        let outputs = lines
            .by_ref()
            .map(|(_, l)| l)
            .take_while(|l| !skipped(l))
            .map(str::to_string)
            .collect();
        cases.push(Case {
            file,
            line,
            program,
            kind: Kind::Run {
                input: input.to_string(),
                outputs,
            },
        });
    }
    cases
}

/// jq's explanation inside one of its error lines: "jq: error: WHAT at <top-level>, line 1:".
fn explanation(message: &str) -> &str {
    let what = message.strip_prefix("jq: error: ").unwrap_or(message);
    match what.rfind(" at ") {
        Some(i) if what[i..].contains(", line ") => &what[..i],
        _ => what,
    }
}

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jq-suite")
}

/// Why a case fails, or None when it passes.
fn verdict(case: &Case) -> Option<String> {
    let library = [suite_dir().join("modules")];
    let compiled = Filter::compile_in(&case.program, &[], Vec::new(), &library);
    match (&case.kind, compiled) {
        (Kind::Fail { .. }, Ok(_)) => Some("compiles, but jq refuses it".into()),
        (Kind::Fail { message: None }, Err(_)) => None,
        (Kind::Fail { message: Some(want) }, Err(e)) => {
            let want = explanation(want);
            let got = e.to_string();
            (!got.contains(want)).then(|| format!("refused with {got:?}, jq says {want:?}"))
        }
        (Kind::Run { .. }, Err(e)) => Some(format!("does not compile: {e}")),
        (Kind::Run { input, outputs }, Ok(filter)) => run(&filter, input, outputs),
    }
}

fn run(filter: &Filter, input: &str, outputs: &[String]) -> Option<String> {
    let input = match Value::parse_json(input.as_bytes()) {
        Ok(v) => v,
        Err(e) => return Some(format!("the input is not JSON to eddy: {e}")),
    };
    let mut expected = Vec::new();
    for text in outputs {
        match Value::parse_json(text.as_bytes()) {
            Ok(v) => expected.push(v),
            Err(e) => return Some(format!("the expected output {text} is not JSON to eddy: {e}")),
        }
    }
    // One output more than expected is enough to see a superfluous one, and it stops
    // generators that never end.
    let mut got = Vec::new();
    let result = filter.run_value(input, |v| {
        got.push(v);
        if got.len() > expected.len() {
            Flow::Stop
        } else {
            Flow::Continue
        }
    });
    let text = |v: &Value| {
        let mut b = Vec::new();
        v.write_json(&mut b);
        String::from_utf8_lossy(&b).into_owned()
    };
    for (i, want) in expected.iter().enumerate() {
        match got.get(i) {
            Some(v) if v == want => {}
            Some(v) => return Some(format!("output {} is {}, jq gives {}", i + 1, text(v), text(want))),
            None => {
                let why = match &result {
                    Err(e) => format!("fails with {e:?}"),
                    Ok(_) => "ends".into(),
                };
                return Some(format!("{why} after {i} outputs, jq gives {}", expected.len()));
            }
        }
    }
    got.get(expected.len())
        .map(|extra| format!("a superfluous output {}", text(extra)))
}

/// What the whole suite comes to: passes, and each failure with its reason.
fn run_suite() -> (usize, usize, Vec<String>) {
    let mut passed = 0;
    let mut panics = 0;
    let mut failures = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(suite_dir().join(file)).expect("the suite is in tests/jq-suite");
        for case in cases(file, &text) {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| verdict(&case)));
            match outcome {
                Ok(None) => passed += 1,
                Ok(Some(why)) => failures.push(format!("{}:{}: {}\n    {why}", case.file, case.line, case.program)),
                Err(_) => {
                    panics += 1;
                    failures.push(format!("{}:{}: {}\n    PANICS", case.file, case.line, case.program));
                }
            }
        }
    }
    (passed, panics, failures)
}

#[test]
fn the_harness_reads_cases_as_jq_does() {
    let text = "# a comment\n.a\n{\"a\":1}\n1\n\n%%FAIL\n{(0):1}\njq: error: x at <top-level>, line 1:\n\n%%FAIL IGNORE MSG\n}\nwhatever\n.[]\n[1,2]\n1\n2\n# next\n";
    let cs = cases("t", text);
    assert_eq!(cs.len(), 4, "{cs:?}");
    assert!(matches!(&cs[0].kind, Kind::Run { outputs, .. } if outputs == &["1"]));
    assert!(matches!(&cs[1].kind, Kind::Fail { message: Some(m) } if explanation(m) == "x"));
    assert!(matches!(&cs[2].kind, Kind::Fail { message: None }));
    assert!(matches!(&cs[3].kind, Kind::Run { outputs, .. } if outputs.len() == 2));
    assert_eq!(cs[3].line, 13);
}

#[test]
fn jq_suite() {
    // Some cases recurse deeply; the default test thread's stack is small.
    let (passed, panics, failures) = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run_suite)
        .expect("a thread")
        .join()
        .expect("the suite runs");
    let total = passed + failures.len();
    println!("{}", failures.join("\n"));
    println!("jq 1.6's suite: {passed} of {total} cases pass, {panics} panic");
    assert!(passed >= FLOOR, "{passed} of {total} pass, below the floor of {FLOOR}");
}
