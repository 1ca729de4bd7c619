//! jq's regex builtins over the `regex` crate, as natives: `test`, `match` and
//! `capture` (one and two arguments), `_match_impl(re; flags; test)` (jq 1.6's own
//! native, which jq's suite calls by name) and `_sub_split`, the matching step of `sub`
//! and `gsub` (whose replacement is a jq filter run on each match's captures, so they
//! stay jq 1.6's definitions around it, in `DEFS`). jq 1.6 defines `test`, `match` and
//! `capture` in jq over `_match_impl`, building every match object and then picking it
//! apart; done here they cost a fraction of that, with the same outputs and messages.
//!
//! Where this differs from jaq's `matches`, as jq's suite shows: a group that did not
//! take part in the match is reported (`{"offset": -1, "length": 0, "string": null}`),
//! unnamed groups have `"name": null`, an empty match has no groups (as in jq 1.6), a
//! global search does not report an empty match at the very end of a string it has
//! already matched in, `n` looks on for the first non-empty match, and `\b` knows
//! combining marks. Offsets and lengths count codepoints, as in jq.

use std::cell::RefCell;
use std::rc::Rc;

use jaq_core::native::{bome, v};
use jaq_json::{Map, Val};
use regex::{Captures, Regex, RegexBuilder};

use super::Native;
use super::jv::{Error, Jv, described, kind};

/// jq 1.6's definitions of `sub` and `gsub` (its `builtin.jq`), with the matching and
/// the building of the captures object done by `_sub_split`: `null` without a match,
/// else `[before, captures, after]`. With `g`, jq 1.6 substitutes again in what follows
/// the match (so `^` matches there again, as in jq 1.6), bound first so that several
/// replacements come out in jq's order (jq's `a + b` loops over `b` outside, jaq's over
/// `a`); where that text is the whole
/// input again (an empty match at its start) jq 1.6 recurses until it runs out of
/// memory, and eddy stops with an error.
pub(super) const DEFS: &str = r#"
def sub($re; str): _sub_split($re) as $m
  | if $m == null then . else $m[0] + ($m[1] | str) + $m[2] end;
def sub($re; str; $flags): ($flags | index("g")) as $gs
  | ($flags | if $gs then [explode[] | select(. != 103)] | implode else . end) as $fla
  | def mysub: _sub_split($re; $fla) as $m
      | if $m == null then .
        else ($m[2] | if length > 0 and $gs then
              if $m[3] then error("gsub: the regex matches an empty string, so jq 1.6 would substitute for ever") else mysub end
            else . end) as $rest
          | $m[0] + ($m[1] | str) + $rest
        end;
    mysub;
def gsub($re; str; $flags): sub($re; str; $flags + "g");
def gsub($re; str): sub($re; str; "g");
"#;

/// jq's natives and definitions (name, arity) that these natives replace.
pub(super) const REDEFINED: [(&str, usize); 10] = [
    ("test", 1),
    ("test", 2),
    ("match", 1),
    ("match", 2),
    ("capture", 1),
    ("capture", 2),
    ("sub", 2),
    ("sub", 3),
    ("gsub", 2),
    ("gsub", 3),
];

/// The regexes compiled last, per thread: a filter usually matches one or two
/// regexes on every record, and compiling one costs far more than matching it. Kept
/// behind an `Rc` and handed out as such: a cloned `Regex` starts with an empty search
/// cache of its own, which it builds on its first match, and that cost more per record
/// than the match itself. Looked up before anything is built, so a constant regex
/// costs one comparison of its text per record.
const CACHED: usize = 8;

/// A regex's text, its flags, and the regex built from them.
type Compiled = (Box<str>, Box<str>, Rc<Regex>);

thread_local! {
    static COMPILED: RefCell<Vec<Compiled>> = const { RefCell::new(Vec::new()) };
}

