//! Bytes ⇄ JSON for a record's key and value, each on its own: how the bytes Kafka
//! carries become JSON a person (or jq) can read, and back. The envelope
//! (`envelope.rs`) is the first user: it picks, per key and per value, the most
//! readable `Encoding` that still round-trips byte for byte. A `Codec` is what a
//! command chooses from its flags; schema-directed codecs (Avro, Protobuf, JSON Schema)
//! belong here as further variants, so that every command gets them at once.
//!
//! This layer imports neither rdkafka nor jaq; it writes JSON strings with the one
//! jq-exact string writer, which is plain Rust.

pub mod avro;
pub mod decode;
pub mod encode;
mod envelope;
pub mod flags;
pub mod json_schema;
pub mod json_schema_compat;
mod plain_text;
mod proto_imports;
pub mod protobuf;
pub mod protobuf_compat;
mod protobuf_walk;
pub mod registry;
pub mod schema;
pub mod wire;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::value::RawValue;

use crate::jq::write_json_str;

pub use envelope::{
    EnvelopeError, find_schema_header, read_envelope, read_envelope_with_schemas, write_envelope,
    write_envelope_decoded,
};

/// How bytes are carried in JSON: the values of the envelope's `key_type`/`value_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The bytes are a JSON document, embedded as it is.
    Json,
    /// The bytes are UTF-8 text, carried as a JSON string.
    Text,
    /// Any bytes, carried as a base64 JSON string.
    Base64,
}

impl Encoding {
    /// The name the envelope writes in `*_type`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Json => "json",
            Encoding::Text => "text",
            Encoding::Base64 => "base64",
        }
    }

    /// The encoding a `*_type` names, if it names one.
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name {
            "json" => Some(Encoding::Json),
            "text" => Some(Encoding::Text),
            "base64" => Some(Encoding::Base64),
            _ => None,
        }
    }
}

/// Why a JSON value could not be turned back into a key's or value's bytes. `field`
/// is `key` or `value`; the texts are the envelope's messages since eddy 0.1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("{field}: with {field}_type {kind} it must be a JSON string")]
    NotAString { field: String, kind: &'static str },
    #[error("{field}: bad base64 ({why})")]
    BadBase64 { field: String, why: String },
    #[error("{field}: null with {field}_type {kind}")]
    Null { field: String, kind: &'static str },
    #[error("{field}_type '{kind}' is not json, text or base64")]
    UnknownType { field: String, kind: String },
}

/// How a command turns a key's or value's bytes into JSON and back. Today there is one:
/// the envelope's rule (`Encoding` chosen per record, marked by `*_type`); a codec that
/// a schema directs is a new variant here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Codec {
    #[default]
    Envelope,
}

impl Codec {
    /// Appends `bytes` as one JSON value and says how it is carried: `None` when the
    /// value is the bytes themselves (a JSON document other than `null`), so no
    /// `*_type` is needed.
    pub fn encode(self, bytes: &[u8], out: &mut Vec<u8>) -> Option<Encoding> {
        match self {
            Codec::Envelope => encode_readable(bytes, out),
        }
    }

    /// The bytes a JSON value (`raw`, absent for JSON `null`) carries, given how it is
    /// carried (`kind`: the `*_type`, absent for a plain JSON document). `field` names
    /// the side in errors.
    pub fn decode(
        self,
        field: &str,
        raw: Option<&RawValue>,
        kind: Option<&str>,
    ) -> Result<Option<Vec<u8>>, DecodeError> {
        match self {
            Codec::Envelope => decode_marked(field, raw, kind),
        }
    }
}

/// How a key or value's bytes are best shown in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form<'a> {
    /// A single-line JSON document, embedded as is (never the document `null`).
    Json(&'a [u8]),
    /// The JSON document `null`.
    JsonNull,
    /// UTF-8 text that is not a single-line JSON document.
    Text(&'a str),
    /// Anything else.
    Binary(&'a [u8]),
}

/// Decides how `bytes` appear in an envelope. A document with whitespace before or
/// after it is text, because JSON itself cannot carry that outer whitespace.
pub fn classify(bytes: &[u8]) -> Form<'_> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Form::Binary(bytes);
    };
    if is_single_line_document(bytes) {
        if bytes == b"null" {
            return Form::JsonNull;
        }
        return Form::Json(bytes);
    }
    Form::Text(text)
}

fn is_single_line_document(bytes: &[u8]) -> bool {
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if is_json_space(*first) || is_json_space(*last) {
        return false;
    }
    if memchr::memchr2(b'\n', b'\r', bytes).is_some() {
        return false;
    }
    // produce's validate-only scanner, which answers as serde_json does (its fuzz target
    // holds the two together) at a fraction of the cost on a stream of records of one
    // shape. Two of them, so that keys and values keep a shape each: one for objects and
    // arrays, one for everything else.
    let slot = usize::from(!matches!(first, b'{' | b'['));
    CHECKS.with_borrow_mut(|checks| checks[slot].accepts(bytes))
}

