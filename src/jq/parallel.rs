//! `eddy filter` on both cores. Input files are cut into chunks of whole lines; two
//! worker threads (each with its own compiled filter: jaq's values cannot cross threads)
//! run the filter on every value of a chunk and give back its output bytes and its
//! errors (with the output position each error follows); the main thread reads the
//! chunks, puts results back in order and writes them, so output, errors, `-e` and
//! `--on-error fail` behave exactly as on one core.
//!
//! Workers treat each line as holding whole values (JSON lines, the usual case). A value
//! that goes on past its line cannot be handled that way: the worker says where, results
//! from later chunks are dropped, and the caller goes on from that line with the
//! sequential reader, which handles values of any shape.
//!
//! Used only for filters that cannot tell the difference: no `input`/`inputs` (they
//! read the shared stream), no `debug`/`stderr` (their lines would interleave
//! differently), no `halt`, no `$__loc__`, none of the generator's random helpers.
//! Files and pipes alike: a pipe may pause, so its chunks are cut at whatever whole
//! lines have come when it does, and the main thread writes out every finished result
//! before it waits for more input (see `stream::run_parallel`).

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use jaq_std::input::RcIter;

use super::fast::{Plan, Scan};
use super::json::{self, Prefix, Style};
use super::projection::Mode;
use super::source::Analysis;
use super::{Filter, FilterSpec, Flow, RunError};

/// Bytes of input per chunk: large enough to amortise the hand-over, small enough that
/// both workers stay busy and memory stays flat.
pub(super) const CHUNK: usize = 256 << 10;

/// Chunks in flight at most (read, being filtered, or waiting to be written).
pub(super) const IN_FLIGHT: usize = 8;

/// Names that make a filter depend on the order or place it runs in (besides the random
/// helpers, whose names come from `random::funs`).
const SEQUENTIAL_ONLY: [&str; 11] = [
    "input",
    "inputs",
    "debug",
    "stderr",
    "halt",
    "halt_error",
    "input_filename",
    "input_line_number",
    "__loc__",
    "now",
    "$__prog_args",
];

/// Whether running a filter on chunks in any order (with results put back in order)
/// gives what running it on one value after another gives: it calls nothing that reads
/// other inputs, prints, stops, reads the clock or draws random numbers.
pub(super) fn stateless(analysis: &Analysis) -> bool {
    let random = super::random::funs();
    !analysis
        .calls
        .iter()
        .any(|w| SEQUENTIAL_ONLY.contains(&w.as_str()) || random.iter().any(|f| f.0 == w))
}

/// How outputs are written: what `Run::emit` does on the main thread.
#[derive(Clone)]
pub(super) struct Writing {
    pub style: Style,
    pub raw: bool,
    pub newline: bool,
}

/// A piece of input: whole lines of one file.
pub(super) struct Chunk {
    pub seq: u64,
    pub bytes: Arc<Vec<u8>>,
    /// The line the chunk starts on, and how positions are named ("FILE: " or "").
    pub first_line: u64,
    pub prefix: String,
}

