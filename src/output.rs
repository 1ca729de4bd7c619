//! Writing records to stdout: the formats (`value`, `key`, `json`, templates), a large
//! buffer written straight to the file descriptor, a closed pipe reported as a normal end,
//! and — for the consumer's commit discipline — how many written bytes the reader on the
//! other side of a pipe has actually taken (Linux's FIONREAD on the pipe).

use std::fs::File;
use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::os::fd::{AsRawFd, FromRawFd};

use crate::codec::decode::{Decoders, Fatal, Shown, Side, SideDecoder};
use crate::codec::{find_schema_header, write_envelope, write_envelope_decoded};
use crate::record::View;
use crate::sink::{Sent, Seq, Sink};

/// What `consume --format` writes for each record.
#[derive(Debug, Clone)]
pub enum Format {
    Value,
    Key,
    Json,
    Template(Vec<Piece>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(Vec<u8>),
    Topic,
    Partition,
    Offset,
    Timestamp,
    Key,
    Value,
    Headers,
}

impl Format {
    pub fn parse(text: &str) -> Result<Format, String> {
        match text {
            "value" => return Ok(Format::Value),
            "key" => return Ok(Format::Key),
            "json" => return Ok(Format::Json),
            _ => {}
        }
        if !text.contains('{') {
            return Err(format!(
                "--format: '{text}' is not value, key, json or a template such as '{{partition}}:{{offset}} {{value}}'"
            ));
        }
        let mut pieces = Vec::new();
        let mut literal = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('{') {
                let end = after
                    .find('}')
                    .ok_or_else(|| format!("--format: '{{' without '}}' in '{text}'"))?;
                let piece = match &after[..end] {
                    "topic" => Piece::Topic,
                    "partition" => Piece::Partition,
                    "offset" => Piece::Offset,
                    "timestamp" => Piece::Timestamp,
                    "key" => Piece::Key,
                    "value" => Piece::Value,
                    "headers" => Piece::Headers,
                    other => {
                        return Err(format!(
                            "--format: unknown field {{{other}}}; known: {{topic}} {{partition}} {{offset}} {{timestamp}} {{key}} {{value}} {{headers}}"
                        ));
                    }
                };
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                pieces.push(piece);
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('\\') {
                let (byte, skip) = match after.as_bytes().first() {
                    Some(b't') => (b'\t', 1),
                    Some(b'n') => (b'\n', 1),
                    Some(b'0') => (0, 1),
                    Some(b'\\') => (b'\\', 1),
                    _ => (b'\\', 0),
                };
                literal.push(byte);
                rest = &after[skip..];
            } else {
                let ch = rest.chars().next().map(char::len_utf8).unwrap_or(1);
                literal.extend_from_slice(&rest.as_bytes()[..ch]);
                rest = &rest[ch..];
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Format::Template(pieces))
    }

    /// Appends one record in this format (without the delimiter).
    pub fn render<'h>(
        &self,
        out: &mut Vec<u8>,
        record: &View<'_>,
        headers: impl Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    ) {
        match self {
            Format::Value => out.extend_from_slice(record.value.unwrap_or_default()),
            Format::Key => out.extend_from_slice(record.key.unwrap_or_default()),
            Format::Json => write_envelope(out, record, headers),
            Format::Template(pieces) => {
                let mut headers = Some(headers);
                for piece in pieces {
                    render_piece(piece, out, record, &mut headers);
                }
            }
        }
    }

    /// Renders as `render` does, with keys and values decoded by their schemas where
    /// they name one (`decoders`). `headers` gives the record's headers as often as
    /// asked: the header form names schemas there. The sides that named a schema they
    /// do not fit are returned: with the envelope their error is in it too; elsewhere
    /// their bytes are written as `render` writes them.
    pub fn render_decoded<'h, H>(
        &self,
        out: &mut Vec<u8>,
        record: &View<'_>,
        headers: impl Fn() -> H,
        decoders: &mut Decoders,
    ) -> Result<Vec<(Side, String)>, Fatal>
    where
        H: Iterator<Item = (&'h str, Option<&'h [u8]>)>,
    {
        let schema_headers = [
            find_schema_header(headers(), Side::Key),
            find_schema_header(headers(), Side::Value),
        ];
        let mut failed = Vec::new();
        let (key, value) = (&mut decoders.key, &mut decoders.value);
        match self {
            Format::Json => return write_envelope_decoded(out, record, headers(), schema_headers, decoders),
            Format::Value => decode_side(out, Side::Value, record.value, schema_headers[1], value, &mut failed)?,
            Format::Key => decode_side(out, Side::Key, record.key, schema_headers[0], key, &mut failed)?,
            Format::Template(pieces) => {
                for piece in pieces {
                    match piece {
                        Piece::Key => decode_side(out, Side::Key, record.key, schema_headers[0], key, &mut failed)?,
                        Piece::Value => {
                            decode_side(out, Side::Value, record.value, schema_headers[1], value, &mut failed)?
                        }
                        other => render_piece(other, out, record, &mut Some(headers())),
                    }
                }
            }
        }
        Ok(failed)
    }

