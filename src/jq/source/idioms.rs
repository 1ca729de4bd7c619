//! The rewrite of a few everyday idioms into calls of eddy's natives for them
//! (`builtins::idioms`): `.[K] += V` and `.[K] -= V` become `_eddy_add_at(V; K)` and
//! `_eddy_sub_at(V; K)` — and the whole `reduce XS as $e (INIT; .[$e.k] += $e.v)`
//! becomes `_eddy_fold_add_at(XS; INIT; ["k"]; ["v"])` — and `sort_by`, `group_by`,
//! `unique_by`, `min_by`, `max_by` and `map` of constant paths
//! (`sort_by(.a, .b.c)`) become `_eddy_sort_by([["a"], ["b", "c"]])` and the like.
//!
//! Only where the meaning provably stays: K must have exactly one output or an error
//! (a variable with fields, a field chain, a plain string or a number), the update must
//! stand where nothing binds tighter on its left (the start, `(`, `;` or `|`), and V
//! must end where the update does (at `)`, `]`, `}`, `;`, `|`, `,` or the end outside
//! brackets) with nothing at its top level whose precedence could reach across the
//! `+=` (`//`, the `=` family, comparisons, `and`/`or`, `as`, keywords, `?`). The
//! named forms are left alone where a `def` or an `include` could give the name
//! another meaning. Everything else stays as written.

use super::rewrite::{Tok, Token, text, tokens};

/// The most passes: an idiom inside another one's V is rewritten by the next pass.
const MAX_PASSES: usize = 16;

