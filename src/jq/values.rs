//! JSON values (or, with `-R`, lines) read from files or stdin for the stream engine,
//! with the line each one starts on. Input comes from `input::Chunks`, the one chunked
//! reader, and each value is parsed straight from its buffer; line numbers are counted only as far as needed, so
//! every error can name its line without slowing the common case. An input that is
//! not JSON is reported and reading resumes at the next line.

use std::io;
use std::path::PathBuf;

use jaq_json::Val;

use super::fast;
use super::json::{self, Prefix};
use super::projection::Projection;
use crate::input::{Chunks, Fill};
use crate::interrupt;

/// What `Values::take_chunk` found.
pub(super) enum Taken {
    Chunk(Vec<u8>, u64),
    /// The current file is all taken; there are more.
    FileEnd,
    End,
    /// A live source sent nothing whole within the reader's wait (see `take_chunk`).
    Idle,
}

/// JSON values (or lines) from a list of files or stdin, with the line each one starts on.
pub(super) struct Values {
    input: Chunks,
    show_names: bool,
    raw: bool,
    /// Newlines of the current file before its offset `counted`.
    lines: u64,
    counted: u64,
    /// The line the last value started on.
    value_line: u64,
    /// An I/O error that ended the input.
    pub(super) failure: Option<String>,
    /// The fields of each object the filter reads (see `projection`); None: all.
    projection: Option<Projection>,
}

impl Values {
    pub(super) fn new(files: Vec<String>, raw: bool) -> Values {
        let show_names = !files.is_empty();
        let paths: Vec<PathBuf> = files.into_iter().map(PathBuf::from).collect();
        Values {
            input: Chunks::new(&paths),
            show_names,
            raw,
            lines: 0,
            counted: 0,
            value_line: 0,
            failure: None,
            projection: None,
        }
    }

    /// Reads of each object only the fields `projection` keeps.
    pub(super) fn project(&mut self, projection: Option<Projection>) {
        self.projection = projection;
    }

    /// "FILE: line N" (or "line N" for stdin) of the last value.
    pub(super) fn position(&self) -> String {
        self.at(self.value_line)
    }

    fn at(&self, line: u64) -> String {
        if self.show_names && self.input.name() != "-" {
            format!("{}: line {line}", self.input.name())
        } else {
            format!("line {line}")
        }
    }

    /// The 1-based line of `buf[pos]`, counting newlines up to it.
    fn line_at(&mut self, pos: usize) -> u64 {
        let at = self.input.offset_of(pos);
        if at > self.counted {
            let from = pos - (at - self.counted) as usize;
            self.lines += memchr::memchr_iter(b'\n', &self.input.buf[from..pos]).count() as u64;
            self.counted = at;
        }
        self.lines + 1
    }

    /// Opens the next file; false when there is none (or it cannot be opened: then the
    /// input ends, with `failure`).
    pub(super) fn open_next(&mut self) -> bool {
        self.lines = 0;
        self.counted = 0;
        self.input.open_next().unwrap_or_else(|e| {
            self.failure = Some(e.to_string());
            false
        })
    }

    /// Reads more into the buffer; false at the end of the current source (or when a
    /// signal asks us to stop while waiting on stdin).
    fn fill(&mut self) -> bool {
        loop {
            if let Some(read) = self.fill_once() {
                return read;
            }
        }
    }

    /// One read, as `fill`; None when nothing arrived within the reader's wait.
    fn fill_once(&mut self) -> Option<bool> {
        if self.input.start > 0 {
            // Count the lines the buffer is about to drop.
            self.line_at(self.input.start);
        }
        match self.input.fill() {
            Ok(Fill::Read) => Some(true),
            Ok(Fill::Ended) => Some(false),
            Ok(Fill::Idle) => {
                if interrupt::requested().is_some() {
                    self.input.eof = true;
                    return Some(false);
                }
                None
            }
            Err(e) => {
                self.failure = Some(e.to_string());
                Some(false)
            }
        }
    }

