//! Projection: which top-level fields of each input a filter can ever observe, so that
//! the reader builds only those (`jsonread::read_projected`) and skips the rest with the
//! fast path's validating scanner. Most of the cost of `-s 'map(.amount) | add'` or
//! `reduce inputs as $e (...; ... $e.country ... $e.amount)` is building values nobody
//! reads: a ten-field event becomes a two-field one.
//!
//! The analysis is a small abstract interpretation over jaq's parse tree. Every value a
//! term can produce gets a shape: `Plain` (nothing that came whole from an input: it is
//! exactly what it would be without projection), `Event` (maybe an input object with
//! fields missing) or `Array` (an array whose elements may have that shape). The only
//! thing a filter may do to an `Event` is read a field named by a literal (`.a`, `."a"`,
//! `$e.a`, `{a}`); to an `Array`, iterate, index, slice, take its length, or pass it
//! through `map`, `select`, `sort_by`, `group_by` and their kin, whose keys are read
//! from the elements in turn. Anything else — output, `keys`, `length` of an event,
//! `tojson`, comparing or adding events, a value in an error message, a `def`, a module
//! — and the filter gets no projection: the reader builds every field, as always. The
//! whole input is never printed, compared or measured, so a projected event is
//! indistinguishable from the whole one; `tests` check that on filters and inputs.
//!
//! Inputs that are not objects are never projected, and anything the projecting reader
//! is unsure of goes to the full parser, so values and errors do not change either.

use std::collections::BTreeSet;

use jaq_core::load::lex::StrPart;
use jaq_core::load::parse::{BinaryOp, Pattern, Term};
use jaq_core::path::Part;
use jaq_json::{Map, Val};
use jaq_std::input::RcIter;

use super::jv::Jv;
use super::{Filter, Flow, json};

/// Where the inputs reach the filter (jq's `-n` and `-s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The filter runs on each input; `input`/`inputs` take the next ones.
    Each,
    /// `-n`: it runs once on null; inputs come only from `input`/`inputs`.
    Null,
    /// `-s`: it runs once on the array of all inputs.
    Slurp,
    /// `-n -s`: it runs on null, and `input` gives the array of all inputs.
    SlurpNull,
}

/// The top-level keys each input object is read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Projection {
    keys: Vec<Vec<u8>>,
}

