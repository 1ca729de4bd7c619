//! JSON text → Avro binary, directed by the compiled schema. The input is parsed once
//! into a small borrowed tree (strings without escapes point into the input), because a
//! record's fields may come in any order and a union's branch is found by trying them.
//!
//! What is accepted: whatever the decoder writes, so that a decoded value encodes back
//! to the same bytes, and a few forms a person would type. Plain JSON (the default):
//! - a union takes the bare value, and the first branch (in schema order) it fits; for a
//!   union where two branches could take the same JSON (`["int","long"]`,
//!   `["string","bytes"]`) the decoder writes `{"branch": value}` when the bare value
//!   would pick another branch, and that form is accepted (only) there;
//! - timestamps, dates and times as the decoder writes them (RFC 3339 with `Z` or an
//!   offset for timestamps) or as the underlying integer (epoch millis and so on);
//! - decimals as strings or JSON numbers, refused when they have more fraction digits
//!   than the scale (other than trailing zeros) or more digits than the precision;
//! - `NaN`, `Infinity` and `-Infinity` as strings for floats and doubles;
//! - a field left out takes its default, or null when its type is a union with null.
//!   A key the record does not have is an error (a typo is more likely than intent).
//!
//! With `avro_json`, the Avro specification's JSON encoding: unions wrapped as
//! `{"type": value}` (null bare), bytes and fixed as strings of code points U+0000-U+00FF,
//! logical types as their underlying values.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::decode::key_segment;
use super::logical;
use super::schema::{Node, NodeId, Schema, Unit, kinds};
use crate::codec::schema::CodecError;
use crate::codec::wire::parse_guid;

/// A JSON value, borrowing from the input where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// Only integers above `i64::MAX`.
    UInt(u64),
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    fn kind(&self) -> u8 {
        match self {
            Json::Null => kinds::NULL,
            Json::Bool(_) => kinds::BOOL,
            Json::Int(_) | Json::UInt(_) | Json::Float(_) => kinds::NUMBER,
            Json::Str(_) => kinds::STRING,
            Json::Array(_) => kinds::ARRAY,
            Json::Object(_) => kinds::OBJECT,
        }
    }

    fn from_value(value: &serde_json::Value) -> Json<'_> {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Json::Int(i),
                (None, Some(u)) => Json::UInt(u),
                _ => Json::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Json::Str(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::from_value).collect()),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from_value(v)))
                    .collect(),
            ),
        }
    }
}

/// A value as an error message shows it: scalars as JSON (long strings cut short),
/// arrays and objects by kind.
struct Shown<'a, 'b>(&'a Json<'b>);

impl fmt::Display for Shown<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Int(i) => write!(f, "{i}"),
            Json::UInt(u) => write!(f, "{u}"),
            Json::Float(x) => write!(f, "{x}"),
            Json::Str(s) => {
                let cut: String = s.chars().take(40).collect();
                let mut out = Vec::new();
                crate::jq::write_json_str(&mut out, &cut);
                f.write_str(&String::from_utf8_lossy(&out))?;
                if cut.len() < s.len() {
                    f.write_str("…")?;
                }
                Ok(())
            }
            Json::Array(_) => f.write_str("an array"),
            Json::Object(_) => f.write_str("an object"),
        }
    }
}

struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct JsonVisitor;
        impl<'de> Visitor<'de> for JsonVisitor {
            type Value = Json<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Json<'de>, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Json<'de>, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E: de::Error>(self, i: i64) -> Result<Json<'de>, E> {
                Ok(Json::Int(i))
            }
            fn visit_u64<E: de::Error>(self, u: u64) -> Result<Json<'de>, E> {
                Ok(i64::try_from(u).map_or(Json::UInt(u), Json::Int))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Json<'de>, E> {
                Ok(Json::Float(x))
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
                // serde_json gives no size hint; most records have a handful of fields.
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8).min(64));
                while let Some((Key(k), v)) = map.next_entry::<Key<'de>, Json<'de>>()? {
                    entries.push((k, v));
                }
                Ok(Json::Object(entries))
            }
        }
        d.deserialize_any(JsonVisitor)
    }
}

/// How JSON is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    AvroJson,
    /// A field's default in the schema: values as the Avro JSON encoding has them, but
    /// a union's value bare (for its first branch, by the specification; others are
    /// tried too).
    Default,
}

/// Appends the Avro binary encoding of the JSON document `json` to `out`.
pub fn encode(schema: &Schema, avro_json: bool, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
    let value: Json = serde_json::from_slice(json).map_err(|e| CodecError::new("", format!("not JSON: {e}")))?;
    let mode = if avro_json { Mode::AvroJson } else { Mode::Plain };
    Encoder { schema, mode }.value(schema.root, &value, out)
}

