//! jq filters, as jaq implements the language: compiling a filter once, running it on
//! records, and the few jq functions eddy provides itself. This is the only module that
//! imports jaq; other commands see `Filter` (compile once, run on bytes or values) and
//! `Value` (an output, written as JSON or as raw text), never jaq's own types.
//!
//! `json` parses record bytes straight into jaq's value type and writes values the way
//! jq 1.6 does; `stream` runs a filter over a stream of values from files or stdin (the
//! engine of `eddy filter`, which lives in `commands::filter`). Nothing here reads flags.

mod diagnose;
mod fast;
mod json;
mod parallel;
mod random;
mod source;
pub mod stream;
#[cfg(test)]
mod suite;
mod values;

use std::path::PathBuf;
use std::sync::Arc;

use jaq_core::load::{Arena, File, Loader};
use jaq_core::native::{self, Fun, v};
use jaq_core::{Ctx, DataT, Exn, RunPtr, Vars};
use jaq_json::Val;
use jaq_std::input::{HasInputs, Inputs, RcIter};

pub use fast::Scan;
pub use json::{Colors, Style, write_f64, write_json_str};

/// The data kind filters run with: jaq's JSON values, and global data that gives the
/// `input`/`inputs` builtins the rest of the input stream.
pub(crate) struct Kind;

impl DataT for Kind {
    type V<'a> = Val;
    type Data<'a> = Data<'a>;
}

#[derive(Clone)]
pub(crate) struct Data<'a> {
    lut: &'a jaq_core::Lut<Kind>,
    inputs: Inputs<'a, Val>,
}

impl<'a> jaq_core::data::HasLut<'a, Kind> for Data<'a> {
    fn lut(&self) -> &'a jaq_core::Lut<Kind> {
        self.lut
    }
}

impl<'a> HasInputs<'a, Val> for Data<'a> {
    fn inputs(&self) -> Inputs<'a, Val> {
        self.inputs
    }
}

/// A value a filter produced (or one given to it as a variable).
#[derive(Debug, Clone)]
pub struct Value(Val);

impl Value {
    /// A JSON string.
    pub fn string(s: impl Into<String>) -> Value {
        Value(Val::from(s.into()))
    }

    /// An integer (beyond the machine's integers, a float).
    pub fn int(n: i64) -> Value {
        Value(isize::try_from(n).map_or_else(|_| Val::from(n as f64), Val::from))
    }

    /// Parses exactly one JSON value (surrounding whitespace allowed).
    pub fn parse_json(bytes: &[u8]) -> Result<Value, String> {
        json::parse_one(bytes).map(Value)
    }

    /// Every JSON value in `bytes`, as an array (what `--slurpfile` binds).
    pub fn parse_json_array(bytes: &[u8]) -> Result<Value, String> {
        json::parse_all(bytes).map(|vs| Value(vs.into_iter().collect()))
    }

    /// An array of values.
    pub fn array(values: Vec<Value>) -> Value {
        Value(values.into_iter().map(|v| v.0).collect())
    }

    /// An object of string keys.
    pub fn object(entries: Vec<(String, Value)>) -> Value {
        Value(Val::obj(
            entries.into_iter().map(|(k, v)| (Val::from(k), v.0)).collect(),
        ))
    }

    /// Appends the value as compact JSON, as `jq -c` writes it.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write_compact(out, &self.0);
    }

    /// Appends a string's bytes as they are, anything else as compact JSON: the rule of
    /// `-r` and of produce's `--key-from` and friends.
    pub fn write_text(&self, out: &mut Vec<u8>) {
        match self.text() {
            Some(s) => out.extend_from_slice(s),
            None => json::write_compact(out, &self.0),
        }
    }

    /// A string's bytes.
    pub fn text(&self) -> Option<&[u8]> {
        match &self.0 {
            Val::TStr(b) | Val::BStr(b) => Some(b),
            _ => None,
        }
    }

    /// A number as f64.
    pub fn number(&self) -> Option<f64> {
        match &self.0 {
            Val::Num(n) => jaq_std::ValT::as_f64(&Val::Num(n.clone())),
            _ => None,
        }
    }

    /// `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.0, Val::Null)
    }
}

/// Equal as jq compares values: numbers by value, objects whatever their key order.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        self.0 == other.0
    }
}

/// Why running a filter on one input did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The input was not JSON.
    NotJson(String),
    /// The filter failed on it (`error`, a type error, ...).
    Failed(String),
    /// `halt` or `halt_error`: stop everything with this exit code.
    Halt(i32),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::NotJson(m) => write!(f, "not JSON: {m}"),
            RunError::Failed(m) => f.write_str(m),
            RunError::Halt(code) => write!(f, "halted with exit code {code}"),
        }
    }
}

