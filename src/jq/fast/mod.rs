//! The fast path: the filters people type most — `.a.b`, `select(.x > 5 and .y == "z")`,
//! `{id, user: .u.name}` and pipes of selects into one of those — run straight on the
//! record's bytes, without building a jaq value or starting the interpreter.
//!
//! A record is scanned once: the scan validates the whole document as strictly as the
//! JSON parser (so nothing invalid slips through) and notes where each top-level field's
//! value is and whether its bytes are already what jq would print (no whitespace, no
//! escapes, integers as jq writes them, no duplicate keys). Outputs copy those bytes;
//! anything else is written through the normal writer. Whenever the fast path is not
//! sure it would do exactly what jaq does — a document that is not an object, an escaped
//! key, a number in exponent form, a comparison with an array — it gives up on that
//! record (`Bail`) and the caller runs the interpreter instead, so the two paths can
//! never disagree: `tests::agrees_with_the_interpreter` checks that they do not.
//!
//! Over 700 lines (about 1,090 before its tests) because the scanner, the plan and
//! the reading of filter text into a plan must agree with jaq in every detail, and
//! are checked together against the interpreter.

use std::cmp::Ordering;

use super::Value;
use super::json;
use jaq_json::{Num, Val};

/// The fast path cannot answer for this record: use the interpreter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bail;

mod read;
mod scan;
#[cfg(test)]
mod tests;

use read::{Parser, lex};
pub use scan::Scan;
pub(crate) use scan::{Kind, Raw, write_raw};

// --- the filters the fast path knows -----------------------------------------------

/// A filter in the fast path's terms: selects, then what to output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    selects: Vec<Cond>,
    output: Output,
}

#[derive(Debug, Clone, PartialEq)]
enum Output {
    /// `.` (also what is left after only selects).
    Identity,
    /// `.a.b`.
    Path(Vec<Vec<u8>>),
    /// `{a, b: .c.d, "e": 1}`: each entry's `"key":` text and its value.
    Object(Vec<(Vec<u8>, Operand)>),
}

#[derive(Debug, Clone, PartialEq)]
enum Cond {
    Or(Box<Cond>, Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Compare(Operand, Op, Operand),
    Truthy(Operand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    /// A path (empty: `.`).
    Path(Vec<Vec<u8>>),
    Lit(Lit),
    /// A parenthesised condition, as a boolean.
    Cond(Box<Cond>),
}

#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// The string's bytes, and its JSON text.
    Str(Vec<u8>, Vec<u8>),
}

/// A scalar as comparisons see it.
#[derive(Debug, Clone, Copy)]
enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a [u8]),
}

impl Scalar<'_> {
    fn rank(&self) -> u8 {
        match self {
            Scalar::Null => 0,
            Scalar::Bool(false) => 1,
            Scalar::Bool(true) => 2,
            Scalar::Int(_) | Scalar::Float(_) => 3,
            Scalar::Str(_) => 4,
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
    fn cmp(&self, other: &Scalar<'_>) -> Ordering {
        match (self, other) {
            (Scalar::Int(a), Scalar::Int(b)) => a.cmp(b),
            (Scalar::Str(a), Scalar::Str(b)) => a.cmp(b),
            _ if self.rank() != other.rank() => self.rank().cmp(&other.rank()),
            (a, b) if a.rank() == 3 => a.float().partial_cmp(&b.float()).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        }
    }
}

/// The scalar at `raw`; arrays, objects and strings with escapes bail.
fn scalar<'a>(bytes: &'a [u8], raw: Option<Raw>) -> Result<Scalar<'a>, Bail> {
    let Some(r) = raw else { return Ok(Scalar::Null) };
    Ok(match r.kind {
        Kind::Null => Scalar::Null,
        Kind::False => Scalar::Bool(false),
        Kind::True => Scalar::Bool(true),
        Kind::Num => number(&bytes[r.start..r.end])?,
        Kind::Str if r.canonical => Scalar::Str(&bytes[r.start + 1..r.end - 1]),
        _ => return Err(Bail),
    })
}

/// A JSON number's text as jaq holds it: an integer when it is one, else a double.
fn number(text: &[u8]) -> Result<Scalar<'static>, Bail> {
    let s = std::str::from_utf8(text).map_err(|_| Bail)?;
    if let Ok(i) = s.parse::<i64>() {
        return Ok(Scalar::Int(i));
    }
    if !s.contains('.') {
        // An integer beyond i64 is a big integer to jaq, compared exactly.
        return Err(Bail);
    }
    s.parse::<f64>().map(Scalar::Float).map_err(|_| Bail)
}

