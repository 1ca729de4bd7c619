//! The idioms rewrite's tests: what is rewritten and what is not, each native against
//! the filter it replaces (the rewrite switched off), and jq 1.6's answers.

use super::{DISABLED, rewrite};
use crate::jq::{Filter, Flow, RunError};

/// The outputs of `code` on `input` joined by spaces, or "error: " and the message;
/// with the rewrite on or off.
fn run(code: &str, input: &str, rewritten: bool) -> String {
    DISABLED.with(|d| d.set(!rewritten));
    let compiled = Filter::compile(code, &[], Vec::new());
    DISABLED.with(|d| d.set(false));
    let f = match compiled {
        Ok(f) => f,
        Err(e) => return format!("compile error: {e:?}"),
    };
    let mut outs = Vec::new();
    let r = f.run_bytes(input.as_bytes(), |v| {
        let mut b = Vec::new();
        v.write_json(&mut b);
        outs.push(String::from_utf8_lossy(&b).into_owned());
        Flow::Continue
    });
    match r {
        Ok(_) => outs.join(" "),
        Err(RunError::Failed(m)) => format!("{} error: {m}", outs.join(" ")),
        Err(other) => format!("{other:?}"),
    }
}

/// Every filter is rewritten, and gives on every input what it gives as written.
fn same_as_written(filters: &[&str], inputs: &[&str]) {
    for code in filters {
        assert!(rewrite(code).is_some(), "not rewritten: {code}");
        for input in inputs {
            assert_eq!(run(code, input, true), run(code, input, false), "{code} on {input}");
        }
    }
}

