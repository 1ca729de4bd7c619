//! eddy's value type for jaq (`Jv`, after jq's own `jv`): jaq-core runs filters over any
//! type that implements its `ValT`, and jaq-json's implementation differs from jq where
//! jq users notice — `null | .a = 1` fails there, `.[3] = 1` on a shorter array fails,
//! `del(.a)` moves the last key into `a`'s place, `{(0): 1}` makes a number key, and its
//! error messages are not jq's, so `try ... catch .` sees other strings. `Jv` keeps
//! jaq-json's representation (shared strings, reference-counted arrays and
//! insertion-ordered objects, cheap to clone) and answers each operation as jq 1.6 does:
//! null grows into the object or array a path update needs, arrays grow with nulls,
//! deleting keeps the order of the rest, object keys must be strings, numbers divided by
//! zero are an error, and the messages are jq's words (`Cannot index number with "a"`).

use std::cmp::Ordering;
use std::fmt;

use jaq_core::path::Opt;
use jaq_core::{Exn, box_iter::box_once, val};
use jaq_json::{Map, Num, Rc, Val};
use jaq_std::ValT as _;

use super::json;

/// A jq value: jaq-json's representation with jq's semantics.
#[derive(Clone, Debug, Default)]
pub(crate) struct Jv(pub Val);

pub(crate) type Error = jaq_core::Error<Jv>;
type ValR = Result<Jv, Error>;
type ValX<'a> = Result<Jv, Exn<'a, Jv>>;

impl From<Val> for Jv {
    fn from(v: Val) -> Jv {
        Jv(v)
    }
}

/// jq's name for the kind of a value, as its messages use it.
pub(crate) fn kind(v: &Val) -> &'static str {
    match v {
        Val::Null => "null",
        Val::Bool(_) => "boolean",
        Val::Num(_) => "number",
        Val::TStr(_) | Val::BStr(_) => "string",
        Val::Arr(_) => "array",
        Val::Obj(_) => "object",
    }
}

