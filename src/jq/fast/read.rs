//! Reading a filter's text into a plan: a lexer and a parser for the part of jq the
//! fast path knows, with jq's precedence (`|` < `=`/`|=` < `or` < `and` < comparisons
//! < `+ -` < `* / %`). Anything else — a comment, `?`, `//`, `,` outside `[...] | @csv`,
//! an escape in a string literal, a function it does not know — gives no plan, and the
//! interpreter runs the filter.

use super::*;
use crate::jq::json;
use crate::jq::jv::Jv;
use jaq_json::Num;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `.` alone.
    Dot,
    /// A path `.a.b` (or `."a"`), written without spaces.
    Path(Vec<Vec<u8>>),
    /// `.[n]`
    Index(i64),
    Ident(String),
    Var(String),
    /// A number literal's text.
    Num(String),
    Str(Vec<u8>),
    /// A string with interpolations: literal text, then the code inside `\(...)`.
    Interp(Vec<(Vec<u8>, Option<String>)>),
    /// `@csv`
    Format(String),
    Op(Op),
    /// `+ - * / %`
    Arith(u8),
    /// `=`
    Assign,
    /// `|=`
    Update,
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

/// A string literal at `code[*i]` (a quote): plain text and `\(...)` interpolations,
/// no other escapes and no control characters.
fn string_lit(code: &[u8], i: &mut usize) -> Option<Vec<(Vec<u8>, Option<String>)>> {
    *i += 1;
    let mut parts = Vec::new();
    let mut text = Vec::new();
    loop {
        let c = *code.get(*i)?;
        match c {
            b'"' => {
                *i += 1;
                parts.push((text, None));
                return Some(parts);
            }
            b'\\' if code.get(*i + 1) == Some(&b'(') => {
                *i += 2;
                let start = *i;
                let mut depth = 1;
                while depth > 0 {
                    match *code.get(*i)? {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        // A string inside the interpolation: skipped whole, and kept
                        // simple (no escapes in it).
                        b'"' => {
                            *i += 1;
                            while *code.get(*i)? != b'"' {
                                if code[*i] == b'\\' {
                                    return None;
                                }
                                *i += 1;
                            }
                        }
                        _ => {}
                    }
                    *i += 1;
                }
                let inner = std::str::from_utf8(&code[start..*i - 1]).ok()?.to_string();
                parts.push((std::mem::take(&mut text), Some(inner)));
            }
            b'\\' => return None,
            c if c < 0x20 || c == 0x7f => return None,
            c => {
                text.push(c);
                *i += 1;
            }
        }
    }
}

/// A plain string literal (no interpolation).
fn plain_string(code: &[u8], i: &mut usize) -> Option<Vec<u8>> {
    let mut parts = string_lit(code, i)?;
    (parts.len() == 1).then(|| parts.pop().map(|(t, _)| t)).flatten()
}

