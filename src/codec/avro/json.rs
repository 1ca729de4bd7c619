//! A strict JSON pull parser over a byte slice, for the Avro encoder: the schema says
//! what comes next, so the encoder asks for exactly that (a string, a number, the next
//! key) and no value tree is built. Its position is a plain index, so trying a union's
//! branches is a rewind, and a record whose keys come in another order than the schema's
//! is read by seeking to each value.
//!
//! It accepts the JSON serde_json reads into a value, no more (the fuzz target checks
//! that whatever the encoder takes, serde_json takes too); it only allocates for a
//! string with escapes.

use std::borrow::Cow;

/// A JSON number's text and what it reads as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number<'a> {
    pub text: &'a str,
    /// The integer, when the text is one within `i64`.
    pub int: Option<i64>,
}

impl Number<'_> {
    pub fn float(&self) -> f64 {
        self.text.parse().unwrap_or(f64::NAN)
    }

    /// An integer, also from a float text with no fraction (as some writers print whole
    /// numbers: `3.0`, `1e3`).
    pub fn integer(&self) -> Option<i64> {
        self.int.or_else(|| {
            let x = self.float();
            (x.fract() == 0.0 && x.abs() < 9.0e15).then_some(x as i64)
        })
    }
}

/// The JSON syntax was broken at `.0` (a byte offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax(pub usize);

pub type Parsed<T> = Result<T, Syntax>;

#[derive(Debug, Clone)]
pub struct Parser<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
}

/// Nesting deeper than this is refused, as serde_json does.
const MAX_DEPTH: usize = 128;

