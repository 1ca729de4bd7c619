//! The walk held to prost-reflect's `DynamicMessage` path, its reference: wherever the
//! walk answers, it answers the same text, under every option set; on random wire
//! bytes shaped like the schema's fields (right and wrong wire types, in and out of
//! order, unknown numbers, nested messages) and on what the encoder writes.

use proptest::prelude::*;

use crate::codec::protobuf::{ProtobufCodec, compile};
use crate::codec::schema::{JsonOptions, NamedSchema, SchemaCodec as _, SchemaKind, SchemaSource};

const SCHEMA: &str = r#"
syntax = "proto3";
package walk;
import "google/protobuf/timestamp.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/wrappers.proto";
enum Color { option allow_alias = true; RED = 0; GREEN = 1; VERDE = 1; BLUE = 2; }
message All {
  double d = 1; float f = 2; int32 i32 = 3; int64 i64 = 4; uint32 u32 = 5; uint64 u64 = 6;
  sint32 s32 = 7; sint64 s64 = 8; fixed32 fx32 = 9; fixed64 fx64 = 10; sfixed32 sf32 = 11;
  sfixed64 sf64 = 12; bool b = 13; string s = 14; bytes by = 15; Color c = 16; Inner m = 17;
  repeated int32 ri = 18; repeated string rs = 19; repeated Inner rm = 20; repeated double rd = 21;
  repeated Color rc = 22;
  map<string, int64> ms = 23; map<int32, Inner> mi = 24; map<bool, string> mb = 25;
  map<uint64, Color> mu = 26;
  oneof pick { string os = 27; Inner om = 28; int32 oi = 29; }
  optional int32 opt = 30;
  google.protobuf.Timestamp ts = 31; google.protobuf.Struct st = 32;
  google.protobuf.Int32Value w = 33; All next = 34; google.protobuf.NullValue nv = 35;
  string weird_Name_2x = 36;
}
message Inner { string a = 1; sint64 z = 2; repeated All kids = 3; }
"#;

/// The wire type each field number of `All` is written with (37: not in the schema).
fn right_wire_type(number: u32) -> u64 {
    match number {
        1 | 10 | 12 | 21 => 1,
        2 | 9 | 11 => 5,
        14 | 15 | 17 | 19 | 20 | 23..=28 | 31..=34 | 36 => 2,
        _ => 0,
    }
}

fn option_sets() -> Vec<JsonOptions> {
    let d = JsonOptions::default();
    vec![
        d,
        JsonOptions {
            proto_field_names: true,
            ..d
        },
        JsonOptions {
            enum_numbers: true,
            ..d
        },
        JsonOptions {
            emit_defaults: true,
            ..d
        },
        JsonOptions {
            int64_as_number: true,
            ..d
        },
        JsonOptions {
            proto_field_names: true,
            enum_numbers: true,
            emit_defaults: true,
            int64_as_number: true,
            ..d
        },
    ]
}

/// `walk.All` under every option set, compiled once for all the cases.
fn codecs() -> &'static [(JsonOptions, ProtobufCodec)] {
    static CODECS: std::sync::OnceLock<Vec<(JsonOptions, ProtobufCodec)>> = std::sync::OnceLock::new();
    CODECS.get_or_init(|| option_sets().into_iter().map(|o| (o, codec("walk.All", o))).collect())
}

fn codec(message: &str, opts: JsonOptions) -> ProtobufCodec {
    let source = SchemaSource {
        kind: SchemaKind::Protobuf,
        text: SCHEMA.to_string(),
        references: Vec::<NamedSchema>::new(),
    };
    compile(&source, Some(message), opts).expect("compiles")
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// One field on the wire, before it is written out.
#[derive(Debug, Clone)]
enum Chunk {
    Varint(u64),
    I64(u64),
    I32(u32),
    Len(Vec<u8>),
}

fn write(fields: &[(u32, Chunk)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (number, chunk) in fields {
        let wt = match chunk {
            Chunk::Varint(_) => 0,
            Chunk::I64(_) => 1,
            Chunk::Len(_) => 2,
            Chunk::I32(_) => 5,
        };
        put_varint(u64::from(*number) << 3 | wt, &mut out);
        match chunk {
            Chunk::Varint(v) => put_varint(*v, &mut out),
            Chunk::I64(v) => out.extend_from_slice(&v.to_le_bytes()),
            Chunk::I32(v) => out.extend_from_slice(&v.to_le_bytes()),
            Chunk::Len(b) => {
                put_varint(b.len() as u64, &mut out);
                out.extend_from_slice(b);
            }
        }
    }
    out
}

/// Interesting numbers more often than uniform ones: zero (the default), small, the
/// edges of 32 and 64 bits, and float bit patterns (NaN, infinities, -0.0).
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        0u64..300,
        Just(u64::MAX),
        Just(u64::from(u32::MAX)),
        Just(0x8000_0000),
        Just(f64::NAN.to_bits()),
        Just(f64::NEG_INFINITY.to_bits()),
        Just((-0.0f64).to_bits()),
        Just(u64::from(f32::INFINITY.to_bits())),
        Just(0.1f64.to_bits()),
        any::<u64>(),
    ]
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é😀]{0,6}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..6),
    ]
}

