//! `eddy filter` (alias `eddy jq`): a jq filter over a stream of JSON values from stdin
//! or files, with jq's options and exit codes.
//!
//! Input is read in large chunks and each value is parsed straight from the buffer; line
//! numbers are counted only as far as needed, so every error can name its line without
//! slowing the common case. An input that is not JSON is reported and reading resumes
//! at the next line; what happens then (and to inputs the filter fails on) is
//! `--on-error`. Output goes through one large buffer; a closed pipe ends quietly.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::rc::Rc;
use std::sync::Arc;

use jaq_json::Val;
use jaq_std::input::RcIter;

use super::json::{self, Colors, Prefix, Style};
use super::{Bindings, Filter, FilterSpec, Flow, Given, RunError};
use super::{fast, parallel};
use crate::cli::{FilterArgs, OnError};
use crate::config::Settings;
use crate::interrupt;
use crate::outcome::{Error, Outcome, Result};
use crate::output::{Stdout, Written};

const CHUNK: usize = 1 << 20;

pub fn run(settings: &Settings, args: &FilterArgs) -> Result<Outcome> {
    let (code, rest) = match &args.from_file {
        Some(path) => {
            let code = std::fs::read_to_string(path)
                .map_err(|e| Error::usage(format!("--from-file {}: {e}", path.display())))?;
            (code, args.filter.iter().chain(&args.files).cloned().collect::<Vec<_>>())
        }
        None => (args.filter.clone().unwrap_or_default(), args.files.clone()),
    };
    let (files, positional) = if args.args || args.jsonargs {
        (Vec::new(), rest)
    } else {
        (rest, Vec::new())
    };
    let (spec, (named, positional)) = spec_of(args, code, positional)?;
    for f in &files {
        if f != "-" && !std::path::Path::new(f).exists() {
            return Err(Error::usage(format!("{f}: no such file")));
        }
    }
    let filter = Filter::compile(spec.code(), &named, positional)?;

    let indent = if args.tab {
        Some(b"\t".to_vec())
    } else if let Some(n) = args.indent {
        (n > 0).then(|| vec![b' '; usize::from(n)])
    } else if args.pretty {
        Some(b"  ".to_vec())
    } else {
        None
    };
    let style = Style {
        indent,
        sort_keys: args.sort_keys,
        colors: settings
            .color
            .then(|| Colors::jq(std::env::var("JQ_COLORS").ok().as_deref())),
    };
    let mut run = Run {
        style,
        raw: args.raw_output || args.join_output,
        newline: !args.join_output,
        policy: args.on_error,
        out: Stdout::new(),
        last_truthy: None,
        errors: 0,
        stop: None,
    };

    let regular_files = all_regular_files(&files);
    let source = Rc::new(RefCell::new(Source::new(files, args.raw_input)));
    if args.slurp {
        let whole = if args.raw_input {
            source.borrow_mut().slurp_text().map(Val::utf8_str)
        } else {
            let mut all = Vec::new();
            loop {
                let next = source.borrow_mut().next_value();
                match next {
                    None => break,
                    Some(Ok(v)) => all.push(v),
                    Some(Err(e)) => {
                        run.input_error(&e);
                        if run.stop.is_some() {
                            break;
                        }
                    }
                }
            }
            Ok(all.into_iter().collect())
        };
        let whole = whole.map_err(Error::from)?;
        if run.stop.is_none() {
            if args.null_input {
                let inputs = RcIter::new(std::iter::once(Ok(whole)));
                run.one(&filter, &inputs, Val::Null, "the input");
            } else {
                let inputs = RcIter::new(std::iter::empty());
                run.one(&filter, &inputs, whole, "the input");
            }
        }
        return Ok(run.finish(settings, args.exit_status));
    }

    let pull = {
        let source = Rc::clone(&source);
        move || {
            let next = source.borrow_mut().next_value();
            next.map(|r| r.map_err(|e| e.to_string()))
        }
    };
    let inputs = RcIter::new(std::iter::from_fn(pull));
    if args.null_input {
        run.one(&filter, &inputs, Val::Null, "the null input");
        return Ok(run.finish(settings, args.exit_status));
    }
    if !args.raw_input && filter.is_stateless() && regular_files {
        run_parallel(&mut run, &mut source.borrow_mut(), &spec);
        if run.stop.is_some() {
            return Ok(run.finish(settings, args.exit_status));
        }
    }
    // The fast path writes compact output only; it never reads `input`/`inputs`.
    let fast = filter
        .plan
        .as_ref()
        .filter(|_| run.style.is_compact() && !args.raw_input);
    let mut scan = fast::Scan::default();
    loop {
        if let Some(s) = interrupt::requested() {
            run.stop = Some(Outcome::Interrupted(s));
            break;
        }
        if let Some(plan) = fast {
            let step = source.borrow_mut().try_fast(plan, &mut scan, run.raw, &mut run.out.buf);
            if let Some(output) = step {
                if let Some(truthy) = output {
                    run.emitted(truthy);
                }
                if run.stop.is_some() {
                    break;
                }
                continue;
            }
        }
        let next = (&inputs).next();
        match next {
            None => break,
            Some(Ok(v)) => {
                let at = source.borrow().position();
                run.one(&filter, &inputs, v, &at);
            }
            Some(Err(e)) => run.input_error(&e),
        }
        if run.stop.is_some() {
            break;
        }
    }
    if let Some(e) = source.borrow_mut().failure.take() {
        let _ = run.out.flush();
        return Err(Error::runtime(e));
    }
    Ok(run.finish(settings, args.exit_status))
}

