//! Natives for a few idioms that jq users type in every aggregation, which jaq-core
//! runs through its general machinery at several thousand instructions per element:
//! `.[K] += V` and `.[K] -= V` (an update collects a path and walks it), the whole
//! `reduce XS as $e (INIT; .[$e.k] += $e.v)` (each `$e.a` is a path jaq-core builds
//! and walks, costlier than the update itself), and
//! `sort_by`, `group_by`, `unique_by`, `min_by`, `max_by` and `map` over constant paths (`.a`, `.a.b`; jaq runs the
//! interpreter once per element for its key). The source rewrite
//! (`source::idioms`) calls them only where the result is provably the same; each one
//! ends in the very operation jaq's own route ends in (`map_index`, `index`, `+`, the
//! same stable sort), so vivification, errors and their messages stay `Jv`'s.

use std::iter::once;

use jaq_core::box_iter::box_once;
use jaq_core::native::v;
use jaq_core::path::Opt;
use jaq_core::{Bind, Error as JqError, Exn, ValT as _};
use jaq_json::{Num, Rc, Val};
use jaq_std::ValT as _;

use super::super::Native;
use super::super::jv::{Error, Jv};

/// A path of constant keys (`.a.b` is `["a", "b"]`), as the rewrite passes it.
type Path = Vec<Jv>;

/// The paths of an argument `[["a"], ["b", "c"]]` (the rewrite writes only these).
fn paths(arg: Jv) -> Vec<Path> {
    match arg.0 {
        Val::Arr(ps) => ps
            .iter()
            .map(|p| match p {
                Val::Arr(keys) => keys.iter().cloned().map(Jv).collect(),
                key => vec![Jv(key.clone())],
            })
            .collect(),
        key => vec![vec![Jv(key)]],
    }
}

/// `x | .k1.k2...`, with `index`'s errors.
fn follow(x: Jv, path: &[Jv]) -> Result<Jv, Error> {
    path.iter().try_fold(x, |x, k| x.index(k))
}

/// The array `sort_by`/`group_by` take, with jaq-std's error for anything else.
fn array(v: Jv) -> Result<Vec<Jv>, Error> {
    v.into_seq().map_err(|v| JqError::typ(v, "array"))
}

/// The elements of an array and their keys (`[x | p1, p2, ...]`, compared as jaq
/// compares those arrays). The keys are computed in element order, so the first error
/// is the first element's, as in jaq-std; they lie in one vector, `width` to an
/// element, and indices are sorted, not elements.
struct Keyed {
    xs: Vec<Jv>,
    keys: Vec<Jv>,
    width: usize,
}

impl Keyed {
    fn of(v: Jv, paths: &[Path]) -> Result<Keyed, Error> {
        let xs = array(v)?;
        let width = paths.len().max(1);
        let mut keys = Vec::with_capacity(xs.len() * width);
        for x in &xs {
            for p in paths {
                keys.push(follow(x.clone(), p)?);
            }
        }
        Ok(Keyed { xs, keys, width })
    }

    fn key(&self, i: usize) -> &[Jv] {
        &self.keys[i * self.width..(i + 1) * self.width]
    }

    /// The indices in key order, stable as jaq-std's sort.
    fn order(&self) -> Vec<usize> {
        if let Some(order) = self.integer_order() {
            return order;
        }
        let mut order: Vec<usize> = (0..self.xs.len()).collect();
        order.sort_by(|&a, &b| self.key(a).cmp(self.key(b)));
        order
    }

    /// `order` when every key is one or two machine integers (ids, amounts, times: the
    /// usual case), which compare as the integers do: the keys are copied out of their
    /// values and sorted with the index last, so an unstable sort is stable and no
    /// comparison goes through `Val`'s.
    fn integer_order(&self) -> Option<Vec<usize>> {
        let int = |k: &Jv| match k.0 {
            Val::Num(Num::Int(i)) => Some(i),
            _ => None,
        };
        match self.width {
            1 => {
                let mut keyed = (self.keys.iter().enumerate())
                    .map(|(i, k)| Some((int(k)?, i)))
                    .collect::<Option<Vec<_>>>()?;
                keyed.sort_unstable();
                Some(keyed.into_iter().map(|(_, i)| i).collect())
            }
            2 => {
                let mut keyed = (self.keys.chunks_exact(2).enumerate())
                    .map(|(i, k)| Some((int(&k[0])?, int(&k[1])?, i)))
                    .collect::<Option<Vec<_>>>()?;
                keyed.sort_unstable();
                Some(keyed.into_iter().map(|(_, _, i)| i).collect())
            }
            _ => None,
        }
    }

