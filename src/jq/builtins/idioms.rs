//! Natives for a few idioms that jq users type in every aggregation, which jaq-core
//! runs through its general machinery at several thousand instructions per element:
//! `.[K] += V` and `.[K] -= V` (an update collects a path and walks it), the whole
//! `reduce XS as $e (INIT; .[$e.k] += $e.v)` (each `$e.a` is a path jaq-core builds
//! and walks, costlier than the update itself), and
//! `sort_by`, `group_by` and `map` over constant paths (`.a`, `.a.b`; jaq runs the
//! interpreter once per element for its key). The source rewrite
//! (`source::idioms`) calls them only where the result is provably the same; each one
//! ends in the very operation jaq's own route ends in (`map_index`, `index`, `+`, the
//! same stable sort), so vivification, errors and their messages stay `Jv`'s.

use std::cmp::Ordering;
use std::iter::once;

use jaq_core::box_iter::box_once;
use jaq_core::native::v;
use jaq_core::path::Opt;
use jaq_core::{Bind, Error as JqError, Exn, ValT as _};
use jaq_json::Val;
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

/// The key `[x | p1, p2, ...]` of `sort_by(p1, p2, ...)`, as jaq collects it.
fn key(x: &Jv, paths: &[Path]) -> Result<Vec<Jv>, Error> {
    paths.iter().map(|p| follow(x.clone(), p)).collect()
}

/// The array `sort_by`/`group_by` take, with jaq-std's error for anything else.
fn array(v: Jv) -> Result<Vec<Jv>, Error> {
    v.into_seq().map_err(|v| JqError::typ(v, "array"))
}

/// Each element with its key, computed in order (so the first error is the first
/// element's, as in jaq-std), then sorted stably by key.
fn keyed(v: Jv, paths: &[Path]) -> Result<Vec<(Vec<Jv>, Jv)>, Error> {
    let mut keyed = array(v)?
        .into_iter()
        .map(|x| Ok((key(&x, paths)?, x)))
        .collect::<Result<Vec<_>, Error>>()?;
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    Ok(keyed)
}

fn sort_by(v: Jv, paths: &[Path]) -> Result<Jv, Error> {
    Ok(keyed(v, paths)?.into_iter().map(|(_, x)| x).collect())
}

fn group_by(v: Jv, paths: &[Path]) -> Result<Jv, Error> {
    let mut groups: Vec<Jv> = Vec::new();
    let mut group: Vec<Jv> = Vec::new();
    let mut last: Option<Vec<Jv>> = None;
    for (k, x) in keyed(v, paths)? {
        if last.as_ref().is_some_and(|l| l.cmp(&k) != Ordering::Equal) {
            groups.push(std::mem::take(&mut group).into_iter().collect());
        }
        last = Some(k);
        group.push(x);
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
fn update_at<'a>(v: Jv, k: &Jv, y: Jv, op: fn(Jv, Jv) -> Result<Jv, Error>) -> Result<Jv, Exn<'a, Jv>> {
    v.map_index(k, Opt::Essential, |x| once(op(x, y.clone()).map_err(Exn::from)))
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
        ("_eddy_map_path", v(1), |mut cv| {
            let p = paths(cv.0.pop_var()).into_iter().next().unwrap_or_default();
            box_once(map_path(cv.1, &p).map_err(Exn::from))
        }),
    ])
}