/// The filter as given — for the workers, which compile their own — and its variables'
/// values for this thread: `--arg`, `--argjson`, `--slurpfile` and `--rawfile` in that
/// order, and `$ARGS.positional` from the arguments after `--args` (strings) or
/// `--jsonargs` (JSON). Files are read once; each value is checked here, with its flag.
fn spec_of(args: &FilterArgs, code: String, texts: Vec<String>) -> Result<(FilterSpec, Bindings)> {
    let mut spec = FilterSpec::new(code);
    let mut named = Vec::new();
    let mut positional = Vec::new();
    let mut bind = |spec: FilterSpec, name: &str, given: Given, what: &dyn Fn(String) -> String| {
        let v = given.value().map_err(|e| Error::usage(what(e)))?;
        named.push((name.to_string(), v));
        Ok::<_, Error>(spec.named(name, given))
    };
    for pair in args.arg.chunks(2) {
        if let [name, value] = pair {
            spec = bind(spec, name, Given::Text(value.clone()), &|e| e)?;
        }
    }
    for pair in args.argjson.chunks(2) {
        if let [name, text] = pair {
            let what = |e| format!("--argjson {name}: '{text}' is not JSON: {e}");
            spec = bind(spec, name, Given::Json(text.clone()), &what)?;
        }
    }
    for pair in args.slurpfile.chunks(2) {
        if let [name, path] = pair {
            let bytes = std::fs::read(path).map_err(|e| Error::usage(format!("--slurpfile {name}: {path}: {e}")))?;
            let what = |e| format!("--slurpfile {name}: {path}: not JSON: {e}");
            spec = bind(spec, name, Given::JsonStream(bytes.into()), &what)?;
        }
    }
    for pair in args.rawfile.chunks(2) {
        if let [name, path] = pair {
            let bytes = std::fs::read(path).map_err(|e| Error::usage(format!("--rawfile {name}: {path}: {e}")))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            spec = bind(spec, name, Given::Text(text), &|e| e)?;
        }
    }
    for p in texts {
        let given = if args.jsonargs { Given::Json(p) } else { Given::Text(p) };
        let v = given.value().map_err(|e| match &given {
            Given::Json(p) => Error::usage(format!("--jsonargs: '{p}' is not JSON: {e}")),
            _ => Error::usage(e),
        })?;
        positional.push(v);
        spec = spec.positional(given);
    }
    Ok((spec, (named, positional)))
}

