//! The fast path against the interpreter: every plan, on records of every awkward kind.

use super::*;
use crate::jq::Filter;

/// Output of the interpreter, as `jq -c` would write it (None: an error).
fn slow(f: &Filter, input: &[u8], text: bool) -> Option<Vec<u8>> {
    crate::jq::interpreted(f, input, text, b"\n").ok()
}

fn fast(plan: &Plan, input: &[u8], text: bool) -> Result<Vec<u8>, Bail> {
    let mut scan = Scan::default();
    scan.record(input)?;
    let mut out = Vec::new();
    if plan.run(input, &scan, text, &mut out)?.is_some() {
        out.push(b'\n');
    }
    Ok(out)
}

const FILTERS: &[&str] = &[
    ".",
    ".a",
    ".a.b",
    ".\"a\"",
    ".user",
    "select(.amount > 500)",
    "select(.amount > 500) | {id, user}",
    "select(.a == 1)",
    "select(.a != 1)",
    "select(.a < \"m\")",
    "select(.a >= 2.5)",
    "select(.a <= null)",
    "select(.a == true or .b == false)",
    "select(.a and .b)",
    "select((.a > 1) == true)",
    "select(.a.b == \"x\") | .c",
    "select(.a > 1) | select(.b < 3) | .a",
    "{a, b: .c.d, \"e f\": 1, g: \"s\", h: null, i: 2.5}",
    "select(.a == $x)",
    "{x: $x, a}",
    ".b",
    "select(.)",
    "select(. == 1)",
    "{a: (.b > 1)}",
];

const INPUTS: &[&str] = &[
    r#"{"a":1,"b":2}"#,
    r#"{"a":600,"amount":600,"id":7,"user":"u1"}"#,
    r#"{"amount":500,"id":7,"user":"u1"}"#,
    r#"{"amount":"x","id":[1,2],"user":{"n":1}}"#,
    r#"{ "a" : 1 , "b" : [1, 2] }"#,
    r#"{"a":"a\"b","b":"\u00e9"}"#,
    r#"{"a":"é","b":"\u007f","c":"x"}"#,
    r#"{"a":1,"a":2}"#,
    r#"{"a":{"b":"x","b":"y"},"c":3}"#,
    r#"{"a":{"b":"x"},"c":{"d":[{},[]]}}"#,
    r#"{"a":null,"b":false}"#,
    r#"{"a":true,"b":true}"#,
    r#"{"a":1.0,"b":-0,"c":1e2,"d":2.50}"#,
    r#"{"a":12345678901234567890,"b":123456789012345678}"#,
    r#"{"a":2.5,"b":"m"}"#,
    r#"{"a":"l","b":"n"}"#,
    r#"{"a\u0062":1,"b":2}"#,
    r#"{"a":{"b":"x"}}"#,
    r#"{"a":{"b":1},"c":null}"#,
    r#"{"a":[1],"c":"z"}"#,
    r#"{"a":"\ud83d\ude00"}"#,
    r#"{"a":"DEL"}"#,
    r#"{}"#,
    "[1,2]",
    "1",
    "\"s\"",
    "null",
    r#"{"a":}"#,
    r#"{"a":1"#,
    r#"{"a":01}"#,
    r#"{"a":1.}"#,
    "{\"a\":\"\x01\"}",
    r#"{"a":1} x"#,
    r#"{"a":"x","c":{"d":1}}"#,
    r#"{"a":{"b":2},"b":{"x":1}}"#,
];

#[test]
fn agrees_with_the_interpreter() {
    let named = vec![("x".to_string(), Value::string("u1"))];
    let mut answered = 0;
    for code in FILTERS {
        let plan = Plan::of(code, &named).unwrap_or_else(|| panic!("no plan for {code}"));
        let filter = Filter::compile(code, &named, Vec::new()).expect("compiles");
        for input in INPUTS {
            for text in [false, true] {
                let expected = slow(&filter, input.as_bytes(), text);
                if let Ok(got) = fast(&plan, input.as_bytes(), text) {
                    answered += 1;
                    assert_eq!(
                        Some(String::from_utf8_lossy(&got).into_owned()),
                        expected.map(|e| String::from_utf8_lossy(&e).into_owned()),
                        "{code} on {input} (text {text})"
                    );
                }
            }
        }
    }
    // Most of these records are ordinary: the fast path must answer for them.
    let total = FILTERS.len() * INPUTS.len() * 2;
    assert!(answered * 5 > total * 2, "the fast path answered {answered} of {total}");
}

