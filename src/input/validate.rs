//! Validate-only JSON: says whether a line is one JSON document, building nothing.
//!
//! `eddy produce` checks every JSON line before it sends it. serde_json into
//! `IgnoredAny` did that at ~1,700 instructions for a 94-byte event, more than
//! librdkafka spends taking the record; this scanner walks the bytes once (strings eight
//! bytes at a time) and answers yes or no. It accepts exactly what serde_json accepts
//! there — its grammar, its four whitespace bytes, no depth limit (serde_json ignores
//! values without recursing), and string bytes that need not be UTF-8 (serde_json does
//! not check them when it ignores a string) — so nothing is less validated than before;
//! the `json_validate` fuzz target holds the two to the same answer. For the message of
//! a rejected line serde_json is asked again (`check`): errors are rare, and its words
//! ("trailing characters at line 1 column 9") are what users have seen until now.
//!
//! Lines of one stream nearly always share their shape: the same keys in the same order,
//! the same punctuation, only the scalar values differ. So the scanner remembers the
//! last accepted line's shape — its literal runs (braces, keys, colons, commas) with a
//! hole for each scalar value — and checks the next line against it first: each run by
//! comparing bytes, each hole with the same string, number and literal scanners as the
//! full walk. A line that matches is valid JSON for the same reason the template was
//! (only scalars, each checked, stand where scalars stood); a line that does not is
//! walked in full, which decides, and becomes the template when it is accepted.

/// An open array or object, innermost last.
const ARRAY: bool = false;
const OBJECT: bool = true;

/// The scanner, with the stack of open containers kept between lines (no allocation
/// per line once it is deep enough).
#[derive(Debug, Default)]
pub struct JsonCheck {
    open: Vec<bool>,
    /// The last accepted line's shape, tried first.
    shape: Shape,
    /// Where the scalar values of the line being walked start and end, for `shape`.
    holes: Vec<(usize, usize)>,
    /// Whether this walk notes `holes` (it will be the template).
    recording: bool,
    /// Lines still to walk without trying the shape, after it missed: in a stream of
    /// mixed shapes a miss costs a match that fails late and a new template, more than
    /// the walk alone, so each miss in a row doubles the pause (up to `LONGEST_PAUSE`)
    /// and a hit ends it.
    cold: u32,
    pause: u32,
}

/// A line's literal runs with a scalar value between each two: `{"id":`, `,"user":`,
/// ..., `}` with a hole after each run but the last.
#[derive(Debug, Default)]
struct Shape {
    /// The runs' bytes, one after another.
    text: Vec<u8>,
    /// Where each run ends in `text`; empty while there is no template.
    ends: Vec<usize>,
}

/// Lines with more scalars (long arrays of numbers) are walked in full every time:
/// their shapes rarely repeat, and a template is a copy of the line's structure.
const MOST_HOLES: usize = 256;
/// Nor are lines longer than this taken as templates.
const LONGEST_TEMPLATE: usize = 16 << 10;
/// The most lines walked in full after misses before the shape is tried again.
const LONGEST_PAUSE: u32 = 1024;

impl Shape {
    fn ready(&self) -> bool {
        !self.ends.is_empty()
    }

    /// True when `s` has this shape, each hole a valid scalar; false means "walk it".
    #[inline]
    fn matches(&self, s: &[u8]) -> bool {
        let Some((&last, holes)) = self.ends.split_last() else {
            return false;
        };
        let mut i = 0;
        let mut start = 0;
        for &end in holes {
            let run = &self.text[start..end];
            start = end;
            if !s.get(i..i + run.len()).is_some_and(|here| same(here, run)) {
                return false;
            }
            match scalar(s, i + run.len()) {
                Some(j) => i = j,
                None => return false,
            }
        }
        s.get(i..) == Some(&self.text[start..last])
    }

