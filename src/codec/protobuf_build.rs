//! JSON text → Protobuf wire bytes along the descriptor, the way back of the walk
//! (`protobuf_walk.rs`) and produce's fast path: the JSON is read once by the pull
//! parser the Avro encoder uses, and each field is written as it is read, with no
//! `DynamicMessage` in between.
//!
//! It writes the bytes prost-reflect writes for the message it would read (fields in
//! number order, defaults of fields without presence left out, numeric lists packed),
//! and takes a value exactly when prost-reflect's reader would, by the same rules (an
//! integer from a JSON number, a whole float or a decimal string; `NaN` and the
//! infinities as strings; an enum by name or number; base64 standard or URL-safe).
//! Whatever it is unsure of *bails* and the caller reads the JSON through
//! `DynamicMessage`: keys out of number order or given twice, two members of a oneof,
//! a map key twice, a `null` where it is not simply "unset", and every error, so that
//! error messages and paths have one source. Well-known types are read by
//! prost-reflect, field by field.

use std::borrow::Cow;
use std::str::FromStr;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use prost::Message as _;
use prost_reflect::DynamicMessage;

use super::{Bail, Field, Shape, Ty, Walk, Walker};
use crate::codec::avro::json::{Number, Parser};

/// prost-reflect's base64 readers: padding optional, trailing bits allowed; the
/// URL-safe alphabet when the standard one meets `-` or `_`.
const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_allow_trailing_bits(true)
    .with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);

/// Nesting as deep as the reader goes (serde_json's limit is 128; prost's 100).
const MAX_DEPTH: u32 = 100;

/// A JSON number as serde_json hands it to a visitor: an unsigned or a negative
/// integer when the text is one that fits, a float otherwise (and for `-0`).
#[derive(Debug, Clone, Copy)]
enum Num {
    U(u64),
    I(i64),
    F(f64),
}

fn num(n: &Number<'_>) -> Walk<Num> {
    let t = n.text;
    let integral = !t.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if integral {
        if let Some(digits) = t.strip_prefix('-') {
            if let Ok(v) = t.parse::<i64>() {
                // serde_json reads `-0` as the float -0.0.
                return Ok(if v == 0 && digits.bytes().all(|b| b == b'0') {
                    Num::F(-0.0)
                } else {
                    Num::I(v)
                });
            }
        } else if let Ok(v) = t.parse::<u64>() {
            return Ok(Num::U(v));
        }
    }
    // serde_json refuses what overflows to an infinity.
    t.parse::<f64>().ok().filter(|v| v.is_finite()).map(Num::F).ok_or(Bail)
}

/// What prost-reflect's integer visitors take from a float: whole, within range.
fn whole(v: f64, min: f64, max: f64) -> Walk<f64> {
    if v.fract() != 0.0 || v < min || v > max {
        return Err(Bail);
    }
    Ok(v)
}

impl Walker {
    /// Appends the wire bytes of the message `msg` (an index from [`Walker::index`])
    /// that the JSON document `json` gives; `Err(Bail)` leaves `out` partly written.
    pub(in crate::codec) fn encode(&self, msg: usize, json: &[u8], out: &mut Vec<u8>) -> Walk {
        let mut p = Parser::new(json);
        self.put_object(msg, &mut p, 0, out)?;
        if !p.at_end() {
            return Err(Bail);
        }
        Ok(())
    }

    fn put_object(&self, msg: usize, p: &mut Parser<'_>, depth: u32, out: &mut Vec<u8>) -> Walk {
        let m = &self.messages[msg];
        if !m.fast || depth >= MAX_DEPTH || !p.eat(b'{') {
            return Err(Bail);
        }
        let mut first = true;
        // The next field in number order: its JSON name is tried first, as bytes.
        let mut next = 0;
        let mut oneofs = 0u64;
        loop {
            let i = match m.fields.get(next) {
                Some(f) if p.exact_key(&f.json_key, first) => next,
                _ => {
                    let Some(key) = p.key(first).map_err(|_| Bail)? else {
                        break;
                    };
                    let i = m
                        .by_json
                        .get(key.as_ref())
                        .or_else(|| m.by_proto.get(key.as_ref()))
                        .copied()
                        .ok_or(Bail)?;
                    if i < next {
                        return Err(Bail);
                    }
                    i
                }
            };
            first = false;
            next = i + 1;
            let f = &m.fields[i];
            if p.peek() == Some(b'n') {
                // null leaves a field unset, but for the two types it is a value of.
                if matches!(&f.shape, Shape::Single(Ty::WellKnown(d)) if d.full_name() == "google.protobuf.Value") {
                    return Err(Bail);
                }
                p.null_or_bool().map_err(|_| Bail)?;
                // NullValue's one value is 0: written only where presence keeps it.
                if matches!(&f.shape, Shape::Single(Ty::Enum(e)) if self.enums[*e].null) {
                    if f.oneof.is_some() {
                        return Err(Bail);
                    }
                    if f.presence {
                        put_varint(u64::from(f.number) << 3, out);
                        out.push(0);
                    }
                }
                continue;
            }
            if let Some(o) = f.oneof {
                if oneofs & (1 << o) != 0 {
                    return Err(Bail);
                }
                oneofs |= 1 << o;
            }
            match &f.shape {
                Shape::Single(ty) => self.put_single(f, ty, p, depth, out)?,
                Shape::List(ty) => self.put_list(f, ty, p, depth, out)?,
                Shape::Map(k, v) => self.put_map(f, k, v, p, depth, out)?,
            }
        }
        Ok(())
    }

