//! Reading records from stdin or files: large reads split on a delimiter with `memchr`,
//! each record handed out as a borrowed slice together with where it came from (file and
//! line number), so every error can point at its line. Waiting on a pipe or a terminal
//! wakes every 100 ms, so a Ctrl-C is noticed even when no input arrives.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::path::PathBuf;

const CHUNK: usize = 1 << 20;

/// Where a record came from, for messages.
#[derive(Debug, Clone)]
pub struct Position<'a> {
    pub source: &'a str,
    pub line: u64,
}

impl std::fmt::Display for Position<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.source == "-" {
            write!(f, "line {}", self.line)
        } else {
            write!(f, "{}: line {}", self.source, self.line)
        }
    }
}

/// Records from a list of sources (`-` is stdin), separated by one delimiter byte.
pub struct Reader {
    sources: Vec<PathBuf>,
    next_source: usize,
    current: Option<Box<dyn Read>>,
    current_fd: Option<i32>,
    current_name: String,
    delimiter: u8,
    buf: Vec<u8>,
    /// Unconsumed bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    line: u64,
}

/// What `Reader::next` found.
pub enum Next<'a> {
    Record(&'a [u8], Position<'a>),
    /// Nothing arrived within the wait; ask again (and check for signals).
    Idle,
    End,
}

impl Reader {
    pub fn new(files: &[PathBuf], delimiter: u8) -> Self {
        let sources = if files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            files.to_vec()
        };
        Reader {
            sources,
            next_source: 0,
            current: None,
            current_fd: None,
            current_name: String::new(),
            delimiter,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: true,
            line: 0,
        }
    }

    fn open_next(&mut self) -> io::Result<bool> {
        let Some(path) = self.sources.get(self.next_source) else {
            return Ok(false);
        };
        self.next_source += 1;
        self.line = 0;
        self.current_name = path.display().to_string();
        if path.as_os_str() == "-" {
            self.current_fd = Some(0);
            self.current = Some(Box::new(io::stdin()));
        } else {
            let file = File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            self.current_fd = Some(file.as_raw_fd());
            self.current = Some(Box::new(file));
        }
        self.eof = false;
        Ok(true)
    }

    /// Waits up to 100 ms for the current source to become readable.
    fn readable(&self) -> bool {
        let Some(fd) = self.current_fd else { return true };
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, count 1.
        let n = unsafe { libc::poll(&mut pfd, 1, 100) };
        n != 0
    }

    /// Whether `next_record` would have to wait for input: no whole record is buffered.
    /// (A batching caller hands over what it has before waiting.)
    pub fn would_block(&self) -> bool {
        !self.eof && memchr::memchr(self.delimiter, &self.buf[self.start..self.end]).is_none()
    }

    /// The next record, without its delimiter.
    pub fn next_record(&mut self) -> io::Result<Next<'_>> {
        loop {
            if let Some(i) = memchr::memchr(self.delimiter, &self.buf[self.start..self.end]) {
                let s = self.start;
                self.start += i + 1;
                self.line += 1;
                return Ok(Next::Record(
                    &self.buf[s..s + i],
                    Position {
                        source: &self.current_name,
                        line: self.line,
                    },
                ));
            }
            if self.eof {
                if self.start < self.end {
                    // The last record of a source has no delimiter after it.
                    let s = self.start;
                    let e = self.end;
                    self.start = e;
                    self.line += 1;
                    return Ok(Next::Record(
                        &self.buf[s..e],
                        Position {
                            source: &self.current_name,
                            line: self.line,
                        },
                    ));
                }
                self.start = 0;
                self.end = 0;
                if !self.open_next()? {
                    return Ok(Next::End);
                }
                continue;
            }
            // Move the partial record to the front, grow if it fills the buffer.
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.end == self.buf.len() {
                self.buf.resize(self.buf.len() * 2, 0);
            }
            if !self.readable() {
                return Ok(Next::Idle);
            }
            let Some(reader) = self.current.as_mut() else {
                self.eof = true;
                continue;
            };
            match reader.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    self.current = None;
                    self.current_fd = None;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Next::Idle),
                Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", self.current_name))),
            }
        }
    }
}

/// Parses a delimiter flag: one byte, or one of the escapes `\n`, `\t`, `\0`, `\r`.
pub fn parse_delimiter(flag: &str, text: Option<&str>) -> Result<u8, String> {
    let Some(t) = text else { return Ok(b'\n') };
    match t {
        "\\n" | "\n" => Ok(b'\n'),
        "\\t" | "\t" => Ok(b'\t'),
        "\\0" | "\0" => Ok(0),
        "\\r" | "\r" => Ok(b'\r'),
        _ if t.len() == 1 => Ok(t.as_bytes()[0]),
        _ => Err(format!("{flag}: '{t}' is not one byte (or \\n, \\t, \\0, \\r)")),
    }
}

/// Unescapes a multi-byte separator such as `-K '::'` or `-K '\t'`.
pub fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.bytes().peekable();
    while let Some(b) = chars.next() {
        if b == b'\\' {
            match chars.peek() {
                Some(b'n') => out.push(b'\n'),
                Some(b't') => out.push(b'\t'),
                Some(b'0') => out.push(0),
                Some(b'r') => out.push(b'\r'),
                Some(b'\\') => out.push(b'\\'),
                _ => {
                    out.push(b'\\');
                    continue;
                }
            }
            chars.next();
        } else {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn records(text: &[u8], delim: u8) -> Vec<(Vec<u8>, u64)> {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(text).expect("write");
        let mut r = Reader::new(&[f.path().to_path_buf()], delim);
        let mut out = Vec::new();
        loop {
            match r.next_record().expect("read") {
                Next::Record(b, p) => out.push((b.to_vec(), p.line)),
                Next::Idle => {}
                Next::End => break,
            }
        }
        out
    }

    #[test]
    fn splits_with_line_numbers() {
        assert_eq!(
            records(b"a\nbb\n\nc", b'\n'),
            vec![
                (b"a".to_vec(), 1),
                (b"bb".to_vec(), 2),
                (b"".to_vec(), 3),
                (b"c".to_vec(), 4)
            ]
        );
        assert_eq!(records(b"a\0b\0", 0), vec![(b"a".to_vec(), 1), (b"b".to_vec(), 2)]);
        assert!(records(b"", b'\n').is_empty());
    }

    #[test]
    fn long_records_grow_the_buffer() {
        let big = vec![b'x'; CHUNK * 3 + 17];
        let mut text = big.clone();
        text.push(b'\n');
        text.extend_from_slice(b"tail");
        let r = records(&text, b'\n');
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].0, big);
        assert_eq!(r[1].0, b"tail");
    }

    #[test]
    fn delimiters() {
        assert_eq!(parse_delimiter("-D", None), Ok(b'\n'));
        assert_eq!(parse_delimiter("-D", Some("\\0")), Ok(0));
        assert_eq!(parse_delimiter("-D", Some(",")), Ok(b','));
        assert!(parse_delimiter("-D", Some("ab")).is_err());
        assert_eq!(unescape("a\\tb\\\\"), b"a\tb\\");
    }
}
