//! How a record consume has decided to show reaches the output buffer: `--format`, and
//! with `--filter` the filter over what `--format` shows, each output one record out.
//! Counts what was written (for `-n`) and what the filter could not process.
//!
//! The filter reads the record's bytes as they came where `--format` shows them as they
//! are (`-f value`, `-f key`: no copy, no rendering); the envelope (`-f json`) and
//! templates are written by the codec or the template into a scratch buffer first,
//! which the fast path then reads without building values. With schemas (`--decode`,
//! a registry, `--schema`) keys and values are decoded first, and what the filter and
//! the reader see is the decoded JSON.

use crate::cli::{OnDecodeError, OnError};
use crate::codec::decode::Decoders;
use crate::error::{self, Error};
use crate::jq::{Filter, Flow, RunError, Scan};
use crate::output::Format;
use crate::record::View;

pub(super) struct Render {
    pub format: Format,
    pub delimiter: u8,
    filter: Option<Filtering>,
    /// `-n`: no more records are written once this many were.
    count: Option<u64>,
    /// What --format renders, for the filter to read.
    scratch: Vec<u8>,
    /// Records written (filter outputs, with a filter).
    pub records: u64,
    decoding: Option<Decoding>,
}

/// The schema decoders and what their failures come to.
struct Decoding {
    decoders: Decoders,
    policy: OnDecodeError,
    /// Keys and values that named a schema they did not fit.
    errors: u64,
}

/// What became of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Wrote {
    /// Written (or dropped by the filter): go on.
    Ok,
    /// `--on-error fail` or `--on-decode-error fail` stopped the run before it.
    Stopped,
    /// The run cannot go on (the registry cannot be asked): why.
    Fatal(String),
}

/// The filter and what running it needs and counts.
struct Filtering {
    filter: Filter,
    raw_output: bool,
    on_error: OnError,
    /// The fast path's scratch space.
    scan: Scan,
    /// Records the filter could not process.
    errors: u64,
}

/// Where a record came from, for the filter's error messages.
struct At<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
}

impl Render {
    pub fn new(
        format: Format,
        delimiter: u8,
        filter: Option<Filter>,
        raw_output: bool,
        on_error: OnError,
        count: Option<u64>,
    ) -> Self {
        Render {
            format,
            delimiter,
            filter: filter.map(|filter| Filtering {
                filter,
                raw_output,
                on_error,
                scan: Scan::default(),
                errors: 0,
            }),
            count,
            scratch: Vec::new(),
            records: 0,
            decoding: None,
        }
    }

    /// Decodes keys and values with `decoders` (when any side is on) before they are shown.
    pub fn decode_with(&mut self, decoders: Decoders, policy: OnDecodeError) {
        if decoders.is_on() {
            self.decoding = Some(Decoding {
                decoders,
                policy,
                errors: 0,
            });
        }
    }

    /// Whether headers are needed: for the format, or to find schemas in them.
    pub fn uses_headers(&self) -> bool {
        self.decoding.is_some() || self.format.uses_headers()
    }

    /// Keys and values that named a schema they did not fit.
    pub fn decode_errors(&self) -> u64 {
        self.decoding.as_ref().map_or(0, |d| d.errors)
    }

    /// Records the filter could not process.
    pub fn filter_errors(&self) -> u64 {
        self.filter.as_ref().map_or(0, |f| f.errors)
    }

    /// Whether an error of the filter is reported on stderr and the run goes on.
    pub fn reports_errors(&self) -> bool {
        self.filter.as_ref().is_some_and(|f| f.on_error == OnError::Stderr)
    }

