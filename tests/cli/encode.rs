//! produce and gen with schemas: JSON lines encoded by a registry's schema (an id, a
//! subject's version, or a file the registry must already have), framed in the
//! Confluent wire format, and read back by eddy's decoder and by clients eddy did not
//! write (confluent-kafka's deserializers, fastavro); envelopes re-encoded from the
//! schema ids they carry; inputs that do not fit a schema reported with line and path.

use std::path::{Path, PathBuf};

use base64::Engine as _;

use crate::support::{Cluster, TestRegistry, run};

const ORDER_AVSC: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"id","type":"long"},
  {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
  {"name":"note","type":["null","string"]}]}"#;

/// A dev cluster, a registry (`eddy dev --registry`) and a temp dir with order.avsc.
fn setup() -> (Cluster, TestRegistry, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("order.avsc"), ORDER_AVSC).unwrap();
    (Cluster::dev(&[]), TestRegistry::dev(), dir)
}

/// eddy against the cluster with the registry, `input` on stdin.
fn eddy(c: &Cluster, r: &TestRegistry, args: &[&str], input: &str) -> crate::support::Run {
    let mut cmd = c.cmd(args);
    cmd.env("EDDY_REGISTRY_URL", &r.url)
        .env_remove("EDDY_REGISTRY_USERNAME")
        .env_remove("EDDY_REGISTRY_PASSWORD")
        .env_remove("EDDY_REGISTRY_TOKEN");
    run(cmd, Some(input.as_bytes().to_vec()))
}

fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

/// The raw values of a topic, in partition and offset order.
fn raw_values(c: &Cluster, topic: &str) -> Vec<Vec<u8>> {
    let mut lines = c
        .eddy(&["consume", topic, "-e", "-f", "json", "--decode", "none", "-q"])
        .ok()
        .json_lines();
    lines.sort_by_key(|l| (l["partition"].as_i64(), l["offset"].as_i64()));
    lines.iter().map(value_bytes).collect()
}

fn value_bytes(l: &serde_json::Value) -> Vec<u8> {
    match l["value_type"].as_str() {
        Some("base64") => base64::engine::general_purpose::STANDARD
            .decode(l["value"].as_str().unwrap())
            .unwrap(),
        Some("text") => l["value"].as_str().unwrap().as_bytes().to_vec(),
        _ => l["value"].to_string().into_bytes(),
    }
}

#[test]
fn produce_encodes_avro_with_a_registered_schema_file_and_consume_reads_it_back() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let input = "{\"id\":1,\"amount\":\"12.50\",\"note\":\"hi\"}\n{\"id\":2,\"amount\":\"-0.05\",\"note\":null}\n";
    eddy(
        &c,
        &r,
        &[
            "produce",
            "t",
            "-p",
            "0",
            "--schema",
            schema.to_str().unwrap(),
            "--register",
            "-q",
        ],
        input,
    )
    .ok();
    // Registered under the topic strategy's subject.
    let versions = r.eddy(&["schemas", "versions", "t-value", "--output", "json"]).ok();
    assert!(versions.text().contains('1'), "{}", versions.text());
    let raw = raw_values(&c, "t");
    assert_eq!(raw.len(), 2);
    // Magic byte 0, schema id 1, then the Avro payload: id 1 (zig-zag 2), decimal 1250
    // as two big-endian bytes, union branch 1, "hi".
    assert_eq!(raw[0], [0, 0, 0, 0, 1, 2, 4, 0x04, 0xe2, 2, 4, b'h', b'i']);
    let back = eddy(&c, &r, &["consume", "t", "-e", "-q"], "").ok();
    assert_eq!(back.lines(), input.lines().collect::<Vec<_>>());
    // Once registered, the file is found without --register, under the same id.
    eddy(
        &c,
        &r,
        &["produce", "t", "-p", "0", "--schema", schema.to_str().unwrap(), "-q"],
        "{\"id\":3,\"amount\":\"0.00\",\"note\":null}\n",
    )
    .ok();
    assert_eq!(&raw_values(&c, "t")[2][..5], [0, 0, 0, 0, 1]);
}

