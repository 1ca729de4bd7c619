//! The scan: one validating pass over a record's bytes that notes where each top-level
//! field's value is and whether its bytes are already what jq would print, so that the
//! fast path can copy them instead of parsing and writing them again.

use super::Bail;
use crate::jq::json;
use jaq_json::Val;

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
pub(super) struct Field {
    pub(super) key: (usize, usize),
    pub(super) value: Raw,
}

/// One scanned document: a top-level object and its fields, in order.
#[derive(Debug, Default)]
pub struct Scan {
    pub(super) fields: Vec<Field>,
    /// The whole object.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) canonical: bool,
    /// Some key has escapes, so looking keys up by their bytes could miss.
    pub(super) escaped_keys: bool,
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
    pub(super) fn whole(&self, bytes: &[u8]) -> Raw {
        Raw {
            kind: Kind::Obj,
            start: self.start,
            end: self.end,
            canonical: self.canonical && !duplicates(bytes, &self.fields),
        }
    }
}

/// The last member named `key` of the object at `bytes[at]`, walked without keeping
/// its fields (this runs per record for paths like `.value.amount`).
pub(super) fn member(bytes: &[u8], at: usize, key: &[u8]) -> Result<Option<Raw>, Bail> {
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

/// The members of the object at `bytes[at]`, validated whole as the scan does, each
/// handed to `each` with its key's bytes (without quotes), whether the key has escapes,
/// and its value; returns where the object ends. Projection reads inputs with it.
pub(in crate::jq) fn object_members(
    bytes: &[u8],
    at: usize,
    mut each: impl FnMut(&[u8], bool, Raw),
) -> Result<usize, Bail> {
    let mut s = Scanner {
        b: bytes,
        i: at,
        canon: true,
        depth: 0,
    };
    if s.peek()? != b'{' {
        return Err(Bail);
    }
    s.members(|s, k, escaped, value| each(&s.b[k.0..k.1], escaped, value))?;
    Ok(s.i)
}

/// The last field named `key` (jq keeps the last of duplicate keys).
pub(super) fn find(bytes: &[u8], fields: &[Field], key: &[u8]) -> Option<Raw> {
    fields
        .iter()
        .rev()
        .find(|f| f.key.1 - f.key.0 == key.len() && &bytes[f.key.0..f.key.1] == key)
        .map(|f| f.value)
}

/// Whether two fields share a key. Only small objects are checked; larger ones are
/// taken as not canonical, which is always safe.
pub(super) fn duplicates(bytes: &[u8], fields: &[Field]) -> bool {
    if fields.len() > 32 {
        return true;
    }
    for (i, a) in fields.iter().enumerate() {
        let ka = &bytes[a.key.0..a.key.1];
        // Lengths first: most keys differ in length, and that spares a memcmp call.
        let same = |b: &Field| b.key.1 - b.key.0 == ka.len() && &bytes[b.key.0..b.key.1] == ka;
        if fields[i + 1..].iter().any(same) {
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
