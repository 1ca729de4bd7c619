//! The one chunked reader under every input: a list of sources (`-` is stdin) read in
//! large chunks into one buffer, one source after another. What a record or a value is
//! — a delimited line for produce and count, a JSON value for filter — is decided by
//! the layer on top, which reads `buf[start..end]` in place and moves `start` past what
//! it took. Waiting on a pipe or a terminal wakes every 100 ms (`Fill::Idle`), so a
//! Ctrl-C is noticed even when no input arrives.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::path::PathBuf;

/// How much is read at a time; the buffer grows beyond it only for a longer record.
/// 256 KiB: a read of that size already costs next to nothing per record (~1,000
/// records of produce's 94 bytes), and every KiB of it is resident for the whole run —
/// 1 MiB was 0.75 MiB more of produce's peak against kcat's (issue #19).
pub const CHUNK: usize = 256 << 10;

/// What `Chunks::fill` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// More bytes are in the buffer.
    Read,
    /// The current source has ended (`eof` is set).
    Ended,
    /// Nothing arrived within the wait, or a signal interrupted it: ask again (and check
    /// for signals).
    Idle,
}

/// Sources read one after another into one buffer.
pub struct Chunks {
    sources: Vec<PathBuf>,
    next_source: usize,
    current: Option<Box<dyn Read>>,
    current_fd: Option<i32>,
    name: String,
    /// The bytes read and not yet taken are `buf[start..end]`. The fields are open to
    /// the parsers on top, which scan the buffer in place on their hot paths.
    pub buf: Vec<u8>,
    pub start: usize,
    pub end: usize,
    /// The current source has nothing more to read (also before the first is opened).
    pub eof: bool,
    /// Bytes of the current source before `buf[0]` (dropped when the buffer was
    /// compacted), so that a position in the buffer has an offset in its source.
    dropped: u64,
}