/// The fields of a message of the test schema, `depth` levels of nesting left; numbers
/// 23–26 (maps) only when `maps`.
fn fields(depth: u32, maps: bool) -> BoxedStrategy<Vec<(u32, Chunk)>> {
    let numbers: Vec<u32> = (1..=37).filter(|n| maps || !(23..=26).contains(n)).collect();
    let nested = if depth == 0 {
        text().boxed()
    } else {
        prop_oneof![
            2 => fields(depth - 1, maps).prop_map(|f| write(&f)),
            1 => text(),
            // A map entry or an Inner: key/a = 1, value/z = 2.
            2 => (text(), number()).prop_map(|(a, z)| write(&[(1, Chunk::Len(a)), (2, Chunk::Varint(z))])),
            1 => number().prop_map(|k| write(&[(1, Chunk::Varint(k)), (2, Chunk::Varint(k % 3))])),
        ]
        .boxed()
    };
    let field = (proptest::sample::select(numbers), 0u8..8, number(), nested).prop_map(|(n, pick, v, b)| {
        // Mostly the field's own wire type; now and then another, to meet refusals.
        let wt = if pick < 6 {
            right_wire_type(n)
        } else {
            u64::from(pick) % 4
        };
        let chunk = match wt {
            0 => Chunk::Varint(v),
            1 => Chunk::I64(v),
            5 => Chunk::I32(v as u32),
            // Packed runs for the numeric lists (18, 21, 22) come out of nested bytes.
            _ => Chunk::Len(b),
        };
        (n, chunk)
    });
    (proptest::collection::vec(field, 0..8), any::<bool>())
        .prop_map(|(mut f, sorted)| {
            if sorted {
                f.sort_by_key(|(n, _)| *n);
            }
            f
        })
        .boxed()
}

/// The walk's text, when it answers, is the reference's (as JSON values, whose objects
/// compare without order: a map's entries come out in any order from the reference).
fn agree(bytes: &[u8], exact: bool) -> Result<(), TestCaseError> {
    for (opts, c) in codecs() {
        let (walked, reference) = c.decode_both(bytes);
        let Some(walked) = walked else { continue };
        let reference = reference.map_err(|e| TestCaseError::fail(format!("walk answered, reference failed: {e}")))?;
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        if exact {
            prop_assert_eq!(text(&walked), text(&reference), "{:?}", opts);
        } else {
            let w: serde_json::Value =
                serde_json::from_slice(&walked).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let r: serde_json::Value = serde_json::from_slice(&reference).expect("reference writes JSON");
            prop_assert_eq!(w, r, "{:?} {} {}", opts, text(&walked), text(&reference));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn the_walk_writes_the_references_text_without_maps(f in fields(2, false)) {
        agree(&write(&f), true)?;
    }

    #[test]
    fn the_walk_writes_the_references_values_with_maps(f in fields(2, true)) {
        agree(&write(&f), false)?;
    }

    #[test]
    fn the_walk_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..48)) {
        agree(&bytes, false)?;
    }
}

