//! JSON in and out of jaq's value type. Parsing goes from bytes straight to `Val` through
//! serde_json's deserializer and a visitor (no `serde_json::Value` in between: that
//! conversion would cost more than the parse). Writing follows jq 1.6 byte for byte:
//! its number format (17 significant digits, `1e+17`, `1e-05`), its string escapes and
//! its colours, so that `eddy filter` output can replace `jq -c` output in scripts.

use std::fmt;

use jaq_json::{Map, Num, Val};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::projection::Projection;

/// A value as serde sees it; the newtype lets serde_json's stream reader produce `Val`.
pub(super) struct Parsed(pub Val);

impl<'de> Deserialize<'de> for Parsed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValVisitor).map(Parsed)
    }
}

struct ValVisitor;

/// Integral floats within the exact range become integers, as jq 1.6 treats every
/// number as a double: `3.0` and `1e3` then print (and `tostring`) as `3` and `1000`.
pub(super) fn float(f: f64) -> Val {
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 && !(f == 0.0 && f.is_sign_negative()) {
        Val::Num(Num::Int(f as isize))
    } else {
        Val::Num(Num::Float(f))
    }
}

impl<'de> Visitor<'de> for ValVisitor {
    type Value = Val;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Val, E> {
        Ok(Val::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Val, E> {
        Ok(Val::Num(Num::from_integral(i)))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Val, E> {
        Ok(Val::Num(Num::from_integral(u)))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Val, E> {
        Ok(float(f))
    }

    fn visit_str<E>(self, s: &str) -> Result<Val, E> {
        Ok(Val::utf8_str(s.as_bytes().to_vec()))
    }

    fn visit_string<E>(self, s: String) -> Result<Val, E> {
        Ok(Val::from(s))
    }

    fn visit_unit<E>(self) -> Result<Val, E> {
        Ok(Val::Null)
    }

    fn visit_none<E>(self) -> Result<Val, E> {
        Ok(Val::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Val, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Parsed(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Val::Arr(items.into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Val, A::Error> {
        // serde_json cannot tell how many keys follow; room for eight (events mostly
        // have a handful) saves the map two or three rounds of growing and rehashing.
        let room = map.size_hint().unwrap_or(8);
        let mut object = Map::with_capacity_and_hasher(room, Default::default());
        while let Some(Parsed(k)) = map.next_key()? {
            let Parsed(v) = map.next_value()?;
            object.insert(k, v);
        }
        Ok(Val::obj(object))
    }
}

/// serde_json's message without its "at line L column C", which is relative to the slice
/// it was given; callers say where the input was.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((m, _)) => m.to_string(),
        None => text,
    }
}

/// A byte order mark, which jq passes over in front of a value (some editors write one).
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Exactly one JSON value (whitespace around it allowed).
pub(super) fn parse_one(bytes: &[u8]) -> Result<Val, String> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    serde_json::from_slice::<Parsed>(bytes).map(|p| p.0).map_err(|e| {
        if e.line() > 1 {
            format!("{} at line {} column {}", message(&e), e.line(), e.column())
        } else {
            format!("{} at column {}", message(&e), e.column())
        }
    })
}

/// `parse_one`, keeping of an object only the fields `projection` keeps.
pub(super) fn parse_one_projected(bytes: &[u8], projection: &Projection) -> Result<Val, String> {
    let start = bytes.iter().position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'));
    if let Some(start) = start {
        if let Some((v, used)) = super::jsonread::read_projected(&bytes[start..], projection) {
            let rest = &bytes[start + used..];
            if rest.iter().all(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')) {
                return Ok(v);
            }
        }
    }
    parse_one(bytes).map(|v| projection.apply(v))
}

/// Every JSON value in `bytes`.
pub(super) fn parse_all(bytes: &[u8]) -> Result<Vec<Val>, String> {
    let mut values = Vec::new();
    for v in serde_json::Deserializer::from_slice(bytes).into_iter::<Parsed>() {
        let v = v.map_err(|e| format!("{} at line {}", message(&e), e.line()))?;
        values.push(v.0);
    }
    Ok(values)
}

/// What the start of a buffer holds.
pub(super) enum Prefix {
    /// A value, and the bytes it took.
    Value(Val, usize),
    /// Nothing but whitespace.
    Empty,
    /// The start of a value that goes on past the end of the buffer.
    Incomplete,
    /// Not JSON, and why.
    Invalid(String),
}

/// The first JSON value at the start of `slice`: read directly where `jsonread` can,
/// else by serde_json (which alone decides every error).
pub(super) fn parse_prefix(slice: &[u8]) -> Prefix {
    match super::jsonread::read_prefix(slice) {
        Some((v, used)) => Prefix::Value(v, used),
        None => parse_prefix_by_serde(slice),
    }
}

/// `parse_prefix`, keeping of an object only the fields `projection` keeps (see
/// `projection`): read so where `jsonread` can, else parsed whole and then cut.
pub(super) fn parse_prefix_projected(slice: &[u8], projection: Option<&Projection>) -> Prefix {
    let Some(p) = projection else {
        return parse_prefix(slice);
    };
    if let Some((v, used)) = super::jsonread::read_projected(slice, p) {
        return Prefix::Value(v, used);
    }
    match parse_prefix(slice) {
        Prefix::Value(v, used) => Prefix::Value(p.apply(v), used),
        other => other,
    }
}

/// `parse_prefix` by serde_json alone.
pub(super) fn parse_prefix_by_serde(slice: &[u8]) -> Prefix {
    let bom = if slice.starts_with(BOM) { BOM.len() } else { 0 };
    let mut stream = serde_json::Deserializer::from_slice(&slice[bom..]).into_iter::<Parsed>();
    match stream.next() {
        None => Prefix::Empty,
        Some(Ok(Parsed(v))) => Prefix::Value(v, bom + stream.byte_offset()),
        Some(Err(e)) if e.is_eof() => Prefix::Incomplete,
        Some(Err(e)) => Prefix::Invalid(message(&e)),
    }
}

/// How values are written: the `jq` output options.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// The indentation unit for pretty output (None: compact).
    pub indent: Option<Vec<u8>>,
    pub sort_keys: bool,
    pub colors: Option<Colors>,
}

impl Style {
    /// Whether values are written as `jq -c` writes them.
    pub fn is_compact(&self) -> bool {
        self.indent.is_none() && !self.sort_keys && self.colors.is_none()
    }
}

/// Escape sequences per kind of value, as jq 1.6 has them (overridable by `JQ_COLORS`).
#[derive(Debug, Clone)]
pub struct Colors {
    null: Vec<u8>,
    r#false: Vec<u8>,
    r#true: Vec<u8>,
    number: Vec<u8>,
    string: Vec<u8>,
    array: Vec<u8>,
    object: Vec<u8>,
}

const RESET: &[u8] = b"\x1b[0m";
const FIELD: &[u8] = b"\x1b[34;1m";

impl Colors {
    /// jq 1.6's defaults, then `JQ_COLORS` (colon-separated, in jq's order) on top.
    pub fn jq(overrides: Option<&str>) -> Colors {
        let mut specs = ["1;30", "0;39", "0;39", "0;39", "0;32", "1;39", "1;39"].map(String::from);
        if let Some(o) = overrides {
            for (slot, spec) in specs.iter_mut().zip(o.split(':')) {
                if spec.bytes().all(|b| b.is_ascii_digit() || b == b';') {
                    *slot = spec.to_string();
                }
            }
        }
        let esc = |s: &str| format!("\x1b[{s}m").into_bytes();
        Colors {
            null: esc(&specs[0]),
            r#false: esc(&specs[1]),
            r#true: esc(&specs[2]),
            number: esc(&specs[3]),
            string: esc(&specs[4]),
            array: esc(&specs[5]),
            object: esc(&specs[6]),
        }
    }

    fn of(&self, v: &Val) -> &[u8] {
        match v {
            Val::Null => &self.null,
            Val::Bool(false) => &self.r#false,
            Val::Bool(true) => &self.r#true,
            Val::Num(_) => &self.number,
            Val::TStr(_) | Val::BStr(_) => &self.string,
            Val::Arr(_) => &self.array,
            Val::Obj(_) => &self.object,
        }
    }
}

/// Writes a value the way `jq -c` does.
pub(super) fn write_compact(out: &mut Vec<u8>, v: &Val) {
    match v {
        Val::Null => out.extend_from_slice(b"null"),
        Val::Bool(true) => out.extend_from_slice(b"true"),
        Val::Bool(false) => out.extend_from_slice(b"false"),
        Val::Num(n) => write_num(out, n),
        Val::TStr(s) | Val::BStr(s) => write_str(out, s),
        Val::Arr(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_compact(out, x);
            }
            out.push(b']');
        }
        Val::Obj(o) => {
            out.push(b'{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_key(out, k);
                out.push(b':');
                write_compact(out, x);
            }
            out.push(b'}');
        }
    }
}

/// Object keys are strings in JSON; jaq also allows others, written as their JSON text.
fn write_key(out: &mut Vec<u8>, k: &Val) {
    match k {
        Val::TStr(s) | Val::BStr(s) => write_str(out, s),
        other => {
            let mut text = Vec::new();
            write_compact(&mut text, other);
            write_str(out, &text);
        }
    }
}

/// Writes a value with indentation, sorted keys or colours, following jq 1.6's
/// `jv_dump_term` exactly (including where it puts colour codes).
pub(super) fn write_styled(out: &mut Vec<u8>, v: &Val, style: &Style, level: usize) {
    if style.indent.is_none() && !style.sort_keys && style.colors.is_none() {
        return write_compact(out, v);
    }
    let color = style.colors.as_ref().map(|c| c.of(v));
    if let Some(c) = color {
        out.extend_from_slice(c);
    }
    let pretty = style.indent.is_some();
    // A line break and the indentation of `n` levels, when pretty-printing.
    let newline = |out: &mut Vec<u8>, n: usize| {
        if let Some(unit) = &style.indent {
            out.push(b'\n');
            for _ in 0..n {
                out.extend_from_slice(unit);
            }
        }
    };
    // What ends an array or object: the last line break, the container's colour, `end`.
    let close = |out: &mut Vec<u8>, end: u8| {
        newline(out, level);
        if let Some(c) = color {
            out.extend_from_slice(c);
        }
        out.push(end);
    };
    match v {
        Val::Arr(a) if a.is_empty() => out.extend_from_slice(b"[]"),
        Val::Obj(o) if o.is_empty() => out.extend_from_slice(b"{}"),
        Val::Arr(a) => {
            out.push(b'[');
            newline(out, level + 1);
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                    newline(out, level + 1);
                }
                write_styled(out, x, style, level + 1);
                if let Some(c) = color {
                    out.extend_from_slice(c);
                }
            }
            close(out, b']');
        }
        Val::Obj(o) => {
            out.push(b'{');
            newline(out, level + 1);
            let mut entries: Vec<(&Val, &Val)> = o.iter().collect();
            if style.sort_keys {
                entries.sort_by(|a, b| a.0.cmp(b.0));
            }
            for (i, (k, x)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                    newline(out, level + 1);
                }
                if color.is_some() {
                    out.extend_from_slice(RESET);
                    out.extend_from_slice(FIELD);
                }
                write_key(out, k);
                if let Some(c) = color {
                    out.extend_from_slice(RESET);
                    out.extend_from_slice(c);
                }
                out.push(b':');
                if pretty {
                    out.push(b' ');
                }
                if color.is_some() {
                    out.extend_from_slice(RESET);
                }
                write_styled(out, x, style, level + 1);
                if let Some(c) = color {
                    out.extend_from_slice(c);
                }
            }
            close(out, b'}');
        }
        scalar => write_compact(out, scalar),
    }
    if color.is_some() {
        out.extend_from_slice(RESET);
    }
}

