//! Avro binary → JSON text, walking the compiled schema straight over the payload: no
//! value tree, and nothing allocated per record beyond the output (a decimal longer
//! than 16 bytes and a union that plain JSON cannot tell apart are the exceptions).
//!
//! Every length and count is checked against the bytes left before it is used, and
//! items that take no bytes at all (nulls, empty records) draw on a budget tied to the
//! payload's size, so a corrupt payload is an error, never a huge allocation or a loop
//! without end. The path of a value that does not decode is built only on the way out
//! of an error, so a good record pays nothing for it.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::encode;
use super::logical;
use super::schema::{Field, Node, NodeId, Schema, Unit};
use crate::codec::plain_text::write_if_plain;
use crate::codec::schema::CodecError;
use crate::codec::wire::GuidText;
use crate::jq::{write_f64, write_json_str};

use super::MAX_DEPTH;

/// Appends `payload`, decoded with `schema`, to `out` as one JSON value: plain JSON, or
/// the Avro specification's JSON encoding when `avro_json`.
pub fn decode(schema: &Schema, avro_json: bool, payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
    let mut decoder = Decoder {
        schema,
        avro_json,
        bytes: payload,
        pos: 0,
        empty_items: 1024 + 64 * payload.len(),
    };
    decoder.value(schema.root, out, 0)?;
    match payload.len() - decoder.pos {
        0 => Ok(()),
        left => Err(CodecError::new(
            "",
            format!("{left} bytes left after the value: the payload does not fit its schema"),
        )),
    }
}

struct Decoder<'s, 'a> {
    schema: &'s Schema,
    avro_json: bool,
    bytes: &'a [u8],
    pos: usize,
    /// How many more array or map items that take no bytes may be read.
    empty_items: usize,
}

fn error(message: impl Into<String>) -> CodecError {
    CodecError::new("", message)
}

/// Puts `segment` in front of an error's path on the way out.
fn under(mut e: CodecError, segment: impl FnOnce(&mut String)) -> CodecError {
    let mut path = String::new();
    segment(&mut path);
    path.push_str(&e.path);
    e.path = path;
    e
}

/// A map key or field name as a jq path segment: `.name`, or `["odd key"]`.
pub(super) fn key_segment(path: &mut String, key: &str) {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        let mut quoted = Vec::new();
        write_json_str(&mut quoted, key);
        path.push('[');
        path.push_str(&String::from_utf8_lossy(&quoted));
        path.push(']');
    }
}

