//! Just over 700 lines: the descriptor tables that both directions share (the encoder,
//! `protobuf_build.rs`, is a child module for their private fields) sit with the walk.
//!
//! Protobuf wire bytes → canonical proto3 JSON text in one walk along the descriptor,
//! without a `DynamicMessage` per record: the fast path of `ProtobufCodec::decode`.
//!
//! The walk writes the same text prost-reflect's serde writer writes for the message it
//! would decode (fields in number order, the same names, numbers, escapes and defaults
//! under every option set), but only for bytes whose meaning needs no second look:
//! fields in ascending number order, each singular field once, no two members of a
//! oneof, no duplicate map key, proto3 messages only. Anything else (a merge, a
//! decode error, proto2 defaults, a group) *bails*, and the caller decodes the record
//! again through `DynamicMessage`, so that errors and the rare semantics have one
//! implementation. Well-known types (`google.protobuf.*`) are handed to prost-reflect
//! per field, since their JSON forms are special cases it already gets right.

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use prost_reflect::{DynamicMessage, Kind, MessageDescriptor, SerializeOptions, Syntax};
use serde_json::ser::{CompactFormatter, Formatter as _};

use super::schema::JsonOptions;

/// The walk cannot vouch for these bytes: decode them the slow way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bail;

type Walk<T = ()> = Result<T, Bail>;

/// prost's recursion limit, so that the walk never accepts what prost refuses.
const MAX_DEPTH: u32 = 100;

/// The descriptors a codec can meet, flattened into tables the walk indexes.
#[derive(Debug)]
pub(super) struct Walker {
    messages: Vec<Msg>,
    enums: Vec<Enum>,
    by_name: HashMap<String, usize>,
    emit_defaults: bool,
    enum_numbers: bool,
    stringify_64: bool,
    /// For the well-known types, written and read by prost-reflect.
    ser: SerializeOptions,
    de: prost_reflect::DeserializeOptions,
}

#[derive(Debug)]
struct Msg {
    /// Sorted by number, as prost-reflect writes them.
    fields: Vec<Field>,
    /// Indexes into `fields` by JSON name and by proto name, for reading JSON (which
    /// takes either, the JSON name first).
    by_json: HashMap<Box<str>, usize>,
    by_proto: HashMap<Box<str>, usize>,
    /// False for what the walk does not read (proto2, groups): every record bails.
    fast: bool,
}

#[derive(Debug)]
struct Field {
    number: u32,
    /// `"name":`, the JSON name (or the proto name) quoted and escaped once.
    key: Box<[u8]>,
    /// `"jsonName":` whatever the options, the key JSON input most likely has.
    json_key: Box<[u8]>,
    /// A repeated number written as one packed run (proto3's default).
    packed: bool,
    shape: Shape,
    /// Written even when it holds the default (message fields, oneof members, proto3
    /// `optional`), and left out when absent even under emit-defaults.
    presence: bool,
    oneof: Option<u32>,
}

#[derive(Debug)]
enum Shape {
    Single(Ty),
    List(Ty),
    Map(Ty, Ty),
}

#[derive(Debug, Clone)]
enum Ty {
    Double,
    Float,
    Int32,
    Int64,
    Uint32,
    Uint64,
    Sint32,
    Sint64,
    Fixed32,
    Fixed64,
    Sfixed32,
    Sfixed64,
    Bool,
    String,
    Bytes,
    Enum(usize),
    Message(usize),
    WellKnown(MessageDescriptor),
}

#[derive(Debug)]
struct Enum {
    /// `(number, "NAME")` sorted by number; of aliases, the one prost-reflect's lookup
    /// finds.
    names: Vec<(i32, Box<[u8]>)>,
    /// `google.protobuf.NullValue` is written as `null`.
    null: bool,
    /// For reading names back.
    desc: prost_reflect::EnumDescriptor,
}

impl Ty {
    /// The wire type the value is written with (packed lists aside).
    fn wire_type(&self) -> u64 {
        match self {
            Ty::Double | Ty::Fixed64 | Ty::Sfixed64 => 1,
            Ty::Float | Ty::Fixed32 | Ty::Sfixed32 => 5,
            Ty::String | Ty::Bytes | Ty::Message(_) | Ty::WellKnown(_) => 2,
            _ => 0,
        }
    }

    fn packable(&self) -> bool {
        self.wire_type() != 2
    }
}