fn write_num(out: &mut Vec<u8>, n: &Num) {
    match n {
        Num::Int(i) => out.extend_from_slice(itoa::Buffer::new().format(*i).as_bytes()),
        Num::Float(f) => write_f64(out, *f),
        // jq 1.6 holds every number as a double.
        other => match other.to_string().parse::<f64>() {
            Ok(f) => write_f64(out, f),
            Err(_) => out.extend_from_slice(other.to_string().as_bytes()),
        },
    }
}

/// A double as jq 1.6 prints it: the shortest digits that read back the same (at most
/// 17), in exponent form when the decimal point is more than 15 places past the digits
/// or the number is below 1e-4; NaN as null, infinities as the largest doubles.
pub fn write_f64(out: &mut Vec<u8>, f: f64) {
    if f.is_nan() {
        return out.extend_from_slice(b"null");
    }
    if f.is_infinite() {
        let text: &[u8] = if f > 0.0 {
            b"1.7976931348623157e+308"
        } else {
            b"-1.7976931348623157e+308"
        };
        return out.extend_from_slice(text);
    }
    if f == 0.0 {
        return out.extend_from_slice(if f.is_sign_negative() { b"-0" } else { b"0" });
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return out.extend_from_slice(itoa::Buffer::new().format(f as i64).as_bytes());
    }
    // ryu gives the shortest round-trip digits, as Rust's `{:e}` does, without its
    // formatting machinery and allocations. The two differ only where two shortest
    // candidates are exactly as near (ryu takes the even one, Rust the one above);
    // where that can happen, Rust's own (on the stack) decides, so the output stays
    // what it always was.
    let mut ryu = ryu::Buffer::new();
    let (mut digits, mut decpt) = shortest_digits(ryu.format_finite(f.abs()).as_bytes());
    if may_tie(f) {
        let mut text = StackText::default();
        if fmt::write(&mut text, format_args!("{:e}", f.abs())).is_ok() {
            (digits, decpt) = shortest_digits(&text.bytes[..text.len]);
        }
    }
    let digits = &digits.0[..digits.1];
    let nd = digits.len() as i32;
    if f < 0.0 {
        out.push(b'-');
    }
    if decpt <= -4 || decpt > nd + 15 {
        out.push(digits[0]);
        if nd > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        let e = decpt - 1;
        out.push(if e < 0 { b'-' } else { b'+' });
        if e.abs() < 10 {
            out.push(b'0');
        }
        out.extend_from_slice(itoa::Buffer::new().format(e.abs()).as_bytes());
    } else if decpt <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-decpt) as usize));
        out.extend_from_slice(digits);
    } else if decpt >= nd {
        out.extend_from_slice(digits);
        out.extend(std::iter::repeat_n(b'0', (decpt - nd) as usize));
    } else {
        out.extend_from_slice(&digits[..decpt as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[decpt as usize..]);
    }
}