fn number(code: &[u8], i: &mut usize) -> Option<String> {
    let start = *i;
    while code.get(*i).is_some_and(u8::is_ascii_digit) {
        *i += 1;
    }
    if code.get(*i) == Some(&b'.') && code.get(*i + 1).is_some_and(u8::is_ascii_digit) {
        *i += 1;
        while code.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
    }
    // `1e3`, `1.` and `1a` are left to the interpreter.
    if code
        .get(*i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_')
    {
        return None;
    }
    Some(std::str::from_utf8(&code[start..*i]).ok()?.to_string())
}

fn lex(code: &str) -> Option<Vec<Token>> {
    let code = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        let next = code.get(i + 1).copied();
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'.' if next == Some(b'[') => {
                i += 2;
                let negative = code.get(i) == Some(&b'-');
                if negative {
                    i += 1;
                }
                let n: i64 = number(code, &mut i)?.parse().ok()?;
                if code.get(i) != Some(&b']') {
                    return None;
                }
                i += 1;
                if matches!(code.get(i), Some(b'[' | b'?' | b'.')) {
                    return None;
                }
                out.push(Token::Index(if negative { -n } else { n }));
            }
            b'.' => {
                let mut path = Vec::new();
                while code.get(i) == Some(&b'.') {
                    match code.get(i + 1) {
                        Some(b'"') => {
                            i += 1;
                            path.push(plain_string(code, &mut i)?);
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
            b'"' => {
                let mut parts = string_lit(code, &mut i)?;
                out.push(if parts.len() == 1 {
                    Token::Str(parts.pop()?.0)
                } else {
                    Token::Interp(parts)
                });
            }
            b'$' => {
                i += 1;
                out.push(Token::Var(ident(code, &mut i)?));
            }
            b'@' => {
                i += 1;
                out.push(Token::Format(ident(code, &mut i)?));
            }
            b'0'..=b'9' => out.push(Token::Num(number(code, &mut i)?)),
            // `+=`, `-=`, `//` and the other update-assignments are the interpreter's.
            b'+' | b'-' | b'*' | b'/' | b'%' if !matches!(next, Some(b'=' | b'/')) => {
                i += 1;
                out.push(Token::Arith(c));
            }
            b'=' | b'!' | b'<' | b'>' => {
                let (tok, len) = match (c, next) {
                    (b'=', Some(b'=')) => (Token::Op(Op::Eq), 2),
                    (b'!', Some(b'=')) => (Token::Op(Op::Ne), 2),
                    (b'<', Some(b'=')) => (Token::Op(Op::Le), 2),
                    (b'>', Some(b'=')) => (Token::Op(Op::Ge), 2),
                    (b'<', _) => (Token::Op(Op::Lt), 1),
                    (b'>', _) => (Token::Op(Op::Gt), 1),
                    (b'=', _) => (Token::Assign, 1),
                    _ => return None,
                };
                i += len;
                out.push(tok);
            }
            b'|' if next == Some(b'=') => {
                i += 2;
                out.push(Token::Update);
            }
            b'|' | b'(' | b')' | b'{' | b'}' | b'[' | b']' | b',' | b':' | b';' => {
                i += 1;
                out.push(Token::Punct(c));
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => out.push(Token::Ident(ident(code, &mut i)?)),
            _ => return None,
        }
    }
    Some(out)
}

/// The plan's expression for `code`, if the fast path knows all of it.
pub(super) fn plan(code: &str, named: &[(String, Value)]) -> Option<Expr> {
    let tokens = lex(code)?;
    let mut p = Parser {
        t: &tokens,
        i: 0,
        named,
    };
    let e = p.pipe()?;
    (p.i == tokens.len()).then_some(e)
}

/// A term before it is known to be a whole expression: the pieces of a pipe that
/// only mean something next to their neighbours (`split(s) | .[1]`,
/// `to_entries | map(f) | from_entries`, `[a, b] | @csv`).
enum T {
    E(Expr),
    Split(Vec<u8>),
    Index(i64),
    ToEntries,
    Map(Expr),
    FromEntries,
    Array(Vec<Expr>),
    Format(bool),
}

fn e(t: T) -> Option<Expr> {
    match t {
        T::E(e) => Some(e),
        _ => None,
    }
}

/// The stages of a pipe as one expression, pieces joined with their neighbours.
fn fuse(stages: Vec<T>) -> Option<Expr> {
    let mut out = Vec::new();
    let mut it = stages.into_iter().peekable();
    while let Some(t) = it.next() {
        out.push(match t {
            T::E(e) => e,
            T::Split(sep) => match it.next()? {
                T::Index(i) => Expr::Builtin(Builtin::SplitIndex(sep, i)),
                _ => return None,
            },
            T::ToEntries => match (it.next()?, it.next()?) {
                (T::Map(f), T::FromEntries) => Expr::Entries(Box::new(f)),
                _ => return None,
            },
            T::Array(items) => match it.next()? {
                T::Format(csv) => Expr::Row(csv, items),
                _ => return None,
            },
            T::Index(_) | T::Map(_) | T::FromEntries | T::Format(_) => return None,
        });
    }
    if out.len() == 1 {
        out.pop()
    } else {
        Some(Expr::Pipe(out))
    }
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

    fn expect(&mut self, t: &Token) -> Option<()> {
        self.eat(t).then_some(())
    }

    fn word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Token::Ident(x)) if x == w) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn pipe(&mut self) -> Option<Expr> {
        let mut stages = vec![self.assign()?];
        while self.eat(&Token::Punct(b'|')) {
            stages.push(self.assign()?);
        }
        fuse(stages)
    }

    fn assign(&mut self) -> Option<T> {
        let left = self.or()?;
        let update = match self.peek() {
            Some(Token::Assign) => false,
            Some(Token::Update) => true,
            _ => return Some(left),
        };
        self.i += 1;
        let key = match e(left)? {
            Expr::Path(mut p) if p.len() == 1 => p.pop()?,
            _ => return None,
        };
        let right = Box::new(e(self.or()?)?);
        // `a = b = c` does not parse in jq.
        if matches!(self.peek(), Some(Token::Assign | Token::Update)) {
            return None;
        }
        Some(T::E(if update {
            Expr::Update(key, right)
        } else {
            Expr::Assign(key, right)
        }))
    }

    fn or(&mut self) -> Option<T> {
        let mut left = self.and()?;
        while self.word("or") {
            let right = e(self.and()?)?;
            left = T::E(Expr::Or(Box::new(e(left)?), Box::new(right)));
        }
        Some(left)
    }

    fn and(&mut self) -> Option<T> {
        let mut left = self.compare()?;
        while self.word("and") {
            let right = e(self.compare()?)?;
            left = T::E(Expr::And(Box::new(e(left)?), Box::new(right)));
        }
        Some(left)
    }

    fn compare(&mut self) -> Option<T> {
        let left = self.sum()?;
        let Some(Token::Op(op)) = self.peek() else {
            return Some(left);
        };
        let op = *op;
        self.i += 1;
        let right = e(self.sum()?)?;
        // `a < b < c` does not parse in jq.
        if matches!(self.peek(), Some(Token::Op(_))) {
            return None;
        }
        Some(T::E(Expr::Compare(Box::new(e(left)?), op, Box::new(right))))
    }

    fn sum(&mut self) -> Option<T> {
        let mut left = self.product()?;
        while let Some(&Token::Arith(op @ (b'+' | b'-'))) = self.peek() {
            self.i += 1;
            let right = e(self.product()?)?;
            left = T::E(Expr::Arith(Box::new(e(left)?), op, Box::new(right)));
        }
        Some(left)
    }

    fn product(&mut self) -> Option<T> {
        let mut left = self.term()?;
        while let Some(&Token::Arith(op @ (b'*' | b'/' | b'%'))) = self.peek() {
            self.i += 1;
            let right = e(self.term()?)?;
            left = T::E(Expr::Arith(Box::new(e(left)?), op, Box::new(right)));
        }
        Some(left)
    }

    /// `( ... )` around an argument or a group.
    fn parenthesised(&mut self) -> Option<Expr> {
        self.expect(&Token::Punct(b'('))?;
        let inner = self.pipe()?;
        self.expect(&Token::Punct(b')'))?;
        Some(inner)
    }

    /// A string argument: `("lit")` or `($var)` holding a string.
    fn string_arg(&mut self) -> Option<Vec<u8>> {
        match self.parenthesised()? {
            Expr::Str(s) => Some(s),
            _ => None,
        }
    }

    fn term(&mut self) -> Option<T> {
        let t = self.peek()?.clone();
        self.i += 1;
        Some(T::E(match t {
            Token::Dot => Expr::Identity,
            Token::Path(p) => Expr::Path(p),
            Token::Index(i) => return Some(T::Index(i)),
            Token::Num(text) => Expr::Lit(match <Jv as jaq_core::ValT>::from_num(&text).ok()?.0 {
                // A literal with a point is kept as its text; jaq-json reads that text
                // as a double wherever it computes, compares or prints (jq 1.6 holds
                // every number as one), so the plan holds the double.
                Val::Num(Num::Dec(d)) => Val::Num(Num::Float(d.parse().ok()?)),
                v => v,
            }),
            Token::Str(s) => Expr::Str(s),
            Token::Interp(parts) => {
                let mut out = Vec::new();
                for (text, code) in parts {
                    let inner = match code {
                        Some(code) => Some(plan(&code, self.named)?),
                        None => None,
                    };
                    out.push((text, inner));
                }
                Expr::Interp(out)
            }
            Token::Var(name) => self.variable(&name)?,
            Token::Format(f) => match f.as_str() {
                "csv" => return Some(T::Format(true)),
                "tsv" => return Some(T::Format(false)),
                _ => return None,
            },
            Token::Punct(b'(') => {
                let inner = self.pipe()?;
                self.expect(&Token::Punct(b')'))?;
                inner
            }
            Token::Punct(b'{') => self.object()?,
            Token::Punct(b'[') => {
                let mut items = vec![e(self.assign()?)?];
                while self.eat(&Token::Punct(b',')) {
                    items.push(e(self.assign()?)?);
                }
                self.expect(&Token::Punct(b']'))?;
                return Some(T::Array(items));
            }
            Token::Ident(w) => {
                // A bare word followed by `(` is a call with arguments.
                let called = self.peek() == Some(&Token::Punct(b'('));
                let b = |b: Builtin| (!called).then_some(Expr::Builtin(b));
                match w.as_str() {
                    "null" if !called => Expr::Lit(Val::Null),
                    "true" if !called => Expr::Lit(Val::Bool(true)),
                    "false" if !called => Expr::Lit(Val::Bool(false)),
                    "if" => return self.if_then().map(T::E),
                    "not" => b(Builtin::Not)?,
                    "ascii_upcase" => b(Builtin::Upcase)?,
                    "ascii_downcase" => b(Builtin::Downcase)?,
                    "length" => b(Builtin::Length)?,
                    "tostring" => b(Builtin::ToString)?,
                    "tojson" => b(Builtin::ToJson)?,
                    "tonumber" => b(Builtin::ToNumber)?,
                    "to_entries" if !called => return Some(T::ToEntries),
                    "from_entries" if !called => return Some(T::FromEntries),
                    "select" => Expr::Select(Box::new(self.parenthesised()?)),
                    "startswith" => Expr::Builtin(Builtin::StartsWith(self.string_arg()?)),
                    "endswith" => Expr::Builtin(Builtin::EndsWith(self.string_arg()?)),
                    "ltrimstr" => Expr::Builtin(Builtin::TrimStart(self.string_arg()?)),
                    "rtrimstr" => Expr::Builtin(Builtin::TrimEnd(self.string_arg()?)),
                    "split" => return Some(T::Split(self.string_arg()?)),
                    "sub" => self.sub()?,
                    "test" => Expr::Builtin(Builtin::Test(Re::new(&self.string_arg()?)?)),
                    "capture" => Expr::Builtin(Builtin::Capture(Re::new(&self.string_arg()?)?)),
                    "map" => return Some(T::Map(self.parenthesised()?)),
                    "with_entries" => Expr::Entries(Box::new(self.parenthesised()?)),
                    "del" => match self.parenthesised()? {
                        Expr::Path(mut p) if p.len() == 1 => Expr::Del(p.pop()?),
                        _ => return None,
                    },
                    _ => return None,
                }
            }
            _ => return None,
        }))
    }

    /// After `sub`: `("re"; "text")` with a regex that is plain text.
    fn sub(&mut self) -> Option<Expr> {
        self.expect(&Token::Punct(b'('))?;
        let Token::Str(re) = self.peek()?.clone() else {
            return None;
        };
        self.i += 1;
        self.expect(&Token::Punct(b';'))?;
        let Token::Str(with) = self.peek()?.clone() else {
            return None;
        };
        self.i += 1;
        self.expect(&Token::Punct(b')'))?;
        let start = re.first() == Some(&b'^');
        let end = re.last() == Some(&b'$') && re.len() > usize::from(start);
        let lit = re[usize::from(start)..re.len() - usize::from(end)].to_vec();
        let plain = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_');
        // An empty match (`^`, `""`) is the interpreter's.
        (!lit.is_empty() && lit.iter().all(plain)).then_some(Expr::Builtin(Builtin::Sub { lit, start, end, with }))
    }

    /// After `if`: `c then a (elif d then b)* else e end`.
    fn if_then(&mut self) -> Option<Expr> {
        let mut branches = Vec::new();
        loop {
            let c = self.pipe()?;
            if !self.word("then") {
                return None;
            }
            let then = self.pipe()?;
            branches.push((c, then));
            if self.word("elif") {
                continue;
            }
            // jq 1.6 has no `if` without `else`.
            if !self.word("else") {
                return None;
            }
            let otherwise = self.pipe()?;
            if !self.word("end") {
                return None;
            }
            return Some(Expr::If(branches, Box::new(otherwise)));
        }
    }

    /// After `{`: `a, b: .c, "d e": (.f * 2)}`.
    fn object(&mut self) -> Option<Expr> {
        let mut entries: Vec<(Vec<u8>, Vec<u8>, Expr)> = Vec::new();
        loop {
            let (name, shorthand) = match self.peek()? {
                Token::Ident(n) if !KEYWORDS.contains(&n.as_str()) => (n.clone().into_bytes(), true),
                Token::Str(s) => (s.clone(), false),
                _ => return None,
            };
            self.i += 1;
            let value = if self.eat(&Token::Punct(b':')) {
                // jq's object values are terms, or terms joined by `|` (anything else,
                // say `.a + 1`, needs parentheses in jq).
                let mut stages = vec![self.term()?];
                while self.eat(&Token::Punct(b'|')) {
                    stages.push(self.term()?);
                }
                fuse(stages)?
            } else if shorthand {
                Expr::Path(vec![name.clone()])
            } else {
                return None;
            };
            // A repeated key would keep its first place but its last value.
            if entries.iter().any(|(n, _, _)| *n == name) {
                return None;
            }
            let mut key = Vec::new();
            json::write_str(&mut key, &name);
            key.push(b':');
            entries.push((name, key, value));
            if self.eat(&Token::Punct(b'}')) {
                return Some(Expr::Object(entries));
            }
            if !self.eat(&Token::Punct(b',')) {
                return None;
            }
        }
    }

    /// A `--arg`-style variable holding a scalar, as a literal.
    fn variable(&self, name: &str) -> Option<Expr> {
        let (_, v) = self.named.iter().rev().find(|(n, _)| n == name)?;
        Some(match &v.0 {
            v @ (Val::Null | Val::Bool(_) | Val::Num(Num::Int(_) | Num::Float(_))) => Expr::Lit(v.clone()),
            Val::TStr(s) if std::str::from_utf8(s).is_ok() => Expr::Str(s.to_vec()),
            _ => return None,
        })
    }
}
