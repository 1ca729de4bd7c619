//! jq filters, with jq 1.6's semantics on jaq's engine (eddy's own value type, `jv`):
//! compiling a filter once, running it on
//! records, and the few jq functions eddy provides itself. This is the only module that
//! imports jaq; other commands see `Filter` (compile once, run on bytes or values) and
//! `Value` (an output, written as JSON or as raw text), never jaq's own types.
//!
//! `json` parses record bytes straight into jaq's value type and writes values the way
//! jq 1.6 does; `stream` runs a filter over a stream of values from files or stdin (the
//! engine of `eddy filter`, which lives in `commands::filter`). Nothing here reads flags.
//! Over 700 lines with its tests (about 200), which pin jq's semantics beside the API.

mod builtins;
mod constant;
mod diagnose;
mod fast;
mod json;
mod jsonread;
mod jv;
mod matching;
mod modulemeta;
mod parallel;
mod projection;
mod random;
mod source;
pub mod stream;
#[cfg(test)]
mod suite;
mod values;

use std::path::PathBuf;
use std::sync::Arc;

use jaq_core::load::{Arena, File, Import, Loader};
use jaq_core::native::{self, Fun, v};
use jaq_core::{Ctx, DataT, Exn, RunPtr, Vars};
use jaq_json::Val;
use jaq_std::input::{HasInputs, Inputs, RcIter};
use jv::Jv;

pub use fast::Scan;
pub use json::{Colors, Style, write_f64, write_json_str};

/// The data kind filters run with: eddy's values (`jv`), and global data that gives the
/// `input`/`inputs` builtins the rest of the input stream.
pub(crate) struct Kind;

impl DataT for Kind {
    type V<'a> = Jv;
    type Data<'a> = Data<'a>;
}

#[derive(Clone)]
pub(crate) struct Data<'a> {
    lut: &'a jaq_core::Lut<Kind>,
    inputs: Inputs<'a, Jv>,
    /// Where `modulemeta` finds modules: the directories the filter was compiled with.
    library: &'a [PathBuf],
}

impl<'a> jaq_core::data::HasLut<'a, Kind> for Data<'a> {
    fn lut(&self) -> &'a jaq_core::Lut<Kind> {
        self.lut
    }
}

impl<'a> HasInputs<'a, Jv> for Data<'a> {
    fn inputs(&self) -> Inputs<'a, Jv> {
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
    vars: Vars<Jv>,
    /// The values of `GLOBALS` and of data imports, kept for `run_with`, which binds
    /// the named variables anew.
    after: Vec<Jv>,
    /// Whether the filter is `.`, which needs no interpreter at all.
    identity: bool,
    /// The filter in the fast path's terms, when it has them (see `fast`).
    plan: Option<fast::Plan>,
    /// Whether it may run on chunks of input in any order (see `parallel::stateless`).
    stateless: bool,
    /// The directories `import` looked in, for `modulemeta`.
    library: Vec<PathBuf>,
    /// The source in jq's words (before the idioms become natives), for `projection`.
    source: String,
    /// The projection for records run one at a time (`run_bytes`).
    each: Option<projection::Projection>,
    /// The filter as the fast path's loop over `inputs`, when it is that idiom.
    fold: Option<fast::Fold>,
}

/// Whether the fast path may be used: `EDDY_FAST_PATH=off` switches it off, for
/// benchmarks (bench/jq) that measure the interpreter alone on the same filters. Read
/// once: filters are compiled per thread and per command, and all must agree.
fn fast_path_allowed() -> bool {
    static ALLOWED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ALLOWED.get_or_init(|| std::env::var_os("EDDY_FAST_PATH").is_none_or(|v| v != "off"))
}

