//! The filters jq 1.6 refuses to compile because it folds constants while parsing:
//! `{(0): 1}` (a number as an object key) and `1 / 0` (a constant division whose result
//! is infinite). jaq compiles both and fails when they run; jq users (and jq's suite)
//! expect the compile error, so eddy looks for them in the parsed filter before jaq
//! compiles it, and words them as jq does.

use jaq_core::load::lex::StrPart;
use jaq_core::load::parse::{BinaryOp, Pattern, Term};
use jaq_core::ops::Math;
use jaq_core::path::Part;

/// jq's explanation for the first constant it would refuse in `code`, if any. Only the
/// main filter is looked at, and only when it parses as a term on its own (a filter with
/// `import`/`include` is left to jaq): jaq has just parsed it, so this cannot fail where
/// jaq did not.
pub(super) fn refusal(code: &str) -> Option<String> {
    let term = jaq_core::load::parse(code, |p| p.term())?;
    let mut found = None;
    walk(&term, &mut found);
    found
}

fn number(n: &str) -> Option<f64> {
    n.parse::<f64>().ok()
}

/// A number as jq 1.6 prints it.
fn jq_number(x: f64) -> String {
    let mut out = Vec::new();
    super::json::write_f64(&mut out, x);
    String::from_utf8_lossy(&out).into_owned()
}

fn walk(t: &Term<&str>, found: &mut Option<String>) {
    if found.is_some() {
        return;
    }
    match t {
        Term::Id | Term::Recurse | Term::Num(_) | Term::Break(_) | Term::Var(_) => {}
        Term::Str(_, parts) => parts.iter().for_each(|p| {
            if let StrPart::Term(t) = p {
                walk(t, found);
            }
        }),
        Term::Arr(a) => a.iter().for_each(|t| walk(t, found)),
        Term::Obj(entries) => {
            for (k, v) in entries {
                if let Term::Num(n) = k {
                    let shown = number(n).map_or_else(|| n.to_string(), jq_number);
                    *found = Some(format!("Cannot use number ({shown}) as object key"));
                    return;
                }
                walk(k, found);
                v.iter().for_each(|v| walk(v, found));
            }
        }
        Term::Neg(t) => walk(t, found),
        Term::BinOp(l, op, r) => {
            if let (BinaryOp::Math(Math::Div), Term::Num(a), Term::Num(b)) = (op, &**l, &**r)
                && number(a).zip(number(b)).is_some_and(|(a, b)| (a / b).is_infinite())
            {
                *found = Some("Division by zero?".to_string());
                return;
            }
            if let BinaryOp::Pipe(Some(p)) = op {
                pattern(p, found);
            }
            walk(l, found);
            walk(r, found);
        }
        Term::Label(_, t) => walk(t, found),
        Term::Fold(_, xs, p, args) => {
            walk(xs, found);
            pattern(p, found);
            args.iter().for_each(|t| walk(t, found));
        }
        Term::TryCatch(t, c) => {
            walk(t, found);
            c.iter().for_each(|c| walk(c, found));
        }
        Term::IfThenElse(branches, otherwise) => {
            for (c, b) in branches {
                walk(c, found);
                walk(b, found);
            }
            otherwise.iter().for_each(|t| walk(t, found));
        }
        Term::Def(defs, t) => {
            defs.iter().for_each(|d| walk(&d.body, found));
            walk(t, found);
        }
        Term::Call(_, args) => args.iter().for_each(|t| walk(t, found)),
        Term::Path(t, path) => {
            walk(t, found);
            for (part, _) in &path.0 {
                match part {
                    Part::Index(i) => walk(i, found),
                    Part::Range(a, b) => a.iter().chain(b).for_each(|t| walk(t, found)),
                }
            }
        }
    }
}

fn pattern(p: &Pattern<&str>, found: &mut Option<String>) {
    match p {
        Pattern::Var(_) => {}
        Pattern::Arr(ps) => ps.iter().for_each(|p| pattern(p, found)),
        Pattern::Obj(entries) => entries.iter().for_each(|(k, p)| {
            walk(k, found);
            pattern(p, found);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn refuses_what_jq_folds_and_nothing_else() {
        let key = Some("Cannot use number (0) as object key".to_string());
        assert_eq!(refusal("{(0): 1}"), key);
        assert_eq!(refusal("{non_const: ., (0): 1}"), key);
        assert_eq!(refusal("[.[] | {a: {(0): 1}}]"), key);
        assert_eq!(refusal("1/0"), Some("Division by zero?".to_string()));
        assert_eq!(refusal("def f: 2 / 0; f"), Some("Division by zero?".to_string()));
        // Not constants, or constants jq folds without complaint: these compile.
        for ok in [
            "{(.a): 1}",
            "{a: 0}",
            ". / 0",
            "1 / .",
            "0 / 0",
            "1 / 2",
            "{\"0\": 1}",
            "1 % 0",
        ] {
            assert_eq!(refusal(ok), None, "{ok}");
        }
    }
}
