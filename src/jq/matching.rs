//! jq's `match` and `test` (and so `capture`, built on `match`): the native
//! `_match_impl(re; flags; test)` jq 1.6 defines them with, over the `regex` crate. It
//! differs from jaq's `matches` where jq's suite looks: a group that did not take part
//! in the match is reported (`{"offset": -1, "length": 0, "string": null}`), unnamed
//! groups have `"name": null`, an empty match has no groups (as in jq 1.6), a global search does not report an empty match at the
//! very end of a string it has already matched in, and `\b` knows combining marks.
//! Offsets and lengths count codepoints, as in jq. `scan`, `split`, `sub` and `gsub`
//! stay jaq's.

use std::cell::RefCell;
use std::rc::Rc;

use jaq_core::native::{bome, v};
use jaq_json::{Map, Val};
use regex::{Regex, RegexBuilder};

use super::Native;
use super::jv::{Error, Jv, described};

/// The regexes compiled last, per thread: a filter usually matches one or two
/// regexes on every record, and compiling one costs far more than matching it. Kept
/// behind an `Rc` and handed out as such: a cloned `Regex` starts with an empty search
/// cache of its own, which it builds on its first match, and that cost more per record
/// than the match itself.
const CACHED: usize = 8;

thread_local! {
    static COMPILED: RefCell<Vec<(String, String, Rc<Regex>)>> = const { RefCell::new(Vec::new()) };
}

/// jq's flags: `g` global, `n` no empty matches, `i`, `x` extended, `s` single line
/// (`.` takes newlines), `l` longest (here: greed swapped), `p` both `s` and `m`.
#[derive(Default, Clone, Copy)]
struct Flags {
    global: bool,
    no_empty: bool,
}

fn compile(re: &str, flags: &str) -> Result<(Rc<Regex>, Flags), Error> {
    let mut f = Flags::default();
    let mut builder = RegexBuilder::new(re);
    for c in flags.chars() {
        match c {
            'g' => f.global = true,
            'n' => f.no_empty = true,
            'i' => _ = builder.case_insensitive(true),
            'x' => _ = builder.ignore_whitespace(true),
            's' => _ = builder.dot_matches_new_line(true),
            'l' => _ = builder.swap_greed(true),
            'p' => _ = builder.dot_matches_new_line(true).multi_line(true),
            _ => return Err(Error::str(format_args!("{flags} is not a valid modifier string"))),
        }
    }
    let cached = COMPILED.with_borrow(|c| {
        c.iter()
            .find(|(r, fl, _)| r == re && fl == flags)
            .map(|(_, _, compiled)| Rc::clone(compiled))
    });
    if let Some(compiled) = cached {
        return Ok((compiled, f));
    }
    let compiled = Rc::new(
        builder
            .build()
            .map_err(|e| Error::str(format_args!("{re} (at offset 0) is not a valid regex: {e}")))?,
    );
    COMPILED.with_borrow_mut(|c| {
        if c.len() == CACHED {
            c.remove(0);
        }
        c.push((re.to_string(), flags.to_string(), Rc::clone(&compiled)));
    });
    Ok((compiled, f))
}

fn text<'a>(v: &'a Val, what: &str) -> Result<&'a str, Error> {
    match v {
        Val::TStr(b) | Val::BStr(b) => std::str::from_utf8(b).map_err(|_| {
            Error::str(format_args!(
                "{} cannot be matched, as it is not a string",
                described(v)
            ))
        }),
        _ => Err(Error::str(format_args!("{} {what}", described(v)))),
    }
}

fn object(pairs: Vec<(&str, Val)>) -> Val {
    let map: Map = pairs.into_iter().map(|(k, v)| (Val::from(k.to_string()), v)).collect();
    Val::obj(map)
}

