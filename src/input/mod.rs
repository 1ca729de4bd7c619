//! Reading input from stdin or files. `Chunks` is the one chunked reader (large reads
//! into one buffer, source after source, waits that wake for Ctrl-C); `Reader` splits
//! it on a delimiter with `memchr` for produce and count, each record handed out as a
//! borrowed slice together with where it came from (file and line number), so every
//! error can point at its line. The filter engine parses JSON values straight from the
//! same `Chunks`. `JsonCheck` validates a JSON line without building it (produce).

mod chunks;
mod validate;

use std::io;
use std::path::PathBuf;

pub use chunks::{CHUNK, Chunks, Fill};
pub use validate::JsonCheck;

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
    chunks: Chunks,
    delimiter: u8,
    line: u64,
    /// `Next::Dry` was said since the last read: the next call waits.
    told_dry: bool,
}

/// What `Reader::next` found.
pub enum Next<'a> {
    Record(&'a [u8], Position<'a>),
    /// Nothing arrived within the wait; ask again (and check for signals).
    Idle,
    /// No whole record is buffered and the source has nothing to read at once: the
    /// next call waits for it. A caller that holds records back hands them over now.
    Dry,
    End,
}

impl Reader {
    pub fn new(files: &[PathBuf], delimiter: u8) -> Self {
        Reader {
            chunks: Chunks::new(files),
            delimiter,
            line: 0,
            told_dry: false,
        }
    }

    /// Whether `next_record` would have to wait for input: no whole record is buffered.
    /// (A batching caller hands over what it has before waiting.)
    pub fn would_block(&self) -> bool {
        let c = &self.chunks;
        !c.eof && memchr::memchr(self.delimiter, &c.buf[c.start..c.end]).is_none()
    }

    /// The next record, without its delimiter.
    pub fn next_record(&mut self) -> io::Result<Next<'_>> {
        loop {
            let c = &mut self.chunks;
            if let Some(i) = memchr::memchr(self.delimiter, &c.buf[c.start..c.end]) {
                let s = c.start;
                c.start += i + 1;
                return Ok(self.record(s, s + i));
            }
            if c.eof {
                if c.start < c.end {
                    // The last record of a source has no delimiter after it.
                    let (s, e) = (c.start, c.end);
                    c.start = e;
                    return Ok(self.record(s, e));
                }
                if !c.open_next()? {
                    return Ok(Next::End);
                }
                self.line = 0;
                continue;
            }
            // One poll(2) per read of a pipe or terminal, none for a file.
            if !self.told_dry && !c.ready() {
                self.told_dry = true;
                return Ok(Next::Dry);
            }
            match c.fill()? {
                Fill::Idle => return Ok(Next::Idle),
                Fill::Read => self.told_dry = false,
                Fill::Ended => {}
            }
        }
    }

    /// `buf[s..e]` as the next line's record.
    fn record(&mut self, s: usize, e: usize) -> Next<'_> {
        self.line += 1;
        Next::Record(
            &self.chunks.buf[s..e],
            Position {
                source: self.chunks.name(),
                line: self.line,
            },
        )
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
                Next::Idle | Next::Dry => {}
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