thread_local! {
    static CHECKS: std::cell::RefCell<[crate::input::JsonCheck; 2]> = std::cell::RefCell::default();
}

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn encode_readable(bytes: &[u8], out: &mut Vec<u8>) -> Option<Encoding> {
    match classify(bytes) {
        Form::Json(doc) => {
            out.extend_from_slice(doc);
            None
        }
        Form::JsonNull => {
            out.extend_from_slice(b"null");
            Some(Encoding::Json)
        }
        Form::Text(t) => {
            write_json_str(out, t);
            Some(Encoding::Text)
        }
        Form::Binary(b) => {
            out.push(b'"');
            let start = out.len();
            out.resize(start + b.len().div_ceil(3) * 4, 0);
            let written = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
            out.truncate(start + written);
            out.push(b'"');
            Some(Encoding::Base64)
        }
    }
}

fn decode_marked(field: &str, raw: Option<&RawValue>, kind: Option<&str>) -> Result<Option<Vec<u8>>, DecodeError> {
    let encoding = match kind {
        None => None,
        Some(name) => Some(Encoding::from_name(name).ok_or_else(|| DecodeError::UnknownType {
            field: field.to_string(),
            kind: name.to_string(),
        })?),
    };
    let as_string = |raw: &RawValue, kind: Encoding| -> Result<String, DecodeError> {
        serde_json::from_str::<String>(raw.get()).map_err(|_| DecodeError::NotAString {
            field: field.to_string(),
            kind: kind.name(),
        })
    };
    match (encoding, raw) {
        (None, None) => Ok(None),
        (None | Some(Encoding::Json), Some(r)) => Ok(Some(r.get().as_bytes().to_vec())),
        (Some(Encoding::Json), None) => Ok(Some(b"null".to_vec())),
        (Some(Encoding::Text), Some(r)) => Ok(Some(as_string(r, Encoding::Text)?.into_bytes())),
        (Some(Encoding::Base64), Some(r)) => BASE64
            .decode(as_string(r, Encoding::Base64)?.as_bytes())
            .map(Some)
            .map_err(|e| DecodeError::BadBase64 {
                field: field.to_string(),
                why: e.to_string(),
            }),
        (Some(kind @ (Encoding::Text | Encoding::Base64)), None) => Err(DecodeError::Null {
            field: field.to_string(),
            kind: kind.name(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_string()).expect("valid JSON")
    }

    fn encoded(bytes: &[u8]) -> (String, Option<Encoding>) {
        let mut out = Vec::new();
        let kind = Codec::Envelope.encode(bytes, &mut out);
        (String::from_utf8(out).expect("UTF-8"), kind)
    }

    #[test]
    fn every_encoding_round_trips() {
        let cases: &[(&[u8], Option<Encoding>)] = &[
            (b"{\"a\":1}", None),
            (b"12.50", None),
            (b"null", Some(Encoding::Json)),
            (b"plain", Some(Encoding::Text)),
            (b" 1", Some(Encoding::Text)),
            (b"", Some(Encoding::Text)),
            (b"\xff\x00", Some(Encoding::Base64)),
        ];
        for &(bytes, expected) in cases {
            let (json, kind) = encoded(bytes);
            assert_eq!(kind, expected, "{json}");
            let back = Codec::Envelope
                .decode("value", Some(&raw(&json)), kind.map(Encoding::name))
                .expect("decodes");
            assert_eq!(back.as_deref(), Some(bytes), "{json}");
        }
    }

    #[test]
    fn records_of_one_shape_after_another_are_classified_as_serde_json_would() {
        // Keys and values interleaved, as consume asks, with values that keep the shape
        // of the one before but are not JSON: each is text, never embedded as JSON.
        let records: &[(&[u8], &[u8])] = &[
            (b"1", br#"{"id":1,"user":"u1","amount":5}"#),
            (b"2", br#"{"id":2,"user":"u2","amount":7.5}"#),
            (b"3", br#"{"id":3,"user":"u3,"amount":7}"#),
            (b"4x", br#"{"id":04,"user":"u4","amount":7}"#),
            (b"5", br#"{"id":5,"user":"u5","amount":7}}"#),
            (br#""k""#, br#"{"id":6,"user":"u6","amount":-1e3}"#),
            (b"7", br#"{"id":7,"user":"u7","amount":tru}"#),
        ];
        for _ in 0..3 {
            for &(key, value) in records {
                for bytes in [key, value] {
                    let json = serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok();
                    let (_, kind) = encoded(bytes);
                    assert_eq!(kind.is_none(), json, "{}", String::from_utf8_lossy(bytes));
                }
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for e in [Encoding::Json, Encoding::Text, Encoding::Base64] {
            assert_eq!(Encoding::from_name(e.name()), Some(e));
        }
        assert_eq!(Encoding::from_name("yaml"), None);
    }

    #[test]
    fn nulls() {
        let d = |kind| Codec::Envelope.decode("key", None, kind);
        assert_eq!(d(None), Ok(None));
        assert_eq!(d(Some("json")), Ok(Some(b"null".to_vec())));
        assert_eq!(d(Some("text")).unwrap_err().to_string(), "key: null with key_type text");
        assert_eq!(
            d(Some("base64")).unwrap_err().to_string(),
            "key: null with key_type base64"
        );
    }

    #[test]
    fn bad_input_is_named() {
        let d = |text: &str, kind| {
            Codec::Envelope
                .decode("value", Some(&raw(text)), Some(kind))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(d("1", "text"), "value: with value_type text it must be a JSON string");
        assert_eq!(
            d("1", "base64"),
            "value: with value_type base64 it must be a JSON string"
        );
        assert!(d("\"***\"", "base64").starts_with("value: bad base64 ("));
        assert_eq!(d("1", "yaml"), "value_type 'yaml' is not json, text or base64");
    }
}