impl<'a> Parser<'a> {
    pub fn new(bytes: &'a [u8]) -> Parser<'a> {
        Parser { bytes, pos: 0 }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The first byte of the next value (after whitespace), without taking it.
    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    fn err<T>(&self) -> Parsed<T> {
        Err(Syntax(self.pos))
    }

    /// Takes `byte` (after whitespace) if it is next.
    pub fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &[u8]) -> Parsed<()> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            self.err()
        }
    }

    /// `null`, `true` or `false` when next: `Some(None)` for null.
    pub fn null_or_bool(&mut self) -> Parsed<Option<Option<bool>>> {
        match self.peek() {
            Some(b'n') => self.literal(b"null").map(|()| Some(None)),
            Some(b't') => self.literal(b"true").map(|()| Some(Some(true))),
            Some(b'f') => self.literal(b"false").map(|()| Some(Some(false))),
            _ => Ok(None),
        }
    }

    /// The number next, if one is.
    pub fn number(&mut self) -> Parsed<Option<Number<'a>>> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Ok(None),
        }
        let start = self.pos;
        let digits = |p: &mut Parser| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.bytes.get(p.pos) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = digits(self);
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return self.err();
        }
        let mut integral = true;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integral = false;
            if digits(self) == 0 {
                return self.err();
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            integral = false;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return self.err();
            }
        }
        // Only ASCII was taken, so the text is UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default();
        let int = if integral { text.parse().ok() } else { None };
        Ok(Some(Number { text, int }))
    }

    /// The string next, if one is: borrowed from the input unless it has escapes.
    pub fn string(&mut self) -> Parsed<Option<Cow<'a, str>>> {
        if self.peek() != Some(b'"') {
            return Ok(None);
        }
        self.pos += 1;
        let start = self.pos;
        self.plain_run();
        let run = &self.bytes[start..self.pos];
        match self.bytes.get(self.pos) {
            Some(b'"') => {
                self.pos += 1;
                match std::str::from_utf8(run) {
                    Ok(s) => Ok(Some(Cow::Borrowed(s))),
                    Err(e) => Err(Syntax(start + e.valid_up_to())),
                }
            }
            Some(b'\\') => {
                let mut owned = match std::str::from_utf8(run) {
                    Ok(s) => s.to_string(),
                    Err(e) => return Err(Syntax(start + e.valid_up_to())),
                };
                self.escaped(&mut owned)?;
                Ok(Some(Cow::Owned(owned)))
            }
            _ => self.err(),
        }
    }

    /// Moves past the bytes of a string that need no care: up to the next quote,
    /// backslash or control character (or the end).
    fn plain_run(&mut self) {
        let rest = &self.bytes[self.pos..];
        // The quote or backslash found fast; a control character before it is rare
        // (and an error), so it is looked for in that span only.
        let end = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
        let span = &rest[..end];
        let end = if span.iter().fold(false, |any, &b| any | (b < 0x20)) {
            span.iter().position(|&b| b < 0x20).unwrap_or(end)
        } else {
            end
        };
        self.pos += end;
    }

    /// The next key if it is exactly `quoted` (a key as the decoder writes it, `"name":`),
    /// taken with its colon; the parser is left as it was otherwise. After `{` or a value.
    pub fn exact_key(&mut self, quoted: &[u8], first: bool) -> bool {
        let save = self.pos;
        if (first || self.eat(b',')) && self.peek().is_some() && self.bytes[self.pos..].starts_with(quoted) {
            self.pos += quoted.len();
            return true;
        }
        self.pos = save;
        false
    }

    /// The rest of a string with escapes, from the first backslash to the closing quote.
    fn escaped(&mut self, out: &mut String) -> Parsed<()> {
        loop {
            let start = self.pos;
            self.plain_run();
            match std::str::from_utf8(&self.bytes[start..self.pos]) {
                Ok(s) => out.push_str(s),
                Err(e) => return Err(Syntax(start + e.valid_up_to())),
            }
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(&e) = self.bytes.get(self.pos) else {
                        return self.err();
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            out.push(c);
                        }
                        _ => return self.err(),
                    }
                }
                _ => return self.err(),
            }
        }
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let Some(hex) = self.bytes.get(self.pos..self.pos + 4) else {
            return self.err();
        };
        let mut v = 0;
        for &h in hex {
            v = v * 16 + (h as char).to_digit(16).ok_or(Syntax(self.pos))?;
        }
        self.pos += 4;
        Ok(v)
    }

    /// After `\u`: one code point, a surrogate pair taking two escapes.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return self.err();
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return self.err();
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return self.err(),
            c => c,
        };
        char::from_u32(code).ok_or(Syntax(self.pos))
    }

    /// After `{` or a value in an object: the next key (and its colon), or `None` at the
    /// closing brace. `first` is whether no key was read yet.
    pub fn key(&mut self, first: bool) -> Parsed<Option<Cow<'a, str>>> {
        if self.eat(b'}') {
            return Ok(None);
        }
        if !first && !self.eat(b',') {
            return self.err();
        }
        let Some(key) = self.string()? else {
            return self.err();
        };
        if !self.eat(b':') {
            return self.err();
        }
        Ok(Some(key))
    }

    /// After `[` or an item: whether another item follows (taking its comma).
    pub fn item(&mut self, first: bool) -> Parsed<bool> {
        if self.eat(b']') {
            return Ok(false);
        }
        if !first && !self.eat(b',') {
            return self.err();
        }
        Ok(true)
    }

    /// Skips one value, checking its syntax.
    pub fn skip(&mut self, depth: usize) -> Parsed<()> {
        if depth > MAX_DEPTH {
            return self.err();
        }
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                let mut first = true;
                while self.key(first)?.is_some() {
                    self.skip(depth + 1)?;
                    first = false;
                }
                Ok(())
            }
            Some(b'[') => {
                self.pos += 1;
                let mut first = true;
                while self.item(first)? {
                    self.skip(depth + 1)?;
                    first = false;
                }
                Ok(())
            }
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => match self.null_or_bool()? {
                Some(_) => Ok(()),
                None => self.err(),
            },
        }
    }

    /// Whether only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips(text: &str) -> bool {
        let mut p = Parser::new(text.as_bytes());
        p.skip(0).is_ok() && p.at_end()
    }

    #[test]
    fn it_accepts_what_serde_json_accepts() {
        let cases = [
            "null",
            " true ",
            "-0",
            "1.5e-3",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "\"a\\u00e9\\ud83d\\ude00\\n\"",
            "\"\\ud83d\"",
            "\"\\udc00\"",
            "\"\\x\"",
            "\"tab\there\"",
            "[1, 2 ,3]",
            "[1,]",
            "[,1]",
            "{\"a\":1,\"b\":[{}]}",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{1:2}",
            "nul",
            "[]]",
            "\"\u{e9}\"",
        ];
        for text in cases {
            let serde = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(skips(text), serde, "{text}");
        }
        assert!(!skips(&"[".repeat(200)));
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut p = Parser::new(br#""plain" "esc\"aped""#);
        assert!(matches!(p.string(), Ok(Some(Cow::Borrowed("plain")))));
        assert_eq!(p.string(), Ok(Some(Cow::Owned("esc\"aped".to_string()))));
        assert!(Parser::new(b"\"\xff\"").string().is_err());
    }

    #[test]
    fn numbers_keep_their_text() {
        let n = Parser::new(b"12.50").number().unwrap().unwrap();
        assert_eq!((n.text, n.int, n.integer()), ("12.50", None, None));
        let n = Parser::new(b"-7").number().unwrap().unwrap();
        assert_eq!((n.int, n.integer()), (Some(-7), Some(-7)));
        let n = Parser::new(b"3.0").number().unwrap().unwrap();
        assert_eq!((n.int, n.integer()), (None, Some(3)));
        let n = Parser::new(b"18446744073709551616").number().unwrap().unwrap();
        assert_eq!(n.int, None);
    }
}
