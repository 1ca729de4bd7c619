//! The Confluent wire format around a schema-encoded key or value, as pure functions over
//! byte slices: the 5-byte prefix (magic byte 0, the schema id as a 4-byte big-endian
//! integer) before the payload; Protobuf's message-index path, a separate step the
//! caller takes when the schema is Protobuf (a zig-zag varint count and as many zig-zag
//! varints, with the path `[0]` written as the single byte 0); and the header form,
//! where a `__value_schema_id` / `__key_schema_id` header carries magic byte 1 and a
//! 16-byte GUID (or magic 0 and an id) and the record's bytes are the bare payload.
//!
//! Nothing here allocates more than the input can justify: a count read from the bytes
//! is checked against the bytes left before anything is reserved for it.

use std::fmt;

/// The first byte of a framed payload, and of a header value carrying a schema id.
pub const MAGIC_ID: u8 = 0;
/// The first byte of a header value carrying a schema GUID.
pub const MAGIC_GUID: u8 = 1;
/// The header naming the value's schema in the header form.
pub const VALUE_SCHEMA_ID_HEADER: &str = "__value_schema_id";
/// The header naming the key's schema in the header form.
pub const KEY_SCHEMA_ID_HEADER: &str = "__key_schema_id";

/// The longest message-index path read, as confluent-kafka's deserializer allows; a
/// longer count is a corrupt payload, not a deep message.
const MAX_INDEXES: usize = 100_000;

/// Why bytes are not what the framing says they should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// The first byte is not the magic byte (or there is none): the bytes are not framed.
    #[error("not in the schema wire format (magic byte {0:?})")]
    NotFramed(Option<u8>),
    /// The bytes end inside the prefix, the GUID or the message indexes.
    #[error("truncated schema framing: {0}")]
    Truncated(&'static str),
    /// A varint longer than 64 bits, or a message-index count that cannot be right.
    #[error("corrupt message indexes: {0}")]
    BadIndexes(&'static str),
}

/// A payload after the 5-byte prefix, with the schema id the prefix names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framed<'a> {
    pub schema_id: u32,
    pub payload: &'a [u8],
}

/// Splits framed bytes into the schema id and the payload. Bytes that do not start with
/// magic byte 0 are `NotFramed` (shown as they are, no error); bytes that start with it
/// but end before the id is complete are `Truncated`.
pub fn parse_framed(bytes: &[u8]) -> Result<Framed<'_>, WireError> {
    match bytes.first() {
        Some(&MAGIC_ID) => {}
        other => return Err(WireError::NotFramed(other.copied())),
    }
    let Some(id) = bytes.get(1..5) else {
        return Err(WireError::Truncated("the schema id needs 4 bytes after the magic byte"));
    };
    Ok(Framed {
        schema_id: u32::from_be_bytes([id[0], id[1], id[2], id[3]]),
        payload: &bytes[5..],
    })
}

/// Appends the 5-byte prefix for `schema_id`; the payload follows it.
pub fn write_prefix(out: &mut Vec<u8>, schema_id: u32) {
    out.push(MAGIC_ID);
    out.extend_from_slice(&schema_id.to_be_bytes());
}

/// Reads Protobuf's message-index path from the front of `payload` into `indexes`
/// (cleared first, so one buffer serves every record) and returns the message bytes
/// after it. A count of 0 is the shortcut for `[0]`.
pub fn parse_message_indexes<'a>(payload: &'a [u8], indexes: &mut Vec<i64>) -> Result<&'a [u8], WireError> {
    indexes.clear();
    let (count, mut rest) = read_zigzag(payload)?;
    if count == 0 {
        indexes.push(0);
        return Ok(rest);
    }
    // Each index takes at least one byte, so a count above what is left is a lie.
    let count = usize::try_from(count)
        .ok()
        .filter(|&n| n <= MAX_INDEXES)
        .ok_or(WireError::BadIndexes("the count is negative or too large"))?;
    if count > rest.len() {
        return Err(WireError::Truncated("fewer message indexes than the count says"));
    }
    indexes.reserve(count);
    for _ in 0..count {
        let (index, after) = read_zigzag(rest)?;
        indexes.push(index);
        rest = after;
    }
    Ok(rest)
}

/// Appends Protobuf's message-index path: `[0]` (and the empty path, which means the
/// same) as the single byte 0, anything else as its count and its indexes.
pub fn write_message_indexes(out: &mut Vec<u8>, indexes: &[i64]) {
    if indexes.is_empty() || indexes == [0] {
        out.push(0);
        return;
    }
    write_zigzag(out, indexes.len() as i64);
    for &i in indexes {
        write_zigzag(out, i);
    }
}

/// A schema's identity as the header form carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaRef {
    /// A registry id (magic byte 0 in the header value).
    Id(u32),
    /// A registry GUID (magic byte 1), 16 bytes in RFC 4122 order.
    Guid([u8; 16]),
}

/// A header value of the header form: the schema it names, and what follows (the
/// message indexes for Protobuf, which the caller reads with [`parse_message_indexes`];
/// empty otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderValue<'a> {
    pub schema: SchemaRef,
    pub rest: &'a [u8],
}