/// What the encoder writes (fields in order, each once) is what the walk takes without
/// bailing: the consume path is the walk, not the fallback.
#[test]
fn well_formed_messages_take_the_walk_and_match_the_reference() {
    let json = r#"{"d":0.1,"f":-2.5,"i32":-7,"i64":"-9007199254740993","u32":4294967295,
        "u64":"18446744073709551615","s32":-3,"s64":"5","fx32":1,"fx64":"2","sf32":-1,"sf64":"-2",
        "b":true,"s":"tab\there \"q\" \u007f é","by":"AAH/","c":"VERDE","m":{"a":"x","z":"-1"},
        "ri":[1,-2,3],"rs":["a",""],"rm":[{"a":"y"},{}],"rd":["NaN","Infinity",-0.0,1e300],"rc":["BLUE",7],
        "ms":{"k\"1":"3"},"mi":{"-4":{"a":"v"}},"mb":{"true":"yes"},"mu":{"18446744073709551615":"GREEN"},
        "om":{"z":"9"},"opt":0,"ts":"2026-12-01T10:00:00.5Z","st":{"a":[1,"b",null]},"w":5,
        "next":{"s":"deeper","next":{"b":true}},"nv":null,"weird_Name_2x":"w"}"#;
    for opts in option_sets() {
        let c = codec("walk.All", opts);
        let mut bytes = Vec::new();
        c.encode(json.as_bytes(), &mut bytes).expect("encodes");
        let (walked, reference) = c.decode_both(&bytes);
        let reference = String::from_utf8(reference.expect("decodes")).expect("UTF-8");
        let walked = String::from_utf8(walked.expect("the walk takes it")).expect("UTF-8");
        assert_eq!(walked, reference, "{opts:?}");
    }
    // The empty message, and one whose only fields hold defaults.
    for bytes in [&b""[..], b"\x18\x00\x72\x00\xf0\x01\x00"] {
        for opts in option_sets() {
            let (walked, reference) = codec("walk.All", opts).decode_both(bytes);
            assert_eq!(
                walked.expect("walks"),
                reference.expect("decodes"),
                "{opts:?} {bytes:?}"
            );
        }
    }
}