#[test]
fn produce_encodes_with_a_schema_id_or_a_subjects_version() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    r.eddy(&["schemas", "register", "orders-value", schema.to_str().unwrap()])
        .ok();
    let line = "{\"id\":5,\"amount\":\"1.00\",\"note\":null}\n";
    // --encode alone: the subject <topic>-value at its latest version.
    eddy(
        &c,
        &r,
        &["produce", "orders", "-p", "0", "--encode", "avro", "-q"],
        line,
    )
    .ok();
    eddy(
        &c,
        &r,
        &["produce", "orders", "-p", "0", "--schema-id", "1", "-q"],
        line,
    )
    .ok();
    eddy(
        &c,
        &r,
        &[
            "produce",
            "orders",
            "-p",
            "0",
            "--subject",
            "orders-value",
            "--schema-version",
            "1",
            "-q",
        ],
        line,
    )
    .ok();
    let raw = raw_values(&c, "orders");
    assert_eq!(raw.len(), 3);
    assert!(raw.iter().all(|v| v == &raw[0]), "{raw:?}");
    assert_eq!(&raw[0][..5], [0, 0, 0, 0, 1]);
    // --encode protobuf with an Avro schema is refused before anything is sent.
    let e = eddy(
        &c,
        &r,
        &["produce", "orders", "--encode", "protobuf", "--schema-id", "1"],
        line,
    )
    .code(2);
    assert!(
        e.stderr
            .contains("--encode: asks for protobuf, but schema id 1 is avro"),
        "{}",
        e.stderr
    );
    assert_eq!(raw_values(&c, "orders").len(), 3);
}

