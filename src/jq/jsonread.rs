//! A direct JSON reader for the common case: an object or array made of plain strings,
//! integers and literals, read into `Val` without serde's visitor machinery, with the
//! keys of a stream shared instead of copied (events repeat the same handful of keys, so
//! a small per-thread cache hands out the same bytes again: no allocation, no copy).
//!
//! It decides nothing on its own: whatever it is not sure of — an escape, a fraction or
//! an exponent, a big or negative-zero number, deep nesting, a stray byte, an error of
//! any kind — it hands back to serde_json (the piece, or the whole value), so values,
//! errors and their positions stay exactly what `json::parse_prefix` always gave.

use std::cell::RefCell;

use jaq_json::{Map, Num, Val};

use super::fast::object_members;
use super::json::Parsed;
use super::projection::Projection;

/// Nesting beyond this goes to serde_json, whose own limit (128) then decides.
const MAX_DEPTH: usize = 100;

/// Keys longer than this are not worth a slot.
const MAX_KEY: usize = 32;

const SLOTS: usize = 64;

/// Recently seen keys, direct-mapped by a cheap digest of their bytes. A key of a stream
/// is then read once and shared by every value after: the clone of a shared `Bytes` is a
/// reference count, where a fresh key is an allocation and a copy.
struct Keys {
    slots: Vec<Option<Val>>,
    /// How many keys the last object at each depth had: the next one is sized for them.
    sizes: [usize; 4],
}

impl Keys {
    fn new() -> Keys {
        Keys {
            slots: vec![None; SLOTS],
            sizes: [8; 4],
        }
    }

    fn get(&mut self, key: &[u8]) -> Val {
        if key.len() > MAX_KEY {
            return Val::utf8_str(key.to_vec());
        }
        let (first, last) = (key.first().copied().unwrap_or(0), key.last().copied().unwrap_or(0));
        let digest = key.len() ^ usize::from(first).wrapping_mul(31) ^ usize::from(last).wrapping_mul(7);
        let slot = &mut self.slots[digest % SLOTS];
        if let Some(Val::TStr(s)) = slot {
            if s[..] == *key {
                return Val::TStr(s.clone());
            }
        }
        let v = Val::utf8_str(key.to_vec());
        *slot = Some(v.clone());
        v
    }
}

thread_local! {
    static KEYS: RefCell<Keys> = RefCell::new(Keys::new());
}

/// The object or array at the start of `bytes` and the bytes it took, or None when
/// serde_json must decide (see the module's note). `bytes` starts at the value.
pub(super) fn read_prefix(bytes: &[u8]) -> Option<(Val, usize)> {
    if !matches!(bytes.first(), Some(b'{' | b'[')) {
        return None;
    }
    KEYS.with(|keys| {
        let mut keys = keys.try_borrow_mut().ok()?;
        let mut r = Reader {
            bytes,
            pos: 0,
            keys: &mut keys,
        };
        let v = r.value(0)?;
        Some((v, r.pos))
    })
}

/// The object at the start of `bytes` with only the fields `projection` keeps, and the
/// bytes it took; None when the full reader must decide: not an object, a key with
/// escapes (it might spell a kept one), a kept value the direct reader declines, or
/// anything the scan is unsure of (which includes every error).
pub(super) fn read_projected(bytes: &[u8], projection: &Projection) -> Option<(Val, usize)> {
    if bytes.first() != Some(&b'{') {
        return None;
    }
    KEYS.with(|keys| {
        let mut keys = keys.try_borrow_mut().ok()?;
        let mut map = Map::with_capacity_and_hasher(projection.len(), Default::default());
        let mut sure = true;
        let end = object_members(bytes, 0, |key, escaped, raw| {
            sure &= !escaped;
            if !sure || !projection.keeps(key) {
                return;
            }
            let mut r = Reader {
                bytes: &bytes[..raw.end],
                pos: raw.start,
                keys: &mut keys,
            };
            match r.value(1) {
                Some(v) if r.pos == raw.end => {
                    let k = r.keys.get(key);
                    map.insert(k, v);
                }
                _ => sure = false,
            }
        })
        .ok()?;
        sure.then(|| (Val::obj(map), end))
    })
}

