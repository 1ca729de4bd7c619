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

/// What a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    False,
    True,
    Num,
    Str,
    Arr,
    Obj,
}

/// Where a value is in the record, and whether its bytes are what jq would print.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub canonical: bool,
}

#[derive(Debug, Clone, Copy)]
struct Field {
    key: (usize, usize),
    value: Raw,
}

/// One scanned document: a top-level object and its fields, in order.
#[derive(Debug, Default)]
pub struct Scan {
    fields: Vec<Field>,
    /// The whole object.
    start: usize,
    end: usize,
    canonical: bool,
    /// Some key has escapes, so looking keys up by their bytes could miss.
    escaped_keys: bool,
}

impl Scan {
    /// Scans the object that starts at `bytes[at]`; the scan then says where it ends.
    pub fn object_at(&mut self, bytes: &[u8], at: usize) -> Result<(), Bail> {
        self.fields.clear();
        self.escaped_keys = false;
        self.start = at;
        let mut s = Scanner {
            b: bytes,
            i: at,
            canon: true,
            depth: 0,
        };
        s.top_object(&mut self.fields, &mut self.escaped_keys)?;
        self.end = s.i;
        // Duplicate keys are looked for only when the whole object is output (`whole`).
        self.canonical = s.canon && !self.escaped_keys;
        Ok(())
    }