#[test]
fn a_value_that_does_not_fit_names_its_line_and_field_path() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let input = "{\"id\":1,\"amount\":\"1.00\",\"note\":null}\n{\"id\":2,\"amount\":\"12.505\",\"note\":null}\n{\"id\":3,\"amount\":\"3.00\",\"note\":null}\n";
    let s = schema.to_str().unwrap();
    let fail = eddy(
        &c,
        &r,
        &[
            "produce",
            "a",
            "-p",
            "0",
            "--schema",
            s,
            "--register",
            "--stats",
            "json",
        ],
        input,
    )
    .code(1);
    assert!(
        fail.stderr
            .contains("line 2: .amount: expected decimal(10,2), got \"12.505\"; stopped reading"),
        "{}",
        fail.stderr
    );
    assert_eq!(fail.stats()["delivered"], 1);
    let skip = eddy(
        &c,
        &r,
        &[
            "produce",
            "b",
            "-p",
            "0",
            "--schema",
            s,
            "--register",
            "--on-invalid",
            "skip",
            "--stats",
            "json",
        ],
        input,
    )
    .ok();
    assert!(skip.stderr.contains("line 2: .amount:"), "{}", skip.stderr);
    assert_eq!(
        (skip.stats()["delivered"].as_u64(), skip.stats()["skipped"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(raw_values(&c, "b").len(), 2);
}

#[test]
fn schemas_the_registry_does_not_have_are_one_line_errors_and_nothing_is_sent() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let line = "{\"id\":1,\"amount\":\"1.00\",\"note\":null}\n";
    let cases: &[(&[&str], &str)] = &[
        (
            &["--schema", schema.to_str().unwrap()],
            "is not registered under subject u-value",
        ),
        (&["--schema-id", "99"], "--schema-id: '99'"),
        (&["--subject", "nope"], "--subject: 'nope'"),
        (&["--encode", "avro"], "--subject: 'u-value'"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["produce", "u"];
        all.extend_from_slice(args);
        let e = eddy(&c, &r, &all, line).code(2);
        assert!(e.stderr.contains(expected), "{args:?}: {}", e.stderr);
        assert!(
            e.stderr.lines().filter(|l| !l.starts_with("eddy: hint:")).count() == 1,
            "{args:?}: {}",
            e.stderr
        );
    }
    let e = eddy(&c, &r, &["produce", "u", "--schema", schema.to_str().unwrap()], line).code(2);
    assert!(e.stderr.contains("hint: --register registers it"), "{}", e.stderr);
    // Nothing was registered, nothing sent.
    r.eddy(&["schemas", "versions", "u-value"]).code(1);
    let mut cmd = c.cmd(&["consume", "u", "-e", "-q", "--timeout", "2s"]);
    cmd.env_remove("EDDY_REGISTRY_URL");
    assert!(run(cmd, None).stdout.is_empty());
}

#[test]
fn encoding_needs_a_registry_and_a_registry_away_ends_the_run_in_one_line() {
    let c = Cluster::dev(&[]);
    let none = c.eddy_in(&["produce", "t", "--schema-id", "1"], "{}\n").code(2);
    assert!(none.stderr.contains("no schema registry"), "{}", none.stderr);
    // A port nothing listens on.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    let mut cmd = c.cmd(&["produce", "t", "--schema-id", "1", "--timeout", "1s"]);
    cmd.env("EDDY_REGISTRY_URL", &url);
    let away = run(cmd, Some(b"{}\n".to_vec())).code(1);
    assert!(
        away.stderr.starts_with(&format!("eddy: schema registry at {url}")),
        "{}",
        away.stderr
    );
    assert!(away.stderr.contains("hint: is the registry running"), "{}", away.stderr);
}

#[test]
fn keys_are_encoded_too_and_the_header_form_carries_the_guid() {
    let (c, r, dir) = setup();
    std::fs::write(dir.path().join("key.avsc"), r#"{"type":"string"}"#).unwrap();
    let schema = path(dir.path(), "order.avsc");
    let key = path(dir.path(), "key.avsc");
    let args = [
        "produce",
        "h",
        "-p",
        "0",
        "--schema",
        schema.to_str().unwrap(),
        "--key-schema",
        key.to_str().unwrap(),
        "--key-from",
        ".note",
        "--register",
        "--schema-id-in",
        "header",
        "-q",
    ];
    eddy(&c, &r, &args, "{\"id\":1,\"amount\":\"1.00\",\"note\":\"k1\"}\n").ok();
    let raw = c
        .eddy(&["consume", "h", "-e", "-f", "json", "--decode", "none", "-q"])
        .ok()
        .json_lines();
    let headers = raw[0]["headers"].as_array().unwrap();
    let header = |name: &str| {
        let h = headers
            .iter()
            .find(|h| h[0] == name)
            .unwrap_or_else(|| panic!("{name} in {headers:?}"));
        base64::engine::general_purpose::STANDARD
            .decode(h[1]["base64"].as_str().unwrap())
            .unwrap()
    };
    // eddy dev --registry gives GUIDs: magic byte 1 and the 16 bytes.
    let value_header = header("__value_schema_id");
    assert_eq!((value_header[0], value_header.len()), (1, 17));
    assert_eq!(header("__key_schema_id").len(), 17);
    // The bytes are the bare payloads.
    // id 1, decimal 100 in one byte, union branch 1, "k1".
    assert_eq!(value_bytes(&raw[0]), [2, 2, 100, 2, 4, b'k', b'1']);
    assert_eq!(raw[0]["key"], "\u{4}k1");
    let back = eddy(&c, &r, &["consume", "h", "-e", "-f", "json", "-q"], "")
        .ok()
        .json_lines();
    assert_eq!(back[0]["key"], "k1");
    assert_eq!(back[0]["key_format"], "avro");
    assert_eq!(back[0]["value"]["amount"], "1.00");
    assert!(back[0]["value_schema_guid"].is_string(), "{}", back[0]);
}

#[test]
fn the_record_strategies_name_the_subject_by_the_records_full_name() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let line = "{\"id\":1,\"amount\":\"1.00\",\"note\":null}\n";
    let s = schema.to_str().unwrap();
    eddy(
        &c,
        &r,
        &[
            "produce",
            "t",
            "--schema",
            s,
            "--register",
            "--subject-strategy",
            "record",
            "-q",
        ],
        line,
    )
    .ok();
    eddy(
        &c,
        &r,
        &[
            "produce",
            "t",
            "--schema",
            s,
            "--register",
            "--subject-strategy",
            "topic-record",
            "-q",
        ],
        line,
    )
    .ok();
    let subjects = r.eddy(&["schemas", "list", "--output", "json"]).ok().text();
    assert!(
        subjects.contains("\"shop.Order\"") && subjects.contains("\"t-shop.Order\""),
        "{subjects}"
    );
    let e = eddy(
        &c,
        &r,
        &[
            "produce",
            "t",
            "--schema-id",
            "1",
            "--key-encode",
            "avro",
            "--subject-strategy",
            "record",
        ],
        line,
    )
    .code(2);
    assert!(
        e.stderr
            .contains("--subject-strategy: record and topic-record need --key-schema"),
        "{}",
        e.stderr
    );
}

#[test]
fn consume_then_produce_envelope_copies_an_avro_topic_byte_for_byte() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let s = schema.to_str().unwrap();
    let input = "{\"id\":1,\"amount\":\"12.50\",\"note\":\"hi\"}\n{\"id\":2,\"amount\":\"-0.05\",\"note\":null}\n";
    eddy(
        &c,
        &r,
        &["produce", "src", "-p", "1", "--schema", s, "--register", "-q"],
        input,
    )
    .ok();
    eddy(
        &c,
        &r,
        &[
            "produce",
            "src",
            "-p",
            "2",
            "--schema",
            s,
            "--schema-id-in",
            "header",
            "-q",
        ],
        input,
    )
    .ok();
    let envelopes = eddy(&c, &r, &["consume", "src", "-e", "-f", "json", "-q"], "")
        .ok()
        .text();
    assert!(envelopes.contains("\"value_format\":\"avro\""), "{envelopes}");
    eddy(
        &c,
        &r,
        &["produce", "dst", "--input", "envelope", "--keep-partition", "-q"],
        &envelopes,
    )
    .ok();
    assert_eq!(raw_values(&c, "dst"), raw_values(&c, "src"));
    // The header form's header went along: the copy is in the header form too.
    let dst = c
        .eddy(&[
            "consume", "dst", "-e", "-f", "json", "-p", "2", "--decode", "none", "-q",
        ])
        .ok()
        .json_lines();
    assert_eq!(dst[0]["headers"][0][0], "__value_schema_id");

    // Without a registry a decoded envelope cannot be encoded: an invalid line.
    let mut cmd = c.cmd(&[
        "produce",
        "dst2",
        "--input",
        "envelope",
        "--on-invalid",
        "skip",
        "--stats",
        "json",
    ]);
    cmd.env_remove("EDDY_REGISTRY_URL");
    let no = run(cmd, Some(envelopes.into_bytes())).ok();
    assert!(
        no.stderr
            .contains("line 1: schema id 1: re-encoding needs a schema registry"),
        "{}",
        no.stderr
    );
    assert_eq!(no.stats()["skipped"], 4);
    // A value edited so that it no longer fits: the line and the path.
    let edited = "{\"partition\":0,\"value\":{\"id\":\"x\",\"amount\":\"1.00\",\"note\":null},\"value_schema_id\":1,\"value_format\":\"avro\"}\n";
    let bad = eddy(&c, &r, &["produce", "dst3", "--input", "envelope"], edited).code(1);
    assert!(
        bad.stderr.contains("line 1: value (schema id 1): .id:"),
        "{}",
        bad.stderr
    );
}

#[test]
fn gen_encodes_each_event_by_the_schema_and_counts_them_as_today() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let template = "{id: $i, amount: \"\\($i).50\", note: (if $i % 2 == 0 then \"even\" else null end)}";
    let args = [
        "gen",
        template,
        "-n",
        "100",
        "--seed",
        "1",
        "--topic",
        "g",
        "--schema",
        schema.to_str().unwrap(),
        "--register",
        "--stats",
        "json",
    ];
    let made = eddy(&c, &r, &args, "").ok();
    assert_eq!(made.stats()["delivered"], 100);
    let raw = raw_values(&c, "g");
    assert_eq!(raw.len(), 100);
    assert!(
        raw.iter().all(|v| v[..5] == [0, 0, 0, 0, 1]),
        "every event framed with id 1"
    );
    let back = eddy(&c, &r, &["consume", "g", "-e", "-q"], "").ok().json_lines();
    let mut ids: Vec<i64> = back.iter().map(|v| v["id"].as_i64().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, (0..100).collect::<Vec<_>>());
    let eight = back.iter().find(|v| v["id"] == 8).unwrap();
    assert_eq!(eight, &serde_json::json!({"id": 8, "amount": "8.50", "note": "even"}));
    // An event that does not fit stops the run with its number and the field's path.
    let bad = eddy(
        &c,
        &r,
        &["gen", "{id: \"x\"}", "-n", "3", "--topic", "g2", "--schema-id", "1"],
        "",
    )
    .code(1);
    assert!(bad.stderr.contains("event 0: .id:"), "{}", bad.stderr);
    // Without --topic the flags are refused.
    let e = eddy(&c, &r, &["gen", "{}", "-n", "1", "--schema-id", "1"], "").code(2);
    assert!(e.stderr.contains("need --topic"), "{}", e.stderr);
}

