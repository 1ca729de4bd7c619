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
mod tests {
    use super::{DISABLED, rewrite};
    use crate::jq::{Filter, Flow, RunError};

    /// The outputs of `code` on `input` joined by spaces, or "error: " and the message;
    /// with the rewrite on or off.
    fn run(code: &str, input: &str, rewritten: bool) -> String {
        DISABLED.with(|d| d.set(!rewritten));
        let compiled = Filter::compile(code, &[], Vec::new());
        DISABLED.with(|d| d.set(false));
        let f = match compiled {
            Ok(f) => f,
            Err(e) => return format!("compile error: {e:?}"),
        };
        let mut outs = Vec::new();
        let r = f.run_bytes(input.as_bytes(), |v| {
            let mut b = Vec::new();
            v.write_json(&mut b);
            outs.push(String::from_utf8_lossy(&b).into_owned());
            Flow::Continue
        });
        match r {
            Ok(_) => outs.join(" "),
            Err(RunError::Failed(m)) => format!("{} error: {m}", outs.join(" ")),
            Err(other) => format!("{other:?}"),
        }
    }

    /// Every filter is rewritten, and gives on every input what it gives as written.
    fn same_as_written(filters: &[&str], inputs: &[&str]) {
        for code in filters {
            assert!(rewrite(code).is_some(), "not rewritten: {code}");
            for input in inputs {
                assert_eq!(run(code, input, true), run(code, input, false), "{code} on {input}");
            }
        }
    }

