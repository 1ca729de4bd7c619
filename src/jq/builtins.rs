//! The jq builtins eddy implements natively over its own values (`jv`): the ones
//! jaq-json provides only for its own type (`length`, `contains`, `has`, `indices`,
//! `bsearch`, `fromjson`, `tojson`), and what jq 1.6 has and jaq lacks — the formats
//! `@csv`, `@tsv`, `@sh`, `@html`, `@uri`, `@base64d`, `@base32` and `@base32d` with
//! jq's escapes and errors, `utf8bytelength` with jq's message, and `ltrimstr`/`rtrimstr`
//! that pass non-strings through; and `keys` and `add`, cheaper done here than by
//! jaq's definitions. The jq definitions that build on them are `defs.jq`.

use jaq_core::box_iter::box_once;
use jaq_core::native::{bome, v};
use jaq_json::{Rc, Val};
use jaq_std::ValT as _;

mod idioms;

use super::Native;
use super::json;
use super::jv::{Error, Jv, described, kind, type_error};

type ValR = Result<Jv, Error>;

fn string(s: impl Into<Vec<u8>>) -> Jv {
    Jv(Val::utf8_str(s.into()))
}

fn bytes(v: &Val) -> Option<&[u8]> {
    match v {
        Val::TStr(b) | Val::BStr(b) => Some(b),
        _ => None,
    }
}

/// jq's `tostring`: a string as it is, anything else as its JSON text.
fn text_of(v: &Val) -> Vec<u8> {
    match bytes(v) {
        Some(b) => b.to_vec(),
        None => {
            let mut out = Vec::new();
            json::write_compact(&mut out, v);
            out
        }
    }
}

fn length(v: &Val) -> ValR {
    Ok(Jv(match v {
        Val::Null => Val::from(0isize),
        Val::Bool(_) => return Err(type_error(v, "has no length")),
        Val::Num(_) => json::float(v.as_f64().unwrap_or_default().abs()),
        Val::TStr(s) | Val::BStr(s) => Val::from(String::from_utf8_lossy(s).chars().count()),
        Val::Arr(a) => Val::from(a.len()),
        Val::Obj(o) => Val::from(o.len()),
    }))
}