/// Reads a `__value_schema_id` / `__key_schema_id` header value: magic 1 and a GUID, or
/// magic 0 and an id (what confluent-kafka writes in either mode).
pub fn parse_header_value(value: &[u8]) -> Result<HeaderValue<'_>, WireError> {
    match value.first() {
        Some(&MAGIC_GUID) => {
            let Some(guid) = value.get(1..17) else {
                return Err(WireError::Truncated(
                    "the schema GUID needs 16 bytes after magic byte 1",
                ));
            };
            let mut bytes = [0; 16];
            bytes.copy_from_slice(guid);
            Ok(HeaderValue {
                schema: SchemaRef::Guid(bytes),
                rest: &value[17..],
            })
        }
        _ => {
            let framed = parse_framed(value)?;
            Ok(HeaderValue {
                schema: SchemaRef::Id(framed.schema_id),
                rest: framed.payload,
            })
        }
    }
}

/// Appends a header value for `schema`, with Protobuf's message indexes after it when
/// `indexes` is given.
pub fn write_header_value(out: &mut Vec<u8>, schema: SchemaRef, indexes: Option<&[i64]>) {
    match schema {
        SchemaRef::Id(id) => write_prefix(out, id),
        SchemaRef::Guid(guid) => {
            out.push(MAGIC_GUID);
            out.extend_from_slice(&guid);
        }
    }
    if let Some(indexes) = indexes {
        write_message_indexes(out, indexes);
    }
}

/// A GUID as the registry writes it: lowercase hex, hyphenated 8-4-4-4-12.
pub struct GuidText<'a>(pub &'a [u8; 16]);

impl fmt::Display for GuidText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// The 16 bytes of a hyphenated GUID (either case); `None` for anything else.
pub fn parse_guid(text: &str) -> Option<[u8; 16]> {
    let text = text.as_bytes();
    if text.len() != 36 || [8, 13, 18, 23].iter().any(|&i| text[i] != b'-') {
        return None;
    }
    let mut hex = text.iter().filter(|&&c| c != b'-');
    let mut out = [0; 16];
    for byte in &mut out {
        let hi = (*hex.next()? as char).to_digit(16)?;
        let lo = (*hex.next()? as char).to_digit(16)?;
        *byte = (hi * 16 + lo) as u8;
    }
    Some(out)
}

fn read_zigzag(bytes: &[u8]) -> Result<(i64, &[u8]), WireError> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if i == 10 || (i == 9 && b > 1) {
            return Err(WireError::BadIndexes("a varint longer than 64 bits"));
        }
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let decoded = (value >> 1) as i64 ^ -((value & 1) as i64);
            return Ok((decoded, &bytes[i + 1..]));
        }
    }
    Err(WireError::Truncated("the message indexes end inside a varint"))
}