/// A filter as it was given — its source and the values of its variables, as text —
/// not yet compiled. Plain data (`Send`), so that every thread compiles its own filter
/// from it (jaq's values cannot cross threads) without reading the flags or files again.
#[derive(Debug, Clone, Default)]
pub struct FilterSpec {
    code: String,
    named: Vec<(String, Given)>,
    positional: Vec<Given>,
    /// Where `import` and `include` look (`-L`); empty: jq's defaults.
    library: Vec<PathBuf>,
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

    /// Sets the directories `import` and `include` look in (`-L DIR`, in order).
    pub fn library(mut self, dirs: Vec<PathBuf>) -> FilterSpec {
        self.library = dirs;
        self
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn library_dirs(&self) -> &[PathBuf] {
        &self.library
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
        Filter::compile_in(&self.code, &named, positional, &self.library)
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
        // A filter that does not compile is compiled again without the idioms as
        // natives, so that its message quotes the filter as written, not eddy's calls.
        Filter::compile_with(code, named, positional.clone(), library, true)
            .or_else(|_| Filter::compile_with(code, named, positional, library, false))
    }

    fn compile_with(
        code: &str,
        named: &[(String, Value)],
        positional: Vec<Value>,
        library: &[PathBuf],
        idioms: bool,
    ) -> Result<Filter, CompileError> {
        let defaults = ["~/.jq", "$ORIGIN/../lib/jq", "$ORIGIN/../lib"].map(PathBuf::from);
        let library = if library.is_empty() { &defaults[..] } else { library };
        let analysis = source::analyse(code);
        if analysis.depth > MAX_NESTING {
            return Err(CompileError::new(format!(
                "the filter is nested more than {MAX_NESTING} levels deep"
            )));
        }
        // jq that jaq's parser lacks (`?//`, `$__loc__` with its line, ...) rewritten
        // into jq it has; the rewritten text may nest deeper, so it is measured again.
        let rewritten = source::rewrite(code, "<top-level>");
        let code = rewritten.as_deref().unwrap_or(code);
        if rewritten.is_some() && source::analyse(code).depth > MAX_NESTING {
            return Err(CompileError::new(format!(
                "the filter is nested more than {MAX_NESTING} levels deep"
            )));
        }
        if let Some(why) = source::directive_refusal(code) {
            return Err(CompileError::new(why));
        }
        let own = jaq_core::load::parse(OWN_DEFS, |p| p.defs()).unwrap_or_default();
        // jaq's definitions that eddy replaces with jq's (natives in `builtins`, or
        // `OWN_DEFS`); dropped rather than shadowed, so that the definitions after them
        // that use the name see eddy's.
        let jq_std = jaq_std::defs().filter(|d| !redefined(d.name, d.args.len()));
        let core = jaq_core::defs().filter(|d| !redefined(d.name, d.args.len()));
        let json_defs = jaq_json::defs().filter(|d| !redefined(d.name, d.args.len()));
        let regex_defs = jaq_core::load::parse(matching::DEFS, |p| p.defs()).unwrap_or_default();
        let defs = core.chain(jq_std).chain(json_defs).chain(own).chain(regex_defs);
        let arena = Arena::default();
        // The idioms as eddy's natives (`source::idiomatic`): the text jaq compiles.
        let idiomatic = idioms.then(|| source::idiomatic(code)).flatten();
        let main = File {
            code: idiomatic.as_deref().unwrap_or(code),
            path: PathBuf::new(),
        };
        let read = |import: Import<&str, PathBuf>| {
            let path = find_module(import, library, "jq")?;
            let code = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            if let Some(why) = source::directive_refusal(&code) {
                return Err(format!("{}: {why}", path.display()));
            }
            let code = source::rewrite(&code, &path.display().to_string()).unwrap_or(code);
            let code = match idioms.then(|| source::idiomatic(&code)).flatten() {
                Some(idiomatic) => idiomatic,
                None => code,
            };
            Ok(File { code, path })
        };
        let modules = Loader::new(defs)
            .with_read(read)
            .load(&arena, main)
            .map_err(|errs| CompileError::new(diagnose::load_errors(errs)))?;
        if let Some(why) = constant::refusal(code) {
            return Err(CompileError::new(why));
        }
        // `import "f" as $x`: jaq-core expects the value of each such variable after the
        // global ones, in its order; eddy reads them here, as jq does, so none is missing.
        let mut imported = Vec::new();
        jaq_core::load::import(&modules, |import| {
            let path = find_module(import, library, "json")?;
            let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            let values = json::parse_all(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            imported.push(Jv(values.into_iter().collect()));
            Ok(())
        })
        .map_err(|errs| CompileError::new(diagnose::load_errors(errs)))?;
        let mut names: Vec<String> = named.iter().map(|(n, _)| format!("${n}")).collect();
        names.extend(GLOBALS.map(String::from));
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
        let loc = Value::object(vec![
            ("file".into(), Value::string("<top-level>")),
            ("line".into(), Value::int(1)),
        ]);
        let mut after: Vec<Jv> = vec![Jv(env), Jv(args.0), Jv(loc.0)];
        after.extend(imported);
        let values = named.iter().map(|(_, v)| Jv(v.0.clone())).chain(after.iter().cloned());
        Ok(Filter {
            compiled,
            vars: Vars::new(values),
            after,
            identity: code.trim() == ".",
            plan: fast_path_allowed().then(|| fast::Plan::of(code, named)).flatten(),
            fold: fast_path_allowed().then(|| fast::Fold::of(code)).flatten(),
            stateless: parallel::stateless(&analysis),
            library: library.to_vec(),
            source: code.to_string(),
            each: None,
        }
        .with_projection())
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

    fn with_projection(mut self) -> Filter {
        self.each = self.projection(projection::Mode::Each);
        self
    }

    /// The fields of each input object this filter can observe when it runs in `mode`
    /// (see `projection`); None when it may observe a whole input, or when
    /// `EDDY_PROJECTION=off` (for benchmarks that measure what projection saves).
    pub(crate) fn projection(&self, mode: projection::Mode) -> Option<projection::Projection> {
        static ALLOWED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        let allowed = *ALLOWED.get_or_init(|| std::env::var_os("EDDY_PROJECTION").is_none_or(|v| v != "off"));
        allowed.then(|| projection::of(&self.source, mode)).flatten()
    }

    /// Whether the fast path knows this filter.
    pub fn is_fast(&self) -> bool {
        self.plan.is_some()
    }

    /// Runs the filter on one JSON document given as bytes. Each output goes to
    /// `emit`, which may stop the run early.
    pub fn run_bytes(&self, input: &[u8], emit: impl FnMut(Value) -> Flow) -> Result<Flow, RunError> {
        let value = match &self.each {
            Some(p) => json::parse_one_projected(input, p),
            None => json::parse_one(input),
        };
        self.run_value(Value(value.map_err(RunError::NotJson)?), emit)
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
            library: &self.library,
        };
        let values = named.iter().map(|v| Jv(v.0.clone())).chain(self.after.iter().cloned());
        let ctx = Ctx::<Kind>::new(data, Vars::new(values));
        for out in self.compiled.id.run((ctx, Jv(input.0))) {
            match out {
                Ok(v) => {
                    if emit(Value(v.0)) == Flow::Stop {
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
        inputs: Inputs<'i, Jv>,
        input: Val,
        emit: &mut dyn FnMut(Val) -> Flow,
    ) -> Result<Flow, RunError> {
        if self.identity {
            return Ok(emit(input));
        }
        if let Some(fold) = &self.fold {
            return match fold.run(inputs) {
                Ok(v) => Ok(emit(v.0)),
                Err(e) => Err(exception(e)),
            };
        }
        let data = Data {
            lut: &self.compiled.lut,
            inputs,
            library: &self.library,
        };
        let ctx = Ctx::<Kind>::new(data, self.vars.clone());
        for out in self.compiled.id.run((ctx, Jv(input))) {
            match out {
                Ok(v) => {
                    if emit(v.0) == Flow::Stop {
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

/// For the `projection` fuzz target: see `projection::disagreement`.
pub fn projection_disagrees(code: &str, input: &[u8]) -> Option<String> {
    projection::disagreement(code, input)
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

/// The variables every filter has, after the named ones. `$__loc__` is rewritten into
/// an object with its line before jaq sees it (`source::rewrite`); the variable stays
/// for what the rewrite cannot see (line 1).
const GLOBALS: [&str; 3] = ["$ENV", "$ARGS", "$__loc__"];

/// Where jq finds `import "a/b"`: `a/b.EXT`, else `a/b/b.EXT`, in the importing file's
/// `search` metadata and then the library directories.
fn find_module(import: Import<&str, PathBuf>, library: &[PathBuf], ext: &str) -> Result<PathBuf, String> {
    let Import { parent, path, meta } = import;
    let first = Import { parent, path, meta }.find(library, ext);
    first.or_else(|e| {
        let last = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or(e)?;
        let nested = format!("{path}/{last}");
        Import {
            parent,
            path: &nested.as_str(),
            meta,
        }
        .find(library, ext)
    })
}

/// The deepest nesting of brackets a filter may have. jaq parses and compiles
/// recursively, so a filter nested thousands deep would overflow the stack (the
/// `templates` fuzz target found one at under 300 in a test thread); real filters stay
/// far below this.
const MAX_NESTING: usize = 100;

fn exception(e: Exn<'_, Jv>) -> RunError {
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
fn error_text(err: &jv::Error) -> String {
    match err.clone().into_val().0 {
        Val::TStr(s) | Val::BStr(s) => String::from_utf8_lossy(&s).into_owned(),
        other => {
            let mut text = Vec::new();
            json::write_compact(&mut text, &other);
            format!("{} (not a string)", String::from_utf8_lossy(&text))
        }
    }
}

/// jq 1.6 definitions that jaq lacks, or has otherwise (see `REDEFINED`).
const OWN_DEFS: &str = r#"
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; key): reduce stream as $row ({}; .[$row | key | tostring] |= $row);
def INDEX(key): INDEX(.[]; key);
def JOIN($index; key): [.[] | [., $index[key]]];
def JOIN($index; stream; key): stream | [., $index[key]];
def JOIN($index; stream; key; join): stream | [., $index[key]] | join;
def ascii: [.] | implode;
def leaf_paths: paths(scalars);
def date: todate;
def dateadd(u; n): . + n;
def datesub(u; n): . - n;
def del(f): delpaths([path(f)]);
def join($sep): reduce .[] as $x (null;
  (if . == null then "" else . + $sep end)
  + ($x | if . == null then "" elif type == "boolean" or type == "number" then tojson end)) // "";
def nth($n; f): if $n < 0 then error("nth doesn't support negative indices") else last(limit($n + 1; f)) end;
def flatten($depth):
  if $depth < 0 then error("flatten depth must not be negative")
  else reduce .[] as $x ([]; if $x | type == "array" and $depth > 0 then . + ($x | flatten($depth - 1)) else . + [$x] end) end;
def tostream: path(def r: (.[]? | r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p + $q]);
def fromstream(f): { x: null, e: false } as $init
  | foreach f as $i ($init;
      if .e then $init else . end
      | if $i | length == 2
        then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1])
        else setpath(["e"]; $i[0] | length == 1) end;
      if .e then .x else empty end);
def truncate_stream(stream): . as $n | null | stream | . as $input | if (.[0] | length) > $n then setpath([0]; .[0][$n:]) else empty end;
def toarray: if type == "array" then . else [.] end;
def have_decnum: false;
def input_filename: null;
"#;

/// The natives jaq-std implements with the `log` crate (which would print nothing here)
/// and `tojson` (whose numbers should look like the rest of eddy's output) are replaced.
const REPLACED: [&str; 6] = [
    "debug_empty",
    "stderr_empty",
    "tojson",
    "ltrimstr",
    "rtrimstr",
    "utf8bytelength",
];

/// jaq's definitions (name, arity) that are natives in eddy (`builtins`, `own_funs`):
/// `delpaths`, `tonumber` (jq reads `"007"`), `keys`, `add`, the formats, and `nan` and `infinite` (`0 / 0` and `1 / 0` in jaq, errors
/// in jq). Others that jq defines otherwise are shadowed by `OWN_DEFS`, so that jaq's
/// definitions that use them keep working.
const REDEFINED: [(&str, usize); 11] = [
    ("delpaths", 1),
    ("keys", 0),
    ("add", 0),
    ("tonumber", 0),
    ("from_entries", 0),
    ("@sh", 0),
    ("@html", 0),
    ("@uri", 0),
    ("@base64d", 0),
    ("nan", 0),
    ("infinite", 0),
];

fn redefined(name: &str, arity: usize) -> bool {
    REDEFINED.contains(&(name, arity)) || matching::REDEFINED.contains(&(name, arity))
}

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
        .chain(builtins::funs().into_vec().into_iter().map(native::run::<Kind>))
        .chain(matching::funs().into_vec().into_iter().map(native::run::<Kind>))
        .chain(inputs)
        .chain(own)
        .chain(random)
}

type Native = native::Filter<RunPtr<Kind>>;

fn own_funs() -> Box<[Native]> {
    Box::new([
        ("modulemeta", v(0), |cv| {
            native::bome(modulemeta::modulemeta(&cv.1.0, cv.0.data().library))
        }),
        ("debug_empty", v(0), |cv| {
            let mut line = b"[\"DEBUG:\",".to_vec();
            json::write_compact(&mut line, &cv.1.0);
            line.extend_from_slice(b"]\n");
            write_stderr(&line);
            Box::new(core::iter::empty())
        }),
        ("stderr_empty", v(0), |cv| {
            let mut text = Vec::new();
            json::write_compact(&mut text, &cv.1.0);
            write_stderr(&text);
            Box::new(core::iter::empty())
        }),
        ("nan", v(0), |_| native::bome(Ok(Jv(Val::from(f64::NAN))))),
        ("infinite", v(0), |_| native::bome(Ok(Jv(Val::from(f64::INFINITY))))),
        ("tojson", v(0), |cv| {
            let mut text = Vec::new();
            json::write_compact(&mut text, &cv.1.0);
            native::bome(Ok(Jv(Val::utf8_str(text))))
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
    fn a_string_repeated_past_a_gigabyte_is_an_error_not_an_abort() {
        assert_eq!(
            error_of(".a * .b", r#"{"a":"ab","b":100000000000000000}"#),
            "Repeat string result too long"
        );
        assert_eq!(
            error_of(".b * .a", r#"{"a":"ab","b":1e300}"#),
            "Repeat string result too long"
        );
        assert_eq!(outputs(".a * 3", r#"{"a":"ab"}"#), [r#""ababab""#]);
        assert_eq!(outputs(".a * 0", r#"{"a":"ab"}"#), ["null"]);
    }

    fn error_of(code: &str, input: &str) -> String {
        let f = Filter::compile(code, &[], Vec::new()).expect("compiles");
        match f.run_bytes(input.as_bytes(), |_| Flow::Continue) {
            Err(RunError::Failed(m)) => m,
            other => panic!("{code}: {other:?}"),
        }
    }

    /// What the filter gives, outputs or the error, as one string.
    fn result_of(code: &str, input: &str) -> String {
        let f = Filter::compile(code, &[], Vec::new()).expect("compiles");
        let mut outs = Vec::new();
        let r = f.run_bytes(input.as_bytes(), |v| {
            let mut b = Vec::new();
            v.write_json(&mut b);
            outs.push(String::from_utf8(b).expect("utf8"));
            Flow::Continue
        });
        format!("{outs:?} {:?}", r.err().map(|e| e.to_string()))
    }

    /// The native `add` gives what jaq's definition of it gives, sums and errors alike.
    #[test]
    fn add_is_the_reduce_it_replaces() {
        let reduce = "reduce .[] as $x (null; . + $x)";
        let inputs = [
            "[1,2,3.5]",
            "[]",
            "{}",
            r#"{"a":1,"b":2}"#,
            r#"["a","b",null,"c"]"#,
            "[[1],[2,3],null]",
            r#"[{"a":1},{"b":2},{"a":3}]"#,
            "[null,null]",
            r#"[1,"a"]"#,
            r#"[{"a":1},[2]]"#,
            "[1e308,1e308]",
            "null",
            "1",
            r#""abc""#,
            "true",
        ];
        for input in inputs {
            assert_eq!(result_of("add", input), result_of(reduce, input), "{input}");
        }
        assert_eq!(outputs("add", "[1,2,3.5]"), ["6.5"]);
        assert_eq!(error_of("add", "1"), "Cannot iterate over number (1)");
        assert_eq!(outputs("[.[] | add]", "[[1,2],[3]]"), ["[3,3]"]);
    }

    /// jq 1.6 reads the string with its own parser, which takes zero-padded numbers
    /// (bench/jq's `split("-") | .[1] | tonumber` on "sku-03905" failed before).
    #[test]
    fn tonumber_reads_numbers_as_jq_1_6_does() {
        let cases = [
            (r#""03905""#, "3905"),
            (r#""-007.50""#, "-7.5"),
            (r#"" 12 ""#, "12"),
            (r#"".5""#, "0.5"),
            (r#""5.""#, "5"),
            (r#""+3""#, "3"),
            (r#""1e3""#, "1000"),
            (r#""0""#, "0"),
            ("42", "42"),
        ];
        for (input, want) in cases {
            assert_eq!(outputs("tonumber", input), [want], "{input}");
        }
        assert_eq!(
            error_of("tonumber", r#""[1]""#),
            r#"string ("[1]") cannot be parsed as a number"#
        );
        assert_eq!(error_of("tonumber", "[1]"), "array ([1]) cannot be parsed as a number");
        for bad in [r#""0x1""#, r#""abc""#, r#""""#, r#""1e""#, r#""nan""#, r#"".""#] {
            let e = error_of("tonumber", bad);
            assert!(e.contains("while parsing"), "{bad}: {e}");
        }
    }

    /// Issue 17: the update idioms every jq user types, which failed under jaq's values.
    #[test]
    fn null_grows_into_what_a_path_update_needs() {
        assert_eq!(outputs(".a = 1", "null"), [r#"{"a":1}"#]);
        assert_eq!(outputs(".a.b = 1", r#"{"x":0}"#), [r#"{"x":0,"a":{"b":1}}"#]);
        assert_eq!(outputs(".[3] = 1", "[0]"), ["[0,null,null,1]"]);
        assert_eq!(outputs(".foo[2].bar = 1", "null"), [r#"{"foo":[null,null,{"bar":1}]}"#]);
        assert_eq!(
            outputs(
                "reduce .[] as $e (null; .[$e.k] += 1)",
                r#"[{"k":"a"},{"k":"b"},{"k":"a"}]"#
            ),
            [r#"{"a":2,"b":1}"#]
        );
        assert_eq!(error_of(".[-2] = 0", "[1]"), "Out of bounds negative array index");
    }

    #[test]
    fn deleting_keeps_the_order_of_the_other_keys() {
        let input = r#"{"a":1,"b":2,"c":3,"d":4}"#;
        assert_eq!(outputs("del(.a)", input), [r#"{"b":2,"c":3,"d":4}"#]);
        assert_eq!(outputs(".a |= empty", input), [r#"{"b":2,"c":3,"d":4}"#]);
        assert_eq!(outputs("del(.b, .c)", input), [r#"{"a":1,"d":4}"#]);
        assert_eq!(outputs("del(.[1], .[2])", "[0,1,2,3]"), ["[0,3]"]);
        assert_eq!(outputs(r#"delpaths([["x", 1]])"#, r#"{"a":1}"#), [r#"{"a":1}"#]);
    }

    #[test]
    fn errors_are_worded_as_jq_words_them() {
        assert_eq!(error_of("{(.): 1}", "0"), "Object keys must be strings");
        assert_eq!(error_of(".a", "1"), r#"Cannot index number with string "a""#);
        assert_eq!(error_of(".[]", "true"), "Cannot iterate over boolean (true)");
        assert_eq!(error_of(". + 1", "{}"), "object ({}) and number (1) cannot be added");
        assert_eq!(
            error_of("1 / .", "0"),
            "number (1) and number (0) cannot be divided because the divisor is zero"
        );
        assert_eq!(
            outputs(r#"try (-.) catch ."#, r#""very-long-string""#),
            [r#""string (\"very-long-...) cannot be negated""#]
        );
    }

    #[test]
    fn formats_and_builtins_of_jq_1_6() {
        assert_eq!(
            outputs("[.id, .amount] | @csv", r#"{"id":"a\"b","amount":1.5}"#),
            [r#""\"a\"\"b\",1.5""#]
        );
        assert_eq!(outputs("@tsv", r#"["a\tb",null,true,2]"#), [r#""a\\tb\t\ttrue\t2""#]);
        assert_eq!(outputs("@base32", r#""foobar""#), [r#""MZXW6YTBOI======""#]);
        assert_eq!(outputs("@base32d", r#""MZXW6YTBOI======""#), [r#""foobar""#]);
        assert_eq!(outputs("@base64d", r#""cWl4YmF6Cg""#), [r#""qixbaz\n""#]);
        assert_eq!(
            outputs("INDEX(.id)", r#"[{"id":1},{"id":2}]"#),
            [r#"{"1":{"id":1},"2":{"id":2}}"#]
        );
        assert_eq!(outputs("[limit(0; 1, 2)]", "null"), ["[]"]);
        assert_eq!(outputs("[.[] | IN(2, 3)]", "[1,2]"), ["[false,true]"]);
        assert_eq!(outputs(r#"join(",")"#, r#"["a",null,1]"#), [r#""a,,1""#]);
        assert_eq!(
            outputs("[tostream]", r#"{"a":[1]}"#),
            [r#"[[["a",0],1],[["a",0]],[["a"]]]"#]
        );
        assert_eq!(
            outputs("fromstream(tostream)", r#"{"a":[1,{"b":2}]}"#),
            [r#"{"a":[1,{"b":2}]}"#]
        );
        assert_eq!(outputs("$__loc__", "null"), [r#"{"file":"<top-level>","line":1}"#]);
    }

    /// Issue 17: `import "x" as $v` shifted every variable after it by one, and reading
    /// `$ENV` or an `--arg` then panicked. The data file is read and bound, as in jq.
    #[test]
    fn data_imports_are_bound_not_shifted() {
        let dir = tempfile::tempdir().expect("a directory");
        std::fs::write(dir.path().join("x.json"), "1 2").expect("written");
        let named = vec![("a".to_string(), Value::string("A"))];
        let code = r#"import "x" as $v; [$v, $a, ($ENV | type), $__loc__.line]"#;
        let f = Filter::compile_in(code, &named, Vec::new(), &[dir.path().to_path_buf()]).expect("compiles");
        let outs = f.outputs(&Value::parse_json(b"null").expect("json"), 2).expect("runs");
        let mut b = Vec::new();
        outs[0].write_json(&mut b);
        assert_eq!(String::from_utf8_lossy(&b), r#"[[1,2],"A","object",1]"#);
        let missing = Filter::compile(r#"import "nowhere" as $v; $v"#, &[], Vec::new());
        assert!(missing.is_err());
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