    #[test]
    fn updates_at_a_key_are_rewritten_where_the_meaning_stays() {
        assert_eq!(
            rewrite("reduce inputs as $e ({}; .[$e.country] += $e.amount | .)").as_deref(),
            Some("reduce inputs as $e ({}; _eddy_add_at($e.amount; $e.country) | .)")
        );
        assert_eq!(
            rewrite(r#".[.k] -= 1 | .["a"] += (.b, 2) * 3, (.[0] += -$x.y)"#).as_deref(),
            Some(r#"_eddy_sub_at(1; .k) | _eddy_add_at((.b, 2) * 3; "a"), (_eddy_add_at(-$x.y; 0))"#)
        );
        // An update inside another one's V is rewritten too.
        assert_eq!(
            rewrite(".[$k] += (.[$j] += 1 | length)").as_deref(),
            Some("_eddy_add_at((_eddy_add_at(1; $j) | length); $k)")
        );
    }

    #[test]
    fn updates_whose_meaning_could_change_are_left_alone() {
        for code in [
            ".[$k]? += 1",
            ".[$k] += 1 // 2",
            ".[$k] += .a = 1",
            ".[$k] += .a |= 1",
            ".[$k] += 1 as $x | $x",
            ".[$k] += 1 and true",
            ".[$k] += 1 == 1",
            ".[$k] += .a?",
            ".[$k] += if . then 1 else 2 end",
            ".[$k] += reduce .[] as $x (0; . + $x)",
            ".[$k] += ",
            ".[$k] *= 2",
            ".a[$k] += 1",
            ".[$k].a += 1",
            "1, .[$k] += 1",
            "{a: .[$k] += 1}",
            ".[(1, 2)] += 1",
            r#".["\(1, 2)"] += 1"#,
            ".[.a[0]] += 1",
            ".[-1] += 1",
            ".[$k] |= . + 1",
            ".[$k] + = 1",
            ". [$k] += 1",
        ] {
            assert_eq!(rewrite(code), None, "{code}");
        }
    }

    #[test]
    fn reduce_with_an_update_at_a_key_is_folded_where_the_meaning_stays() {
        assert_eq!(
            rewrite("reduce inputs as $e ({}; .[$e.country] += $e.amount)").as_deref(),
            Some(r#"_eddy_fold_add_at(inputs; {}; ["country"]; ["amount"])"#)
        );
        assert_eq!(
            rewrite(r#"[reduce (.[], 1)[0]? as $x (.; .["n"] -= 1), reduce .[] as $e ($i; .[$e] += $e.a.b)]"#)
                .as_deref(),
            Some(r#"[_eddy_fold_sub_at((.[], 1)[0]?; .; "n"; 1), _eddy_fold_add_at(.[]; $i; []; ["a", "b"])]"#)
        );
        for code in [
            "reduce .[] as $e ({}; .[$e.k] += $e.v | .)",
            "reduce .[] as $e ({a: 1}; .[$e.k] += $e.v)",
            "reduce .[] as $e ((1, 2); .[$e.k] += $e.v)",
            "reduce .[] as $e ({}; .[$x.k] += $e.v)",
            "reduce .[] as $e ({}; .[$e.k] += $x)",
            "reduce .[] as $e ({}; .[$e.k] += \"s\")",
            "reduce .[] as [$e] ({}; .[$e.k] += 1)",
            "reduce .[] | .a as $e ({}; .[$e.k] += 1)",
            "reduce if . then .[] else empty end as $e ({}; .[$e.k] += 1)",
            "foreach .[] as $e ({}; .[$e.k] += 1)",
        ] {
            assert!(!rewrite(code).unwrap_or_default().contains("_eddy_fold"), "{code}");
        }
    }

    #[test]
    fn folded_reduces_are_the_reduces_they_replace() {
        let filters = [
            "reduce .[] as $e ({}; .[$e.k] += $e.v)",
            "reduce .[] as $e (null; .[$e.k] += 1)",
            "reduce .[] as $e ([]; .[$e.i] += $e.v)",
            "reduce .[] as $e (0; .[$e.k] += 1)",
            "reduce .[] as $e ({}; .[$e.k.a] -= $e.v)",
            "reduce .[] as $e (.; .[$e] += 1)",
            r#"reduce .[] as $e ({}; .["n"] += $e)"#,
            "reduce .[]? as $e ([]; .[0] -= $e.v)",
            "reduce (.[], error(\"end\")) as $e ({}; .[$e.k] += 1)",
            "try (reduce .[] as $e ({}; .[$e.k] += $e.v)) catch .",
            "try (reduce .[] as $e ([]; .[$e.i] -= 1)) catch .",
            "[limit(1; reduce .[] as $e ({}; .[$e.k] += $e.v), 2)]",
        ];
        for code in filters {
            assert!(rewrite(code).unwrap_or_default().contains("_eddy_fold"), "{code}");
        }
        same_as_written(&filters, &INPUTS);
    }

    #[test]
    fn add_at_and_sub_at_are_the_updates_they_replace() {
        same_as_written(
            &[
                "reduce .[] as $e ({}; .[$e.k] += $e.v | .)",
                "reduce .[] as $e (null; .[$e.k] += (1))",
                "reduce .[] as $e ([]; .[$e.i] += $e.v * 1)",
                "reduce .[] as $e (0; (.[$e.k] += 1))",
                "reduce .[] as $e ({a: 1}; .[$e.k.a] -= $e.v)",
                "try (reduce .[] as $e ({}; .[$e.k] += $e.v | .)) catch .",
                "try (reduce .[] as $e ([1]; .[$e.i] -= -1)) catch .",
                r#"[(.["a"] += (1, 2, .a))]"#,
                r#"[(.["a"] += empty)]"#,
                r#"try (.["a"] += (1, error("boom"))) catch ."#,
                ".[0] += 1 | .[0], .",
                ".[.k] += .v",
                r#".["a"] -= (.a, [1])"#,
                r#"try path(.["a"] += 1) catch ."#,
                "reduce .[] as $e (.; .[$e] += 1 | .)",
            ],
            &INPUTS,
        );
    }

    /// Inputs for the updates: accumulators of every kind, keys and values that fit
    /// and that do not.
    const INPUTS: [&str; 19] = [
        "null",
        "0",
        r#""s""#,
        "[]",
        "[[1,2,1]]",
        r#"{"a":10}"#,
        r#"{"a":"y","k":"a","v":"x"}"#,
        r#"{"a":[1,2],"k":"b","v":[3]}"#,
        r#"{"a":{"b":1},"k":"a","v":{"c":2}}"#,
        r#"[{"k":"a","v":1},{"k":"b","v":2},{"k":"a","v":3}]"#,
        r#"[{"k":"a","v":"x"},{"k":"a","v":1}]"#,
        r#"[{"k":1,"v":1}]"#,
        r#"[{"k":null,"v":1}]"#,
        r#"[{"k":{"a":"x"},"v":1},{"k":{"a":"x"},"v":2}]"#,
        r#"[{"k":"a"},{"k":"b"},{"k":"a"}]"#,
        r#"[{"i":2,"v":1},{"i":-1,"v":5},{"i":0,"v":7}]"#,
        r#"[{"i":-3,"v":1}]"#,
        r#"[{"i":1.5,"v":1}]"#,
        r#"[1,"a",null]"#,
    ];

    #[test]
    fn sort_group_and_map_of_paths_are_rewritten_where_the_meaning_stays() {
        assert_eq!(
            rewrite("sort_by(.amount, .id) | .[:3] | map(.id)").as_deref(),
            Some(r#"_eddy_sort_by([["amount"], ["id"]]) | .[:3] | _eddy_map_path([["id"]])"#)
        );
        assert_eq!(
            rewrite("group_by(.a.b) | map(.c.d)").as_deref(),
            Some(r#"_eddy_group_by([["a", "b"]]) | _eddy_map_path([["c", "d"]])"#)
        );
        for code in [
            "map(.a, .b)",
            "map(.a | .b)",
            "map(.a[0])",
            "map(.a?)",
            "map(.)",
            "sort_by(.a[0])",
            "sort_by(.if)",
            "sort_by(.a .b)",
            "sort_by(-.a)",
            "m::map(.a)",
            "def map(f): f; map(.a)",
            "def sort_by(f): f; sort_by(.a)",
            r#"include "m"; map(.a)"#,
            ".map(.a)",
            "{map: 1}",
        ] {
            assert_eq!(rewrite(code), None, "{code}");
        }
        // Another definition keeps only that name from being rewritten.
        assert_eq!(
            rewrite("def map(f): f; sort_by(.a) | map(.a)").as_deref(),
            Some(r#"def map(f): f; _eddy_sort_by([["a"]]) | map(.a)"#)
        );
    }

    #[test]
    fn sort_group_and_map_of_paths_are_the_filters_they_replace() {
        same_as_written(
            &[
                "sort_by(.a)",
                "sort_by(.a, .id)",
                "sort_by(.a.b)",
                "group_by(.a)",
                "group_by(.a.b, .id)",
                "map(.a)",
                "map(.a.b)",
                "map(.a) | add",
                "try sort_by(.a) catch .",
                "try group_by(.a.b) catch .",
                "try map(.a.b) catch .",
                "[.[] | map(.a)]",
                "unique_by(.a)",
                "unique_by(.a.b, .id)",
                "min_by(.a)",
                "max_by(.a)",
                "min_by(.a, .id)",
                "max_by(.a.b)",
                "try min_by(.a) catch .",
                "try unique_by(.a) catch .",
            ],
            &[
                "null",
                "1",
                r#""s""#,
                "[]",
                r#"{"x":{"a":1},"y":{"a":2}}"#,
                r#"[{"a":1,"id":3},{"a":0,"id":2},{"a":1,"id":1},{"id":0}]"#,
                r#"[{"a":{"b":1},"id":1},{"a":null,"id":2},{"a":{"b":1},"id":3},{"id":4}]"#,
                r#"[{"a":2},1]"#,
                r#"[{"a":1},"x"]"#,
                r#"[{"a":{"b":"x"}},{"a":[1]}]"#,
                r#"[null,{"a":null},{"a":false},{"a":0},{"a":"0"},{"a":[]},{"a":{}}]"#,
                r#"[[{"a":1}],[{"a":2},{"a":3}]]"#,
            ],
        );
    }

    /// What `/usr/bin/jq` (jq 1.6) prints with `-c` for these.
    #[test]
    fn the_rewritten_idioms_give_jq_1_6_s_answers() {
        let cases = [
            (
                "reduce .[] as $e (null; .[$e.k] += 1)",
                r#"[{"k":"a"},{"k":"b"},{"k":"a"}]"#,
                r#"{"a":2,"b":1}"#,
            ),
            (
                "reduce .[] as $e ([]; .[$e.i] += $e.v)",
                r#"[{"i":2,"v":1},{"i":-1,"v":5},{"i":0,"v":7}]"#,
                "[7,null,6]",
            ),
            (
                "try (reduce .[] as $e ([1]; .[$e.i] += 1)) catch .",
                r#"[{"i":-3}]"#,
                r#""Out of bounds negative array index""#,
            ),
            (
                "try (reduce .[] as $e (0; .[$e.k] += 1)) catch .",
                r#"[{"k":"a"}]"#,
                r#""Cannot index number with string \"a\"""#,
            ),
            (
                "try (reduce .[] as $e ({}; .[$e.k] += $e.v)) catch .",
                r#"[{"k":"a","v":"x"},{"k":"a","v":1}]"#,
                r#""string (\"x\") and number (1) cannot be added""#,
            ),
            (
                "try (reduce .[] as $e ({}; .[$e.k] += 1)) catch .",
                r#"[{"k":1}]"#,
                r#""Cannot index object with number""#,
            ),
            (
                "try (reduce .[] as $e ({}; .[$e.k] -= 1)) catch .",
                r#"[{"k":"a"}]"#,
                r#""null (null) and number (1) cannot be subtracted""#,
            ),
            (r#"[(.["a"] += (1, 2))]"#, r#"{"a":10}"#, r#"[{"a":11},{"a":12}]"#),
            (r#".["a"] += "x""#, r#"{"a":"y"}"#, r#"{"a":"yx"}"#),
            (".[0] -= [1]", "[[1,2,1]]", "[[2]]"),
            (
                "try sort_by(.a) catch .",
                r#"[{"a":2},1]"#,
                r#""Cannot index number with string \"a\"""#,
            ),
            (
                "sort_by(.a, .id)",
                r#"[{"a":1,"id":3},{"a":0,"id":2},{"a":1,"id":1},{"id":0}]"#,
                r#"[{"id":0},{"a":0,"id":2},{"a":1,"id":1},{"a":1,"id":3}]"#,
            ),
            (
                "group_by(.a.b)",
                r#"[{"a":{"b":1},"n":1},{"a":null,"n":2},{"a":{"b":1},"n":3},{"n":4}]"#,
                r#"[[{"a":null,"n":2},{"n":4}],[{"a":{"b":1},"n":1},{"a":{"b":1},"n":3}]]"#,
            ),
            (
                "try map(.a) catch .",
                r#"[{"a":1},"x"]"#,
                r#""Cannot index string with string \"a\"""#,
            ),
            ("map(.a)", r#"{"x":{"a":1},"y":{"a":2}}"#, "[1,2]"),
        ];
        for (code, input, want) in cases {
            assert!(rewrite(code).is_some(), "not rewritten: {code}");
            assert_eq!(run(code, input, true), want, "{code} on {input}");
        }
    }
}
