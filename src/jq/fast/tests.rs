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
    // String builtins.
    ".user | ascii_upcase",
    ".a | ascii_downcase",
    "select(.user | startswith(\"u1\")) | .id",
    ".a | endswith(\"1\")",
    ".a | ltrimstr(\"x\")",
    ".a | rtrimstr(\"1\")",
    ".a | length",
    "length",
    ".item | split(\"-\") | .[1] | tonumber",
    ".a | split(\"x\") | .[-1]",
    ".b | split(\",\") | .[0]",
    ".a | tonumber",
    ".b | tonumber",
    ".a | tostring",
    ".a | tojson",
    "tojson | length",
    ".a | not",
    "select(.a and (.b | not))",
    // Arithmetic.
    ".amount * 2 + 1",
    ".a - .b",
    ".a / 2",
    ".a % 3",
    ".a + .b",
    "(.a + 1) * 2",
    ".a * .b",
    // Conditionals and construction.
    "if .amount > 900 then \"high\" elif .amount > 100 then \"mid\" else \"low\" end",
    "if .a then .b else .c end",
    "{id, who: .user, cents: (.amount * 100), where: {country, item}}",
    "{a: .b | ascii_upcase}",
    "{n: (.a | length), s: \"\\(.a)\"}",
    "\"\\(.user)-\\(.country): \\(.amount)\"",
    "\"x\\(.a)\\(.b.c)\"",
    "[.id, .user, .amount, .country] | @csv",
    "[.a, .b, .c] | @tsv",
    // Edits.
    "del(.ts) | .tag = \"x\"",
    "del(.a)",
    ".c = .a",
    ".amount |= . + 1",
    ".a |= tostring",
    "to_entries | map(select(.key != \"ts\")) | from_entries",
    "with_entries(.value |= tostring)",
    "with_entries(select(.value == 1))",
    // Regexes.
    "select(.item | test(\"^sku-0+1\")) | .id",
    ".a | test(\"x|1\")",
    ".item | capture(\"sku-(?<n>[0-9]+)\") | .n",
    ".user | sub(\"^u\"; \"user-\")",
    ".a | sub(\"1\"; \"\")",
    ".a | sub(\"x$\"; \"y\")",
    ".a | sub(\"^s$\"; \"t\")",
    ".a | capture(\"(?<x>x)?(?<d>[0-9])|(?<e>)\")",
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
    r#"{"id":0,"user":"u654","amount":114,"country":"de","item":"sku-97196","ts":1764316800000}"#,
    r#"{"id":1,"user":"u1\"x","amount":950.5,"country":null,"item":"sku-007","ts":"t"}"#,
    r#"{"id":2,"user":null,"amount":-3,"item":"a-b-c","ts":1}"#,
    r#"{"id":3,"user":"U1","amount":901,"country":"fr","item":"sku-","ts":2}"#,
    r#"{"a":"x1x","b":"a,b\"c\td","c":"\\"}"#,
    r#"{"a":"","b":"-","c":","}"#,
    r#"{"a":"9223372036854775807","b":"12"}"#,
    r#"{"a":"-0","b":"0012","c":"1.5"}"#,
    r#"{"a":"-007","b":"000","c":"+1","item":"x-00"}"#,
    r#"{"a":[1,2],"b":{"x":"y"},"ts":5}"#,
    r#"{"amount":9007199254740993,"a":0.1,"b":0.2}"#,
    r#"{"a":"ü€","b":"é\u00e9"}"#,
    r#"{"ts":1,"a":1,"ts":2}"#,
    r#"{"a":10,"b":0,"c":-7}"#,
    r#"{"a":"s","b":3}"#,
    r#"{"a":true,"b":null,"c":false}"#,
    "{\"\u{7f}k\":1,\"é\":-12,\"ts\":3,\"amount\":-0}",
];