/// Why a filter does not compile: jq's explanation (pointing into the filter), after the
/// flag that gave the filter when it came from one. What kind of failure that is for a
/// command (a usage error) is `error.rs`'s to say, not the language's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", flag.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct CompileError {
    pub flag: Option<String>,
    pub message: String,
}

impl CompileError {
    fn new(message: String) -> CompileError {
        CompileError { flag: None, message }
    }
}

/// Whether to go on producing outputs for the current input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// A compiled filter: compiled once, run on any number of inputs.
pub struct Filter {
    compiled: jaq_core::compile::Filter<jaq_core::Native<Kind>>,
    /// The values of `--arg` and friends, `$ENV` and `$ARGS`, in the order the
    /// compiler was told their names. Built once: each run only clones a pointer.
    vars: Vars<Val>,
    /// `$ENV` and `$ARGS`, kept for `run_with`, which binds the named variables anew.
    env_args: [Val; 2],
    /// Whether the filter is `.`, which needs no interpreter at all.
    identity: bool,
    /// The filter in the fast path's terms, when it has them (see `fast`).
    plan: Option<fast::Plan>,
    /// Whether it may run on chunks of input in any order (see `parallel::stateless`).
    stateless: bool,
}

/// A filter as it was given — its source and the values of its variables, as text —
/// not yet compiled. Plain data (`Send`), so that every thread compiles its own filter
/// from it (jaq's values cannot cross threads) without reading the flags or files again.
#[derive(Debug, Clone, Default)]
pub struct FilterSpec {
    code: String,
    named: Vec<(String, Given)>,
    positional: Vec<Given>,
}

/// Values of named variables and of `$ARGS.positional`, ready for `Filter::compile`.
pub type Bindings = (Vec<(String, Value)>, Vec<Value>);

/// A variable's value as it was given.
#[derive(Debug, Clone)]
pub enum Given {
    /// A string (`--arg`, `--args`, `--rawfile`).
    Text(String),
    /// One JSON value (`--argjson`, `--jsonargs`).
    Json(String),
    /// A stream of JSON values, bound as one array (`--slurpfile`).
    JsonStream(Arc<[u8]>),
}

impl Given {
    pub fn value(&self) -> Result<Value, String> {
        match self {
            Given::Text(t) => Ok(Value::string(t.clone())),
            Given::Json(t) => Value::parse_json(t.as_bytes()),
            Given::JsonStream(b) => Value::parse_json_array(b),
        }
    }
}

impl FilterSpec {
    pub fn new(code: impl Into<String>) -> FilterSpec {
        FilterSpec {
            code: code.into(),
            ..FilterSpec::default()
        }
    }

    /// Binds `$name`.
    pub fn named(mut self, name: impl Into<String>, value: Given) -> FilterSpec {
        self.named.push((name.into(), value));
        self
    }

    /// Adds a value to `$ARGS.positional`.
    pub fn positional(mut self, value: Given) -> FilterSpec {
        self.positional.push(value);
        self
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    /// Each variable's value, or the first that is not what it claims to be, with its
    /// name (`$x` or the positional index) for the caller's message.
    pub fn values(&self) -> Result<Bindings, (String, String)> {
        let named = self
            .named
            .iter()
            .map(|(n, g)| g.value().map(|v| (n.clone(), v)).map_err(|e| (format!("${n}"), e)))
            .collect::<Result<_, _>>()?;
        let positional = self
            .positional
            .iter()
            .enumerate()
            .map(|(i, g)| g.value().map_err(|e| (format!("$ARGS.positional[{i}]"), e)))
            .collect::<Result<_, _>>()?;
        Ok((named, positional))
    }

    pub fn compile(&self) -> Result<Filter, CompileError> {
        let (named, positional) = self
            .values()
            .map_err(|(what, e)| CompileError::new(format!("{what} is not JSON: {e}")))?;
        Filter::compile(&self.code, &named, positional)
    }
}

impl Filter {
    /// Compiles a filter given on the command line by `flag` (named in errors).
    pub fn compile_flag(flag: &str, code: &str) -> Result<Filter, CompileError> {
        Filter::compile(code, &[], Vec::new()).map_err(|e| CompileError {
            flag: Some(flag.to_string()),
            ..e
        })
    }

    /// Compiles a filter with named variables (`$name`) and positional arguments
    /// (`$ARGS.positional`). `$ENV` and `$ARGS` are always there.
    pub fn compile(code: &str, named: &[(String, Value)], positional: Vec<Value>) -> Result<Filter, CompileError> {
        Filter::compile_in(code, named, positional, &[])
    }