/// Pieces of records: values and keys of every awkward kind.
const VALUES: &[&str] = &[
    "1",
    "600",
    "500",
    "-0",
    "0",
    "2.5",
    "1.0",
    "1e2",
    "-7",
    "123456789012345678",
    "99999999999999999999",
    "\"u1\"",
    "\"m\"",
    "\"a\\\"b\"",
    "\"\\u00e9\"",
    "\"é\"",
    "\"\u{7f}\"",
    "null",
    "true",
    "false",
    "[]",
    "[1, 2]",
    "{}",
    "{\"b\":\"x\"}",
    "{\"b\": 1}",
    "{\"b\":1,\"b\":2}",
    "{\"b\":{\"c\":null}}",
];
const KEYS: &[&str] = &["a", "b", "c", "amount", "id", "user", "a\\u0062"];

thread_local! {
    /// The filters, compiled once for all generated cases.
    static COMPILED: Vec<(&'static str, Plan, Filter)> = {
        let named = vec![("x".to_string(), Value::string("u1"))];
        FILTERS
            .iter()
            .map(|code| {
                let plan = Plan::of(code, &named).expect("plan");
                (*code, plan, Filter::compile(code, &named, Vec::new()).expect("compiles"))
            })
            .collect()
    };
}

proptest::proptest! {
    #[test]
    fn agrees_on_generated_records(
        fields in proptest::collection::vec((0..KEYS.len(), 0..VALUES.len()), 0..6),
        spaced in proptest::bool::ANY,
    ) {
        let sep = if spaced { ", " } else { "," };
        let body: Vec<String> = fields
            .iter()
            .map(|&(k, v)| format!("\"{}\":{}", KEYS[k], VALUES[v]))
            .collect();
        let input = format!("{{{}}}", body.join(sep));
        let disagreement = COMPILED.with(|compiled| {
            for (code, plan, filter) in compiled {
                for text in [false, true] {
                    if let Ok(got) = fast(plan, input.as_bytes(), text) {
                        let got = Some(String::from_utf8_lossy(&got).into_owned());
                        let expected = slow(filter, input.as_bytes(), text)
                            .map(|e| String::from_utf8_lossy(&e).into_owned());
                        if got != expected {
                            return Some(format!("{code} on {input} (text {text}): {got:?} != {expected:?}"));
                        }
                    }
                }
            }
            None
        });
        proptest::prop_assert!(disagreement.is_none(), "{}", disagreement.unwrap_or_default());
    }
}

#[test]
fn the_common_cases_stay_fast() {
    let plan = Plan::of("select(.amount > 500) | {id, user}", &[]).expect("plan");
    let input = br#"{"id":1,"user":"u654","amount":614,"country":"de"}"#;
    assert_eq!(
        fast(&plan, input, false).expect("fast"),
        b"{\"id\":1,\"user\":\"u654\"}\n"
    );
    let input = br#"{"id":1,"user":"u654","amount":14,"country":"de"}"#;
    assert_eq!(fast(&plan, input, false).expect("fast"), b"");
    let plan = Plan::of(".country", &[]).expect("plan");
    // Whitespace inside a record does not stop a projection.
    let input = br#"{ "country" : "de" }"#;
    assert_eq!(fast(&plan, input, true).expect("fast"), b"de\n");
}

#[test]
fn unknown_filters_have_no_plan() {
    for code in [
        ".[0]",
        ".a?",
        "..",
        ".a + 1",
        "map(.a)",
        "select(.a | not)",
        "{(.a): 1}",
        ".a | .b",
        "select(.a > 1) | .b | .c",
        "\"\\(.a)\"",
        "{a: .b, a: .c}",
        "select(.a > 1 > 2)",
        "# comment\n.",
        ".a // 1",
        ".and",
        "{if: 1}",
        "select(.a == $nosuch)",
        "select(.a == $ENV)",
        "1e3",
        ". as $x | $x",
    ] {
        assert_eq!(Plan::of(code, &[]), None, "{code}");
    }
}
