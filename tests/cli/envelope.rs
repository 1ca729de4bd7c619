//! The envelope round trip: consume --format json -> produce --input envelope reproduces
//! key, value, headers, partition and timestamp byte for byte, for every case cli.md lists.

use base64::Engine as _;

use crate::support::Cluster;

fn b64(b: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(b)
}

/// Builds envelope lines whose keys and values are the given bytes (written as base64,
/// so the test does not depend on the encoder it checks).
fn source_envelopes(cases: &[&[u8]]) -> String {
    let mut out = String::new();
    for (i, case) in cases.iter().enumerate() {
        let key = b64(case);
        out.push_str(&format!(
            "{{\"partition\":{},\"timestamp\":{},\"key\":\"{key}\",\"key_type\":\"base64\",\"headers\":[[\"h\",{{\"base64\":\"{key}\"}}],[\"h\",null],[\"x\",\"y\"]],\"value\":\"{key}\",\"value_type\":\"base64\"}}\n",
            i % 3,
            1_700_000_000_000_i64 + i as i64
        ));
    }
    // Kafka nulls: no key, no value, no headers.
    out.push_str("{\"partition\":0,\"key\":null,\"value\":null}\n");
    out
}

fn roundtrip(c: &Cluster, a: &str, b: &str) {
    let cases: &[&[u8]] = &[
        b"{\"id\":42,\"amount\":12.5}",
        b"{ \"spaced\" :  [1, 2 ,3] }",
        b"\"a json string\"",
        b"12.50",
        b"null",
        b"plain text",
        b"",
        b" {\"leading\":1}",
        b"{\"multi\":\n1}",
        b"\xff\xfe\x00binary",
        b"caf\xc3\xa9",
        b"tab\t\"q\"\\",
    ];
    c.eddy_in(
        &["produce", a, "--input", "envelope", "--keep-partition", "-q"],
        source_envelopes(cases),
    )
    .ok();
    let first = c.eddy(&["consume", a, "-e", "-f", "json", "-q"]).ok();
    assert_eq!(first.lines().len(), cases.len() + 1);
    c.eddy_in(
        &["produce", b, "--input", "envelope", "--keep-partition", "-q"],
        first.stdout.clone(),
    )
    .ok();
    let second = c.eddy(&["consume", b, "-e", "-f", "json", "-q"]).ok();
    let strip = |v: &serde_json::Value| {
        let mut v = v.clone();
        let o = v.as_object_mut().unwrap();
        o.remove("topic");
        o.remove("offset");
        v.to_string()
    };
    let mut x: Vec<String> = first.json_lines().iter().map(strip).collect();
    let mut y: Vec<String> = second.json_lines().iter().map(strip).collect();
    x.sort();
    y.sort();
    assert_eq!(x, y);
    // And the bytes themselves: read back as base64-free raw values per key.
    // (one binary case holds a NUL, so records are separated by \x01 here)
    let raw = c.eddy(&["consume", b, "-e", "-f", "{value}", "-D", "\u{1}", "-q"]).ok();
    let mut got: Vec<&[u8]> = raw.stdout.split(|b| *b == 1).collect();
    got.pop(); // after the last delimiter
    let mut want: Vec<&[u8]> = cases.to_vec();
    want.push(b""); // the Kafka null value prints as an empty record
    got.sort();
    want.sort();
    assert_eq!(got, want);
    // Readable forms where the bytes allow them.
    let text = first.text();
    assert!(text.contains("\"value\":{\"id\":42,\"amount\":12.5}"), "{text}");
    assert!(text.contains("\"value\":{ \"spaced\" :  [1, 2 ,3] }"), "{text}");
    assert!(text.contains("\"value\":null,\"value_type\":\"json\""), "{text}");
    assert!(
        text.contains("\"value\":\"plain text\",\"value_type\":\"text\""),
        "{text}"
    );
    assert!(text.contains("\"value_type\":\"base64\""), "{text}");
    assert!(
        text.contains("\"headers\":[[\"h\",\"{\\\"id\\\":42,\\\"amount\\\":12.5}\"],[\"h\",null],[\"x\",\"y\"]]"),
        "{text}"
    );
}

#[test]
fn envelope_roundtrip_byte_for_byte_dev() {
    let c = Cluster::dev(&["--topic", "ea:3", "--topic", "eb:3"]);
    roundtrip(&c, "ea", "eb");
}

#[test]
fn envelope_roundtrip_byte_for_byte_kafka() {
    if let Some(c) = Cluster::kafka("envelope_roundtrip_byte_for_byte_kafka") {
        let a = c.topic("ea", 3);
        let b = c.topic("eb", 3);
        roundtrip(&c, &a, &b);
    }
}

#[test]
fn bad_envelopes_follow_on_invalid() {
    let c = Cluster::dev(&[]);
    let input = "{\"value\":1}\n{\"value\":\"x\",\"value_type\":\"yaml\"}\n[]\n{\"value\":2}\n";
    let r = c
        .eddy_in(
            &[
                "produce",
                "t",
                "--input",
                "envelope",
                "--on-invalid",
                "skip",
                "--stats",
                "json",
            ],
            input,
        )
        .ok();
    assert_eq!(r.stats()["delivered"], 2);
    assert_eq!(r.stats()["skipped"], 2);
    assert!(r.stderr.contains("line 2") && r.stderr.contains("yaml"), "{}", r.stderr);
}
