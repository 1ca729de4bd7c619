//! The stream engine behind `eddy filter`: values read from files or stdin (see
//! `values`), a filter run on each, its outputs written as jq writes them, on two
//! worker threads where the input allows (see `parallel`). It knows nothing of flags:
//! the command hands it a compiled filter, its spec (for the workers) and `Options`.
//! What happens to an input that is not JSON, or that the filter fails on, is
//! `OnError`. Output goes through one large buffer; a closed pipe ends quietly.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

use jaq_json::Val;

use super::jv::Jv;
use jaq_std::input::RcIter;

use super::json::{self, Style};
use super::projection::Mode;
use super::values::{Taken, Values};
use super::{Filter, FilterSpec, Flow, RunError};
use super::{fast, parallel};
use crate::error::{Error, Outcome, Result};
use crate::interrupt;
use crate::output::{Stdout, Written};

/// What to do with an input that is not JSON, or that the filter fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Stop before it; the run ends with `Outcome::InputErrors`.
    Fail,
    /// Go on quietly (counted on stderr when `verbose`).
    Skip,
    /// Report it on stderr and go on; the run ends with `Outcome::InputErrors`.
    Stderr,
}

/// How a stream is read and written: jq's options, as plain values.
#[derive(Debug, Clone)]
pub struct Options {
    pub style: Style,
    /// Strings as their text, not as JSON (`-r`, `-j`).
    pub raw_output: bool,
    /// A newline after each output (not with `-j`).
    pub newline: bool,
    /// Each line is a string input (`-R`).
    pub raw_input: bool,
    /// All inputs as one array, or with `raw_input` one string (`-s`).
    pub slurp: bool,
    /// The filter runs once on `null`; the inputs are there for `input`/`inputs` (`-n`).
    pub null_input: bool,
    pub on_error: OnError,
    /// The exit status follows the last output (`-e`).
    pub exit_status: bool,
    pub verbose: bool,
}

/// Runs `filter` (compiled from `spec`, which the workers compile again) over the values
/// in `files` (stdin when empty; `-` is stdin), writing to stdout.
pub fn run(filter: &Filter, spec: &FilterSpec, files: Vec<String>, options: &Options) -> Result<Outcome> {
    let mut run = Emitter {
        style: options.style.clone(),
        raw: options.raw_output,
        newline: options.newline,
        policy: options.on_error,
        verbose: options.verbose,
        out: Stdout::new(),
        last_truthy: None,
        errors: 0,
        stop: None,
    };
    // A pipe or a terminal may pause: the parallel engine then writes what it has.
    let live = !all_regular_files(&files);
    let source = Rc::new(RefCell::new(Values::new(files, options.raw_input)));
    if !options.raw_input {
        let mode = match (options.slurp, options.null_input) {
            (true, true) => Mode::SlurpNull,
            (true, false) => Mode::Slurp,
            (false, true) => Mode::Null,
            (false, false) => Mode::Each,
        };
        source.borrow_mut().project(filter.projection(mode));
    }
    if options.slurp {
        slurp(&mut run, filter, &mut source.borrow_mut(), options)?;
        return Ok(run.finish(options.exit_status));
    }
    let pull = {
        let source = Rc::clone(&source);
        move || {
            let next = source.borrow_mut().next_value();
            next.map(|r| r.map(Jv).map_err(|e| e.to_string()))
        }
    };
    let inputs = RcIter::new(std::iter::from_fn(pull));
    if options.null_input {
        run.one(filter, &inputs, Val::Null, "the null input");
        return Ok(run.finish(options.exit_status));
    }
    if !options.raw_input && filter.is_stateless() {
        run_parallel(&mut run, &mut source.borrow_mut(), spec, live);
        if run.stop.is_some() {
            return Ok(run.finish(options.exit_status));
        }
    }
    sequential(&mut run, filter, &source, &inputs, options.raw_input);
    if let Some(e) = source.borrow_mut().failure.take() {
        let _ = run.out.flush();
        return Err(Error::runtime(e));
    }
    Ok(run.finish(options.exit_status))
}