    /// As `compile`, with the directories `import` and `include` look in (jq's `-L`);
    /// none means jq's own defaults (`~/.jq`, `$ORIGIN/../lib/jq`, `$ORIGIN/../lib`).
    pub fn compile_in(
        code: &str,
        named: &[(String, Value)],
        positional: Vec<Value>,
        library: &[PathBuf],
    ) -> Result<Filter, CompileError> {
        let defaults = ["~/.jq", "$ORIGIN/../lib/jq", "$ORIGIN/../lib"].map(PathBuf::from);
        let library = if library.is_empty() { &defaults[..] } else { library };
        let analysis = source::analyse(code);
        if analysis.depth > MAX_NESTING {
            return Err(CompileError::new(format!(
                "the filter is nested more than {MAX_NESTING} levels deep"
            )));
        }
        let own = jaq_core::load::parse(OWN_DEFS, |p| p.defs()).unwrap_or_default();
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs())
            .chain(own);
        let arena = Arena::default();
        let main = File {
            code,
            path: PathBuf::new(),
        };
        let modules = Loader::new(defs)
            .with_std_read(library)
            .load(&arena, main)
            .map_err(|errs| CompileError::new(diagnose::load_errors(errs)))?;
        let mut names: Vec<String> = named.iter().map(|(n, _)| format!("${n}")).collect();
        names.push("$ENV".into());
        names.push("$ARGS".into());
        let compiled = jaq_core::Compiler::default()
            .with_funs(funs())
            .with_global_vars(names.iter().map(String::as_str))
            .compile(modules)
            .map_err(|errs| CompileError::new(diagnose::compile_errors(errs)))?;
        let env = Val::obj(std::env::vars().map(|(k, v)| (Val::from(k), Val::from(v))).collect());
        let args = Value::object(vec![
            ("positional".into(), Value::array(positional)),
            ("named".into(), Value::object(named.to_vec())),
        ]);
        let env_args = [env, args.0];
        let values = named.iter().map(|(_, v)| v.0.clone()).chain(env_args.clone());
        Ok(Filter {
            compiled,
            vars: Vars::new(values),
            env_args,
            identity: code.trim() == ".",
            plan: fast::Plan::of(code, named),
            stateless: parallel::stateless(&analysis),
        })
    }

    /// Runs the filter on one record by the fast path, when it can: appends the output
    /// (compact JSON; a string as its text when `text`) and says whether there was one
    /// and whether it is truthy. None: the fast path cannot answer for this filter or
    /// this record, use `run_bytes`. `scan` is scratch space, reused between records.
    pub fn try_fast(&self, input: &[u8], scan: &mut Scan, text: bool, out: &mut Vec<u8>) -> Option<Option<bool>> {
        let plan = self.plan.as_ref()?;
        scan.record(input).ok()?;
        plan.run(input, scan, text, out).ok()
    }

    /// As `try_fast`, on a record `scan` has already scanned (`Scan::record`), so that
    /// several filters share one scan.
    pub fn fast_scanned(&self, input: &[u8], scan: &Scan, text: bool, out: &mut Vec<u8>) -> Option<Option<bool>> {
        self.plan.as_ref()?.run(input, scan, text, out).ok()
    }

    /// Whether running it on chunks of the input in any order, with the outputs put back
    /// in order, gives what running it on one value after another gives.
    pub fn is_stateless(&self) -> bool {
        self.stateless
    }

    /// Whether the fast path knows this filter.
    pub fn is_fast(&self) -> bool {
        self.plan.is_some()
    }

    /// Runs the filter on one JSON document given as bytes. Each output goes to
    /// `emit`, which may stop the run early.
    pub fn run_bytes(&self, input: &[u8], emit: impl FnMut(Value) -> Flow) -> Result<Flow, RunError> {
        let value = json::parse_one(input).map_err(RunError::NotJson)?;
        self.run_value(Value(value), emit)
    }

    /// Runs the filter on one value.
    pub fn run_value(&self, input: Value, mut emit: impl FnMut(Value) -> Flow) -> Result<Flow, RunError> {
        let none = RcIter::new(core::iter::empty());
        self.run_val(&none, input.0, &mut |v| emit(Value(v)))
    }