/// jq's `contains`: substrings, every element of `b` in some element of `a`, every key
/// of `b` in `a` with a value that contains it; other kinds must be equal. Values of
/// different kinds cannot be compared this way.
fn contains(a: &Val, b: &Val) -> Result<bool, Error> {
    Ok(match (a, b) {
        (Val::Obj(x), Val::Obj(y)) => {
            for (k, yv) in y.iter() {
                match x.get(k) {
                    Some(xv) if contains(xv, yv)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (Val::Arr(x), Val::Arr(y)) => {
            for yv in y.iter() {
                let mut found = false;
                for xv in x.iter() {
                    if contains(xv, yv)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(false);
                }
            }
            true
        }
        (Val::TStr(x) | Val::BStr(x), Val::TStr(y) | Val::BStr(y)) => memchr::memmem::find(x, y).is_some(),
        _ if kind(a) == kind(b) => a == b,
        _ => {
            return Err(Error::str(format_args!(
                "{} and {} cannot have their containment checked",
                described(a),
                described(b)
            )));
        }
    })
}

fn has(v: &Val, k: &Val) -> ValR {
    match (v, k) {
        (Val::Obj(o), Val::TStr(_) | Val::BStr(_)) => Ok(Jv::from(o.contains_key(k))),
        (Val::Arr(a), Val::Num(_)) => {
            let i = k.as_f64().unwrap_or(-1.0);
            Ok(Jv::from(i >= 0.0 && i < a.len() as f64))
        }
        _ => Err(Error::str(format_args!(
            "Cannot check whether {} has a {} key",
            kind(v),
            kind(k)
        ))),
    }
}

/// Where `y` occurs in `x`: character offsets in strings, element offsets in arrays.
fn indices(x: &Val, y: &Val) -> ValR {
    let all = |found: Vec<usize>| Ok(Jv(found.into_iter().map(Val::from).collect()));
    match (x, y) {
        (Val::Null, _) => Ok(Jv(Val::Null)),
        (Val::TStr(s) | Val::BStr(s), Val::TStr(t) | Val::BStr(t)) => {
            if t.is_empty() {
                return Ok(Jv(Val::Null));
            }
            let s = String::from_utf8_lossy(s);
            let t = String::from_utf8_lossy(t);
            let mut found = Vec::new();
            for (chars, (at, _)) in s.char_indices().enumerate() {
                if s[at..].starts_with(&*t) {
                    found.push(chars);
                }
            }
            all(found)
        }
        (Val::Arr(_), Val::Arr(b)) if b.is_empty() => Ok(Jv(Val::Null)),
        (Val::Arr(a), Val::Arr(b)) => all(a
            .windows(b.len())
            .enumerate()
            .filter(|(_, w)| *w == &b[..])
            .map(|(i, _)| i)
            .collect()),
        (Val::Arr(a), y) => all(a.iter().enumerate().filter(|(_, x)| *x == y).map(|(i, _)| i).collect()),
        (x, y) => Err(Error::str(format_args!("Cannot index {} with {}", kind(x), kind(y)))),
    }
}

/// `@csv` and `@tsv`: an array of scalars as one line.
fn row(v: &Val, csv: bool) -> ValR {
    let what = if csv { "csv" } else { "tsv" };
    let Val::Arr(items) = v else {
        return Err(type_error(
            v,
            &format!("cannot be {what}-formatted, only an array can be"),
        ));
    };
    let mut line = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            line.push(if csv { b',' } else { b'\t' });
        }
        match x {
            Val::Null => {}
            Val::Num(_) if x.as_f64().is_some_and(f64::is_nan) => {}
            Val::Bool(_) | Val::Num(_) => json::write_compact(&mut line, x),
            Val::TStr(s) | Val::BStr(s) if csv => {
                line.push(b'"');
                for &b in s.iter() {
                    if b == b'"' {
                        line.push(b'"');
                    }
                    line.push(b);
                }
                line.push(b'"');
            }
            Val::TStr(s) | Val::BStr(s) => {
                for &b in s.iter() {
                    match b {
                        b'\t' => line.extend_from_slice(b"\\t"),
                        b'\r' => line.extend_from_slice(b"\\r"),
                        b'\n' => line.extend_from_slice(b"\\n"),
                        b'\\' => line.extend_from_slice(b"\\\\"),
                        _ => line.push(b),
                    }
                }
            }
            _ => return Err(type_error(x, &format!("is not valid in a {what} row"))),
        }
    }
    Ok(string(line))
}

fn shell(v: &Val) -> ValR {
    let one = std::slice::from_ref(v);
    let items: &[Val] = match v {
        Val::Arr(a) => a,
        _ => one,
    };
    let mut line = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            line.push(b' ');
        }
        match x {
            Val::TStr(s) | Val::BStr(s) => {
                line.push(b'\'');
                for &b in s.iter() {
                    if b == b'\'' {
                        line.extend_from_slice(b"'\\''");
                    } else {
                        line.push(b);
                    }
                }
                line.push(b'\'');
            }
            Val::Arr(_) | Val::Obj(_) => return Err(type_error(x, "can not be escaped for shell")),
            _ => json::write_compact(&mut line, x),
        }
    }
    Ok(string(line))
}

fn html(v: &Val) -> Jv {
    let mut out = Vec::new();
    for b in text_of(v) {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'\'' => out.extend_from_slice(b"&apos;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            _ => out.push(b),
        }
    }
    string(out)
}

fn uri(v: &Val) -> Jv {
    let mut out = Vec::new();
    for b in text_of(v) {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("%{b:02X}").as_bytes());
        }
    }
    string(out)
}