struct Reader<'a, 'k> {
    bytes: &'a [u8],
    pos: usize,
    keys: &'k mut Keys,
}

impl Reader<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The next byte that is not JSON whitespace (the four serde_json skips).
    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    fn value(&mut self, depth: usize) -> Option<Val> {
        match self.skip_ws()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => {
                let (start, end, plain) = self.string()?;
                if plain {
                    Some(Val::utf8_str(self.bytes[start..end].to_vec()))
                } else {
                    self.escaped(start, end)
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true", Val::Bool(true)),
            b'f' => self.literal(b"false", Val::Bool(false)),
            b'n' => self.literal(b"null", Val::Null),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8], v: Val) -> Option<Val> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn object(&mut self, depth: usize) -> Option<Val> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let size = self.keys.sizes[(depth - 1).min(3)];
        let mut map = Map::with_capacity_and_hasher(size, Default::default());
        if self.skip_ws()? == b'}' {
            self.pos += 1;
            return Some(Val::obj(map));
        }
        loop {
            if self.skip_ws()? != b'"' {
                return None;
            }
            let (start, end, plain) = self.string()?;
            let bytes = self.bytes;
            let key = if plain {
                self.keys.get(&bytes[start..end])
            } else {
                self.escaped(start, end)?
            };
            if self.skip_ws()? != b':' {
                return None;
            }
            self.pos += 1;
            let v = self.value(depth)?;
            map.insert(key, v);
            match self.skip_ws()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    self.keys.sizes[(depth - 1).min(3)] = map.len().max(1);
                    return Some(Val::obj(map));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Val> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        if self.skip_ws()? == b']' {
            self.pos += 1;
            return Some(Val::Arr(items.into()));
        }
        loop {
            items.push(self.value(depth)?);
            match self.skip_ws()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(Val::Arr(items.into()));
                }
                _ => return None,
            }
        }
    }

    /// The string at `pos` (its opening quote): where the text between the quotes
    /// starts and ends, whether it is free of escapes, and `pos` past the closing quote.
    /// Control characters and text that is not UTF-8 are errors serde_json reports, so
    /// they give None.
    fn string(&mut self) -> Option<(usize, usize, bool)> {
        let start = self.pos + 1;
        let mut i = start;
        let mut plain = true;
        // Only text with a byte past ASCII needs checking for UTF-8.
        let mut ascii = true;
        loop {
            let b = *self.bytes.get(i)?;
            match b {
                b'"' => break,
                b'\\' => {
                    plain = false;
                    i += 2;
                }
                0..0x20 => return None,
                0x80.. => {
                    ascii = false;
                    i += 1;
                }
                _ => i += 1,
            }
        }
        if !ascii {
            std::str::from_utf8(self.bytes.get(start..i)?).ok()?;
        }
        self.pos = i + 1;
        Some((start, i, plain))
    }

    /// A string with escapes, as serde_json reads it (it also rejects bad escapes and
    /// lone surrogates with its own words, which the whole value's re-read then gives).
    fn escaped(&self, start: usize, end: usize) -> Option<Val> {
        let quoted = &self.bytes[start - 1..=end];
        match serde_json::from_slice::<Parsed>(quoted) {
            Ok(Parsed(v)) => Some(v),
            Err(_) => None,
        }
    }

    /// An integer of at most 18 digits is read here; anything else (fractions,
    /// exponents, longer integers, `-0`) by serde_json from the number's own text.
    fn number(&mut self) -> Option<Val> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        let digits_start = start + usize::from(negative);
        let mut i = digits_start;
        let mut n: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = self.bytes.get(i) {
            n = n.wrapping_mul(10).wrapping_add(i64::from(b - b'0'));
            i += 1;
        }
        let digits = i - digits_start;
        let simple = !matches!(self.bytes.get(i), Some(b'.' | b'e' | b'E'))
            && (1..=18).contains(&digits)
            && (digits == 1 || self.bytes[digits_start] != b'0')
            && !(negative && n == 0);
        if simple {
            self.pos = i;
            return Some(Val::Num(Num::from_integral(if negative { -n } else { n })));
        }
        while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = self.bytes.get(i) {
            i += 1;
        }
        let v = serde_json::from_slice::<Parsed>(&self.bytes[start..i]).ok()?.0;
        self.pos = i;
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jq::json::{Prefix, parse_prefix_by_serde, write_compact};

    fn text(v: &Val) -> String {
        let mut out = Vec::new();
        write_compact(&mut out, v);
        String::from_utf8(out).expect("utf8")
    }

    /// What the direct reader gives must be what serde_json gives: the same value (and
    /// its key order) and the same length; where it declines, serde_json decides alone.
    fn same_as_serde(input: &[u8]) {
        let by_serde = parse_prefix_by_serde(input);
        let Some((v, used)) = read_prefix(input) else {
            return;
        };
        let Prefix::Value(w, used_w) = by_serde else {
            panic!("read {} where serde_json does not", String::from_utf8_lossy(input));
        };
        let shown = String::from_utf8_lossy(input);
        assert_eq!((text(&v), used), (text(&w), used_w), "{shown}");
        assert_eq!(v, w, "{shown}");
    }

    /// What the projecting reader gives must be serde_json's value with the other
    /// fields removed, the same length, and, where serde_json refuses, its refusal.
    fn same_projected(input: &[u8]) {
        use crate::jq::json::parse_prefix_projected;
        use crate::jq::projection::Projection;
        let shown = String::from_utf8_lossy(input);
        for keys in [&["a"][..], &["id", "amount"], &["a", "b", "\"", "é"], &[]] {
            let p = Projection::of_keys(keys);
            let got = parse_prefix_projected(input, Some(&p));
            match (parse_prefix_by_serde(input), got) {
                (Prefix::Value(w, used_w), Prefix::Value(v, used)) => {
                    let w = p.apply(w);
                    assert_eq!((text(&v), used), (text(&w), used_w), "{shown} {keys:?}");
                }
                (Prefix::Empty, Prefix::Empty) | (Prefix::Incomplete, Prefix::Incomplete) => {}
                (Prefix::Invalid(a), Prefix::Invalid(b)) => assert_eq!(a, b, "{shown}"),
                _ => panic!("{shown} {keys:?}: the projecting reader and serde_json disagree"),
            }
            let one = crate::jq::json::parse_one(input).map(|v| text(&p.apply(v)));
            let cut = crate::jq::json::parse_one_projected(input, &p).map(|v| text(&v));
            assert_eq!(one, cut, "{shown} {keys:?}: one value");
        }
    }

    #[test]
    fn projected_reading_is_the_whole_value_cut() {
        let cases: &[&[u8]] = &[
            br#"{"id":1,"user":"u1","amount":114,"country":"de","ts":1764316800000}"#,
            br#"{"a":1,"b":2,"a":3}"#,
            br#"{"a":{"x":[1,{"y":null}]},"b":[],"c":"\u00e9"}"#,
            br#"{"\u0061":1,"a":2}"#,
            br#"{"a":2,"\u0061":1}"#,
            br#"{"a":1.5e3,"b":-0,"id":12345678901234567890}"#,
            br#"{"a":"x\ny","b":"\ud83d\ude00"}"#,
            br#"{"s":"\ud800","a":1}"#,
            br#"{"z":[1,],"a":1}"#,
            br#"{"a":1,"z":tru}"#,
            br#"{"a":1,"z":"\x"}"#,
            br#"{"a":1,"z":01}"#,
            br#"{"a":1,"z":{"k":1"#,
            br#"{"a":1,"z":"#,
            b"{\"z\":\"\xff\",\"a\":1}",
            b"{\"a\":1}\n{\"a\":2}",
            br#"{ "a" : 1 , "z" : [ 2 ] }  x"#,
            br#"[1,2,3]"#,
            br#"17"#,
            br#"{}"#,
            br#""#,
            b"   ",
        ];
        for c in cases {
            same_projected(c);
        }
        for n in [99, 100, 101, 127, 128, 129, 300] {
            let obj = format!("{{\"a\":1,\"z\":{}1{}}}", "[".repeat(n), "]".repeat(n));
            same_projected(obj.as_bytes());
        }
    }

    #[test]
    fn direct_reading_agrees_with_serde_on_odd_inputs() {
        let cases: &[&[u8]] = &[
            br#"{"id":1,"user":"u1","amount":114,"country":"de","ts":1764316800000}"#,
            br#"{"a":1,"b":2,"a":3}"#,
            br#"{"a\"b":1,"\u0061":2,"a":3}"#,
            br#"{"s":"\ud83d\ude00 \n \t"}"#,
            br#"{"s":"\ud800"}"#,
            br#"{"s":"\x"}"#,
            br#"[1,-2,0,-0,00,01,1.5,1e3,1E400,-1e-400,12345678901234567890,123456789012345678,1234567890123456789]"#,
            br#"[-9223372036854775808,9223372036854775807,18446744073709551616]"#,
            br#"[1.,.5,-,+1,1e,1e+,--1]"#,
            br#"[true,false,null,tru,nul,falsey]"#,
            br#"{ "a" : [ 1 , 2 ] , "b" : { } , "c" : [ ] }   "#,
            b"{\"a\":1}\n{\"b\":2}",
            b"{\"a\":\"x\ty\"}",
            b"{\"a\":\"\xff\"}",
            "{\"é\":\"ü\"}".as_bytes(),
            br#"{"a":1,}"#,
            br#"[1,]"#,
            br#"{"a" 1}"#,
            br#"{"a":1"#,
            br#"[1,2"#,
            br#"{"a":"#,
            br#"{"a":"abc"#,
            br#"{1:2}"#,
            br#"[1 2]"#,
            br#"[]x"#,
            br#"{}"#,
            br#"{"a":1}x"#,
        ];
        for c in cases {
            same_as_serde(c);
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for n in [1, 99, 100, 101, 127, 128, 129, 300] {
            same_as_serde(deep(n).as_bytes());
            let obj = format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
            same_as_serde(obj.as_bytes());
        }
    }

    /// The plain event shapes are read directly (else the reader would save nothing).
    #[test]
    fn plain_events_are_read_directly() {
        let e = br#"{"id":7,"user":"u1","amount":-3,"tags":["x",true,null],"o":{"k":0}} "#;
        let (v, used) = read_prefix(e).expect("read directly");
        assert_eq!(used, e.len() - 1);
        assert_eq!(
            text(&v),
            r#"{"id":7,"user":"u1","amount":-3,"tags":["x",true,null],"o":{"k":0}}"#
        );
    }

    /// Keys are shared between values: the second event's key is the first's bytes.
    #[test]
    fn repeated_keys_share_their_bytes() {
        let key_ptr = |v: &Val| match v {
            Val::Obj(o) => match o.keys().next() {
                Some(Val::TStr(s)) => s.as_ptr(),
                _ => panic!("no key"),
            },
            _ => panic!("not an object"),
        };
        let (a, _) = read_prefix(br#"{"country":"de"}"#).expect("read");
        let (b, _) = read_prefix(br#"{"country":"gb"}"#).expect("read");
        assert_eq!(key_ptr(&a), key_ptr(&b));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]

        /// Any text made of JSON's own bytes (and a few others) reads as serde_json reads it.
        #[test]
        fn direct_reading_agrees_with_serde(body in proptest::collection::vec(
            proptest::sample::select(b"{}[]\",:0123456789-+.eEtruefalsn \n\\ax\xc3\xa9".to_vec()), 0..40)
        ) {
            let mut input = vec![b'{'];
            input.extend_from_slice(&body);
            same_as_serde(&input);
            same_projected(&input);
            input[0] = b'[';
            same_as_serde(&input);
        }

        /// Generated JSON (objects, arrays, strings with escapes, numbers of every kind).
        #[test]
        fn direct_reading_agrees_with_serde_on_json(v in json_value(4)) {
            let text = serde_json::to_vec(&v).expect("serialises");
            same_as_serde(&text);
            let pretty = serde_json::to_vec_pretty(&v).expect("serialises");
            same_as_serde(&pretty);
            same_projected(&text);
            same_projected(&pretty);
        }
    }

    fn json_value(depth: u32) -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            "[a-c\"\\\\\u{e9}\u{1}\n]{0,4}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(depth, 32, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                proptest::collection::vec(("[a-c\"]{0,2}", inner), 0..4)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
        .prop_map(|v| match v {
            v @ (serde_json::Value::Object(_) | serde_json::Value::Array(_)) => v,
            other => serde_json::Value::Array(vec![other]),
        })
    }
}
