//! JSON values (or, with `-R`, lines) read from files or stdin for the stream engine,
//! with the line each one starts on. Input is read in large chunks and each value is
//! parsed straight from the buffer; line numbers are counted only as far as needed, so
//! every error can name its line without slowing the common case. An input that is
//! not JSON is reported and reading resumes at the next line.

use std::fs::File;
use std::io::{self, Read};

use jaq_json::Val;

use super::fast;
use super::json::{self, Prefix};
use crate::interrupt;

const CHUNK: usize = 1 << 20;

/// What `Values::take_chunk` found.
pub(super) enum Taken {
    Chunk(Vec<u8>, u64),
    /// The current file is all taken; there are more.
    FileEnd,
    End,
}

/// JSON values (or lines) from a list of files or stdin, with the line each one starts on.
pub(super) struct Values {
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
    pub(super) failure: Option<String>,
}

impl Values {
    pub(super) fn new(files: Vec<String>, raw: bool) -> Values {
        let show_names = !files.is_empty();
        let files = if files.is_empty() { vec!["-".to_string()] } else { files };
        Values {
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
    pub(super) fn position(&self) -> String {
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
    pub(super) fn open_next(&mut self) -> bool {
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
    pub(super) fn next_value(&mut self) -> Option<std::result::Result<Val, String>> {
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
    pub(super) fn prefix(&self) -> String {
        if self.show_names && self.name != "-" {
            format!("{}: ", self.name)
        } else {
            String::new()
        }
    }

    /// The next piece of whole lines of the current file, about `size` bytes, and the
    /// line it starts on.
    pub(super) fn take_chunk(&mut self, size: usize) -> Taken {
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
    pub(super) fn rewind(&mut self, bytes: Vec<u8>, line: u64) {
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
    pub(super) fn try_fast(
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
    pub(super) fn slurp_text(&mut self) -> io::Result<Vec<u8>> {
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