#[test]
fn encode_flags_need_json_input() {
    let (c, r, _dir) = setup();
    let e = eddy(&c, &r, &["produce", "t", "--input", "lines", "--schema-id", "1"], "x\n").code(2);
    assert!(e.stderr.contains("need JSON records (--input json)"), "{}", e.stderr);
    let e = eddy(
        &c,
        &r,
        &["produce", "t", "--input", "envelope", "--schema-id", "1"],
        "{}\n",
    )
    .code(2);
    assert!(e.stderr.contains("an envelope names its schema itself"), "{}", e.stderr);
}

const ORDER_PROTO: &str = "syntax = \"proto3\";\npackage eddy.enc;\nmessage Order { int64 id = 1; string note = 2; repeated string tags = 3; }\n";
const PAY_JSON: &str = r#"{"$schema":"http://json-schema.org/draft-07/schema#","title":"Pay","type":"object","properties":{"id":{"type":"integer"},"by":{"type":"string"}},"required":["id"]}"#;
const EVENT_AVSC: &str = r#"{"type":"record","name":"Event","namespace":"eddy.enc","fields":[
  {"name":"id","type":"long"},
  {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
  {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
  {"name":"note","type":["null","string"]}]}"#;

fn python_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python").join(name)
}

/// eddy produces each format to Apache Kafka through `registry`; confluent-kafka's
/// deserializers, which eddy did not write, read the values back.
fn confluent_deserializers_read_what_eddy_produced(c: &Cluster, r: &TestRegistry) {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let avsc = file("event.avsc", EVENT_AVSC);
    let proto = file("order.proto", ORDER_PROTO);
    let json = file("pay.json", PAY_JSON);
    let cases: Vec<(&str, Vec<&str>, &str, &str)> = vec![
        (
            "avro",
            vec!["--schema", &avsc],
            "{\"id\":7,\"amount\":\"12.50\",\"at\":\"2026-11-28T10:00:00.123Z\",\"note\":\"hi\"}\n{\"id\":8,\"amount\":\"-0.05\",\"at\":\"1970-01-01T00:00:00Z\",\"note\":null}\n",
            "{\"amount\": \"12.50\", \"at\": \"2026-11-28T10:00:00.123000+00:00\", \"id\": 7, \"note\": \"hi\"}\n{\"amount\": \"-0.05\", \"at\": \"1970-01-01T00:00:00+00:00\", \"id\": 8, \"note\": null}\n",
        ),
        (
            "avro",
            vec!["--schema", &avsc, "--schema-id-in", "header"],
            "{\"id\":9,\"amount\":\"1.00\",\"at\":\"2026-11-28T10:00:00Z\",\"note\":null}\n",
            "{\"amount\": \"1.00\", \"at\": \"2026-11-28T10:00:00+00:00\", \"id\": 9, \"note\": null}\n",
        ),
        (
            "protobuf",
            vec!["--schema", &proto],
            "{\"id\":\"7\",\"note\":\"hi\",\"tags\":[\"a\",\"b\"]}\n{\"id\":\"-1\"}\n",
            "{\"id\": \"7\", \"note\": \"hi\", \"tags\": [\"a\", \"b\"]}\n{\"id\": \"-1\"}\n",
        ),
        (
            "protobuf",
            vec!["--schema", &proto, "--schema-id-in", "header"],
            "{\"id\":\"3\"}\n",
            "{\"id\": \"3\"}\n",
        ),
        (
            "json",
            vec!["--schema", &json],
            "{\"id\":3,\"by\":\"card\"}\n",
            "{\"by\": \"card\", \"id\": 3}\n",
        ),
    ];
    for (format, flags, input, expected) in cases {
        let topic = c.topic("enc", 1);
        let mut args = vec!["produce", topic.as_str(), "--register", "-q"];
        args.extend(flags.iter().copied());
        eddy(c, r, &args, input).ok();
        let n = input.lines().count().to_string();
        let mut py = std::process::Command::new(crate::support::python());
        py.arg(python_file("deserialize_from_topic.py"))
            .args([&c.brokers, &r.url, &topic, format, &n]);
        let out = run(py, None);
        assert_eq!(out.code, Some(0), "{format} {flags:?}: {}", out.stderr);
        assert_eq!(out.text(), expected, "{format} {flags:?} through {:?}", r.kind);
    }
}