/// Whether every input is a regular file (stdin too, when redirected from one).
fn all_regular_files(files: &[String]) -> bool {
    let regular = |f: &str| {
        let meta = if f == "-" {
            std::fs::metadata("/dev/stdin")
        } else {
            std::fs::metadata(f)
        };
        meta.is_ok_and(|m| m.is_file())
    };
    if files.is_empty() {
        regular("-")
    } else {
        files.iter().all(|f| regular(f))
    }
}

/// Filters the input on two worker threads (see `parallel`) as far as it can: to the
/// end, to a stop (`--on-error fail`, a closed output, a signal), or to a value that
/// spans lines, from where the sequential loop goes on.
fn run_parallel(run: &mut Run, source: &mut Source, spec: &FilterSpec) {
    let writing = parallel::Writing {
        style: run.style.clone(),
        raw: run.raw,
        newline: run.newline,
    };
    let (chunks, results) = parallel::start(2, spec, writing);
    let mut reorder = parallel::Reorder::default();
    // Chunks sent and not yet written, with the line each starts on (to fall back).
    let mut held: VecDeque<(Arc<Vec<u8>>, u64)> = VecDeque::new();
    // Everything not written goes back to the reader, from the line `line` on.
    let hand_back = |source: &mut Source, held: &mut VecDeque<(Arc<Vec<u8>>, u64)>, skip: usize| {
        let Some((first, line)) = held.pop_front() else { return };
        let mut rest = first[skip..].to_vec();
        for (b, _) in held.drain(..) {
            rest.extend_from_slice(&b);
        }
        source.rewind(rest, line);
    };
    let mut seq = 0u64;
    let mut input_done = false;
    loop {
        if let Some(s) = interrupt::requested() {
            run.stop = Some(Outcome::Interrupted(s));
            return;
        }
        while !input_done && held.len() < parallel::IN_FLIGHT {
            match source.take_chunk(parallel::CHUNK) {
                Taken::Chunk(bytes, first_line) => {
                    let bytes = Arc::new(bytes);
                    held.push_back((Arc::clone(&bytes), first_line));
                    let chunk = parallel::Chunk {
                        seq,
                        bytes,
                        first_line,
                        prefix: source.prefix(),
                    };
                    seq += 1;
                    if chunks.send(chunk).is_err() {
                        // No worker: the sequential loop does it all.
                        return hand_back(source, &mut held, 0);
                    }
                }
                // A new file starts only when all of this one is written, so that a
                // fall-back finds the rest of its file in the reader.
                Taken::FileEnd if held.is_empty() => {
                    if !source.open_next() {
                        input_done = true;
                    }
                }
                Taken::FileEnd => break,
                Taken::End => input_done = true,
            }
        }
        if held.is_empty() {
            return;
        }
        let Ok(done) = results.recv() else {
            // The workers are gone (they could not compile): hand everything back.
            return hand_back(source, &mut held, 0);
        };
        reorder.push(done);
        while let Some(done) = reorder.pop() {
            let mut written = 0;
            for (at, message) in &done.errors {
                run.out.buf.extend_from_slice(&done.out[written..*at]);
                written = *at;
                run.input_error(message);
                if run.stop.is_some() {
                    return;
                }
            }
            run.out.buf.extend_from_slice(&done.out[written..]);
            if let Some(t) = done.last_truthy {
                run.last_truthy = Some(t);
            }
            if run.out.maybe_flush() == Written::Closed {
                run.stop = Some(Outcome::Success);
                return;
            }
            if let Some(f) = done.fallback {
                // From this line on, the sequential reader: the rest of this chunk and
                // every chunk after it go back in front of what it has not read yet.
                if let Some(front) = held.front_mut() {
                    front.1 = f.line;
                }
                return hand_back(source, &mut held, f.at);
            }
            held.pop_front();
        }
    }
}

/// The output side of a run, and how it is going.
struct Run {
    style: Style,
    raw: bool,
    newline: bool,
    policy: OnError,
    out: Stdout,
    /// Whether the last output was neither false nor null (for `-e`).
    last_truthy: Option<bool>,
    /// Inputs that could not be processed.
    errors: u64,
    /// Set when the run must end early, with how it ends.
    stop: Option<Outcome>,
}

