//! JSON text → Avro binary, directed by the compiled schema over a pull parser
//! (`json.rs`): no value tree, the bytes written as the input is read. A union's
//! branches are tried by rewinding the parser, and a record whose keys are not in schema
//! order is read again by seeking to each field's value. Just over 700 lines because it
//! covers every Avro type and logical type, and the rules of what it accepts sit beside
//! the code that applies them.
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

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::decode::key_segment;
use super::json::{Number, Parser, Syntax};
use super::logical;
use super::schema::{Field, Node, NodeId, Schema, Unit, kinds};
use crate::codec::schema::CodecError;
use crate::codec::wire::parse_guid;

/// The message of an error that is the JSON's, not the schema's: replaced by
/// serde_json's own description before it reaches the user.
const NOT_JSON: &str = "not JSON";

use super::MAX_DEPTH;

fn syntax(_: Syntax) -> CodecError {
    CodecError::new("", NOT_JSON)
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
    let mode = if avro_json { Mode::AvroJson } else { Mode::Plain };
    let start = out.len();
    let mut p = Parser::new(json);
    let encoder = Encoder { schema, mode };
    let result = encoder
        .value(schema.root, &mut p, out, 0)
        .and_then(|()| if p.at_end() { Ok(()) } else { Err(syntax(Syntax(p.pos))) });
    result.map_err(|e| {
        out.truncate(start);
        // Broken JSON is named as serde_json names it (the line and column), whatever
        // the schema said first.
        match serde_json::from_slice::<serde_json::Value>(json) {
            Err(why) => CodecError::new("", format!("not JSON: {why}")),
            Ok(_) => e,
        }
    })
}

/// Appends a field default (JSON from the schema) encoded for `node`.
pub(super) fn default_value(
    schema: &Schema,
    node: NodeId,
    json: &serde_json::Value,
    out: &mut Vec<u8>,
) -> Result<(), CodecError> {
    let text = serde_json::to_vec(json).map_err(|e| CodecError::new("", e.to_string()))?;
    let mut p = Parser::new(&text);
    let encoder = Encoder {
        schema,
        mode: Mode::Default,
    };
    encoder.value(node, &mut p, out, 0)
}

/// Which branch of the union `node` the encoder takes for the plain JSON text `json`
/// (what the decoder asks of an ambiguous union before it writes a value bare).
pub(super) fn picks(schema: &Schema, node: NodeId, json: &[u8]) -> Option<usize> {
    let Node::Union { branches, ambiguous } = &schema.nodes[node] else {
        return None;
    };
    let encoder = Encoder {
        schema,
        mode: Mode::Plain,
    };
    let mut p = Parser::new(json);
    let taken = encoder.union(branches, *ambiguous, &mut p, &mut Vec::new(), 0).ok()?;
    p.at_end().then_some(taken)
}

struct Encoder<'s> {
    schema: &'s Schema,
    mode: Mode,
}

