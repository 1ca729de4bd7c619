//! The envelope: one JSON object per Kafka record, lossless and binary-safe, written by
//! `consume --format json` and read back by `produce --input envelope`.
//!
//! Keys and values are written in the most readable form that still round-trips byte
//! for byte: a single-line JSON document verbatim; other UTF-8 as a string marked
//! `"value_type":"text"`; other bytes as base64 marked `"value_type":"base64"`; the JSON
//! document `null` as `null` marked `"value_type":"json"` (a bare `null` is a Kafka null).
//! A document with whitespace before or after it is written as text, because JSON
//! itself cannot carry that outer whitespace.

use std::borrow::Cow;

use crate::jq::write_json_str;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::value::RawValue;

/// A record as eddy produces it: owned bytes, ready for the producer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Headers,
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
}

/// A borrowed view of a consumed record, for the writers.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
}

/// One record header: its name, and its bytes (`None`: a null value).
pub type Header = (String, Option<Vec<u8>>);

/// A record's headers, in order (names may repeat, as Kafka allows).
pub type Headers = Vec<Header>;

/// The headers of one record to send, in order, from up to three lists (the record's
/// own, those computed from it, the fixed ones of `-H`) without copying them into one.
#[derive(Debug, Clone, Copy, Default)]
pub struct HeadersRef<'a> {
    parts: [&'a [Header]; 3],
}

impl<'a> HeadersRef<'a> {
    pub fn new(own: &'a [Header], computed: &'a [Header], fixed: &'a [Header]) -> Self {
        HeadersRef {
            parts: [own, computed, fixed],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|p| p.is_empty())
    }

    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len()).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'a str, Option<&'a [u8]>)> + use<'a> {
        self.parts
            .into_iter()
            .flatten()
            .map(|(name, value)| (name.as_str(), value.as_deref()))
    }

    /// The bytes of names and values, as they count against a topic's record limit.
    pub fn bytes(&self) -> usize {
        self.iter().map(|(n, v)| n.len() + v.map_or(0, <[u8]>::len)).sum()
    }
}

/// A record to send, borrowed from wherever it was read or made.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordRef<'a> {
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: HeadersRef<'a>,
    /// None: the partitioner decides (murmur2 on the key).
    pub partition: Option<i32>,
    /// Epoch milliseconds; None: the producer's clock.
    pub timestamp: Option<i64>,
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

/// Decides how `bytes` appear in an envelope.
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
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Appends `"name":<bytes>` (and `,"name_type":"..."` when needed).
fn write_field(out: &mut Vec<u8>, name: &str, bytes: Option<&[u8]>) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
    let kind = match bytes.map(classify) {
        None => {
            out.extend_from_slice(b"null");
            return;
        }
        Some(Form::Json(doc)) => {
            out.extend_from_slice(doc);
            return;
        }
        Some(Form::JsonNull) => {
            out.extend_from_slice(b"null");
            "json"
        }
        Some(Form::Text(t)) => {
            write_json_str(out, t);
            "text"
        }
        Some(Form::Binary(b)) => {
            out.push(b'"');
            let start = out.len();
            out.resize(start + b.len().div_ceil(3) * 4, 0);
            let written = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
            out.truncate(start + written);
            out.push(b'"');
            "base64"
        }
    };
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"_type\":\"");
    out.extend_from_slice(kind.as_bytes());
    out.push(b'"');
}

/// Appends one envelope (without a trailing delimiter).
pub fn write_envelope<'h>(
    out: &mut Vec<u8>,
    record: &View<'_>,
    headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
) {
    out.extend_from_slice(b"{\"topic\":");
    write_json_str(out, record.topic);
    out.extend_from_slice(b",\"partition\":");
    out.extend_from_slice(itoa::Buffer::new().format(record.partition).as_bytes());
    out.extend_from_slice(b",\"offset\":");
    out.extend_from_slice(itoa::Buffer::new().format(record.offset).as_bytes());
    out.extend_from_slice(b",\"timestamp\":");
    match record.timestamp {
        Some(ts) => out.extend_from_slice(itoa::Buffer::new().format(ts).as_bytes()),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b',');
    write_field(out, "key", record.key);
    out.extend_from_slice(b",\"headers\":[");
    for (i, (name, value)) in headers.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        write_json_str(out, name);
        out.push(b',');
        match value {
            None => out.extend_from_slice(b"null"),
            Some(v) => match std::str::from_utf8(v) {
                Ok(s) => write_json_str(out, s),
                Err(_) => {
                    out.extend_from_slice(b"{\"base64\":");
                    write_json_str(out, &BASE64.encode(v));
                    out.push(b'}');
                }
            },
        }
        out.push(b']');
    }
    out.extend_from_slice(b"],");
    write_field(out, "value", record.value);
    out.push(b'}');
}