#[test]
fn confluent_deserializers_read_what_eddy_produced_through_eddy_dev_registry_kafka() {
    let Some(c) = Cluster::kafka("confluent_deserializers_read_what_eddy_produced_through_eddy_dev_registry_kafka")
    else {
        return;
    };
    confluent_deserializers_read_what_eddy_produced(&c, &TestRegistry::dev());
}

#[test]
fn confluent_deserializers_read_what_eddy_produced_through_srfake_kafka() {
    let Some(c) = Cluster::kafka("confluent_deserializers_read_what_eddy_produced_through_srfake_kafka") else {
        return;
    };
    let Some(r) = TestRegistry::srfake(
        "confluent_deserializers_read_what_eddy_produced_through_srfake_kafka",
        None,
    ) else {
        return;
    };
    confluent_deserializers_read_what_eddy_produced(&c, &r);
}

/// What eddy produce sends for every Avro type is what fastavro's schemaless_writer
/// writes for the same values, after the 5-byte prefix.
#[test]
fn eddy_produce_sends_fastavros_bytes_for_every_avro_type_kafka() {
    let Some(c) = Cluster::kafka("eddy_produce_sends_fastavros_bytes_for_every_avro_type_kafka") else {
        return;
    };
    let r = TestRegistry::dev();
    let schema = python_file("avro_all_types.avsc");
    let out = std::process::Command::new(crate::support::python())
        .arg(python_file("avro_fastavro.py"))
        .arg(&schema)
        .arg("write")
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fastavro: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let topic = c.topic("enc-fastavro", 1);
    let input: String = crate::avro::EXPECTED.iter().map(|l| format!("{l}\n")).collect();
    eddy(
        &c,
        &r,
        &[
            "produce",
            &topic,
            "--schema",
            schema.to_str().unwrap(),
            "--register",
            "-q",
        ],
        &input,
    )
    .ok();
    let raw = raw_values(&c, &topic);
    assert_eq!(raw.len(), fastavro.len());
    for (case, (sent, hex)) in raw.iter().zip(&fastavro).enumerate() {
        assert_eq!(&sent[..5], [0, 0, 0, 0, 1], "case {case}: the prefix");
        let payload: String = sent[5..].iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&payload, hex, "case {case}: eddy's bytes against fastavro's");
    }
}