/// A value as jq's messages show it: compact JSON cut to `size - 1` bytes, the last
/// three of them "..." when it was longer (jq's `jv_dump_string_trunc`).
pub(crate) fn truncated(v: &Val, size: usize) -> String {
    let mut text = Vec::new();
    json::write_compact(&mut text, v);
    let max = size - 1;
    if text.len() > max {
        text.truncate(max - 3);
        text.extend_from_slice(b"...");
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// "number (1)": how jq names a value in a type error.
pub(crate) fn described(v: &Val) -> String {
    format!("{} ({})", kind(v), truncated(v, 15))
}

/// `v (kind) why`, jq's `type_error`.
pub(crate) fn type_error(v: &Val, why: &str) -> Error {
    Error::str(format_args!("{} {why}", described(v)))
}

/// `l (kind) and r (kind) why`, jq's `type_error2`.
fn type_error2(l: &Val, r: &Val, why: &str) -> Error {
    Error::str(format_args!("{} and {} {why}", described(l), described(r)))
}

/// What jq says when `t[k]` cannot be looked up.
fn index_error(t: &Val, k: &Val) -> Error {
    match k {
        Val::TStr(s) | Val::BStr(s) if s.len() < 30 => Error::str(format_args!(
            "Cannot index {} with string \"{}\"",
            kind(t),
            String::from_utf8_lossy(s)
        )),
        _ => Error::str(format_args!("Cannot index {} with {}", kind(t), kind(k))),
    }
}

fn iterate_error(v: &Val) -> Error {
    Error::str(format_args!("Cannot iterate over {}", described(v)))
}

fn is_str(v: &Val) -> bool {
    matches!(v, Val::TStr(_) | Val::BStr(_))
}

/// An array index as jq takes it: a number, rounded down.
fn array_index(k: &Val) -> Option<isize> {
    match k {
        Val::Num(Num::Float(f)) if f.is_nan() => Some(0),
        Val::Num(Num::Float(f)) => Some(f.floor().clamp(isize::MIN as f64, isize::MAX as f64) as isize),
        Val::Num(n) => Some(n.as_isize().unwrap_or(isize::MAX)),
        _ => None,
    }
}

/// `{"start": s, "end": e}`, the index of a slice in a path.
fn slice_bounds(o: &Map) -> val::Range<Jv> {
    let get = |k: &str| o.get(&Val::utf8_str(k.as_bytes().to_vec())).cloned().map(Jv);
    get("start")..get("end")
}

fn rc_unwrap_or_clone<T: Clone>(a: Rc<T>) -> T {
    Rc::try_unwrap(a).unwrap_or_else(|a| (*a).clone())
}

/// jaq-json's results, with its values wrapped.
fn wrap(r: Result<Val, jaq_core::Error<Val>>) -> ValR {
    r.map(Jv).map_err(|e| Error::new(Jv(e.into_val())))
}

impl jaq_core::ValT for Jv {
    fn from_num(n: &str) -> ValR {
        wrap(Val::from_num(n))
    }

    fn from_map<I: IntoIterator<Item = (Self, Self)>>(iter: I) -> ValR {
        let mut map = Map::default();
        for (k, v) in iter {
            if !is_str(&k.0) {
                return Err(Error::str(format_args!("Object keys must be strings")));
            }
            map.insert(k.0, v.0);
        }
        Ok(Jv(Val::obj(map)))
    }

    fn key_values(self) -> Box<dyn Iterator<Item = Result<(Jv, Jv), Error>>> {
        match self.0 {
            Val::Arr(_) | Val::Obj(_) => Box::new(self.0.key_values().map(|kv| match kv {
                Ok((k, v)) => Ok((Jv(k), Jv(v))),
                Err(e) => Err(Error::new(Jv(e.into_val()))),
            })),
            v => box_once(Err(iterate_error(&v))),
        }
    }

    fn values(self) -> Box<dyn Iterator<Item = ValR>> {
        match self.0 {
            Val::Arr(a) => Box::new(rc_unwrap_or_clone(a).into_iter().map(|v| Ok(Jv(v)))),
            Val::Obj(o) => Box::new(rc_unwrap_or_clone(o).into_iter().map(|(_, v)| Ok(Jv(v)))),
            v => box_once(Err(iterate_error(&v))),
        }
    }

    fn index(self, k: &Self) -> ValR {
        match (&self.0, &k.0) {
            (Val::Null, Val::TStr(_) | Val::BStr(_) | Val::Num(_) | Val::Obj(_) | Val::Null) => Ok(Jv(Val::Null)),
            (Val::Obj(o), Val::TStr(_) | Val::BStr(_)) => Ok(Jv(o.get(&k.0).cloned().unwrap_or_default())),
            (Val::Arr(a), Val::Num(_)) => {
                let i = array_index(&k.0).unwrap_or(0);
                let i = if i < 0 {
                    i.checked_add_unsigned(a.len())
                } else {
                    Some(i)
                };
                Ok(Jv(i.and_then(|i| a.get(i as usize)).cloned().unwrap_or_default()))
            }
            (Val::Arr(_), Val::Arr(_)) => wrap(self.0.index(&k.0)),
            (Val::Arr(_) | Val::TStr(_) | Val::BStr(_), Val::Obj(o)) => {
                let r = slice_bounds(o);
                self.range(r.start.as_ref()..r.end.as_ref())
            }
            (t, k) => Err(index_error(t, k)),
        }
    }

    fn range(self, range: val::Range<&Self>) -> ValR {
        let bound = |b: Option<&Jv>| match b.map(|b| &b.0) {
            None | Some(Val::Null) => Ok(None),
            Some(n @ Val::Num(_)) => Ok(Some(n.clone())),
            Some(_) => Err(()),
        };
        let (Ok(start), Ok(end)) = (bound(range.start), bound(range.end)) else {
            let what = if is_str(&self.0) { "an string" } else { "an array" };
            return Err(Error::str(format_args!(
                "Start and end indices of {what} slice must be numbers"
            )));
        };
        // jq rounds fractional bounds outwards; jaq wants integers.
        let int = |b: Option<Val>, up: bool| {
            b.map(|b| match b {
                Val::Num(Num::Float(f)) => {
                    let f = if up { f.ceil() } else { f.floor() };
                    Val::from(f.clamp(isize::MIN as f64, isize::MAX as f64) as isize)
                }
                other => other,
            })
        };
        let (start, end) = (int(start, false), int(end, true));
        match self.0 {
            Val::Null => Ok(Jv(Val::Null)),
            v @ (Val::Arr(_) | Val::TStr(_) | Val::BStr(_)) => wrap(v.range(start.as_ref()..end.as_ref())),
            v => Err(index_error(&v, &Val::obj(Map::default()))),
        }
    }

    fn map_values<'a, I: Iterator<Item = ValX<'a>>>(self, opt: Opt, f: impl Fn(Self) -> I) -> ValX<'a> {
        match self.0 {
            Val::Arr(a) => {
                let mut out = Vec::with_capacity(a.len());
                for x in rc_unwrap_or_clone(a) {
                    // As jq 1.6: the first output replaces the element, none deletes it.
                    if let Some(y) = f(Jv(x)).next() {
                        out.push(y?.0);
                    }
                }
                Ok(Jv(Val::Arr(Rc::new(out))))
            }
            Val::Obj(o) => {
                let mut out = Map::default();
                for (k, x) in rc_unwrap_or_clone(o) {
                    if let Some(y) = f(Jv(x)).next() {
                        out.insert(k, y?.0);
                    }
                }
                Ok(Jv(Val::obj(out)))
            }
            Val::Null => Ok(Jv(Val::Null)),
            v => opt.fail(Jv(v), |v| Exn::from(iterate_error(&v.0))),
        }
    }

    fn map_index<'a, I: Iterator<Item = ValX<'a>>>(self, k: &Self, opt: Opt, f: impl Fn(Self) -> I) -> ValX<'a> {
        let v = match (self.0, &k.0) {
            // null grows into what the path needs, as in jq.
            (Val::Null, Val::TStr(_) | Val::BStr(_)) => Val::obj(Map::default()),
            (Val::Null, Val::Num(_) | Val::Obj(_)) => Val::Arr(Rc::new(Vec::new())),
            (v, _) => v,
        };
        match (v, &k.0) {
            (Val::Obj(mut o), Val::TStr(_) | Val::BStr(_)) => {
                let map = Rc::make_mut(&mut o);
                let old = map.get_mut(&k.0).map(std::mem::take);
                let present = old.is_some();
                match f(Jv(old.unwrap_or_default())).next().transpose()? {
                    Some(y) => {
                        map.insert(k.0.clone(), y.0);
                    }
                    // Deleting keeps the order of the other keys.
                    None if present => {
                        map.shift_remove(&k.0);
                    }
                    None => {}
                }
                Ok(Jv(Val::Obj(o)))
            }
            (Val::Arr(mut a), Val::Num(_)) => {
                let i = array_index(&k.0).unwrap_or(0);
                let i = if i < 0 {
                    match i.checked_add_unsigned(a.len()) {
                        Some(i) if i >= 0 => i as usize,
                        _ => {
                            let e = Error::str("Out of bounds negative array index");
                            return opt.fail(Jv(Val::Arr(a)), |_| Exn::from(e));
                        }
                    }
                } else {
                    i as usize
                };
                let arr = Rc::make_mut(&mut a);
                let old = arr.get_mut(i).map(std::mem::take);
                let present = old.is_some();
                match f(Jv(old.unwrap_or_default())).next().transpose()? {
                    Some(y) => {
                        // Arrays grow with nulls up to the index, as in jq.
                        if i >= arr.len() {
                            arr.resize(i + 1, Val::Null);
                        }
                        arr[i] = y.0;
                    }
                    None if present => {
                        arr.remove(i);
                    }
                    None => {}
                }
                Ok(Jv(Val::Arr(a)))
            }
            (v @ (Val::Arr(_) | Val::TStr(_) | Val::BStr(_)), Val::Obj(o)) => {
                let r = slice_bounds(o);
                Jv(v).map_range(r.start.as_ref()..r.end.as_ref(), opt, f)
            }
            (v, k) => {
                let e = index_error(&v, k);
                opt.fail(Jv(v), |_| Exn::from(e))
            }
        }
    }

    fn map_range<'a, I: Iterator<Item = ValX<'a>>>(
        self,
        range: val::Range<&Self>,
        opt: Opt,
        f: impl Fn(Self) -> I,
    ) -> ValX<'a> {
        let v = match self.0 {
            Val::Null => Val::Arr(Rc::new(Vec::new())),
            v => v,
        };
        let start = range.start.map(|b| b.0.clone());
        let end = range.end.map(|b| b.0.clone());
        let g = |x: Val| f(Jv(x)).map(|y| y.map(|y| y.0).map_err(exn_out));
        v.map_range(start.as_ref()..end.as_ref(), opt, g)
            .map(Jv)
            .map_err(exn_in)
    }

    fn as_bool(&self) -> bool {
        self.0.as_bool()
    }

    fn into_string(self) -> Self {
        match self.0 {
            Val::TStr(_) | Val::BStr(_) => Jv(self.0.into_string()),
            v => {
                let mut text = Vec::new();
                json::write_compact(&mut text, &v);
                Jv(Val::utf8_str(text))
            }
        }
    }
}