impl Chunks {
    /// Reads `files` in order; none means stdin.
    pub fn new(files: &[PathBuf]) -> Chunks {
        let sources = if files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            files.to_vec()
        };
        Chunks {
            sources,
            next_source: 0,
            current: None,
            current_fd: None,
            name: String::new(),
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: true,
            dropped: 0,
        }
    }

    /// The name of the current source as given (`-` for stdin).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The offset in the current source of `buf[pos]`.
    #[inline]
    pub fn offset_of(&self, pos: usize) -> u64 {
        self.dropped + pos as u64
    }

    /// Whether every source has been read to its end.
    pub fn all_read(&self) -> bool {
        self.current.is_none() && self.next_source >= self.sources.len()
    }

    /// Starts on the next source, with an empty buffer; false when there is none. An
    /// error (named with the file) also ends the list: nothing after it is read.
    pub fn open_next(&mut self) -> io::Result<bool> {
        self.start = 0;
        self.end = 0;
        self.dropped = 0;
        let Some(path) = self.sources.get(self.next_source) else {
            return Ok(false);
        };
        self.next_source += 1;
        self.name = path.display().to_string();
        if path.as_os_str() == "-" {
            self.current_fd = Some(0);
            self.current = Some(Box::new(io::stdin()));
        } else {
            match File::open(path) {
                Ok(file) => {
                    self.current_fd = Some(file.as_raw_fd());
                    self.current = Some(Box::new(file));
                }
                Err(e) => {
                    let e = io::Error::new(e.kind(), format!("{}: {e}", path.display()));
                    self.fail();
                    return Err(e);
                }
            }
        }
        self.eof = false;
        Ok(true)
    }

    /// No more reading: the current source is closed and no other is opened.
    fn fail(&mut self) {
        self.eof = true;
        self.current = None;
        self.current_fd = None;
        self.sources.truncate(self.next_source);
    }

    /// Reads more of the current source behind `buf[start..end]`, first moving that to
    /// the front (and growing the buffer when it is full of one unfinished record).
    pub fn fill(&mut self) -> io::Result<Fill> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.dropped += self.start as u64;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        if !self.readable() {
            return Ok(Fill::Idle);
        }
        let Some(reader) = self.current.as_mut() else {
            self.eof = true;
            return Ok(Fill::Ended);
        };
        match reader.read(&mut self.buf[self.end..]) {
            Ok(0) => {
                self.eof = true;
                self.current = None;
                self.current_fd = None;
                Ok(Fill::Ended)
            }
            Ok(n) => {
                self.end += n;
                Ok(Fill::Read)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Fill::Idle),
            Err(e) => {
                let e = io::Error::new(e.kind(), format!("{}: {e}", self.name));
                self.fail();
                Err(e)
            }
        }
    }

    /// Waits up to 100 ms for the current source to become readable (a regular file
    /// always is, at once).
    fn readable(&self) -> bool {
        self.poll_in(100)
    }

    /// Whether a read would find something at once (always, for a regular file): the
    /// filter's parallel engine hands on the lines it has when a pipe pauses.
    pub fn ready(&self) -> bool {
        self.poll_in(0)
    }

    fn poll_in(&self, timeout_ms: i32) -> bool {
        let Some(fd) = self.current_fd else { return true };
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, count 1.
        let n = unsafe { libc::poll(&mut pfd, 1, timeout_ms) };
        n != 0
    }

    /// Puts `bytes` back in front of what is still unread; offsets start again at 0.
    pub fn unread(&mut self, bytes: Vec<u8>) {
        let mut buf = bytes;
        buf.extend_from_slice(&self.buf[self.start..self.end]);
        let len = buf.len();
        buf.resize(len.max(CHUNK), 0);
        self.buf = buf;
        self.start = 0;
        self.end = len;
        self.dropped = 0;
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

    /// Reads the current source to its end, taking `step` bytes at a time, and checks
    /// that every position keeps its offset across compactions.
    fn read_all(c: &mut Chunks, step: usize) -> Vec<u8> {
        let mut all = Vec::new();
        loop {
            let take = step.min(c.end - c.start);
            assert_eq!(c.offset_of(c.start), all.len() as u64);
            all.extend_from_slice(&c.buf[c.start..c.start + take]);
            c.start += take;
            if c.start == c.end {
                if c.eof {
                    return all;
                }
                assert_ne!(c.fill().expect("reads"), Fill::Idle, "a file is never idle");
            }
        }
    }

    #[test]
    fn sources_one_after_another_with_offsets() {
        let big: Vec<u8> = (0..CHUNK * 2 + 5).map(|i| (i % 251) as u8).collect();
        let (a, b) = (file_of(&big), file_of(b"second"));
        let mut c = Chunks::new(&[a.path().to_path_buf(), b.path().to_path_buf()]);
        assert!(c.eof && !c.all_read());
        assert!(c.open_next().expect("opens"));
        assert_eq!(c.name(), a.path().display().to_string());
        assert_eq!(read_all(&mut c, 70_001), big);
        assert!(c.open_next().expect("opens"));
        assert_eq!(read_all(&mut c, 4), b"second");
        assert!(c.all_read());
        assert!(!c.open_next().expect("no more"));
    }

    #[test]
    fn a_missing_file_is_named_and_ends_the_list() {
        let last = file_of(b"x");
        let mut c = Chunks::new(&[PathBuf::from("/no/such/file"), last.path().to_path_buf()]);
        let e = c.open_next().expect_err("missing");
        assert!(e.to_string().starts_with("/no/such/file: "), "{e}");
        assert!(c.eof && c.all_read());
        assert!(!c.open_next().expect("nothing after an error"));
    }

    #[test]
    fn unread_bytes_come_first() {
        let f = file_of(b"world");
        let mut c = Chunks::new(&[f.path().to_path_buf()]);
        assert!(c.open_next().expect("opens"));
        assert_eq!(c.fill().expect("reads"), Fill::Read);
        c.start = 2;
        c.unread(b"hello ".to_vec());
        assert_eq!(&c.buf[c.start..c.end], b"hello rld");
        assert_eq!(c.offset_of(0), 0);
    }
}