    /// Whether reading the next value may wait: the buffer holds no line with a value
    /// on it (only the end of the last one, perhaps) and the source has nothing to read
    /// at once (a pipe that paused).
    pub(super) fn would_wait(&self) -> bool {
        if self.input.eof {
            return false;
        }
        let region = &self.input.buf[self.input.start..self.input.end];
        let whole_line = match region.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => memchr::memchr(b'\n', &region[i..]).is_some(),
            None => false,
        };
        !whole_line && !self.input.ready()
    }

    /// The next value, or an error naming the line of an input that is not JSON.
    pub(super) fn next_value(&mut self) -> Option<std::result::Result<Val, String>> {
        loop {
            if self.input.start < self.input.end {
                let produced = if self.raw { self.next_line() } else { self.next_json() };
                if let Some(item) = produced {
                    return Some(item);
                }
            }
            if self.input.eof {
                if self.input.start < self.input.end && !self.raw {
                    // Only whitespace was left.
                    self.input.start = self.input.end;
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
    pub(super) fn prefix(&self) -> String {
        if self.show_names && self.input.name() != "-" {
            format!("{}: ", self.input.name())
        } else {
            String::new()
        }
    }

    /// The next piece of whole lines of the current file, about `size` bytes, and the
    /// line it starts on. With `live` (a pipe or a terminal, which may pause), the lines
    /// that are there are taken as soon as the source has nothing more to read at once,
    /// and `Taken::Idle` says that nothing whole arrived within the reader's wait, so
    /// that the caller can write what is finished instead of sitting on it.
    pub(super) fn take_chunk(&mut self, size: usize, live: bool) -> Taken {
        loop {
            if self.input.start < self.input.end {
                let cut = if self.input.eof {
                    Some(self.input.end)
                } else if self.input.end - self.input.start >= size
                    || self.input.end == self.input.buf.len()
                    || (live && !self.input.ready())
                {
                    memchr::memrchr(b'\n', &self.input.buf[self.input.start..self.input.end])
                        .map(|i| self.input.start + i + 1)
                } else {
                    None
                };
                if let Some(cut) = cut {
                    let first_line = self.line_at(self.input.start);
                    let bytes = self.input.buf[self.input.start..cut].to_vec();
                    self.input.start = cut;
                    return Taken::Chunk(bytes, first_line);
                }
            } else if self.input.eof {
                return if self.input.all_read() {
                    Taken::End
                } else {
                    Taken::FileEnd
                };
            }
            let read = if live { self.fill_once() } else { Some(self.fill()) };
            match read {
                None => return Taken::Idle,
                Some(false) if !self.input.eof => return Taken::End,
                Some(_) => {}
            }
        }
    }

    /// Puts `bytes` (starting on line `line`) back in front of what is still unread.
    pub(super) fn rewind(&mut self, bytes: Vec<u8>, line: u64) {
        self.input.unread(bytes);
        self.counted = 0;
        self.lines = line.saturating_sub(1);
    }

    /// The next value by the fast path: its output appended to `out` (and whether there
    /// was one, and whether it was truthy). None when the fast path cannot take the next
    /// value (not an object, not whole in the buffer yet, anything unusual): then
    /// `next_value` reads it and the interpreter runs, which also reports errors.
    pub(super) fn try_fast(
        &mut self,
        plan: &fast::Plan,
        scan: &mut fast::Scan,
        text: bool,
        out: &mut Vec<u8>,
    ) -> Option<Option<bool>> {
        let region = &self.input.buf[self.input.start..self.input.end];
        let skip = region.iter().position(|b| !b.is_ascii_whitespace())?;
        let at = self.input.start + skip;
        // Only up to the end of the data read so far: an object cut off there bails.
        scan.object_at(&self.input.buf[..self.input.end], at).ok()?;
        let output = plan.run(&self.input.buf[..self.input.end], scan, text, out).ok()?;
        self.input.start = scan.end();
        Some(output)
    }

    /// A line as a string (`-R`); None when the buffer holds no whole line yet.
    fn next_line(&mut self) -> Option<std::result::Result<Val, String>> {
        let s = self.input.start;
        let (line_end, next) = match memchr::memchr(b'\n', &self.input.buf[s..self.input.end]) {
            Some(i) => (s + i, s + i + 1),
            None if self.input.eof => (self.input.end, self.input.end),
            None => return None,
        };
        self.value_line = self.line_at(s);
        self.input.start = next;
        Some(Ok(Val::utf8_str(self.input.buf[s..line_end].to_vec())))
    }

    /// A JSON value; None when the buffer holds no whole value yet.
    fn next_json(&mut self) -> Option<std::result::Result<Val, String>> {
        // Parse only up to the last newline (unless at the end), so that a number cut
        // off at the end of the buffer is never taken for a whole one.
        let limit = if self.input.eof {
            self.input.end
        } else {
            match memchr::memrchr(b'\n', &self.input.buf[self.input.start..self.input.end]) {
                Some(i) => self.input.start + i + 1,
                None => return None,
            }
        };
        let region = &self.input.buf[self.input.start..limit];
        let Some(skip) = region.iter().position(|b| !b.is_ascii_whitespace()) else {
            self.input.start = limit;
            return None;
        };
        let value_start = self.input.start + skip;
        match json::parse_prefix_projected(&self.input.buf[value_start..limit], self.projection.as_ref()) {
            Prefix::Value(v, used) => {
                self.value_line = self.line_at(value_start);
                self.input.start = value_start + used;
                Some(Ok(v))
            }
            Prefix::Empty => {
                self.input.start = limit;
                None
            }
            Prefix::Incomplete if !self.input.eof => None,
            Prefix::Incomplete => {
                let line = self.line_at(value_start);
                self.input.start = self.input.end;
                Some(Err(format!(
                    "{}: not JSON: the input ends inside a value",
                    self.at(line)
                )))
            }
            Prefix::Invalid(message) => {
                let line = self.line_at(value_start);
                // Resume at the line after the one the bad value starts on.
                self.input.start = match memchr::memchr(b'\n', &self.input.buf[value_start..self.input.end]) {
                    Some(i) => value_start + i + 1,
                    None => self.input.end,
                };
                Some(Err(format!("{}: not JSON: {message}", self.at(line))))
            }
        }
    }

    /// Everything left, as one string (`-R -s`).
    pub(super) fn slurp_text(&mut self) -> io::Result<Vec<u8>> {
        let mut all = Vec::new();
        loop {
            all.extend_from_slice(&self.input.buf[self.input.start..self.input.end]);
            self.input.start = self.input.end;
            if self.input.eof {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_of(text: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(text).expect("write");
        f
    }

    /// Lines are counted across the buffer's refills and compactions (several chunks).
    #[test]
    fn line_numbers_survive_refills() {
        let mut text = b"{\"a\":1}\n\n".repeat(300_000);
        text.extend_from_slice(b"{\"bad\"\n{\"a\":2}\n");
        let f = file_of(&text);
        let name = f.path().display().to_string();
        let mut values = Values::new(vec![name.clone()], false);
        let mut good = 0;
        let error = loop {
            match values.next_value().expect("not at the end yet") {
                Ok(_) => good += 1,
                Err(e) => break e,
            }
        };
        assert_eq!(good, 300_000);
        assert!(error.starts_with(&format!("{name}: line 600001: not JSON")), "{error}");
        assert!(matches!(values.next_value(), Some(Ok(_))));
        assert_eq!(values.position(), format!("{name}: line 600002"));
        assert!(values.next_value().is_none());
    }

    /// What the parallel engine hands back is read again, with its own line numbers.
    #[test]
    fn chunks_and_rewind() {
        let f = file_of(b"1\n2\n3\n");
        let mut values = Values::new(vec![f.path().display().to_string()], false);
        assert!(values.open_next());
        let Taken::Chunk(bytes, line) = values.take_chunk(1, false) else {
            panic!("a chunk")
        };
        assert_eq!((bytes.as_slice(), line), (&b"1\n2\n3\n"[..], 1));
        values.rewind(bytes[2..].to_vec(), 2);
        assert!(matches!(values.next_value(), Some(Ok(_))));
        assert!(values.position().ends_with("line 2"), "{}", values.position());
        // The rest starts on line 2 still: the value ended before its newline.
        assert!(matches!(values.take_chunk(1, false), Taken::Chunk(ref b, 2) if b == b"\n3\n"));
        assert!(matches!(values.take_chunk(1, false), Taken::End));
    }
}