    /// Whether rendering needs the record's headers.
    pub fn uses_headers(&self) -> bool {
        match self {
            Format::Json => true,
            Format::Template(p) => p.contains(&Piece::Headers),
            _ => false,
        }
    }
}

/// Writes one piece of a template; `headers` is taken by the first `%h`.
fn render_piece<'h>(
    piece: &Piece,
    out: &mut Vec<u8>,
    record: &View<'_>,
    headers: &mut Option<impl Iterator<Item = (&'h str, Option<&'h [u8]>)>>,
) {
    match piece {
        Piece::Text(t) => out.extend_from_slice(t),
        Piece::Topic => out.extend_from_slice(record.topic.as_bytes()),
        Piece::Partition => out.extend_from_slice(itoa::Buffer::new().format(record.partition).as_bytes()),
        Piece::Offset => out.extend_from_slice(itoa::Buffer::new().format(record.offset).as_bytes()),
        Piece::Timestamp => {
            if let Some(ts) = record.timestamp {
                out.extend_from_slice(itoa::Buffer::new().format(ts).as_bytes());
            }
        }
        Piece::Key => out.extend_from_slice(record.key.unwrap_or_default()),
        Piece::Value => out.extend_from_slice(record.value.unwrap_or_default()),
        Piece::Headers => {
            // name=value pairs joined by commas, as kcat's %h.
            for (i, (name, value)) in headers.take().into_iter().flatten().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(name.as_bytes());
                out.push(b'=');
                out.extend_from_slice(value.unwrap_or_default());
            }
        }
    }
}

/// Writes one side decoded (or its bytes, when it names no schema or does not fit it).
fn decode_side(
    out: &mut Vec<u8>,
    side: Side,
    bytes: Option<&[u8]>,
    header: Option<&[u8]>,
    decoder: &mut SideDecoder,
    failed: &mut Vec<(Side, String)>,
) -> Result<(), Fatal> {
    let Some(bytes) = bytes else { return Ok(()) };
    match decoder.decode(bytes, header, out)? {
        Shown::Decoded(_) => {}
        Shown::Raw => out.extend_from_slice(bytes),
        Shown::Failed(why) => {
            out.extend_from_slice(bytes);
            failed.push((side, why));
        }
    }
    Ok(())
}

/// Writes one line of a command's report to stdout. A reader that went away is no
/// error (and never a panic, as `println!` would make it): the report just ends.
pub fn line(text: impl std::fmt::Display) {
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// Writes text to stdout as it is, with the same tolerance as `line`.
pub fn text(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Writes one JSON document, pretty-printed, as the admin commands' `--output json` does.
pub fn json_pretty(value: &impl serde::Serialize) {
    line(serde_json::to_string_pretty(value).unwrap_or_default());
}

/// Writes a plain aligned table: columns as wide as their widest cell, two spaces
/// apart, the last one unpadded.
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let write = |cells: &[String]| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                out.push_str(c);
            } else {
                out.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        line(out.trim_end());
    };
    write(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    for row in rows {
        write(row);
    }
}

/// The result of writing: either fine, or the reader went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Ok,
    Closed,
}

/// Buffered stdout that knows how much it wrote and how much the reader took.
#[derive(Debug)]
pub struct Stdout {
    file: ManuallyDrop<File>,
    pub buf: Vec<u8>,
    /// Bytes handed to the kernel so far.
    flushed: u64,
    is_pipe: bool,
    closed: bool,
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout::new()
    }
}

