//! JSON Schema payloads: the bytes after the framing are the JSON document itself, so
//! decoding is checking that it is one, and encoding is validating it against the
//! schema (with the `$ref`s the registry listed as references, never fetched from the
//! network) and writing it.
//!
//! Decoding does not validate. A record on the topic was accepted by its producer, and
//! the schema may have moved on since (or the producer validated against another
//! draft): a consumer that refused it would hide data rather than show it. The JSON is
//! shown as it is, or, when it spans lines, with the whitespace between tokens dropped
//! so that it fits on one.
//!
//! The document is written as given when it is on one line: `consume | produce --input
//! envelope` then copies a JSON Schema topic byte for byte, whoever wrote it.

use std::collections::HashMap;
use std::fmt;

use serde::de::IgnoredAny;
use serde_json::Value;

use super::schema::{CodecError, JsonOptions, SchemaCodec, SchemaError, SchemaKind, SchemaSource};
use crate::jq::write_json_str;

/// One compiled JSON Schema.
pub struct JsonSchemaCodec {
    validator: jsonschema::Validator,
}

impl fmt::Debug for JsonSchemaCodec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonSchemaCodec")
            .field("draft", &self.validator.draft())
            .finish()
    }
}

/// Compiles a JSON Schema document. Each reference is a schema another one names in a
/// `$ref` (by its URI as written, or relative to the referring schema's base); nothing
/// else is fetched. The JSON options do not apply: the payload is the JSON.
pub fn compile(source: &SchemaSource, _opts: JsonOptions) -> Result<JsonSchemaCodec, SchemaError> {
    if source.kind != SchemaKind::JsonSchema {
        return Err(SchemaError(format!(
            "a {} schema is not a JSON Schema",
            source.kind.name()
        )));
    }
    let schema: Value =
        serde_json::from_str(&source.text).map_err(|e| SchemaError(format!("the schema is not JSON: {e}")))?;
    let mut references = HashMap::new();
    for r in &source.references {
        let value: Value = serde_json::from_str(&r.text)
            .map_err(|e| SchemaError(format!("reference '{}' is not JSON: {e}", r.name)))?;
        references.insert(r.name.clone(), value);
    }
    let validator = jsonschema::options()
        .with_retriever(References(references))
        .build(&schema)
        .map_err(|e| SchemaError(e.to_string()))?;
    Ok(JsonSchemaCodec { validator })
}

impl SchemaCodec for JsonSchemaCodec {
    fn kind(&self) -> SchemaKind {
        SchemaKind::JsonSchema
    }

    fn decode(&self, _message_index: &[i64], payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        serde_json::from_slice::<IgnoredAny>(payload).map_err(|e| CodecError::new("", format!("not JSON: {e}")))?;
        write_one_line(payload, out);
        Ok(())
    }

    fn encode(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        let value: Value = serde_json::from_slice(json).map_err(|e| CodecError::new("", format!("not JSON: {e}")))?;
        let mut errors = self.validator.iter_errors(&value);
        if let Some(first) = errors.next() {
            let more = errors.count();
            let mut message = first.to_string();
            if more > 0 {
                message.push_str(&format!(" (and {more} more)"));
            }
            let mut path = String::new();
            for segment in first.instance_path().iter() {
                match segment {
                    jsonschema::paths::LocationSegment::Property(key) => push_jq_key(&mut path, &key),
                    jsonschema::paths::LocationSegment::Index(i) => path.push_str(&format!("[{i}]")),
                }
            }
            return Err(CodecError::new(path, message));
        }
        write_one_line(json, out);
        Ok(())
    }
}

/// Appends a jq path step for an object key: `.amount`, or `."unit price"` when the key
/// is not an identifier jq would take bare.
pub(super) fn push_jq_key(path: &mut String, key: &str) {
    let bare = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    path.push('.');
    if bare {
        path.push_str(key);
    } else {
        let mut quoted = Vec::new();
        write_json_str(&mut quoted, key);
        path.push_str(&String::from_utf8_lossy(&quoted));
    }
}

/// A checked JSON document as it is when it is one line without outer whitespace, or
/// else with the whitespace outside strings left out (JSON strings cannot hold a raw
/// line break, so what is left is one line).
fn write_one_line(doc: &[u8], out: &mut Vec<u8>) {
    let one_line = memchr::memchr2(b'\n', b'\r', doc).is_none()
        && !doc.first().is_some_and(u8::is_ascii_whitespace)
        && !doc.last().is_some_and(u8::is_ascii_whitespace);
    if one_line {
        out.extend_from_slice(doc);
        return;
    }
    let mut in_string = false;
    let mut escaped = false;
    for &b in doc {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
            in_string = b == b'"';
        }
    }
}

/// The referenced schemas, found by the URI the validator resolved a `$ref` to: the
/// name itself, or a name that is the URI's last path segments (`address.json` for
/// `json-schema:///address.json` or `https://example.com/schemas/address.json`).
struct References(HashMap<String, Value>);

