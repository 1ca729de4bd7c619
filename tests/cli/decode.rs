//! consume with schemas but no registry (`--schema FILE`): framed and unframed Avro and
//! Protobuf shown as plain JSON beside their schema ids, records that do not fit their
//! schema shown losslessly with the reason, and the policies for them. The bytes are
//! the ones confluent-kafka's serializers wrote for these schemas (see
//! /work/shared/anchors/schema-registry.md: `00 00000002 0e 02 04 6869 ...`), not eddy's
//! own encoder's.

use base64::Engine as _;

use crate::support::Cluster;

const ORDER_AVSC: &str = r#"{"type":"record","name":"Order","namespace":"eddy.test","fields":[
  {"name":"id","type":"long"},{"name":"note","type":["null","string"]}]}"#;

const ORDER_PROTO: &str =
    "syntax = \"proto3\";\npackage eddy.test;\nmessage Order { int64 id = 1; string note = 2; }\n";

/// id 7, note "hi" in Avro, framed with schema id 2.
const AVRO_FRAMED: &[u8] = &[0, 0, 0, 0, 2, 0x0e, 0x02, 0x04, b'h', b'i'];
/// The same message in Protobuf, framed with schema id 4 and the message index [0].
const PROTO_FRAMED: &[u8] = &[0, 0, 0, 0, 4, 0, 0x08, 0x07, 0x12, 0x02, b'h', b'i'];

fn envelope(value: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(value);
    format!("{{\"partition\":0,\"value\":\"{b64}\",\"value_type\":\"base64\"}}\n")
}

/// A dev cluster with topic `t` holding `values` in order, and a temp dir with the
/// schema files.
fn setup(values: &[&[u8]]) -> (Cluster, tempfile::TempDir) {
    let c = Cluster::dev(&["--topic", "t:1"]);
    let input: String = values.iter().map(|v| envelope(v)).collect();
    c.eddy_in(&["produce", "t", "--input", "envelope", "-q"], input).ok();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("order.avsc"), ORDER_AVSC).unwrap();
    std::fs::write(dir.path().join("order.proto"), ORDER_PROTO).unwrap();
    (c, dir)
}

#[test]
fn consume_shows_avro_as_plain_json_beside_its_schema_id() {
    let (c, dir) = setup(&[AVRO_FRAMED, &AVRO_FRAMED[5..], b"{\"plain\":true}"]);
    let schema = dir.path().join("order.avsc");
    let r = c
        .eddy(&[
            "consume",
            "t",
            "-e",
            "-f",
            "json",
            "--schema",
            schema.to_str().unwrap(),
            "--stats",
            "json",
        ])
        .ok();
    let lines = r.json_lines();
    assert_eq!(lines.len(), 3, "{}", r.text());
    assert_eq!(lines[0]["value"], serde_json::json!({"id": 7, "note": "hi"}));
    assert_eq!(lines[0]["value_schema_id"], 2);
    assert_eq!(lines[0]["value_format"], "avro");
    assert!(
        lines[0].get("value_type").is_none(),
        "a decoded value is JSON, not text: {}",
        lines[0]
    );
    // Unframed bytes are read with the file's schema too, and carry no id.
    assert_eq!(lines[1]["value"], serde_json::json!({"id": 7, "note": "hi"}));
    assert!(lines[1].get("value_schema_id").is_none());
    // JSON that is not Avro does not fit the schema: shown as it is, with the reason.
    assert_eq!(lines[2]["value"], serde_json::json!({"plain": true}));
    assert!(
        lines[2]["value_decode_error"].as_str().unwrap().contains("avro"),
        "{}",
        lines[2]
    );
    assert_eq!(r.stats()["decode_errors"], 1);
    // -f value: the decoded value alone; the failure's bytes as they are, its reason on stderr.
    let r = c
        .eddy(&["consume", "t", "-e", "--schema", schema.to_str().unwrap(), "-q"])
        .ok();
    assert_eq!(
        r.lines(),
        [
            "{\"id\":7,\"note\":\"hi\"}",
            "{\"id\":7,\"note\":\"hi\"}",
            "{\"plain\":true}"
        ]
    );
    assert!(r.stderr.contains("t:0@2: value:"), "{}", r.stderr);
}

#[test]
fn consume_shows_protobuf_by_the_canonical_json_mapping() {
    let (c, dir) = setup(&[PROTO_FRAMED]);
    let schema = dir.path().join("order.proto");
    let r = c
        .eddy(&[
            "consume",
            "t",
            "-e",
            "-f",
            "json",
            "--schema",
            schema.to_str().unwrap(),
            "-q",
        ])
        .ok();
    let line = &r.json_lines()[0];
    // int64 as a string, as proto3's JSON mapping says.
    assert_eq!(line["value"], serde_json::json!({"id": "7", "note": "hi"}));
    assert_eq!(line["value_schema_id"], 4);
    assert_eq!(line["value_format"], "protobuf");
    assert_eq!(line["value_message"], "eddy.test.Order");
    let r = c
        .eddy(&[
            "consume",
            "t",
            "-e",
            "--schema",
            schema.to_str().unwrap(),
            "--proto-json",
            "int64-as-number,proto-names",
            "-q",
        ])
        .ok();
    assert_eq!(r.lines(), ["{\"id\":7,\"note\":\"hi\"}"]);
}