/// The cases the walk leaves to prost-reflect, named: each bails, and decode still gives
/// the reference's answer through the fallback.
#[test]
fn merges_and_conflicts_fall_back_to_the_reference() {
    let cases: [(&str, Vec<u8>); 5] = [
        (
            "a singular field twice (last wins)",
            write(&[(3, Chunk::Varint(1)), (3, Chunk::Varint(2))]),
        ),
        (
            "fields out of order",
            write(&[(4, Chunk::Varint(1)), (3, Chunk::Varint(2))]),
        ),
        (
            "two members of a oneof",
            write(&[(27, Chunk::Len(b"a".to_vec())), (29, Chunk::Varint(2))]),
        ),
        (
            "a map key twice",
            write(&[
                (
                    23,
                    Chunk::Len(write(&[(1, Chunk::Len(b"k".to_vec())), (2, Chunk::Varint(1))])),
                ),
                (
                    23,
                    Chunk::Len(write(&[(1, Chunk::Len(b"k".to_vec())), (2, Chunk::Varint(2))])),
                ),
            ]),
        ),
        ("a string that is not UTF-8", write(&[(14, Chunk::Len(vec![0xff]))])),
    ];
    for (why, bytes) in cases {
        let c = codec("walk.All", JsonOptions::default());
        let (walked, reference) = c.decode_both(&bytes);
        assert!(walked.is_none(), "{why}: the walk answered");
        let mut out = Vec::new();
        let decoded = c.decode(&[0], &bytes, &mut out).map(|()| out);
        assert_eq!(decoded, reference, "{why}");
    }
    let c = codec("walk.All", JsonOptions::default());
    let mut out = Vec::new();
    c.decode(&[0], &write(&[(3, Chunk::Varint(1)), (3, Chunk::Varint(2))]), &mut out)
        .expect("decodes");
    assert_eq!(out, br#"{"i32":2}"#);
}

// --- the way back: JSON → wire bytes ------------------------------------------------

/// `(json name, proto name)` of `walk.All`'s fields in number order.
const NAMES: &[(&str, &str)] = &[
    ("d", "d"),
    ("f", "f"),
    ("i32", "i32"),
    ("i64", "i64"),
    ("u32", "u32"),
    ("u64", "u64"),
    ("s32", "s32"),
    ("s64", "s64"),
    ("fx32", "fx32"),
    ("fx64", "fx64"),
    ("sf32", "sf32"),
    ("sf64", "sf64"),
    ("b", "b"),
    ("s", "s"),
    ("by", "by"),
    ("c", "c"),
    ("m", "m"),
    ("ri", "ri"),
    ("rs", "rs"),
    ("rm", "rm"),
    ("rd", "rd"),
    ("rc", "rc"),
    ("ms", "ms"),
    ("mi", "mi"),
    ("mb", "mb"),
    ("mu", "mu"),
    ("os", "os"),
    ("om", "om"),
    ("oi", "oi"),
    ("opt", "opt"),
    ("ts", "ts"),
    ("st", "st"),
    ("w", "w"),
    ("next", "next"),
    ("nv", "nv"),
    ("weirdName2x", "weird_Name_2x"),
];

/// JSON scalars that sit on the edges of what the reader takes.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("-0".to_string()),
        Just("1.0".to_string()),
        Just("1.5".to_string()),
        Just("1e3".to_string()),
        Just("-7".to_string()),
        Just("4294967296".to_string()),
        Just("18446744073709551615".to_string()),
        Just("18446744073709551616".to_string()),
        Just("9223372036854775808".to_string()),
        Just("-9223372036854775809".to_string()),
        Just("3.5e38".to_string()),
        Just("1e400".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        Just(r#""""#.to_string()),
        Just(r#""12""#.to_string()),
        Just(r#""+12""#.to_string()),
        Just(r#""-0""#.to_string()),
        Just(r#""NaN""#.to_string()),
        Just(r#""-Infinity""#.to_string()),
        Just(r#""inf""#.to_string()),
        Just(r#""1e3""#.to_string()),
        Just(r#""RED""#.to_string()),
        Just(r#""VERDE""#.to_string()),
        Just(r#""AAH/""#.to_string()),
        Just(r#""AAH_-w""#.to_string()),
        Just(r#""a\"\u00e9\ud83d\ude00""#.to_string()),
        Just(r#""2026-12-01T10:00:00Z""#.to_string()),
        any::<i32>().prop_map(|v| v.to_string()),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| v.to_string()),
    ]
}

fn json_value(depth: u32, maps: bool) -> BoxedStrategy<String> {
    if depth == 0 {
        return scalar().boxed();
    }
    prop_oneof![
        4 => scalar(),
        1 => proptest::collection::vec(scalar(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
        2 => json_object(depth - 1, maps),
        1 => proptest::collection::vec(json_object(depth - 1, maps), 0..3).prop_map(|v| format!("[{}]", v.join(","))),
        1 => proptest::collection::vec((prop_oneof![Just("k"), Just("1"), Just("+1"), Just("true"), Just("")], scalar()), 0..3)
            .prop_map(|kv| format!("{{{}}}", kv.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect::<Vec<_>>().join(","))),
    ]
    .boxed()
}

/// An object with keys of `walk.All` (or of Inner: "a", "z", "kids"), by JSON or proto
/// name, now and then one it does not have; in number order or not.
fn json_object(depth: u32, maps: bool) -> BoxedStrategy<String> {
    let keys: Vec<(usize, &'static str)> = NAMES
        .iter()
        .enumerate()
        .filter(|(i, _)| maps || !(22..=25).contains(i) && *i != 31)
        .flat_map(|(i, (j, p))| [(i, *j), (i, *p)])
        .chain([(1, "a"), (2, "z"), (3, "kids"), (99, "nope")])
        .collect();
    (
        proptest::collection::vec((proptest::sample::select(keys), json_value(depth, maps)), 0..7),
        any::<bool>(),
    )
        .prop_map(|(mut fields, sorted)| {
            if sorted {
                fields.sort_by_key(|((i, _), _)| *i);
            }
            let body: Vec<String> = fields.iter().map(|((_, k), v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", body.join(","))
        })
        .boxed()
}

/// Where the walk encodes, the reference takes the same JSON, and the two byte strings
/// are equal (`exact`) or decode to the same value (maps come out in any order).
fn encode_agrees(json: &str, message: &str, exact: bool) -> Result<(), TestCaseError> {
    let c = codec(message, JsonOptions::default());
    let (walked, reference) = c.encode_both(json.as_bytes());
    let Some(walked) = walked else { return Ok(()) };
    let reference =
        reference.map_err(|e| TestCaseError::fail(format!("walk encoded {json}, reference refused: {e}")))?;
    if exact {
        prop_assert_eq!(walked, reference, "{}", json);
    } else {
        let value = |b: &[u8]| {
            let (_, r) = c.decode_both(b);
            serde_json::from_slice::<serde_json::Value>(&r.expect("decodes")).expect("JSON")
        };
        prop_assert_eq!(value(&walked), value(&reference), "{}", json);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    #[test]
    fn the_encoder_writes_the_references_bytes_without_maps(json in json_object(2, false)) {
        encode_agrees(&json, "walk.All", true)?;
        encode_agrees(&json, "walk.Inner", true)?;
    }

    #[test]
    fn the_encoder_writes_the_references_values_with_maps(json in json_object(2, true)) {
        encode_agrees(&json, "walk.All", false)?;
    }

    #[test]
    fn the_encoder_never_panics_on_random_text(text in "[{}\\[\\]\",:0-9a-z\\\\ .e+-]{0,40}") {
        encode_agrees(&text, "walk.All", false)?;
    }
}

/// What the decoder writes, under every option set, is read back by the walk (not the
/// fallback) into the reference's bytes.
#[test]
fn decoded_json_encodes_back_through_the_walk() {
    let json = r#"{"d":0.1,"f":-2.5,"i32":-7,"i64":"-9007199254740993","u32":4294967295,
        "u64":"18446744073709551615","s32":-3,"s64":"5","fx32":1,"fx64":"2","sf32":-1,"sf64":"-2",
        "b":true,"s":"tab\there \"q\" é","by":"AAH/","c":"BLUE","m":{"a":"x","z":"-1"},
        "ri":[1,-2,3],"rs":["a",""],"rm":[{"a":"y"},{}],"rd":["NaN","Infinity",-0.0,1e300],"rc":["BLUE",7],
        "ms":{"k\"1":"3"},"mi":{"-4":{"a":"v"}},"mb":{"true":"yes"},"mu":{"18446744073709551615":"GREEN"},
        "om":{"z":"9"},"opt":0,"ts":"2026-12-01T10:00:00.5Z","st":{"a":[1,"b",null]},"w":5,
        "next":{"s":"deeper","next":{"b":true}},"weirdName2x":"w"}"#;
    let base = codec("walk.All", JsonOptions::default());
    let (_, bytes) = base.encode_both(json.as_bytes());
    let bytes = bytes.expect("encodes");
    for (opts, c) in codecs() {
        let mut text = Vec::new();
        c.decode(&[0], &bytes, &mut text).expect("decodes");
        let (walked, reference) = base.encode_both(&text);
        let text = String::from_utf8_lossy(&text);
        let walked = walked.unwrap_or_else(|| panic!("the walk takes {opts:?} {text}"));
        assert_eq!(walked, reference.expect("encodes"), "{opts:?} {text}");
    }
    // A long string: the length prefix grows past one byte.
    let long = format!(r#"{{"s":"{}","m":{{"a":"{}"}}}}"#, "x".repeat(300), "y".repeat(200));
    let (walked, reference) = base.encode_both(long.as_bytes());
    assert_eq!(walked.expect("walks"), reference.expect("encodes"));
}

/// The inputs the encoder leaves to prost-reflect, named: each bails, and encode still
/// gives the reference's answer (its error, with its path).
#[test]
fn the_encoder_leaves_duplicates_conflicts_and_errors_to_the_reference() {
    let c = codec("walk.All", JsonOptions::default());
    for (why, json) in [
        ("a key twice", r#"{"i32":1,"i32":2}"#),
        ("keys out of order", r#"{"i64":1,"i32":2}"#),
        ("two members of a oneof", r#"{"os":"a","oi":1}"#),
        ("a map key twice, spelled two ways", r#"{"mi":{"1":{},"+1":{}}}"#),
        ("a fraction for an integer", r#"{"i32":1.5}"#),
        ("an unknown key", r#"{"nope":1}"#),
        ("an unknown enum name", r#"{"c":"PINK"}"#),
        ("a string for a bool", r#"{"b":"true"}"#),
        ("trailing text", r#"{} {}"#),
    ] {
        let (walked, reference) = c.encode_both(json.as_bytes());
        assert!(walked.is_none(), "{why}: the walk answered");
        let mut out = Vec::new();
        assert_eq!(c.encode(json.as_bytes(), &mut out).map(|()| out), reference, "{why}");
    }
}
