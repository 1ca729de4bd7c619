//! How a record consume has decided to show reaches the output buffer: `--format`, and
//! with `--filter` the filter over what `--format` shows, each output one record out.
//! Counts what was written (for `-n`) and what the filter could not process.
//!
//! The filter reads the record's bytes as they came where `--format` shows them as they
//! are (`-f value`, `-f key`: no copy, no rendering); the envelope (`-f json`) and
//! templates are written by the codec or the template into a scratch buffer first,
//! which the fast path then reads without building values.

use crate::cli::OnError;
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
        }
    }

    /// Records the filter could not process.
    pub fn filter_errors(&self) -> u64 {
        self.filter.as_ref().map_or(0, |f| f.errors)
    }

    /// Whether an error of the filter is reported on stderr and the run goes on.
    pub fn reports_errors(&self) -> bool {
        self.filter.as_ref().is_some_and(|f| f.on_error == OnError::Stderr)
    }

    /// Writes one record to `out`. False when `--on-error fail` stops the run at this
    /// record, which is then neither written nor committed.
    pub fn write<'h>(
        &mut self,
        out: &mut Vec<u8>,
        view: &View<'_>,
        headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    ) -> bool {
        let Some(filtering) = &mut self.filter else {
            self.format.render(out, view, headers);
            out.push(self.delimiter);
            self.records += 1;
            return true;
        };
        let input: &[u8] = match self.format {
            Format::Value => view.value.unwrap_or_default(),
            Format::Key => view.key.unwrap_or_default(),
            Format::Json | Format::Template(_) => {
                self.scratch.clear();
                self.format.render(&mut self.scratch, view, headers);
                &self.scratch
            }
        };
        let at = At {
            topic: view.topic,
            partition: view.partition,
            offset: view.offset,
        };
        if self.count.is_some_and(|n| self.records >= n) {
            return true;
        }
        filtering.run(out, input, &at, &mut self.records, self.count, self.delimiter)
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