impl Projection {
    /// Whether inputs keep the field named `key`.
    pub(crate) fn keeps(&self, key: &[u8]) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// A projection to these keys (for tests of the reader).
    #[cfg(test)]
    pub(crate) fn of_keys(keys: &[&str]) -> Projection {
        Projection {
            keys: keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// `v` as the filter needs it: an object without the fields it never reads; any
    /// other value as it is.
    pub(crate) fn apply(&self, v: Val) -> Val {
        match v {
            Val::Obj(map) => {
                let kept: Map = map
                    .iter()
                    .filter(|(k, _)| key_bytes(k).is_some_and(|k| self.keeps(k)))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Val::obj(kept)
            }
            v => v,
        }
    }
}

fn key_bytes(k: &Val) -> Option<&[u8]> {
    match k {
        Val::TStr(b) | Val::BStr(b) => Some(b),
        _ => None,
    }
}

/// The projection for `code` (in jq's words: before the idioms become eddy's natives)
/// run in `mode`, or None when the filter may observe an input whole.
pub(crate) fn of(code: &str, mode: Mode) -> Option<Projection> {
    let term = jaq_core::load::parse(code, |p| p.term())?;
    let (dot, input) = match mode {
        Mode::Each => (Shape::Event, Shape::Event),
        Mode::Null => (Shape::Plain, Shape::Event),
        Mode::Slurp => (array_of(Shape::Event), Shape::Plain),
        Mode::SlurpNull => (Shape::Plain, array_of(Shape::Event)),
    };
    let mut a = Analysis {
        keys: BTreeSet::new(),
        vars: Vec::new(),
        input,
    };
    match a.term(&term, &dot)? {
        Shape::Plain => Some(Projection {
            keys: a.keys.into_iter().collect(),
        }),
        _ => None,
    }
}

/// What a value may be, as far as projection is concerned (see the top of this file).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Plain,
    Event,
    Array(Box<Shape>),
}

fn array_of(s: Shape) -> Shape {
    match s {
        Shape::Plain => Shape::Plain,
        s => Shape::Array(Box::new(s)),
    }
}

/// A shape covering both: a plain value is unaffected by whatever may be done to an
/// event or an array of them, so it joins with either.
fn join(a: Shape, b: Shape) -> Option<Shape> {
    match (a, b) {
        (a, b) if a == b => Some(a),
        (Shape::Plain, s) | (s, Shape::Plain) => Some(s),
        (Shape::Array(a), Shape::Array(b)) => join(*a, *b).map(array_of),
        _ => None,
    }
}

fn plain(s: Shape) -> Option<Shape> {
    (s == Shape::Plain).then_some(Shape::Plain)
}

/// The text of a string literal without interpolation.
pub(in crate::jq) fn literal(t: &Term<&str>) -> Option<String> {
    let Term::Str(None, parts) = t else { return None };
    let mut text = String::new();
    for part in parts {
        match part {
            StrPart::Str(s) => text.push_str(s),
            StrPart::Char(c) => text.push(*c),
            StrPart::Term(_) => return None,
        }
    }
    Some(text)
}

struct Analysis<'s> {
    keys: BTreeSet<Vec<u8>>,
    /// Variables in scope, innermost last.
    vars: Vec<(&'s str, Shape)>,
    /// What `input` and `inputs` produce.
    input: Shape,
}

impl<'s> Analysis<'s> {
    /// The shape of what `t` produces when its input has shape `dot`; None when the
    /// filter may observe an input whole.
    fn term(&mut self, t: &Term<&'s str>, dot: &Shape) -> Option<Shape> {
        match t {
            Term::Id => Some(dot.clone()),
            Term::Recurse => plain(dot.clone()),
            Term::Num(_) | Term::Break(_) => Some(Shape::Plain),
            Term::Str(_, parts) => {
                for part in parts {
                    if let StrPart::Term(t) = part {
                        plain(self.term(t, dot)?)?;
                    }
                }
                Some(Shape::Plain)
            }
            Term::Arr(None) => Some(Shape::Plain),
            Term::Arr(Some(t)) => self.term(t, dot).map(array_of),
            Term::Obj(entries) => {
                for (k, v) in entries {
                    match v {
                        Some(v) => {
                            plain(self.term(k, dot)?)?;
                            plain(self.term(v, dot)?)?;
                        }
                        // `{$x}` is `{x: $x}`, `{a}` is `{a: .a}`.
                        None if matches!(k, Term::Var(_)) => {
                            plain(self.term(k, dot)?)?;
                        }
                        None => match literal(k) {
                            Some(name) => {
                                plain(self.field(dot.clone(), &name)?)?;
                            }
                            None => {
                                plain(dot.clone())?;
                                plain(self.term(k, dot)?)?;
                            }
                        },
                    }
                }
                Some(Shape::Plain)
            }
            Term::Neg(t) => plain(self.term(t, dot)?),
            Term::BinOp(l, op, r) => self.binop(l, op, r, dot),
            Term::Label(_, t) => self.term(t, dot),
            Term::Fold(kind, xs, pat, args) => self.fold(kind, xs, pat, args, dot),
            Term::TryCatch(body, catch) => {
                let tried = self.term(body, dot)?;
                match catch {
                    // Error values are plain: nothing here may put an input in one.
                    Some(c) => join(tried, self.term(c, &Shape::Plain)?),
                    None => Some(tried),
                }
            }
            Term::IfThenElse(branches, otherwise) => {
                let mut out: Option<Shape> = None;
                for (cond, then) in branches {
                    // Truthiness: an input object stays an object.
                    self.term(cond, dot)?;
                    let s = self.term(then, dot)?;
                    out = Some(match out {
                        None => s,
                        Some(o) => join(o, s)?,
                    });
                }
                let last = match otherwise {
                    Some(e) => self.term(e, dot)?,
                    None => dot.clone(),
                };
                match out {
                    None => Some(last),
                    Some(o) => join(o, last),
                }
            }
            Term::Def(..) => None,
            Term::Var(name) => Some(
                self.vars
                    .iter()
                    .rev()
                    .find(|(n, _)| n == name)
                    .map_or(Shape::Plain, |(_, s)| s.clone()),
            ),
            Term::Call(name, args) => self.call(name, args, dot),
            Term::Path(base, path) => {
                let mut s = self.term(base, dot)?;
                for (part, _opt) in &path.0 {
                    s = match part {
                        Part::Index(i) => match literal(i) {
                            Some(name) => self.field(s, &name)?,
                            None => {
                                // An index is computed from the path's own input.
                                plain(self.term(i, dot)?)?;
                                match s {
                                    Shape::Plain => Shape::Plain,
                                    Shape::Array(e) => *e,
                                    Shape::Event => return None,
                                }
                            }
                        },
                        Part::Range(None, None) => match s {
                            Shape::Plain => Shape::Plain,
                            Shape::Array(e) => *e,
                            Shape::Event => return None,
                        },
                        Part::Range(from, upto) => {
                            for bound in [from, upto].into_iter().flatten() {
                                plain(self.term(bound, dot)?)?;
                            }
                            match s {
                                Shape::Event => return None,
                                s => s,
                            }
                        }
                    };
                }
                Some(s)
            }
        }
    }

