//! The rewrites of `source`: jq that jaq's parser lacks, turned into jq it has before
//! jaq parses it (`rewrite`), and jq's refusals of module directives jaq accepts
//! (`directive_refusal`). They work on tokens (`tokens`), not a parse tree: string
//! literals with their interpolations, variables, fields, names and brackets.

/// The most rewriting passes for `?//` (each removes one; alternatives copy the body,
/// so nested ones multiply): beyond this the filter is left for jaq to refuse.
const MAX_ALTERNATIVE_PASSES: usize = 64;

/// The longest source the rewrite of `?//` may grow to.
const MAX_REWRITTEN: usize = 1 << 20;

/// `code` with jq's forms that jaq lacks written as jq that jaq has (see the top of this
/// file), or None when it has none of them. `file` is what `$__loc__.file` says.
pub(in crate::jq) fn rewrite(code: &str, file: &str) -> Option<String> {
    let first = simple_rewrites(code, file);
    let mut text = first.clone().unwrap_or_else(|| code.to_string());
    let mut changed = first.is_some();
    for _ in 0..MAX_ALTERNATIVE_PASSES {
        match alternatives(&text) {
            Some(next) if next.len() <= MAX_REWRITTEN => {
                text = next;
                changed = true;
            }
            _ => break,
        }
    }
    changed.then_some(text)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// A name: a keyword, a function, an object key.
    Word,
    /// `$name`.
    Var,
    /// `.name`.
    Field,
    /// A whole string literal, interpolations and all.
    Str,
    Open(u8),
    Close(u8),
    Pipe,
    Semi,
    Colon,
    /// `?//`, between destructuring alternatives.
    Alt,
    /// `.` right before a digit: a number that jq reads and jaq does not (`.5`).
    Point,
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `code`, as far as rewriting needs to tell them apart.
pub(super) fn tokens(code: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let word = |mut j: usize| {
        while code.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
            j += 1;
        }
        j
    };
    while i < code.len() {
        let c = code[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < code.len() && code[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                i = skip_string(code, i + 1);
                Tok::Str
            }
            b'$' => {
                i = word(i + 1);
                Tok::Var
            }
            b'.' if code.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') => {
                i = word(i + 1);
                Tok::Field
            }
            b'.' if code.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !(i > 0 && (code[i - 1].is_ascii_alphanumeric() || matches!(code[i - 1], b'_' | b'.'))) =>
            {
                i += 1;
                Tok::Point
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                i = word(i);
                Tok::Word
            }
            c if c.is_ascii_digit() => {
                while code.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.') {
                    i += 1;
                }
                Tok::Other
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Tok::Open(c)
            }
            b')' | b']' | b'}' => {
                i += 1;
                Tok::Close(c)
            }
            b'?' if code[i..].starts_with(b"?//") => {
                i += 3;
                Tok::Alt
            }
            b'|' if code.get(i + 1) != Some(&b'=') => {
                i += 1;
                Tok::Pipe
            }
            b';' => {
                i += 1;
                Tok::Semi
            }
            b':' if code.get(i + 1) == Some(&b':') => {
                i += 2;
                Tok::Other
            }
            b':' => {
                i += 1;
                Tok::Colon
            }
            _ => {
                // A whole character: tokens are sliced out of the text.
                i += 1;
                while code.get(i).is_some_and(|b| b & 0xC0 == 0x80) {
                    i += 1;
                }
                Tok::Other
            }
        };
        out.push(Token { kind, start, end: i });
    }
    out
}

