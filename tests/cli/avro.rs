//! Avro against what eddy did not write: fastavro (the library under confluent-kafka's
//! `AvroSerializer` and `AvroDeserializer`, from the test venv) writes a value of every
//! Avro type and logical type; eddy must decode its bytes to the plain JSON of issue 15
//! and encode that JSON back to fastavro's bytes exactly.

use std::path::{Path, PathBuf};
use std::process::Command;

use eddy::codec::avro;
use eddy::codec::schema::{JsonOptions, SchemaCodec, SchemaKind, SchemaSource};

fn python_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python").join(name)
}

/// What eddy shows for each of `avro_fastavro.py`'s cases, in order.
pub const EXPECTED: [&str; 3] = [
    concat!(
        r#"{"nothing":null,"flag":true,"small":-42,"big":9007199254740993,"ratio":0.1,"precise":2.5,"#,
        r#""raw":"AP8Q","name":"café \"quoted\"\n","#,
        r#""address":{"street":"Main St","zip":12345,"geo":{"lat":52.52,"lon":-13.405}},"#,
        r#""tags":["a","b"],"scores":{"x":1,"y":-2},"maybe":"here","multi":{"lat":1.5,"lon":2},"#,
        r#""either":{"long":5},"suit":"HEARTS","hash":"AAECAwQFBgcICQoLDA0ODw==","#,
        r#""amount":"12.50","money":"-1234.5678","#,
        r#""id":"123e4567-e89b-12d3-a456-426614174000","fixed_id":"123e4567-e89b-12d3-a456-426614174000","#,
        r#""day":"2024-02-29","time_ms":"12:34:56.789","time_us":"23:59:59.999999","#,
        r#""ts_ms":"2026-11-28T08:00:00.123Z","ts_us":"2026-11-28T08:00:00.123456Z","#,
        r#""ts_ns":"2026-11-28T08:00:00.123456789Z","local_ms":"2026-11-28T08:00:00.123","#,
        r#""local_us":"1969-12-31T23:59:59.999999","local_ns":"1970-01-01T00:00:00.000000001","#,
        r#""span":{"months":1,"days":15,"millis":3600000},"#,
        r#""items":[{"sku":"A-1","qty":2,"price":"9.99"},{"sku":"B-2","qty":1,"price":null}],"#,
        r#""lookup":{"first":"SPADES","none":null}}"#,
    ),
    concat!(
        r#"{"nothing":null,"flag":false,"small":2147483647,"big":-9223372036854775808,"#,
        r#""ratio":"NaN","precise":"-Infinity","raw":"","name":"","#,
        r#""address":{"street":"","zip":-1,"geo":{"lat":0,"lon":-0}},"#,
        r#""tags":[],"scores":{},"maybe":null,"multi":"text","either":7,"suit":"CLUBS","#,
        r#""hash":"/////////////////////w==","amount":"-1.28","money":"0.0000","#,
        r#""id":"00000000-0000-0000-0000-000000000000","fixed_id":"00000000-0000-0000-0000-000000000000","#,
        r#""day":"1969-12-31","time_ms":"00:00:00.000","time_us":"00:00:00.000001","#,
        r#""ts_ms":"1969-12-31T23:59:59.999Z","ts_us":"1970-01-01T00:00:00.000000Z","#,
        r#""ts_ns":"1969-12-31T23:59:59.999999999Z","local_ms":"9999-12-31T23:59:59.999","#,
        r#""local_us":"0001-01-01T00:00:00.000000","local_ns":"1970-01-01T00:00:00.000000000","#,
        r#""span":{"months":0,"days":0,"millis":4294967295},"items":[],"lookup":{}}"#,
    ),
    concat!(
        r#"{"nothing":null,"flag":false,"small":2147483647,"big":0,"#,
        r#""ratio":"Infinity","precise":1e-07,"raw":"","name":"","#,
        r#""address":{"street":"","zip":-1,"geo":{"lat":0,"lon":-0}},"#,
        r#""tags":[],"scores":{},"maybe":null,"multi":-3,"either":7,"suit":"CLUBS","#,
        r#""hash":"/////////////////////w==","amount":"99999999.99","money":"-0.0001","#,
        r#""id":"00000000-0000-0000-0000-000000000000","fixed_id":"00000000-0000-0000-0000-000000000000","#,
        r#""day":"1969-12-31","time_ms":"00:00:00.000","time_us":"00:00:00.000001","#,
        r#""ts_ms":"1969-12-31T23:59:59.999Z","ts_us":"1970-01-01T00:00:00.000000Z","#,
        r#""ts_ns":"1969-12-31T23:59:59.999999999Z","local_ms":"9999-12-31T23:59:59.999","#,
        r#""local_us":"0001-01-01T00:00:00.000000","local_ns":"1970-01-01T00:00:00.000000000","#,
        r#""span":{"months":0,"days":0,"millis":4294967295},"items":[],"lookup":{}}"#,
    ),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn eddy_reads_and_writes_fastavro_bytes_for_every_avro_type() {
    let schema = python_file("avro_all_types.avsc");
    let out = Command::new(crate::support::python())
        .arg(python_file("avro_fastavro.py"))
        .arg(&schema)
        .arg("write")
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = String::from_utf8(out.stdout).unwrap();
    let written: Vec<&str> = written.lines().collect();
    assert_eq!(written.len(), EXPECTED.len(), "one line per case");

    let source = SchemaSource {
        kind: SchemaKind::Avro,
        text: std::fs::read_to_string(&schema).unwrap(),
        references: Vec::new(),
    };
    let codec = avro::compile(&source, JsonOptions::default()).expect("the schema compiles");
    for (case, (fastavro_hex, expected)) in written.iter().zip(EXPECTED).enumerate() {
        let bytes: Vec<u8> = (0..fastavro_hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&fastavro_hex[i..i + 2], 16).unwrap())
            .collect();
        let mut json = Vec::new();
        codec
            .decode(&[], &bytes, &mut json)
            .unwrap_or_else(|e| panic!("case {case}: eddy cannot decode fastavro's bytes: {e}"));
        assert_eq!(String::from_utf8(json).unwrap(), expected, "case {case}: decoded");
        let mut encoded = Vec::new();
        codec
            .encode(expected.as_bytes(), &mut encoded)
            .unwrap_or_else(|e| panic!("case {case}: eddy cannot encode: {e}"));
        assert_eq!(
            hex(&encoded),
            *fastavro_hex,
            "case {case}: eddy's bytes against fastavro's"
        );
    }
}