impl Walker {
    /// Tables for every message of `file`'s pool reachable from `roots`.
    pub(super) fn new(roots: impl Iterator<Item = MessageDescriptor>, opts: JsonOptions) -> Walker {
        let mut w = Walker {
            messages: Vec::new(),
            enums: Vec::new(),
            by_name: HashMap::new(),
            emit_defaults: opts.emit_defaults,
            enum_numbers: opts.enum_numbers,
            stringify_64: !opts.int64_as_number,
            ser: SerializeOptions::new()
                .use_proto_field_name(opts.proto_field_names)
                .use_enum_numbers(opts.enum_numbers)
                .skip_default_fields(!opts.emit_defaults)
                .stringify_64_bit_integers(!opts.int64_as_number),
            de: prost_reflect::DeserializeOptions::new(),
        };
        let mut enum_ids = HashMap::new();
        for m in roots {
            w.plan(&m, opts.proto_field_names, &mut enum_ids);
        }
        w
    }

    /// The table index of a message (planned when the walker was made).
    pub(super) fn index(&self, full_name: &str) -> Option<usize> {
        self.by_name.get(full_name).copied()
    }

    fn plan(&mut self, desc: &MessageDescriptor, proto_names: bool, enum_ids: &mut HashMap<String, usize>) -> usize {
        if let Some(&i) = self.by_name.get(desc.full_name()) {
            return i;
        }
        let at = self.messages.len();
        // Placed first, so that a recursive message finds itself.
        self.messages.push(Msg {
            fields: Vec::new(),
            by_json: HashMap::new(),
            by_proto: HashMap::new(),
            fast: false,
        });
        self.by_name.insert(desc.full_name().to_string(), at);
        let mut fast = desc.parent_file().syntax() == Syntax::Proto3 && !is_well_known(desc);
        let mut fields = Vec::new();
        for f in desc.fields() {
            if f.is_group() {
                fast = false;
                continue;
            }
            let mut ty_of = |kind: Kind, w: &mut Walker| match kind {
                Kind::Double => Ty::Double,
                Kind::Float => Ty::Float,
                Kind::Int32 => Ty::Int32,
                Kind::Int64 => Ty::Int64,
                Kind::Uint32 => Ty::Uint32,
                Kind::Uint64 => Ty::Uint64,
                Kind::Sint32 => Ty::Sint32,
                Kind::Sint64 => Ty::Sint64,
                Kind::Fixed32 => Ty::Fixed32,
                Kind::Fixed64 => Ty::Fixed64,
                Kind::Sfixed32 => Ty::Sfixed32,
                Kind::Sfixed64 => Ty::Sfixed64,
                Kind::Bool => Ty::Bool,
                Kind::String => Ty::String,
                Kind::Bytes => Ty::Bytes,
                Kind::Enum(e) => {
                    let id = match enum_ids.get(e.full_name()) {
                        Some(&id) => id,
                        None => {
                            let mut names: Vec<(i32, Box<[u8]>)> = Vec::new();
                            for v in e.values() {
                                // Of aliases, the name prost-reflect's own lookup finds.
                                let n = v.number();
                                if let (true, Some(named)) = (names.iter().all(|(m, _)| *m != n), e.get_value(n)) {
                                    names.push((n, quoted(named.name())));
                                }
                            }
                            names.sort_by_key(|(n, _)| *n);
                            w.enums.push(Enum {
                                desc: e.clone(),
                                names,
                                null: e.full_name() == "google.protobuf.NullValue",
                            });
                            enum_ids.insert(e.full_name().to_string(), w.enums.len() - 1);
                            w.enums.len() - 1
                        }
                    };
                    Ty::Enum(id)
                }
                Kind::Message(m) if is_well_known(&m) => Ty::WellKnown(m),
                Kind::Message(m) => Ty::Message(w.plan(&m, proto_names, enum_ids)),
            };
            let shape = if f.is_map() {
                let Kind::Message(entry) = f.kind() else {
                    fast = false;
                    continue;
                };
                let key = ty_of(entry.map_entry_key_field().kind(), self);
                let value = ty_of(entry.map_entry_value_field().kind(), self);
                Shape::Map(key, value)
            } else if f.is_list() {
                Shape::List(ty_of(f.kind(), self))
            } else {
                Shape::Single(ty_of(f.kind(), self))
            };
            let name = if proto_names { f.name() } else { f.json_name() };
            let mut key = quoted(name).into_vec();
            key.push(b':');
            let oneof = f
                .containing_oneof()
                .map(|o| desc.oneofs().position(|x| x.full_name() == o.full_name()).unwrap_or(0) as u32);
            if oneof.is_some_and(|o| o >= 64) {
                fast = false;
            }
            let mut json_key = quoted(f.json_name()).into_vec();
            json_key.push(b':');
            fields.push(Field {
                number: f.number(),
                key: key.into_boxed_slice(),
                json_key: json_key.into_boxed_slice(),
                packed: f.is_packed(),
                shape,
                presence: f.supports_presence(),
                oneof,
            });
        }
        fields.sort_by_key(|f| f.number);
        let (mut by_json, mut by_proto) = (HashMap::new(), HashMap::new());
        for (i, f) in fields.iter().enumerate() {
            if let Some(d) = desc.get_field(f.number) {
                by_json.insert(d.json_name().into(), i);
                by_proto.insert(d.name().into(), i);
            }
        }
        self.messages[at] = Msg {
            fields,
            by_json,
            by_proto,
            fast,
        };
        at
    }