#[test]
fn a_wrong_registry_password_stops_produce_before_anything_is_sent() {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("eddy:right-password")
    );
    let Some(r) = TestRegistry::srfake(
        "a_wrong_registry_password_stops_produce_before_anything_is_sent",
        Some(&expected),
    ) else {
        return;
    };
    let c = Cluster::dev(&[]);
    let mut cmd = c.cmd(&["produce", "pw", "--schema-id", "1"]);
    cmd.env("EDDY_REGISTRY_URL", &r.url)
        .env("EDDY_REGISTRY_USERNAME", "eddy")
        .env("EDDY_REGISTRY_PASSWORD", "wrong-password");
    let wrong = run(cmd, Some(b"{\"id\":1}\n".to_vec())).code(1);
    let lines: Vec<&str> = wrong.stderr.lines().filter(|l| !l.starts_with("eddy: hint:")).collect();
    assert_eq!(lines.len(), 1, "{}", wrong.stderr);
    assert!(lines[0].contains("HTTP 403"), "{}", wrong.stderr);
    assert!(!wrong.stderr.contains("wrong-password"), "{}", wrong.stderr);
    assert!(
        !wrong.stderr.contains("delivered"),
        "no producer was started: {}",
        wrong.stderr
    );
    let mut cmd = c.cmd(&["consume", "pw", "-e", "-q", "--timeout", "2s"]);
    cmd.env_remove("EDDY_REGISTRY_URL");
    assert!(run(cmd, None).stdout.is_empty());
}

