//! The envelope: one JSON object per Kafka record, lossless and binary-safe, written by
//! `consume --format json` and read back by `produce --input envelope`.
//!
//! Keys and values are written in the most readable form that still round-trips byte
//! for byte (the `Codec::Envelope` rule): a single-line JSON document verbatim; other
//! UTF-8 as a string marked `"value_type":"text"`; other bytes as base64 marked
//! `"value_type":"base64"`; the JSON document `null` as `null` marked
//! `"value_type":"json"` (a bare `null` is a Kafka null).

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::decode::{Decoded, Decoders, Fatal, Shown, Side, SideDecoder, schema_header};
use super::encode::SchemaNote;
use super::wire::GuidText;
use super::{Codec, DecodeError};
use crate::jq::write_json_str;
use crate::record::{Record, View};

/// Appends `"name":<bytes>` (and `,"name_type":"..."` when needed).
fn write_field(out: &mut Vec<u8>, name: &str, bytes: Option<&[u8]>, codec: Codec) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
    let Some(bytes) = bytes else {
        out.extend_from_slice(b"null");
        return;
    };
    let Some(kind) = codec.encode(bytes, out) else { return };
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"_type\":\"");
    out.extend_from_slice(kind.name().as_bytes());
    out.push(b'"');
}

/// Appends one envelope (without a trailing delimiter).
pub fn write_envelope<'h>(
    out: &mut Vec<u8>,
    record: &View<'_>,
    headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
) {
    write_head(out, record);
    write_field(out, "key", record.key, Codec::Envelope);
    write_headers(out, headers);
    write_field(out, "value", record.value, Codec::Envelope);
    out.push(b'}');
}

/// Appends one envelope whose key and value are decoded by their schemas where they
/// name one: the decoded value in place of the bytes, with `*_schema_id` and
/// `*_format` (and for Protobuf `*_message`, `*_message_index`) beside it. A side that
/// names a schema it does not fit is written as `write_envelope` writes it, with
/// `*_decode_error`, and is in the list returned. `schema_headers` are the record's
/// `__key_schema_id` / `__value_schema_id` header values (the header form).
pub fn write_envelope_decoded<'h>(
    out: &mut Vec<u8>,
    record: &View<'_>,
    headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    schema_headers: [Option<&[u8]>; 2],
    decoders: &mut Decoders,
) -> Result<Vec<(Side, String)>, Fatal> {
    let mut failed = Vec::new();
    write_head(out, record);
    write_decoded_field(
        out,
        Side::Key,
        record.key,
        schema_headers[0],
        &mut decoders.key,
        &mut failed,
    )?;
    write_headers(out, headers);
    write_decoded_field(
        out,
        Side::Value,
        record.value,
        schema_headers[1],
        &mut decoders.value,
        &mut failed,
    )?;
    out.push(b'}');
    Ok(failed)
}

/// The header value a side's schema is named by, among a record's headers.
pub fn find_schema_header<'h>(
    headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    side: Side,
) -> Option<&'h [u8]> {
    let name = schema_header(side);
    headers.filter(|(n, _)| *n == name).find_map(|(_, v)| v)
}

fn write_decoded_field(
    out: &mut Vec<u8>,
    side: Side,
    bytes: Option<&[u8]>,
    header: Option<&[u8]>,
    decoder: &mut SideDecoder,
    failed: &mut Vec<(Side, String)>,
) -> Result<(), Fatal> {
    let name = side.name();
    let Some(b) = bytes.filter(|_| decoder.is_on()) else {
        write_field(out, name, bytes, Codec::Envelope);
        return Ok(());
    };
    // Where the field starts: a side shown as bytes after all is written again from here.
    let field = out.len();
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
    match decoder.decode(b, header, out)? {
        Shown::Decoded(d) => write_identity(out, name, &d),
        Shown::Raw => {
            out.truncate(field);
            write_field(out, name, bytes, Codec::Envelope);
        }
        Shown::Failed(why) => {
            out.truncate(field);
            write_field(out, name, bytes, Codec::Envelope);
            out.extend_from_slice(b",\"");
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"_decode_error\":");
            write_json_str(out, &why);
            failed.push((side, why));
        }
    }
    Ok(())
}