impl Run {
    /// Runs the filter on one input, writing its outputs.
    fn one(
        &mut self,
        filter: &Filter,
        inputs: &RcIter<dyn Iterator<Item = std::result::Result<Val, String>> + '_>,
        input: Val,
        at: &str,
    ) {
        let result = filter.run_val(inputs, input, &mut |v| self.emit(&v));
        match result {
            Ok(_) => {}
            Err(RunError::Halt(code)) => self.stop = Some(Outcome::Halt(code)),
            Err(e) => self.input_error(&format!("{at}: {e}")),
        }
    }

    fn emit(&mut self, v: &Val) -> Flow {
        let buf = &mut self.out.buf;
        match v {
            Val::TStr(s) | Val::BStr(s) if self.raw => buf.extend_from_slice(s),
            _ => json::write_styled(buf, v, &self.style, 0),
        }
        self.emitted(!matches!(v, Val::Null | Val::Bool(false)))
    }

    /// An output was appended to the buffer: end it, and flush when the buffer is full.
    fn emitted(&mut self, truthy: bool) -> Flow {
        self.last_truthy = Some(truthy);
        if self.newline {
            self.out.buf.push(b'\n');
        }
        if self.out.maybe_flush() == Written::Closed {
            self.stop = Some(Outcome::Success);
            return Flow::Stop;
        }
        Flow::Continue
    }

    /// An input that is not JSON, or one the filter failed on: as `--on-error` says.
    fn input_error(&mut self, message: &str) {
        self.errors += 1;
        match self.policy {
            OnError::Skip => {}
            OnError::Stderr => eprintln!("eddy: {message}"),
            OnError::Fail => {
                eprintln!("eddy: {message}; stopped (--on-error fail)");
                self.stop = Some(Outcome::InputErrors);
            }
        }
    }

    fn finish(mut self, settings: &Settings, exit_status: bool) -> Outcome {
        let closed = self.out.flush() == Written::Closed;
        if let Some(outcome) = self.stop {
            return outcome;
        }
        if closed {
            return Outcome::Success;
        }
        if self.errors > 0 {
            match self.policy {
                OnError::Skip => {
                    if settings.verbose {
                        eprintln!("eddy: {} inputs skipped (--on-error skip)", self.errors);
                    }
                }
                OnError::Stderr | OnError::Fail => return Outcome::InputErrors,
            }
        }
        match (exit_status, self.last_truthy) {
            (false, _) | (true, Some(true)) => Outcome::Success,
            (true, None) => Outcome::NoOutput,
            (true, Some(false)) => Outcome::FalseOrNull,
        }
    }
}

/// What `Source::take_chunk` found.
enum Taken {
    Chunk(Vec<u8>, u64),
    /// The current file is all taken; there are more.
    FileEnd,
    End,
}

/// JSON values (or, with `-R`, lines) from a list of files or stdin, with the line each
/// one starts on.
struct Source {
    files: Vec<String>,
    next_file: usize,
    show_names: bool,
    reader: Option<Box<dyn Read>>,
    stdin: bool,
    name: String,
    raw: bool,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    /// Newlines of the current file before `buf[counted]`.
    lines: u64,
    counted: usize,
    /// The line the last value started on.
    value_line: u64,
    /// An I/O error that ended the input.
    failure: Option<String>,
}

impl Source {
    fn new(files: Vec<String>, raw: bool) -> Source {
        let show_names = !files.is_empty();
        let files = if files.is_empty() { vec!["-".to_string()] } else { files };
        Source {
            files,
            next_file: 0,
            show_names,
            reader: None,
            stdin: false,
            name: String::new(),
            raw,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: true,
            lines: 0,
            counted: 0,
            value_line: 0,
            failure: None,
        }
    }

    /// "FILE: line N" (or "line N" for stdin) of the last value.
    fn position(&self) -> String {
        self.at(self.value_line)
    }

    fn at(&self, line: u64) -> String {
        if self.show_names && self.name != "-" {
            format!("{}: line {line}", self.name)
        } else {
            format!("line {line}")
        }
    }