    /// Writes one record to `out` (`headers` gives its headers as often as asked).
    pub fn write<'h, H>(&mut self, out: &mut Vec<u8>, view: &View<'_>, headers: impl Fn() -> H) -> Wrote
    where
        H: Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    {
        let at = At {
            topic: view.topic,
            partition: view.partition,
            offset: view.offset,
        };
        let start = out.len();
        let Some(filtering) = &mut self.filter else {
            match &mut self.decoding {
                None => self.format.render(out, view, headers()),
                Some(d) => {
                    if let Some(stop) = d.render(&self.format, out, view, headers, &at) {
                        out.truncate(start);
                        return stop;
                    }
                }
            }
            out.push(self.delimiter);
            self.records += 1;
            return Wrote::Ok;
        };
        let input: &[u8] = match (&self.format, &mut self.decoding) {
            (Format::Value, None) => view.value.unwrap_or_default(),
            (Format::Key, None) => view.key.unwrap_or_default(),
            (_, None) => {
                self.scratch.clear();
                self.format.render(&mut self.scratch, view, headers());
                &self.scratch
            }
            (_, Some(d)) => {
                self.scratch.clear();
                if let Some(stop) = d.render(&self.format, &mut self.scratch, view, headers, &at) {
                    return stop;
                }
                &self.scratch
            }
        };
        if self.count.is_some_and(|n| self.records >= n) {
            return Wrote::Ok;
        }
        if filtering.run(out, input, &at, &mut self.records, self.count, self.delimiter) {
            Wrote::Ok
        } else {
            Wrote::Stopped
        }
    }
}

impl Decoding {
    /// Renders one record decoded; `Some` when the run stops here.
    fn render<'h, H>(
        &mut self,
        format: &Format,
        out: &mut Vec<u8>,
        view: &View<'_>,
        headers: impl Fn() -> H,
        at: &At<'_>,
    ) -> Option<Wrote>
    where
        H: Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    {
        let failed = match format.render_decoded(out, view, headers, &mut self.decoders) {
            Ok(failed) => failed,
            Err(fatal) => return Some(Wrote::Fatal(fatal.0)),
        };
        for (side, why) in failed {
            self.errors += 1;
            let error = Error::input(
                format!("{}:{}@{}: {}", at.topic, at.partition, at.offset, side.name()),
                why,
            );
            match self.policy {
                OnDecodeError::Fail => {
                    error::report(&error, Some("stopped before this record (--on-decode-error fail)"));
                    return Some(Wrote::Stopped);
                }
                // The envelope carries the reason itself; other formats write the bytes
                // as they are, so the reader is told here.
                OnDecodeError::Report if !matches!(format, Format::Json) => error::report(&error, None),
                OnDecodeError::Report => {}
            }
        }
        None
    }
}

impl Filtering {
    /// Runs the filter on `input`: each output is one record written.
    fn run(
        &mut self,
        out: &mut Vec<u8>,
        input: &[u8],
        at: &At<'_>,
        records: &mut u64,
        count: Option<u64>,
        delimiter: u8,
    ) -> bool {
        // An empty rendering (a null value) is no input at all, as for jq.
        if input.trim_ascii().is_empty() {
            return true;
        }
        let raw = self.raw_output;
        if let Some(output) = self.filter.try_fast(input, &mut self.scan, raw, out) {
            if output.is_some() {
                out.push(delimiter);
                *records += 1;
            }
            return true;
        }
        let result = self.filter.run_bytes(input, |v| {
            if count.is_some_and(|n| *records >= n) {
                return Flow::Stop;
            }
            if raw {
                v.write_text(out)
            } else {
                v.write_json(out)
            }
            out.push(delimiter);
            *records += 1;
            Flow::Continue
        });
        let why = match result {
            Ok(_) => return true,
            Err(RunError::Halt(code)) => format!("the filter halted (exit code {code})"),
            Err(e) => e.to_string(),
        };
        self.errors += 1;
        let error = Error::input(format!("{}:{}@{}", at.topic, at.partition, at.offset), why);
        match self.on_error {
            OnError::Skip => true,
            OnError::Stderr => {
                error::report(&error, None);
                true
            }
            OnError::Fail => {
                error::report(&error, Some("stopped before this record (--on-error fail)"));
                false
            }
        }
    }
}