#[cfg(test)]
thread_local! {
    /// Switches the rewrite off in this thread, so tests can run the filter as written.
    pub(in crate::jq) static DISABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Words that are jq syntax, not functions: none of them may stand at the top level
/// of V, or be a field name in a path the rewrite reads.
const KEYWORDS: [&str; 19] = [
    "def", "if", "then", "elif", "else", "end", "as", "reduce", "foreach", "try", "catch", "label", "import",
    "include", "and", "or", "break", "module", "__loc__",
];

/// `code` with its idioms as native calls, or None when it has none.
pub(super) fn rewrite(code: &str) -> Option<String> {
    #[cfg(test)]
    if DISABLED.with(std::cell::Cell::get) {
        return None;
    }
    let mut text = code.to_string();
    let mut changed = false;
    for _ in 0..MAX_PASSES {
        match pass(&text) {
            Some(next) => {
                text = next;
                changed = true;
            }
            None => break,
        }
    }
    changed.then_some(text)
}

/// One pass: each idiom not inside another one rewritten.
fn pass(code: &str) -> Option<String> {
    let toks = tokens(code.as_bytes());
    let named = NamedOk::of(code, &toks);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut n = 0;
    while n < toks.len() {
        let found = fold_at(code, &toks, n)
            .or_else(|| update_at(code, &toks, n))
            .or_else(|| named_call(code, &toks, n, &named));
        match found {
            Some((end, new)) => {
                edits.push((toks[n].start, toks[end - 1].end, new));
                n = end;
            }
            None => n += 1,
        }
    }
    if edits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(code.len() + 32 * edits.len());
    let mut at = 0;
    for (start, end, new) in edits {
        out.push_str(&code[at..start]);
        out.push_str(&new);
        at = end;
    }
    out.push_str(&code[at..]);
    Some(out)
}

fn is(code: &str, t: Option<&Token>, kind: Tok, s: &str) -> bool {
    t.is_some_and(|t| t.kind == kind && text(code, t) == s)
}

/// `b` starts right where `a` ends.
fn adjacent(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

/// `.[K] += V` (or `-=`) starting at token `n`: the end of its tokens and its native
/// call.
fn update_at(code: &str, toks: &[Token], n: usize) -> Option<(usize, String)> {
    let left_ok = n == 0 || matches!(toks[n - 1].kind, Tok::Open(b'(') | Tok::Semi | Tok::Pipe);
    if !left_ok || !is(code, toks.get(n), Tok::Other, ".") {
        return None;
    }
    toks.get(n + 1)
        .filter(|t| t.kind == Tok::Open(b'[') && adjacent(&toks[n], t))?;
    let k_end = one_output_key(code, toks, n + 2)?;
    if toks.get(k_end).map(|t| t.kind) != Some(Tok::Close(b']')) {
        return None;
    }
    let (op, eq) = (toks.get(k_end + 1)?, toks.get(k_end + 2)?);
    let native = match text(code, op) {
        "+" => "_eddy_add_at",
        "-" => "_eddy_sub_at",
        _ => return None,
    };
    if op.kind != Tok::Other || !is(code, Some(eq), Tok::Other, "=") || !adjacent(op, eq) {
        return None;
    }
    let v_start = k_end + 3;
    let v_end = delimited_value(code, toks, v_start)?;
    let v = &code[toks[v_start].start..toks[v_end - 1].end];
    let k = &code[toks[n + 2].start..toks[k_end - 1].end];
    Some((v_end, format!("{native}({v}; {k})")))
}

/// `reduce XS as $e (INIT; .[K] += V)` (or `-=`) starting at token `n`, where INIT has
/// one output and K and V are `$e` with fields or constants (`$e.k`, `"k"`, `1`): the
/// end of its tokens and its native call, which folds XS without jaq-core's paths.
fn fold_at(code: &str, toks: &[Token], n: usize) -> Option<(usize, String)> {
    let key_next = toks.get(n + 1).is_some_and(|t| t.kind == Tok::Colon);
    if !is(code, toks.get(n), Tok::Word, "reduce") || key_next {
        return None;
    }
    let as_at = plain_term_end(code, toks, n + 1)?;
    if as_at == n + 1 || !is(code, toks.get(as_at), Tok::Word, "as") {
        return None;
    }
    let var = toks
        .get(as_at + 1)
        .filter(|t| t.kind == Tok::Var && t.end - t.start > 1)?;
    let var = text(code, var);
    if toks.get(as_at + 2)?.kind != Tok::Open(b'(') {
        return None;
    }
    let init_at = as_at + 3;
    let init_end = one_output_init(code, toks, init_at)?;
    if toks.get(init_end)?.kind != Tok::Semi {
        return None;
    }
    // The update, exactly `.[K] op= V` up to the `)` of the reduce.
    let dot = init_end + 1;
    if !is(code, toks.get(dot), Tok::Other, ".")
        || !toks
            .get(dot + 1)
            .is_some_and(|t| t.kind == Tok::Open(b'[') && adjacent(&toks[dot], t))
    {
        return None;
    }
    let (k, k_end) = element_spec(code, toks, dot + 2, var, false)?;
    if toks.get(k_end)?.kind != Tok::Close(b']') {
        return None;
    }
    let (op, eq) = (toks.get(k_end + 1)?, toks.get(k_end + 2)?);
    let native = match text(code, op) {
        "+" => "_eddy_fold_add_at",
        "-" => "_eddy_fold_sub_at",
        _ => return None,
    };
    if op.kind != Tok::Other || !is(code, Some(eq), Tok::Other, "=") || !adjacent(op, eq) {
        return None;
    }
    let (v, v_end) = element_spec(code, toks, k_end + 3, var, true)?;
    if toks.get(v_end)?.kind != Tok::Close(b')') {
        return None;
    }
    let xs = &code[toks[n + 1].start..toks[as_at - 1].end];
    let init = &code[toks[init_at].start..toks[init_end - 1].end];
    Some((v_end + 1, format!("{native}({xs}; {init}; {k}; {v})")))
}

/// The end of a term from token `from` that holds, outside brackets, nothing but
/// variables, fields, strings, names that are not keywords, `.`, `?` and numbers: it
/// means the same as a function's argument.
fn plain_term_end(code: &str, toks: &[Token], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut k = from;
    while let Some(t) = toks.get(k) {
        match t.kind {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => return None,
            Tok::Close(_) => depth -= 1,
            _ if depth > 0 => {}
            Tok::Var | Tok::Field | Tok::Str => {}
            Tok::Word if !KEYWORDS.contains(&text(code, t)) => {}
            Tok::Word => return Some(k),
            Tok::Other if text(code, t) == "." || text(code, t) == "?" => {}
            Tok::Other if text(code, t).bytes().all(|b| b.is_ascii_digit()) => {}
            _ => return None,
        }
        k += 1;
    }
    None
}

/// Where an initial value with exactly one output and no error ends: `{}`, `[]`,
/// `null`, `.`, a variable, a number or a plain string.
fn one_output_init(code: &str, toks: &[Token], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    let next = toks.get(at + 1).map(|n| n.kind);
    match t.kind {
        Tok::Open(b'{') if next == Some(Tok::Close(b'}')) => Some(at + 2),
        Tok::Open(b'[') if next == Some(Tok::Close(b']')) => Some(at + 2),
        Tok::Word if text(code, t) == "null" => Some(at + 1),
        Tok::Var if t.end - t.start > 1 => Some(at + 1),
        Tok::Str if !text(code, t).contains('\\') => Some(at + 1),
        Tok::Other if text(code, t) == "." || text(code, t).bytes().all(|b| b.is_ascii_digit()) => Some(at + 1),
        _ => None,
    }
}

/// A key (`value` false) or value of the folded update from token `at`: `var` with
/// adjacent fields as its path (`["a", "b"]`), or a constant (a plain string or a
/// number for a key, a number for a value); with the end of its tokens.
fn element_spec(code: &str, toks: &[Token], at: usize, var: &str, value: bool) -> Option<(String, usize)> {
    let t = toks.get(at)?;
    match t.kind {
        Tok::Var if text(code, t) == var => {
            let end = fields_end(code, toks, at + 1);
            let keys: Vec<String> = toks[at + 1..end]
                .iter()
                .map(|f| format!("\"{}\"", &text(code, f)[1..]))
                .collect();
            Some((format!("[{}]", keys.join(", ")), end))
        }
        Tok::Str if !value && !text(code, t).contains('\\') => Some((text(code, t).to_string(), at + 1)),
        Tok::Other if text(code, t).bytes().all(|b| b.is_ascii_digit()) => Some((text(code, t).to_string(), at + 1)),
        _ => None,
    }
}

/// Where a key with exactly one output (or an error) that starts at token `from` ends:
/// `$name` with adjacent fields, adjacent fields, a string without interpolation, or
/// an unsigned number.
fn one_output_key(code: &str, toks: &[Token], from: usize) -> Option<usize> {
    let first = toks.get(from)?;
    match first.kind {
        Tok::Var if first.end - first.start > 1 => Some(fields_end(code, toks, from + 1)),
        Tok::Field if plain_field(code, first) => Some(fields_end(code, toks, from + 1)),
        Tok::Str if !text(code, first).contains('\\') => Some(from + 1),
        Tok::Other if text(code, first).bytes().all(|b| b.is_ascii_digit()) => Some(from + 1),
        _ => None,
    }
}

/// A field whose name is not a keyword (jaq's parser may read those otherwise).
fn plain_field(code: &str, t: &Token) -> bool {
    t.kind == Tok::Field && !KEYWORDS.contains(&&text(code, t)[1..])
}

/// The end of the run of adjacent plain fields from token `from`.
fn fields_end(code: &str, toks: &[Token], mut from: usize) -> usize {
    while toks
        .get(from)
        .is_some_and(|t| plain_field(code, t) && adjacent(&toks[from - 1], t))
    {
        from += 1;
    }
    from
}

/// The end of V from token `from`, or None when V is empty or holds, outside
/// brackets, anything whose precedence could reach across the update.
fn delimited_value(code: &str, toks: &[Token], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut k = from;
    while let Some(t) = toks.get(k) {
        match t.kind {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => break,
            Tok::Close(_) => depth -= 1,
            _ if depth > 0 => {}
            Tok::Semi | Tok::Pipe => break,
            Tok::Other if text(code, t) == "," => break,
            Tok::Var | Tok::Field | Tok::Str => {}
            Tok::Word if !KEYWORDS.contains(&text(code, t)) => {}
            Tok::Other if top_level_operator(code, toks, k) => {}
            _ => return None,
        }
        k += 1;
    }
    // Brackets V opened and did not close are jaq's error, in the text as written.
    (k > from && depth == 0).then_some(k)
}

/// The tokens V may hold outside brackets: numbers, `.`, and arithmetic that binds
/// tighter than `+=` (`+ - * / %`, not `//` and not followed by `=`).
fn top_level_operator(code: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    let s = text(code, t);
    let next = toks.get(k + 1).filter(|n| adjacent(t, n)).map(|n| text(code, n));
    match s {
        "." => true,
        "+" | "-" | "*" | "%" => next != Some("="),
        "/" => {
            next != Some("=")
                && next != Some("/")
                && !(k > 0 && adjacent(&toks[k - 1], t) && text(code, &toks[k - 1]) == "/")
        }
        _ => s.bytes().next().is_some_and(|b| b.is_ascii_digit()),
    }
}

/// Which named forms may be rewritten: none after an `include` (it may define them),
/// and not a name the filter defines itself.
struct NamedOk {
    include: bool,
    defined: Vec<String>,
}

impl NamedOk {
    fn of(code: &str, toks: &[Token]) -> NamedOk {
        let include = toks.iter().any(|t| is(code, Some(t), Tok::Word, "include"));
        let defined = toks
            .windows(2)
            .filter(|w| is(code, Some(&w[0]), Tok::Word, "def") && w[1].kind == Tok::Word)
            .map(|w| text(code, &w[1]).to_string())
            .collect();
        NamedOk { include, defined }
    }

    fn allows(&self, name: &str) -> bool {
        !self.include && !self.defined.iter().any(|d| d == name)
    }
}

/// `sort_by(P, ...)`, `group_by(P, ...)` or `map(P)` of constant paths at token `n`:
/// the end of its tokens and its native call.
fn named_call(code: &str, toks: &[Token], n: usize, named: &NamedOk) -> Option<(usize, String)> {
    let t = &toks[n];
    let name = text(code, t);
    let (native, many) = match name {
        "sort_by" => ("_eddy_sort_by", true),
        "group_by" | "unique_by" => ("_eddy_group_by", true),
        "min_by" => ("_eddy_min_by", true),
        "max_by" => ("_eddy_max_by", true),
        "map" => ("_eddy_map_path", false),
        _ => return None,
    };
    if t.kind != Tok::Word || !named.allows(name) {
        return None;
    }
    // `m::map(...)` is a module's.
    if n > 0 && text(code, &toks[n - 1]) == "::" {
        return None;
    }
    if toks.get(n + 1)?.kind != Tok::Open(b'(') {
        return None;
    }
    let mut paths: Vec<String> = Vec::new();
    let mut k = n + 2;
    loop {
        toks.get(k).filter(|t| plain_field(code, t))?;
        let end = fields_end(code, toks, k + 1);
        let keys: Vec<String> = toks[k..end]
            .iter()
            .map(|f| format!("\"{}\"", &text(code, f)[1..]))
            .collect();
        paths.push(format!("[{}]", keys.join(", ")));
        match toks.get(end) {
            Some(c) if c.kind == Tok::Close(b')') => {
                k = end + 1;
                break;
            }
            Some(c) if many && text(code, c) == "," => k = end + 1,
            _ => return None,
        }
    }
    let call = format!("{native}([{}])", paths.join(", "));
    // jaq-std's own definition of `unique_by`, on the native `group_by`.
    let call = if name == "unique_by" {
        format!("[{call}[] | .[0]]")
    } else {
        call
    };
    Some((k, call))
}

#[cfg(test)]
mod tests;