    /// Takes `s`, just accepted, with its scalar values at `holes`, as the template.
    fn learn(&mut self, s: &[u8], holes: &[(usize, usize)]) {
        self.text.clear();
        self.ends.clear();
        let mut at = 0;
        for &(start, end) in holes {
            self.text.extend_from_slice(&s[at..start]);
            self.ends.push(self.text.len());
            at = end;
        }
        self.text.extend_from_slice(&s[at..]);
        self.ends.push(self.text.len());
    }
}

/// Whether two slices of one length hold the same bytes: the short runs of a shape
/// (`,"amount":`) with two overlapping loads instead of a call to `bcmp`.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    let word = |x: &[u8], at: usize| {
        x.get(at..at + 8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
    };
    let half = |x: &[u8], at: usize| {
        x.get(at..at + 4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap_or_default()))
    };
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

/// A scalar value (string, number, true, false, null) at `i`: the position after it.
#[inline(always)]
fn scalar(s: &[u8], i: usize) -> Option<usize> {
    match *s.get(i)? {
        b'"' => string(s, i + 1),
        b'-' | b'0'..=b'9' => number(s, i),
        b't' if s[i..].starts_with(b"true") => Some(i + 4),
        b'f' if s[i..].starts_with(b"false") => Some(i + 5),
        b'n' if s[i..].starts_with(b"null") => Some(i + 4),
        _ => None,
    }
}

impl JsonCheck {
    /// Ok when `text` is one JSON document (whitespace around it allowed); otherwise
    /// serde_json's description of what is wrong.
    pub fn check(&mut self, text: &[u8]) -> Result<(), String> {
        if self.accepts(text) {
            return Ok(());
        }
        match serde_json::from_slice::<serde::de::IgnoredAny>(text) {
            Err(e) => Err(format!("not JSON: {e}")),
            // Never seen (the fuzz target compares the two); if it were, serde_json's
            // yes stands, as it did before this scanner.
            Ok(_) => Ok(()),
        }
    }

    /// Whether `s` is one JSON document.
    pub fn accepts(&mut self, s: &[u8]) -> bool {
        if self.cold == 0 && self.shape.ready() {
            if self.shape.matches(s) {
                self.pause = 1;
                return true;
            }
            self.cold = self.pause.max(1);
            self.pause = (self.cold * 2).min(LONGEST_PAUSE);
        } else {
            self.cold = self.cold.saturating_sub(1);
        }
        // The line walked just before the shape is tried again is the new template.
        self.recording = self.cold == 0 && s.len() <= LONGEST_TEMPLATE;
        self.holes.clear();
        let accepted = self.walk(s);
        if accepted && self.recording {
            self.shape.learn(s, &self.holes);
        }
        accepted
    }

    /// Records a scalar value of the line being walked, for its shape.
    #[inline(always)]
    fn hole(&mut self, start: usize, end: usize) {
        if self.recording {
            if self.holes.len() == MOST_HOLES {
                self.recording = false;
            } else {
                self.holes.push((start, end));
            }
        }
    }

    /// The full walk: whether `s` is one JSON document, noting its scalars' places.
    fn walk(&mut self, s: &[u8]) -> bool {
        self.open.clear();
        let mut i = 0;
        loop {
            // A value is expected at `i`.
            i = skip_ws(s, i);
            let Some(&b) = s.get(i) else { return false };
            let mut closed_at_once = false;
            match b {
                b'{' | b'[' => {
                    let object = b == b'{';
                    i = skip_ws(s, i + 1);
                    if s.get(i) == Some(if object { &b'}' } else { &b']' }) {
                        i += 1;
                        closed_at_once = true;
                    } else {
                        self.open.push(if object { OBJECT } else { ARRAY });
                        if object {
                            match key(s, i) {
                                Some(j) => i = j,
                                None => return false,
                            }
                        }
                    }
                }
                _ => match scalar(s, i) {
                    Some(j) => {
                        self.hole(i, j);
                        i = j;
                    }
                    None => return false,
                },
            }
            if !closed_at_once && matches!(b, b'{' | b'[') {
                // A container opened: its first value (an object's after its key) next.
                continue;
            }
            // After a value: a comma, the end of its container, or the end of the text.
            loop {
                i = skip_ws(s, i);
                let Some(&inner) = self.open.last() else {
                    return i == s.len();
                };
                match (s.get(i), inner) {
                    (Some(b','), ARRAY) => {
                        i += 1;
                        break;
                    }
                    (Some(b','), OBJECT) => match key(s, i + 1) {
                        Some(j) => {
                            i = j;
                            break;
                        }
                        None => return false,
                    },
                    (Some(b']'), ARRAY) | (Some(b'}'), OBJECT) => {
                        i += 1;
                        self.open.pop();
                    }
                    _ => return false,
                }
            }
        }
    }
}