/// jq's flags: `g` global, `n` no empty matches, `i`, `x` extended, `s` single line
/// (Oniguruma's: `.` still stops at a newline, as without it), `l` longest (here: greed
/// swapped), `p` (Oniguruma's multi-line: `.` takes newlines; `^` and `$` stay anchored
/// to the whole text).
#[derive(Default, Clone, Copy)]
struct Flags {
    global: bool,
    no_empty: bool,
}

fn compile(re: &str, flags: &str) -> Result<(Rc<Regex>, Flags), Error> {
    let mut f = Flags::default();
    for c in flags.chars() {
        match c {
            'g' => f.global = true,
            'n' => f.no_empty = true,
            'i' | 'x' | 's' | 'l' | 'p' => {}
            _ => return Err(Error::str(format_args!("{flags} is not a valid modifier string"))),
        }
    }
    let cached = COMPILED.with_borrow(|c| {
        c.iter()
            .find(|(r, fl, _)| &**r == re && &**fl == flags)
            .map(|(_, _, compiled)| Rc::clone(compiled))
    });
    if let Some(compiled) = cached {
        return Ok((compiled, f));
    }
    let mut builder = RegexBuilder::new(re);
    for c in flags.chars() {
        match c {
            'i' => _ = builder.case_insensitive(true),
            'x' => _ = builder.ignore_whitespace(true),
            'l' => _ = builder.swap_greed(true),
            'p' => _ = builder.dot_matches_new_line(true),
            _ => {}
        }
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
        c.push((re.into(), flags.into(), Rc::clone(&compiled)));
    });
    Ok((compiled, f))
}

