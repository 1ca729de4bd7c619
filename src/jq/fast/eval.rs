//! Running a plan on one scanned record: expressions evaluate to values that point into
//! the record's bytes where they can (`V::Raw`, `V::Record`), and are written straight
//! to the output; only what a filter computes (a number, an upcased string, an edited
//! object's list of fields) is held apart. Every operation either does exactly what the
//! interpreter does — arithmetic goes through the interpreter's own `Jv` operators,
//! numbers are read and written by its parser and writer — or gives up on the record
//! (`Bail`), so that the interpreter answers, errors included.

use std::borrow::Cow;
use std::cmp::Ordering;

use jaq_json::{Num, Val};
use jaq_std::ValT as _;

use super::ops::{Scalar, chars, integer, key, row_str, split};
use super::scan::{Kind, Raw, Scan, duplicates, find, member, write_raw};
use super::{Bail, Builtin, Expr, Op};
use crate::jq::json;
use crate::jq::jv::Jv;

/// A value while a plan runs.
#[derive(Debug, Clone)]
pub(super) enum V<'a> {
    /// A value in the record (None: missing, which reads as null).
    Raw(Option<Raw>),
    /// The whole record, whose top-level fields the scan holds.
    Record,
    /// A string's contents (valid UTF-8, without escapes).
    Str(Cow<'a, [u8]>),
    /// A computed scalar (numbers as the interpreter holds them).
    Val(Val),
    /// An object built or edited by the plan: keys (contents, unique) and values.
    Obj(Vec<(&'a [u8], V<'a>)>),
    /// One of `to_entries`' objects: `{"key": k, "value": v}`.
    Entry(&'a [u8], Box<V<'a>>),
}

const NULL: V<'static> = V::Raw(None);

/// What a plan runs against: the record's bytes and its scan.
pub(super) struct Cx<'a> {
    pub bytes: &'a [u8],
    pub scan: &'a Scan,
}

type R<'a> = Result<Option<V<'a>>, Bail>;