    /// `.name` on a value of shape `s`.
    fn field(&mut self, s: Shape, name: &str) -> Option<Shape> {
        match s {
            Shape::Plain => Some(Shape::Plain),
            Shape::Event => {
                self.keys.insert(name.as_bytes().to_vec());
                Some(Shape::Plain)
            }
            // An error that names no value; not worth a rule.
            Shape::Array(_) => None,
        }
    }

    fn binop(&mut self, l: &Term<&'s str>, op: &BinaryOp<&'s str>, r: &Term<&'s str>, dot: &Shape) -> Option<Shape> {
        match op {
            BinaryOp::Pipe(None) => {
                let mid = self.term(l, dot)?;
                self.term(r, &mid)
            }
            BinaryOp::Pipe(Some(pat)) => {
                let bound = self.term(l, dot)?;
                let depth = self.vars.len();
                self.bind(pat, bound, dot)?;
                let out = self.term(r, dot);
                self.vars.truncate(depth);
                out
            }
            BinaryOp::Comma | BinaryOp::Alt => {
                let a = self.term(l, dot)?;
                let b = self.term(r, dot)?;
                join(a, b)
            }
            BinaryOp::Or | BinaryOp::And => {
                self.term(l, dot)?;
                self.term(r, dot)?;
                Some(Shape::Plain)
            }
            BinaryOp::Math(_) | BinaryOp::Cmp(_) => {
                plain(self.term(l, dot)?)?;
                plain(self.term(r, dot)?)
            }
            BinaryOp::Assign | BinaryOp::Update | BinaryOp::UpdateMath(_) | BinaryOp::UpdateAlt => {
                // Updates only of plain values; the path's own terms may read inputs.
                plain(dot.clone())?;
                plain(self.term(l, dot)?)?;
                plain(self.term(r, dot)?)
            }
        }
    }

    fn bind(&mut self, pat: &Pattern<&'s str>, s: Shape, dot: &Shape) -> Option<()> {
        match (pat, s) {
            (Pattern::Var(name), s) => self.vars.push((name, s)),
            (Pattern::Obj(entries), s @ (Shape::Plain | Shape::Event)) => {
                for (k, p) in entries {
                    let inner = match literal(k) {
                        Some(name) => self.field(s.clone(), &name)?,
                        None => {
                            plain(s.clone())?;
                            plain(self.term(k, dot)?)?
                        }
                    };
                    self.bind(p, inner, dot)?;
                }
            }
            (Pattern::Arr(items), Shape::Plain) => {
                for p in items {
                    self.bind(p, Shape::Plain, dot)?;
                }
            }
            (Pattern::Arr(items), Shape::Array(e)) => {
                for p in items {
                    self.bind(p, (*e).clone(), dot)?;
                }
            }
            _ => return None,
        }
        Some(())
    }