fn utf8(v: &Val) -> Option<&str> {
    match v {
        Val::TStr(b) | Val::BStr(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// The input of a match: a string, else jq's error.
fn subject(v: &Val) -> Result<&str, Error> {
    utf8(v).ok_or_else(|| {
        Error::str(format_args!(
            "{} cannot be matched, as it is not a string",
            described(v)
        ))
    })
}

/// A regex and its flags (null for none) as `_match_impl` takes them.
fn regex(re: &Val, flags: &Val) -> Result<(Rc<Regex>, Flags), Error> {
    let not_string = |v: &Val| Error::str(format_args!("{} is not a string", described(v)));
    let re = utf8(re).ok_or_else(|| not_string(re))?;
    let flags = match flags {
        Val::Null => "",
        v => utf8(v).ok_or_else(|| not_string(v))?,
    };
    compile(re, flags)
}

/// The one-argument forms' `$val`: a regex, or an array of a regex and its flags.
fn spec(val: &Val) -> Result<(&Val, &Val), Error> {
    match val {
        Val::TStr(_) | Val::BStr(_) => Ok((val, &Val::Null)),
        Val::Arr(a) if !a.is_empty() => Ok((&a[0], a.get(1).unwrap_or(&Val::Null))),
        _ => Err(Error::str(format_args!("{} not a string or array", kind(val)))),
    }
}

/// Calls `each` with every match of `re` in `s` as jq 1.6 finds them, until it returns
/// false: search from `start`; after an empty match go on one codepoint further; stop
/// once the search would start at the end (unless nothing was searched yet). Without
/// `g` only the first match counts; with `n` empty matches are passed over.
fn each_match<'s>(re: &Regex, f: Flags, s: &'s str, mut each: impl FnMut(&Captures<'s>) -> bool) {
    let mut start = 0;
    while start <= s.len() {
        let Some(caps) = re.captures_at(s, start) else { break };
        let whole = caps.get(0).expect("group 0 is the match");
        start = if whole.is_empty() {
            whole.end() + s[whole.end()..].chars().next().map_or(1, char::len_utf8)
        } else {
            whole.end()
        };
        let skipped = f.no_empty && whole.is_empty();
        if !skipped && (!each(&caps) || !f.global) {
            break;
        }
        if start >= s.len() {
            break;
        }
    }
}

/// Whether `re` matches `s` at all (with `n`: with a non-empty match).
fn is_match(re: &Regex, f: Flags, s: &str) -> bool {
    if f.no_empty {
        re.find_iter(s).any(|m| !m.is_empty())
    } else {
        re.is_match(s)
    }
}

fn key(k: &str) -> Val {
    Val::from(k.to_string())
}

/// The codepoints in `s[..byte]`.
fn chars(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// One match in jq's form: offset, length and string of the whole, and its groups.
fn match_object(re: &Regex, s: &str, caps: &Captures) -> Val {
    let group = |m: regex::Match| {
        let offset = chars(s, m.start());
        (
            Val::from(offset),
            Val::from(m.as_str().chars().count()),
            Val::from(m.as_str().to_string()),
        )
    };
    let whole = caps.get(0).expect("group 0 is the match");
    // jq 1.6 reports no groups for an empty match.
    let groups = if whole.is_empty() { 1 } else { caps.len() };
    let captures = (1..groups)
        .zip(re.capture_names().skip(1))
        .map(|(i, name)| {
            let name = name.map_or(Val::Null, key);
            // jq 1.6 builds an empty group's object (one that took no part, too) in
            // another order: offset, string, length.
            let map: Map = match caps.get(i) {
                Some(m) if !m.is_empty() => {
                    let (offset, length, string) = group(m);
                    [
                        (key("offset"), offset),
                        (key("length"), length),
                        (key("string"), string),
                        (key("name"), name),
                    ]
                }
                m => [
                    (
                        key("offset"),
                        m.map_or(Val::from(-1isize), |m| Val::from(chars(s, m.start()))),
                    ),
                    (key("string"), m.map_or(Val::Null, |_| key(""))),
                    (key("length"), Val::from(0usize)),
                    (key("name"), name),
                ],
            }
            .into_iter()
            .collect();
            Val::obj(map)
        })
        .collect::<Vec<Val>>();
    let (offset, length, string) = group(whole);
    let map: Map = [
        (key("offset"), offset),
        (key("length"), length),
        (key("string"), string),
        (key("captures"), Val::Arr(captures.into())),
    ]
    .into_iter()
    .collect();
    Val::obj(map)
}

/// jq 1.6's `capture` of one match: its named groups' strings (null where a group took
/// no part; none for an empty match, as `match` reports no groups then).
fn capture_object(re: &Regex, caps: &Captures) -> Val {
    let mut map = Map::default();
    if !caps.get(0).is_some_and(|m| m.is_empty()) {
        for (i, name) in re.capture_names().enumerate().skip(1) {
            if let Some(name) = name {
                let string = caps.get(i).map_or(Val::Null, |m| Val::from(m.as_str().to_string()));
                map.insert(key(name), string);
            }
        }
    }
    Val::obj(map)
}

enum Want {
    Test,
    Match,
    Capture,
}

fn run(input: &Val, re: &Val, flags: &Val, want: Want) -> Result<Vec<Val>, Error> {
    let s = subject(input)?;
    let (re, f) = regex(re, flags)?;
    let mut out = Vec::new();
    match want {
        Want::Test => out.push(Val::Bool(is_match(&re, f, s))),
        Want::Match => each_match(&re, f, s, |caps| {
            out.push(match_object(&re, s, caps));
            true
        }),
        Want::Capture => each_match(&re, f, s, |caps| {
            out.push(capture_object(&re, caps));
            true
        }),
    }
    Ok(out)
}

/// `input | _match_impl(re; flags; test)`: whether it matches (`test`), or the array of
/// its matches in jq's form.
fn match_impl(input: &Val, re: &Val, flags: &Val, test: bool) -> Result<Jv, Error> {
    if test {
        return run(input, re, flags, Want::Test).map(|mut v| Jv(v.pop().unwrap_or_default()));
    }
    run(input, re, flags, Want::Match).map(|v| Jv(Val::Arr(v.into())))
}

/// `_sub_split(re; flags)`: `null` if `re` does not match the input, else the text before
/// its first match, the match's captures object, the text after it, and whether `gsub`
/// would substitute in the same text again (an empty match at its start: jq 1.6 would
/// then recurse without end).
fn sub_split(input: &Val, re: &Val, flags: &Val) -> Result<Jv, Error> {
    let s = subject(input)?;
    let (re, f) = regex(re, flags)?;
    let f = Flags { global: false, ..f };
    let mut found = None;
    each_match(&re, f, s, |caps| {
        let whole = caps.get(0).expect("group 0 is the match");
        found = Some((whole.start(), whole.end(), capture_object(&re, caps)));
        false
    });
    let Some((start, end, captures)) = found else {
        return Ok(Jv(Val::Null));
    };
    let part = |range: std::ops::Range<usize>| match input {
        Val::TStr(b) | Val::BStr(b) => Val::utf8_str(b.slice(range)),
        _ => Val::Null,
    };
    let parts = vec![part(0..start), captures, part(end..s.len()), Val::Bool(end == 0)];
    Ok(Jv(Val::Arr(parts.into())))
}

fn outputs<'a>(r: Result<Vec<Val>, Error>) -> jaq_core::ValXs<'a, Jv> {
    match r {
        Ok(vals) => Box::new(vals.into_iter().map(|v| Ok(Jv(v)))),
        Err(e) => bome(Err(e)),
    }
}

fn one<'a>(r: Result<Vec<Val>, Error>) -> jaq_core::ValXs<'a, Jv> {
    bome(r.map(|mut v| Jv(v.pop().unwrap_or_default())))
}

pub(super) fn funs() -> Box<[Native]> {
    Box::new([
        ("_match_impl", v(3), |mut cv| {
            let test = cv.0.pop_var();
            let flags = cv.0.pop_var();
            let re = cv.0.pop_var();
            bome(match_impl(&cv.1.0, &re.0, &flags.0, matches!(test.0, Val::Bool(true))))
        }),
        ("test", v(1), |mut cv| {
            let val = cv.0.pop_var();
            one(spec(&val.0).and_then(|(re, flags)| run(&cv.1.0, re, flags, Want::Test)))
        }),
        ("test", v(2), |mut cv| {
            let flags = cv.0.pop_var();
            let re = cv.0.pop_var();
            one(run(&cv.1.0, &re.0, &flags.0, Want::Test))
        }),
        ("match", v(1), |mut cv| {
            let val = cv.0.pop_var();
            outputs(spec(&val.0).and_then(|(re, flags)| run(&cv.1.0, re, flags, Want::Match)))
        }),
        ("match", v(2), |mut cv| {
            let flags = cv.0.pop_var();
            let re = cv.0.pop_var();
            outputs(run(&cv.1.0, &re.0, &flags.0, Want::Match))
        }),
        ("capture", v(1), |mut cv| {
            let val = cv.0.pop_var();
            outputs(spec(&val.0).and_then(|(re, flags)| run(&cv.1.0, re, flags, Want::Capture)))
        }),
        ("capture", v(2), |mut cv| {
            let flags = cv.0.pop_var();
            let re = cv.0.pop_var();
            outputs(run(&cv.1.0, &re.0, &flags.0, Want::Capture))
        }),
        ("_sub_split", v(1), |mut cv| {
            let val = cv.0.pop_var();
            bome(spec(&val.0).and_then(|(re, flags)| sub_split(&cv.1.0, re, flags)))
        }),
        ("_sub_split", v(2), |mut cv| {
            let flags = cv.0.pop_var();
            let re = cv.0.pop_var();
            bome(sub_split(&cv.1.0, &re.0, &flags.0))
        }),
    ])
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
            r#"[{"offset":1,"length":1,"string":"é","captures":[{"offset":-1,"string":null,"length":0,"name":"n"},{"offset":1,"length":1,"string":"é","name":null}]}]"#
        );
    }

    #[test]
    fn bad_flags_and_regexes_are_errors() {
        assert!(run("a", "a", "q").contains("is not a valid modifier string"));
        assert!(run("a", "(", "").contains("is not a valid regex"));
        let n = match_impl(&Val::from(1isize), &Val::from("a".to_string()), &Val::Null, true);
        assert!(n.is_err());
    }

    /// The outputs of `code` on `null`, one compact JSON text each, or the error.
    fn jq(code: &str) -> Vec<String> {
        use super::super::{Filter, Flow, RunError};
        let f = Filter::compile(code, &[], Vec::new()).expect("compiles");
        let mut outs = Vec::new();
        let r = f.run_bytes(b"null", |v| {
            let mut b = Vec::new();
            v.write_json(&mut b);
            outs.push(String::from_utf8(b).expect("utf8"));
            Flow::Continue
        });
        match r {
            Ok(_) => outs,
            Err(RunError::Failed(m)) => vec![format!("error: {m}")],
            Err(other) => panic!("{code}: {other:?}"),
        }
    }

    /// Each filter's outputs as `/usr/bin/jq` (jq 1.6) prints them with `-nc`, joined by
    /// spaces; errors as "error: " and jq's message.
    fn like_jq_1_6(cases: &[(&str, &str)]) {
        for (code, want) in cases {
            assert_eq!(jq(code).join(" "), *want, "{code}");
        }
    }

    #[test]
    fn test_takes_a_regex_or_an_array_of_regex_and_flags_as_jq_1_6() {
        like_jq_1_6(&[
            (r#""abc" | test("b")"#, "true"),
            (r#""abc" | test("B"; null)"#, "false"),
            (r#""abc" | test("B"; "i")"#, "true"),
            (r#""A" | test(["a", "i"])"#, "true"),
            (r#""A" | test(["a", "i", "x"])"#, "true"),
            (r#""a" | test(["a"])"#, "true"),
            (r#""a b" | test("a b"; "x")"#, "false"),
            (r#""ab" | test("x*"; "n")"#, "false"),
            (r#""a\nb" | test("a.b")"#, "false"),
            (r#""a\nb" | test("a.b"; "s")"#, "false"),
            (r#""a\nb" | test("a.b"; "p")"#, "true"),
            (r#""a\nb" | test("^b"; "p")"#, "false"),
            (r#""éa" | test("^.a$")"#, "true"),
            (r#""abc" | [test("a", "b", "z")]"#, "[true,true,false]"),
        ]);
    }

    #[test]
    fn regex_errors_are_jq_1_6_s_messages() {
        like_jq_1_6(&[
            (
                r#"1 | test("a")"#,
                "error: number (1) cannot be matched, as it is not a string",
            ),
            (
                r#"null | match("a")"#,
                "error: null (null) cannot be matched, as it is not a string",
            ),
            (r#""a" | test(1; null)"#, "error: number (1) is not a string"),
            (r#""a" | test("a"; 1)"#, "error: number (1) is not a string"),
            (r#""a" | test({})"#, "error: object not a string or array"),
            (r#""a" | test([])"#, "error: array not a string or array"),
            (r#""a" | test(null)"#, "error: null not a string or array"),
            (r#""a" | capture(1)"#, "error: number not a string or array"),
            (r#""a" | sub(1; "b")"#, "error: number not a string or array"),
            (r#""a" | test("a"; "gq")"#, "error: gq is not a valid modifier string"),
            (
                r#"1 | sub("a"; "b")"#,
                "error: number (1) cannot be matched, as it is not a string",
            ),
            (
                r#""a" | sub("a"; 1)"#,
                r#"error: string ("") and number (1) cannot be added"#,
            ),
        ]);
        assert!(jq(r#""a" | test("(")"#)[0].contains("is not a valid regex"));
    }

    #[test]
    fn match_and_capture_give_jq_1_6_s_objects() {
        like_jq_1_6(&[
            (
                r#""abc" | [match(""; "g")]"#,
                r#"[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]"#,
            ),
            (
                r#""abc" | [match(["(b)", "g"])]"#,
                r#"[{"offset":1,"length":1,"string":"b","captures":[{"offset":1,"length":1,"string":"b","name":null}]}]"#,
            ),
            (
                r#""abc" | [match("(?<x>)b"; "g")]"#,
                r#"[{"offset":1,"length":1,"string":"b","captures":[{"offset":1,"string":"","length":0,"name":"x"}]}]"#,
            ),
            (r#""aXbxc" | [match("x"; "gi") | .offset]"#, "[1,3]"),
            (r#""ab" | [match("b*"; "n") | .offset]"#, "[1]"),
            (r#""ab" | [match("b*"; "gn") | .offset]"#, "[1]"),
            (r#""a" | [match(["a", null]) | .string]"#, r#"["a"]"#),
            (
                r#""xéy€z" | [match("[éy€]"; "g") | [.offset, .length]]"#,
                "[[1,1],[2,1],[3,1]]",
            ),
            (r#""abc" | [match("b", "c") | .offset]"#, "[1,2]"),
            (r#""abc" | capture("(?<x>b)(c)")"#, r#"{"x":"b"}"#),
            (
                r#""abc" | [capture("(?<x>.)"; "g")]"#,
                r#"[{"x":"a"},{"x":"b"},{"x":"c"}]"#,
            ),
            (r#""abc" | capture("(?<x>z)?c")"#, r#"{"x":null}"#),
            (r#""aé" | capture("(?<x>)")"#, "{}"),
            (r#""né" | capture(["(?<n>É)", "i"])"#, r#"{"n":"é"}"#),
        ]);
    }

    #[test]
    fn sub_and_gsub_are_jq_1_6_s() {
        like_jq_1_6(&[
            (r#""abcb" | sub("b"; "X")"#, r#""aXcb""#),
            (r#""abcb" | sub("(?<x>b)"; "[\(.x)]")"#, r#""a[b]cb""#),
            (r#""abcb" | sub("b"; "X"; "g")"#, r#""aXcX""#),
            (r#""abcb" | gsub("(?<x>b)"; "[\(.x)]")"#, r#""a[b]c[b]""#),
            (r#""abc" | sub("(?<x>b)"; "1", "2")"#, r#""a1c" "a2c""#),
            (
                r#""abcb" | gsub("(?<x>b)"; "1", "2")"#,
                r#""a1c1" "a2c1" "a1c2" "a2c2""#,
            ),
            (r#""abc" | [sub("(?<x>b)"; "1", "2"; "g")]"#, r#"["a1c","a2c"]"#),
            (r#""abc" | sub("z"; "X")"#, r#""abc""#),
            (r#""abc" | sub("(?<x>b)"; empty)"#, ""),
            (r#""abc" | sub("(?<x>z)?b"; "[\(.x)]")"#, r#""a[null]c""#),
            (r#""abc" | sub(["b", "g"]; "X")"#, r#""aXc""#),
            (r#""aaa" | gsub("^a"; "b")"#, r#""bbb""#),
            (r#""abab" | sub("a"; "x"; "gi")"#, r#""xbxb""#),
            (r#""abc" | sub("B"; "x"; "i")"#, r#""axc""#),
            (r#""abc" | sub("b*"; "X"; "n")"#, r#""aXc""#),
            (r#""abc" | sub(""; "X")"#, r#""Xabc""#),
            (r#""a" | sub("a"; "b"; null)"#, r#""b""#),
            (r#""abc" | gsub("$"; "-")"#, r#""abc-""#),
            (r#""aé" | sub("(?<x>é)"; "[\(.x)]"; "g")"#, r#""a[é]""#),
            (r#""abc" | gsub("(?<x>.)"; .x + .x)"#, r#""aabbcc""#),
        ]);
        // jq 1.6 substitutes in "abc" again and again until it runs out of memory.
        assert!(jq(r#""abc" | gsub("x*"; "-")"#)[0].contains("substitute for ever"));
    }
}