impl<'a> Cx<'a> {
    /// The output of `e` on `input` (None: no output, as `select` gives).
    pub fn eval(&self, e: &'a Expr, input: &V<'a>) -> R<'a> {
        Ok(Some(match e {
            Expr::Identity => input.clone(),
            Expr::Path(p) => self.path(input, p)?,
            Expr::Lit(v) => V::Val(v.clone()),
            Expr::Str(s) => V::Str(Cow::Borrowed(s)),
            Expr::Pipe(stages) => {
                let mut v = input.clone();
                for s in stages {
                    match self.eval(s, &v)? {
                        Some(next) => v = next,
                        None => return Ok(None),
                    }
                }
                v
            }
            Expr::Select(c) => match self.eval(c, input)? {
                Some(c) if self.truthy(&c) => input.clone(),
                _ => return Ok(None),
            },
            Expr::Or(a, b) => {
                let Some(x) = self.eval(a, input)? else { return Ok(None) };
                if self.truthy(&x) {
                    V::Val(Val::Bool(true))
                } else {
                    let Some(y) = self.eval(b, input)? else { return Ok(None) };
                    V::Val(Val::Bool(self.truthy(&y)))
                }
            }
            Expr::And(a, b) => {
                let Some(x) = self.eval(a, input)? else { return Ok(None) };
                if !self.truthy(&x) {
                    V::Val(Val::Bool(false))
                } else {
                    let Some(y) = self.eval(b, input)? else { return Ok(None) };
                    V::Val(Val::Bool(self.truthy(&y)))
                }
            }
            Expr::Compare(a, op, b) => {
                let (Some(x), Some(y)) = (self.eval(a, input)?, self.eval(b, input)?) else {
                    return Ok(None);
                };
                let (x, y) = (self.scalar(&x)?, self.scalar(&y)?);
                // Two arrays or objects compare by their contents: the interpreter's.
                if x.rank() >= 5 && y.rank() >= 5 {
                    return Err(Bail);
                }
                let o = x.cmp(&y);
                V::Val(Val::Bool(match op {
                    Op::Eq => o == Ordering::Equal,
                    Op::Ne => o != Ordering::Equal,
                    Op::Lt => o == Ordering::Less,
                    Op::Le => o != Ordering::Greater,
                    Op::Gt => o == Ordering::Greater,
                    Op::Ge => o != Ordering::Less,
                }))
            }
            Expr::Arith(a, op, b) => {
                // jq evaluates the right operand first; with one output each and no
                // errors (an error bails) the order does not show.
                let (Some(x), Some(y)) = (self.eval(a, input)?, self.eval(b, input)?) else {
                    return Ok(None);
                };
                let (x, y) = (self.val(&x)?, self.val(&y)?);
                // Numbers, and `+` of strings or with null; the rest (a string repeated
                // `n` times, a string divided into parts) is the interpreter's.
                let fits = match (&x, &y) {
                    (Val::Num(_), Val::Num(_)) => true,
                    (Val::TStr(_), Val::TStr(_)) | (Val::Null, _) | (_, Val::Null) => *op == b'+',
                    _ => false,
                };
                if !fits {
                    return Err(Bail);
                }
                let (x, y) = (Jv(x), Jv(y));
                let r = match op {
                    b'+' => x + y,
                    b'-' => x - y,
                    b'*' => x * y,
                    b'/' => x / y,
                    _ => x % y,
                };
                match r {
                    Ok(Jv(Val::TStr(s))) => V::Str(Cow::Owned(s.to_vec())),
                    Ok(Jv(v @ (Val::Null | Val::Bool(_) | Val::Num(_)))) => V::Val(v),
                    _ => return Err(Bail),
                }
            }
            Expr::If(branches, otherwise) => {
                for (c, then) in branches {
                    let Some(c) = self.eval(c, input)? else { return Ok(None) };
                    if self.truthy(&c) {
                        return self.eval(then, input);
                    }
                }
                return self.eval(otherwise, input);
            }
            Expr::Object(entries) => {
                let mut fields = Vec::with_capacity(entries.len());
                for (key, _, value) in entries {
                    let Some(v) = self.eval(value, input)? else {
                        return Ok(None);
                    };
                    fields.push((key.as_slice(), v));
                }
                V::Obj(fields)
            }
            Expr::Interp(_) | Expr::Row(..) => {
                let mut text = Vec::new();
                if !self.text(e, input, &mut text)? {
                    return Ok(None);
                }
                V::Str(Cow::Owned(text))
            }
            Expr::Builtin(b) => self.builtin(b, input)?,
            Expr::Del(key) => {
                if self.is_null(input) {
                    return Ok(Some(NULL));
                }
                let mut fields = self.fields(input)?;
                fields.retain(|(k, _)| *k != key.as_slice());
                V::Obj(fields)
            }
            Expr::Assign(key, value) => {
                let Some(v) = self.eval(value, input)? else {
                    return Ok(None);
                };
                self.set(input, key, v)?
            }
            Expr::Update(key, f) => {
                let old = self.path(input, std::slice::from_ref(key))?;
                // `|= empty` deletes in jq 1.7 and differs in 1.6: the interpreter's.
                let new = self.eval(f, &old)?.ok_or(Bail)?;
                self.set(input, key, new)?
            }
            Expr::Entries(f) => {
                let fields = self.fields(input)?;
                let mut out = Vec::with_capacity(fields.len());
                for (k, v) in fields {
                    match self.eval(f, &V::Entry(k, Box::new(v)))? {
                        None => {}
                        // The key is the one it came with (the plan cannot change it).
                        Some(V::Entry(k, v)) => out.push((k, *v)),
                        Some(_) => return Err(Bail),
                    }
                }
                V::Obj(out)
            }
        }))
    }

    /// `input` with `key` set to `v`: in its place when it is there, else at the end.
    fn set(&self, input: &V<'a>, key: &'a [u8], v: V<'a>) -> Result<V<'a>, Bail> {
        if let V::Entry(k, _) = input {
            // `.value |= f` on an entry; its key stays.
            return match key {
                b"value" => Ok(V::Entry(k, Box::new(v))),
                _ => Err(Bail),
            };
        }
        let mut fields = if self.is_null(input) {
            Vec::new()
        } else {
            self.fields(input)?
        };
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = v,
            None => fields.push((key, v)),
        }
        Ok(V::Obj(fields))
    }

    /// An object's fields, in order (keys unique and without escapes, else `Bail`).
    fn fields(&self, input: &V<'a>) -> Result<Vec<(&'a [u8], V<'a>)>, Bail> {
        match input {
            V::Record => {
                let scan = self.scan;
                if scan.escaped_keys || duplicates(self.bytes, &scan.fields) {
                    return Err(Bail);
                }
                Ok(scan
                    .fields
                    .iter()
                    .map(|f| (&self.bytes[f.key.0..f.key.1], V::Raw(Some(f.value))))
                    .collect())
            }
            V::Obj(fields) => Ok(fields.clone()),
            _ => Err(Bail),
        }
    }

    fn is_null(&self, v: &V<'a>) -> bool {
        matches!(v, V::Raw(None) | V::Val(Val::Null)) || matches!(v, V::Raw(Some(r)) if r.kind == Kind::Null)
    }

    /// `.a.b` on `input`: null for a missing key or a null; anything but an object
    /// bails (the interpreter says how it fails).
    fn path(&self, input: &V<'a>, path: &'a [Vec<u8>]) -> Result<V<'a>, Bail> {
        let Some((first, rest)) = path.split_first() else {
            return Ok(input.clone());
        };
        let mut v = match input {
            V::Record => {
                if self.scan.escaped_keys {
                    return Err(Bail);
                }
                V::Raw(find(self.bytes, &self.scan.fields, first))
            }
            V::Raw(Some(r)) if r.kind == Kind::Obj => V::Raw(member(self.bytes, r.start, first)?),
            v if self.is_null(v) => NULL,
            V::Obj(fields) => fields
                .iter()
                .find(|(k, _)| *k == first.as_slice())
                .map_or(NULL, |(_, v)| v.clone()),
            V::Entry(k, v) => match first.as_slice() {
                b"key" => V::Str(Cow::Borrowed(k)),
                b"value" => (**v).clone(),
                _ => NULL,
            },
            _ => return Err(Bail),
        };
        for key in rest {
            v = self.path(&v, std::slice::from_ref(key))?;
        }
        Ok(v)
    }

    pub fn truthy(&self, v: &V<'a>) -> bool {
        match v {
            V::Raw(None) => false,
            V::Raw(Some(r)) => !matches!(r.kind, Kind::Null | Kind::False),
            V::Val(Val::Null | Val::Bool(false)) => false,
            _ => true,
        }
    }

    /// A string's contents; None for a value that is not a string.
    fn string(&self, v: &V<'a>) -> Result<Option<Cow<'a, [u8]>>, Bail> {
        Ok(match v {
            V::Str(s) => Some(s.clone()),
            V::Raw(Some(r)) if r.kind == Kind::Str => Some(if r.canonical {
                Cow::Borrowed(&self.bytes[r.start + 1..r.end - 1])
            } else {
                match json::parse_one(&self.bytes[r.start..r.end]).map_err(|_| Bail)? {
                    Val::TStr(s) => Cow::Owned(s.to_vec()),
                    _ => return Err(Bail),
                }
            }),
            V::Entry(..) | V::Obj(_) | V::Record | V::Raw(_) | V::Val(_) => None,
        })
    }

    /// The value as the interpreter holds it (for arithmetic). Arrays and objects bail:
    /// the plans never compute with them.
    fn val(&self, v: &V<'a>) -> Result<Val, Bail> {
        Ok(match v {
            V::Raw(None) => Val::Null,
            V::Raw(Some(r)) => match r.kind {
                Kind::Null => Val::Null,
                Kind::True => Val::Bool(true),
                Kind::False => Val::Bool(false),
                Kind::Num => self.number(r)?,
                Kind::Str => Val::utf8_str(self.string(v)?.ok_or(Bail)?.into_owned()),
                Kind::Arr | Kind::Obj => return Err(Bail),
            },
            V::Str(s) => Val::utf8_str(s.to_vec()),
            V::Val(v) => v.clone(),
            _ => return Err(Bail),
        })
    }

    /// A number in the record, read as the parser reads it.
    fn number(&self, r: &Raw) -> Result<Val, Bail> {
        let text = &self.bytes[r.start..r.end];
        if r.canonical {
            // An integer of at most 18 digits (what the scan calls canonical): what
            // serde hands the parser as an i64, read here without the text's detour.
            let (negative, digits) = match text.split_first() {
                Some((b'-', rest)) => (true, rest),
                _ => (false, text),
            };
            if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
                let n = digits.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
                return Ok(Val::Num(Num::from_integral(if negative { -n } else { n })));
            }
        }
        json::parse_one(text).map_err(|_| Bail)
    }

    /// A scalar for comparing; arrays, objects and odd numbers bail.
    fn scalar<'b>(&self, v: &'b V<'a>) -> Result<Scalar<'b>, Bail> {
        Ok(match v {
            V::Raw(None) => Scalar::Null,
            V::Raw(Some(r)) => match r.kind {
                Kind::Null => Scalar::Null,
                Kind::False => Scalar::Bool(false),
                Kind::True => Scalar::Bool(true),
                Kind::Num => match self.number(r)? {
                    Val::Num(Num::Int(i)) => Scalar::Int(i as i64),
                    Val::Num(Num::Float(f)) => Scalar::Float(f),
                    _ => return Err(Bail),
                },
                Kind::Str if r.canonical => Scalar::Str(&self.bytes[r.start + 1..r.end - 1]),
                Kind::Str => return Err(Bail),
                Kind::Arr => Scalar::Arr,
                Kind::Obj => Scalar::Obj,
            },
            V::Record | V::Obj(_) | V::Entry(..) => Scalar::Obj,
            V::Str(s) => Scalar::Str(s),
            V::Val(Val::Null) => Scalar::Null,
            V::Val(Val::Bool(b)) => Scalar::Bool(*b),
            V::Val(Val::Num(Num::Int(i))) => Scalar::Int(*i as i64),
            V::Val(Val::Num(Num::Float(f))) => Scalar::Float(*f),
            _ => return Err(Bail),
        })
    }

    fn builtin(&self, b: &'a Builtin, input: &V<'a>) -> Result<V<'a>, Bail> {
        let s = || self.string(input)?.ok_or(Bail);
        Ok(match b {
            Builtin::Not => V::Val(Val::Bool(!self.truthy(input))),
            Builtin::Upcase | Builtin::Downcase => {
                let mut t = s()?.into_owned();
                if matches!(b, Builtin::Upcase) {
                    t.make_ascii_uppercase();
                } else {
                    t.make_ascii_lowercase();
                }
                V::Str(Cow::Owned(t))
            }
            Builtin::StartsWith(p) => V::Val(Val::Bool(s()?.starts_with(p))),
            Builtin::EndsWith(p) => V::Val(Val::Bool(s()?.ends_with(p))),
            Builtin::TrimStart(p) | Builtin::TrimEnd(p) => {
                let t = s()?;
                let cut = |t: &[u8]| {
                    if matches!(b, Builtin::TrimStart(_)) {
                        t.strip_prefix(p.as_slice()).map(|r| (p.len(), r.len()))
                    } else {
                        t.strip_suffix(p.as_slice()).map(|r| (0, r.len()))
                    }
                };
                match (cut(&t), t) {
                    (None, t) => V::Str(t),
                    (Some((at, n)), Cow::Borrowed(t)) => V::Str(Cow::Borrowed(&t[at..at + n])),
                    (Some((at, n)), Cow::Owned(t)) => V::Str(Cow::Owned(t[at..at + n].to_vec())),
                }
            }
            Builtin::SplitIndex(sep, i) => {
                let t = s()?;
                // jq 1.6 splits "" into []; leave that (and an empty separator) to the
                // interpreter.
                if t.is_empty() || sep.is_empty() {
                    return Err(Bail);
                }
                let pieces: Vec<(usize, usize)> = split(&t, sep);
                let at = if *i < 0 { pieces.len() as i64 + i } else { *i };
                match usize::try_from(at).ok().and_then(|at| pieces.get(at)) {
                    None => NULL,
                    Some(&(a, z)) => match t {
                        Cow::Borrowed(t) => V::Str(Cow::Borrowed(&t[a..z])),
                        Cow::Owned(t) => V::Str(Cow::Owned(t[a..z].to_vec())),
                    },
                }
            }
            Builtin::Test(re) => {
                let t = s()?;
                V::Val(Val::Bool(re.re.is_match(std::str::from_utf8(&t).map_err(|_| Bail)?)))
            }
            Builtin::Capture(re) => {
                let t = s()?;
                let text = std::str::from_utf8(&t).map_err(|_| Bail)?;
                // No match: `capture` has no output, which the plan cannot say here.
                let caps = re.re.captures(text).ok_or(Bail)?;
                let whole = caps.get(0).ok_or(Bail)?;
                let mut fields = Vec::new();
                // jq 1.6 reports no groups for an empty match.
                if !whole.is_empty() {
                    for (i, name) in &re.names {
                        let v = match caps.get(*i) {
                            None => NULL,
                            Some(m) => match &t {
                                Cow::Borrowed(b) => V::Str(Cow::Borrowed(&b[m.start()..m.end()])),
                                Cow::Owned(_) => V::Str(Cow::Owned(m.as_str().as_bytes().to_vec())),
                            },
                        };
                        fields.push((name.as_slice(), v));
                    }
                }
                V::Obj(fields)
            }
            Builtin::Sub { lit, start, end, with } => {
                let t = s()?;
                let at = match (start, end) {
                    (true, true) => (*t == **lit).then_some(0),
                    (true, false) => t.starts_with(lit).then_some(0),
                    (false, true) => t.ends_with(lit).then(|| t.len() - lit.len()),
                    (false, false) => t.windows(lit.len()).position(|w| w == lit.as_slice()),
                };
                match at {
                    None => V::Str(t),
                    Some(at) => {
                        let mut r = Vec::with_capacity(t.len() + with.len());
                        r.extend_from_slice(&t[..at]);
                        r.extend_from_slice(with);
                        r.extend_from_slice(&t[at + lit.len()..]);
                        V::Str(Cow::Owned(r))
                    }
                }
            }
            Builtin::ToNumber => match self.string(input)? {
                Some(t) => V::Val(integer(&t).ok_or(Bail)?),
                None => match self.val(input)? {
                    v @ Val::Num(_) => V::Val(v),
                    _ => return Err(Bail),
                },
            },
            Builtin::ToString => match self.string(input)? {
                Some(t) => V::Str(t),
                None => V::Str(self.json(input)?),
            },
            Builtin::ToJson => V::Str(self.json(input)?),
            Builtin::Length => match input {
                V::Record if !duplicates(self.bytes, &self.scan.fields) && !self.scan.escaped_keys => {
                    V::Val(Val::from(self.scan.fields.len() as isize))
                }
                V::Obj(f) => V::Val(Val::from(f.len() as isize)),
                v if self.is_null(v) => V::Val(Val::from(0isize)),
                v => match self.string(v)? {
                    Some(t) => V::Val(Val::from(chars(&t) as isize)),
                    None => match self.val(v)? {
                        Val::Num(n) => V::Val(json::float(Val::Num(n).as_f64().ok_or(Bail)?.abs())),
                        _ => return Err(Bail),
                    },
                },
            },
        })
    }

    /// A value's compact JSON text (`tojson`).
    fn json(&self, v: &V<'a>) -> Result<Cow<'a, [u8]>, Bail> {
        match v {
            V::Raw(Some(r)) if r.canonical => Ok(Cow::Borrowed(&self.bytes[r.start..r.end])),
            V::Record if self.scan.whole(self.bytes).canonical => {
                Ok(Cow::Borrowed(&self.bytes[self.scan.start..self.scan.end]))
            }
            _ => {
                let mut out = Vec::new();
                self.write(v, false, &mut out)?;
                Ok(Cow::Owned(out))
            }
        }
    }

    /// Appends `v` as compact JSON (a string as its text when `text`).
    pub fn write(&self, v: &V<'a>, text: bool, out: &mut Vec<u8>) -> Result<(), Bail> {
        match v {
            V::Raw(r) => write_raw(self.bytes, *r, text, out)?,
            V::Record => write_raw(self.bytes, Some(self.scan.whole(self.bytes)), text, out)?,
            V::Str(s) if text => out.extend_from_slice(s),
            V::Str(s) => json::write_str(out, s),
            V::Val(v) => json::write_compact(out, v),
            V::Obj(fields) => {
                out.push(b'{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    key(out, k);
                    out.push(b':');
                    self.write(v, false, out)?;
                }
                out.push(b'}');
            }
            V::Entry(k, v) => {
                out.extend_from_slice(b"{\"key\":");
                json::write_str(out, k);
                out.extend_from_slice(b",\"value\":");
                self.write(v, false, out)?;
                out.push(b'}');
            }
        }
        Ok(())
    }

    /// Writes the output of `e` on `input` without building what it can write as it
    /// goes (objects, strings). Returns None for no output, else whether it is truthy.
    pub fn emit(&self, e: &'a Expr, input: &V<'a>, text: bool, out: &mut Vec<u8>) -> Result<Option<bool>, Bail> {
        match e {
            Expr::Pipe(stages) if !stages.is_empty() => {
                let (last, init) = stages.split_last().ok_or(Bail)?;
                let mut v = input.clone();
                for s in init {
                    match self.eval(s, &v)? {
                        Some(next) => v = next,
                        None => return Ok(None),
                    }
                }
                self.emit(last, &v, text, out)
            }
            Expr::Select(_) | Expr::If(..) => match self.eval(e, input)? {
                Some(v) => {
                    self.write(&v, text, out)?;
                    Ok(Some(self.truthy(&v)))
                }
                None => Ok(None),
            },
            Expr::Object(entries) => {
                let mark = out.len();
                out.push(b'{');
                for (i, (_, key_json, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(key_json);
                    let Some(v) = self.eval(value, input)? else {
                        out.truncate(mark);
                        return Ok(None);
                    };
                    self.write(&v, false, out)?;
                }
                out.push(b'}');
                Ok(Some(true))
            }
            Expr::Interp(_) | Expr::Row(..) if text => {
                if self.text(e, input, out)? {
                    Ok(Some(true))
                } else {
                    Ok(None)
                }
            }
            _ => match self.eval(e, input)? {
                Some(v) => {
                    self.write(&v, text, out)?;
                    Ok(Some(self.truthy(&v)))
                }
                None => Ok(None),
            },
        }
    }

    /// The text of a string interpolation or an `@csv`/`@tsv` row, appended.
    fn text(&self, e: &'a Expr, input: &V<'a>, out: &mut Vec<u8>) -> Result<bool, Bail> {
        match e {
            Expr::Interp(parts) => {
                for (lit, expr) in parts {
                    out.extend_from_slice(lit);
                    if let Some(expr) = expr {
                        let Some(v) = self.eval(expr, input)? else {
                            return Ok(false);
                        };
                        match self.string(&v)? {
                            Some(s) => out.extend_from_slice(&s),
                            None => out.extend_from_slice(&self.json(&v)?),
                        }
                    }
                }
                Ok(true)
            }
            Expr::Row(csv, items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(if *csv { b',' } else { b'\t' });
                    }
                    let Some(v) = self.eval(item, input)? else {
                        return Ok(false);
                    };
                    if let Some(s) = self.string(&v)? {
                        row_str(&s, *csv, out);
                        continue;
                    }
                    match self.val(&v)? {
                        Val::Null => {}
                        Val::Num(n) if Val::Num(n.clone()).as_f64().is_some_and(f64::is_nan) => {}
                        x @ (Val::Bool(_) | Val::Num(_)) => json::write_compact(out, &x),
                        _ => return Err(Bail),
                    }
                }
                Ok(true)
            }
            _ => Err(Bail),
        }
    }
}