    /// A singular field: its key and value, or nothing for a default without presence.
    fn put_single(&self, f: &Field, ty: &Ty, p: &mut Parser<'_>, depth: u32, out: &mut Vec<u8>) -> Walk {
        let mark = out.len();
        put_varint(u64::from(f.number) << 3 | ty.wire_type(), out);
        let set = self.put_value(ty, p, depth, out)?;
        if !set && !f.presence {
            out.truncate(mark);
        }
        Ok(())
    }

    /// A repeated field: one packed run, or a key per element.
    fn put_list(&self, f: &Field, ty: &Ty, p: &mut Parser<'_>, depth: u32, out: &mut Vec<u8>) -> Walk {
        if !p.eat(b'[') {
            return Err(Bail);
        }
        let mark = out.len();
        let packed = f.packed && ty.packable();
        let body = if packed {
            put_varint(u64::from(f.number) << 3 | 2, out);
            out.push(0);
            out.len()
        } else {
            0
        };
        let mut first = true;
        while p.item(first).map_err(|_| Bail)? {
            first = false;
            if p.peek() == Some(b'n') {
                return Err(Bail);
            }
            if !packed {
                put_varint(u64::from(f.number) << 3 | ty.wire_type(), out);
            }
            self.put_value(ty, p, depth, out)?;
        }
        if packed {
            if out.len() == body {
                out.truncate(mark);
            } else {
                close_length(out, body);
            }
        }
        Ok(())
    }

    /// A map field: an entry (key 1, value 2, defaults left out) per JSON key.
    #[allow(clippy::too_many_arguments)]
    fn put_map(&self, f: &Field, k: &Ty, v: &Ty, p: &mut Parser<'_>, depth: u32, out: &mut Vec<u8>) -> Walk {
        if !p.eat(b'{') {
            return Err(Bail);
        }
        let mut keys: Vec<(usize, usize)> = Vec::new();
        let mut first = true;
        while let Some(key) = p.key(first).map_err(|_| Bail)? {
            first = false;
            put_varint(u64::from(f.number) << 3 | 2, out);
            out.push(0);
            let body = out.len();
            self.put_map_key(k, &key, out)?;
            let this = (body, out.len());
            if keys.iter().any(|&(s, e)| out[s..e] == out[this.0..this.1]) {
                return Err(Bail);
            }
            keys.push(this);
            if p.peek() == Some(b'n') {
                return Err(Bail);
            }
            let mark = out.len();
            put_varint(2 << 3 | v.wire_type(), out);
            let set = self.put_value(v, p, depth, out)?;
            if !set && !matches!(v, Ty::Message(_) | Ty::WellKnown(_)) {
                out.truncate(mark);
            }
            close_length(out, body);
        }
        Ok(())
    }