/// `@base64d` as jq 1.6 decodes: padding optional, anything after `=` ignored.
fn base64_decode(v: &Val) -> ValR {
    let input = text_of(v);
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut code, mut n) = (0u32, 0);
    for &b in input.iter().take_while(|&&b| b != b'=') {
        let six = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(type_error(&Val::utf8_str(input.clone()), "is not valid base64 data")),
        };
        code = code << 6 | u32::from(six);
        n += 1;
        if n == 4 {
            out.extend_from_slice(&code.to_be_bytes()[1..]);
            (code, n) = (0, 0);
        }
    }
    match n {
        3 => out.extend_from_slice(&(code << 6).to_be_bytes()[1..3]),
        2 => out.push((code >> 4) as u8),
        1 => return Err(type_error(&Val::utf8_str(input), "trailing base64 byte found")),
        _ => {}
    }
    Ok(string(out))
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32(v: &Val) -> Jv {
    let input = text_of(v);
    let mut out = Vec::new();
    for chunk in input.chunks(5) {
        let mut block = [0u8; 5];
        block[..chunk.len()].copy_from_slice(chunk);
        let bits = block.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < chars {
                out.push(BASE32[(bits >> (35 - 5 * i) & 31) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    string(out)
}

fn base32_decode(v: &Val) -> ValR {
    let input = text_of(v);
    let mut out = Vec::new();
    let (mut bits, mut n) = (0u64, 0u32);
    for &b in input.iter().take_while(|&&b| b != b'=') {
        let Some(five) = BASE32.iter().position(|&c| c == b.to_ascii_uppercase()) else {
            return Err(type_error(&Val::utf8_str(input.clone()), "is not valid base32 data"));
        };
        bits = bits << 5 | five as u64;
        n += 5;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Ok(string(out))
}

fn trimmed(v: Jv, affix: &Jv, front: bool) -> Jv {
    let (Some(s), Some(a)) = (bytes(&v.0), bytes(&affix.0)) else {
        return v;
    };
    let rest = if front { s.strip_prefix(a) } else { s.strip_suffix(a) };
    match rest {
        Some(rest) => {
            use jaq_std::ValT;
            Jv::as_sub_str(&v, rest)
        }
        None => v,
    }
}

fn fromjson(v: &Val) -> ValR {
    let Some(text) = bytes(v) else {
        return Err(type_error(v, "only strings can be parsed"));
    };
    json::parse_one(text)
        .map(Jv)
        .map_err(|e| Error::str(format_args!("{e} (while parsing '{}')", String::from_utf8_lossy(text))))
}

/// jq 1.6's `tonumber`: numbers as they are; a string read by jq's own parser, which
/// takes a number with leading zeros (`"007"`), a leading `+`, or no digit before or
/// after the point (`".5"`, `"5."`) — things JSON itself refuses, and event data holds
/// (zero-padded ids). Anything else that parses is not a number: jq's error.
fn tonumber(v: &Val) -> ValR {
    let Some(text) = bytes(v) else {
        return match v {
            Val::Num(_) => Ok(Jv(v.clone())),
            _ => Err(type_error(v, "cannot be parsed as a number")),
        };
    };
    if let Some(canonical) = lenient_number(text.trim_ascii()) {
        if let Ok(n) = json::parse_one(canonical.as_bytes()) {
            return Ok(Jv(n));
        }
    }
    match fromjson(v)? {
        n @ Jv(Val::Num(_)) => Ok(n),
        _ => Err(type_error(v, "cannot be parsed as a number")),
    }
}

/// `[+-]digits[.digits][(e|E)[+-]digits]` with digits optional on either side of the
/// point (not both) as JSON text: the sign `-` only, no leading zeros, no bare point.
fn lenient_number(t: &[u8]) -> Option<String> {
    let (negative, t) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = |t: &[u8]| t.iter().take_while(|b| b.is_ascii_digit()).count();
    let int_len = digits(t);
    let (int, mut rest) = t.split_at(int_len);
    let mut frac: &[u8] = &[];
    if let Some(after) = rest.strip_prefix(b".") {
        let n = digits(after);
        frac = &after[..n];
        rest = &after[n..];
    }
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut exp = String::new();
    if let Some(after) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let (sign, after) = match after.first() {
            Some(b @ (b'-' | b'+')) => (Some(*b as char), &after[1..]),
            _ => (None, after),
        };
        let n = digits(after);
        if n == 0 {
            return None;
        }
        exp.push('e');
        exp.extend(sign);
        exp.push_str(std::str::from_utf8(&after[..n]).ok()?);
        rest = &after[n..];
    }
    if !rest.is_empty() {
        return None;
    }
    let int = std::str::from_utf8(int).ok()?.trim_start_matches('0');
    let frac = std::str::from_utf8(frac).ok()?;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out.push_str(&exp);
    Some(out)
}

fn utf8bytelength(v: &Val) -> ValR {
    match bytes(v) {
        Some(b) => Ok(Jv::from(b.len())),
        None => Err(type_error(v, "only strings have UTF-8 byte length")),
    }
}

/// jq's `delpaths`: every path is resolved against the value as it was, so deleting
/// `.[1]` and `.[2]` removes two elements, not the second and then the old fourth;
/// paths that lead nowhere delete nothing (nothing grows out of null here).
fn delpaths(v: Val, paths: &Val) -> ValR {
    let Val::Arr(paths) = paths else {
        return Err(Error::str("Paths must be specified as an array"));
    };
    let mut list = Vec::with_capacity(paths.len());
    for p in paths.iter() {
        match p {
            Val::Arr(p) => list.push(&p[..]),
            _ => return Err(Error::str("Path must be specified as an array")),
        }
    }
    del_at(v, &list)
}

fn del_at(v: Val, paths: &[&[Val]]) -> ValR {
    if paths.iter().any(|p| p.is_empty()) {
        return Ok(Jv(Val::Null));
    }
    if paths.is_empty() || matches!(v, Val::Null) {
        return Ok(Jv(v));
    }
    // Deeper paths first, child by child, then this level's keys all at once.
    let mut v = v;
    let mut deeper: Vec<(&Val, Vec<&[Val]>)> = Vec::new();
    for p in paths.iter().filter(|p| p.len() > 1) {
        match deeper.iter_mut().find(|(k, _)| *k == &p[0]) {
            Some((_, tails)) => tails.push(&p[1..]),
            None => deeper.push((&p[0], vec![&p[1..]])),
        }
    }
    for (k, tails) in deeper {
        use jaq_core::ValT;
        let child = Jv(v.clone()).index(&Jv(k.clone()))?.0;
        if matches!(child, Val::Null) {
            continue;
        }
        let new = del_at(child, &tails)?;
        v = Jv(v)
            .map_index(&Jv(k.clone()), jaq_core::path::Opt::Essential, |_| {
                std::iter::once(Ok(new.clone()))
            })
            .map_err(|_| index_error_of(k))?
            .0;
    }
    let keys: Vec<&Val> = paths.iter().filter(|p| p.len() == 1).map(|p| &p[0]).collect();
    if keys.is_empty() {
        return Ok(Jv(v));
    }
    match v {
        Val::Obj(mut o) => {
            let map = Rc::make_mut(&mut o);
            for k in keys {
                if !matches!(k, Val::TStr(_) | Val::BStr(_)) {
                    return Err(Error::str(format_args!(
                        "Cannot delete field at {} index of object",
                        kind(k)
                    )));
                }
                map.shift_remove(k);
            }
            Ok(Jv(Val::Obj(o)))
        }
        Val::Arr(a) => {
            let len = a.len() as f64;
            let mut gone = vec![false; a.len()];
            for k in keys {
                let (start, end) = match k {
                    Val::Num(_) => {
                        let i = k.as_f64().unwrap_or_default().floor();
                        let i = if i < 0.0 { i + len } else { i };
                        // As jq: an index before the start deletes nothing.
                        if i < 0.0 {
                            continue;
                        }
                        (i, i + 1.0)
                    }
                    Val::Obj(o) => {
                        let bound = |name: &str, default: f64, up: bool| -> Result<f64, Error> {
                            match o.get(&Val::utf8_str(name.as_bytes().to_vec())) {
                                None | Some(Val::Null) => Ok(default),
                                Some(b @ Val::Num(_)) => {
                                    let f = b.as_f64().unwrap_or_default();
                                    let f = if f < 0.0 { f + len } else { f };
                                    Ok(if up { f.ceil() } else { f.floor() }.clamp(0.0, len))
                                }
                                Some(_) => Err(Error::str("Start and end indices of an array slice must be numbers")),
                            }
                        };
                        (bound("start", 0.0, false)?, bound("end", len, true)?)
                    }
                    _ => return Err(Error::str(format_args!("Cannot delete {} element of array", kind(k)))),
                };
                let (start, end) = (start.min(len) as usize, end.min(len) as usize);
                for g in gone.iter_mut().take(end).skip(start) {
                    *g = true;
                }
            }
            let kept = a.iter().zip(gone).filter(|(_, g)| !g).map(|(x, _)| x.clone());
            Ok(Jv(kept.collect()))
        }
        other => Err(Error::str(format_args!(
            "Cannot delete field at {} index of {}",
            kind(keys[0]),
            kind(&other)
        ))),
    }
}

/// jq's `from_entries`: the key from `key`, `k`, `name`, `Name`, `K` or `Key` (the first
/// that is neither null nor false; a non-string as its JSON), the value from `value`,
/// `Value` or `v` (the first present). Native, as a definition by `reduce` it was several
/// times slower than jaq's.
fn from_entries(v: &Val) -> ValR {
    let Val::Arr(entries) = v else {
        return Err(iterate_error_of(v));
    };
    let field = |o: &jaq_json::Map, name: &str| o.get(&Val::utf8_str(name.as_bytes().to_vec())).cloned();
    let mut out = jaq_json::Map::default();
    for e in entries.iter() {
        let Val::Obj(o) = e else {
            return Err(Error::str(format_args!("Cannot index {} with string \"key\"", kind(e))));
        };
        let key = ["key", "k", "name", "Name", "K", "Key"]
            .iter()
            .filter_map(|n| field(o, n))
            .find(|k| !matches!(k, Val::Null | Val::Bool(false)))
            .unwrap_or(Val::Null);
        let key = match key {
            k @ (Val::TStr(_) | Val::BStr(_)) => k,
            other => Val::utf8_str(text_of(&other)),
        };
        let value = ["value", "Value", "v"]
            .iter()
            .find_map(|n| field(o, n))
            .unwrap_or(Val::Null);
        out.insert(key, value);
    }
    Ok(Jv(Val::obj(out)))
}

/// jq's `keys`: an object's keys sorted by codepoint (as their UTF-8 bytes sort), an
/// array's indices. Native: jaq's `keys_unsorted | sort` costs a second array.
fn keys(v: &Val) -> ValR {
    match v {
        Val::Obj(o) => {
            let mut keys: Vec<Val> = o.keys().cloned().collect();
            keys.sort_unstable();
            Ok(Jv(Val::Arr(keys.into())))
        }
        Val::Arr(a) => Ok(Jv((0..a.len()).map(Val::from).collect())),
        _ => Err(type_error(v, "has no keys")),
    }
}

/// jq 1.6's `add`, `reduce .[] as $x (null; . + $x)`, without running a `reduce` for
/// it: the values of an array or an object summed with jq's `+` from null.
fn add(v: Val) -> ValR {
    let items: Vec<Val> = match v {
        Val::Arr(a) => Rc::unwrap_or_clone(a),
        Val::Obj(o) => o.values().cloned().collect(),
        other => return Err(iterate_error_of(&other)),
    };
    let mut sum = Jv(Val::Null);
    for x in items {
        sum = (sum + Jv(x))?;
    }
    Ok(sum)
}

fn iterate_error_of(v: &Val) -> Error {
    Error::str(format_args!("Cannot iterate over {}", described(v)))
}

fn index_error_of(k: &Val) -> Error {
    Error::str(format_args!("Cannot delete at {} index", kind(k)))
}

pub(super) fn funs() -> Box<[Native]> {
    let own: Box<[Native]> = Box::new([
        ("length", v(0), |cv| bome(length(&cv.1.0))),
        ("utf8bytelength", v(0), |cv| bome(utf8bytelength(&cv.1.0))),
        ("contains", v(1), |mut cv| {
            let b = cv.0.pop_var();
            bome(contains(&cv.1.0, &b.0).map(Jv::from))
        }),
        ("has", v(1), |mut cv| {
            let k = cv.0.pop_var();
            bome(has(&cv.1.0, &k.0))
        }),
        ("indices", v(1), |mut cv| {
            let y = cv.0.pop_var();
            bome(indices(&cv.1.0, &y.0))
        }),
        ("bsearch", v(1), |mut cv| {
            let x = cv.0.pop_var();
            bome(match &cv.1.0 {
                Val::Arr(a) => {
                    let i = match a.binary_search(&x.0) {
                        Ok(i) => i as isize,
                        Err(i) => -1 - i as isize,
                    };
                    Ok(Jv::from(i))
                }
                v => Err(type_error(v, "cannot be searched from")),
            })
        }),
        ("delpaths", v(1), |mut cv| {
            let paths = cv.0.pop_var();
            bome(delpaths(cv.1.0, &paths.0))
        }),
        ("from_entries", v(0), |cv| bome(from_entries(&cv.1.0))),
        ("keys", v(0), |cv| bome(keys(&cv.1.0))),
        ("add", v(0), |cv| bome(add(cv.1.0))),
        ("fromjson", v(0), |cv| bome(fromjson(&cv.1.0))),
        ("tonumber", v(0), |cv| bome(tonumber(&cv.1.0))),
        ("@csv", v(0), |cv| bome(row(&cv.1.0, true))),
        ("@tsv", v(0), |cv| bome(row(&cv.1.0, false))),
        ("@sh", v(0), |cv| bome(shell(&cv.1.0))),
        ("@html", v(0), |cv| bome(Ok(html(&cv.1.0)))),
        ("@uri", v(0), |cv| bome(Ok(uri(&cv.1.0)))),
        ("@base64d", v(0), |cv| bome(base64_decode(&cv.1.0))),
        ("@base32", v(0), |cv| bome(Ok(base32(&cv.1.0)))),
        ("@base32d", v(0), |cv| bome(base32_decode(&cv.1.0))),
        ("ltrimstr", v(1), |mut cv| {
            let a = cv.0.pop_var();
            box_once(Ok(trimmed(cv.1, &a, true)))
        }),
        ("rtrimstr", v(1), |mut cv| {
            let a = cv.0.pop_var();
            box_once(Ok(trimmed(cv.1, &a, false)))
        }),
    ]);
    own.into_vec().into_iter().chain(idioms::funs().into_vec()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{Filter, Flow, RunError};

    /// The outputs of `code` on `input` joined by spaces, or "error: " and the message.
    fn jq(code: &str, input: &str) -> String {
        let f = Filter::compile(code, &[], Vec::new()).expect("compiles");
        let mut outs = Vec::new();
        let r = f.run_bytes(input.as_bytes(), |v| {
            let mut b = Vec::new();
            v.write_json(&mut b);
            outs.push(String::from_utf8(b).expect("utf8"));
            Flow::Continue
        });
        match r {
            Ok(_) => outs.join(" "),
            Err(RunError::Failed(m)) => format!("error: {m}"),
            Err(other) => panic!("{code}: {other:?}"),
        }
    }

    /// Expected outputs as `/usr/bin/jq` (jq 1.6) prints them with `-c`.
    #[test]
    fn keys_and_add_are_jq_1_6_s() {
        let cases = [
            ("keys", r#"{"b":1,"a":2,"é":3,"z":0}"#, r#"["a","b","z","é"]"#),
            ("keys", "[3,4]", "[0,1]"),
            ("keys", "1", "error: number (1) has no keys"),
            ("keys", "null", "error: null (null) has no keys"),
            ("[keys[] | length] | add", r#"{"ab":1,"é":2}"#, "3"),
            ("add", "[]", "null"),
            ("add", r#"{"a":1,"b":2}"#, "3"),
            ("add", "[1,null,2]", "3"),
            ("add", r#"[null,"a"]"#, r#""a""#),
            ("add", "[[1],[2]]", "[1,2]"),
            ("add", r#"[{"a":1},{"b":2}]"#, r#"{"a":1,"b":2}"#),
            ("add", "[true]", "true"),
            ("add", "[null]", "null"),
            ("add", "null", "error: Cannot iterate over null (null)"),
            ("add", "1", "error: Cannot iterate over number (1)"),
            ("add", r#""ab""#, r#"error: Cannot iterate over string ("ab")"#),
            (
                "add",
                r#"[1,"a"]"#,
                r#"error: number (1) and string ("a") cannot be added"#,
            ),
        ];
        for (code, input, want) in cases {
            assert_eq!(jq(code, input), want, "{code} on {input}");
        }
    }
}