/// `-s`: all inputs as one value (an array, or with `-R` one string), then the filter once.
fn slurp(run: &mut Emitter, filter: &Filter, source: &mut Values, options: &Options) -> Result<()> {
    let whole = if options.raw_input {
        source.slurp_text().map(Val::utf8_str)
    } else {
        let mut all = Vec::new();
        loop {
            match source.next_value() {
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
        if options.null_input {
            let inputs = RcIter::new(std::iter::once(Ok(Jv(whole))));
            run.one(filter, &inputs, Val::Null, "the input");
        } else {
            let inputs = RcIter::new(std::iter::empty());
            run.one(filter, &inputs, whole, "the input");
        }
    }
    Ok(())
}

type Inputs<'a> = RcIter<dyn Iterator<Item = std::result::Result<Jv, String>> + 'a>;

/// One value after another to the end (or a stop), by the fast path where it can.
fn sequential(run: &mut Emitter, filter: &Filter, source: &RefCell<Values>, inputs: &Inputs<'_>, raw_input: bool) {
    // The fast path writes compact output only; it never reads `input`/`inputs`.
    let fast = filter.plan.as_ref().filter(|_| run.style.is_compact() && !raw_input);
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
        if source.borrow().would_wait() {
            // A pipe paused: what is written so far goes out before reading waits.
            if run.out.flush() == Written::Closed {
                run.stop = Some(Outcome::Success);
                break;
            }
        }
        let next = { inputs }.next();
        match next {
            None => break,
            Some(Ok(v)) => {
                let at = source.borrow().position();
                run.one(filter, inputs, v.0, &at);
            }
            Some(Err(e)) => run.input_error(&e),
        }
        if run.stop.is_some() {
            break;
        }
    }
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
/// spans lines, from where the sequential loop goes on. A `live` input (a pipe) that
/// pauses stalls the reading: then every chunk sent is waited for, written in order
/// and flushed before reading goes on, so output keeps up with a slow writer.
fn run_parallel(run: &mut Emitter, source: &mut Values, spec: &FilterSpec, live: bool) {
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
    let hand_back = |source: &mut Values, held: &mut VecDeque<(Arc<Vec<u8>>, u64)>, skip: usize| {
        let Some((first, line)) = held.pop_front() else { return };
        let mut rest = first[skip..].to_vec();
        for (b, _) in held.drain(..) {
            rest.extend_from_slice(&b);
        }
        source.rewind(rest, line);
    };
    let mut seq = 0u64;
    let mut input_done = false;
    let mut stalled = false;
    loop {
        if let Some(s) = interrupt::requested() {
            run.stop = Some(Outcome::Interrupted(s));
            return;
        }
        while !input_done && !stalled && held.len() < parallel::IN_FLIGHT {
            match source.take_chunk(parallel::CHUNK, live) {
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
                Taken::Idle => stalled = true,
            }
        }
        if stalled && held.is_empty() {
            // Everything read so far is written: out with it while the input waits.
            stalled = false;
            if run.out.flush() == Written::Closed {
                run.stop = Some(Outcome::Success);
                return;
            }
            continue;
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
struct Emitter {
    style: Style,
    raw: bool,
    newline: bool,
    policy: OnError,
    verbose: bool,
    out: Stdout,
    /// Whether the last output was neither false nor null (for `-e`).
    last_truthy: Option<bool>,
    /// Inputs that could not be processed.
    errors: u64,
    /// Set when the run must end early, with how it ends.
    stop: Option<Outcome>,
}

impl Emitter {
    /// Runs the filter on one input, writing its outputs.
    fn one(&mut self, filter: &Filter, inputs: &Inputs<'_>, input: Val, at: &str) {
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

    fn finish(mut self, exit_status: bool) -> Outcome {
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
                    if self.verbose {
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