    /// Appends the JSON of the message `msg` (an index from [`Walker::index`]) that
    /// `bytes` encode; `Err(Bail)` leaves `out` partly written, for the caller to cut.
    pub(super) fn message(&self, msg: usize, bytes: &[u8], out: &mut Vec<u8>) -> Walk {
        self.walk_message(msg, bytes, 0, out)
    }

    fn walk_message(&self, msg: usize, mut b: &[u8], depth: u32, out: &mut Vec<u8>) -> Walk {
        let m = &self.messages[msg];
        if !m.fast || depth >= MAX_DEPTH {
            return Err(Bail);
        }
        out.push(b'{');
        let mut first = true;
        // Fields before `next` are written (or known absent): a number below it again
        // is a merge or an out-of-order field, which the walk leaves to prost-reflect.
        let mut next = 0;
        let mut oneofs = 0u64;
        while !b.is_empty() {
            let (number, wt) = tag(&mut b)?;
            let Ok(i) = m.fields.binary_search_by_key(&number, |f| f.number) else {
                skip(wt, &mut b)?;
                continue;
            };
            if i < next {
                return Err(Bail);
            }
            if self.emit_defaults {
                for f in &m.fields[next..i] {
                    self.default(f, &mut first, out);
                }
            }
            next = i + 1;
            let f = &m.fields[i];
            if let Some(o) = f.oneof {
                if oneofs & (1 << o) != 0 {
                    return Err(Bail);
                }
                oneofs |= 1 << o;
            }
            let mark = (out.len(), first);
            comma(&mut first, out);
            out.extend_from_slice(&f.key);
            let written = match &f.shape {
                Shape::Single(ty) => self.single(ty, wt, &mut b, depth, out)?,
                Shape::List(ty) => self.list(ty, number, wt, &mut b, depth, out)?,
                Shape::Map(k, v) => self.map(k, v, number, wt, &mut b, depth, out)?,
            };
            // A default without presence is left out (it equals what is not there).
            if !written && !f.presence && !self.emit_defaults {
                out.truncate(mark.0);
                first = mark.1;
            }
        }
        if self.emit_defaults {
            for f in &m.fields[next..] {
                self.default(f, &mut first, out);
            }
        }
        out.push(b'}');
        Ok(())
    }

    /// A field that is not in the bytes, under emit-defaults: its default, unless it
    /// has presence (then it is absent).
    fn default(&self, f: &Field, first: &mut bool, out: &mut Vec<u8>) {
        if f.presence {
            return;
        }
        comma(first, out);
        out.extend_from_slice(&f.key);
        match &f.shape {
            Shape::List(_) => out.extend_from_slice(b"[]"),
            Shape::Map(..) => out.extend_from_slice(b"{}"),
            Shape::Single(ty) => self.zero(ty, out),
        }
    }

    fn zero(&self, ty: &Ty, out: &mut Vec<u8>) {
        match ty {
            Ty::Double | Ty::Float => out.extend_from_slice(b"0.0"),
            Ty::Int64 | Ty::Uint64 | Ty::Sint64 | Ty::Fixed64 | Ty::Sfixed64 if self.stringify_64 => {
                out.extend_from_slice(b"\"0\"");
            }
            Ty::Bool => out.extend_from_slice(b"false"),
            Ty::String | Ty::Bytes => out.extend_from_slice(b"\"\""),
            Ty::Enum(e) => self.enum_value(*e, 0, out),
            // Messages have presence, so they never get here.
            Ty::Message(_) | Ty::WellKnown(_) => out.extend_from_slice(b"{}"),
            _ => out.push(b'0'),
        }
    }