/// Past the whitespace serde_json allows (space, tab, newline, carriage return).
#[inline(always)]
fn skip_ws(s: &[u8], mut i: usize) -> usize {
    // Most lines have no whitespace between tokens: one comparison says so.
    while let Some(&b) = s.get(i) {
        if b > b' ' || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            break;
        }
        i += 1;
    }
    i
}

/// An object's key and its colon, from `i` (whitespace first); the position after the
/// colon.
#[inline(always)]
fn key(s: &[u8], i: usize) -> Option<usize> {
    let i = skip_ws(s, i);
    if s.get(i) != Some(&b'"') {
        return None;
    }
    let i = skip_ws(s, string(s, i + 1)?);
    (s.get(i) == Some(&b':')).then_some(i + 1)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is zero, exact for the lowest such byte (a
/// borrow can mark bytes above it, never below).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// A string's body from `i` (just past its opening quote): the position after its
/// closing quote, or None when it is not a JSON string. Control bytes are refused,
/// escapes checked; other bytes pass as serde_json lets them when it ignores a string.
#[inline(always)]
fn string(s: &[u8], mut i: usize) -> Option<usize> {
    loop {
        // Eight bytes at a time to the next quote, backslash or control byte.
        while let Some(chunk) = s.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().ok()?);
            let special = zero_bytes(x ^ (ONES * u64::from(b'"')))
                | zero_bytes(x ^ (ONES * u64::from(b'\\')))
                // Bytes below 0x20: those whose high bit is clear and that borrow below 0x20.
                | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS);
            if special == 0 {
                i += 8;
            } else {
                i += (special.trailing_zeros() / 8) as usize;
                break;
            }
        }
        match *s.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => {
                i = match *s.get(i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i + 2,
                    b'u' if s.get(i + 2..i + 6)?.iter().all(u8::is_ascii_hexdigit) => i + 6,
                    _ => return None,
                };
            }
            0..0x20 => return None,
            _ => i += 1,
        }
    }
}

/// A number from `i`: the position after it. The grammar serde_json checks: an optional
/// minus, one zero or digits not starting with zero, then optionally a fraction and an
/// exponent, each with at least one digit.
#[inline(always)]
fn number(s: &[u8], mut i: usize) -> Option<usize> {
    if s[i] == b'-' {
        i += 1;
    }
    match *s.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i = digits(s, i + 1),
        _ => return None,
    }
    if s.get(i) == Some(&b'.') {
        let j = digits(s, i + 1);
        if j == i + 1 {
            return None;
        }
        i = j;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = s.get(i) {
            i += 1;
        }
        let j = digits(s, i);
        if j == i {
            return None;
        }
        i = j;
    }
    Some(i)
}