    /// Scans a whole record: one object, whitespace around it allowed.
    pub fn record(&mut self, bytes: &[u8]) -> Result<(), Bail> {
        let at = bytes.iter().position(|b| !is_ws(*b)).ok_or(Bail)?;
        self.object_at(bytes, at)?;
        if bytes[self.end..].iter().all(|b| is_ws(*b)) {
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Where the scanned object ends.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The whole object as a value.
    fn whole(&self, bytes: &[u8]) -> Raw {
        Raw {
            kind: Kind::Obj,
            start: self.start,
            end: self.end,
            canonical: self.canonical && !duplicates(bytes, &self.fields),
        }
    }

    /// The value at `path` (None: null, as jq gives for a missing key).
    pub(crate) fn lookup(&self, bytes: &[u8], path: &[Vec<u8>]) -> Result<Option<Raw>, Bail> {
        let Some((first, rest)) = path.split_first() else {
            return Ok(Some(self.whole(bytes)));
        };
        if self.escaped_keys {
            return Err(Bail);
        }
        let mut current = find(bytes, &self.fields, first);
        for key in rest {
            match current {
                None => return Ok(None),
                Some(r) if r.kind == Kind::Null => return Ok(None),
                Some(r) if r.kind == Kind::Obj => current = member(bytes, r.start, key)?,
                // jq fails on indexing anything else: let the interpreter say how.
                Some(_) => return Err(Bail),
            }
        }
        Ok(current)
    }
}

/// The last member named `key` of the object at `bytes[at]`, walked without keeping
/// its fields (this runs per record for paths like `.value.amount`).
fn member(bytes: &[u8], at: usize, key: &[u8]) -> Result<Option<Raw>, Bail> {
    let mut s = Scanner {
        b: bytes,
        i: at,
        canon: true,
        depth: 0,
    };
    let (mut found, mut escaped_keys) = (None, false);
    s.members(|s, k, escaped, value| {
        escaped_keys |= escaped;
        if &s.b[k.0..k.1] == key {
            found = Some(value);
        }
    })?;
    // An escaped key might spell `key` too: the interpreter decides.
    if escaped_keys { Err(Bail) } else { Ok(found) }
}

/// The last field named `key` (jq keeps the last of duplicate keys).
fn find(bytes: &[u8], fields: &[Field], key: &[u8]) -> Option<Raw> {
    fields
        .iter()
        .rev()
        .find(|f| f.key.1 - f.key.0 == key.len() && &bytes[f.key.0..f.key.1] == key)
        .map(|f| f.value)
}

/// Whether two fields share a key. Only small objects are checked; larger ones are
/// taken as not canonical, which is always safe.
fn duplicates(bytes: &[u8], fields: &[Field]) -> bool {
    if fields.len() > 32 {
        return true;
    }
    for (i, a) in fields.iter().enumerate() {
        let ka = &bytes[a.key.0..a.key.1];
        if fields[i + 1..].iter().any(|b| &bytes[b.key.0..b.key.1] == ka) {
            return true;
        }
    }
    false
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Nesting beyond this is left to the parser (serde_json stops at 128).
const MAX_DEPTH: u32 = 100;

/// A validating walk over JSON bytes that tracks whether they are canonical.
struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    /// No byte so far differs from what jq would write.
    canon: bool,
    depth: u32,
}

impl Scanner<'_> {
    #[inline]
    fn peek(&self) -> Result<u8, Bail> {
        self.b.get(self.i).copied().ok_or(Bail)
    }

    #[inline(always)]
    fn ws(&mut self) {
        // Compact JSON has no whitespace: one comparison (every whitespace byte is at
        // most a space) settles the usual case.
        if self.b.get(self.i).is_some_and(|&c| c <= b' ') {
            self.ws_slow();
        }
    }

    #[inline(never)]
    fn ws_slow(&mut self) {
        while self.i < self.b.len() && is_ws(self.b[self.i]) {
            self.canon = false;
            self.i += 1;
        }
    }

    #[inline]
    fn expect(&mut self, c: u8) -> Result<(), Bail> {
        if self.peek()? == c {
            self.i += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    #[inline]
    fn value(&mut self) -> Result<Kind, Bail> {
        match self.peek()? {
            b'{' => self.object().map(|()| Kind::Obj),
            b'[' => self.array().map(|()| Kind::Arr),
            b'"' => self.string().map(|_| Kind::Str),
            b'-' | b'0'..=b'9' => self.number().map(|()| Kind::Num),
            b't' => self.literal(b"true", Kind::True),
            b'f' => self.literal(b"false", Kind::False),
            b'n' => self.literal(b"null", Kind::Null),
            _ => Err(Bail),
        }
    }

    fn literal(&mut self, word: &[u8], kind: Kind) -> Result<Kind, Bail> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(kind)
        } else {
            Err(Bail)
        }
    }

    /// A string; returns whether it had escapes. Its bytes must be UTF-8.
    #[inline]
    fn string(&mut self) -> Result<bool, Bail> {
        // Most strings are nothing but plain ASCII: one tight loop, then the quote.
        let b = self.b;
        let start = self.i + 1;
        let mut i = start;
        while i < b.len() && CLASS[b[i] as usize] == PLAIN {
            i += 1;
        }
        if i < b.len() && b[i] == b'"' {
            self.i = i + 1;
            return Ok(false);
        }
        self.i = i;
        self.string_rest(start)
    }

    /// The rest of a string that has escapes, non-ASCII bytes or DEL (or is cut off).
    #[inline(never)]
    fn string_rest(&mut self, start: usize) -> Result<bool, Bail> {
        let mut escaped = false;
        let mut high = false;
        loop {
            let c = self.peek()?;
            match CLASS[c as usize] {
                PLAIN => self.i += 1,
                QUOTE => break,
                BACKSLASH => {
                    escaped = true;
                    self.canon = false;
                    self.escape()?;
                }
                HIGH => {
                    high = true;
                    self.i += 1;
                }
                DEL => {
                    self.canon = false;
                    self.i += 1;
                }
                _ => return Err(Bail),
            }
        }
        if high && std::str::from_utf8(&self.b[start..self.i]).is_err() {
            return Err(Bail);
        }
        self.i += 1;
        Ok(escaped)
    }

    fn escape(&mut self) -> Result<(), Bail> {
        self.i += 1;
        match self.peek()? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.i += 1;
                Ok(())
            }
            b'u' => {
                let hex = self.b.get(self.i + 1..self.i + 5).ok_or(Bail)?;
                let text = std::str::from_utf8(hex).map_err(|_| Bail)?;
                let code = u16::from_str_radix(text, 16).map_err(|_| Bail)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) || (0xD800..=0xDFFF).contains(&code) {
                    // Surrogates (paired or not) are the parser's business.
                    return Err(Bail);
                }
                self.i += 5;
                Ok(())
            }
            _ => Err(Bail),
        }
    }

    /// A number as JSON has them. Canonical: an integer without a sign on zero and with
    /// at most 18 digits, which jq prints as it is. Exponents are left to the parser
    /// (they can be out of range).
    #[inline]
    fn number(&mut self) -> Result<(), Bail> {
        let start = self.i;
        let negative = self.b[self.i] == b'-';
        if negative {
            self.i += 1;
        }
        let int_start = self.i;
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits(),
            _ => return Err(Bail),
        }
        let digits = self.i - int_start;
        if digits > 300 {
            return Err(Bail);
        }
        let mut plain = digits <= 18 && !(negative && self.b[int_start] == b'0');
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let frac = self.i;
            self.digits();
            if self.i == frac {
                return Err(Bail);
            }
            plain = false;
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            return Err(Bail);
        }
        if !plain {
            self.canon = false;
        }
        debug_assert!(self.i > start);
        Ok(())
    }

    /// Skips a run of digits.
    #[inline]
    fn digits(&mut self) {
        let rest = &self.b[self.i..];
        self.i += rest.iter().position(|c| !c.is_ascii_digit()).unwrap_or(rest.len());
    }

    fn array(&mut self) -> Result<(), Bail> {
        self.enter()?;
        self.i += 1;
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            self.value()?;
            if self.closed(b']')? {
                return Ok(());
            }
        }
    }

    /// After a member: a comma (false: more follow) or the closing `close` (true).
    fn closed(&mut self, close: u8) -> Result<bool, Bail> {
        self.ws();
        let c = self.peek()?;
        self.i += 1;
        if c == b',' {
            self.ws();
            Ok(false)
        } else if c == close {
            self.depth -= 1;
            Ok(true)
        } else {
            Err(Bail)
        }
    }

    fn enter(&mut self) -> Result<(), Bail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH { Err(Bail) } else { Ok(()) }
    }

    /// A nested object: validated, with duplicate keys making it not canonical.
    fn object(&mut self) -> Result<(), Bail> {
        let mut keys = [(0usize, 0usize); 16];
        let mut n = 0;
        self.members(|s, key, _escaped, _value| {
            if n == keys.len() {
                s.canon = false;
            } else {
                let k = &s.b[key.0..key.1];
                if keys[..n].iter().any(|&(a, b)| &s.b[a..b] == k) {
                    s.canon = false;
                }
                keys[n] = key;
                n += 1;
            }
        })
    }

    /// The top-level object: its fields are kept.
    fn top_object(&mut self, fields: &mut Vec<Field>, escaped_keys: &mut bool) -> Result<(), Bail> {
        if self.peek()? != b'{' {
            return Err(Bail);
        }
        // Keys with escapes make the object not canonical; lookups must know too.
        self.members(|_, key, escaped, value| {
            *escaped_keys |= escaped;
            fields.push(Field { key, value });
        })
    }

    /// The members of an object at `b[i]` (an opening brace), each handed to `each`
    /// with its key's bytes (without quotes) and its value.
    fn members(&mut self, mut each: impl FnMut(&mut Self, (usize, usize), bool, Raw)) -> Result<(), Bail> {
        self.enter()?;
        self.i += 1;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            if self.peek()? != b'"' {
                return Err(Bail);
            }
            let key_start = self.i + 1;
            let escaped = self.string()?;
            let key = (key_start, self.i - 1);
            self.ws();
            self.expect(b':')?;
            self.ws();
            let outer = self.canon;
            self.canon = true;
            let start = self.i;
            let kind = self.value()?;
            let value = Raw {
                kind,
                start,
                end: self.i,
                canonical: self.canon,
            };
            self.canon &= outer;
            each(self, key, escaped, value);
            if self.closed(b'}')? {
                return Ok(());
            }
        }
    }
}