impl Plan {
    /// The plan for a filter, if the fast path knows every part of it. `named` are the
    /// `--arg`-style variables, usable as literals.
    pub fn of(code: &str, named: &[(String, Value)]) -> Option<Plan> {
        let tokens = lex(code)?;
        let mut p = Parser {
            t: &tokens,
            i: 0,
            named,
        };
        let plan = p.pipeline()?;
        (p.i == tokens.len()).then_some(plan)
    }

    /// Runs the plan on a scanned record and appends its output (compact JSON; a
    /// string as its text when `text`). Returns None when the record was not selected,
    /// else whether the output is truthy (not null or false).
    pub fn run(&self, bytes: &[u8], scan: &Scan, text: bool, out: &mut Vec<u8>) -> Result<Option<bool>, Bail> {
        for c in &self.selects {
            if !cond(bytes, scan, c)? {
                return Ok(None);
            }
        }
        let mark = out.len();
        let written = match &self.output {
            Output::Identity => write_raw(bytes, Some(scan.whole(bytes)), text, out).map(|()| true),
            Output::Path(p) => {
                let raw = scan.lookup(bytes, p)?;
                write_raw(bytes, raw, text, out)
                    .map(|()| !matches!(raw.map(|r| r.kind), None | Some(Kind::Null | Kind::False)))
            }
            Output::Object(entries) => {
                out.push(b'{');
                let mut result = Ok(());
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(key);
                    result = operand_json(bytes, scan, value, out);
                    if result.is_err() {
                        break;
                    }
                }
                out.push(b'}');
                result.map(|()| true)
            }
        };
        if written.is_err() {
            out.truncate(mark);
        }
        written.map(Some)
    }
}

fn operand_json(bytes: &[u8], scan: &Scan, o: &Operand, out: &mut Vec<u8>) -> Result<(), Bail> {
    match o {
        Operand::Path(p) => write_raw(bytes, scan.lookup(bytes, p)?, false, out),
        Operand::Lit(l) => {
            match l {
                Lit::Null => out.extend_from_slice(b"null"),
                Lit::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
                Lit::Int(i) => out.extend_from_slice(itoa::Buffer::new().format(*i).as_bytes()),
                Lit::Float(f) => json::write_f64(out, *f),
                Lit::Str(_, json) => out.extend_from_slice(json),
            }
            Ok(())
        }
        Operand::Cond(c) => {
            let b = cond(bytes, scan, c)?;
            out.extend_from_slice(if b { b"true" } else { b"false" });
            Ok(())
        }
    }
}
fn cond(bytes: &[u8], scan: &Scan, c: &Cond) -> Result<bool, Bail> {
    Ok(match c {
        Cond::Or(a, b) => cond(bytes, scan, a)? || cond(bytes, scan, b)?,
        Cond::And(a, b) => cond(bytes, scan, a)? && cond(bytes, scan, b)?,
        Cond::Truthy(o) => match o {
            Operand::Path(p) => !matches!(
                scan.lookup(bytes, p)?.map(|r| r.kind),
                None | Some(Kind::Null | Kind::False)
            ),
            Operand::Lit(l) => !matches!(l, Lit::Null | Lit::Bool(false)),
            Operand::Cond(c) => cond(bytes, scan, c)?,
        },
        Cond::Compare(a, op, b) => {
            let x = operand_scalar(bytes, scan, a)?;
            let y = operand_scalar(bytes, scan, b)?;
            let o = x.cmp(&y);
            match op {
                Op::Eq => o == Ordering::Equal,
                Op::Ne => o != Ordering::Equal,
                Op::Lt => o == Ordering::Less,
                Op::Le => o != Ordering::Greater,
                Op::Gt => o == Ordering::Greater,
                Op::Ge => o != Ordering::Less,
            }
        }
    })
}

fn operand_scalar<'a>(bytes: &'a [u8], scan: &Scan, o: &'a Operand) -> Result<Scalar<'a>, Bail> {
    match o {
        Operand::Path(p) => scalar(bytes, scan.lookup(bytes, p)?),
        Operand::Lit(Lit::Null) => Ok(Scalar::Null),
        Operand::Lit(Lit::Bool(b)) => Ok(Scalar::Bool(*b)),
        Operand::Lit(Lit::Int(i)) => Ok(Scalar::Int(*i)),
        Operand::Lit(Lit::Float(f)) => Ok(Scalar::Float(*f)),
        Operand::Lit(Lit::Str(s, _)) => Ok(Scalar::Str(s)),
        Operand::Cond(c) => cond(bytes, scan, c).map(Scalar::Bool),
    }
}