/// Whether two shortest digit strings can be exactly as near to `f`: only when its
/// exact decimal value has at most 18 significant digits (a tie between n-digit
/// candidates is a value of n + 1 digits ending in 5, and n is at most 17). Checked
/// exactly: `f` = m × 2^e with m odd; for e < 0 the value is m × 5^-e / 10^-e, whose
/// significant digits are those of m × 5^-e (odd, so no trailing zeros), 20 or more
/// once -e > 27. Integers of 2^53 and more (e ≥ 0) are left to Rust, as are the rare
/// short fractions; everyday decimals such as 12.34 have -e near 50 and take ryu's.
fn may_tie(f: f64) -> bool {
    let bits = f.abs().to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    if m == 0 {
        return true;
    }
    let zeros = m.trailing_zeros();
    m >>= zeros;
    e += zeros as i32;
    if e >= 0 {
        return true;
    }
    let k = e.unsigned_abs();
    k <= 27 && u128::from(m) * 5u128.pow(k) < 1_000_000_000_000_000_000
}

/// Room on the stack for a number's text: `{:e}` of a double is at most 24 bytes.
#[derive(Default)]
struct StackText {
    bytes: [u8; 32],
    len: usize,
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The significant digits of ryu's text for a positive finite number ("123.0",
/// "0.001", "1.5e-7", "1e16"; Rust's "1.5e-7" too), without leading or trailing zeros, and where the
/// decimal point goes: the number is 0.DIGITS × 10^decpt.
fn shortest_digits(text: &[u8]) -> (([u8; 24], usize), i32) {
    let (mantissa, exp) = match text.iter().position(|&b| b == b'e') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, &b""[..]),
    };
    let mut e: i32 = 0;
    let negative = exp.first() == Some(&b'-');
    for &b in exp.iter().filter(|b| b.is_ascii_digit()) {
        e = e * 10 + i32::from(b - b'0');
    }
    if negative {
        e = -e;
    }
    let mut digits = [0u8; 24];
    let mut nd = 0;
    let mut decpt = e;
    let mut before_point = true;
    for &b in mantissa {
        if b == b'.' {
            before_point = false;
        } else if nd == 0 && b == b'0' {
            // A leading zero: after the point it moves the point one place right.
            if !before_point {
                decpt -= 1;
            }
        } else if nd < digits.len() {
            digits[nd] = b;
            nd += 1;
            if before_point {
                decpt += 1;
            }
        }
    }
    while nd > 1 && digits[nd - 1] == b'0' {
        nd -= 1;
    }
    ((digits, nd), decpt)
}

