//! Reading a filter's text into a plan: a lexer and a parser for the part of jq the
//! fast path knows; anything else gives no plan, and the interpreter runs the filter.

use super::*;

// --- reading the filter --------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
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

pub(super) fn lex(code: &str) -> Option<Vec<Token>> {
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

pub(super) struct Parser<'a> {
    pub t: &'a [Token],
    pub i: usize,
    pub named: &'a [(String, Value)],
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

    pub fn pipeline(&mut self) -> Option<Plan> {
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