/// What a worker made of a chunk.
pub(super) struct Done {
    pub seq: u64,
    pub out: Vec<u8>,
    /// Each error, after `out[..n]` was written.
    pub errors: Vec<(usize, String)>,
    pub last_truthy: Option<bool>,
    /// A value went on past its line: the results stop at `out_len`, and the rest of
    /// the chunk from byte `at` (on line `line`) is for the sequential reader.
    pub fallback: Option<Fallback>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Fallback {
    pub at: usize,
    pub line: u64,
}

/// Starts `n` workers; each compiles its own filter from `spec` (the caller compiled it
/// once already, so this does not fail; a worker that could not would end, and its
/// chunks with it). Returns where to send chunks and where results come back.
pub(super) fn start(n: usize, spec: &FilterSpec, writing: Writing) -> (SyncSender<Chunk>, Receiver<Done>) {
    let (chunks_tx, chunks_rx) = sync_channel::<Chunk>(IN_FLIGHT);
    let (done_tx, done_rx) = sync_channel::<Done>(IN_FLIGHT);
    let chunks_rx = Arc::new(Mutex::new(chunks_rx));
    for i in 0..n {
        let chunks_rx = Arc::clone(&chunks_rx);
        let done_tx = done_tx.clone();
        let spec = spec.clone();
        let writing = writing.clone();
        let spawned = std::thread::Builder::new().name(format!("filter-{i}")).spawn(move || {
            let Ok(filter) = spec.compile() else { return };
            let mut scan = Scan::default();
            loop {
                let next = match chunks_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(chunk) = next else { return };
                let done = process(&filter, &mut scan, &writing, &chunk);
                if done_tx.send(done).is_err() {
                    return;
                }
            }
        });
        // Without a worker the results never come; the caller sees the channel close.
        drop(spawned);
    }
    (chunks_tx, done_rx)
}

/// Runs the filter on every value of a chunk.
fn process(filter: &Filter, scan: &mut Scan, w: &Writing, chunk: &Chunk) -> Done {
    let b = &chunk.bytes[..];
    let fast: Option<&Plan> = filter.plan.as_ref().filter(|_| w.style.is_compact());
    let projection = filter.projection(Mode::Each);
    let none = RcIter::new(core::iter::empty());
    let mut done = Done {
        seq: chunk.seq,
        out: Vec::with_capacity(b.len()),
        errors: Vec::new(),
        last_truthy: None,
        fallback: None,
    };
    let mut line = chunk.first_line;
    let mut pos = 0;
    while pos < b.len() {
        let line_end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        let here = &b[..line_end];
        // What this line wrote so far, to take back if it must go to the reader.
        let (out_mark, errors_mark, truthy_mark) = (done.out.len(), done.errors.len(), done.last_truthy);
        let mut i = pos;
        loop {
            while i < line_end && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= line_end {
                break;
            }
            if let Some(plan) = fast {
                if scan.object_at(here, i).is_ok() {
                    if let Ok(output) = plan.run(here, scan, w.raw, &mut done.out) {
                        if let Some(truthy) = output {
                            done.last_truthy = Some(truthy);
                            if w.newline {
                                done.out.push(b'\n');
                            }
                        }
                        i = scan.end();
                        continue;
                    }
                }
            }
            match json::parse_prefix_projected(&here[i..], projection.as_ref()) {
                Prefix::Value(v, used) => {
                    i += used;
                    let mark = done.out.len();
                    let result = filter.run_val(&none, v, &mut |v| {
                        done.last_truthy = Some(!matches!(v, jaq_json::Val::Null | jaq_json::Val::Bool(false)));
                        write_value(&mut done.out, &v, w);
                        Flow::Continue
                    });
                    match result {
                        Ok(_) => {}
                        Err(RunError::Halt(_)) => {
                            // Not expected (see `stateless`); the reader does it right.
                            done.out.truncate(mark);
                            return fall_back(done, pos, line, out_mark, errors_mark, truthy_mark);
                        }
                        Err(e) => done
                            .errors
                            .push((done.out.len(), format!("{}line {line}: {e}", chunk.prefix))),
                    }
                }
                Prefix::Empty => break,
                Prefix::Incomplete => return fall_back(done, pos, line, out_mark, errors_mark, truthy_mark),
                Prefix::Invalid(message) => {
                    // As the reader does: report, and go on at the next line.
                    done.errors.push((
                        done.out.len(),
                        format!("{}line {line}: not JSON: {message}", chunk.prefix),
                    ));
                    break;
                }
            }
        }
        line += 1;
        pos = line_end + 1;
    }
    done
}

fn fall_back(
    mut done: Done,
    at: usize,
    line: u64,
    out_mark: usize,
    errors_mark: usize,
    truthy_mark: Option<bool>,
) -> Done {
    done.out.truncate(out_mark);
    done.errors.truncate(errors_mark);
    done.last_truthy = truthy_mark;
    done.fallback = Some(Fallback { at, line });
    done
}

/// One output as `Run::emit` writes it.
pub(super) fn write_value(out: &mut Vec<u8>, v: &jaq_json::Val, w: &Writing) {
    match v {
        jaq_json::Val::TStr(s) | jaq_json::Val::BStr(s) if w.raw => out.extend_from_slice(s),
        _ => json::write_styled(out, v, &w.style, 0),
    }
    if w.newline {
        out.push(b'\n');
    }
}

/// Puts results back in the order their chunks were read.
#[derive(Default)]
pub(super) struct Reorder {
    next: u64,
    waiting: BTreeMap<u64, Done>,
}

impl Reorder {
    pub fn push(&mut self, done: Done) {
        self.waiting.insert(done.seq, done);
    }

    /// The next result in order, if it is there.
    pub fn pop(&mut self) -> Option<Done> {
        let done = self.waiting.remove(&self.next)?;
        self.next += 1;
        Some(done)
    }
}

#[cfg(test)]
mod tests {
    fn stateless(code: &str) -> bool {
        super::stateless(&super::super::source::analyse(code))
    }

    #[test]
    fn stateful_filters_stay_on_one_core() {
        assert!(stateless("select(.amount > 500) | {id, user}"));
        assert!(stateless(".input | .name | .now"));
        assert!(stateless("map(.x) | add"));
        assert!(stateless("{name, id}"));
        assert!(stateless("{id, name: .n}"));
        assert!(!stateless("{id: name}"));
        assert!(!stateless("[1, name, 2]"));
        assert!(!stateless("[., input]"));
        assert!(!stateless("inputs"));
        assert!(!stateless("debug"));
        assert!(!stateless(". as $x | $__loc__"));
        assert!(!stateless("{id: uuid}"));
        assert!(!stateless("halt_error(1)"));
        // tests/cli/filter.rs keeps a filter on one core this way.
        assert!(!stateless("def one_core: input; .a"));
    }
}