    /// The 1-based line of `buf[pos]`, counting newlines up to it.
    fn line_at(&mut self, pos: usize) -> u64 {
        if pos > self.counted {
            self.lines += memchr::memchr_iter(b'\n', &self.buf[self.counted..pos]).count() as u64;
            self.counted = pos;
        }
        self.lines + 1
    }

    /// Opens the next file; false when there is none.
    fn open_next(&mut self) -> bool {
        let Some(name) = self.files.get(self.next_file).cloned() else {
            return false;
        };
        self.next_file += 1;
        self.lines = 0;
        self.start = 0;
        self.end = 0;
        self.counted = 0;
        self.eof = false;
        if name == "-" {
            self.stdin = true;
            self.reader = Some(Box::new(io::stdin()));
        } else {
            self.stdin = false;
            match File::open(&name) {
                Ok(f) => self.reader = Some(Box::new(f)),
                Err(e) => {
                    self.failure = Some(format!("{name}: {e}"));
                    self.eof = true;
                    self.files.truncate(self.next_file);
                    return false;
                }
            }
        }
        self.name = name;
        true
    }

    /// Reads more into the buffer; false at the end of the current source (or when a
    /// signal asks us to stop while waiting on stdin).
    fn fill(&mut self) -> bool {
        if self.start > 0 {
            self.line_at(self.start);
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.counted -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let Some(reader) = self.reader.as_mut() else {
            self.eof = true;
            return false;
        };
        loop {
            if self.stdin && !wait_readable() {
                if interrupt::requested().is_some() {
                    self.eof = true;
                    return false;
                }
                continue;
            }
            match reader.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    self.reader = None;
                    return false;
                }
                Ok(n) => {
                    self.end += n;
                    return true;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.failure = Some(format!("{}: {e}", self.name));
                    self.eof = true;
                    self.reader = None;
                    self.files.truncate(self.next_file);
                    return false;
                }
            }
        }
    }

    /// The next value, or an error naming the line of an input that is not JSON.
    fn next_value(&mut self) -> Option<std::result::Result<Val, String>> {
        loop {
            if self.start < self.end {
                let produced = if self.raw { self.next_line() } else { self.next_json() };
                if let Some(item) = produced {
                    return Some(item);
                }
            }
            if self.eof {
                if self.start < self.end && !self.raw {
                    // Only whitespace was left.
                    self.start = self.end;
                }
                if !self.open_next() {
                    return None;
                }
                continue;
            }
            self.fill();
        }
    }

    /// How positions in the current file are named: "FILE: " or nothing.
    fn prefix(&self) -> String {
        if self.show_names && self.name != "-" {
            format!("{}: ", self.name)
        } else {
            String::new()
        }
    }

    /// The next piece of whole lines of the current file, about `size` bytes, and the
    /// line it starts on.
    fn take_chunk(&mut self, size: usize) -> Taken {
        loop {
            if self.start < self.end {
                let cut = if self.eof {
                    Some(self.end)
                } else if self.end - self.start >= size || self.end == self.buf.len() {
                    memchr::memrchr(b'\n', &self.buf[self.start..self.end]).map(|i| self.start + i + 1)
                } else {
                    None
                };
                if let Some(cut) = cut {
                    let first_line = self.line_at(self.start);
                    let bytes = self.buf[self.start..cut].to_vec();
                    self.start = cut;
                    return Taken::Chunk(bytes, first_line);
                }
            } else if self.eof {
                return if self.reader.is_none() && self.next_file >= self.files.len() {
                    Taken::End
                } else {
                    Taken::FileEnd
                };
            }
            if !self.fill() && !self.eof {
                return Taken::End;
            }
        }
    }

    /// Puts `bytes` (starting on line `line`) back in front of what is still unread.
    fn rewind(&mut self, bytes: Vec<u8>, line: u64) {
        let mut buf = bytes;
        buf.extend_from_slice(&self.buf[self.start..self.end]);
        let len = buf.len();
        buf.resize(len.max(CHUNK), 0);
        self.buf = buf;
        self.start = 0;
        self.end = len;
        self.counted = 0;
        self.lines = line.saturating_sub(1);
    }

    /// The next value by the fast path: its output appended to `out` (and whether there
    /// was one, and whether it was truthy). None when the fast path cannot take the next
    /// value (not an object, not whole in the buffer yet, anything unusual): then
    /// `next_value` reads it and the interpreter runs, which also reports errors.
    fn try_fast(
        &mut self,
        plan: &fast::Plan,
        scan: &mut fast::Scan,
        text: bool,
        out: &mut Vec<u8>,
    ) -> Option<Option<bool>> {
        let region = &self.buf[self.start..self.end];
        let skip = region.iter().position(|b| !b.is_ascii_whitespace())?;
        let at = self.start + skip;
        // Only up to the end of the data read so far: an object cut off there bails.
        scan.object_at(&self.buf[..self.end], at).ok()?;
        let output = plan.run(&self.buf[..self.end], scan, text, out).ok()?;
        self.start = scan.end();
        Some(output)
    }

    /// A line as a string (`-R`); None when the buffer holds no whole line yet.
    fn next_line(&mut self) -> Option<std::result::Result<Val, String>> {
        let s = self.start;
        let (line_end, next) = match memchr::memchr(b'\n', &self.buf[s..self.end]) {
            Some(i) => (s + i, s + i + 1),
            None if self.eof => (self.end, self.end),
            None => return None,
        };
        self.value_line = self.line_at(s);
        self.start = next;
        Some(Ok(Val::utf8_str(self.buf[s..line_end].to_vec())))
    }

    /// A JSON value; None when the buffer holds no whole value yet.
    fn next_json(&mut self) -> Option<std::result::Result<Val, String>> {
        // Parse only up to the last newline (unless at the end), so that a number cut
        // off at the end of the buffer is never taken for a whole one.
        let limit = if self.eof {
            self.end
        } else {
            match memchr::memrchr(b'\n', &self.buf[self.start..self.end]) {
                Some(i) => self.start + i + 1,
                None => return None,
            }
        };
        let region = &self.buf[self.start..limit];
        let Some(skip) = region.iter().position(|b| !b.is_ascii_whitespace()) else {
            self.start = limit;
            return None;
        };
        let value_start = self.start + skip;
        match json::parse_prefix(&self.buf[value_start..limit]) {
            Prefix::Value(v, used) => {
                self.value_line = self.line_at(value_start);
                self.start = value_start + used;
                Some(Ok(v))
            }
            Prefix::Empty => {
                self.start = limit;
                None
            }
            Prefix::Incomplete if !self.eof => None,
            Prefix::Incomplete => {
                let line = self.line_at(value_start);
                self.start = self.end;
                Some(Err(format!(
                    "{}: not JSON: the input ends inside a value",
                    self.at(line)
                )))
            }
            Prefix::Invalid(message) => {
                let line = self.line_at(value_start);
                // Resume at the line after the one the bad value starts on.
                self.start = match memchr::memchr(b'\n', &self.buf[value_start..self.end]) {
                    Some(i) => value_start + i + 1,
                    None => self.end,
                };
                Some(Err(format!("{}: not JSON: {message}", self.at(line))))
            }
        }
    }

    /// Everything left, as one string (`-R -s`).
    fn slurp_text(&mut self) -> io::Result<Vec<u8>> {
        let mut all = Vec::new();
        loop {
            all.extend_from_slice(&self.buf[self.start..self.end]);
            self.start = self.end;
            if self.eof {
                if !self.open_next() {
                    break;
                }
                continue;
            }
            self.fill();
        }
        match self.failure.take() {
            Some(e) => Err(io::Error::other(e)),
            None => Ok(all),
        }
    }
}

/// Waits up to 100 ms for stdin to become readable, so that a Ctrl-C is noticed even
/// when no input arrives.
fn wait_readable() -> bool {
    let mut pfd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, count 1.
    let n = unsafe { libc::poll(&mut pfd, 1, 100) };
    n != 0
}