    /// One value of a singular field; Ok(false) when it is the type's default.
    fn single(&self, ty: &Ty, wt: u64, b: &mut &[u8], depth: u32, out: &mut Vec<u8>) -> Walk<bool> {
        if wt != ty.wire_type() {
            return Err(Bail);
        }
        self.value(ty, b, depth, out)
    }

    /// Reads one value of `ty` (its wire type already checked) and writes it.
    fn value(&self, ty: &Ty, b: &mut &[u8], depth: u32, out: &mut Vec<u8>) -> Walk<bool> {
        let mut int = itoa::Buffer::new();
        Ok(match ty {
            Ty::Double => {
                let v = f64::from_le_bytes(fixed::<8>(b)?);
                write_f64(v, out);
                v != 0.0
            }
            Ty::Float => {
                let v = f32::from_le_bytes(fixed::<4>(b)?);
                write_f32(v, out);
                v != 0.0
            }
            Ty::Int32 => {
                let v = varint(b)? as i32;
                out.extend_from_slice(int.format(v).as_bytes());
                v != 0
            }
            Ty::Uint32 => {
                let v = varint(b)? as u32;
                out.extend_from_slice(int.format(v).as_bytes());
                v != 0
            }
            Ty::Sint32 => {
                let u = varint(b)? as u32;
                let v = (u >> 1) as i32 ^ -((u & 1) as i32);
                out.extend_from_slice(int.format(v).as_bytes());
                v != 0
            }
            Ty::Fixed32 => {
                let v = u32::from_le_bytes(fixed::<4>(b)?);
                out.extend_from_slice(int.format(v).as_bytes());
                v != 0
            }
            Ty::Sfixed32 => {
                let v = i32::from_le_bytes(fixed::<4>(b)?);
                out.extend_from_slice(int.format(v).as_bytes());
                v != 0
            }
            Ty::Int64 => {
                let v = varint(b)? as i64;
                self.int64(int.format(v), out);
                v != 0
            }
            Ty::Uint64 => {
                let v = varint(b)?;
                self.int64(int.format(v), out);
                v != 0
            }
            Ty::Sint64 => {
                let u = varint(b)?;
                let v = (u >> 1) as i64 ^ -((u & 1) as i64);
                self.int64(int.format(v), out);
                v != 0
            }
            Ty::Fixed64 => {
                let v = u64::from_le_bytes(fixed::<8>(b)?);
                self.int64(int.format(v), out);
                v != 0
            }
            Ty::Sfixed64 => {
                let v = i64::from_le_bytes(fixed::<8>(b)?);
                self.int64(int.format(v), out);
                v != 0
            }
            Ty::Bool => {
                let v = varint(b)? != 0;
                out.extend_from_slice(if v { b"true" } else { b"false" });
                v
            }
            Ty::Enum(e) => {
                let v = varint(b)? as i32;
                self.enum_value(*e, v, out);
                v != 0
            }
            Ty::String => {
                let bytes = len_delimited(b)?;
                if !super::plain_text::write_if_plain(out, bytes) {
                    write_str(std::str::from_utf8(bytes).map_err(|_| Bail)?, out);
                }
                !bytes.is_empty()
            }
            Ty::Bytes => {
                let s = len_delimited(b)?;
                let at = out.len();
                out.push(b'"');
                out.resize(at + 1 + base64::encoded_len(s.len(), true).ok_or(Bail)?, 0);
                BASE64.encode_slice(s, &mut out[at + 1..]).map_err(|_| Bail)?;
                out.push(b'"');
                !s.is_empty()
            }
            Ty::Message(m) => {
                let s = len_delimited(b)?;
                self.walk_message(*m, s, depth + 1, out)?;
                true
            }
            Ty::WellKnown(desc) => {
                let s = len_delimited(b)?;
                let message = DynamicMessage::decode(desc.clone(), s).map_err(|_| Bail)?;
                let mut ser = serde_json::Serializer::new(&mut *out);
                message.serialize_with_options(&mut ser, &self.ser).map_err(|_| Bail)?;
                true
            }
        })
    }

