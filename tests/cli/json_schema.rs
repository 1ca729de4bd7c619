//! eddy's JSON Schema codec against clients it did not write: confluent-kafka's
//! JSONSerializer and JSONDeserializer, and the `jsonschema` package for where a document
//! goes wrong (`tests/python/json_schema_oracle.py`). Called as a library; runs where
//! the Python venv is made (see `protobuf.rs`).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use eddy::codec::json_schema::compile;
use eddy::codec::schema::{JsonOptions, NamedSchema, SchemaCodec, SchemaKind, SchemaSource};
use serde_json::Value;

use crate::protobuf::{oracle, script};

/// jsonschema's `absolute_path` in jq's words.
fn jq(path: &[Value]) -> String {
    path.iter()
        .map(|p| match p {
            Value::Number(n) => format!("[{n}]"),
            Value::String(s) if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => format!(".{s}"),
            other => format!(".{other}"),
        })
        .collect()
}

#[test]
fn json_schema_verdicts_paths_and_bytes_match_confluent_json_serializer_python() {
    let Some(python) = oracle("json_schema_verdicts_paths_and_bytes_match_confluent_json_serializer_python") else {
        return;
    };
    let lines = script(&python, "json_schema_oracle.py", "serialize", "");
    let schema = &lines[0]["schema"];
    let source = SchemaSource {
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
    };
    let codec = compile(&source, JsonOptions::default()).expect("the registry's schema compiles");
    let mut to_python = String::new();
    let mut valid = 0;
    for line in &lines[1..] {
        let doc = &line["doc"];
        let mut encoded = Vec::new();
        let verdict = codec.encode(doc.to_string().as_bytes(), &mut encoded);
        if line["valid"] == true {
            valid += 1;
            assert!(verdict.is_ok(), "{doc}: {verdict:?}");
            let framed = BASE64.decode(line["framed"].as_str().unwrap()).unwrap();
            let payload = &framed[5..];
            let mut shown = Vec::new();
            codec.decode(&[], payload, &mut shown).expect("decodes");
            assert_eq!(serde_json::from_slice::<Value>(&shown).unwrap(), *doc);
            // What eddy shows, encoded again, is Python's payload byte for byte.
            let mut again = Vec::new();
            codec.encode(&shown, &mut again).expect("encodes");
            assert_eq!(again, payload, "{doc}");
            let mut ours = framed[..5].to_vec();
            ours.extend_from_slice(&encoded);
            to_python.push_str(&format!("{}\n", serde_json::json!({"framed": BASE64.encode(ours)})));
        } else {
            let e = verdict.expect_err(&format!("{doc} is invalid: {}", line["error"]));
            assert_eq!(e.path, jq(line["path"].as_array().unwrap()), "{doc}: {e}");
        }
    }
    assert!(valid >= 3 && valid < lines.len() - 1, "both verdicts exercised");
    let read = script(&python, "json_schema_oracle.py", "deserialize", &to_python);
    let wanted: Vec<&Value> = lines[1..]
        .iter()
        .filter(|l| l["valid"] == true)
        .map(|l| &l["doc"])
        .collect();
    let got: Vec<&Value> = read.iter().map(|r| &r["doc"]).collect();
    assert_eq!(got, wanted);
}