    /// Runs the filter on one value with new values for the named variables it was
    /// compiled with, in the same order: `eddy gen` binds `$i` and `$now` per event.
    pub fn run_with(
        &self,
        named: &[Value],
        input: Value,
        mut emit: impl FnMut(Value) -> Flow,
    ) -> Result<Flow, RunError> {
        let data = Data {
            lut: &self.compiled.lut,
            inputs: &RcIter::new(core::iter::empty()),
        };
        let values = named.iter().map(|v| v.0.clone()).chain(self.env_args.clone());
        let ctx = Ctx::<Kind>::new(data, Vars::new(values));
        for out in self.compiled.id.run((ctx, input.0)) {
            match out {
                Ok(v) => {
                    if emit(Value(v)) == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                }
                Err(e) => return Err(exception(e)),
            }
        }
        Ok(Flow::Continue)
    }

    /// Runs the filter on `input`, with `inputs` as what `input`/`inputs` read.
    fn run_val<'i>(
        &'i self,
        inputs: Inputs<'i, Val>,
        input: Val,
        emit: &mut dyn FnMut(Val) -> Flow,
    ) -> Result<Flow, RunError> {
        if self.identity {
            return Ok(emit(input));
        }
        let data = Data {
            lut: &self.compiled.lut,
            inputs,
        };
        let ctx = Ctx::<Kind>::new(data, self.vars.clone());
        for out in self.compiled.id.run((ctx, input)) {
            match out {
                Ok(v) => {
                    if emit(v) == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                }
                Err(e) => return Err(exception(e)),
            }
        }
        Ok(Flow::Continue)
    }

    /// The outputs for one input, collected (for produce's `--key-from` and friends,
    /// which want at most one).
    pub fn outputs(&self, input: &Value, limit: usize) -> Result<Vec<Value>, RunError> {
        let mut outs = Vec::new();
        self.run_value(input.clone(), |v| {
            outs.push(v);
            if outs.len() >= limit {
                Flow::Stop
            } else {
                Flow::Continue
            }
        })?;
        Ok(outs)
    }
}

/// The interpreter's outputs for `input`, each as `jq -c` writes it (a string as its
/// text when `text`) and followed by `end`: what the fast path must match.
fn interpreted(filter: &Filter, input: &[u8], text: bool, end: &[u8]) -> Result<Vec<u8>, RunError> {
    let mut out = Vec::new();
    filter.run_bytes(input, |v| {
        if text {
            v.write_text(&mut out);
        } else {
            v.write_json(&mut out);
        }
        out.extend_from_slice(end);
        Flow::Continue
    })?;
    Ok(out)
}

/// For the `fast_path` fuzz target: runs `code` on `input` by the fast path and by the
/// interpreter, and says how they differ when the fast path answered.
#[doc(hidden)]
pub fn fast_path_disagrees(filter: &Filter, input: &[u8]) -> Option<String> {
    let mut scan = Scan::default();
    for text in [false, true] {
        let mut fast = Vec::new();
        // A record the fast path drops (`select`) writes nothing.
        if filter.try_fast(input, &mut scan, text, &mut fast).is_none() {
            continue;
        }
        let result = interpreted(filter, input, text, b"");
        let slow = result.clone().unwrap_or_default();
        if result.is_err() || fast != slow {
            return Some(format!(
                "fast {:?} vs interpreter {:?} ({result:?}, text {text})",
                String::from_utf8_lossy(&fast),
                String::from_utf8_lossy(&slow)
            ));
        }
    }
    None
}

/// The deepest nesting of brackets a filter may have. jaq parses and compiles
/// recursively, so a filter nested thousands deep would overflow the stack (the
/// `templates` fuzz target found one at under 300 in a test thread); real filters stay
/// far below this.
const MAX_NESTING: usize = 100;

fn exception(e: Exn<'_, Val>) -> RunError {
    match e.get_err() {
        Ok(err) => RunError::Failed(error_text(&err)),
        Err(e) => match e.get_halt() {
            Ok(code) => RunError::Halt(code),
            Err(other) => RunError::Failed(format!("{other:?}")),
        },
    }
}

/// As jq words it: the text of `error("text")` (and of jaq's own messages) as it is, any
/// other error value as JSON with "(not a string)".
fn error_text(err: &jaq_core::Error<Val>) -> String {
    match err.clone().into_val() {
        Val::TStr(s) | Val::BStr(s) => String::from_utf8_lossy(&s).into_owned(),
        other => {
            let mut text = Vec::new();
            json::write_compact(&mut text, &other);
            format!("{} (not a string)", String::from_utf8_lossy(&text))
        }
    }
}

/// jq 1.6 definitions that jaq lacks.
const OWN_DEFS: &str = r#"
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def ascii: [.] | implode;
def leaf_paths: paths(scalars);
def date: todate;
def dateadd(u; n): . + n;
def datesub(u; n): . - n;
"#;