    fn int64(&self, digits: &str, out: &mut Vec<u8>) {
        if self.stringify_64 {
            out.push(b'"');
            out.extend_from_slice(digits.as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(digits.as_bytes());
        }
    }

    fn enum_value(&self, e: usize, v: i32, out: &mut Vec<u8>) {
        let e = &self.enums[e];
        if e.null {
            out.extend_from_slice(b"null");
            return;
        }
        if !self.enum_numbers {
            if let Ok(i) = e.names.binary_search_by_key(&v, |(n, _)| *n) {
                out.extend_from_slice(&e.names[i].1);
                return;
            }
        }
        out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A repeated field: this occurrence and those right after it with the same number
    /// (each one element, or a packed run). Ok(false) when it holds no element.
    fn list(&self, ty: &Ty, number: u32, mut wt: u64, b: &mut &[u8], depth: u32, out: &mut Vec<u8>) -> Walk<bool> {
        out.push(b'[');
        let mut first = true;
        loop {
            if wt == 2 && ty.packable() {
                let mut run = len_delimited(b)?;
                while !run.is_empty() {
                    comma(&mut first, out);
                    self.value(ty, &mut run, depth, out)?;
                }
            } else if wt == ty.wire_type() {
                comma(&mut first, out);
                self.value(ty, b, depth, out)?;
            } else {
                return Err(Bail);
            }
            match same_field_next(b, number)? {
                Some(w) => wt = w,
                None => break,
            }
        }
        out.push(b']');
        Ok(!first)
    }

    /// A map field: this entry and those right after it. A key seen twice bails (the
    /// last one wins, which a walk that has written the first cannot do).
    #[allow(clippy::too_many_arguments)]
    fn map(&self, k: &Ty, v: &Ty, number: u32, wt: u64, b: &mut &[u8], depth: u32, out: &mut Vec<u8>) -> Walk<bool> {
        out.push(b'{');
        let mut keys: Vec<(usize, usize)> = Vec::new();
        let mut wt = wt;
        loop {
            if wt != 2 {
                return Err(Bail);
            }
            let entry = len_delimited(b)?;
            let (mut key, mut value) = (None, None);
            let mut rest = entry;
            while !rest.is_empty() {
                let (n, w) = tag(&mut rest)?;
                let start = rest;
                let (slot, ty) = match n {
                    1 => (&mut key, k),
                    2 => (&mut value, v),
                    _ => {
                        skip(w, &mut rest)?;
                        continue;
                    }
                };
                if slot.is_some() || w != ty.wire_type() {
                    return Err(Bail);
                }
                skip(w, &mut rest)?;
                *slot = Some(&start[..start.len() - rest.len()]);
            }
            if !keys.is_empty() {
                out.push(b',');
            }
            let at = out.len();
            self.map_key(k, key, out)?;
            let this = (at, out.len());
            if keys.iter().any(|&(s, e)| out[s..e] == out[this.0..this.1]) {
                return Err(Bail);
            }
            keys.push(this);
            out.push(b':');
            match value {
                Some(mut bytes) => {
                    self.value(v, &mut bytes, depth, out)?;
                }
                // An entry without its value: a message's default would be written with
                // its own defaults; left to prost-reflect.
                None if matches!(v, Ty::Message(_) | Ty::WellKnown(_)) => return Err(Bail),
                None => self.zero(v, out),
            }
            match same_field_next(b, number)? {
                Some(w) => wt = w,
                None => break,
            }
        }
        out.push(b'}');
        Ok(!keys.is_empty())
    }

    /// A map key as a JSON string: a string as it is, numbers and booleans as text.
    fn map_key(&self, k: &Ty, bytes: Option<&[u8]>, out: &mut Vec<u8>) -> Walk {
        let Some(mut b) = bytes else {
            match k {
                Ty::String => out.extend_from_slice(b"\"\""),
                Ty::Bool => out.extend_from_slice(b"\"false\""),
                _ => out.extend_from_slice(b"\"0\""),
            }
            return Ok(());
        };
        if matches!(k, Ty::String) {
            self.value(k, &mut b, 0, out)?;
            return Ok(());
        }
        // Written as the value is, then quoted unless it came quoted (a 64-bit number).
        let at = out.len();
        self.value(k, &mut b, 0, out)?;
        if out.get(at) != Some(&b'"') {
            out.insert(at, b'"');
            out.push(b'"');
        }
        Ok(())
    }
}

fn is_well_known(m: &MessageDescriptor) -> bool {
    m.package_name() == "google.protobuf"
}

fn comma(first: &mut bool, out: &mut Vec<u8>) {
    if !*first {
        out.push(b',');
    }
    *first = false;
}

/// A field's key: its number and wire type. Refuses what prost refuses (number 0, a
/// key over 32 bits, wire types 6 and 7) and the groups (3, 4), which the walk skips not.
fn tag(b: &mut &[u8]) -> Walk<(u32, u64)> {
    let key = varint(b)?;
    if key > u64::from(u32::MAX) {
        return Err(Bail);
    }
    let (number, wt) = ((key >> 3) as u32, key & 7);
    if number == 0 || !matches!(wt, 0 | 1 | 2 | 5) {
        return Err(Bail);
    }
    Ok((number, wt))
}

/// The wire type of the next field if it has `number` (and consumes its key), else
/// `None` with nothing consumed.
fn same_field_next(b: &mut &[u8], number: u32) -> Walk<Option<u64>> {
    if b.is_empty() {
        return Ok(None);
    }
    let mut peek = *b;
    let (n, wt) = tag(&mut peek)?;
    if n != number {
        return Ok(None);
    }
    *b = peek;
    Ok(Some(wt))
}

/// A base-128 varint, refused past 10 bytes or 64 bits as prost does.
fn varint(b: &mut &[u8]) -> Walk<u64> {
    let mut v = 0u64;
    for i in 0..10 {
        let Some((&byte, rest)) = b.split_first() else {
            return Err(Bail);
        };
        *b = rest;
        if i == 9 && byte > 1 {
            return Err(Bail);
        }
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            return Ok(v);
        }
    }
    Err(Bail)
}

fn fixed<const N: usize>(b: &mut &[u8]) -> Walk<[u8; N]> {
    let (head, rest) = b.split_first_chunk::<N>().ok_or(Bail)?;
    *b = rest;
    Ok(*head)
}

fn len_delimited<'a>(b: &mut &'a [u8]) -> Walk<&'a [u8]> {
    let n = usize::try_from(varint(b)?).map_err(|_| Bail)?;
    if n > b.len() {
        return Err(Bail);
    }
    let (head, rest) = b.split_at(n);
    *b = rest;
    Ok(head)
}