    /// The element whose key `replace` prefers over each earlier best one, as jaq-std's
    /// `min_by`/`max_by` pick it; null for an empty array.
    fn pick(mut self, replace: fn(&[Jv], &[Jv]) -> bool) -> Jv {
        let mut best = None;
        for i in 0..self.xs.len() {
            if best.is_none_or(|b| replace(self.key(b), self.key(i))) {
                best = Some(i);
            }
        }
        best.map(|b| std::mem::take(&mut self.xs[b])).unwrap_or_default()
    }
}

fn sort_by(v: Jv, paths: &[Path]) -> Result<Jv, Error> {
    let mut k = Keyed::of(v, paths)?;
    let order = k.order();
    Ok(order.into_iter().map(|i| std::mem::take(&mut k.xs[i])).collect())
}

fn group_by(v: Jv, paths: &[Path]) -> Result<Jv, Error> {
    let mut k = Keyed::of(v, paths)?;
    let mut groups: Vec<Jv> = Vec::new();
    let mut group: Vec<Jv> = Vec::new();
    let mut last: Option<usize> = None;
    for i in k.order() {
        if last.is_some_and(|l| k.key(l) != k.key(i)) {
            groups.push(std::mem::take(&mut group).into_iter().collect());
        }
        last = Some(i);
        group.push(std::mem::take(&mut k.xs[i]));
    }
    if !group.is_empty() {
        groups.push(group.into_iter().collect());
    }
    Ok(groups.into_iter().collect())
}

/// `map(.k1.k2...)`, that is `[.[] | .k1.k2...]`.
fn map_path(v: Jv, path: &[Jv]) -> Result<Jv, Error> {
    v.values().map(|x| follow(x?, path)).collect()
}

/// `.[k] op= y`: the update jaq's `UpdateMath` makes, without collecting a path.
/// An object and a string key, the common case, take one hash instead of
/// `map_index`'s two (it takes the old value out, then inserts the new one), with the
/// same result: a present key keeps its place, a new one goes last, null is the old
/// value of a missing key.
fn update_at<'a>(v: Jv, k: &Jv, y: Jv, op: fn(Jv, Jv) -> Result<Jv, Error>) -> Result<Jv, Exn<'a, Jv>> {
    match (v.0, &k.0) {
        (Val::Obj(mut o), Val::TStr(_) | Val::BStr(_)) => {
            let map = Rc::make_mut(&mut o);
            match map.get_mut(&k.0) {
                Some(slot) => *slot = op(Jv(std::mem::take(slot)), y)?.0,
                None => {
                    let new = op(Jv(Val::Null), y)?;
                    map.insert(k.0.clone(), new.0);
                }
            }
            Ok(Jv(Val::Obj(o)))
        }
        (v, _) => Jv(v).map_index(k, Opt::Essential, |x| once(op(x, y.clone()).map_err(Exn::from))),
    }
}

/// A key or a value of the reduce the rewrite folds: a path from the element (an array
/// of keys: `$e.a.b` is `["a", "b"]`, `$e` is `[]`) or a constant.
fn of_element(x: &Jv, spec: &Jv) -> Result<Jv, Error> {
    match &spec.0 {
        Val::Arr(keys) => keys.iter().try_fold(x.clone(), |x, k| x.index(&Jv(k.clone()))),
        _ => Ok(spec.clone()),
    }
}

/// `reduce XS as $e (INIT; .[K] op= V)` with K and V from `$e` (`of_element`): V, then K,
/// then the update, for each element in turn; the first error ends it, as in jaq's
/// `reduce`.
fn fold_at<'a>(
    xs: impl Iterator<Item = Result<Jv, Exn<'a, Jv>>>,
    init: Jv,
    (k, v): (&Jv, &Jv),
    op: fn(Jv, Jv) -> Result<Jv, Error>,
) -> Result<Jv, Exn<'a, Jv>> {
    let mut acc = init;
    for x in xs {
        let x = x?;
        let y = of_element(&x, v)?;
        let key = of_element(&x, k)?;
        acc = update_at(acc, &key, y, op)?;
    }
    Ok(acc)
}