#[test]
fn on_decode_error_fail_stops_before_the_record_that_does_not_fit() {
    let (c, dir) = setup(&[AVRO_FRAMED, &AVRO_FRAMED[..7], AVRO_FRAMED]);
    let schema = dir.path().join("order.avsc");
    let r = c
        .eddy(&[
            "consume",
            "t",
            "-e",
            "--schema",
            schema.to_str().unwrap(),
            "--on-decode-error",
            "fail",
            "-q",
        ])
        .code(5);
    assert_eq!(r.lines(), ["{\"id\":7,\"note\":\"hi\"}"]);
    assert!(
        r.stderr.contains("t:0@1: value:") && r.stderr.contains("--on-decode-error fail"),
        "{}",
        r.stderr
    );
}

#[test]
fn decoding_without_a_schema_or_registry_is_a_usage_error() {
    let c = Cluster::dev(&["--topic", "t:1"]);
    let r = c.eddy(&["consume", "t", "-e", "--decode", "avro"]).code(2);
    assert!(r.stderr.contains("--decode: needs a schema registry"), "{}", r.stderr);
    let r = c
        .eddy(&["consume", "t", "-e", "--schema", "/nonexistent/order.avsc"])
        .code(2);
    assert!(r.stderr.contains("--schema: '/nonexistent/order.avsc'"), "{}", r.stderr);
    let r = c.eddy(&["consume", "t", "-e", "--schema", "/tmp/x.txt"]).code(2);
    assert!(r.stderr.contains("--schema-type"), "{}", r.stderr);
}

#[test]
fn records_without_schemas_are_shown_as_before() {
    // Without a registry or --schema nothing is decoded: framed bytes stay bytes (these
    // happen to be valid UTF-8, so text).
    let (c, _dir) = setup(&[AVRO_FRAMED]);
    let r = c.eddy(&["consume", "t", "-e", "-f", "json", "-q"]).ok();
    let line = &r.json_lines()[0];
    assert_eq!(line["value_type"], "text");
    assert!(line.get("value_format").is_none() && line.get("value_decode_error").is_none());
}

/// confluent-kafka's Avro, Protobuf and JSON Schema serializers write to a topic on
/// Apache Kafka through a registry (eddy's own, then srfake, which eddy did not write);
/// eddy consume shows each record as the plain JSON the script says it should be.
fn serializers_bytes_decode(c: &Cluster, registry: &crate::support::TestRegistry) {
    let topic = crate::support::unique("py-serialized");
    c.eddy(&["topics", "create", &topic, "--partitions", "1", "-q"]).ok();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/serialize_to_topic.py");
    let mut cmd = std::process::Command::new(crate::support::python());
    cmd.arg(script).args([&c.brokers, &registry.url, &topic]);
    let py = crate::support::run(cmd, None);
    assert_eq!(py.code, Some(0), "serialize_to_topic.py: {}", py.stderr);
    let expected = py.json_lines();
    let r = registry
        .eddy(&[
            "consume", &topic, "-e", "-f", "json", "-b", &c.brokers, "--stats", "json",
        ])
        .ok();
    let got = r.json_lines();
    assert_eq!(got.len(), expected.len(), "{}", r.text());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g["value"], e["value"], "{g}");
        assert_eq!(g["value_format"], e["format"], "{g}");
        assert!(g["value_schema_id"].as_u64().is_some_and(|id| id > 0), "{g}");
        if let Some(m) = e.get("message") {
            assert_eq!(&g["value_message"], m, "{g}");
        }
    }
    assert_eq!(r.stats()["decode_errors"], 0);
    // -f value: the decoded values alone, one JSON document per line.
    let r = registry.eddy(&["consume", &topic, "-e", "-b", &c.brokers, "-q"]).ok();
    let values: Vec<serde_json::Value> = r.json_lines();
    assert_eq!(values, expected.iter().map(|e| e["value"].clone()).collect::<Vec<_>>());
}

#[test]
fn confluent_serializers_records_decode_through_eddy_dev_registry_kafka() {
    let Some(c) = Cluster::kafka("confluent_serializers_records_decode_through_eddy_dev_registry_kafka") else {
        return;
    };
    serializers_bytes_decode(&c, &crate::support::TestRegistry::dev());
}

#[test]
fn confluent_serializers_records_decode_through_srfake_kafka() {
    let Some(c) = Cluster::kafka("confluent_serializers_records_decode_through_srfake_kafka") else {
        return;
    };
    let Some(registry) =
        crate::support::TestRegistry::srfake("confluent_serializers_records_decode_through_srfake_kafka", None)
    else {
        return;
    };
    serializers_bytes_decode(&c, &registry);
}

#[test]
fn an_unknown_schema_id_fails_that_record_alone() {
    let registry = crate::support::TestRegistry::dev();
    let (c, _dir) = setup(&[AVRO_FRAMED, b"plain"]);
    let r = registry
        .eddy(&["consume", "t", "-e", "-f", "json", "-b", &c.brokers, "--stats", "json"])
        .ok();
    let lines = r.json_lines();
    assert_eq!(lines.len(), 2);
    let why = lines[0]["value_decode_error"].as_str().unwrap();
    assert!(
        why.contains("404") || why.contains("not found") || why.contains("40403"),
        "{why}"
    );
    assert_eq!(lines[1]["value"], "plain");
    assert!(lines[1].get("value_decode_error").is_none());
    assert_eq!(r.stats()["decode_errors"], 1);
}