/// Skips a field the message does not know (it is kept by prost-reflect as unknown and
/// not written).
fn skip(wt: u64, b: &mut &[u8]) -> Walk {
    match wt {
        0 => varint(b).map(drop),
        1 => fixed::<8>(b).map(drop),
        5 => fixed::<4>(b).map(drop),
        2 => len_delimited(b).map(drop),
        _ => Err(Bail),
    }
}

/// A name quoted as serde_json quotes it.
fn quoted(name: &str) -> Box<[u8]> {
    let mut out = Vec::with_capacity(name.len() + 2);
    write_str(name, &mut out);
    out.into_boxed_slice()
}

/// serde_json's float forms (the shortest text that reads back the same, `1e+16`
/// style), written by serde_json's own formatter so that the two paths cannot drift,
/// with the mapping's strings for the values JSON has no number for.
fn write_f64(v: f64, out: &mut Vec<u8>) {
    if v.is_finite() {
        // Writing to a Vec cannot fail.
        let _ = CompactFormatter.write_f64(out, v);
    } else {
        non_finite(v.is_nan(), v > 0.0, out);
    }
}

fn write_f32(v: f32, out: &mut Vec<u8>) {
    if v.is_finite() {
        let _ = CompactFormatter.write_f32(out, v);
    } else {
        non_finite(v.is_nan(), v > 0.0, out);
    }
}

fn non_finite(nan: bool, positive: bool, out: &mut Vec<u8>) {
    out.extend_from_slice(match (nan, positive) {
        (true, _) => b"\"NaN\"",
        (false, true) => b"\"Infinity\"",
        (false, false) => b"\"-Infinity\"",
    });
}

/// A string escaped exactly as serde_json escapes it (which is what the slow path
/// writes): `"`, `\` and the control characters below U+0020, DEL left as it is.
fn write_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    for (i, &c) in bytes.iter().enumerate() {
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 15)]);
            }
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[path = "protobuf_build.rs"]
mod build;

#[cfg(test)]
#[path = "protobuf_walk_tests.rs"]
mod tests;