/// jaq-json's operations on slices run with its own exceptions; errors are carried across
/// as their values (the only kind `map_range`'s update can raise besides a break).
fn exn_out(e: Exn<'_, Jv>) -> Exn<'_, Val> {
    match e.get_err() {
        Ok(err) => Exn::from(jaq_core::Error::new(err.into_val().0)),
        Err(other) => match other.get_halt() {
            Ok(code) => Exn::halt(code),
            Err(_) => Exn::from(jaq_core::Error::str("break out of a slice update")),
        },
    }
}

fn exn_in(e: Exn<'_, Val>) -> Exn<'_, Jv> {
    match e.get_err() {
        Ok(err) => Exn::from(Error::new(Jv(err.into_val()))),
        Err(other) => match other.get_halt() {
            Ok(code) => Exn::halt(code),
            Err(_) => Exn::from(Error::str("break out of a slice update")),
        },
    }
}

impl jaq_std::ValT for Jv {
    fn into_seq<S: FromIterator<Self>>(self) -> Result<S, Self> {
        match self.0 {
            Val::Arr(a) => Ok(rc_unwrap_or_clone(a).into_iter().map(Jv).collect()),
            v => Err(Jv(v)),
        }
    }

    fn is_int(&self) -> bool {
        self.0.is_int()
    }

    fn as_isize(&self) -> Option<isize> {
        self.0.as_isize()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn is_utf8_str(&self) -> bool {
        self.0.is_utf8_str()
    }

    fn as_bytes(&self) -> Option<&[u8]> {
        self.0.as_bytes()
    }

    fn as_sub_str(&self, sub: &[u8]) -> Self {
        Jv(self.0.as_sub_str(sub))
    }

    fn from_utf8_bytes(b: impl AsRef<[u8]> + Send + 'static) -> Self {
        Jv(Val::from_utf8_bytes(b))
    }
}

impl fmt::Display for Jv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = Vec::new();
        json::write_compact(&mut text, &self.0);
        f.write_str(&String::from_utf8_lossy(&text))
    }
}

impl From<bool> for Jv {
    fn from(b: bool) -> Jv {
        Jv(Val::from(b))
    }
}

impl From<isize> for Jv {
    fn from(i: isize) -> Jv {
        Jv(Val::from(i))
    }
}

impl From<usize> for Jv {
    fn from(i: usize) -> Jv {
        Jv(Val::from(i))
    }
}

impl From<f64> for Jv {
    fn from(f: f64) -> Jv {
        Jv(json::float(f))
    }
}

impl From<String> for Jv {
    fn from(s: String) -> Jv {
        Jv(Val::from(s))
    }
}

impl From<val::Range<Jv>> for Jv {
    fn from(r: val::Range<Jv>) -> Jv {
        Jv(Val::from(r.start.map(|v| v.0)..r.end.map(|v| v.0)))
    }
}

impl FromIterator<Jv> for Jv {
    fn from_iter<T: IntoIterator<Item = Jv>>(iter: T) -> Jv {
        Jv(iter.into_iter().map(|v| v.0).collect())
    }
}

impl PartialEq for Jv {
    fn eq(&self, other: &Jv) -> bool {
        self.0 == other.0
    }
}

impl Eq for Jv {}

impl PartialOrd for Jv {
    fn partial_cmp(&self, other: &Jv) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Jv {
    fn cmp(&self, other: &Jv) -> Ordering {
        self.0.cmp(&other.0)
    }
}

fn is_zero(v: &Val) -> bool {
    matches!(v, Val::Num(_)) && v.as_f64() == Some(0.0)
}

/// jaq-json's arithmetic where the kinds fit (`fits`), jq's message where they do not.
/// Deciding by kind first spares cloning the operands for the message: a clone would
/// make `. + [$x]` copy the whole array.
fn arith(l: Val, r: Val, fits: bool, op: fn(Val, Val) -> Result<Val, jaq_core::Error<Val>>, why: &str) -> ValR {
    if fits {
        wrap(op(l, r))
    } else {
        Err(type_error2(&l, &r, why))
    }
}

impl std::ops::Add for Jv {
    type Output = ValR;
    fn add(self, r: Jv) -> ValR {
        let fits = matches!(
            (&self.0, &r.0),
            (Val::Null, _)
                | (_, Val::Null)
                | (Val::Num(_), Val::Num(_))
                | (Val::TStr(_), Val::TStr(_))
                | (Val::BStr(_), Val::BStr(_))
                | (Val::Arr(_), Val::Arr(_))
                | (Val::Obj(_), Val::Obj(_))
        );
        arith(self.0, r.0, fits, |l, r| l + r, "cannot be added")
    }
}

impl std::ops::Sub for Jv {
    type Output = ValR;
    fn sub(self, r: Jv) -> ValR {
        let fits = matches!((&self.0, &r.0), (Val::Num(_), Val::Num(_)) | (Val::Arr(_), Val::Arr(_)));
        arith(self.0, r.0, fits, |l, r| l - r, "cannot be subtracted")
    }
}

/// The longest string `"s" * n` makes (1 GiB): jq 1.7's error beyond it, not an abort.
const REPEAT_LIMIT: f64 = (1u64 << 30) as f64;

impl std::ops::Mul for Jv {
    type Output = ValR;
    fn mul(self, r: Jv) -> ValR {
        let fits = matches!(
            (&self.0, &r.0),
            (Val::Num(_), Val::Num(_))
                | (Val::TStr(_) | Val::BStr(_), Val::Num(_))
                | (Val::Num(_), Val::TStr(_) | Val::BStr(_))
                | (Val::Obj(_), Val::Obj(_))
        );
        // A string times a number repeats it: a huge count would ask the allocator for
        // more than there is, which aborts the process instead of failing the filter.
        if let (Val::TStr(s) | Val::BStr(s), n @ Val::Num(_)) | (n @ Val::Num(_), Val::TStr(s) | Val::BStr(s)) =
            (&self.0, &r.0)
        {
            let times = n.as_f64().unwrap_or_default();
            if times * (s.len().max(1) as f64) > REPEAT_LIMIT {
                return Err(Error::str(format_args!("Repeat string result too long")));
            }
        }
        arith(self.0, r.0, fits, |l, r| l * r, "cannot be multiplied")
    }
}

impl std::ops::Div for Jv {
    type Output = ValR;
    fn div(self, r: Jv) -> ValR {
        if matches!(self.0, Val::Num(_)) && is_zero(&r.0) {
            return Err(type_error2(
                &self.0,
                &r.0,
                "cannot be divided because the divisor is zero",
            ));
        }
        let fits = matches!(
            (&self.0, &r.0),
            (Val::Num(_), Val::Num(_)) | (Val::TStr(_), Val::TStr(_)) | (Val::BStr(_), Val::BStr(_))
        );
        arith(self.0, r.0, fits, |l, r| l / r, "cannot be divided")
    }
}

impl std::ops::Rem for Jv {
    type Output = ValR;
    fn rem(self, r: Jv) -> ValR {
        // jq 1.6 takes the remainder of the integer parts.
        let int = |v: &Val| v.as_f64().map(|f| f.clamp(i64::MIN as f64, i64::MAX as f64) as i64);
        match (int(&self.0), int(&r.0)) {
            (Some(_), Some(0)) => Err(type_error2(
                &self.0,
                &r.0,
                "cannot be divided (remainder) because the divisor is zero",
            )),
            (Some(a), Some(b)) => Ok(Jv(Val::from(a.wrapping_rem(b) as isize))),
            _ => Err(type_error2(&self.0, &r.0, "cannot be divided (remainder)")),
        }
    }
}

impl std::ops::Neg for Jv {
    type Output = ValR;
    fn neg(self) -> ValR {
        match self.0 {
            Val::Num(n) => Ok(Jv(Val::Num(-n))),
            v => Err(type_error(&v, "cannot be negated")),
        }
    }
}