impl<'a> Decoder<'_, 'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodecError> {
        let left = self.bytes.len() - self.pos;
        if n > left {
            return Err(error(format!("truncated: {n} bytes needed, {left} left")));
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    fn long(&mut self) -> Result<i64, CodecError> {
        let mut value: u64 = 0;
        for i in 0..10 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(error("truncated: the payload ends inside a number"));
            };
            self.pos += 1;
            if i == 9 && b > 1 {
                return Err(error("a varint longer than 64 bits"));
            }
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
            }
        }
        Err(error("a varint longer than 64 bits"))
    }

    fn int(&mut self) -> Result<i32, CodecError> {
        let v = self.long()?;
        i32::try_from(v).map_err(|_| error(format!("{v} is out of range for an int")))
    }

    /// A length-prefixed byte string.
    fn sized(&mut self) -> Result<&'a [u8], CodecError> {
        let len = self.long()?;
        let len = usize::try_from(len).map_err(|_| error(format!("negative length {len}")))?;
        self.take(len)
    }

    fn str(&mut self) -> Result<&'a str, CodecError> {
        std::str::from_utf8(self.sized()?).map_err(|_| error("a string that is not UTF-8"))
    }

    /// The item count of the next block of an array or map (0 at the end). A negative
    /// count is followed by the block's size in bytes, which is only skipped over.
    fn block(&mut self, item: NodeId) -> Result<usize, CodecError> {
        let count = self.long()?;
        let count = if count < 0 {
            self.long()?;
            count.unsigned_abs()
        } else {
            count as u64
        };
        let left = (self.bytes.len() - self.pos) as u64;
        if takes_bytes(self.schema, item, 0) {
            if count > left {
                return Err(error(format!("a block of {count} items in {left} bytes")));
            }
        } else {
            // Items that take no bytes: only the budget bounds them.
            if count > self.empty_items as u64 {
                return Err(error(format!("a block of {count} items that take no bytes")));
            }
            self.empty_items -= count as usize;
        }
        Ok(count as usize)
    }

    fn float_text(&self, out: &mut Vec<u8>, f: f64, single: bool) {
        if f.is_nan() {
            out.extend_from_slice(b"\"NaN\"");
        } else if f.is_infinite() {
            out.extend_from_slice(if f > 0.0 { b"\"Infinity\"" } else { b"\"-Infinity\"" });
        } else if single {
            // The shortest digits that read back to the same float, then written as
            // the double those digits name, so that eddy writes every number one way.
            let mut buf = ryu::Buffer::new();
            let shortest = buf.format_finite(f as f32);
            write_f64(out, shortest.parse().unwrap_or(f));
        } else {
            write_f64(out, f);
        }
    }

    /// Bytes as the Avro JSON encoding writes them: one code point U+0000-U+00FF each.
    fn latin1(out: &mut Vec<u8>, bytes: &[u8]) {
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        write_json_str(out, &text);
    }

    fn base64(out: &mut Vec<u8>, bytes: &[u8]) {
        out.push(b'"');
        let start = out.len();
        out.resize(start + bytes.len().div_ceil(3) * 4, 0);
        let written = BASE64.encode_slice(bytes, &mut out[start..]).unwrap_or(0);
        out.truncate(start + written);
        out.push(b'"');
    }

    fn bytes_value(&self, out: &mut Vec<u8>, bytes: &[u8]) {
        if self.avro_json {
            Self::latin1(out, bytes);
        } else {
            Self::base64(out, bytes);
        }
    }

    /// Decodes one value of `node`: the dispatcher over the schema's node kinds, with
    /// the scalars inline and the bulkier kinds in the methods below.
    fn value(&mut self, node: NodeId, out: &mut Vec<u8>, depth: usize) -> Result<(), CodecError> {
        if depth > MAX_DEPTH {
            return Err(error(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let schema = self.schema;
        match &schema.nodes[node] {
            Node::Null => out.extend_from_slice(b"null"),
            Node::Boolean => match self.take(1)?[0] {
                0 => out.extend_from_slice(b"false"),
                1 => out.extend_from_slice(b"true"),
                b => return Err(error(format!("a boolean byte {b}, not 0 or 1"))),
            },
            Node::Int => {
                let v = self.int()?;
                out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
            }
            Node::Long => {
                let v = self.long()?;
                out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
            }
            Node::Float => {
                let b = self.take(4)?;
                let f = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                self.float_text(out, f64::from(f), true);
            }
            Node::Double => {
                let b = self.take(8)?;
                let f = f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                self.float_text(out, f, false);
            }
            Node::Bytes => {
                let b = self.sized()?;
                self.bytes_value(out, b);
            }
            Node::String | Node::Uuid { fixed: None } => {
                let b = self.sized()?;
                if !write_if_plain(out, b) {
                    write_json_str(
                        out,
                        std::str::from_utf8(b).map_err(|_| error("a string that is not UTF-8"))?,
                    );
                }
            }
            Node::Record { fields, .. } => self.record(fields, out, depth)?,
            Node::Enum { name, symbols } => self.enum_symbol(name, symbols, out)?,
            Node::Array(item) => self.array(*item, out, depth)?,
            Node::Map(item) => self.map(*item, out, depth)?,
            Node::Union { branches, ambiguous } => self.union(node, branches, *ambiguous, out, depth)?,
            Node::Fixed { size, .. } => {
                let b = self.take(*size)?;
                self.bytes_value(out, b);
            }
            Node::Decimal {
                precision,
                scale,
                fixed,
            } => self.decimal(*precision, *scale, fixed.as_ref().map(|(_, size)| *size), out)?,
            Node::Uuid { fixed: Some(_) } => self.fixed_uuid(out)?,
            Node::Date => {
                let v = self.int()?;
                if self.avro_json || !logical::write_date(out, v) {
                    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Node::TimeMillis => {
                let v = self.int()?;
                self.time_or_number(out, i64::from(v), |out| {
                    logical::write_time(out, i64::from(v), Unit::Millis)
                });
            }
            Node::TimeMicros => {
                let v = self.long()?;
                self.time_or_number(out, v, |out| logical::write_time(out, v, Unit::Micros));
            }
            Node::Timestamp { unit, local } => {
                let v = self.long()?;
                self.time_or_number(out, v, |out| logical::write_timestamp(out, v, *unit, *local));
            }
            Node::Duration { .. } => self.duration(out)?,
        }
        Ok(())
    }

    /// A record: its fields in schema order as one JSON object.
    #[inline]
    fn record(&mut self, fields: &[Field], out: &mut Vec<u8>, depth: usize) -> Result<(), CodecError> {
        out.push(b'{');
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&field.key);
            self.value(field.node, out, depth + 1)
                .map_err(|e| under(e, |p| key_segment(p, &field.name)))?;
        }
        out.push(b'}');
        Ok(())
    }

    /// An enum: its index, written as the symbol it names.
    #[inline]
    fn enum_symbol(&mut self, name: &str, symbols: &[String], out: &mut Vec<u8>) -> Result<(), CodecError> {
        let i = self.long()?;
        let symbol = usize::try_from(i).ok().and_then(|i| symbols.get(i)).ok_or_else(|| {
            error(format!(
                "enum index {i} is out of range for enum {name} ({} symbols)",
                symbols.len()
            ))
        })?;
        write_json_str(out, symbol);
        Ok(())
    }

    /// An array: blocks of items until a block of none, as one JSON array.
    fn array(&mut self, item: NodeId, out: &mut Vec<u8>, depth: usize) -> Result<(), CodecError> {
        out.push(b'[');
        let mut index = 0usize;
        loop {
            let count = self.block(item)?;
            if count == 0 {
                break;
            }
            for _ in 0..count {
                if index > 0 {
                    out.push(b',');
                }
                self.value(item, out, depth + 1)
                    .map_err(|e| under(e, |p| _ = write!(p, "[{index}]")))?;
                index += 1;
            }
        }
        out.push(b']');
        Ok(())
    }

    /// A map: blocks of key and item pairs until a block of none, as one JSON object.
    fn map(&mut self, item: NodeId, out: &mut Vec<u8>, depth: usize) -> Result<(), CodecError> {
        out.push(b'{');
        let mut first = true;
        loop {
            let count = self.block(item)?;
            if count == 0 {
                break;
            }
            for _ in 0..count {
                if !first {
                    out.push(b',');
                }
                first = false;
                let key = self.str()?;
                write_json_str(out, key);
                out.push(b':');
                self.value(item, out, depth + 1)
                    .map_err(|e| under(e, |p| key_segment(p, key)))?;
            }
        }
        out.push(b'}');
        Ok(())
    }

    /// A union: the branch index, then that branch's value, wrapped in `{"type": ...}`
    /// in the Avro JSON encoding, or in plain JSON when the bare value would be read
    /// back as another branch.
    #[inline]
    fn union(
        &mut self,
        node: NodeId,
        branches: &[NodeId],
        ambiguous: bool,
        out: &mut Vec<u8>,
        depth: usize,
    ) -> Result<(), CodecError> {
        let schema = self.schema;
        let i = self.long()?;
        let Some(&branch) = usize::try_from(i).ok().and_then(|i| branches.get(i)) else {
            return Err(error(format!(
                "union index {i} is out of range for a union of {} types",
                branches.len()
            )));
        };
        let name = schema.nodes[branch].branch_name();
        let wrap = self.avro_json && !matches!(schema.nodes[branch], Node::Null);
        let start = out.len();
        if wrap {
            out.push(b'{');
            write_json_str(out, name);
            out.push(b':');
        }
        self.value(branch, out, depth + 1)?;
        if wrap {
            out.push(b'}');
        } else if ambiguous && encode::picks(schema, node, &out[start..]) != Some(i as usize) {
            // The bare value would be read back as another branch: say which.
            let mut prefix = vec![b'{'];
            write_json_str(&mut prefix, name);
            prefix.push(b':');
            out.splice(start..start, prefix);
            out.push(b'}');
        }
        Ok(())
    }

    /// A decimal (in `fixed` bytes, or length-prefixed without): its digits as a JSON
    /// string, refused when they are more than `precision`.
    #[inline]
    fn decimal(
        &mut self,
        precision: u32,
        scale: u32,
        fixed: Option<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), CodecError> {
        let b = match fixed {
            Some(size) => self.take(size)?,
            None => self.sized()?,
        };
        if self.avro_json {
            Self::latin1(out, b);
        } else {
            let start = out.len();
            let digits = logical::write_decimal(out, b, scale);
            if digits > precision as usize {
                // Shown, it could not be produced again: the schema does not hold it.
                let text = String::from_utf8_lossy(&out[start..]).into_owned();
                return Err(error(format!(
                    "{text} has more digits than decimal({precision},{scale}) holds"
                )));
            }
        }
        Ok(())
    }

    /// A uuid in 16 fixed bytes, written as its canonical text.
    fn fixed_uuid(&mut self, out: &mut Vec<u8>) -> Result<(), CodecError> {
        let b = self.take(16)?;
        if self.avro_json {
            Self::latin1(out, b);
        } else {
            let mut guid = [0; 16];
            guid.copy_from_slice(b);
            out.push(b'"');
            _ = write!(Utf8Sink(out), "{}", GuidText(&guid));
            out.push(b'"');
        }
        Ok(())
    }

    /// A time or timestamp: the text `write` makes of it, or the bare number `v` in the
    /// Avro JSON encoding and when it has no text.
    #[inline]
    fn time_or_number(&self, out: &mut Vec<u8>, v: i64, write: impl FnOnce(&mut Vec<u8>) -> bool) {
        if self.avro_json || !write(out) {
            out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        }
    }

    /// A duration's 12 bytes: months, days and milliseconds as a JSON object.
    fn duration(&mut self, out: &mut Vec<u8>) -> Result<(), CodecError> {
        let b = self.take(12)?;
        if self.avro_json {
            Self::latin1(out, b);
        } else {
            let part = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
            let mut n = itoa::Buffer::new();
            out.extend_from_slice(b"{\"months\":");
            out.extend_from_slice(n.format(part(0)).as_bytes());
            out.extend_from_slice(b",\"days\":");
            out.extend_from_slice(n.format(part(4)).as_bytes());
            out.extend_from_slice(b",\"millis\":");
            out.extend_from_slice(n.format(part(8)).as_bytes());
            out.push(b'}');
        }
        Ok(())
    }
}

/// `write!` into a byte vector.
struct Utf8Sink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Utf8Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Whether every value of `node` takes at least one byte, so that a count of them is
/// bounded by the bytes left. When unsure (records nested past a few levels) it says
/// yes, which errs on the side of refusing a count.
fn takes_bytes(schema: &Schema, node: NodeId, depth: usize) -> bool {
    match &schema.nodes[node] {
        Node::Null => false,
        Node::Record { fields, .. } => depth > 8 || fields.iter().any(|f| takes_bytes(schema, f.node, depth + 1)),
        Node::Fixed { size, .. } => *size > 0,
        _ => true,
    }
}
