//! The random helpers eddy adds to the jq language, for `eddy gen` templates: `rand`,
//! `randint(lo; hi)`, `choice(array)`, `weighted(object)`, `normal(mean; sd)`,
//! `zipf(n; s)`, `chance(p)`, `uuid`, `hex(n)`, `name`, `email`, `ipv4`, `word` and
//! `words(n)`. They draw from the thread's current generator (`gen::rng`), which gen
//! reseeds from (seed, i) before each event so that a seed fixes the output; elsewhere
//! (in `eddy filter`) they are simply random.

use jaq_core::native::{bome, v};
use jaq_core::{Error as JqError, ValR};
use jaq_json::Val;
use jaq_std::ValT;

use super::Native;
use super::jv::Jv;
use crate::random::{self as rng, Zipf};

fn number(v: &Jv, what: &'static str) -> Result<f64, JqError<Jv>> {
    v.as_f64().ok_or_else(|| JqError::typ(v.clone(), what))
}

fn integer(v: &Jv, what: &'static str) -> Result<i64, JqError<Jv>> {
    match number(v, what)? {
        n if n.fract() == 0.0 && n.abs() < 9.2e18 => Ok(n as i64),
        _ => Err(JqError::typ(v.clone(), what)),
    }
}

fn int(n: i64) -> Jv {
    isize::try_from(n).map_or_else(|_| Jv::from(n as f64), Jv::from)
}

fn text(f: impl FnOnce(&mut rng::Rng, &mut String)) -> ValR<Jv> {
    let mut s = String::new();
    rng::with_current(|r| f(r, &mut s));
    Ok(Jv::from(s))
}

/// A count argument (`words(n)`, `hex(n)`), bounded so a typo cannot eat the memory.
fn count(v: &Jv, what: &'static str) -> Result<usize, JqError<Jv>> {
    match integer(v, what)? {
        n @ 0..=1_000_000 => Ok(n as usize),
        _ => Err(JqError::str(format!("{what} must be between 0 and 1000000"))),
    }
}

pub(super) fn funs() -> Box<[Native]> {
    Box::new([
        ("rand", v(0), |_| bome(Ok(Jv::from(rng::with_current(rng::Rng::f64))))),
        ("randint", v(2), |mut cv| {
            let hi = cv.0.pop_var();
            let lo = cv.0.pop_var();
            bome((|| {
                let lo = integer(&lo, "an integer bound of randint")?;
                let hi = integer(&hi, "an integer bound of randint")?;
                Ok(int(rng::with_current(|r| r.int_between(lo, hi))))
            })())
        }),
        ("choice", v(1), |mut cv| {
            let items = cv.0.pop_var();
            bome(match &items.0 {
                Val::Arr(a) if !a.is_empty() => Ok(Jv(rng::with_current(|r| r.pick(a).clone()))),
                Val::Arr(_) => Err(JqError::str("choice: the array is empty")),
                _ => Err(JqError::typ(items.clone(), "an array (choice)")),
            })
        }),
        ("weighted", v(1), |mut cv| {
            let table = cv.0.pop_var();
            bome((|| {
                let Val::Obj(o) = &table.0 else {
                    return Err(JqError::typ(table.clone(), "an object of value: weight (weighted)"));
                };
                let weights = o
                    .values()
                    .map(|w| number(&Jv(w.clone()), "a weight"))
                    .collect::<Result<Vec<f64>, _>>()?;
                let i = rng::with_current(|r| r.weighted_index(weights.iter().copied()))
                    .ok_or_else(|| JqError::str("weighted: no weight is positive"))?;
                let (key, _) = o.get_index(i).ok_or_else(|| JqError::str("weighted: no such entry"))?;
                Ok(Jv(key.clone()))
            })())
        }),
        ("normal", v(2), |mut cv| {
            let sd = cv.0.pop_var();
            let mean = cv.0.pop_var();
            bome((|| {
                let (mean, sd) = (number(&mean, "a number (normal)")?, number(&sd, "a number (normal)")?);
                Ok(Jv::from(rng::with_current(|r| r.normal(mean, sd))))
            })())
        }),
        ("zipf", v(2), |mut cv| {
            let s = cv.0.pop_var();
            let n = cv.0.pop_var();
            bome((|| {
                let n = integer(&n, "a positive integer n (zipf)")?;
                let s = number(&s, "an exponent s (zipf)")?;
                let z = u64::try_from(n)
                    .ok()
                    .and_then(|n| Zipf::new(n, s))
                    .ok_or_else(|| JqError::str("zipf(n; s) needs n >= 1 and s >= 0"))?;
                Ok(int(rng::with_current(|r| z.sample(r)) as i64))
            })())
        }),
        ("chance", v(1), |mut cv| {
            let p = cv.0.pop_var();
            bome(number(&p, "a probability (chance)").map(|p| Jv::from(rng::with_current(|r| r.chance(p)))))
        }),
        ("uuid", v(0), |_| bome(text(|r, s| r.uuid(s)))),
        ("hex", v(1), |mut cv| {
            let n = cv.0.pop_var();
            bome(count(&n, "a length (hex)").and_then(|n| text(|r, s| r.hex(n, s))))
        }),
        ("name", v(0), |_| bome(text(|r, s| r.name(s)))),
        ("email", v(0), |_| bome(text(|r, s| r.email(s)))),
        ("ipv4", v(0), |_| bome(text(|r, s| r.ipv4(s)))),
        ("word", v(0), |_| bome(text(|r, s| r.words(1, s)))),
        ("words", v(1), |mut cv| {
            let n = cv.0.pop_var();
            bome(count(&n, "a number of words").and_then(|n| text(|r, s| r.words(n, s))))
        }),
    ])
}