/// The natives jaq-std implements with the `log` crate (which would print nothing here)
/// and `tojson` (whose numbers should look like the rest of eddy's output) are replaced.
const REPLACED: [&str; 3] = ["debug_empty", "stderr_empty", "tojson"];

fn funs() -> impl Iterator<Item = Fun<Kind>> {
    let keep = |f: &Fun<Kind>| !REPLACED.contains(&f.0);
    let inputs = jaq_std::input::funs::<Kind>()
        .into_vec()
        .into_iter()
        .map(native::run::<Kind>);
    let own = own_funs().into_vec().into_iter().map(native::run::<Kind>);
    let random = random::funs().into_vec().into_iter().map(native::run::<Kind>);
    jaq_core::funs::<Kind>()
        .chain(jaq_std::funs::<Kind>().filter(keep))
        .chain(jaq_json::funs::<Kind>().filter(keep))
        .chain(inputs)
        .chain(own)
        .chain(random)
}

type Native = native::Filter<RunPtr<Kind>>;

fn own_funs() -> Box<[Native]> {
    Box::new([
        ("debug_empty", v(0), |cv| {
            let mut line = b"[\"DEBUG:\",".to_vec();
            json::write_compact(&mut line, &cv.1);
            line.extend_from_slice(b"]\n");
            write_stderr(&line);
            Box::new(core::iter::empty())
        }),
        ("stderr_empty", v(0), |cv| {
            let mut text = Vec::new();
            json::write_compact(&mut text, &cv.1);
            write_stderr(&text);
            Box::new(core::iter::empty())
        }),
        ("tojson", v(0), |cv| {
            let mut text = Vec::new();
            json::write_compact(&mut text, &cv.1);
            native::bome(Ok(Val::utf8_str(text)))
        }),
    ])
}

fn write_stderr(bytes: &[u8]) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs(code: &str, input: &str) -> Vec<String> {
        let f = Filter::compile(code, &[], Vec::new()).expect("compiles");
        let mut outs = Vec::new();
        f.run_bytes(input.as_bytes(), |v| {
            let mut b = Vec::new();
            v.write_json(&mut b);
            outs.push(String::from_utf8(b).expect("utf8"));
            Flow::Continue
        })
        .expect("runs");
        outs
    }

    #[test]
    fn runs_on_bytes() {
        assert_eq!(outputs(".a", r#"{"a":1}"#), ["1"]);
        assert_eq!(outputs(".[] | . * 2", "[1, 2.5]"), ["2", "5"]);
        assert_eq!(outputs("{a: .b}", r#"{"b":"x"}"#), [r#"{"a":"x"}"#]);
        assert_eq!(outputs(".", " 7 "), ["7"]);
        assert_eq!(outputs("tojson", "[1.0,2]"), [r#""[1,2]""#]);
    }

    #[test]
    fn compile_errors_point_at_the_filter() {
        let e = Filter::compile(".a | map(.b", &[], Vec::new())
            .err()
            .expect("fails")
            .to_string();
        assert!(e.contains("1:"), "{e}");
        assert!(e.contains('^'), "{e}");
        let e = Filter::compile(".a | nosuch(1)", &[], Vec::new())
            .err()
            .expect("fails")
            .to_string();
        assert!(e.contains("1:6: undefined filter nosuch/1"), "{e}");
    }

    #[test]
    fn runtime_errors_and_halt() {
        let f = Filter::compile(".a", &[], Vec::new()).expect("compiles");
        assert!(matches!(
            f.run_bytes(b"1", |_| Flow::Continue),
            Err(RunError::Failed(_))
        ));
        assert!(matches!(
            f.run_bytes(b"{", |_| Flow::Continue),
            Err(RunError::NotJson(_))
        ));
        let f = Filter::compile("halt_error(3)", &[], Vec::new()).expect("compiles");
        assert_eq!(f.run_bytes(b"null", |_| Flow::Continue), Err(RunError::Halt(3)));
    }

    #[test]
    fn variables() {
        let named = vec![
            ("x".to_string(), Value::string("hi")),
            ("n".to_string(), Value::parse_json(b"3").expect("json")),
        ];
        let f = Filter::compile(
            "[$x, $n, $ARGS.named.x, $ARGS.positional[0]]",
            &named,
            vec![Value::string("p")],
        )
        .expect("compiles");
        let outs = f.outputs(&Value::parse_json(b"null").expect("json"), 5).expect("runs");
        let mut b = Vec::new();
        outs[0].write_json(&mut b);
        assert_eq!(b, br#"["hi",3,"hi","p"]"#);
    }
}