/// `,"value_schema_id":7,"value_format":"avro"` and what else says what was decoded.
fn write_identity(out: &mut Vec<u8>, name: &str, d: &Decoded) {
    let field = |out: &mut Vec<u8>, suffix: &str| {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(name.as_bytes());
        out.push(b'_');
        out.extend_from_slice(suffix.as_bytes());
        out.extend_from_slice(b"\":");
    };
    if let Some(id) = d.schema_id {
        field(out, "schema_id");
        out.extend_from_slice(itoa::Buffer::new().format(id).as_bytes());
    }
    if let Some(guid) = &d.guid {
        field(out, "schema_guid");
        write_json_str(out, &GuidText(guid).to_string());
    }
    field(out, "format");
    write_json_str(out, d.kind.name());
    if let Some(message) = &d.message {
        field(out, "message");
        write_json_str(out, message);
    }
    if let Some(index) = &d.index {
        field(out, "message_index");
        out.push(b'[');
        for (i, n) in index.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes());
        }
        out.push(b']');
    }
}

/// `{"topic":...,"partition":...,"offset":...,"timestamp":...,`
fn write_head(out: &mut Vec<u8>, record: &View<'_>) {
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
}

/// `,"headers":[...],`
fn write_headers<'h>(out: &mut Vec<u8>, headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>) {
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

/// What a decoded side of an envelope says of its schema: the fields
/// `write_envelope_decoded` writes beside a decoded key or value.
#[derive(Deserialize, Default)]
struct RawSchemaFields<'a> {
    #[serde(default)]
    key_schema_id: Option<u32>,
    #[serde(default, borrow)]
    key_schema_guid: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    key_format: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    key_message: Option<Cow<'a, str>>,
    #[serde(default)]
    key_message_index: Option<Vec<i64>>,
    #[serde(default)]
    value_schema_id: Option<u32>,
    #[serde(default, borrow)]
    value_schema_guid: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    value_format: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    value_message: Option<Cow<'a, str>>,
    #[serde(default)]
    value_message_index: Option<Vec<i64>>,
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

/// Why a line is not an envelope; each message names the field that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    #[error("not an envelope: expected a JSON object")]
    NotAnObject,
    #[error("not an envelope: {0}")]
    NotJson(String),
    #[error(transparent)]
    Field(#[from] DecodeError),
    #[error("header {name}: bad base64 ({why})")]
    HeaderBase64 { name: String, why: String },
    #[error("partition {0} is negative")]
    NegativePartition(i32),
}