    /// A map key from its JSON string, parsed as prost-reflect parses it (Rust's
    /// `from_str` of the key type), written as field 1 unless it is the default.
    fn put_map_key(&self, k: &Ty, key: &str, out: &mut Vec<u8>) -> Walk {
        let wire = match k {
            Ty::String => {
                if !key.is_empty() {
                    put_varint(1 << 3 | 2, out);
                    put_varint(key.len() as u64, out);
                    out.extend_from_slice(key.as_bytes());
                }
                return Ok(());
            }
            Ty::Bool => u64::from(bool::from_str(key).map_err(|_| Bail)?),
            Ty::Int32 => i32::from_str(key).map_err(|_| Bail)? as i64 as u64,
            Ty::Sint32 => zigzag32(i32::from_str(key).map_err(|_| Bail)?),
            Ty::Int64 => i64::from_str(key).map_err(|_| Bail)? as u64,
            Ty::Sint64 => zigzag64(i64::from_str(key).map_err(|_| Bail)?),
            Ty::Uint32 => u64::from(u32::from_str(key).map_err(|_| Bail)?),
            Ty::Uint64 => u64::from_str(key).map_err(|_| Bail)?,
            Ty::Fixed32 | Ty::Sfixed32 | Ty::Fixed64 | Ty::Sfixed64 => {
                let (bytes, zero): (Vec<u8>, bool) = match k {
                    Ty::Fixed32 => {
                        let v = u32::from_str(key).map_err(|_| Bail)?;
                        (v.to_le_bytes().to_vec(), v == 0)
                    }
                    Ty::Sfixed32 => {
                        let v = i32::from_str(key).map_err(|_| Bail)?;
                        (v.to_le_bytes().to_vec(), v == 0)
                    }
                    Ty::Fixed64 => {
                        let v = u64::from_str(key).map_err(|_| Bail)?;
                        (v.to_le_bytes().to_vec(), v == 0)
                    }
                    _ => {
                        let v = i64::from_str(key).map_err(|_| Bail)?;
                        (v.to_le_bytes().to_vec(), v == 0)
                    }
                };
                if !zero {
                    put_varint(1 << 3 | k.wire_type(), out);
                    out.extend_from_slice(&bytes);
                }
                return Ok(());
            }
            _ => return Err(Bail),
        };
        if wire != 0 {
            put_varint(1 << 3, out);
            put_varint(wire, out);
        }
        Ok(())
    }

    /// Reads one value of `ty` and writes its wire form (the key is the caller's);
    /// Ok(false) when it is the type's default.
    fn put_value(&self, ty: &Ty, p: &mut Parser<'_>, depth: u32, out: &mut Vec<u8>) -> Walk<bool> {
        Ok(match ty {
            Ty::Double => {
                let v = self.put_double(p)?;
                out.extend_from_slice(&v.to_le_bytes());
                v != 0.0
            }
            Ty::Float => {
                let v = self.put_float(p)?;
                out.extend_from_slice(&v.to_le_bytes());
                v != 0.0
            }
            Ty::Int32 | Ty::Sint32 | Ty::Sfixed32 => {
                let v = int(p, i32::from_str, |n| match n {
                    Num::U(u) => i32::try_from(u).ok(),
                    Num::I(i) => i32::try_from(i).ok(),
                    Num::F(f) => whole(f, f64::from(i32::MIN), f64::from(i32::MAX))
                        .ok()
                        .map(|f| f as i32),
                })?;
                match ty {
                    Ty::Int32 => put_varint(v as i64 as u64, out),
                    Ty::Sint32 => put_varint(zigzag32(v), out),
                    _ => out.extend_from_slice(&v.to_le_bytes()),
                }
                v != 0
            }
            Ty::Int64 | Ty::Sint64 | Ty::Sfixed64 => {
                let v = int(p, i64::from_str, |n| match n {
                    Num::U(u) => i64::try_from(u).ok(),
                    Num::I(i) => Some(i),
                    Num::F(f) => whole(f, i64::MIN as f64, i64::MAX as f64).ok().map(|f| f as i64),
                })?;
                match ty {
                    Ty::Int64 => put_varint(v as u64, out),
                    Ty::Sint64 => put_varint(zigzag64(v), out),
                    _ => out.extend_from_slice(&v.to_le_bytes()),
                }
                v != 0
            }
            Ty::Uint32 | Ty::Fixed32 => {
                let v = int(p, u32::from_str, |n| match n {
                    Num::U(u) => u32::try_from(u).ok(),
                    Num::I(i) => u32::try_from(i).ok(),
                    Num::F(f) => whole(f, 0.0, f64::from(u32::MAX)).ok().map(|f| f as u32),
                })?;
                match ty {
                    Ty::Uint32 => put_varint(u64::from(v), out),
                    _ => out.extend_from_slice(&v.to_le_bytes()),
                }
                v != 0
            }
            Ty::Uint64 | Ty::Fixed64 => {
                let v = int(p, u64::from_str, |n| match n {
                    Num::U(u) => Some(u),
                    Num::I(i) => u64::try_from(i).ok(),
                    Num::F(f) => whole(f, 0.0, u64::MAX as f64).ok().map(|f| f as u64),
                })?;
                match ty {
                    Ty::Uint64 => put_varint(v, out),
                    _ => out.extend_from_slice(&v.to_le_bytes()),
                }
                v != 0
            }
            Ty::Bool => {
                let v = p.null_or_bool().map_err(|_| Bail)?.flatten().ok_or(Bail)?;
                out.push(u8::from(v));
                v
            }
            // NullValue takes only null, which the caller has handled.
            Ty::Enum(e) if self.enums[*e].null => return Err(Bail),
            Ty::Enum(e) => {
                let v = if let Some(name) = p.string().map_err(|_| Bail)? {
                    self.enums[*e].desc.get_value_by_name(&name).ok_or(Bail)?.number()
                } else {
                    let n = p.number().map_err(|_| Bail)?.ok_or(Bail)?;
                    match num(&n)? {
                        Num::U(u) => i32::try_from(u).map_err(|_| Bail)?,
                        Num::I(i) => i32::try_from(i).map_err(|_| Bail)?,
                        Num::F(_) => return Err(Bail),
                    }
                };
                put_varint(v as i64 as u64, out);
                v != 0
            }
            Ty::String => {
                let s = p.string().map_err(|_| Bail)?.ok_or(Bail)?;
                put_varint(s.len() as u64, out);
                out.extend_from_slice(s.as_bytes());
                !s.is_empty()
            }
            Ty::Bytes => {
                let s = p.string().map_err(|_| Bail)?.ok_or(Bail)?;
                let mut bytes = Vec::new();
                match STANDARD.decode_vec(s.as_bytes(), &mut bytes) {
                    Ok(()) => {}
                    Err(base64::DecodeError::InvalidByte(_, b'-' | b'_')) => {
                        bytes.clear();
                        URL_SAFE.decode_vec(s.as_bytes(), &mut bytes).map_err(|_| Bail)?;
                    }
                    Err(_) => return Err(Bail),
                }
                put_varint(bytes.len() as u64, out);
                out.extend_from_slice(&bytes);
                !bytes.is_empty()
            }
            Ty::Message(m) => {
                out.push(0);
                let body = out.len();
                self.put_object(*m, p, depth + 1, out)?;
                close_length(out, body);
                true
            }
            Ty::WellKnown(desc) => {
                let start = p.pos;
                p.skip(0).map_err(|_| Bail)?;
                let mut de = serde_json::Deserializer::from_slice(&p.bytes[start..p.pos]);
                let message =
                    DynamicMessage::deserialize_with_options(desc.clone(), &mut de, &self.de).map_err(|_| Bail)?;
                let bytes = message.encode_to_vec();
                put_varint(bytes.len() as u64, out);
                out.extend_from_slice(&bytes);
                true
            }
        })
    }