fn write_zigzag(out: &mut Vec<u8>, value: i64) {
    let mut v = ((value << 1) ^ (value >> 63)) as u64;
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_prefix_is_magic_zero_and_a_big_endian_id() {
        let mut out = Vec::new();
        write_prefix(&mut out, 0x0102_0304);
        out.extend_from_slice(b"payload");
        assert_eq!(&out[..5], &[0, 1, 2, 3, 4]);
        assert_eq!(
            parse_framed(&out),
            Ok(Framed {
                schema_id: 0x0102_0304,
                payload: b"payload"
            })
        );
        // An id above i32::MAX is read as confluent-kafka reads it: unsigned.
        assert_eq!(
            parse_framed(&[0, 0xff, 0xff, 0xff, 0xff]).map(|f| f.schema_id),
            Ok(u32::MAX)
        );
    }

    #[test]
    fn unframed_bytes_are_not_an_error_of_the_framing() {
        assert_eq!(parse_framed(b""), Err(WireError::NotFramed(None)));
        assert_eq!(parse_framed(b"{\"a\":1}"), Err(WireError::NotFramed(Some(b'{'))));
        assert!(matches!(parse_framed(&[0, 0, 0, 7]), Err(WireError::Truncated(_))));
        assert_eq!(parse_framed(&[0, 0, 0, 0, 7]).map(|f| f.payload.len()), Ok(0));
    }

    #[test]
    fn the_first_message_is_the_single_byte_zero() {
        let mut out = Vec::new();
        write_message_indexes(&mut out, &[0]);
        assert_eq!(out, [0]);
        let mut indexes = vec![9, 9];
        assert_eq!(parse_message_indexes(&[0, 0xaa], &mut indexes), Ok(&[0xaa][..]));
        assert_eq!(indexes, [0]);
    }

    #[test]
    fn message_indexes_are_zig_zag_with_a_count() {
        // confluent-kafka writes [1, 0] as count 2 (zig-zag 4), then 2 and 0.
        let mut out = Vec::new();
        write_message_indexes(&mut out, &[1, 0]);
        assert_eq!(out, [4, 2, 0]);
        let mut indexes = Vec::new();
        assert_eq!(parse_message_indexes(&[4, 2, 0, 7], &mut indexes), Ok(&[7][..]));
        assert_eq!(indexes, [1, 0]);
    }

    #[test]
    fn corrupt_message_indexes_are_errors() {
        let mut indexes = Vec::new();
        let mut parse = |bytes: &[u8]| parse_message_indexes(bytes, &mut indexes).map(<[u8]>::len);
        assert!(matches!(parse(&[]), Err(WireError::Truncated(_))));
        assert!(matches!(parse(&[0x80]), Err(WireError::Truncated(_))));
        // A negative count (zig-zag 1 = -1) and a count far above the bytes left.
        assert!(matches!(parse(&[1]), Err(WireError::BadIndexes(_))));
        assert!(matches!(
            parse(&[0xfe, 0xff, 0xff, 0x0f]),
            Err(WireError::BadIndexes(_))
        ));
        assert!(matches!(parse(&[8, 2]), Err(WireError::Truncated(_))));
        assert!(matches!(parse(&[0xff; 12]), Err(WireError::BadIndexes(_))));
    }

    #[test]
    fn the_header_form_carries_a_guid_or_an_id() {
        let guid = parse_guid("89DBA6C9-4E6F-4D7B-9c3a-1f2e3d4c5b6a").expect("a GUID");
        assert_eq!(GuidText(&guid).to_string(), "89dba6c9-4e6f-4d7b-9c3a-1f2e3d4c5b6a");
        let mut out = Vec::new();
        write_header_value(&mut out, SchemaRef::Guid(guid), Some(&[2]));
        assert_eq!(out.len(), 19);
        assert_eq!(out[0], 1);
        let header = parse_header_value(&out).expect("parses");
        assert_eq!(header.schema, SchemaRef::Guid(guid));
        assert_eq!(header.rest, [2, 4]);

        let header = parse_header_value(&[0, 0, 0, 0, 42]).expect("parses");
        assert_eq!(header.schema, SchemaRef::Id(42));
        assert!(matches!(parse_header_value(&[1, 2, 3]), Err(WireError::Truncated(_))));
        assert!(matches!(parse_header_value(&[7]), Err(WireError::NotFramed(Some(7)))));
        assert_eq!(parse_guid("89dba6c94e6f4d7b9c3a1f2e3d4c5b6a"), None);
        assert_eq!(parse_guid("89dba6c9-4e6f-4d7b-9c3a-1f2e3d4c5b6g"), None);
    }

    proptest! {
        #[test]
        fn framed_round_trips(id: u32, payload: Vec<u8>) {
            let mut out = Vec::new();
            write_prefix(&mut out, id);
            out.extend_from_slice(&payload);
            let framed = parse_framed(&out).expect("parses");
            prop_assert_eq!(framed.schema_id, id);
            prop_assert_eq!(framed.payload, &payload[..]);
        }

        #[test]
        fn message_indexes_round_trip(indexes in proptest::collection::vec(any::<i64>(), 1..20), tail: Vec<u8>) {
            let mut out = Vec::new();
            write_message_indexes(&mut out, &indexes);
            out.extend_from_slice(&tail);
            let mut back = Vec::new();
            let rest = parse_message_indexes(&out, &mut back).expect("parses");
            prop_assert_eq!(back, indexes);
            prop_assert_eq!(rest, &tail[..]);
        }

        #[test]
        fn header_values_round_trip(guid: [u8; 16], id: u32, indexes in proptest::collection::vec(-5i64..500, 1..5)) {
            for schema in [SchemaRef::Guid(guid), SchemaRef::Id(id)] {
                let mut out = Vec::new();
                write_header_value(&mut out, schema, Some(&indexes));
                let header = parse_header_value(&out).expect("parses");
                prop_assert_eq!(header.schema, schema);
                let mut back = Vec::new();
                prop_assert_eq!(parse_message_indexes(header.rest, &mut back), Ok(&[][..]));
                prop_assert_eq!(back, indexes.clone());
            }
            prop_assert_eq!(parse_guid(&GuidText(&guid).to_string()), Some(guid));
        }

        #[test]
        fn truncated_framing_is_an_error_never_a_panic(bytes: Vec<u8>) {
            // Any prefix of any bytes: each parser answers, none panics or over-reserves.
            for end in 0..=bytes.len() {
                let cut = &bytes[..end];
                let _ = parse_framed(cut);
                let _ = parse_header_value(cut);
                let mut indexes = Vec::new();
                if parse_message_indexes(cut, &mut indexes).is_ok() {
                    prop_assert!(indexes.len() <= cut.len().max(1));
                }
            }
        }

        #[test]
        fn every_cut_of_a_valid_frame_is_truncated(id: u32, indexes in proptest::collection::vec(any::<i64>(), 2..6)) {
            let mut out = Vec::new();
            write_header_value(&mut out, SchemaRef::Id(id), Some(&indexes));
            for end in 1..5 {
                prop_assert!(matches!(parse_framed(&out[..end]), Err(WireError::Truncated(_))));
            }
            for end in 5..out.len() {
                let mut back = Vec::new();
                prop_assert!(parse_message_indexes(&out[5..end], &mut back).is_err());
            }
        }
    }
}