/// The codepoints in `s[..byte]`.
fn chars(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// `input | _match_impl(re; flags; test)`: whether it matches (`test`), or the array of
/// its matches in jq's form.
fn match_impl(input: &Val, re: &Val, flags: &Val, test: bool) -> Result<Jv, Error> {
    let s = text(input, "cannot be matched, as it is not a string")?;
    let re = text(re, "cannot be matched, as it is not a string")?;
    let flags = match flags {
        Val::Null => "",
        v => text(v, "is not a string")?,
    };
    let (re, f) = compile(re, flags)?;
    if test {
        let hit = if f.no_empty {
            re.find_iter(s).any(|m| !m.is_empty())
        } else {
            re.is_match(s)
        };
        return Ok(Jv::from(hit));
    }
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let mut out = Vec::new();
    let mut start = 0;
    // jq's loop: search from `start`; after an empty match go on one codepoint further;
    // stop once the search would start at the end (unless nothing was searched yet).
    while start <= s.len() {
        let Some(caps) = re.captures_at(s, start) else { break };
        let whole = caps.get(0).expect("group 0 is the match");
        start = if whole.is_empty() {
            whole.end() + s[whole.end()..].chars().next().map_or(1, char::len_utf8)
        } else {
            whole.end()
        };
        if !(f.no_empty && whole.is_empty()) {
            let group = |m: regex::Match| {
                let offset = chars(s, m.start());
                (
                    Val::from(offset),
                    Val::from(chars(s, m.end()) - offset),
                    Val::from(m.as_str().to_string()),
                )
            };
            // jq 1.6 reports no groups for an empty match.
            let groups = if whole.is_empty() { 1 } else { caps.len() };
            let captures = (1..groups)
                .map(|i| {
                    let name = names
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or(Val::Null, |n| Val::from(n.to_string()));
                    let (offset, length, string) = match caps.get(i) {
                        Some(m) => group(m),
                        None => (Val::from(-1isize), Val::from(0usize), Val::Null),
                    };
                    object(vec![
                        ("offset", offset),
                        ("length", length),
                        ("string", string),
                        ("name", name),
                    ])
                })
                .collect::<Vec<Val>>();
            let (offset, length, string) = group(whole);
            out.push(object(vec![
                ("offset", offset),
                ("length", length),
                ("string", string),
                ("captures", Val::Arr(captures.into())),
            ]));
        }
        if !f.global || start >= s.len() {
            break;
        }
    }
    Ok(Jv(Val::Arr(out.into())))
}

pub(super) fn funs() -> Box<[Native]> {
    Box::new([("_match_impl", v(3), |mut cv| {
        let test = cv.0.pop_var();
        let flags = cv.0.pop_var();
        let re = cv.0.pop_var();
        bome(match_impl(&cv.1.0, &re.0, &flags.0, matches!(test.0, Val::Bool(true))))
    })])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, re: &str, flags: &str) -> String {
        let s = |x: &str| Val::from(x.to_string());
        let got = match_impl(&s(input), &s(re), &s(flags), false).map(|v| v.0);
        let mut out = Vec::new();
        match got {
            Ok(v) => super::super::json::write_compact(&mut out, &v),
            Err(e) => out.extend_from_slice(format!("error: {e:?}").as_bytes()),
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_global_search_stops_before_an_empty_match_at_the_end() {
        let got = run("ab", "x*", "g");
        assert_eq!(got.matches("\"offset\"").count(), 2, "{got}");
        // ... but an empty string, or a first search, may match there.
        assert!(run("", "x*", "g").contains(r#""offset":0"#));
        assert!(run("abc", "$", "g").contains(r#""offset":3"#));
    }

    #[test]
    fn groups_that_took_no_part_are_reported() {
        assert_eq!(
            run("xé", "(?<n>a)?(é)", ""),
            r#"[{"offset":1,"length":1,"string":"é","captures":[{"offset":-1,"length":0,"string":null,"name":"n"},{"offset":1,"length":1,"string":"é","name":null}]}]"#
        );
    }

    #[test]
    fn bad_flags_and_regexes_are_errors() {
        assert!(run("a", "a", "q").contains("is not a valid modifier string"));
        assert!(run("a", "(", "").contains("is not a valid regex"));
        let n = match_impl(&Val::from(1isize), &Val::from("a".to_string()), &Val::Null, true);
        assert!(n.is_err());
    }
}