#[test]
fn agrees_with_the_interpreter() {
    let named = vec![("x".to_string(), Value::string("u1"))];
    let mut answered = 0;
    for code in FILTERS {
        let before = answered;
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
        // Every filter answers for some of them, so that each is checked here.
        assert!(answered > before, "{code} never took the fast path");
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
    "\"sku-97196\"",
    "\"a-b\"",
    "\"x,\\\"y\"",
    "\"12\"",
    "\"u1x\"",
    "\"\"",
    "0.1",
    "950.5",
    "1e400",
];
const KEYS: &[&str] = &[
    "a", "b", "c", "amount", "id", "user", "country", "item", "ts", "a\\u0062",
];

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
        ".a += 1",
        "map(.a)",
        ".a // 1",
        "-.a",
        ".a | split(\"-\")",
        "split(\"-\") + 1",
        "[.a] | add",
        "to_entries",
        "if .a then 1 end",
        ".a.b = 1",
        ".a = 1 = 2",
        "\"\\n\\(.a)\"",
        "ascii_upcase(1)",
        "null(1)",
        ".a | sub(\"^\"; \"x\")",
        ".a | sub(\"a.\"; \"x\")",
        ".a | sub(\"a\"; \"x\"; \"g\")",
        ".a | test(\"(\")",
        ".a | test(\"x\"; \"g\")",
        "{(.a): 1}",
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

/// bench/jq's per-record filters: each one the fast path knows answers for an ordinary
/// event of bench/make_events.py, exactly as the interpreter does (and the rest are
/// listed, so that a change in coverage shows here).
#[test]
fn the_benchmark_filters_take_the_fast_path() {
    let events = [
        r#"{"id":0,"user":"u654","amount":114,"country":"de","item":"sku-97196","ts":1764316800000}"#,
        r#"{"id":7,"user":"u1","amount":950,"country":"gb","item":"sku-00123","ts":1764316800070}"#,
    ];
    // `capture` bails when there is no match (it has no output then), and every event
    // matches this one.
    let capture = ".item | capture(\"sku-(?<n>[0-9]+)\") | .n";
    let plan = Plan::of(capture, &[]).expect("plan");
    let filter = Filter::compile(capture, &[], Vec::new()).expect("compiles");
    for input in events {
        assert_eq!(
            fast(&plan, input.as_bytes(), false).ok(),
            slow(&filter, input.as_bytes(), false)
        );
    }
    let fast_ones = [
        (".user", false),
        ("select(.amount > 500) | {id, user}", false),
        (".user | ascii_upcase", false),
        ("select(.user | startswith(\"u1\")) | .id", false),
        (".amount * 2 + 1", false),
        (
            "if .amount > 900 then \"high\" elif .amount > 100 then \"mid\" else \"low\" end",
            false,
        ),
        (
            "{id, who: .user, cents: (.amount * 100), where: {country, item}}",
            false,
        ),
        ("del(.ts) | .tag = \"x\"", false),
        (".amount |= . + 1", false),
        ("to_entries | map(select(.key != \"ts\")) | from_entries", false),
        ("with_entries(.value |= tostring)", false),
        ("\"\\(.user)-\\(.country): \\(.amount)\"", true),
        (".item | split(\"-\") | .[1] | tonumber", false),
        ("[.id, .user, .amount, .country] | @csv", true),
        ("tojson | length", false),
        ("select(.item | test(\"^sku-0+1\")) | .id", false),
        (".user | sub(\"^u\"; \"user-\")", false),
    ];
    for (code, text) in fast_ones {
        let plan = Plan::of(code, &[]).unwrap_or_else(|| panic!("no plan for {code}"));
        let filter = Filter::compile(code, &[], Vec::new()).expect("compiles");
        for input in events {
            let got = fast(&plan, input.as_bytes(), text).unwrap_or_else(|_| panic!("{code} bailed on {input}"));
            assert_eq!(Some(got), slow(&filter, input.as_bytes(), text), "{code} on {input}");
        }
    }
    for code in [
        "[keys[] | length] | add",
        "reduce inputs as $e ({}; .[$e.country] += $e.amount)",
    ] {
        assert_eq!(Plan::of(code, &[]), None, "{code}");
    }
}