/// The value at `pos` as an error message shows it: scalars as JSON (long strings cut
/// short), arrays and objects by kind.
fn shown(bytes: &[u8], pos: usize) -> String {
    let mut p = Parser { bytes, pos };
    match p.peek() {
        Some(b'{') => "an object".into(),
        Some(b'[') => "an array".into(),
        Some(b'"') => match p.string() {
            Ok(Some(s)) => {
                let cut: String = s.chars().take(40).collect();
                let mut out = Vec::new();
                crate::jq::write_json_str(&mut out, &cut);
                let mut text = String::from_utf8_lossy(&out).into_owned();
                if cut.len() < s.len() {
                    text.push('…');
                }
                text
            }
            _ => "a broken string".into(),
        },
        _ => {
            let end = bytes[p.pos..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r'))
                .map_or(bytes.len(), |n| p.pos + n);
            String::from_utf8_lossy(&bytes[p.pos..end.min(p.pos + 40)]).into_owned()
        }
    }
}

fn expected(node: &Node, p: &Parser, pos: usize) -> CodecError {
    CodecError::new("", format!("expected {}, got {}", node.describe(), shown(p.bytes, pos)))
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

/// Puts a block count in front of the items already written from `start`.
fn insert_count(out: &mut Vec<u8>, start: usize, count: usize) {
    let mut varint = Vec::with_capacity(10);
    write_long(&mut varint, count as i64);
    out.splice(start..start, varint);
}

fn under(mut e: CodecError, segment: impl FnOnce(&mut String)) -> CodecError {
    let mut path = String::new();
    segment(&mut path);
    path.push_str(&e.path);
    e.path = path;
    e
}

/// A string of code points U+0000-U+00FF as the bytes the Avro JSON encoding means.
fn latin1(s: &str) -> Option<Vec<u8>> {
    s.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

/// The kind of JSON value a byte starts (bits of [`kinds`]); 0 for none.
fn kind_of(first: Option<u8>) -> u8 {
    match first {
        Some(b'n') => kinds::NULL,
        Some(b't' | b'f') => kinds::BOOL,
        Some(b'"') => kinds::STRING,
        Some(b'{') => kinds::OBJECT,
        Some(b'[') => kinds::ARRAY,
        Some(b'-' | b'0'..=b'9') => kinds::NUMBER,
        _ => 0,
    }
}

impl Encoder<'_> {
    /// The bytes of a bytes or fixed value: base64 in plain JSON, code points otherwise.
    fn raw_bytes(&self, s: &str) -> Option<Vec<u8>> {
        match self.mode {
            Mode::Plain => BASE64.decode(s.as_bytes()).ok(),
            Mode::AvroJson | Mode::Default => latin1(s),
        }
    }

    fn string<'a>(&self, p: &mut Parser<'a>) -> Result<Option<Cow<'a, str>>, CodecError> {
        p.string().map_err(syntax)
    }

    fn number<'a>(&self, p: &mut Parser<'a>) -> Result<Option<Number<'a>>, CodecError> {
        p.number().map_err(syntax)
    }

    /// A float or double: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    fn float(&self, p: &mut Parser) -> Result<Option<f64>, CodecError> {
        if let Some(n) = self.number(p)? {
            return Ok(Some(n.float()));
        }
        Ok(match self.string(p)?.as_deref() {
            Some("NaN") => Some(f64::NAN),
            Some("Infinity") => Some(f64::INFINITY),
            Some("-Infinity") => Some(f64::NEG_INFINITY),
            _ => None,
        })
    }

    /// A logical value given as its underlying integer, or as text `parse` reads.
    fn logical_int(&self, p: &mut Parser, parse: impl FnOnce(&str) -> Option<i64>) -> Result<Option<i64>, CodecError> {
        if let Some(n) = self.number(p)? {
            return Ok(n.integer());
        }
        Ok(self.string(p)?.and_then(|s| parse(&s)))
    }

    fn value(&self, node: NodeId, p: &mut Parser, out: &mut Vec<u8>, depth: usize) -> Result<(), CodecError> {
        if depth > MAX_DEPTH {
            return Err(CodecError::new("", format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let n = &self.schema.nodes[node];
        p.peek();
        let start = p.pos;
        let fail = |p: &Parser| expected(n, p, start);
        match n {
            Node::Null => match p.null_or_bool().map_err(syntax)? {
                Some(None) => {}
                _ => return Err(fail(p)),
            },
            Node::Boolean => match p.null_or_bool().map_err(syntax)? {
                Some(Some(b)) => out.push(u8::from(b)),
                _ => return Err(fail(p)),
            },
            Node::Int => {
                let n = self.number(p)?.and_then(|n| n.integer());
                let i = n.and_then(|i| i32::try_from(i).ok()).ok_or_else(|| fail(p))?;
                write_long(out, i64::from(i));
            }
            Node::Long => {
                let i = self.number(p)?.and_then(|n| n.integer()).ok_or_else(|| fail(p))?;
                write_long(out, i);
            }
            Node::Float => {
                let x = self.float(p)?.ok_or_else(|| fail(p))?;
                out.extend_from_slice(&(x as f32).to_le_bytes());
            }
            Node::Double => {
                let x = self.float(p)?.ok_or_else(|| fail(p))?;
                out.extend_from_slice(&x.to_le_bytes());
            }
            Node::Bytes => {
                let bytes = self
                    .string(p)?
                    .and_then(|s| self.raw_bytes(&s))
                    .ok_or_else(|| fail(p))?;
                write_sized(out, &bytes);
            }
            Node::String | Node::Uuid { fixed: None } => {
                let s = self.string(p)?.ok_or_else(|| fail(p))?;
                write_sized(out, s.as_bytes());
            }
            Node::Record { name, fields } => self.record(n, name, fields, p, out, depth, start)?,
            Node::Enum { symbols, .. } => {
                let s = self.string(p)?;
                let i = s
                    .and_then(|s| symbols.iter().position(|sym| *sym == s))
                    .ok_or_else(|| fail(p))?;
                write_long(out, i as i64);
            }
            Node::Array(item) => self.array(n, *item, p, out, depth, start)?,
            Node::Map(item) => self.map(n, *item, p, out, depth, start)?,
            Node::Union { branches, ambiguous } => {
                self.union(branches, *ambiguous, p, out, depth)?;
            }
            Node::Fixed { size, .. } => {
                let bytes = self
                    .string(p)?
                    .and_then(|s| self.raw_bytes(&s))
                    .filter(|b| b.len() == *size)
                    .ok_or_else(|| fail(p))?;
                out.extend_from_slice(&bytes);
            }
            Node::Decimal {
                precision,
                scale,
                fixed,
            } => self.decimal(
                n,
                *precision,
                *scale,
                fixed.as_ref().map(|(_, size)| *size),
                p,
                out,
                start,
            )?,
            Node::Uuid { fixed: Some(_) } => {
                let s = self.string(p)?;
                let bytes = match self.mode {
                    Mode::Plain => s.and_then(|s| parse_guid(&s)).map(|g| g.to_vec()),
                    _ => s.and_then(|s| latin1(&s)).filter(|b| b.len() == 16),
                };
                out.extend_from_slice(&bytes.ok_or_else(|| fail(p))?);
            }
            Node::Date | Node::TimeMillis | Node::TimeMicros | Node::Timestamp { .. } => self.time(n, p, out, start)?,
            Node::Duration { .. } => self.duration_value(n, p, out, start)?,
        }
        Ok(())
    }

    /// A record: its fields in schema order when the JSON has them so (the common case,
    /// one pass), else in any order.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn record(
        &self,
        n: &Node,
        name: &str,
        fields: &[Field],
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
        start: usize,
    ) -> Result<(), CodecError> {
        if !p.eat(b'{') {
            return Err(expected(n, p, start));
        }
        let (out_start, object) = (out.len(), p.pos);
        if !self.record_in_order(name, fields, p, out, depth)? {
            out.truncate(out_start);
            p.pos = object;
            self.record_any_order(name, fields, p, out, depth)?;
        }
        Ok(())
    }

    /// An array, as one block of items and the closing 0.
    fn array(
        &self,
        n: &Node,
        item: NodeId,
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
        start: usize,
    ) -> Result<(), CodecError> {
        if !p.eat(b'[') {
            return Err(expected(n, p, start));
        }
        let items = out.len();
        let mut count = 0;
        while p.item(count == 0).map_err(syntax)? {
            self.value(item, p, out, depth + 1)
                .map_err(|e| under(e, |path| path.push_str(&format!("[{count}]"))))?;
            count += 1;
        }
        if count > 0 {
            insert_count(out, items, count);
        }
        out.push(0);
        Ok(())
    }

    /// A map, as one block of key and value pairs and the closing 0.
    fn map(
        &self,
        n: &Node,
        item: NodeId,
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
        start: usize,
    ) -> Result<(), CodecError> {
        if !p.eat(b'{') {
            return Err(expected(n, p, start));
        }
        let items = out.len();
        let mut count = 0;
        while let Some(key) = p.key(count == 0).map_err(syntax)? {
            write_sized(out, key.as_bytes());
            self.value(item, p, out, depth + 1)
                .map_err(|e| under(e, |path| key_segment(path, &key)))?;
            count += 1;
        }
        if count > 0 {
            insert_count(out, items, count);
        }
        out.push(0);
        Ok(())
    }

    /// A decimal: exact text or a JSON number in plain JSON, the spec's `\u00XX` string
    /// with `--avro-json`; `size` for a fixed-size decimal.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn decimal(
        &self,
        n: &Node,
        precision: u32,
        scale: u32,
        size: Option<usize>,
        p: &mut Parser,
        out: &mut Vec<u8>,
        start: usize,
    ) -> Result<(), CodecError> {
        let bytes = if self.mode == Mode::Plain {
            match self.number(p)? {
                Some(num) => logical::parse_decimal(num.text, precision, scale, size),
                None => self
                    .string(p)?
                    .and_then(|s| logical::parse_decimal(&s, precision, scale, size)),
            }
        } else {
            self.string(p)?
                .and_then(|s| latin1(&s))
                .filter(|b| size.is_none_or(|s| b.len() == s))
        };
        let bytes = bytes.ok_or_else(|| expected(n, p, start))?;
        match size {
            Some(_) => out.extend_from_slice(&bytes),
            None => write_sized(out, &bytes),
        }
        Ok(())
    }

    /// A date, time or timestamp: its text, or the underlying integer.
    #[inline]
    fn time(&self, n: &Node, p: &mut Parser, out: &mut Vec<u8>, start: usize) -> Result<(), CodecError> {
        let value = match n {
            Node::Date => self
                .logical_int(p, |s| logical::parse_date(s).map(i64::from))?
                .filter(|d| i32::try_from(*d).is_ok()),
            Node::TimeMillis => self
                .logical_int(p, |s| logical::parse_time(s, Unit::Millis))?
                .filter(|d| i32::try_from(*d).is_ok()),
            Node::TimeMicros => self.logical_int(p, |s| logical::parse_time(s, Unit::Micros))?,
            Node::Timestamp { unit, local } => self.logical_int(p, |s| logical::parse_timestamp(s, *unit, *local))?,
            _ => None,
        };
        write_long(out, value.ok_or_else(|| expected(n, p, start))?);
        Ok(())
    }

    /// A duration: `{"months","days","millis"}` in plain JSON, 12 bytes as a string with
    /// `--avro-json`.
    fn duration_value(&self, n: &Node, p: &mut Parser, out: &mut Vec<u8>, start: usize) -> Result<(), CodecError> {
        if self.mode != Mode::Plain {
            let bytes = self
                .string(p)?
                .and_then(|s| latin1(&s))
                .filter(|b| b.len() == 12)
                .ok_or_else(|| expected(n, p, start))?;
            out.extend_from_slice(&bytes);
            return Ok(());
        }
        let parts = self.duration(p)?.ok_or_else(|| {
            CodecError::new(
                "",
                format!(
                    "expected duration {{\"months\",\"days\",\"millis\"}} (each 0 to 4294967295), got {}",
                    shown(p.bytes, start)
                ),
            )
        })?;
        for part in parts {
            out.extend_from_slice(&part.to_le_bytes());
        }
        Ok(())
    }

    /// `{"months": m, "days": d, "millis": ms}` in any order, each a u32.
    fn duration(&self, p: &mut Parser) -> Result<Option<[u32; 3]>, CodecError> {
        if !p.eat(b'{') {
            return Ok(None);
        }
        let mut parts: [Option<u32>; 3] = [None; 3];
        let mut first = true;
        while let Some(key) = p.key(first).map_err(syntax)? {
            first = false;
            let slot = ["months", "days", "millis"].iter().position(|k| *k == key);
            let value = self
                .number(p)?
                .and_then(|n| n.integer())
                .and_then(|v| u32::try_from(v).ok());
            match (slot, value) {
                (Some(i), Some(v)) if parts[i].is_none() => parts[i] = Some(v),
                _ => return Ok(None),
            }
        }
        Ok(match parts {
            [Some(m), Some(d), Some(ms)] => Some([m, d, ms]),
            _ => None,
        })
    }

    /// A record whose keys come in schema order, all present (what the decoder writes):
    /// encoded straight. `false` (the caller rewinds) at the first key out of place.
    fn record_in_order(
        &self,
        name: &str,
        fields: &[Field],
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<bool, CodecError> {
        for (i, field) in fields.iter().enumerate() {
            // The key as the decoder writes it is matched as bytes; any other spelling
            // of it (escapes, a space before the colon) is read as a string.
            let found = p.exact_key(&field.key, i == 0)
                || match p.key(i == 0).map_err(syntax)? {
                    Some(key) => key == field.name,
                    None => false,
                };
            if !found {
                return Ok(false);
            }
            self.value(field.node, p, out, depth + 1)
                .map_err(|e| under(e, |path| key_segment(path, &field.name)))?;
        }
        match p.key(fields.is_empty()).map_err(syntax)? {
            None => Ok(true),
            Some(extra) => Err(no_such_field(name, &extra)),
        }
    }

    /// A record with keys in any order, some left out: the keys found first, then each
    /// field's value read where it is.
    fn record_any_order(
        &self,
        name: &str,
        fields: &[Field],
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<(), CodecError> {
        let mut keys: Vec<(Cow<str>, usize)> = Vec::with_capacity(fields.len());
        let mut first = true;
        while let Some(key) = p.key(first).map_err(syntax)? {
            first = false;
            p.peek();
            let at = p.pos;
            p.skip(depth).map_err(syntax)?;
            if !fields.iter().any(|f| f.name == key) {
                return Err(no_such_field(name, &key));
            }
            keys.push((key, at));
        }
        let end = p.pos;
        for field in fields {
            let result = match (keys.iter().find(|(k, _)| *k == field.name), &field.default) {
                (Some(&(_, at)), _) => {
                    p.pos = at;
                    self.value(field.node, p, out, depth + 1)
                }
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
            result.map_err(|e| under(e, |path| key_segment(path, &field.name)))?;
        }
        p.pos = end;
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
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<usize, CodecError> {
        let nodes = &self.schema.nodes;
        let names = || {
            let names: Vec<String> = branches.iter().map(|&b| nodes[b].describe()).collect();
            names.join(" or ")
        };
        let kind = kind_of(p.peek());
        let (start, out_start) = (p.pos, out.len());
        if self.mode == Mode::AvroJson || (ambiguous && self.mode == Mode::Plain && kind == kinds::OBJECT) {
            if let Some(taken) = self.wrapped(branches, p, out, depth)? {
                return Ok(taken);
            }
            out.truncate(out_start);
            p.pos = start;
            if self.mode == Mode::AvroJson {
                return Err(CodecError::new(
                    "",
                    format!(
                        "expected {} as {{\"type\": value}} (or null), got {}",
                        names(),
                        shown(p.bytes, start)
                    ),
                ));
            }
        }
        let mut deepest: Option<CodecError> = None;
        for (i, &b) in branches.iter().enumerate() {
            if nodes[b].accepts() & kind == 0 {
                continue;
            }
            p.pos = start;
            write_long(out, i as i64);
            match self.value(b, p, out, depth + 1) {
                Ok(()) => return Ok(i),
                Err(e) if e.message == NOT_JSON => return Err(e),
                Err(e) => {
                    out.truncate(out_start);
                    // The error from deepest inside is the one that says what to fix.
                    if !e.path.is_empty() && deepest.as_ref().is_none_or(|d| e.path.len() > d.path.len()) {
                        deepest = Some(e);
                    }
                }
            }
        }
        p.pos = start;
        Err(deepest
            .unwrap_or_else(|| CodecError::new("", format!("expected {}, got {}", names(), shown(p.bytes, start)))))
    }

    /// The `{"branch": value}` form of a union value (null bare, in the Avro JSON
    /// encoding); `None` when the value is not in that form or does not fit the branch
    /// it names (the caller rewinds).
    fn wrapped(
        &self,
        branches: &[NodeId],
        p: &mut Parser,
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<Option<usize>, CodecError> {
        let nodes = &self.schema.nodes;
        if self.mode == Mode::AvroJson && kind_of(p.peek()) == kinds::NULL {
            let Some(i) = branches.iter().position(|&b| matches!(nodes[b], Node::Null)) else {
                return Ok(None);
            };
            p.null_or_bool().map_err(syntax)?;
            write_long(out, i as i64);
            return Ok(Some(i));
        }
        if !p.eat(b'{') {
            return Ok(None);
        }
        let Some(key) = p.key(true).map_err(syntax)? else {
            return Ok(None);
        };
        let Some(i) = branches
            .iter()
            .position(|&b| nodes[b].branch_name() == key && !matches!(nodes[b], Node::Null))
        else {
            return Ok(None);
        };
        write_long(out, i as i64);
        match self.value(branches[i], p, out, depth + 1) {
            Ok(()) => {}
            Err(e) if e.message == NOT_JSON || self.mode == Mode::AvroJson => {
                return Err(under(e, |path| key_segment(path, &key)));
            }
            Err(_) => return Ok(None),
        }
        // Exactly one key: anything after it is another object, not the wrapped form.
        Ok(p.key(false).map_err(syntax)?.is_none().then_some(i))
    }
}

fn no_such_field(record: &str, key: &str) -> CodecError {
    let mut path = String::new();
    key_segment(&mut path, key);
    CodecError::new(path, format!("record {record} has no such field"))
}