/// Past the ASCII digits from `i`, eight at a time while eight bytes are left (a
/// 13-digit millisecond timestamp is two steps, not thirteen).
#[inline(always)]
fn digits(s: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = s.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // A digit is 0x30..=0x39: xor with 0x30 leaves 0..=9. The high bit of each byte
        // of `other` is set where that leaves 10 or more (adding 0x76 to the low seven
        // bits reaches 0x80 from 10 up, and never carries into the next byte) or where
        // the byte had its own high bit.
        let y = x ^ (ONES * 0x30);
        let other = (((y & !HIGHS).wrapping_add(ONES * 0x76)) | y) & HIGHS;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while s.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_says(text: &[u8]) -> bool {
        serde_json::from_slice::<serde::de::IgnoredAny>(text).is_ok()
    }

    #[test]
    fn accepts_what_serde_json_accepts_and_refuses_what_it_refuses() {
        let cases: &[&[u8]] = &[
            br#"{"id":1,"user":"u654","amount":114.5e-3,"tags":["a","b"],"x":null,"t":true,"f":false}"#,
            b"  [ 1 , -0 , 0.5 , 1E+9 , -2e-0 , {} , [] , \"\" ]\t\r\n",
            br#""esc \" \\ \/ \b \f \n \r \t \u00e9 \uD800""#,
            b"0",
            b"-",
            b"01",
            b"1.",
            b".5",
            b"1e",
            b"1e+",
            b"+1",
            b"[1,]",
            b"[,1]",
            b"{\"a\":1,}",
            b"{\"a\" 1}",
            b"{1:2}",
            b"{\"a\":1 \"b\":2}",
            b"[1 2]",
            b"{} x",
            b"{}{}",
            b"tru",
            b"truex",
            b"nul",
            b"[true,false,null]",
            b"\"unterminated",
            b"\"ctl \x01 byte\"",
            b"\"tab \t inside\"",
            b"\"bad \\x escape\"",
            b"\"short \\u12\"",
            b"\"hex \\u12G4\"",
            b"\"invalid utf-8 \xff\xfe inside a string\"",
            b"\xff",
            b"{\"a\":\"\xc3\"}",
            b"\x0c{}",
            b"{}\x0c",
            b"[",
            b"{",
            b"{\"a\"",
            b"{\"a\":",
            b"[[[[[[[[[[]]]]]]]]]]",
            b"[[[[[[[[[[]]]]]]]]]",
            b"",
            b"   ",
            b"\"a string exactly 16\"",
            b"\"0123456789abcde\"",
            b"\"0123456\\\"89abcdef0123456789\"",
        ];
        let mut check = JsonCheck::default();
        for text in cases {
            assert_eq!(
                check.accepts(text),
                serde_says(text),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn nesting_has_no_depth_limit_as_with_serde_json_ignoring_a_value() {
        let deep = [vec![b'['; 100_000], vec![b']'; 100_000]].concat();
        assert!(serde_says(&deep));
        assert!(JsonCheck::default().accepts(&deep));
        assert!(!JsonCheck::default().accepts(&deep[..deep.len() - 1]));
    }

    #[test]
    fn a_refused_line_gets_serde_jsons_words() {
        let mut check = JsonCheck::default();
        assert_eq!(check.check(br#"{"a":1}"#), Ok(()));
        assert_eq!(
            check.check(br#"{"a":1} x"#).unwrap_err(),
            "not JSON: trailing characters at line 1 column 9"
        );
        assert_eq!(
            check.check(b"{\"a\":tru}").unwrap_err(),
            "not JSON: expected ident at line 1 column 9"
        );
    }

    #[test]
    fn a_line_of_the_last_accepted_lines_shape_is_still_checked_value_by_value() {
        let template: &[u8] = br#"{"id":1,"user":"u654","amount":114.5,"ok":true,"ts":1764316800000}"#;
        let lines: &[&[u8]] = &[
            br#"{"id":22,"user":"u7","amount":-0.5e3,"ok":false,"ts":1764316800010}"#,
            br#"{"id":3,"user":"esc \" \\ \u00e9","amount":0,"ok":null,"ts":"late"}"#,
            br#"{"id":01,"user":"u1","amount":1,"ok":true,"ts":1}"#,
            br#"{"id":1.,"user":"u1","amount":1,"ok":true,"ts":1}"#,
            br#"{"id":1,"user":"u1,"amount":1,"ok":true,"ts":1}"#,
            b"{\"id\":1,\"user\":\"u\x01\",\"amount\":1,\"ok\":true,\"ts\":1}",
            br#"{"id":1,"user":"u1","amount":1,"ok":tru,"ts":1}"#,
            br#"{"id":1,"user":"u1","amount":1,"ok":true,"ts":1}}"#,
            br#"{"id":1,"user":"u1","amount":1,"ok":true,"ts":1"#,
            br#"{"id":1,"user":"u1","amount":1,"ok":true,"ts":12e}"#,
            br#"{"id":[1],"user":"u1","amount":1,"ok":true,"ts":1}"#,
            br#"{"id":{},"user":"u1","amount":1,"ok":true,"ts":1}"#,
            br#"{"id":1,"user":"u1","amount":1,"ok":true,"ts":1,"more":2}"#,
            br#"{"id":1 ,"user":"u1","amount":1,"ok":true,"ts":1}"#,
            br#"{"id":1,"user":"u1","amount":1,"ok":true,"ts":1}"#,
        ];
        for line in lines {
            // Each after the template, and each after the line before it.
            let mut fresh = JsonCheck::default();
            assert!(fresh.accepts(template));
            assert_eq!(
                fresh.accepts(line),
                serde_says(line),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        let mut running = JsonCheck::default();
        for line in lines.iter().chain(lines) {
            assert_eq!(
                running.accepts(line),
                serde_says(line),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn digits_are_counted_eight_at_a_time_up_to_any_byte_that_ends_them() {
        let mut check = JsonCheck::default();
        for len in 0..20 {
            for end in [
                b'/', b':', b'.', b'e', b',', b']', b' ', 0x00, 0x7f, 0x80, 0xb0, 0xb9, 0xff,
            ] {
                let mut text = b"[1".to_vec();
                text.extend(std::iter::repeat_n(b'7', len));
                text.push(end);
                text.extend_from_slice(b"5]");
                assert_eq!(
                    check.accepts(&text),
                    serde_says(&text),
                    "{}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }

    proptest::proptest! {
        /// Lines made of a few shapes with changing scalars, checked by one scanner in
        /// sequence as produce checks them: the same answer as serde_json for each.
        #[test]
        fn lines_in_sequence_get_serde_jsons_answer(lines in proptest::collection::vec(
            (0..3usize, proptest::collection::vec("[-0-9.eE+\"a-z\\\\ {}\\[\\],:tfrulsn\x01]{0,6}", 4)),
            1..12,
        )) {
            let mut check = JsonCheck::default();
            for (shape, values) in lines {
                let text = match shape {
                    0 => format!("{{\"a\":{},\"b\":{}}}", values[0], values[1]),
                    1 => format!("[{},{},{}]", values[0], values[1], values[2]),
                    _ => format!("{{\"a\":\"{}\",\"b\":{},\"c\":[{}]}}", values[0], values[1], values[3]),
                };
                proptest::prop_assert_eq!(check.accepts(text.as_bytes()), serde_says(text.as_bytes()), "{}", text);
            }
        }
    }

    #[test]
    fn every_special_byte_is_found_at_every_offset_of_an_eight_byte_word() {
        let mut check = JsonCheck::default();
        for at in 0..20 {
            for special in [b'"', b'\\', 0x01, 0x1f, b'\n'] {
                let mut text = vec![b'"'];
                text.extend(std::iter::repeat_n(b'a', at));
                text.push(special);
                text.extend(std::iter::repeat_n(b'\xe9', 9));
                text.push(b'"');
                assert_eq!(check.accepts(&text), serde_says(&text), "{at} {special}");
            }
        }
    }
}