    /// `reduce xs as $x (init; update)` and `foreach xs as $x (init; update; extract)`.
    fn fold(
        &mut self,
        kind: &str,
        xs: &Term<&'s str>,
        pat: &Pattern<&'s str>,
        args: &[Term<&'s str>],
        dot: &Shape,
    ) -> Option<Shape> {
        let each = self.term(xs, dot)?;
        let (init, update) = (args.first()?, args.get(1)?);
        let mut acc = self.term(init, dot)?;
        let depth = self.vars.len();
        self.bind(pat, each, dot)?;
        // The accumulator's shape, to a fixed point (shapes are shallow: a few rounds).
        let mut settled = false;
        for _ in 0..4 {
            let next = self.term(update, &acc)?;
            let joined = join(acc.clone(), next)?;
            if joined == acc {
                settled = true;
                break;
            }
            acc = joined;
        }
        if !settled {
            return None;
        }
        let out = match (kind, args.get(2)) {
            ("foreach", Some(extract)) => self.term(extract, &acc)?,
            _ => acc,
        };
        self.vars.truncate(depth);
        Some(out)
    }

    fn call(&mut self, name: &str, args: &[Term<&'s str>], dot: &Shape) -> Option<Shape> {
        let arg = |i: usize| args.get(i);
        match (name, args.len()) {
            ("empty", 0) => Some(Shape::Plain),
            ("input" | "inputs", 0) => Some(self.input.clone()),
            ("not", 0) => Some(Shape::Plain),
            ("select", 1) => {
                self.term(arg(0)?, dot)?;
                Some(dot.clone())
            }
            ("first" | "last", 1) => self.term(arg(0)?, dot),
            ("limit", 2) => {
                plain(self.term(arg(0)?, dot)?)?;
                self.term(arg(1)?, dot)
            }
            (_, _) if *dot == Shape::Plain => self.plain_call(args),
            ("map", 1) => match dot {
                Shape::Array(e) => self.term(arg(0)?, e).map(array_of),
                _ => None,
            },
            ("sort_by" | "group_by" | "unique_by" | "min_by" | "max_by", 1) => {
                let Shape::Array(e) = dot else { return None };
                // Each element's key; the elements themselves are only moved.
                plain(self.term(arg(0)?, e)?)?;
                Some(match name {
                    "group_by" => array_of(dot.clone()),
                    "min_by" | "max_by" => (**e).clone(),
                    _ => dot.clone(),
                })
            }
            ("length", 0) => match dot {
                Shape::Array(_) => Some(Shape::Plain),
                _ => None,
            },
            ("first" | "last", 0) => match dot {
                Shape::Array(e) => Some((**e).clone()),
                _ => None,
            },
            ("reverse", 0) => match dot {
                Shape::Array(_) => Some(dot.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Any other function on a plain input: plain if every argument is (each runs on
    /// the input or on values made from it, all plain).
    fn plain_call(&mut self, args: &[Term<&'s str>]) -> Option<Shape> {
        for a in args {
            plain(self.term(a, &Shape::Plain)?)?;
        }
        Some(Shape::Plain)
    }
}

type Rest<'a> = RcIter<dyn Iterator<Item = Result<Jv, String>> + 'a>;

/// The filter's outputs (compact JSON, at most `limit`) and then its error, if any, for
/// one input.
fn run_one(filter: &Filter, input: Val, rest: &Rest<'_>, limit: usize, out: &mut Vec<String>) {
    let mut seen = Vec::new();
    let result = filter.run_val(rest, input, &mut |v| {
        let mut text = Vec::new();
        json::write_compact(&mut text, &v);
        seen.push(String::from_utf8_lossy(&text).into_owned());
        if seen.len() >= limit {
            Flow::Stop
        } else {
            Flow::Continue
        }
    });
    out.extend(seen);
    if let Err(e) = result {
        out.push(format!("error: {e}"));
    }
}

/// Every output and every error, in order, as the stream engine sees them running
/// `filter` in `mode` over `inputs` (at most `limit` outputs per run).
fn outcomes(filter: &Filter, mode: Mode, inputs: Vec<Val>, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    match mode {
        Mode::Each => {
            let rest = RcIter::new(inputs.into_iter().map(|v| Ok(Jv(v))));
            while let Some(Ok(v)) = (&rest).next() {
                run_one(filter, v.0, &rest, limit, &mut out);
            }
        }
        Mode::Null => {
            let rest = RcIter::new(inputs.into_iter().map(|v| Ok(Jv(v))));
            run_one(filter, Val::Null, &rest, limit, &mut out);
        }
        Mode::Slurp => {
            let rest = RcIter::new(std::iter::empty());
            run_one(filter, inputs.into_iter().collect(), &rest, limit, &mut out);
        }
        Mode::SlurpNull => {
            let whole: Val = inputs.into_iter().collect();
            let rest = RcIter::new(std::iter::once(Ok(Jv(whole))));
            run_one(filter, Val::Null, &rest, limit, &mut out);
        }
    }
    out
}

/// For the `projection` fuzz target: `code` run in every mode on the JSON values of
/// `input`, on the whole values and on projected ones, must give the same outcomes; and
/// the projecting reader must read `input` as the whole parser does, cut. Says how they
/// differ, if they do.
pub(crate) fn disagreement(code: &str, input: &[u8]) -> Option<String> {
    for keys in [&["a"][..], &["a", "b"], &[]] {
        let p = Projection {
            keys: keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
        };
        let whole = match json::parse_prefix(input) {
            json::Prefix::Value(v, used) => Some((p.apply(v), used)),
            _ => None,
        };
        let cut = match json::parse_prefix_projected(input, Some(&p)) {
            json::Prefix::Value(v, used) => Some((v, used)),
            _ => None,
        };
        if whole != cut {
            return Some(format!(
                "the projecting reader to {keys:?} reads {cut:?}, the parser {whole:?}"
            ));
        }
    }
    let filter = Filter::compile(code, &[], vec![]).ok()?;
    let values = json::parse_all(input).ok()?;
    for mode in [Mode::Each, Mode::Null, Mode::Slurp, Mode::SlurpNull] {
        let Some(p) = of(code, mode) else { continue };
        let whole = outcomes(&filter, mode, values.clone(), 100);
        let cut = values.iter().cloned().map(|v| p.apply(v)).collect();
        let projected = outcomes(&filter, mode, cut, 100);
        if whole != projected {
            return Some(format!(
                "{code} ({mode:?}, keys {:?}): {projected:?}, whole {whole:?}",
                p.keys
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests;