const PLAIN: u8 = 0;
const QUOTE: u8 = 1;
const BACKSLASH: u8 = 2;
const CONTROL: u8 = 3;
const HIGH: u8 = 4;
const DEL: u8 = 5;

const fn classes() -> [u8; 256] {
    let mut t = [PLAIN; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if i < 0x20 {
            CONTROL
        } else if i == 0x7f {
            DEL
        } else if i >= 0x80 {
            HIGH
        } else {
            PLAIN
        };
        i += 1;
    }
    t[b'"' as usize] = QUOTE;
    t[b'\\' as usize] = BACKSLASH;
    t
}

/// What each byte means inside a string.
static CLASS: [u8; 256] = classes();

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

/// Appends a value as `jq -c` writes it (or, for a string when `text`, its text):
/// canonical bytes as they are, anything else through the parser and writer.
pub(crate) fn write_raw(bytes: &[u8], raw: Option<Raw>, text: bool, out: &mut Vec<u8>) -> Result<(), Bail> {
    let Some(r) = raw else {
        out.extend_from_slice(b"null");
        return Ok(());
    };
    if r.canonical {
        if text && r.kind == Kind::Str {
            out.extend_from_slice(&bytes[r.start + 1..r.end - 1]);
        } else {
            out.extend_from_slice(&bytes[r.start..r.end]);
        }
        return Ok(());
    }
    let v = json::parse_one(&bytes[r.start..r.end]).map_err(|_| Bail)?;
    match &v {
        Val::TStr(s) | Val::BStr(s) if text => out.extend_from_slice(s),
        _ => json::write_compact(out, &v),
    }
    Ok(())
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

// --- reading the filter --------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `.` alone.
    Dot,
    /// A path `.a.b` (or `."a"`), written without spaces.
    Path(Vec<Vec<u8>>),
    Ident(String),
    Var(String),
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Op(Op),
    Punct(u8),
}