/// The arguments of `_eddy_fold_add_at(XS; INIT; K; V)`: a filter, then three values.
fn fold_args() -> Box<[Bind]> {
    Box::new([Bind::Fun(()), Bind::Var(()), Bind::Var(()), Bind::Var(())])
}

pub(in crate::jq) fn funs() -> Box<[Native]> {
    Box::new([
        // `_eddy_add_at(V; K)` is `.[K] += V`: V first, then K, as jaq runs them.
        ("_eddy_add_at", v(2), |mut cv| {
            let k = cv.0.pop_var();
            let y = cv.0.pop_var();
            box_once(update_at(cv.1, &k, y, |x, y| x + y))
        }),
        ("_eddy_sub_at", v(2), |mut cv| {
            let k = cv.0.pop_var();
            let y = cv.0.pop_var();
            box_once(update_at(cv.1, &k, y, |x, y| x - y))
        }),
        ("_eddy_fold_add_at", fold_args(), |mut cv| {
            let (v, k, init) = (cv.0.pop_var(), cv.0.pop_var(), cv.0.pop_var());
            let (xs, ctx) = cv.0.pop_fun();
            box_once(fold_at(xs.run((ctx, cv.1)), init, (&k, &v), |x, y| x + y))
        }),
        ("_eddy_fold_sub_at", fold_args(), |mut cv| {
            let (v, k, init) = (cv.0.pop_var(), cv.0.pop_var(), cv.0.pop_var());
            let (xs, ctx) = cv.0.pop_fun();
            box_once(fold_at(xs.run((ctx, cv.1)), init, (&k, &v), |x, y| x - y))
        }),
        ("_eddy_sort_by", v(1), |mut cv| {
            let ps = paths(cv.0.pop_var());
            box_once(sort_by(cv.1, &ps).map_err(Exn::from))
        }),
        ("_eddy_group_by", v(1), |mut cv| {
            let ps = paths(cv.0.pop_var());
            box_once(group_by(cv.1, &ps).map_err(Exn::from))
        }),
        // jaq-std: `min_by(f)` keeps the first least key, `max_by(f)` the last greatest.
        ("_eddy_min_by", v(1), |mut cv| {
            let ps = paths(cv.0.pop_var());
            box_once(
                Keyed::of(cv.1, &ps)
                    .map(|k| k.pick(|best, y| y < best))
                    .map_err(Exn::from),
            )
        }),
        ("_eddy_max_by", v(1), |mut cv| {
            let ps = paths(cv.0.pop_var());
            box_once(
                Keyed::of(cv.1, &ps)
                    .map(|k| k.pick(|best, y| y >= best))
                    .map_err(Exn::from),
            )
        }),
        ("_eddy_map_path", v(1), |mut cv| {
            let p = paths(cv.0.pop_var()).into_iter().next().unwrap_or_default();
            box_once(map_path(cv.1, &p).map_err(Exn::from))
        }),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer shortcut orders exactly as comparing the keys as values does, ties
    /// (many here) kept in element order.
    #[test]
    fn integer_keys_sort_as_their_values_do() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % 9) as isize - 4
        };
        for width in [1, 2] {
            let keys: Vec<Jv> = (0..500 * width).map(|_| Jv::from(next())).collect();
            let k = Keyed {
                xs: vec![Jv::default(); 500],
                keys,
                width,
            };
            let mut by_values: Vec<usize> = (0..500).collect();
            by_values.sort_by(|&a, &b| k.key(a).cmp(k.key(b)));
            assert_eq!(k.integer_order(), Some(by_values), "width {width}");
        }
        let mixed = Keyed {
            xs: vec![Jv::default(); 2],
            keys: vec![Jv::from(1isize), Jv(Val::from("a".to_string()))],
            width: 1,
        };
        assert_eq!(mixed.integer_order(), None);
    }
}