/// Appends a field default (JSON from the schema) encoded for `node`.
pub(super) fn default_value(
    schema: &Schema,
    node: NodeId,
    json: &serde_json::Value,
    out: &mut Vec<u8>,
) -> Result<(), CodecError> {
    let encoder = Encoder {
        schema,
        mode: Mode::Default,
    };
    encoder.value(node, &Json::from_value(json), out)
}

/// Which branch of the union `node` the encoder takes for the plain JSON text `json`
/// (what the decoder asks of an ambiguous union before it writes a value bare).
pub(super) fn picks(schema: &Schema, node: NodeId, json: &[u8]) -> Option<usize> {
    let value: Json = serde_json::from_slice(json).ok()?;
    let Node::Union { branches, ambiguous } = &schema.nodes[node] else {
        return None;
    };
    let encoder = Encoder {
        schema,
        mode: Mode::Plain,
    };
    encoder.union(branches, *ambiguous, &value, &mut Vec::new()).ok()
}

struct Encoder<'s> {
    schema: &'s Schema,
    mode: Mode,
}

fn expected(node: &Node, got: &Json) -> CodecError {
    CodecError::new("", format!("expected {}, got {}", node.describe(), Shown(got)))
}

fn write_long(out: &mut Vec<u8>, value: i64) {
    let mut v = ((value << 1) ^ (value >> 63)) as u64;
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn write_sized(out: &mut Vec<u8>, bytes: &[u8]) {
    write_long(out, bytes.len() as i64);
    out.extend_from_slice(bytes);
}

fn under(mut e: CodecError, segment: impl FnOnce(&mut String)) -> CodecError {
    let mut path = String::new();
    segment(&mut path);
    path.push_str(&e.path);
    e.path = path;
    e
}

/// An integer, from a JSON integer or a float with no fraction (as some writers print
/// whole numbers).
fn integer(value: &Json) -> Option<i64> {
    match value {
        Json::Int(i) => Some(*i),
        Json::Float(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Some(*x as i64),
        _ => None,
    }
}

fn float(value: &Json) -> Option<f64> {
    match value {
        Json::Int(i) => Some(*i as f64),
        Json::UInt(u) => Some(*u as f64),
        Json::Float(x) => Some(*x),
        Json::Str(s) => match s.as_ref() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// A string of code points U+0000-U+00FF as the bytes the Avro JSON encoding means.
fn latin1(value: &Json) -> Option<Vec<u8>> {
    let Json::Str(s) = value else { return None };
    s.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

impl Encoder<'_> {
    /// The bytes of a bytes or fixed value: base64 in plain JSON, code points otherwise.
    fn raw_bytes(&self, value: &Json) -> Option<Vec<u8>> {
        match self.mode {
            Mode::Plain => match value {
                Json::Str(s) => BASE64.decode(s.as_bytes()).ok(),
                _ => None,
            },
            Mode::AvroJson | Mode::Default => latin1(value),
        }
    }

    /// A logical value given as its underlying integer, or as text `parse` reads.
    fn logical_int(&self, value: &Json, parse: impl FnOnce(&str) -> Option<i64>) -> Option<i64> {
        match value {
            Json::Str(s) => parse(s),
            other => integer(other),
        }
    }

    fn value(&self, node: NodeId, value: &Json, out: &mut Vec<u8>) -> Result<(), CodecError> {
        let n = &self.schema.nodes[node];
        let fail = || expected(n, value);
        match n {
            Node::Null => match value {
                Json::Null => {}
                _ => return Err(fail()),
            },
            Node::Boolean => match value {
                Json::Bool(b) => out.push(u8::from(*b)),
                _ => return Err(fail()),
            },
            Node::Int => {
                let i = integer(value).and_then(|i| i32::try_from(i).ok()).ok_or_else(fail)?;
                write_long(out, i64::from(i));
            }
            Node::Long => write_long(out, integer(value).ok_or_else(fail)?),
            Node::Float => out.extend_from_slice(&(float(value).ok_or_else(fail)? as f32).to_le_bytes()),
            Node::Double => out.extend_from_slice(&float(value).ok_or_else(fail)?.to_le_bytes()),
            Node::Bytes => write_sized(out, &self.raw_bytes(value).ok_or_else(fail)?),
            Node::String | Node::Uuid { fixed: None } => match value {
                Json::Str(s) => write_sized(out, s.as_bytes()),
                _ => return Err(fail()),
            },
            Node::Record { name, fields } => {
                let Json::Object(entries) = value else {
                    return Err(fail());
                };
                let mut found = 0;
                for (i, field) in fields.iter().enumerate() {
                    // Input written by the decoder has the fields in schema order: look
                    // there first.
                    let given = match entries.get(i) {
                        Some(entry) if entry.0 == field.name => Some(entry),
                        _ => entries.iter().find(|(k, _)| *k == field.name),
                    };
                    found += usize::from(given.is_some());
                    let result = match (given, &field.default) {
                        (Some((_, v)), _) => self.value(field.node, v, out),
                        (None, Some(default)) => {
                            out.extend_from_slice(default);
                            Ok(())
                        }
                        (None, None) => match self.null_branch(field.node) {
                            Some(i) => {
                                write_long(out, i as i64);
                                Ok(())
                            }
                            None => Err(CodecError::new(
                                "",
                                format!("missing (record {name} has no default for it)"),
                            )),
                        },
                    };
                    result.map_err(|e| under(e, |p| key_segment(p, &field.name)))?;
                }
                // Every key was a field (the common case) unless some were left over.
                let extra = (found < entries.len())
                    .then(|| entries.iter().find(|(k, _)| !fields.iter().any(|f| f.name == *k)))
                    .flatten();
                if let Some((extra, _)) = extra {
                    let mut path = String::new();
                    key_segment(&mut path, extra);
                    return Err(CodecError::new(path, format!("record {name} has no such field")));
                }
            }
            Node::Enum { symbols, .. } => {
                let Json::Str(s) = value else { return Err(fail()) };
                let i = symbols.iter().position(|sym| sym == s).ok_or_else(fail)?;
                write_long(out, i as i64);
            }
            Node::Array(item) => {
                let Json::Array(items) = value else { return Err(fail()) };
                if !items.is_empty() {
                    write_long(out, items.len() as i64);
                    for (i, v) in items.iter().enumerate() {
                        self.value(*item, v, out)
                            .map_err(|e| under(e, |p| p.push_str(&format!("[{i}]"))))?;
                    }
                }
                out.push(0);
            }
            Node::Map(item) => {
                let Json::Object(entries) = value else {
                    return Err(fail());
                };
                if !entries.is_empty() {
                    write_long(out, entries.len() as i64);
                    for (k, v) in entries {
                        write_sized(out, k.as_bytes());
                        self.value(*item, v, out).map_err(|e| under(e, |p| key_segment(p, k)))?;
                    }
                }
                out.push(0);
            }
            Node::Union { branches, ambiguous } => {
                self.union(branches, *ambiguous, value, out)?;
            }
            Node::Fixed { size, .. } => {
                let bytes = self.raw_bytes(value).filter(|b| b.len() == *size).ok_or_else(fail)?;
                out.extend_from_slice(&bytes);
            }
            Node::Decimal {
                precision,
                scale,
                fixed,
            } => {
                let size = fixed.as_ref().map(|(_, size)| *size);
                let bytes = match (self.mode, value) {
                    (Mode::Plain, Json::Str(s)) => logical::parse_decimal(s, *precision, *scale, size),
                    (Mode::Plain, Json::Int(i)) => logical::parse_decimal(&i.to_string(), *precision, *scale, size),
                    (Mode::Plain, Json::UInt(u)) => logical::parse_decimal(&u.to_string(), *precision, *scale, size),
                    (Mode::Plain, Json::Float(x)) if x.is_finite() => {
                        logical::parse_decimal(&x.to_string(), *precision, *scale, size)
                    }
                    (Mode::Plain, _) => None,
                    _ => latin1(value).filter(|b| size.is_none_or(|s| b.len() == s)),
                };
                let bytes = bytes.ok_or_else(fail)?;
                match size {
                    Some(_) => out.extend_from_slice(&bytes),
                    None => write_sized(out, &bytes),
                }
            }
            Node::Uuid { fixed: Some(_) } => {
                let bytes = match (self.mode, value) {
                    (Mode::Plain, Json::Str(s)) => parse_guid(s).map(|g| g.to_vec()),
                    (Mode::Plain, _) => None,
                    _ => latin1(value).filter(|b| b.len() == 16),
                };
                out.extend_from_slice(&bytes.ok_or_else(fail)?);
            }
            Node::Date => {
                let days = self
                    .logical_int(value, |s| logical::parse_date(s).map(i64::from))
                    .and_then(|d| i32::try_from(d).ok())
                    .ok_or_else(fail)?;
                write_long(out, i64::from(days));
            }
            Node::TimeMillis => {
                let ms = self
                    .logical_int(value, |s| logical::parse_time(s, Unit::Millis))
                    .and_then(|d| i32::try_from(d).ok())
                    .ok_or_else(fail)?;
                write_long(out, i64::from(ms));
            }
            Node::TimeMicros => {
                let us = self
                    .logical_int(value, |s| logical::parse_time(s, Unit::Micros))
                    .ok_or_else(fail)?;
                write_long(out, us);
            }
            Node::Timestamp { unit, local } => {
                let v = self
                    .logical_int(value, |s| logical::parse_timestamp(s, *unit, *local))
                    .ok_or_else(fail)?;
                write_long(out, v);
            }
            Node::Duration { .. } => match (self.mode, value) {
                (Mode::Plain, Json::Object(entries)) => {
                    let part = |name: &str| {
                        entries
                            .iter()
                            .find(|(k, _)| k == name)
                            .and_then(|(_, v)| integer(v))
                            .and_then(|v| u32::try_from(v).ok())
                    };
                    let known = entries
                        .iter()
                        .all(|(k, _)| ["months", "days", "millis"].contains(&k.as_ref()));
                    let (Some(months), Some(days), Some(millis), true) =
                        (part("months"), part("days"), part("millis"), known)
                    else {
                        return Err(CodecError::new(
                            "",
                            format!(
                                "expected duration {{\"months\",\"days\",\"millis\"}} (each 0 to 4294967295), got {}",
                                Shown(value)
                            ),
                        ));
                    };
                    for part in [months, days, millis] {
                        out.extend_from_slice(&part.to_le_bytes());
                    }
                }
                (Mode::Plain, _) => return Err(fail()),
                _ => out.extend_from_slice(&latin1(value).filter(|b| b.len() == 12).ok_or_else(fail)?),
            },
        }
        Ok(())
    }

    /// The index of a union's null branch, for a field left out.
    fn null_branch(&self, node: NodeId) -> Option<usize> {
        match &self.schema.nodes[node] {
            Node::Union { branches, .. } => branches
                .iter()
                .position(|&b| matches!(self.schema.nodes[b], Node::Null)),
            _ => None,
        }
    }

    /// Writes a union's index and value; returns the branch taken.
    fn union(
        &self,
        branches: &[NodeId],
        ambiguous: bool,
        value: &Json,
        out: &mut Vec<u8>,
    ) -> Result<usize, CodecError> {
        let nodes = &self.schema.nodes;
        let names = || {
            let names: Vec<String> = branches.iter().map(|&b| nodes[b].describe()).collect();
            names.join(" or ")
        };
        let start = out.len();
        let wrapped = match value {
            Json::Object(entries) if entries.len() == 1 => {
                let (k, inner) = &entries[0];
                branches
                    .iter()
                    .position(|&b| nodes[b].branch_name() == k)
                    .map(|i| (i, inner))
            }
            _ => None,
        };
        if self.mode == Mode::AvroJson {
            let taken = match (value, wrapped) {
                (Json::Null, _) => branches.iter().position(|&b| matches!(nodes[b], Node::Null)),
                (_, Some((i, _))) if !matches!(nodes[branches[i]], Node::Null) => Some(i),
                _ => None,
            };
            let Some(i) = taken else {
                return Err(CodecError::new(
                    "",
                    format!(
                        "expected {} as {{\"type\": value}} (or null), got {}",
                        names(),
                        Shown(value)
                    ),
                ));
            };
            write_long(out, i as i64);
            let inner = wrapped.map_or(value, |(_, inner)| inner);
            return self
                .value(branches[i], inner, out)
                .map_err(|e| under(e, |p| key_segment(p, nodes[branches[i]].branch_name())))
                .map(|()| i);
        }
        if let (Some((i, inner)), true, Mode::Plain) = (wrapped, ambiguous, self.mode) {
            write_long(out, i as i64);
            if self.value(branches[i], inner, out).is_ok() {
                return Ok(i);
            }
            out.truncate(start);
        }
        let mut deepest: Option<CodecError> = None;
        for (i, &b) in branches.iter().enumerate() {
            if nodes[b].accepts() & value.kind() == 0 {
                continue;
            }
            write_long(out, i as i64);
            match self.value(b, value, out) {
                Ok(()) => return Ok(i),
                Err(e) => {
                    out.truncate(start);
                    // The error from deepest inside is the one that says what to fix.
                    if !e.path.is_empty() && deepest.as_ref().is_none_or(|d| e.path.len() > d.path.len()) {
                        deepest = Some(e);
                    }
                }
            }
        }
        Err(deepest.unwrap_or_else(|| CodecError::new("", format!("expected {}, got {}", names(), Shown(value)))))
    }
}