/// Reads one envelope line back into a record, byte for byte.
pub fn read_envelope(line: &[u8]) -> Result<Record, EnvelopeError> {
    // serde would also take a struct from an array; an envelope is an object.
    if line.trim_ascii_start().first() != Some(&b'{') {
        return Err(EnvelopeError::NotAnObject);
    }
    let raw: RawEnvelope<'_> = serde_json::from_slice(line).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    let codec = Codec::Envelope;
    let key = codec.decode("key", raw.key, raw.key_type.as_deref())?;
    let value = codec.decode("value", raw.value, raw.value_type.as_deref())?;
    let mut headers = Vec::new();
    for (name, value) in raw.headers.unwrap_or_default() {
        let bytes = match value {
            None => None,
            Some(HeaderValue::Text(t)) => Some(t.into_owned().into_bytes()),
            Some(HeaderValue::Binary { base64 }) => {
                Some(
                    BASE64
                        .decode(base64.as_bytes())
                        .map_err(|e| EnvelopeError::HeaderBase64 {
                            name: name.to_string(),
                            why: e.to_string(),
                        })?,
                )
            }
        };
        headers.push((name.into_owned(), bytes));
    }
    if let Some(p) = raw.partition {
        if p < 0 {
            return Err(EnvelopeError::NegativePartition(p));
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

/// Reads one envelope back as [`read_envelope`] does, with what it says of each side's
/// schema: `Some` for a side written decoded (`*_format` present, no `*_type`), whose
/// bytes in the record are then its JSON text, to be encoded by that schema. A side
/// kept as bytes (a `*_decode_error` beside its `*_type`) has `None` and is sent as it
/// is.
pub fn read_envelope_with_schemas(line: &[u8]) -> Result<(Record, [Option<SchemaNote>; 2]), EnvelopeError> {
    let record = read_envelope(line)?;
    // Only lines that mention a format pay for the second look.
    if memchr::memmem::find(line, b"_format\"").is_none() {
        return Ok((record, [None, None]));
    }
    let raw: RawEnvelope<'_> = serde_json::from_slice(line).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    let schema: RawSchemaFields<'_> =
        serde_json::from_slice(line).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    let note = |typed: bool,
                id,
                guid: Option<Cow<'_, str>>,
                format: Option<Cow<'_, str>>,
                message: Option<Cow<'_, str>>,
                index| {
        (!typed && format.is_some()).then(|| SchemaNote {
            schema_id: id,
            schema_guid: guid.map(Cow::into_owned),
            format: format.map(Cow::into_owned),
            message: message.map(Cow::into_owned),
            message_index: index,
        })
    };
    let key = note(
        raw.key_type.is_some(),
        schema.key_schema_id,
        schema.key_schema_guid,
        schema.key_format,
        schema.key_message,
        schema.key_message_index,
    );
    let value = note(
        raw.value_type.is_some(),
        schema.value_schema_id,
        schema.value_schema_guid,
        schema.value_format,
        schema.value_message,
        schema.value_message_index,
    );
    Ok((record, [key, value]))
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
    fn bad_envelopes_say_what_is_wrong() {
        let why = |line: &[u8]| read_envelope(line).unwrap_err().to_string();
        assert_eq!(why(b"[1]"), "not an envelope: expected a JSON object");
        assert!(why(b"{\"value\":").starts_with("not an envelope: "));
        assert_eq!(why(br#"{"partition":-1}"#), "partition -1 is negative");
        assert!(why(br#"{"headers":[["h",{"base64":"*"}]]}"#).starts_with("header h: bad base64 ("));
        assert_eq!(
            why(br#"{"key":null,"key_type":"text"}"#),
            "key: null with key_type text"
        );
        assert_eq!(
            why(br#"{"value":"x","value_type":"yaml"}"#),
            "value_type 'yaml' is not json, text or base64"
        );
    }

    #[test]
    fn every_type_reads_back() {
        let value = |line: &[u8]| read_envelope(line).expect("reads").value;
        assert_eq!(value(br#"{"value":{"a":1}}"#), Some(b"{\"a\":1}".to_vec()));
        assert_eq!(value(br#"{"value":null,"value_type":"json"}"#), Some(b"null".to_vec()));
        assert_eq!(value(br#"{"value":[1],"value_type":"json"}"#), Some(b"[1]".to_vec()));
        assert_eq!(
            value(br#"{"value":"a\nb","value_type":"text"}"#),
            Some(b"a\nb".to_vec())
        );
        assert_eq!(value(br#"{"value":"/w==","value_type":"base64"}"#), Some(vec![0xff]));
        assert_eq!(value(br#"{"value":null}"#), None);
    }

    #[test]
    fn escapes() {
        let mut out = Vec::new();
        write_json_str(&mut out, "a\"b\\c\nd\u{1}e\u{7f}");
        assert_eq!(out, b"\"a\\\"b\\\\c\\nd\\u0001e\\u007f\"");
    }

    #[test]
    fn decoded_values_are_json_beside_their_schema_and_failures_stay_lossless() {
        use crate::codec::decode::{DecodeMode, Decoders, SideDecoder};
        use crate::codec::schema::{JsonOptions, SchemaKind, SchemaSource, compile};
        let source = SchemaSource {
            kind: SchemaKind::Avro,
            text: r#"{"type":"record","name":"R","fields":[{"name":"n","type":"int"}]}"#.into(),
            references: vec![],
        };
        let codec = compile(&source, None, JsonOptions::default()).unwrap();
        let opts = JsonOptions::default();
        let mut decoders = Decoders::new(
            SideDecoder::new(DecodeMode::None, None, None, opts, None),
            SideDecoder::new(DecodeMode::Auto, None, Some(codec), opts, None),
        );
        let framed = [0u8, 0, 0, 0, 5, 0x54];
        let view = View {
            topic: "t",
            partition: 0,
            offset: 1,
            timestamp: None,
            key: Some(b"k"),
            value: Some(&framed),
        };
        let mut out = Vec::new();
        let failed = write_envelope_decoded(&mut out, &view, std::iter::empty(), [None, None], &mut decoders).unwrap();
        assert!(failed.is_empty());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"topic":"t","partition":0,"offset":1,"timestamp":null,"key":"k","key_type":"text","headers":[],"value":{"n":42},"value_schema_id":5,"value_format":"avro"}"#
        );
        // A truncated payload: the bytes as before, and why.
        let short = [0u8, 0, 0, 0, 5];
        let view = View {
            value: Some(&short),
            ..view
        };
        let mut out = Vec::new();
        let failed = write_envelope_decoded(&mut out, &view, std::iter::empty(), [None, None], &mut decoders).unwrap();
        assert_eq!(failed.len(), 1);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains(r#""value_type":"text","value_decode_error":"schema id 5 (avro): .n: truncated"#),
            "{text}"
        );
        assert_eq!(read_envelope(&out).unwrap().value.as_deref(), Some(&short[..]));
    }
}
