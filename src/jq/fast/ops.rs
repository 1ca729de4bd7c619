//! The small operations the evaluator (`eval`) is built from, apart from its values:
//! jq's order of scalars, writing keys and `@csv`/`@tsv` cells, splitting a string,
//! reading an integer as `tonumber` does and counting codepoints.

use std::cmp::Ordering;

use jaq_json::{Num, Val};

use crate::jq::json;

/// An object key (contents, valid UTF-8) as JSON: copied between quotes when nothing
/// in it needs an escape, which is what keys usually are.
pub(super) fn key(out: &mut Vec<u8>, k: &[u8]) {
    if k.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f) {
        out.push(b'"');
        out.extend_from_slice(k);
        out.push(b'"');
    } else {
        json::write_str(out, k);
    }
}

/// A string in a row: `@csv` quotes it and doubles its quotes, `@tsv` escapes.
pub(super) fn row_str(s: &[u8], csv: bool, out: &mut Vec<u8>) {
    if csv {
        out.push(b'"');
        for &b in s {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        for &b in s {
            match b {
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\\' => out.extend_from_slice(b"\\\\"),
                _ => out.push(b),
            }
        }
    }
}

/// The pieces of `s` between the occurrences of `sep` (not empty), left to right.
pub(super) fn split(s: &[u8], sep: &[u8]) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + sep.len() <= s.len() {
        if &s[i..i + sep.len()] == sep {
            pieces.push((start, i));
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    pieces.push((start, s.len()));
    pieces
}

/// `tonumber` of a string of at most 18 digits, perhaps after a `-`: leading zeros
/// dropped, as jq's own number parser reads them (`"007"` is 7). Anything else (signs
/// on zero, points, exponents, spaces) is the interpreter's.
pub(super) fn integer(t: &[u8]) -> Option<Val> {
    let digits = t.strip_prefix(b"-").unwrap_or(t);
    let plain = !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit);
    let zero = digits.iter().all(|&d| d == b'0');
    if !plain || (zero && digits.len() < t.len()) {
        return None;
    }
    let i: i64 = std::str::from_utf8(t).ok()?.parse().ok()?;
    Some(Val::Num(Num::from_integral(i)))
}

/// The number of codepoints in UTF-8 text.
pub(super) fn chars(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A scalar as comparisons see it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a [u8]),
    /// Arrays and objects, known only by their rank (above every scalar).
    Arr,
    Obj,
}

impl Scalar<'_> {
    pub fn rank(&self) -> u8 {
        match self {
            Scalar::Null => 0,
            Scalar::Bool(false) => 1,
            Scalar::Bool(true) => 2,
            Scalar::Int(_) | Scalar::Float(_) => 3,
            Scalar::Str(_) => 4,
            Scalar::Arr => 5,
            Scalar::Obj => 6,
        }
    }

    fn float(&self) -> f64 {
        match *self {
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
            _ => 0.0,
        }
    }

    /// jq's order: null < false < true < numbers < strings.
    pub fn cmp(&self, other: &Scalar<'_>) -> Ordering {
        match (self, other) {
            (Scalar::Int(a), Scalar::Int(b)) => a.cmp(b),
            (Scalar::Str(a), Scalar::Str(b)) => a.cmp(b),
            _ if self.rank() != other.rank() => self.rank().cmp(&other.rank()),
            (a, b) if a.rank() == 3 => a.float().partial_cmp(&b.float()).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        }
    }
}