/// Words that are not field names in jq.
const KEYWORDS: [&str; 18] = [
    "and", "or", "not", "if", "then", "elif", "else", "end", "as", "def", "reduce", "foreach", "try", "catch", "label",
    "import", "include", "__loc__",
];

fn ident(code: &[u8], i: &mut usize) -> Option<String> {
    let start = *i;
    if !code.get(*i).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
        return None;
    }
    while code.get(*i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        *i += 1;
    }
    String::from_utf8(code[start..*i].to_vec()).ok()
}

/// A plain string literal: no escapes, no interpolation.
fn string_lit(code: &[u8], i: &mut usize) -> Option<Vec<u8>> {
    *i += 1;
    let start = *i;
    while *i < code.len() && code[*i] != b'"' {
        if code[*i] == b'\\' || code[*i] < 0x20 || code[*i] == 0x7f {
            return None;
        }
        *i += 1;
    }
    (*i < code.len()).then(|| {
        *i += 1;
        code[start..*i - 1].to_vec()
    })
}

fn lex(code: &str) -> Option<Vec<Token>> {
    let code = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'.' => {
                let mut path = Vec::new();
                while code.get(i) == Some(&b'.') {
                    match code.get(i + 1) {
                        Some(b'"') => {
                            i += 1;
                            path.push(string_lit(code, &mut i)?);
                        }
                        Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {
                            i += 1;
                            let name = ident(code, &mut i)?;
                            if KEYWORDS.contains(&name.as_str()) {
                                return None;
                            }
                            path.push(name.into_bytes());
                        }
                        _ if path.is_empty() => {
                            i += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                // `.[`, `.?`, `..` and friends are the interpreter's.
                if matches!(code.get(i), Some(b'[' | b'?' | b'.')) {
                    return None;
                }
                out.push(if path.is_empty() { Token::Dot } else { Token::Path(path) });
            }
            b'"' => out.push(Token::Str(string_lit(code, &mut i)?)),
            b'$' => {
                i += 1;
                out.push(Token::Var(ident(code, &mut i)?));
            }
            b'0'..=b'9' => {
                let start = i;
                while code.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                let mut float = false;
                if code.get(i) == Some(&b'.') && code.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    float = true;
                    i += 1;
                    while code.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                }
                if code
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_')
                {
                    return None;
                }
                let text = std::str::from_utf8(&code[start..i]).ok()?;
                out.push(if float {
                    Token::Float(text.parse().ok()?)
                } else {
                    Token::Int(text.parse().ok()?)
                });
            }
            b'=' | b'!' | b'<' | b'>' => {
                let next = code.get(i + 1).copied();
                let (op, len) = match (c, next) {
                    (b'=', Some(b'=')) => (Op::Eq, 2),
                    (b'!', Some(b'=')) => (Op::Ne, 2),
                    (b'<', Some(b'=')) => (Op::Le, 2),
                    (b'>', Some(b'=')) => (Op::Ge, 2),
                    (b'<', _) => (Op::Lt, 1),
                    (b'>', _) => (Op::Gt, 1),
                    _ => return None,
                };
                i += len;
                out.push(Token::Op(op));
            }
            b'|' | b'(' | b')' | b'{' | b'}' | b',' | b':' => {
                // `|=` and `//` and friends are not ours.
                if c == b'|' && code.get(i + 1) == Some(&b'=') {
                    return None;
                }
                i += 1;
                out.push(Token::Punct(c));
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => out.push(Token::Ident(ident(code, &mut i)?)),
            _ => return None,
        }
    }
    Some(out)
}

struct Parser<'a> {
    t: &'a [Token],
    i: usize,
    named: &'a [(String, Value)],
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.t.get(self.i)
    }

    fn eat(&mut self, t: &Token) -> bool {
        if self.peek() == Some(t) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn pipeline(&mut self) -> Option<Plan> {
        let mut selects = Vec::new();
        loop {
            if self.eat(&Token::Ident("select".into())) {
                if !self.eat(&Token::Punct(b'(')) {
                    return None;
                }
                selects.push(self.or()?);
                if !self.eat(&Token::Punct(b')')) {
                    return None;
                }
                if self.eat(&Token::Punct(b'|')) {
                    continue;
                }
                return Some(Plan {
                    selects,
                    output: Output::Identity,
                });
            }
            let output = match self.peek()? {
                Token::Dot => {
                    self.i += 1;
                    Output::Identity
                }
                Token::Path(p) => {
                    let p = p.clone();
                    self.i += 1;
                    Output::Path(p)
                }
                Token::Punct(b'{') => self.object()?,
                _ => return None,
            };
            return Some(Plan { selects, output });
        }
    }

    fn object(&mut self) -> Option<Output> {
        self.i += 1;
        let mut entries: Vec<(Vec<u8>, Operand)> = Vec::new();
        let mut names: Vec<Vec<u8>> = Vec::new();
        loop {
            let (name, shorthand) = match self.peek()? {
                Token::Ident(n) if !KEYWORDS.contains(&n.as_str()) => (n.clone().into_bytes(), true),
                Token::Str(s) => (s.clone(), false),
                _ => return None,
            };
            self.i += 1;
            let value = if self.eat(&Token::Punct(b':')) {
                // A path, a literal or a parenthesised condition (anything else, say
                // `.a + 1`, needs parentheses in jq and is the interpreter's).
                self.operand()?
            } else if shorthand {
                Operand::Path(vec![name.clone()])
            } else {
                return None;
            };
            // A repeated key would keep its first place but its last value.
            if names.contains(&name) {
                return None;
            }
            let mut key = Vec::new();
            json::write_str(&mut key, &name);
            key.push(b':');
            names.push(name);
            entries.push((key, value));
            if self.eat(&Token::Punct(b'}')) {
                return Some(Output::Object(entries));
            }
            if !self.eat(&Token::Punct(b',')) {
                return None;
            }
        }
    }

    fn or(&mut self) -> Option<Cond> {
        let mut left = self.and()?;
        while self.eat(&Token::Ident("or".into())) {
            let right = self.and()?;
            left = Cond::Or(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn and(&mut self) -> Option<Cond> {
        let mut left = self.compare()?;
        while self.eat(&Token::Ident("and".into())) {
            let right = self.compare()?;
            left = Cond::And(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn compare(&mut self) -> Option<Cond> {
        let left = self.operand()?;
        if let Some(Token::Op(op)) = self.peek() {
            let op = *op;
            self.i += 1;
            let right = self.operand()?;
            // `a < b < c` does not parse in jq.
            if matches!(self.peek(), Some(Token::Op(_))) {
                return None;
            }
            return Some(Cond::Compare(left, op, right));
        }
        Some(match left {
            Operand::Cond(c) => *c,
            other => Cond::Truthy(other),
        })
    }

    fn operand(&mut self) -> Option<Operand> {
        let t = self.peek()?.clone();
        self.i += 1;
        Some(match t {
            Token::Dot => Operand::Path(Vec::new()),
            Token::Path(p) => Operand::Path(p),
            Token::Int(i) => Operand::Lit(Lit::Int(i)),
            Token::Float(f) => Operand::Lit(Lit::Float(f)),
            Token::Str(s) => {
                let mut text = Vec::new();
                json::write_str(&mut text, &s);
                Operand::Lit(Lit::Str(s, text))
            }
            Token::Ident(w) => match w.as_str() {
                "null" => Operand::Lit(Lit::Null),
                "true" => Operand::Lit(Lit::Bool(true)),
                "false" => Operand::Lit(Lit::Bool(false)),
                _ => return None,
            },
            Token::Var(name) => Operand::Lit(self.variable(&name)?),
            Token::Punct(b'(') => {
                let c = self.or()?;
                if !self.eat(&Token::Punct(b')')) {
                    return None;
                }
                Operand::Cond(Box::new(c))
            }
            _ => return None,
        })
    }

    /// A `--arg`-style variable holding a scalar, as a literal.
    fn variable(&self, name: &str) -> Option<Lit> {
        let (_, v) = self.named.iter().rev().find(|(n, _)| n == name)?;
        Some(match &v.0 {
            Val::Null => Lit::Null,
            Val::Bool(b) => Lit::Bool(*b),
            Val::Num(Num::Int(i)) => Lit::Int(i64::try_from(*i).ok()?),
            Val::Num(Num::Float(f)) => Lit::Float(*f),
            Val::TStr(s) if std::str::from_utf8(s).is_ok() => {
                let mut text = Vec::new();
                json::write_str(&mut text, s);
                Lit::Str(s.to_vec(), text)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Filter;
    use super::*;

    /// Output of the interpreter, as `jq -c` would write it (None: an error).
    fn slow(f: &Filter, input: &[u8], text: bool) -> Option<Vec<u8>> {
        super::super::interpreted(f, input, text, b"\n").ok()
    }

    fn fast(plan: &Plan, input: &[u8], text: bool) -> Result<Vec<u8>, Bail> {
        let mut scan = Scan::default();
        scan.record(input)?;
        let mut out = Vec::new();
        if plan.run(input, &scan, text, &mut out)?.is_some() {
            out.push(b'\n');
        }
        Ok(out)
    }

    const FILTERS: &[&str] = &[
        ".",
        ".a",
        ".a.b",
        ".\"a\"",
        ".user",
        "select(.amount > 500)",
        "select(.amount > 500) | {id, user}",
        "select(.a == 1)",
        "select(.a != 1)",
        "select(.a < \"m\")",
        "select(.a >= 2.5)",
        "select(.a <= null)",
        "select(.a == true or .b == false)",
        "select(.a and .b)",
        "select((.a > 1) == true)",
        "select(.a.b == \"x\") | .c",
        "select(.a > 1) | select(.b < 3) | .a",
        "{a, b: .c.d, \"e f\": 1, g: \"s\", h: null, i: 2.5}",
        "select(.a == $x)",
        "{x: $x, a}",
        ".b",
        "select(.)",
        "select(. == 1)",
        "{a: (.b > 1)}",
    ];

    const INPUTS: &[&str] = &[
        r#"{"a":1,"b":2}"#,
        r#"{"a":600,"amount":600,"id":7,"user":"u1"}"#,
        r#"{"amount":500,"id":7,"user":"u1"}"#,
        r#"{"amount":"x","id":[1,2],"user":{"n":1}}"#,
        r#"{ "a" : 1 , "b" : [1, 2] }"#,
        r#"{"a":"a\"b","b":"\u00e9"}"#,
        r#"{"a":"é","b":"\u007f","c":"x"}"#,
        r#"{"a":1,"a":2}"#,
        r#"{"a":{"b":"x","b":"y"},"c":3}"#,
        r#"{"a":{"b":"x"},"c":{"d":[{},[]]}}"#,
        r#"{"a":null,"b":false}"#,
        r#"{"a":true,"b":true}"#,
        r#"{"a":1.0,"b":-0,"c":1e2,"d":2.50}"#,
        r#"{"a":12345678901234567890,"b":123456789012345678}"#,
        r#"{"a":2.5,"b":"m"}"#,
        r#"{"a":"l","b":"n"}"#,
        r#"{"a\u0062":1,"b":2}"#,
        r#"{"a":{"b":"x"}}"#,
        r#"{"a":{"b":1},"c":null}"#,
        r#"{"a":[1],"c":"z"}"#,
        r#"{"a":"\ud83d\ude00"}"#,
        r#"{"a":"DEL"}"#,
        r#"{}"#,
        "[1,2]",
        "1",
        "\"s\"",
        "null",
        r#"{"a":}"#,
        r#"{"a":1"#,
        r#"{"a":01}"#,
        r#"{"a":1.}"#,
        "{\"a\":\"\x01\"}",
        r#"{"a":1} x"#,
        r#"{"a":"x","c":{"d":1}}"#,
        r#"{"a":{"b":2},"b":{"x":1}}"#,
    ];

    #[test]
    fn agrees_with_the_interpreter() {
        let named = vec![("x".to_string(), Value::string("u1"))];
        let mut answered = 0;
        for code in FILTERS {
            let plan = Plan::of(code, &named).unwrap_or_else(|| panic!("no plan for {code}"));
            let filter = Filter::compile(code, &named, Vec::new()).expect("compiles");
            for input in INPUTS {
                for text in [false, true] {
                    let expected = slow(&filter, input.as_bytes(), text);
                    if let Ok(got) = fast(&plan, input.as_bytes(), text) {
                        answered += 1;
                        assert_eq!(
                            Some(String::from_utf8_lossy(&got).into_owned()),
                            expected.map(|e| String::from_utf8_lossy(&e).into_owned()),
                            "{code} on {input} (text {text})"
                        );
                    }
                }
            }
        }
        // Most of these records are ordinary: the fast path must answer for them.
        let total = FILTERS.len() * INPUTS.len() * 2;
        assert!(answered * 5 > total * 2, "the fast path answered {answered} of {total}");
    }

    /// Pieces of records: values and keys of every awkward kind.
    const VALUES: &[&str] = &[
        "1",
        "600",
        "500",
        "-0",
        "0",
        "2.5",
        "1.0",
        "1e2",
        "-7",
        "123456789012345678",
        "99999999999999999999",
        "\"u1\"",
        "\"m\"",
        "\"a\\\"b\"",
        "\"\\u00e9\"",
        "\"é\"",
        "\"\u{7f}\"",
        "null",
        "true",
        "false",
        "[]",
        "[1, 2]",
        "{}",
        "{\"b\":\"x\"}",
        "{\"b\": 1}",
        "{\"b\":1,\"b\":2}",
        "{\"b\":{\"c\":null}}",
    ];
    const KEYS: &[&str] = &["a", "b", "c", "amount", "id", "user", "a\\u0062"];

    thread_local! {
        /// The filters, compiled once for all generated cases.
        static COMPILED: Vec<(&'static str, Plan, Filter)> = {
            let named = vec![("x".to_string(), Value::string("u1"))];
            FILTERS
                .iter()
                .map(|code| {
                    let plan = Plan::of(code, &named).expect("plan");
                    (*code, plan, Filter::compile(code, &named, Vec::new()).expect("compiles"))
                })
                .collect()
        };
    }

    proptest::proptest! {
        #[test]
        fn agrees_on_generated_records(
            fields in proptest::collection::vec((0..KEYS.len(), 0..VALUES.len()), 0..6),
            spaced in proptest::bool::ANY,
        ) {
            let sep = if spaced { ", " } else { "," };
            let body: Vec<String> = fields
                .iter()
                .map(|&(k, v)| format!("\"{}\":{}", KEYS[k], VALUES[v]))
                .collect();
            let input = format!("{{{}}}", body.join(sep));
            let disagreement = COMPILED.with(|compiled| {
                for (code, plan, filter) in compiled {
                    for text in [false, true] {
                        if let Ok(got) = fast(plan, input.as_bytes(), text) {
                            let got = Some(String::from_utf8_lossy(&got).into_owned());
                            let expected = slow(filter, input.as_bytes(), text)
                                .map(|e| String::from_utf8_lossy(&e).into_owned());
                            if got != expected {
                                return Some(format!("{code} on {input} (text {text}): {got:?} != {expected:?}"));
                            }
                        }
                    }
                }
                None
            });
            proptest::prop_assert!(disagreement.is_none(), "{}", disagreement.unwrap_or_default());
        }
    }

    #[test]
    fn the_common_cases_stay_fast() {
        let plan = Plan::of("select(.amount > 500) | {id, user}", &[]).expect("plan");
        let input = br#"{"id":1,"user":"u654","amount":614,"country":"de"}"#;
        assert_eq!(
            fast(&plan, input, false).expect("fast"),
            b"{\"id\":1,\"user\":\"u654\"}\n"
        );
        let input = br#"{"id":1,"user":"u654","amount":14,"country":"de"}"#;
        assert_eq!(fast(&plan, input, false).expect("fast"), b"");
        let plan = Plan::of(".country", &[]).expect("plan");
        // Whitespace inside a record does not stop a projection.
        let input = br#"{ "country" : "de" }"#;
        assert_eq!(fast(&plan, input, true).expect("fast"), b"de\n");
    }

    #[test]
    fn unknown_filters_have_no_plan() {
        for code in [
            ".[0]",
            ".a?",
            "..",
            ".a + 1",
            "map(.a)",
            "select(.a | not)",
            "{(.a): 1}",
            ".a | .b",
            "select(.a > 1) | .b | .c",
            "\"\\(.a)\"",
            "{a: .b, a: .c}",
            "select(.a > 1 > 2)",
            "# comment\n.",
            ".a // 1",
            ".and",
            "{if: 1}",
            "select(.a == $nosuch)",
            "select(.a == $ENV)",
            "1e3",
            ". as $x | $x",
        ] {
            assert_eq!(Plan::of(code, &[]), None, "{code}");
        }
    }
}