#[derive(Deserialize)]
struct RawEnvelope<'a> {
    #[serde(default)]
    partition: Option<i32>,
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default, borrow)]
    key: Option<&'a RawValue>,
    #[serde(default, borrow)]
    key_type: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    value: Option<&'a RawValue>,
    #[serde(default, borrow)]
    value_type: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    headers: Option<Vec<(Cow<'a, str>, Option<HeaderValue<'a>>)>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum HeaderValue<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Binary {
        #[serde(borrow)]
        base64: Cow<'a, str>,
    },
}

/// Reads one envelope line back into a record, byte for byte.
pub fn read_envelope(line: &[u8]) -> Result<Record, String> {
    // serde would also take a struct from an array; an envelope is an object.
    if line.trim_ascii_start().first() != Some(&b'{') {
        return Err("not an envelope: expected a JSON object".to_string());
    }
    let raw: RawEnvelope<'_> = serde_json::from_slice(line).map_err(|e| format!("not an envelope: {e}"))?;
    let key = decode_field("key", raw.key, raw.key_type.as_deref())?;
    let value = decode_field("value", raw.value, raw.value_type.as_deref())?;
    let mut headers = Vec::new();
    for (name, value) in raw.headers.unwrap_or_default() {
        let bytes = match value {
            None => None,
            Some(HeaderValue::Text(t)) => Some(t.into_owned().into_bytes()),
            Some(HeaderValue::Binary { base64 }) => Some(
                BASE64
                    .decode(base64.as_bytes())
                    .map_err(|e| format!("header {name}: bad base64 ({e})"))?,
            ),
        };
        headers.push((name.into_owned(), bytes));
    }
    if let Some(p) = raw.partition {
        if p < 0 {
            return Err(format!("partition {p} is negative"));
        }
    }
    Ok(Record {
        key,
        value,
        headers,
        partition: raw.partition,
        timestamp: raw.timestamp,
    })
}