/// Where the string literal whose opening quote is before `i` ends (after its quote).
fn skip_string(code: &[u8], mut i: usize) -> usize {
    while i < code.len() {
        match code[i] {
            b'"' => return i + 1,
            b'\\' if code.get(i + 1) == Some(&b'(') => i = skip_interpolation(code, i + 2),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    code.len()
}

/// Where the interpolation opened before `i` ends (after its `)`).
fn skip_interpolation(code: &[u8], mut i: usize) -> usize {
    let mut depth = 1;
    while i < code.len() {
        match code[i] {
            b'"' => {
                i = skip_string(code, i + 1);
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    code.len()
}

pub(super) fn text<'a>(code: &'a str, t: &Token) -> &'a str {
    &code[t.start..t.end]
}

/// The rewrites that replace tokens in place: `$__loc__`, `$name::name`, `.5`, and
/// `$name: pattern` in an object pattern (as `"name": $name, "name": pattern`, since
/// a key may be matched twice). Interpolations are rewritten too, where they are code.
fn simple_rewrites(code: &str, file: &str) -> Option<String> {
    let bytes = code.as_bytes();
    let toks = tokens(bytes);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (n, t) in toks.iter().enumerate() {
        match t.kind {
            Tok::Var if text(code, t) == "$__loc__" => {
                let line = 1 + bytes[..t.start].iter().filter(|&&b| b == b'\n').count();
                let mut file_json = Vec::new();
                crate::jq::json::write_json_str(&mut file_json, file);
                let file_json = String::from_utf8_lossy(&file_json);
                edits.push((t.start, t.end, format!(r#"{{"file":{file_json},"line":{line}}}"#)));
            }
            Tok::Var => {
                let (Some(sep), Some(name)) = (toks.get(n + 1), toks.get(n + 2)) else {
                    continue;
                };
                if text(code, sep) == "::"
                    && sep.start == t.end
                    && name.kind == Tok::Word
                    && name.start == sep.end
                    && text(code, name) == &text(code, t)[1..]
                {
                    edits.push((sep.start, name.end, String::new()));
                }
            }
            Tok::Point => edits.push((t.start, t.start, "0".into())),
            Tok::Str => {
                // `"\($__loc__)"`: the interpolations of a string are code.
                let inner = &code[t.start..t.end];
                if inner.contains("\\(") && (inner.contains('$') || inner.contains('.')) {
                    string_edits(code, t, file, &mut edits);
                }
            }
            Tok::Word if text(code, t) == "as" => named_patterns(code, &toks, n, &mut edits),
            _ => {}
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(code.len() + 64);
    let mut at = 0;
    for (start, end, with) in edits {
        if start < at {
            continue;
        }
        out.push_str(&code[at..start]);
        out.push_str(&with);
        at = end;
    }
    out.push_str(&code[at..]);
    Some(out)
}

/// Rewrites the code in the interpolations of the string literal `t`.
fn string_edits(code: &str, t: &Token, file: &str, edits: &mut Vec<(usize, usize, String)>) {
    let bytes = code.as_bytes();
    let mut i = t.start + 1;
    while i < t.end {
        match bytes[i] {
            b'\\' if bytes.get(i + 1) == Some(&b'(') => {
                let end = skip_interpolation(bytes, i + 2).min(t.end);
                let inner_end = end.saturating_sub(1).max(i + 2);
                // An interpolation left open runs to the end of the filter, and cutting
                // its last byte may split a character: jaq gives the error for that.
                let Some(inner) = code.get(i + 2..inner_end) else {
                    i = end;
                    continue;
                };
                if let Some(new) = simple_rewrites(inner, file) {
                    // `$__loc__`'s line counts from the start of the filter.
                    let lines = bytes[..i].iter().filter(|&&b| b == b'\n').count();
                    let new = if lines > 0 {
                        shift_lines(&new, inner, lines, file)
                    } else {
                        new
                    };
                    edits.push((i + 2, inner_end, new));
                }
                i = end;
            }
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// `rewritten` (from `inner`) with the lines of `$__loc__` counted `lines` further.
fn shift_lines(rewritten: &str, inner: &str, lines: usize, file: &str) -> String {
    let padded = format!("{}{inner}", "\n".repeat(lines));
    simple_rewrites(&padded, file).map_or_else(|| rewritten.to_string(), |s| s[lines..].to_string())
}

/// The tokens of the patterns after the `as` at `n`: up to the `|` (or the `(` of
/// `reduce`/`foreach`) outside brackets. None when they do not end so.
fn pattern_span(toks: &[Token], n: usize) -> Option<(usize, usize)> {
    let first = n + 1;
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(first) {
        match t.kind {
            Tok::Open(b'(') if depth == 0 => return Some((first, k)),
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => return None,
            Tok::Close(_) => depth -= 1,
            Tok::Pipe | Tok::Semi if depth == 0 => return (t.kind == Tok::Pipe).then_some((first, k)),
            _ => {}
        }
    }
    None
}

/// `{$name: pattern}` in the patterns after the `as` at `n`.
fn named_patterns(code: &str, toks: &[Token], n: usize, edits: &mut Vec<(usize, usize, String)>) {
    let Some((first, end)) = pattern_span(toks, n) else {
        return;
    };
    let mut open: Vec<u8> = Vec::new();
    for k in first..end {
        let t = &toks[k];
        match t.kind {
            Tok::Open(c) => open.push(c),
            Tok::Close(_) => {
                open.pop();
            }
            Tok::Var if open.last() == Some(&b'{') && toks[k + 1].kind == Tok::Colon => {
                let name = &text(code, t)[1..];
                let colon = &toks[k + 1];
                edits.push((t.start, colon.end, format!(r#""{name}": ${name}, "{name}":"#)));
            }
            _ => {}
        }
    }
}

/// The first `TERM as P1 ?// P2 ... | BODY` rewritten as jq without `?//`: each
/// alternative binds every variable any of them names (null where its own pattern does
/// not), then its pattern, then runs the body; an error in either tries the next one,
/// and the last one's error is the error. None when there is no `?//` to rewrite.
fn alternatives(code: &str) -> Option<String> {
    let toks = tokens(code.as_bytes());
    for n in 0..toks.len() {
        if toks[n].kind != Tok::Word || text(code, &toks[n]) != "as" {
            continue;
        }
        let Some((first, pipe)) = pattern_span(&toks, n) else {
            continue;
        };
        if toks[pipe].kind != Tok::Pipe {
            continue;
        }
        let mut depth = 0usize;
        let mut cuts = vec![first];
        for (k, t) in toks.iter().enumerate().take(pipe).skip(first) {
            match t.kind {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) => depth = depth.saturating_sub(1),
                Tok::Alt if depth == 0 => cuts.push(k + 1),
                _ => {}
            }
        }
        if cuts.len() == 1 {
            continue;
        }
        let patterns: Vec<&str> = cuts
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let last = cuts.get(i + 1).map_or(pipe, |&next| next - 1);
                if c >= last {
                    ""
                } else {
                    &code[toks[c].start..toks[last - 1].end]
                }
            })
            .collect();
        let vars = bound_vars(code, &toks[first..pipe]);
        let body_end = body_end(code, &toks, pipe + 1);
        let body = &code[toks[pipe].end..body_end];
        let nulls = if vars.is_empty() {
            String::new()
        } else {
            format!("null as [{}] | ", vars.join(", "))
        };
        let arm = |p: &str| format!("($__eddy_dot | {nulls}$__eddy_alt as {p} |{body})");
        let mut chain = arm(patterns[patterns.len() - 1]);
        for p in patterns[..patterns.len() - 1].iter().rev() {
            chain = format!("try {} catch ({chain})", arm(p));
        }
        let start = toks[n].start;
        let rest = &code[body_end..];
        // `... | $x then`: a keyword after the body must not touch the `)`.
        let gap = if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            " "
        } else {
            ""
        };
        return Some(format!(
            "{}as $__eddy_alt | . as $__eddy_dot | {chain}{gap}{rest}",
            &code[..start]
        ));
    }
    None
}

/// The variables the patterns bind, each once, in order: not those read inside the
/// parentheses of a computed key (`{($k): $v}` binds `$v` only).
fn bound_vars<'a>(code: &'a str, toks: &[Token]) -> Vec<&'a str> {
    let mut parens = 0usize;
    let mut vars: Vec<&str> = Vec::new();
    for t in toks {
        match t.kind {
            Tok::Open(b'(') => parens += 1,
            Tok::Close(b')') => parens = parens.saturating_sub(1),
            Tok::Var if parens == 0 => {
                let v = text(code, t);
                if v.len() > 1 && v != "$__loc__" && !vars.contains(&v) {
                    vars.push(v);
                }
            }
            _ => {}
        }
    }
    vars
}

/// Where the body that starts at token `from` ends: at a bracket it did not open, a
/// `;` outside brackets, or a `then`/`elif`/`else`/`end` of an `if` around it.
fn body_end(code: &str, toks: &[Token], from: usize) -> usize {
    // Open brackets, `if` (closed by `end`) and `def` (closed by its `;`).
    let mut open: Vec<&str> = Vec::new();
    for (k, t) in toks.iter().enumerate().skip(from) {
        let key = toks.get(k + 1).is_some_and(|n| n.kind == Tok::Colon);
        match t.kind {
            Tok::Open(_) => open.push("("),
            Tok::Close(_) if open.is_empty() => return t.start,
            Tok::Close(_) => {
                open.pop();
            }
            Tok::Semi if open.is_empty() => return t.start,
            Tok::Semi if open.last() == Some(&"def") => {
                open.pop();
            }
            Tok::Word if !key => match text(code, t) {
                "if" => open.push("if"),
                "def" => open.push("def"),
                "end" if open.is_empty() => return t.start,
                "end" => {
                    open.pop();
                }
                "then" | "elif" | "else" if open.is_empty() => return t.start,
                _ => {}
            },
            _ => {}
        }
    }
    code.len()
}

/// One of a module's directives: `module META;`, `import PATH as NAME META;` (NAME
/// with its `$` for a data import) or `include PATH META;`.
#[derive(Debug, Clone, Copy)]
pub(in crate::jq) struct Directive<'a> {
    pub kind: &'a str,
    /// The path's string literal, quotes and all.
    pub path: Option<&'a str>,
    pub name: Option<&'a str>,
    /// The metadata's text (empty when there is none), and its tokens.
    pub meta: &'a str,
    meta_toks: (usize, usize),
}

/// The directives at the top of `code`, up to the first thing that is not one (or
/// that is cut short).
pub(in crate::jq) fn directives(code: &str) -> Vec<Directive<'_>> {
    directives_in(code, &tokens(code.as_bytes()))
}

fn directives_in<'a>(code: &'a str, toks: &[Token]) -> Vec<Directive<'a>> {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        let kind = text(code, t);
        if t.kind != Tok::Word || !matches!(kind, "module" | "import" | "include") {
            break;
        }
        k += 1;
        let (mut path, mut name) = (None, None);
        if kind != "module" {
            match toks.get(k) {
                Some(p) if p.kind == Tok::Str => path = Some(text(code, p)),
                _ => break,
            }
            k += 1;
            if kind == "import" {
                // `as NAME` or `as $NAME`.
                name = toks.get(k + 1).map(|t| text(code, t));
                k += 2;
            }
        }
        let from = k.min(toks.len());
        let Some(end) = toks[from..].iter().position(|t| t.kind == Tok::Semi).map(|e| e + from) else {
            break;
        };
        let meta = if from < end {
            &code[toks[from].start..toks[end - 1].end]
        } else {
            ""
        };
        out.push(Directive {
            kind,
            path,
            name,
            meta,
            meta_toks: (from, end),
        });
        k = end + 1;
    }
    out
}

/// jq's refusal of a module's directives that jaq's loader accepts: metadata that is
/// not a constant object, and an import path that is not a constant string. None when
/// they are fine.
pub(in crate::jq) fn directive_refusal(code: &str) -> Option<String> {
    let toks = tokens(code.as_bytes());
    for d in directives_in(code, &toks) {
        if let Some(why) = d.path.and_then(path_refusal) {
            return Some(why);
        }
        let (from, end) = d.meta_toks;
        if let Some(why) = metadata_refusal(code, &toks[from..end], d.kind == "module") {
            return Some(why);
        }
    }
    None
}

/// jq's words for an import path it cannot take: with an interpolation, or with an
/// escape JSON does not have.
fn path_refusal(literal: &str) -> Option<String> {
    let b = literal.as_bytes();
    let mut i = 1;
    while i + 1 < b.len() {
        if b[i] == b'\\' {
            match b[i + 1] {
                b'(' => return Some("Import path must be constant".into()),
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' | b'u' => {}
                _ => {
                    let column = literal.chars().count();
                    return Some(format!(
                        "Invalid escape at line 1, column {column} (while parsing '{literal}')"
                    ));
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// jq's words for metadata that is not a constant object; `required` for `module`,
/// whose metadata cannot be left out.
fn metadata_refusal(code: &str, toks: &[Token], required: bool) -> Option<String> {
    if toks.is_empty() {
        return required.then(|| "Module metadata must be constant".into());
    }
    let constant = toks.iter().enumerate().all(|(n, t)| match t.kind {
        Tok::Open(b'(') | Tok::Close(b')') => false,
        Tok::Open(_) | Tok::Close(_) | Tok::Colon | Tok::Point => true,
        Tok::Str => !text(code, t).contains("\\("),
        Tok::Word => {
            matches!(text(code, t), "true" | "false" | "null")
                || toks.get(n + 1).is_some_and(|next| next.kind == Tok::Colon)
        }
        Tok::Other => {
            let s = text(code, t);
            s == "," || s == "-" || s.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    });
    if !constant {
        return Some("Module metadata must be constant".into());
    }
    (toks[0].kind != Tok::Open(b'{')).then(|| "Module metadata must be an object".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `filters` fuzz target: a string whose interpolation is never closed,
    /// ending in a character of two bytes, made the rewrite cut that character in half.
    #[test]
    fn an_open_interpolation_ending_in_a_wide_character_is_left_to_jaq() {
        let code = ".\"\\('[. as('[. as {$a,!{$a, $b$[\u{25c}";
        let _ = rewrite(code, "<top-level>");
        assert!(crate::jq::Filter::compile(code, &[], vec![]).is_err());
    }

    #[test]
    fn rewrites_leave_plain_jq_alone() {
        assert_eq!(
            rewrite(".a | . as [$x] | $x, \"1.5 $__loc__\", 1.5, .[0], .a?//1", "f"),
            None
        );
    }

    #[test]
    fn loc_becomes_its_line_even_in_interpolations() {
        let got = rewrite("1 |\n\n $__loc__, \"\\($__loc__.line)\"", "<top-level>").unwrap();
        assert_eq!(
            got,
            r#"1 |

 {"file":"<top-level>","line":3}, "\({"file":"<top-level>","line":3}.line)""#
        );
    }

    #[test]
    fn named_patterns_numbers_and_qualified_data() {
        assert_eq!(
            rewrite(". as {$a, $b: [$c]} | $d::d, .5, $d::e", "f").unwrap(),
            r#". as {$a, "b": $b, "b": [$c]} | $d, 0.5, $d::e"#
        );
    }

    #[test]
    fn alternatives_try_each_pattern_with_every_variable_bound() {
        let got = rewrite(".[] as [$a] ?// $b | [$a, $b]", "f").unwrap();
        assert_eq!(
            got,
            ".[] as $__eddy_alt | . as $__eddy_dot | try ($__eddy_dot | null as [$a, $b] | $__eddy_alt as [$a] | [$a, $b]) \
             catch (($__eddy_dot | null as [$a, $b] | $__eddy_alt as $b | [$a, $b]))"
        );
        // The body ends where the expression around it does.
        let got = rewrite(
            "[(. as [$a] ?// $a | $a), 2] | if . as $x ?// [$x] | $x then 1 else 2 end",
            "f",
        )
        .unwrap();
        assert!(got.contains("| $a))), 2]"), "{got}");
        assert!(got.contains("| $x )) then 1 else 2 end"), "{got}");
    }

    #[test]
    fn unfinished_alternatives_are_left_for_jaq() {
        for code in [
            ". as [$a] ?// ",
            ". as ?// | ",
            "reduce .[] as [$a] ?// $a (0; .)",
            "?//",
            "\"\\(",
            "$",
        ] {
            let _ = rewrite(code, "f");
        }
        assert_eq!(rewrite(". as [$a] ?// $a", "f"), None);
    }

    #[test]
    fn directives_must_be_constant() {
        let refusal = |code| directive_refusal(code).unwrap_or_default();
        assert_eq!(refusal("module (.+1); 0"), "Module metadata must be constant");
        assert_eq!(refusal("include \"a\" []; 0"), "Module metadata must be an object");
        assert_eq!(refusal("include \"\\(a)\"; 0"), "Import path must be constant");
        assert!(refusal("include \"\\ \"; 0").starts_with("Invalid escape at line 1, column 4"));
        let fine =
            r#"module {a: [1, -2.5, "x", null]}; import "a" as foo; import "d" as $d {search: "./"}; include "b"; ."#;
        assert_eq!(directive_refusal(fine), None);
        assert_eq!(directive_refusal(". as $module | 1"), None);
        // Found by the `templates` fuzz target: a token cut inside a character.
        assert_eq!(directive_refusal("Ӌ{"), None);
        assert!(rewrite("Ӌ{ . as [$a] ?// é | é", "f").is_some_and(|s| s.contains("try")));
        for cut in ["module", "import", "import \"a\"", "include \"a\" {", "module {a: 1}"] {
            let _ = directive_refusal(cut);
        }
    }
}
