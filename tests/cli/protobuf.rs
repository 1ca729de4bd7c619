//! eddy's Protobuf codec against clients it did not write: confluent-kafka's
//! ProtobufSerializer and ProtobufDeserializer with messages built from descriptors at
//! run time (`tests/python/protobuf_oracle.py`), Google's own `json_format` as the judge
//! of the JSON mapping. The codec is called as a library here; the commands that frame
//! and unframe records come with the registry work.
//!
//! The venv that holds those clients is made on the real-broker tier only (as for the
//! other Python tests), so these run when `EDDY_TEST_KAFKA` is set, though they need no
//! broker.

use std::path::PathBuf;
use std::process::Command;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use eddy::codec::protobuf::{ProtobufCodec, compile};
use eddy::codec::schema::{JsonOptions, NamedSchema, SchemaCodec, SchemaKind, SchemaSource};
use serde_json::Value;

use crate::support::{python, run};

/// The Python of the venv, where the tier that makes it runs.
pub fn oracle(test: &str) -> Option<PathBuf> {
    if std::env::var("EDDY_TEST_KAFKA").is_ok_and(|v| !v.is_empty()) {
        return Some(python());
    }
    eprintln!("skipped {test}: the Python oracle's venv is made on the real-broker tier (EDDY_TEST_KAFKA)");
    None
}

/// Runs `tests/python/SCRIPT MODE` with `input` on stdin; its JSON lines.
pub fn script(python: &PathBuf, name: &str, mode: &str, input: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/python")
        .join(name);
    let mut cmd = Command::new(python);
    cmd.arg(path).arg(mode);
    let out = run(cmd, Some(input.as_bytes().to_vec()));
    assert_eq!(out.code, Some(0), "{name} {mode}: {}", out.stderr);
    out.lines()
        .iter()
        .map(|l| serde_json::from_str(l).expect("the oracle writes JSON lines"))
        .collect()
}

/// The Confluent framing, read by hand: magic 0, the schema id, then (Protobuf) the
/// zig-zag varint count and indexes, a lone 0 meaning `[0]`.
fn unframe(framed: &[u8]) -> (u32, Vec<i64>, &[u8]) {
    assert_eq!(framed[0], 0, "magic byte");
    let id = u32::from_be_bytes(framed[1..5].try_into().unwrap());
    let mut rest = &framed[5..];
    let mut varint = || {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = rest[0];
            rest = &rest[1..];
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return ((v >> 1) as i64) ^ -((v & 1) as i64);
            }
        }
    };
    let n = varint();
    let index = if n == 0 {
        vec![0]
    } else {
        (0..n).map(|_| varint()).collect()
    };
    (id, index, rest)
}

fn frame(id: u32, index: &[i64], payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&id.to_be_bytes());
    let mut varint = |v: i64| {
        let mut z = ((v << 1) ^ (v >> 63)) as u64;
        while z >= 0x80 {
            out.push((z as u8) | 0x80);
            z >>= 7;
        }
        out.push(z as u8);
    };
    if index == [0] {
        varint(0);
    } else {
        varint(index.len() as i64);
        index.iter().for_each(|&i| varint(i));
    }
    out.extend_from_slice(payload);
    out
}

/// JSON values compared as the mapping means them: every number as a double (the
/// mapping's 64-bit integers are strings, so nothing is lost), so `1.0` equals `1`.
fn normal(v: &Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64()),
        Value::Array(a) => Value::Array(a.iter().map(normal).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), normal(v))).collect()),
        other => other.clone(),
    }
}

fn options(set: &str) -> JsonOptions {
    let all = set == "all";
    JsonOptions {
        proto_field_names: all || set == "proto_names",
        enum_numbers: all || set == "enum_numbers",
        emit_defaults: all || set == "emit_defaults",
        ..JsonOptions::default()
    }
}

/// The schema as the registry holds it (base64 descriptors, its import as a reference).
fn registry_source(schema: &Value) -> SchemaSource {
    SchemaSource {
        kind: SchemaKind::from_registry(schema["type"].as_str()).unwrap(),
        text: schema["text"].as_str().unwrap().to_string(),
        references: schema["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| NamedSchema {
                name: r["name"].as_str().unwrap().to_string(),
                text: r["text"].as_str().unwrap().to_string(),
            })
            .collect(),
    }
}

/// The same two files as `.proto` text, written by hand from the descriptors the
/// oracle builds.
const COMMON_PROTO: &str = r#"syntax = "proto3";
package eddy.common;
message Money { string currency = 1; int64 units = 2; }
enum Status { STATUS_UNKNOWN = 0; PAID = 1; SHIPPED = 2; }
"#;