/// Which bytes jq escapes in strings: `"`, `\`, control characters and DEL.
const fn escape_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7f] = true;
    t
}

static ESCAPE: [bool; 256] = escape_table();

/// A JSON string with jq's escapes. Bytes that are not UTF-8 become U+FFFD, as in jq.
pub(super) fn write_str(out: &mut Vec<u8>, s: &[u8]) {
    match std::str::from_utf8(s) {
        Ok(s) => write_json_str(out, s),
        Err(_) => write_json_str(out, &String::from_utf8_lossy(s)),
    }
}

/// Appends `s` as a JSON string, quotes included, escaped exactly as jq 1.6 prints it
/// (`"`, `\`, the control characters and DEL). The one string writer of eddy: the jq
/// output, the envelope, count's rows and gen's presets all write through it, so that
/// the same text never comes out two ways.
pub fn write_json_str(out: &mut Vec<u8>, s: &str) {
    let s = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in s.iter().enumerate() {
        if !ESCAPE[b as usize] {
            continue;
        }
        out.extend_from_slice(&s[start..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
        start = i + 1;
    }
    out.extend_from_slice(&s[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number_text(x: f64) -> String {
        let mut out = Vec::new();
        write_f64(&mut out, x);
        String::from_utf8(out).unwrap()
    }

    /// count's sums, minima and averages come out of this writer too (moved from count).
    #[test]
    fn numbers_print_as_jq_does() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(2.5), "2.5");
    }

    /// The writer as it was before it read ryu's digits (with `format!("{:e}")`): the
    /// new one must write every double byte for byte as this one did.
    fn write_f64_by_format(out: &mut Vec<u8>, f: f64) {
        if f.is_nan() || f.is_infinite() || f == 0.0 || (f.fract() == 0.0 && f.abs() < 1e15) {
            return write_f64(out, f);
        }
        let sci = format!("{:e}", f.abs());
        let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        let nd = digits.len() as i32;
        let decpt = exp + 1;
        if f < 0.0 {
            out.push(b'-');
        }
        if decpt <= -4 || decpt > nd + 15 {
            out.push(digits[0]);
            if nd > 1 {
                out.push(b'.');
                out.extend_from_slice(&digits[1..]);
            }
            out.push(b'e');
            let e = decpt - 1;
            out.push(if e < 0 { b'-' } else { b'+' });
            if e.abs() < 10 {
                out.push(b'0');
            }
            out.extend_from_slice(e.abs().to_string().as_bytes());
        } else if decpt <= 0 {
            out.extend_from_slice(b"0.");
            out.extend(std::iter::repeat_n(b'0', (-decpt) as usize));
            out.extend_from_slice(&digits);
        } else if decpt >= nd {
            out.extend_from_slice(&digits);
            out.extend(std::iter::repeat_n(b'0', (decpt - nd) as usize));
        } else {
            out.extend_from_slice(&digits[..decpt as usize]);
            out.push(b'.');
            out.extend_from_slice(&digits[decpt as usize..]);
        }
    }

    fn same_as_by_format(f: f64) -> std::result::Result<(), String> {
        let (mut new, mut old) = (Vec::new(), Vec::new());
        write_f64(&mut new, f);
        write_f64_by_format(&mut old, f);
        if new == old {
            Ok(())
        } else {
            Err(format!(
                "{f:?} ({:#x}): {} against {}",
                f.to_bits(),
                String::from_utf8_lossy(&new),
                String::from_utf8_lossy(&old)
            ))
        }
    }

    /// The edges: both sides of each switch to exponent form, integers past 1e15 and
    /// 1e17, -0, the smallest and largest doubles, subnormals, powers of ten and two.
    #[test]
    #[allow(clippy::excessive_precision, clippy::approx_constant)] // digits chosen as they are
    fn number_writer_edges_match_the_format_writer() {
        let mut cases = vec![
            0.0,
            -0.0,
            1e-4,
            9.999e-5,
            1e-5,
            0.00012,
            1e15,
            1e15 + 1.0,
            1e16,
            1e17,
            1.5e17,
            123456789012345680.0,
            9007199254740993.0,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            2.2250738585072009e-308,
            0.1 + 0.2,
            1.0 / 3.0,
            // Exact ties between two shortest candidates, where ryu and Rust part.
            837302801494570.25,
            2127371790000000.25,
            2.98023223876953125e-8,
            -2.5,
            3.14,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for e in -324..=308 {
            cases.push(10f64.powi(e));
            cases.push(-1.5 * 10f64.powi(e));
            cases.push(1.2345678901234567 * 10f64.powi(e));
        }
        for e in -1074..=1023 {
            cases.push(2f64.powi(e));
        }
        for f in cases {
            assert_eq!(same_as_by_format(f), Ok(()));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// Any bit pattern (subnormals, NaNs, huge and tiny exponents alike).
        #[test]
        fn number_writer_matches_the_format_writer(bits in proptest::num::u64::ANY) {
            proptest::prop_assert_eq!(same_as_by_format(f64::from_bits(bits)), Ok(()));
        }

        /// Numbers as events hold them: amounts with a few decimals, large integers.
        #[test]
        fn everyday_numbers_match_the_format_writer(n in -1_000_000_000i64..1_000_000_000, scale in 0u32..8) {
            let f = n as f64 / 10f64.powi(scale as i32);
            proptest::prop_assert_eq!(same_as_by_format(f), Ok(()));
            proptest::prop_assert_eq!(same_as_by_format(f * 1e12), Ok(()));
        }
    }

    fn compact(text: &str) -> String {
        let v = parse_one(text.as_bytes()).expect("parses");
        let mut out = Vec::new();
        write_compact(&mut out, &v);
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn numbers_as_jq_1_6() {
        let cases = [
            ("3.0", "3"),
            ("1.5", "1.5"),
            ("1e17", "1e+17"),
            ("1e15", "1000000000000000"),
            ("1e16", "1e+16"),
            ("1.5e16", "15000000000000000"),
            ("0.00001", "1e-05"),
            ("0.0001", "0.0001"),
            ("1.5e-4", "0.00015"),
            ("12345678901234567890", "12345678901234567000"),
            ("-0.0", "-0"),
            ("1e300", "1e+300"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("5e-324", "5e-324"),
            ("-1.5e-10", "-1.5e-10"),
            ("123456789012", "123456789012"),
            ("1e3", "1000"),
        ];
        for (input, want) in cases {
            assert_eq!(compact(input), want, "{input}");
        }
    }

    #[test]
    fn strings_as_jq() {
        assert_eq!(compact(r#""a\u007fb\u0001\n\"\\é""#), r#""a\u007fb\u0001\n\"\\é""#);
        let mut out = Vec::new();
        write_str(&mut out, b"a\xffb");
        assert_eq!(out, "\"a\u{fffd}b\"".as_bytes());
    }

    #[test]
    fn pretty_and_colour_as_jq() {
        let v = parse_one(br#"{"a":{"b":1},"c":[]}"#).expect("parses");
        let mut out = Vec::new();
        let style = Style {
            indent: Some(b"  ".to_vec()),
            ..Style::default()
        };
        write_styled(&mut out, &v, &style, 0);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": []\n}"
        );
        let v = parse_one(br#"{"a":null,"b":[1,"x"]}"#).expect("parses");
        let mut out = Vec::new();
        let style = Style {
            colors: Some(Colors::jq(None)),
            ..Style::default()
        };
        write_styled(&mut out, &v, &style, 0);
        // What jq 1.6 -C -c writes.
        let want = "\x1b[1;39m{\x1b[0m\x1b[34;1m\"a\"\x1b[0m\x1b[1;39m:\x1b[0m\x1b[1;30mnull\x1b[0m\x1b[1;39m,\x1b[0m\x1b[34;1m\"b\"\x1b[0m\x1b[1;39m:\x1b[0m\x1b[1;39m[\x1b[0;39m1\x1b[0m\x1b[1;39m,\x1b[0;32m\"x\"\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\x1b[1;39m\x1b[1;39m}\x1b[0m";
        assert_eq!(String::from_utf8_lossy(&out), want);
    }

    #[test]
    fn prefixes() {
        assert!(matches!(parse_prefix(b" {\"a\":1}\n2"), Prefix::Value(_, 8)));
        assert!(matches!(parse_prefix(b"  \n "), Prefix::Empty));
        assert!(matches!(parse_prefix(b"{\"a\":"), Prefix::Incomplete));
        assert!(matches!(parse_prefix(b"{\"a\" 1}"), Prefix::Invalid(_)));
    }
}
