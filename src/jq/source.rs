//! What eddy reads in a filter's source text before jaq compiles it: how deeply it
//! nests (jaq parses recursively, so a filter nested thousands deep would overflow the
//! stack) and which functions it calls (a filter that reads `input`, prints with
//! `debug` or draws random numbers depends on the order it runs in, so it must stay on
//! one core). One lexer answers both, so that string literals, their `\(...)`
//! interpolations, comments, field names and object keys are told apart once, the same
//! way for both questions.
//!
//! It also rewrites, before jaq parses it, the jq that jaq's parser does not know into
//! jq it does (`rewrite`): destructuring alternatives (`. as [$a] ?// {$a} | ...`),
//! `$name: pattern` in object patterns, `$__loc__` (as the object it stands for, with
//! its line), `$name::name` (a data import by its qualified name) and numbers written
//! without a digit before the point (`.5`). These rewrites see tokens, not a parse tree:
//! jaq gives the errors for anything malformed, in the rewritten text. Last, a few
//! everyday idioms (`.[K] += V`, `sort_by(.a)`, ...) become calls of eddy's natives
//! for them where that provably means the same (`idioms`).

mod idioms;
mod rewrite;

pub(super) use rewrite::{directive_refusal, directives, rewrite};

/// `code` (already through `rewrite`) with the idioms as calls of eddy's natives: the
/// text jaq compiles. The fast path and projection read the text before this step,
/// which means the same in jq's own words.
pub(super) fn idiomatic(code: &str) -> Option<String> {
    idioms::rewrite(code)
}

/// What the source says about a filter.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Analysis {
    /// The deepest nesting of brackets, parentheses and string interpolations.
    pub depth: usize,
    /// The names used as function calls or keywords: not field names (`.name`), not
    /// variables (`$name`, though `$__loc__` counts as `__loc__`), not object keys
    /// (`{name: 1}`, `{name}`), in order of appearance.
    pub calls: Vec<String>,
}

/// Reads `code` once. It never fails: a filter jaq will refuse is analysed as far as
/// it goes, and jaq gives the error.
pub(super) fn analyse(code: &str) -> Analysis {
    let mut lexer = Lexer {
        code: code.as_bytes(),
        i: 0,
        open: Vec::new(),
        out: Analysis::default(),
        last: None,
    };
    lexer.code_until(None);
    lexer.out
}

struct Lexer<'a> {
    code: &'a [u8],
    i: usize,
    /// Open brackets (`(`, `[`, `{`), and `"` for a string whose interpolation is open.
    open: Vec<u8>,
    out: Analysis,
    /// The last significant byte outside strings (after `{` or `,` a word may be a key).
    last: Option<u8>,
}

impl Lexer<'_> {
    fn push(&mut self, b: u8) {
        self.open.push(b);
        self.out.depth = self.out.depth.max(self.open.len());
    }

    /// Reads code until the `)` that closes an interpolation (`close` = Some) or the end.
    fn code_until(&mut self, close: Option<usize>) {
        while self.i < self.code.len() {
            let c = self.code[self.i];
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => self.i += 1,
                b'#' => {
                    while self.i < self.code.len() && self.code[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'"' => {
                    self.i += 1;
                    self.string();
                    self.last = Some(b'"');
                }
                b'$' => {
                    self.i += 1;
                    let word = self.word();
                    if word == "__loc__" {
                        self.out.calls.push(word);
                    }
                    self.last = Some(b'$');
                }
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    let before = self.last;
                    // `.name` is a field, `. as $x` is not.
                    let field = self.i > 0 && self.code[self.i - 1] == b'.';
                    let word = self.word();
                    let after = self.next_significant();
                    let in_object = self.open.last() == Some(&b'{');
                    let key = in_object
                        && (after == Some(b':')
                            || (matches!(before, Some(b'{' | b',')) && matches!(after, Some(b',' | b'}'))));
                    if !field && !key {
                        self.out.calls.push(word);
                    }
                    self.last = Some(b'a');
                }
                b'(' | b'[' | b'{' => {
                    self.push(c);
                    self.i += 1;
                    self.last = Some(c);
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    self.last = Some(c);
                    if c == b')' && close == Some(self.open.len()) {
                        self.open.pop();
                        return;
                    }
                    // A closing bracket that closes nothing is jaq's error to report;
                    // it must not close the string around an interpolation.
                    if self.open.last().is_some_and(|&o| o != b'"') {
                        self.open.pop();
                    }
                }
                _ => {
                    self.i += 1;
                    self.last = Some(c);
                }
            }
        }
    }

    /// Reads a string literal after its opening quote, with its interpolations.
    fn string(&mut self) {
        while self.i < self.code.len() {
            match self.code[self.i] {
                b'"' => {
                    self.i += 1;
                    return;
                }
                b'\\' if self.code.get(self.i + 1) == Some(&b'(') => {
                    self.i += 2;
                    self.push(b'"');
                    self.push(b'(');
                    let level = self.open.len();
                    self.code_until(Some(level));
                    // The interpolation's `(` was closed by code_until; now its string.
                    if self.open.last() == Some(&b'"') {
                        self.open.pop();
                    }
                }
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
    }

    fn word(&mut self) -> String {
        let start = self.i;
        while self
            .code
            .get(self.i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            self.i += 1;
        }
        // Only ASCII was taken, so this is valid UTF-8.
        String::from_utf8_lossy(&self.code[start..self.i]).into_owned()
    }

    fn next_significant(&self) -> Option<u8> {
        self.code[self.i..]
            .iter()
            .copied()
            .find(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(code: &str) -> Vec<String> {
        analyse(code).calls
    }

    #[test]
    fn depth_counts_brackets_and_interpolations() {
        assert_eq!(analyse(".").depth, 0);
        assert_eq!(analyse("[.a, (.b | {c: 1})]").depth, 3);
        // Brackets inside a string are text; an interpolation is code, two levels deep.
        assert_eq!(analyse(r#""((((((" | ."#).depth, 0);
        assert_eq!(analyse(r#""a\(.b)c""#).depth, 2);
        assert_eq!(analyse(r#""\("\(1)")""#).depth, 4);
        assert_eq!(analyse(&"(".repeat(500)).depth, 500);
        assert_eq!(analyse(&r#""\("#.repeat(200)).depth, 400);
    }

    #[test]
    fn calls_leave_out_fields_variables_keys_strings_and_comments() {
        assert_eq!(calls("select(.amount > 500) | {id, user}"), ["select"]);
        assert_eq!(calls(".input | .name | .now"), Vec::<String>::new());
        assert_eq!(calls("{id, name: .n}"), Vec::<String>::new());
        assert_eq!(calls("{id: name}"), ["name"]);
        assert_eq!(calls("[1, name, 2]"), ["name"]);
        assert_eq!(calls(r#""input \(now)" # debug"#), ["now"]);
        assert_eq!(calls(". as $input | $__loc__"), ["as", "__loc__"]);
        assert_eq!(calls(r#""\"" | inputs"#), ["inputs"]);
    }

    #[test]
    fn stray_closers_do_not_end_a_string() {
        assert_eq!(calls(r#"] "\() ) debug" | halt"#), ["halt"]);
    }
}