impl Stdout {
    pub fn new() -> Self {
        // SAFETY: fd 1 stays open for the life of the process; ManuallyDrop keeps us
        // from closing it.
        let file = ManuallyDrop::new(unsafe { File::from_raw_fd(1) });
        let is_pipe = file
            .metadata()
            .map(|m| std::os::unix::fs::FileTypeExt::is_fifo(&m.file_type()))
            .unwrap_or(false);
        Stdout {
            file,
            buf: Vec::with_capacity(1 << 17),
            flushed: 0,
            is_pipe,
            closed: false,
        }
    }

    /// Bytes written so far, including the ones still buffered.
    pub fn position(&self) -> u64 {
        self.flushed + self.buf.len() as u64
    }

    /// Writes the buffer out if it is large.
    pub fn maybe_flush(&mut self) -> Written {
        if self.buf.len() >= 1 << 16 {
            self.flush()
        } else {
            Written::Ok
        }
    }

    pub fn flush(&mut self) -> Written {
        if self.closed {
            return Written::Closed;
        }
        if self.buf.is_empty() {
            return Written::Ok;
        }
        let result = self.file.write_all(&self.buf);
        match result {
            Ok(()) => {
                self.flushed += self.buf.len() as u64;
                self.buf.clear();
                Written::Ok
            }
            Err(e) => {
                // A closed pipe and any other write error end the output the same way:
                // nothing more can reach the reader. The caller reports others.
                self.closed = true;
                self.buf.clear();
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("eddy: writing to stdout: {e}");
                }
                Written::Closed
            }
        }
    }

    /// How many bytes the reader has taken: everything flushed, less what still sits
    /// unread in the pipe. For files and terminals, everything flushed.
    pub fn taken(&self) -> u64 {
        if !self.is_pipe {
            return self.flushed;
        }
        let mut unread: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int.
        let rc = unsafe { libc::ioctl(self.file.as_raw_fd(), libc::FIONREAD, &mut unread) };
        if rc != 0 {
            return self.flushed;
        }
        self.flushed.saturating_sub(unread.max(0) as u64)
    }

    pub fn is_pipe(&self) -> bool {
        self.is_pipe
    }
}

/// Stdout numbers what it is sent by bytes: an item's sequence number is the output
/// position just after it, so "acknowledged up to N" is "the reader took N bytes" — the
/// FIONREAD rule, with nothing to count per record. Renderers that write straight into
/// `buf` (no copy) take `position()` as the sequence number of what they wrote.
impl Sink for Stdout {
    type Item<'a> = &'a [u8];

    fn send(&mut self, item: &[u8]) -> Sent {
        if self.closed {
            return Sent::Closed;
        }
        self.buf.extend_from_slice(item);
        match self.maybe_flush() {
            Written::Ok => Sent::Taken(self.position()),
            Written::Closed => Sent::Closed,
        }
    }

    fn flush(&mut self) -> Sent {
        match Stdout::flush(self) {
            Written::Ok => Sent::Taken(self.position()),
            Written::Closed => Sent::Closed,
        }
    }

    fn acknowledged(&mut self) -> Seq {
        self.taken()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(key: Option<&'a [u8]>, value: Option<&'a [u8]>) -> View<'a> {
        View {
            topic: "orders",
            partition: 2,
            offset: 7,
            timestamp: Some(1000),
            key,
            value,
        }
    }

    #[test]
    fn templates() {
        let f =
            Format::parse("{topic}/{partition}@{offset} {timestamp}\\t{key}={value} [{headers}]\\n").expect("parses");
        let mut out = Vec::new();
        let h: Vec<(&str, Option<&[u8]>)> = vec![("a", Some(b"1")), ("b", None)];
        f.render(&mut out, &view(Some(b"k"), Some(b"v")), h.into_iter());
        assert_eq!(out, b"orders/2@7 1000\tk=v [a=1,b=]\n");
        assert!(Format::parse("{nope}").is_err());
        assert!(Format::parse("{value").is_err());
        assert!(Format::parse("yaml").is_err());
    }

    #[test]
    fn value_and_key_with_nulls() {
        let mut out = Vec::new();
        Format::Value.render(&mut out, &view(None, None), std::iter::empty());
        Format::Key.render(&mut out, &view(Some(b"k"), None), std::iter::empty());
        assert_eq!(out, b"k");
    }
}