#[test]
fn updates_at_a_key_are_rewritten_where_the_meaning_stays() {
    assert_eq!(
        rewrite("reduce inputs as $e ({}; .[$e.country] += $e.amount | .)").as_deref(),
        Some("reduce inputs as $e ({}; _eddy_add_at($e.amount; $e.country) | .)")
    );
    assert_eq!(
        rewrite(r#".[.k] -= 1 | .["a"] += (.b, 2) * 3, (.[0] += -$x.y)"#).as_deref(),
        Some(r#"_eddy_sub_at(1; .k) | _eddy_add_at((.b, 2) * 3; "a"), (_eddy_add_at(-$x.y; 0))"#)
    );
    // An update inside another one's V is rewritten too.
    assert_eq!(
        rewrite(".[$k] += (.[$j] += 1 | length)").as_deref(),
        Some("_eddy_add_at((_eddy_add_at(1; $j) | length); $k)")
    );
}

#[test]
fn updates_whose_meaning_could_change_are_left_alone() {
    for code in [
        ".[$k]? += 1",
        ".[$k] += 1 // 2",
        ".[$k] += .a = 1",
        ".[$k] += .a |= 1",
        ".[$k] += 1 as $x | $x",
        ".[$k] += 1 and true",
        ".[$k] += 1 == 1",
        ".[$k] += .a?",
        ".[$k] += if . then 1 else 2 end",
        ".[$k] += reduce .[] as $x (0; . + $x)",
        ".[$k] += ",
        ".[$k] *= 2",
        ".a[$k] += 1",
        ".[$k].a += 1",
        "1, .[$k] += 1",
        "{a: .[$k] += 1}",
        ".[(1, 2)] += 1",
        r#".["\(1, 2)"] += 1"#,
        ".[.a[0]] += 1",
        ".[-1] += 1",
        ".[$k] |= . + 1",
        ".[$k] + = 1",
        ". [$k] += 1",
    ] {
        assert_eq!(rewrite(code), None, "{code}");
    }
}

#[test]
fn reduce_with_an_update_at_a_key_is_folded_where_the_meaning_stays() {
    assert_eq!(
        rewrite("reduce inputs as $e ({}; .[$e.country] += $e.amount)").as_deref(),
        Some(r#"_eddy_fold_add_at(inputs; {}; ["country"]; ["amount"])"#)
    );
    assert_eq!(
        rewrite(r#"[reduce (.[], 1)[0]? as $x (.; .["n"] -= 1), reduce .[] as $e ($i; .[$e] += $e.a.b)]"#).as_deref(),
        Some(r#"[_eddy_fold_sub_at((.[], 1)[0]?; .; "n"; 1), _eddy_fold_add_at(.[]; $i; []; ["a", "b"])]"#)
    );
    for code in [
        "reduce .[] as $e ({}; .[$e.k] += $e.v | .)",
        "reduce .[] as $e ({a: 1}; .[$e.k] += $e.v)",
        "reduce .[] as $e ((1, 2); .[$e.k] += $e.v)",
        "reduce .[] as $e ({}; .[$x.k] += $e.v)",
        "reduce .[] as $e ({}; .[$e.k] += $x)",
        "reduce .[] as $e ({}; .[$e.k] += \"s\")",
        "reduce .[] as [$e] ({}; .[$e.k] += 1)",
        "reduce .[] | .a as $e ({}; .[$e.k] += 1)",
        "reduce if . then .[] else empty end as $e ({}; .[$e.k] += 1)",
        "foreach .[] as $e ({}; .[$e.k] += 1)",
    ] {
        assert!(!rewrite(code).unwrap_or_default().contains("_eddy_fold"), "{code}");
    }
}

#[test]
fn folded_reduces_are_the_reduces_they_replace() {
    let filters = [
        "reduce .[] as $e ({}; .[$e.k] += $e.v)",
        "reduce .[] as $e (null; .[$e.k] += 1)",
        "reduce .[] as $e ([]; .[$e.i] += $e.v)",
        "reduce .[] as $e (0; .[$e.k] += 1)",
        "reduce .[] as $e ({}; .[$e.k.a] -= $e.v)",
        "reduce .[] as $e (.; .[$e] += 1)",
        r#"reduce .[] as $e ({}; .["n"] += $e)"#,
        "reduce .[]? as $e ([]; .[0] -= $e.v)",
        "reduce (.[], error(\"end\")) as $e ({}; .[$e.k] += 1)",
        "try (reduce .[] as $e ({}; .[$e.k] += $e.v)) catch .",
        "try (reduce .[] as $e ([]; .[$e.i] -= 1)) catch .",
        "[limit(1; reduce .[] as $e ({}; .[$e.k] += $e.v), 2)]",
    ];
    for code in filters {
        assert!(rewrite(code).unwrap_or_default().contains("_eddy_fold"), "{code}");
    }
    same_as_written(&filters, &INPUTS);
}

#[test]
fn add_at_and_sub_at_are_the_updates_they_replace() {
    same_as_written(
        &[
            "reduce .[] as $e ({}; .[$e.k] += $e.v | .)",
            "reduce .[] as $e (null; .[$e.k] += (1))",
            "reduce .[] as $e ([]; .[$e.i] += $e.v * 1)",
            "reduce .[] as $e (0; (.[$e.k] += 1))",
            "reduce .[] as $e ({a: 1}; .[$e.k.a] -= $e.v)",
            "try (reduce .[] as $e ({}; .[$e.k] += $e.v | .)) catch .",
            "try (reduce .[] as $e ([1]; .[$e.i] -= -1)) catch .",
            r#"[(.["a"] += (1, 2, .a))]"#,
            r#"[(.["a"] += empty)]"#,
            r#"try (.["a"] += (1, error("boom"))) catch ."#,
            ".[0] += 1 | .[0], .",
            ".[.k] += .v",
            r#".["a"] -= (.a, [1])"#,
            r#"try path(.["a"] += 1) catch ."#,
            "reduce .[] as $e (.; .[$e] += 1 | .)",
        ],
        &INPUTS,
    );
}

/// Inputs for the updates: accumulators of every kind, keys and values that fit
/// and that do not.
const INPUTS: [&str; 19] = [
    "null",
    "0",
    r#""s""#,
    "[]",
    "[[1,2,1]]",
    r#"{"a":10}"#,
    r#"{"a":"y","k":"a","v":"x"}"#,
    r#"{"a":[1,2],"k":"b","v":[3]}"#,
    r#"{"a":{"b":1},"k":"a","v":{"c":2}}"#,
    r#"[{"k":"a","v":1},{"k":"b","v":2},{"k":"a","v":3}]"#,
    r#"[{"k":"a","v":"x"},{"k":"a","v":1}]"#,
    r#"[{"k":1,"v":1}]"#,
    r#"[{"k":null,"v":1}]"#,
    r#"[{"k":{"a":"x"},"v":1},{"k":{"a":"x"},"v":2}]"#,
    r#"[{"k":"a"},{"k":"b"},{"k":"a"}]"#,
    r#"[{"i":2,"v":1},{"i":-1,"v":5},{"i":0,"v":7}]"#,
    r#"[{"i":-3,"v":1}]"#,
    r#"[{"i":1.5,"v":1}]"#,
    r#"[1,"a",null]"#,
];

#[test]
fn sort_group_and_map_of_paths_are_rewritten_where_the_meaning_stays() {
    assert_eq!(
        rewrite("sort_by(.amount, .id) | .[:3] | map(.id)").as_deref(),
        Some(r#"_eddy_sort_by([["amount"], ["id"]]) | .[:3] | _eddy_map_path([["id"]])"#)
    );
    assert_eq!(
        rewrite("group_by(.a.b) | map(.c.d)").as_deref(),
        Some(r#"_eddy_group_by([["a", "b"]]) | _eddy_map_path([["c", "d"]])"#)
    );
    for code in [
        "map(.a, .b)",
        "map(.a | .b)",
        "map(.a[0])",
        "map(.a?)",
        "map(.)",
        "sort_by(.a[0])",
        "sort_by(.if)",
        "sort_by(.a .b)",
        "sort_by(-.a)",
        "m::map(.a)",
        "def map(f): f; map(.a)",
        "def sort_by(f): f; sort_by(.a)",
        r#"include "m"; map(.a)"#,
        ".map(.a)",
        "{map: 1}",
    ] {
        assert_eq!(rewrite(code), None, "{code}");
    }
    // Another definition keeps only that name from being rewritten.
    assert_eq!(
        rewrite("def map(f): f; sort_by(.a) | map(.a)").as_deref(),
        Some(r#"def map(f): f; _eddy_sort_by([["a"]]) | map(.a)"#)
    );
}

#[test]
fn sort_group_and_map_of_paths_are_the_filters_they_replace() {
    same_as_written(
        &[
            "sort_by(.a)",
            "sort_by(.a, .id)",
            "sort_by(.a.b)",
            "group_by(.a)",
            "group_by(.a.b, .id)",
            "map(.a)",
            "map(.a.b)",
            "map(.a) | add",
            "try sort_by(.a) catch .",
            "try group_by(.a.b) catch .",
            "try map(.a.b) catch .",
            "[.[] | map(.a)]",
            "unique_by(.a)",
            "unique_by(.a.b, .id)",
            "min_by(.a)",
            "max_by(.a)",
            "min_by(.a, .id)",
            "max_by(.a.b)",
            "try min_by(.a) catch .",
            "try unique_by(.a) catch .",
        ],
        &[
            "null",
            "1",
            r#""s""#,
            "[]",
            r#"{"x":{"a":1},"y":{"a":2}}"#,
            r#"[{"a":1,"id":3},{"a":0,"id":2},{"a":1,"id":1},{"id":0}]"#,
            r#"[{"a":{"b":1},"id":1},{"a":null,"id":2},{"a":{"b":1},"id":3},{"id":4}]"#,
            r#"[{"a":2},1]"#,
            r#"[{"a":1},"x"]"#,
            r#"[{"a":{"b":"x"}},{"a":[1]}]"#,
            r#"[null,{"a":null},{"a":false},{"a":0},{"a":"0"},{"a":[]},{"a":{}}]"#,
            r#"[[{"a":1}],[{"a":2},{"a":3}]]"#,
        ],
    );
}

/// What `/usr/bin/jq` (jq 1.6) prints with `-c` for these.
#[test]
fn the_rewritten_idioms_give_jq_1_6_s_answers() {
    let cases = [
        (
            "reduce .[] as $e (null; .[$e.k] += 1)",
            r#"[{"k":"a"},{"k":"b"},{"k":"a"}]"#,
            r#"{"a":2,"b":1}"#,
        ),
        (
            "reduce .[] as $e ([]; .[$e.i] += $e.v)",
            r#"[{"i":2,"v":1},{"i":-1,"v":5},{"i":0,"v":7}]"#,
            "[7,null,6]",
        ),
        (
            "try (reduce .[] as $e ([1]; .[$e.i] += 1)) catch .",
            r#"[{"i":-3}]"#,
            r#""Out of bounds negative array index""#,
        ),
        (
            "try (reduce .[] as $e (0; .[$e.k] += 1)) catch .",
            r#"[{"k":"a"}]"#,
            r#""Cannot index number with string \"a\"""#,
        ),
        (
            "try (reduce .[] as $e ({}; .[$e.k] += $e.v)) catch .",
            r#"[{"k":"a","v":"x"},{"k":"a","v":1}]"#,
            r#""string (\"x\") and number (1) cannot be added""#,
        ),
        (
            "try (reduce .[] as $e ({}; .[$e.k] += 1)) catch .",
            r#"[{"k":1}]"#,
            r#""Cannot index object with number""#,
        ),
        (
            "try (reduce .[] as $e ({}; .[$e.k] -= 1)) catch .",
            r#"[{"k":"a"}]"#,
            r#""null (null) and number (1) cannot be subtracted""#,
        ),
        (r#"[(.["a"] += (1, 2))]"#, r#"{"a":10}"#, r#"[{"a":11},{"a":12}]"#),
        (r#".["a"] += "x""#, r#"{"a":"y"}"#, r#"{"a":"yx"}"#),
        (".[0] -= [1]", "[[1,2,1]]", "[[2]]"),
        (
            "try sort_by(.a) catch .",
            r#"[{"a":2},1]"#,
            r#""Cannot index number with string \"a\"""#,
        ),
        (
            "sort_by(.a, .id)",
            r#"[{"a":1,"id":3},{"a":0,"id":2},{"a":1,"id":1},{"id":0}]"#,
            r#"[{"id":0},{"a":0,"id":2},{"a":1,"id":1},{"a":1,"id":3}]"#,
        ),
        (
            "group_by(.a.b)",
            r#"[{"a":{"b":1},"n":1},{"a":null,"n":2},{"a":{"b":1},"n":3},{"n":4}]"#,
            r#"[[{"a":null,"n":2},{"n":4}],[{"a":{"b":1},"n":1},{"a":{"b":1},"n":3}]]"#,
        ),
        (
            "try map(.a) catch .",
            r#"[{"a":1},"x"]"#,
            r#""Cannot index string with string \"a\"""#,
        ),
        ("map(.a)", r#"{"x":{"a":1},"y":{"a":2}}"#, "[1,2]"),
    ];
    for (code, input, want) in cases {
        assert!(rewrite(code).is_some(), "not rewritten: {code}");
        assert_eq!(run(code, input, true), want, "{code} on {input}");
    }
}