#[test]
fn consume_then_produce_envelope_copies_protobuf_and_json_schema_topics() {
    let (c, r, dir) = setup();
    std::fs::write(dir.path().join("order.proto"), ORDER_PROTO).unwrap();
    std::fs::write(dir.path().join("pay.json"), PAY_JSON).unwrap();
    let proto = path(dir.path(), "order.proto");
    let json = path(dir.path(), "pay.json");
    let cases = [
        (
            proto,
            "{\"id\":\"7\",\"note\":\"hi\",\"tags\":[\"a\"]}\n{\"id\":\"8\"}\n",
        ),
        (json, "{\"id\":3,\"by\":\"card\"}\n"),
    ];
    for (i, (schema, input)) in cases.iter().enumerate() {
        let (src, dst) = (format!("src{i}"), format!("dst{i}"));
        eddy(
            &c,
            &r,
            &[
                "produce",
                &src,
                "-p",
                "0",
                "--schema",
                schema.to_str().unwrap(),
                "--register",
                "-q",
            ],
            input,
        )
        .ok();
        let envelopes = eddy(&c, &r, &["consume", &src, "-e", "-f", "json", "-q"], "")
            .ok()
            .text();
        eddy(
            &c,
            &r,
            &["produce", &dst, "--input", "envelope", "--keep-partition", "-q"],
            &envelopes,
        )
        .ok();
        let decoded = |t: &str| eddy(&c, &r, &["consume", t, "-e", "-q"], "").ok().lines();
        assert_eq!(decoded(&dst), decoded(&src), "{schema:?}");
        assert_eq!(decoded(&dst), input.lines().collect::<Vec<_>>());
        // These encodings are canonical for what eddy writes: the bytes are equal too.
        assert_eq!(raw_values(&c, &dst), raw_values(&c, &src), "{schema:?}");
    }
}

#[test]
fn a_schema_file_is_looked_up_under_the_subject_given() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let s = schema.to_str().unwrap();
    let line = "{\"id\":1,\"amount\":\"1.00\",\"note\":null}\n";
    r.eddy(&["schemas", "register", "elsewhere", s]).ok();
    eddy(
        &c,
        &r,
        &["produce", "t", "--schema", s, "--subject", "elsewhere", "-q"],
        line,
    )
    .ok();
    let e = eddy(&c, &r, &["produce", "t", "--schema", s, "--subject", "nowhere"], line).code(2);
    assert!(
        e.stderr.contains("is not registered under subject nowhere"),
        "{}",
        e.stderr
    );
}