const ORDER_PROTO: &str = r#"syntax = "proto3";
package eddy.shop;
import "eddy/common.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/struct.proto";
message Order {
  message Line { string sku = 1; int32 qty = 2; }
  enum Channel { CHANNEL_UNKNOWN = 0; WEB = 1; STORE = 2; }
  int64 order_id = 1; int32 i32 = 2; uint32 u32 = 3; uint64 u64 = 4; sint32 s32 = 5;
  sint64 s64 = 6; fixed32 fx32 = 7; fixed64 fx64 = 8; sfixed32 sfx32 = 9; sfixed64 sfx64 = 10;
  float fl = 11; double db = 12; bool flag = 13; string text = 14; bytes blob = 15;
  repeated Line lines = 16;
  repeated int32 codes = 17;
  map<string, int64> counts = 18;
  oneof payment { string voucher = 19; eddy.common.Money price = 20; }
  eddy.common.Status status = 21;
  Channel channel = 22;
  google.protobuf.Timestamp placed_at = 23;
  google.protobuf.Duration took = 24;
  google.protobuf.StringValue note = 25;
  google.protobuf.Int64Value seq = 26;
  google.protobuf.BoolValue gift = 27;
  google.protobuf.DoubleValue weight = 28;
  google.protobuf.Struct meta = 29;
}
message Refund { int64 order_id = 1; string reason = 2; }
"#;

struct Oracle {
    python: PathBuf,
    schema: Value,
    samples: Vec<Value>,
}

fn serialized(test: &str) -> Option<Oracle> {
    let python = oracle(test)?;
    let lines = script(&python, "protobuf_oracle.py", "serialize", "");
    let (schemas, samples): (Vec<Value>, Vec<Value>) = lines.into_iter().partition(|l| l.get("schema").is_some());
    assert_eq!(schemas.len(), 1, "one schema id for every sample: {schemas:?}");
    let schema = schemas[0]["schema"].clone();
    Some(Oracle {
        python,
        schema,
        samples,
    })
}

fn decode_as(codec: &ProtobufCodec, index: &[i64], payload: &[u8]) -> Value {
    let mut out = Vec::new();
    codec.decode(index, payload, &mut out).expect("decodes");
    serde_json::from_slice(&out).expect("JSON")
}

#[test]
fn confluent_protobuf_serializer_bytes_decode_to_what_json_format_writes_python() {
    let Some(o) = serialized("confluent_protobuf_serializer_bytes_decode_to_what_json_format_writes_python") else {
        return;
    };
    // What confluent-kafka registered is a base64 descriptor with its import as a reference.
    let source = registry_source(&o.schema);
    assert!(!source.text.contains(' '), "a descriptor, not text: {}", source.text);
    assert_eq!(source.references[0].name, "eddy/common.proto");
    let text = SchemaSource {
        kind: SchemaKind::Protobuf,
        text: ORDER_PROTO.to_string(),
        references: vec![NamedSchema {
            name: "eddy/common.proto".into(),
            text: COMMON_PROTO.into(),
        }],
    };
    let mut seen_nested = false;
    for set in ["default", "proto_names", "enum_numbers", "emit_defaults", "all"] {
        let from_registry = compile(&source, None, options(set)).expect("the registry's schema compiles");
        let from_text = compile(&text, None, options(set)).expect("the .proto text compiles");
        for sample in &o.samples {
            let framed = BASE64.decode(sample["framed"].as_str().unwrap()).unwrap();
            let (id, index, payload) = unframe(&framed);
            assert_eq!(u64::from(id), o.schema["id"].as_u64().unwrap());
            seen_nested |= index.len() > 1;
            let name = &sample["name"];
            assert_eq!(
                from_registry.message_name(&index).as_deref(),
                sample["message"].as_str(),
                "{name}"
            );
            let want = normal(&sample["json"][set]);
            assert_eq!(
                normal(&decode_as(&from_registry, &index, payload)),
                want,
                "{name} with {set}"
            );
            assert_eq!(
                normal(&decode_as(&from_text, &index, payload)),
                want,
                "{name} with {set}, from text"
            );
        }
    }
    assert!(seen_nested, "a nested message's index path was exercised");
}

#[test]
fn eddy_protobuf_encoding_is_what_confluent_protobuf_deserializer_reads_python() {
    let Some(o) = serialized("eddy_protobuf_encoding_is_what_confluent_protobuf_deserializer_reads_python") else {
        return;
    };
    let source = registry_source(&o.schema);
    let id = u32::try_from(o.schema["id"].as_u64().unwrap()).unwrap();
    let mut input = String::new();
    for sample in &o.samples {
        let message = sample["message"].as_str().unwrap();
        let codec = compile(&source, Some(message), JsonOptions::default()).expect("compiles");
        let framed = BASE64.decode(sample["framed"].as_str().unwrap()).unwrap();
        let (_, python_index, _) = unframe(&framed);
        assert_eq!(
            codec.encode_index(),
            python_index,
            "{message}: the index path Python writes"
        );
        let json = serde_json::to_vec(&sample["json"]["default"]).unwrap();
        let mut payload = Vec::new();
        codec.encode(&json, &mut payload).expect("encodes");
        let line = serde_json::json!({
            "name": sample["name"],
            "framed": BASE64.encode(frame(id, &codec.encode_index(), &payload)),
        });
        input.push_str(&format!("{line}\n"));
    }
    let read = script(&o.python, "protobuf_oracle.py", "deserialize", &input);
    assert_eq!(read.len(), o.samples.len());
    for r in &read {
        assert_eq!(r["equal"], true, "{}: Python read {}", r["name"], r["json"]);
    }
}
