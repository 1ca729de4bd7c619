//! Projection's promise, checked: for every filter it projects, running it on inputs
//! with only the projected fields gives the same outputs and the same errors as on the
//! whole inputs; and the filters that could tell the difference get no projection.

use super::*;
use crate::jq::json;

fn values(text: &str) -> Vec<Val> {
    json::parse_all(text.as_bytes()).expect("test inputs are JSON")
}

/// Events as bench/jq has them, and the odd ones: fields missing, of other types
/// (so that arithmetic fails with messages naming values), nested, and inputs that are
/// not objects at all.
const INPUTS: &str = r#"
{"id":1,"user":"u1","amount":114,"country":"de","item":"sku-001","ts":1764316800000}
{"id":2,"user":"u2","amount":900.5,"country":"fr","item":"sku-002","ts":1764316800001,"extra":{"deep":[1,2]}}
{"id":3,"user":"u1","amount":7,"country":"de"}
{"user":"u3","country":"us","ts":3}
{"id":4,"amount":"lots","country":"fr"}
{"id":5,"amount":12,"country":null,"user":{"name":"x"}}
{}
"#;

const ODD_INPUTS: &str = r#"
{"id":1,"amount":3,"country":"de"}
17
"text"
[1,2,3]
null
{"id":2,"amount":5,"country":"de","more":true}
"#;

fn agrees(code: &str, mode: Mode, inputs: &str) -> Projection {
    let projection = of(code, mode).unwrap_or_else(|| panic!("{code} ({mode:?}) should project"));
    let filter = Filter::compile(code, &[], vec![]).expect("test filters compile");
    let whole = outcomes(&filter, mode, values(inputs), usize::MAX);
    let projected = values(inputs).into_iter().map(|v| projection.apply(v)).collect();
    assert_eq!(
        outcomes(&filter, mode, projected, usize::MAX),
        whole,
        "{code} ({mode:?})"
    );
    projection
}

fn keys(p: &Projection) -> Vec<&str> {
    p.keys.iter().map(|k| std::str::from_utf8(k).expect("utf8")).collect()
}

#[test]
fn the_benchmark_filters_read_only_the_fields_they_name() {
    let cases: &[(&str, Mode, &[&str])] = &[
        (
            "reduce inputs as $e ({}; .[$e.country] += $e.amount)",
            Mode::Null,
            &["amount", "country"],
        ),
        (
            "group_by(.country) | map({country: .[0].country, n: length, total: (map(.amount) | add)})",
            Mode::Slurp,
            &["amount", "country"],
        ),
        (
            "sort_by(.amount, .id) | .[:3] | map(.id)",
            Mode::Slurp,
            &["amount", "id"],
        ),
        ("map(.amount) | add", Mode::Slurp, &["amount"]),
        (
            "select(.amount > 500) | {id, user}",
            Mode::Each,
            &["amount", "id", "user"],
        ),
        (
            r#""\(.user)-\(.country): \(.amount)""#,
            Mode::Each,
            &["amount", "country", "user"],
        ),
        (
            "[.id, .user, .amount, .country] | @csv",
            Mode::Each,
            &["amount", "country", "id", "user"],
        ),
        ("length", Mode::Slurp, &[]),
    ];
    for (code, mode, expected) in cases {
        // Errors are part of the comparison: `add` over a string amount fails.
        let p = agrees(code, *mode, INPUTS);
        assert_eq!(keys(&p), *expected, "{code}");
    }
}

#[test]
fn projected_inputs_give_the_same_outputs_and_errors() {
    let cases: &[(&str, Mode)] = &[
        (".user", Mode::Each),
        (".user.name?", Mode::Each),
        ("try (.amount + 1) catch .", Mode::Each),
        (".amount * 2 + 1", Mode::Each),
        (
            "if .amount > 100 then .user elif .id then .id else \"none\" end",
            Mode::Each,
        ),
        (
            "{id, who: .user, cents: (.amount * 100), where: {country, item}}",
            Mode::Each,
        ),
        (". as {id: $i, $user} | [$i, $user]", Mode::Each),
        ("[.id, input.id?]", Mode::Each),
        ("select(.id) | .id", Mode::Each),
        ("reduce inputs as $e (0; . + ($e.amount | numbers))", Mode::Null),
        ("[inputs | .country] | unique", Mode::Null),
        ("[limit(2; inputs)] | map(.id)", Mode::Null),
        ("first(inputs) | .user", Mode::Null),
        ("foreach inputs as $e (0; . + 1; [., $e.id])", Mode::Null),
        ("[.[] | select(.amount | numbers > 10)] | map(.user)", Mode::Slurp),
        ("(min_by(.id) | .id), (max_by(.ts) | .user)", Mode::Slurp),
        ("unique_by(.country) | map(.country)", Mode::Slurp),
        ("group_by(.user) | map(length)", Mode::Slurp),
        ("first.id, last.country, (reverse | .[0].user)", Mode::Slurp),
        (".[2:] | .[0].amount", Mode::Slurp),
        ("input | map(.amount)", Mode::SlurpNull),
        ("map(.amount) | add", Mode::Slurp),
    ];
    for (code, mode) in cases {
        agrees(code, *mode, INPUTS);
    }
}

#[test]
fn inputs_that_are_not_objects_keep_their_errors() {
    for (code, mode) in [
        (".amount", Mode::Each),
        ("map(.id)", Mode::Slurp),
        ("reduce inputs as $e ({}; .[$e.country] += $e.amount)", Mode::Null),
        ("sort_by(.amount) | map(.id)", Mode::Slurp),
    ] {
        agrees(code, mode, ODD_INPUTS);
    }
}

#[test]
fn filters_that_could_see_a_whole_input_get_no_projection() {
    let cases: &[(&str, Mode)] = &[
        (".", Mode::Each),
        ("select(.amount > 5)", Mode::Each),
        ("keys", Mode::Each),
        ("length", Mode::Each),
        ("tojson", Mode::Each),
        ("del(.ts)", Mode::Each),
        (".amount |= . + 1", Mode::Each),
        ("to_entries", Mode::Each),
        (".[]", Mode::Each),
        ("..", Mode::Each),
        ("\"\\(.)\"", Mode::Each),
        ("[.]", Mode::Each),
        ("{a: .}", Mode::Each),
        (". == {}", Mode::Each),
        (". + {}", Mode::Each),
        ("has(\"a\")", Mode::Each),
        (".[$k]", Mode::Each),
        ("error", Mode::Each),
        ("try error(.) catch .", Mode::Each),
        ("def f: .a; f", Mode::Each),
        ("input", Mode::Each),
        ("add", Mode::Slurp),
        (".[0]", Mode::Slurp),
        ("sort", Mode::Slurp),
        ("map(.)", Mode::Slurp),
        ("sort_by(.id)", Mode::Slurp),
        ("min_by(.id)", Mode::Slurp),
        ("reduce inputs as $e ([]; . + [$e])", Mode::Null),
        ("[inputs]", Mode::Null),
        ("first(inputs)", Mode::Null),
        ("input", Mode::SlurpNull),
        ("reduce inputs as $e (null; $e)", Mode::Null),
        ("foreach inputs as $e (0; 1; $e)", Mode::Null),
        ("inputs as $e | $e | keys", Mode::Null),
        ("import \"a\" as a; .a", Mode::Each),
    ];
    for (code, mode) in cases {
        assert_eq!(of(code, *mode), None, "{code} ({mode:?}) must not project");
    }
}
