//! The fast path: the filters people type most — `.a.b`, `select(.x > 5 and .y == "z")`,
//! `{id, user: .u.name, cents: (.amount * 100)}`, string builtins, arithmetic,
//! `if`, string interpolation, `@csv`, `del`, `=`, `|=`, `with_entries` and pipes of
//! those — run straight on the record's bytes, without building a jaq value of the
//! record or starting the interpreter.
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
//! The data flows through four files: `scan` (the record's bytes), `read` (the filter's
//! text into a plan), `eval` (the plan on a scanned record, with `ops` for its small
//! operations) and `tests`. `fold` is the one plan over a whole stream: `reduce inputs
//! as $e ({}; .[$e.k] += $e.v)` as a loop.

use super::Value;
use eval::{Cx, V};
use jaq_json::Val;

/// The fast path cannot answer for this record: use the interpreter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bail;

mod eval;
mod fold;
mod ops;
mod read;
mod scan;
#[cfg(test)]
mod tests;

pub(crate) use fold::Fold;
pub use scan::Scan;
pub(in crate::jq) use scan::object_members;

/// A filter in the fast path's terms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    expr: Expr,
}

/// The part of jq the fast path knows. Every expression has at most one output.
#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// `.`
    Identity,
    /// `.a.b`
    Path(Vec<Vec<u8>>),
    /// A number, `null`, `true` or `false` (numbers as the interpreter reads them).
    Lit(Val),
    /// A string literal's contents.
    Str(Vec<u8>),
    /// `a | b | c`
    Pipe(Vec<Expr>),
    Select(Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Op, Box<Expr>),
    /// `+ - * / %`, by its character.
    Arith(Box<Expr>, u8, Box<Expr>),
    /// `if c then a elif d then b else e end`
    If(Vec<(Expr, Expr)>, Box<Expr>),
    /// `{a, b: .c}`: each key's contents, its `"key":` text, and its value.
    Object(Vec<(Vec<u8>, Vec<u8>, Expr)>),
    /// `"text \(e) text"`: literal text (contents) before each interpolated part.
    Interp(Vec<(Vec<u8>, Option<Expr>)>),
    /// `[a, b] | @csv` (true) or `@tsv` (false).
    Row(bool, Vec<Expr>),
    Builtin(Builtin),
    /// `del(.k)`
    Del(Vec<u8>),
    /// `.k = e`
    Assign(Vec<u8>, Box<Expr>),
    /// `.k |= e`
    Update(Vec<u8>, Box<Expr>),
    /// `with_entries(f)`, also spelt `to_entries | map(f) | from_entries`.
    Entries(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
enum Builtin {
    Not,
    Upcase,
    Downcase,
    Length,
    ToString,
    ToJson,
    ToNumber,
    StartsWith(Vec<u8>),
    EndsWith(Vec<u8>),
    TrimStart(Vec<u8>),
    TrimEnd(Vec<u8>),
    /// `split(s) | .[i]`
    SplitIndex(Vec<u8>, i64),
    /// `test("re")`
    Test(Re),
    /// `capture("re")`
    Capture(Re),
    /// `sub("^lit"; "text")` for a regex that is plain text (letters, digits, `-`, `_`),
    /// perhaps anchored: where it matches is where the text is, so no regex engine is
    /// needed to agree with jaq's (regex-bites).
    Sub {
        lit: Vec<u8>,
        start: bool,
        end: bool,
        with: Vec<u8>,
    },
}

/// A regex as the interpreter compiles one without flags (`matching::compile`), with
/// its named groups.
#[derive(Debug, Clone)]
struct Re {
    re: regex::Regex,
    names: Vec<(usize, Vec<u8>)>,
}

impl Re {
    fn new(text: &[u8]) -> Option<Re> {
        let re = regex::RegexBuilder::new(std::str::from_utf8(text).ok()?).build().ok()?;
        let names = re
            .capture_names()
            .enumerate()
            .filter_map(|(i, n)| Some((i, n?.as_bytes().to_vec())))
            .collect();
        Some(Re { re, names })
    }
}

impl PartialEq for Re {
    fn eq(&self, other: &Re) -> bool {
        self.re.as_str() == other.re.as_str()
    }
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

impl Plan {
    /// The plan for a filter, if the fast path knows every part of it. `named` are the
    /// `--arg`-style variables, usable as literals.
    pub fn of(code: &str, named: &[(String, Value)]) -> Option<Plan> {
        read::plan(code, named).map(|expr| Plan { expr })
    }

    /// Runs the plan on a scanned record and appends its output (compact JSON; a
    /// string as its text when `text`). Returns None when there was no output (a
    /// `select` dropped the record), else whether the output is truthy (not null or
    /// false). On `Bail` nothing is appended.
    pub fn run(&self, bytes: &[u8], scan: &Scan, text: bool, out: &mut Vec<u8>) -> Result<Option<bool>, Bail> {
        let mark = out.len();
        let cx = Cx { bytes, scan };
        let written = cx.emit(&self.expr, &V::Record, text, out);
        if !matches!(written, Ok(Some(_))) {
            out.truncate(mark);
        }
        written
    }
}