impl jsonschema::Retrieve for References {
    fn retrieve(&self, uri: &jsonschema::Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let wanted = uri.as_str();
        let wanted = wanted.split('#').next().unwrap_or(wanted);
        if let Some(v) = self.0.get(wanted) {
            return Ok(v.clone());
        }
        let found = self.0.iter().find(|(name, _)| {
            let name = name.strip_prefix("./").unwrap_or(name);
            wanted.strip_suffix(name).is_some_and(|head| head.ends_with('/'))
        });
        match found {
            Some((_, v)) => Ok(v.clone()),
            None => Err(format!(
                "'{wanted}' is not among the schema's references (eddy fetches no schema from the network)"
            )
            .into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::schema::NamedSchema;

    const ORDER: &str = r#"{
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "id": {"type": "integer"},
        "amount": {"type": "number", "minimum": 0},
        "items": {"type": "array", "items": {"$ref": "item.json"}},
        "ship to": {"$ref": "https://example.com/schemas/address.json"}
      },
      "required": ["id"]
    }"#;

    fn codec(text: &str, refs: &[(&str, &str)]) -> Result<JsonSchemaCodec, SchemaError> {
        compile(
            &SchemaSource {
                kind: SchemaKind::JsonSchema,
                text: text.to_string(),
                references: refs
                    .iter()
                    .map(|(n, t)| NamedSchema {
                        name: n.to_string(),
                        text: t.to_string(),
                    })
                    .collect(),
            },
            JsonOptions::default(),
        )
    }

    fn order() -> JsonSchemaCodec {
        codec(
            ORDER,
            &[
                (
                    "item.json",
                    r#"{"type":"object","properties":{"sku":{"type":"string"}},"required":["sku"]}"#,
                ),
                (
                    "https://example.com/schemas/address.json",
                    r#"{"type":"object","properties":{"city":{"type":"string"}}}"#,
                ),
            ],
        )
        .expect("compiles")
    }

    fn enc(c: &JsonSchemaCodec, json: &str) -> Result<String, CodecError> {
        let mut out = Vec::new();
        c.encode(json.as_bytes(), &mut out)?;
        Ok(String::from_utf8(out).expect("UTF-8"))
    }

    fn dec(c: &JsonSchemaCodec, payload: &[u8]) -> Result<String, CodecError> {
        let mut out = Vec::new();
        c.decode(&[], payload, &mut out)?;
        Ok(String::from_utf8(out).expect("UTF-8"))
    }

    #[test]
    fn a_valid_document_is_written_as_given() {
        let c = order();
        let doc = r#"{"id": 7, "amount": 12.5, "items": [{"sku": "a"}], "ship to": {"city": "Oslo"}}"#;
        assert_eq!(enc(&c, doc).expect("valid"), doc);
        assert_eq!(dec(&c, doc.as_bytes()).expect("JSON"), doc);
    }

    #[test]
    fn an_invalid_document_names_the_instance_path() {
        let c = order();
        let e = enc(&c, r#"{"id":7,"amount":-1}"#).unwrap_err();
        assert_eq!(e.to_string(), ".amount: -1 is less than the minimum of 0");
        let e = enc(&c, r#"{"id":7,"items":[{"sku":"a"},{"sku":"b"},{"sku":3}]}"#).unwrap_err();
        assert_eq!(e.path, ".items[2].sku", "{e}");
        let e = enc(&c, r#"{"id":7,"ship to":{"city":1}}"#).unwrap_err();
        assert_eq!(e.path, r#"."ship to".city"#, "{e}");
        let e = enc(&c, r#"{"amount":"x"}"#).unwrap_err();
        assert!(e.message.contains("(and 1 more)"), "{e}");
        let e = enc(&c, "{").unwrap_err();
        assert!(e.message.starts_with("not JSON: "), "{e}");
        assert_eq!(e.path, "");
    }

    #[test]
    fn decode_checks_json_but_not_the_schema() {
        let c = order();
        // A record its producer accepted is shown, even one this schema would refuse.
        assert_eq!(dec(&c, br#"{"amount":-1}"#).expect("shown"), r#"{"amount":-1}"#);
        assert!(dec(&c, b"\x00\x01").unwrap_err().message.starts_with("not JSON: "));
        assert!(dec(&c, b"").is_err());
        assert!(dec(&c, b"{} {}").is_err());
        // Spread over lines: one line, strings untouched.
        let pretty = b"{\n  \"id\": 7,\n  \"note\": \"a b\\\" c\"\n}\n";
        assert_eq!(dec(&c, pretty).expect("JSON"), r#"{"id":7,"note":"a b\" c"}"#);
        assert_eq!(enc(&c, " {\"id\" : 1}\n").expect("valid"), r#"{"id":1}"#);
    }

    #[test]
    fn references_are_never_fetched() {
        let e = codec(ORDER, &[("item.json", "{}")]).unwrap_err();
        assert!(e.0.contains("address.json"), "{e}");
        let e = codec(ORDER, &[("item.json", "{")]).unwrap_err();
        assert!(e.0.starts_with("reference 'item.json' is not JSON"), "{e}");
        assert!(codec("{", &[]).unwrap_err().0.starts_with("the schema is not JSON"));
        assert!(codec(r#"{"type": 12}"#, &[]).is_err());
    }

    #[test]
    fn jq_keys() {
        let mut p = String::new();
        for k in ["a", "_b2", "2c", "d-e", "", "ü"] {
            push_jq_key(&mut p, k);
        }
        assert_eq!(p, r#".a._b2."2c"."d-e".""."ü""#);
    }
}