fn decode_field(name: &str, raw: Option<&RawValue>, kind: Option<&str>) -> Result<Option<Vec<u8>>, String> {
    let as_string = |raw: &RawValue| -> Result<String, String> {
        serde_json::from_str::<String>(raw.get()).map_err(|_| {
            format!(
                "{name}: with {name}_type {} it must be a JSON string",
                kind.unwrap_or("")
            )
        })
    };
    match (kind, raw) {
        (None, None) => Ok(None),
        (None, Some(r)) => Ok(Some(r.get().as_bytes().to_vec())),
        (Some("json"), None) => Ok(Some(b"null".to_vec())),
        (Some("json"), Some(r)) => Ok(Some(r.get().as_bytes().to_vec())),
        (Some("text"), Some(r)) => Ok(Some(as_string(r)?.into_bytes())),
        (Some("base64"), Some(r)) => BASE64
            .decode(as_string(r)?.as_bytes())
            .map(Some)
            .map_err(|e| format!("{name}: bad base64 ({e})")),
        (Some("text" | "base64"), None) => Err(format!("{name}: null with {name}_type {}", kind.unwrap_or(""))),
        (Some(other), _) => Err(format!("{name}_type '{other}' is not json, text or base64")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(key: Option<&[u8]>, value: Option<&[u8]>, headers: &[(&str, Option<&[u8]>)]) -> (String, Record) {
        let view = View {
            topic: "t",
            partition: 3,
            offset: 42,
            timestamp: Some(1_764_316_800_123),
            key,
            value,
        };
        let mut out = Vec::new();
        write_envelope(&mut out, &view, headers.iter().copied());
        let text = String::from_utf8(out.clone()).expect("envelope is UTF-8");
        serde_json::from_slice::<serde_json::Value>(&out).expect("envelope is JSON");
        let record = read_envelope(&out).expect("reads back");
        assert_eq!(record.key.as_deref(), key, "key of {text}");
        assert_eq!(record.value.as_deref(), value, "value of {text}");
        let hs: Vec<(String, Option<Vec<u8>>)> = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.map(<[u8]>::to_vec)))
            .collect();
        assert_eq!(record.headers, hs, "headers of {text}");
        assert_eq!(record.timestamp, Some(1_764_316_800_123));
        assert_eq!(record.partition, Some(3));
        (text, record)
    }

    #[test]
    fn every_case_round_trips() {
        let cases: &[&[u8]] = &[
            b"{\"id\":42,\"amount\":12.5}",
            b"{ \"spaced\" :  [1, 2 ,3] }",
            b"\"a json string\"",
            b"12.50",
            b"true",
            b"null",
            b"plain text",
            b"",
            b" {\"lead\":1}",
            b"{\"trail\":1} ",
            b"{\"multi\":\n1}",
            b"{\"bad\":",
            b"\xff\xfe\x00binary",
            b"caf\xc3\xa9 \xe2\x9c\x93",
            b"tab\there \"quotes\" \\ back\x01",
            b"[1,2]x",
        ];
        for &case in cases {
            roundtrip(Some(case), Some(case), &[]);
        }
        roundtrip(None, None, &[]);
    }

    #[test]
    fn forms_are_readable() {
        let (t, _) = roundtrip(Some(b"user-7"), Some(b"{\"id\":42}"), &[]);
        assert!(t.contains("\"key\":\"user-7\",\"key_type\":\"text\""), "{t}");
        assert!(t.contains("\"value\":{\"id\":42}}"), "{t}");
        let (t, _) = roundtrip(None, Some(b"null"), &[]);
        assert!(t.contains("\"key\":null,"), "{t}");
        assert!(t.contains("\"value\":null,\"value_type\":\"json\""), "{t}");
        let (t, _) = roundtrip(None, Some(b"\xff"), &[]);
        assert!(t.contains("\"value\":\"/w==\",\"value_type\":\"base64\""), "{t}");
    }

    #[test]
    fn headers_keep_order_duplicates_and_bytes() {
        let (t, _) = roundtrip(
            Some(b"k"),
            Some(b"v"),
            &[
                ("trace", Some(b"abc")),
                ("trace", Some(b"def")),
                ("empty", None),
                ("bin", Some(b"\x00\xff")),
                ("blank", Some(b"")),
            ],
        );
        assert!(t.contains("\"headers\":[[\"trace\",\"abc\"],[\"trace\",\"def\"],[\"empty\",null],[\"bin\",{\"base64\":\"AP8=\"}],[\"blank\",\"\"]]"), "{t}");
    }

    #[test]
    fn hand_written_envelopes() {
        let r = read_envelope(br#"{"value": {"a": 1} , "key":"k","key_type":"text"}"#).expect("ok");
        assert_eq!(r.value.as_deref(), Some(&b"{\"a\": 1}"[..]));
        assert_eq!(r.key.as_deref(), Some(&b"k"[..]));
        assert!(read_envelope(br#"{"value":1,"value_type":"yaml"}"#).is_err());
        assert!(read_envelope(br#"{"value":1,"value_type":"base64"}"#).is_err());
        assert!(read_envelope(br#"{"value":"***","value_type":"base64"}"#).is_err());
        assert!(read_envelope(b"[1]").is_err());
        assert!(read_envelope(b"").is_err());
        assert_eq!(read_envelope(b"{}").expect("empty object"), Record::default());
    }

    #[test]
    fn escapes() {
        let mut out = Vec::new();
        write_json_str(&mut out, "a\"b\\c\nd\u{1}e\u{7f}");
        assert_eq!(out, b"\"a\\\"b\\\\c\\nd\\u0001e\\u007f\"");
    }
}