/// A `.proto` with imports, produced with `--register`: each import is registered under
/// the subject of its import path first (its own import before it), and the schema with
/// `references` to them, so that the registry, and any other client, can compile it;
/// without `--register` an unregistered import is a one-line error naming the first
/// one (in dependency order).
#[test]
fn registering_a_proto_with_imports_registers_them_and_sends_references() {
    let (c, r, dir) = setup();
    let inc = dir.path().join("inc");
    std::fs::create_dir_all(inc.join("shop")).unwrap();
    std::fs::write(
        inc.join("shop/money.proto"),
        "syntax = \"proto3\"; package shop; import \"shop/currency.proto\"; message Money { int64 units = 1; Currency cur = 2; }\n",
    )
    .unwrap();
    std::fs::write(
        inc.join("shop/currency.proto"),
        "syntax = \"proto3\"; package shop; enum Currency { EUR = 0; USD = 1; }\n",
    )
    .unwrap();
    let order = dir.path().join("sale.proto");
    std::fs::write(
        &order,
        "syntax = \"proto3\"; package shop; import \"shop/money.proto\"; import \"google/protobuf/timestamp.proto\";\nmessage Sale { int64 id = 1; Money price = 2; google.protobuf.Timestamp at = 3; }\n",
    )
    .unwrap();
    let (inc, order) = (inc.display().to_string(), order.display().to_string());
    let input = "{\"id\":\"1\",\"price\":{\"units\":\"5\",\"cur\":\"USD\"},\"at\":\"2026-12-01T10:00:00Z\"}\n";
    let refused = eddy(&c, &r, &["produce", "sales", "--schema", &order, "-I", &inc], input).code(2);
    assert!(
        refused.stderr.contains("imports 'shop/currency.proto'") && refused.stderr.contains("--register"),
        "{}",
        refused.stderr
    );
    eddy(
        &c,
        &r,
        &["produce", "sales", "--schema", &order, "-I", &inc, "--register", "-q"],
        input,
    )
    .ok();
    let shown: serde_json::Value = serde_json::from_slice(
        &r.eddy(&["schemas", "show", "sales-value", "--output", "json"])
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        shown["references"],
        serde_json::json!([{"name": "shop/money.proto", "subject": "shop/money.proto", "version": 1}]),
        "{shown}"
    );
    let money: serde_json::Value = serde_json::from_slice(
        &r.eddy(&["schemas", "show", "shop/money.proto", "--output", "json"])
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(money["references"][0]["name"], "shop/currency.proto", "{money}");
    // Consume compiles the schema from the registry alone, references and all.
    let out = eddy(&c, &r, &["consume", "sales", "-e", "-q", "-f", "value"], "").ok();
    assert_eq!(
        out.text(),
        "{\"id\":\"1\",\"price\":{\"units\":\"5\",\"cur\":\"USD\"},\"at\":\"2026-12-01T10:00:00Z\"}\n"
    );
    // Again: everything is found, nothing registered twice.
    eddy(
        &c,
        &r,
        &["produce", "sales", "--schema", &order, "-I", &inc, "-q"],
        input,
    )
    .ok();
    let versions = r
        .eddy(&["schemas", "versions", "shop/money.proto", "--output", "json"])
        .ok();
    let versions: serde_json::Value = serde_json::from_slice(&versions.stdout).unwrap();
    assert_eq!(versions.as_array().map(Vec::len), Some(1), "{versions}");
}

/// An envelope whose side names its schema by GUID only (`value_schema_guid`, no
/// `value_schema_id`, as a header-form record can carry): re-encoded by the schema the
/// registry has under that GUID, byte for byte; a GUID the registry does not have makes
/// the line invalid, with the GUID named.
#[test]
fn an_envelope_with_only_a_schema_guid_is_re_encoded_by_it() {
    let (c, r, dir) = setup();
    let schema = path(dir.path(), "order.avsc");
    let produce = [
        "produce",
        "g-src",
        "-p",
        "0",
        "--schema",
        schema.to_str().unwrap(),
        "--register",
        "--schema-id-in",
        "header",
        "-q",
    ];
    eddy(
        &c,
        &r,
        &produce,
        "{\"id\":1,\"amount\":\"1.00\",\"note\":\"a\"}\n{\"id\":2,\"amount\":\"2.50\",\"note\":null}\n",
    )
    .ok();
    let envelopes: Vec<serde_json::Value> = eddy(&c, &r, &["consume", "g-src", "-e", "-f", "json", "-q"], "")
        .ok()
        .json_lines()
        .into_iter()
        .map(|mut e| {
            assert!(e["value_schema_guid"].is_string(), "{e}");
            e.as_object_mut().unwrap().remove("value_schema_id");
            e
        })
        .collect();
    let lines: String = envelopes.iter().map(|e| format!("{e}\n")).collect();
    eddy(&c, &r, &["produce", "g-dst", "--input", "envelope", "-q"], &lines).ok();
    assert_eq!(raw_values(&c, "g-dst"), raw_values(&c, "g-src"));
    let decoded = |t: &str| {
        eddy(&c, &r, &["consume", t, "-e", "-q", "-f", "value"], "")
            .ok()
            .lines()
    };
    assert_eq!(decoded("g-dst"), decoded("g-src"));

    let mut unknown = envelopes[0].clone();
    unknown["value_schema_guid"] = serde_json::json!("00000000-0000-0000-0000-000000000000");
    let failed = eddy(
        &c,
        &r,
        &["produce", "g-bad", "--input", "envelope"],
        &format!("{unknown}\n"),
    )
    .code(1);
    assert!(
        failed.stderr.contains("00000000-0000-0000-0000-000000000000"),
        "{}",
        failed.stderr
    );
}