    fn put_double(&self, p: &mut Parser<'_>) -> Walk<f64> {
        if let Some(s) = p.string().map_err(|_| Bail)? {
            return match f64::from_str(&s) {
                Ok(v) => Ok(v),
                Err(_) => special(&s).ok_or(Bail),
            };
        }
        let n = p.number().map_err(|_| Bail)?.ok_or(Bail)?;
        Ok(match num(&n)? {
            Num::U(u) => u as f64,
            Num::I(i) => i as f64,
            Num::F(f) => f,
        })
    }

    fn put_float(&self, p: &mut Parser<'_>) -> Walk<f32> {
        if let Some(s) = p.string().map_err(|_| Bail)? {
            return match f32::from_str(&s) {
                Ok(v) => Ok(v),
                Err(_) => special(&s).map(|v| v as f32).ok_or(Bail),
            };
        }
        let n = p.number().map_err(|_| Bail)?.ok_or(Bail)?;
        Ok(match num(&n)? {
            Num::U(u) => u as f32,
            Num::I(i) => i as f32,
            Num::F(f) if f < f64::from(f32::MIN) || f > f64::from(f32::MAX) => return Err(Bail),
            Num::F(f) => f as f32,
        })
    }
}

/// The mapping's strings for the floats JSON has no number for.
fn special(s: &str) -> Option<f64> {
    match s {
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        "NaN" => Some(f64::NAN),
        _ => None,
    }
}

/// An integer from a decimal string (by the type's `from_str`) or a JSON number.
fn int<T, E>(p: &mut Parser<'_>, parse: fn(&str) -> Result<T, E>, of: impl Fn(Num) -> Option<T>) -> Walk<T> {
    if let Some(s) = p.string().map_err(|_| Bail)? {
        let s: Cow<'_, str> = s;
        return parse(&s).map_err(|_| Bail);
    }
    let n = p.number().map_err(|_| Bail)?.ok_or(Bail)?;
    of(num(&n)?).ok_or(Bail)
}

fn zigzag32(v: i32) -> u64 {
    u64::from(((v << 1) ^ (v >> 31)) as u32)
}

fn zigzag64(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Sets the length of the body that starts at `body`, whose one placeholder byte sits
/// just before it, moving the body on when the length needs more than one byte.
fn close_length(out: &mut Vec<u8>, body: usize) {
    let len = out.len() - body;
    if len < 0x80 {
        out[body - 1] = len as u8;
        return;
    }
    let mut prefix = Vec::with_capacity(10);
    put_varint(len as u64, &mut prefix);
    out.splice(body - 1..body, prefix);
}
