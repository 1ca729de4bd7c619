//! `eddy produce`: records from stdin or files into a topic, every one accounted for.
//!
//! Each input line becomes a record (JSON validated, lines as they are, or an envelope
//! read back) with the fields the flags give (`fields`), and goes to the producer sink
//! (`kafka::producer`), which counts every delivery; the closing summary says how many
//! were delivered, failed, of unknown fate (timed out in flight: possibly persisted) or
//! skipped.

use std::path::PathBuf;
use std::time::Instant;

use crate::cli::{InputFormat, OnInvalid, ProduceArgs};
use crate::codec::decode::Side;
use crate::codec::encode::{EncodePlan, Encoders, EnvelopeEncoder, EnvelopeFailure, SchemaNote};
use crate::codec::read_envelope_with_schemas;
use crate::codec::registry::Registry;
use crate::config::Settings;
use crate::error::{self, Error, Outcome, Result, Signal};
use crate::fields::{FieldFilters, Fields, parse_headers};
use crate::input::{JsonCheck, Next, Position, Reader, parse_delimiter, unescape};
use crate::interrupt;
use crate::kafka::client::ProducerOptions;
use crate::kafka::producer::{ProducerSink, Stop, outcome, print_summary};
use crate::pacing::{self, Pacer, Schedule};
use crate::record::{Headers, HeadersRef, RecordRef};

/// What produce is to do, checked before any client exists: every flag that needs no
/// cluster to judge, turned into what the run uses.
struct Plan {
    /// The input's record separator.
    delimiter: u8,
    /// `-K`: the bytes that split a line into key and value.
    key_delimiter: Option<Vec<u8>>,
    /// `-H`: on every record.
    fixed_headers: Headers,
    fields: FieldFilters,
    schedule: Schedule,
    options: ProducerOptions,
}

impl Plan {
    /// Pure: no I/O, no cluster.
    fn from_args(args: &ProduceArgs) -> Result<Plan> {
        let delimiter = parse_delimiter("--delimiter", args.delimiter.as_deref()).map_err(Error::usage)?;
        if args.keep_partition && args.input != InputFormat::Envelope {
            return Err(Error::usage("--keep-partition works only with --input envelope"));
        }
        if args.key_delimiter.is_some() {
            if args.input == InputFormat::Envelope {
                return Err(Error::usage(
                    "--key-delimiter works only with --input lines or json (an envelope carries its key)",
                ));
            }
            if args.record.key.is_some() || args.record.key_from.is_some() {
                return Err(Error::usage(
                    "--key-delimiter takes the key from each line: it excludes --key and --key-from",
                ));
            }
        }
        if args.keep_partition && args.partition.is_some() {
            return Err(Error::usage("--keep-partition and --partition exclude each other"));
        }
        pacing::check_rate(args.producer.rate)?;
        let key_delimiter = args.key_delimiter.as_deref().map(unescape).filter(|d| !d.is_empty());
        if args.key_delimiter.is_some() && key_delimiter.is_none() {
            return Err(Error::usage("--key-delimiter: must not be empty"));
        }
        Ok(Plan {
            delimiter,
            key_delimiter,
            fixed_headers: parse_headers(&args.record.headers)?,
            fields: field_filters(args)?,
            schedule: Schedule::new(args.producer.rate, None),
            options: ProducerOptions::from(&args.producer),
        })
    }
}

/// The input files must be there before a producer connects.
fn check_files(files: &[PathBuf]) -> Result<()> {
    for f in files {
        if f.as_os_str() != "-" && !f.exists() {
            return Err(Error::usage(format!("{}: no such file", f.display())));
        }
    }
    Ok(())
}

/// The schemas of the run, settled before the producer starts: the encoders the flags
/// ask for, or (with envelope input and a registry) the re-encoder of decoded
/// envelopes. The registry is asked here, once.
fn schemas(settings: &Settings, args: &ProduceArgs) -> Result<(Option<Encoders>, Option<EnvelopeEncoder>)> {
    let plan = EncodePlan::from_args(&args.encode, &args.topic)?;
    if plan.is_some() && args.input != InputFormat::Json {
        return Err(Error::usage(match args.input {
            InputFormat::Envelope => {
                "--encode and the schema flags need --input json: an envelope names its schema itself (value_schema_id)"
            }
            _ => "--encode and the schema flags need JSON records (--input json)",
        }));
    }
    let registry = if plan.is_some() || (args.input == InputFormat::Envelope && settings.registry.is_some()) {
        Some(std::sync::Arc::new(Registry::from_settings(settings)?))
    } else {
        None
    };
    let encoders = match (plan, &registry) {
        (Some(plan), Some(r)) => Some(plan.resolve(r)?),
        _ => None,
    };
    let opts = crate::codec::flags::json_options(args.encode.avro_json, args.encode.proto_json.as_deref())?;
    let envelope = (args.input == InputFormat::Envelope).then(|| EnvelopeEncoder::new(registry, opts));
    Ok((encoders, envelope))
}

pub fn run(settings: &Settings, args: &ProduceArgs) -> Result<Outcome> {
    let plan = Plan::from_args(args)?;
    check_files(&args.files)?;
    let (encoders, reencoder) = schemas(settings, args)?;
    let started = Instant::now();
    let mut sink = ProducerSink::open(settings, "produce", &args.topic, plan.options)?;
    sink.check_partition(args.partition)?;
    sink.leave_last_word();
    // Records are held and handed over in batches unless a schedule paces them one by
    // one (holding one back would delay it past its time).
    sink.hold_records(!plan.schedule.is_paced());
    let mut reader = Reader::new(&args.files, plan.delimiter);
    let mut run = Producing {
        args,
        plan: &plan,
        partitions: sink.partitions(),
        sink,
        pacer: Pacer::new(plan.schedule),
        produced: 0,
        skipped: 0,
        invalid_stop: false,
        encoders,
        reencoder,
        key_buf: Vec::new(),
        value_buf: Vec::new(),
        json_check: JsonCheck::default(),
        fatal: None,
    };
    let mut signal: Option<Signal> = None;
    loop {
        if args.count.is_some_and(|n| run.produced >= n) {
            break;
        }
        if let Some(s) = interrupt::requested() {
            signal = Some(s);
            break;
        }
        match reader.next_record()? {
            Next::End => break,
            Next::Idle => continue,
            // The input paused: what the sink holds goes now, not when more arrives.
            Next::Dry => run.sink.hand_over(),
            Next::Record(line, position) => {
                if !run.take(line, &position) {
                    break;
                }
            }
        }
    }
    let stop = if signal.is_some() {
        Stop::Signalled
    } else {
        Stop::Drained
    };
    let summary = run.sink.finish(stop, run.skipped, started);
    let signal = signal.or_else(interrupt::requested);
    if let Some(e) = &run.fatal {
        error::report(e, Some("stopped reading (what came before is delivered)"));
    }
    print_summary(&summary, args.stats, settings.quiet);
    Ok(outcome(&summary, run.invalid_stop, signal))
}

/// The running state: the sink and the counts.
struct Producing<'a> {
    args: &'a ProduceArgs,
    plan: &'a Plan,
    sink: ProducerSink,
    partitions: i32,
    pacer: Pacer,
    produced: u64,
    skipped: u64,
    /// An invalid line stopped the run (`--on-invalid fail`), or a registry that
    /// cannot be asked did.
    invalid_stop: bool,
    /// `--encode` and friends: each JSON value (and key) encoded by its schema.
    encoders: Option<Encoders>,
    /// `--input envelope`: decoded values encoded again by the schema they name.
    reencoder: Option<EnvelopeEncoder>,
    /// The encoded key and value of the record being sent, reused for every record.
    key_buf: Vec<u8>,
    value_buf: Vec<u8>,
    /// Validates JSON lines when no field filter parses them anyway.
    json_check: JsonCheck,
    /// Why the run cannot go on (the registry cannot be asked).
    fatal: Option<Error>,
}

impl Producing<'_> {
    /// One input line; false once the run must stop (an invalid line under
    /// `--on-invalid fail`).
    fn take(&mut self, line: &[u8], position: &Position<'_>) -> bool {
        match self.record(line, position) {
            Ok(true) => self.produced += 1,
            Ok(false) if self.fatal.is_some() => {
                self.invalid_stop = true;
                return false;
            }
            Ok(false) => {}
            Err(why) => {
                report_invalid(
                    &Error::input(position, why),
                    self.args.on_invalid,
                    &mut self.skipped,
                    &mut self.invalid_stop,
                );
                return !self.invalid_stop;
            }
        }
        true
    }

    /// Sends the record a line holds: Ok(false) for a line that holds none (blank), Err
    /// for an invalid one.
    fn record(&mut self, line: &[u8], position: &Position<'_>) -> std::result::Result<bool, String> {
        // With -K (json and lines input) the key is the raw bytes before the delimiter, as
        // kcat takes it; what follows it is the value. A blank JSON line is skipped first.
        let blank_json = self.args.input == InputFormat::Json && line.trim_ascii().is_empty();
        let (line_key, body) = match &self.plan.key_delimiter {
            Some(d) if !blank_json => match memchr::memmem::find(line, d) {
                Some(i) => (Some(&line[..i]), &line[i + d.len()..]),
                None => {
                    return Err(format!(
                        "no key delimiter '{}' in the line",
                        self.args.key_delimiter.as_deref().unwrap_or("")
                    ));
                }
            },
            _ => (None, line),
        };
        match self.args.input {
            InputFormat::Json if blank_json => Ok(false),
            InputFormat::Json => self.json(line_key, body, position),
            InputFormat::Lines => {
                self.lines(line_key, body, position);
                Ok(true)
            }
            InputFormat::Envelope if line.trim_ascii().is_empty() => Ok(false),
            InputFormat::Envelope => self.envelope(line, position),
        }
    }

    fn json(
        &mut self,
        line_key: Option<&[u8]>,
        body: &[u8],
        position: &Position<'_>,
    ) -> std::result::Result<bool, String> {
        let trimmed = body.trim_ascii();
        let tombstone = trimmed.is_empty() && self.args.null_empty && line_key.is_some();
        let mut fields = if tombstone {
            Fields::default()
        } else if self.plan.fields.is_empty() {
            // Only validated: the scanner builds nothing (`input::validate`).
            self.json_check.check(trimmed)?;
            Fields::default()
        } else {
            self.plan.fields.fields(trimmed, self.partitions)?
        };
        let args = self.args;
        let key = line_key
            .or(fields.key.as_deref())
            .or(args.record.key.as_deref().map(str::as_bytes));
        let value = (!tombstone).then_some(trimmed);
        if self.encoders.is_none() {
            self.send(
                RecordRef {
                    key,
                    value,
                    headers: HeadersRef::new(&[], &fields.headers, &self.plan.fixed_headers),
                    partition: fields.partition.or(args.partition),
                    timestamp: fields.timestamp,
                },
                position,
            );
            return Ok(true);
        }
        // Encoded into buffers of the run (taken out for the call, so that `send` may
        // borrow self), and framed as the encoders say.
        let (mut key_buf, mut value_buf) = (std::mem::take(&mut self.key_buf), std::mem::take(&mut self.value_buf));
        let mut schema_headers = Vec::new();
        let (key_done, value_done) = match self.encoders.as_ref().map_or(Ok((false, false)), |e| {
            e.encode(key, value, &mut key_buf, &mut value_buf, &mut schema_headers)
        }) {
            Ok(done) => done,
            Err(why) => {
                (self.key_buf, self.value_buf) = (key_buf, value_buf);
                return Err(why);
            }
        };
        let key = if key_done { Some(&key_buf[..]) } else { key };
        let value = if value_done { Some(&value_buf[..]) } else { value };
        fields.headers.extend(schema_headers);
        self.send(
            RecordRef {
                key,
                value,
                headers: HeadersRef::new(&[], &fields.headers, &self.plan.fixed_headers),
                partition: fields.partition.or(args.partition),
                timestamp: fields.timestamp,
            },
            position,
        );
        (self.key_buf, self.value_buf) = (key_buf, value_buf);
        Ok(true)
    }

    /// An envelope side written decoded: its JSON encoded again by the schema it names,
    /// into `buf`. Ok(false) when the run must stop (the registry cannot be asked).
    fn reencode(
        &mut self,
        side: Side,
        note: &SchemaNote,
        json: &[u8],
        headers: &crate::record::Headers,
        buf: &mut Vec<u8>,
    ) -> std::result::Result<bool, String> {
        let Some(encoder) = &mut self.reencoder else {
            return Err("a decoded envelope, but nothing to encode it with".to_string());
        };
        // The record came in the header form when it carries the side's schema header:
        // then its bytes are the bare payload, and the header goes along as it is.
        let name = crate::codec::decode::schema_header(side);
        let header_form = headers.iter().any(|(n, _)| n == name);
        match encoder.encode(side, note, json, header_form, buf) {
            Ok(()) => Ok(true),
            Err(EnvelopeFailure::Invalid(why)) => Err(why),
            Err(EnvelopeFailure::Fatal(e)) => {
                self.fatal = Some(e);
                Ok(false)
            }
        }
    }

    fn lines(&mut self, line_key: Option<&[u8]>, body: &[u8], position: &Position<'_>) {
        let args = self.args;
        let value = if body.is_empty() && args.null_empty {
            None
        } else {
            Some(body)
        };
        self.send(
            RecordRef {
                key: line_key.or(args.record.key.as_deref().map(str::as_bytes)),
                value,
                headers: HeadersRef::new(&[], &[], &self.plan.fixed_headers),
                partition: args.partition,
                timestamp: None,
            },
            position,
        );
    }

    fn envelope(&mut self, line: &[u8], position: &Position<'_>) -> std::result::Result<bool, String> {
        let args = self.args;
        let (mut record, notes) = read_envelope_with_schemas(line).map_err(|e| e.to_string())?;
        for (side, note) in [Side::Key, Side::Value].into_iter().zip(notes) {
            let bytes = match side {
                Side::Key => record.key.as_deref(),
                Side::Value => record.value.as_deref(),
            };
            let (Some(note), Some(bytes)) = (note, bytes) else {
                continue;
            };
            let mut buf = Vec::new();
            if !self.reencode(side, &note, bytes, &record.headers, &mut buf)? {
                return Ok(false);
            }
            match side {
                Side::Key => record.key = Some(buf),
                Side::Value => record.value = Some(buf),
            }
        }
        let partitions = self.partitions;
        let partition = if args.keep_partition {
            match record.partition {
                Some(p) if p < partitions => Some(p),
                Some(p) => return Err(format!("partition {p} does not exist (the topic has {partitions})")),
                None => None,
            }
        } else {
            args.partition
        };
        let fields = self
            .plan
            .fields
            .fields_of_envelope(record.value.as_deref(), partitions)?;
        let value = match record.value.as_deref() {
            Some(v) if v.is_empty() && args.null_empty => None,
            other => other,
        };
        self.send(
            RecordRef {
                key: fields
                    .key
                    .as_deref()
                    .or(args.record.key.as_deref().map(str::as_bytes))
                    .or(record.key.as_deref()),
                value,
                headers: HeadersRef::new(&record.headers, &fields.headers, &self.plan.fixed_headers),
                partition: fields.partition.or(partition),
                timestamp: fields.timestamp.or(record.timestamp),
            },
            position,
        );
        Ok(true)
    }

    /// Paces, then sends; a record the topic cannot take is reported and counted as
    /// failed, and the run goes on.
    fn send(&mut self, record: RecordRef<'_>, position: &Position<'_>) {
        self.pacer.wait(self.produced);
        if let Err(e) = self.sink.try_send(record) {
            error::report(&Error::input(position, e.to_string()), None);
        }
    }
}

fn report_invalid(e: &Error, policy: OnInvalid, skipped: &mut u64, stop: &mut bool) {
    match policy {
        OnInvalid::Fail => {
            error::report(e, Some("stopped reading (what came before is delivered)"));
            *stop = true;
        }
        OnInvalid::Skip => {
            error::report(e, Some("skipped"));
            *skipped += 1;
        }
    }
}

/// The field filters, which need JSON records.
fn field_filters(args: &ProduceArgs) -> Result<FieldFilters> {
    if args.record.any_from() && args.input == InputFormat::Lines {
        return Err(Error::usage(
            "--key-from, --partition-from, --header-from and --timestamp-from need JSON records (--input json or envelope)",
        ));
    }
    FieldFilters::from_args(&args.record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Acks, Compression};
    use clap::Parser;

    fn plan(args: &[&str]) -> Result<Plan> {
        let cli = crate::cli::Cli::try_parse_from(["eddy", "produce", "t"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Produce(a) => Plan::from_args(&a),
            _ => unreachable!("a produce command"),
        }
    }

    fn usage(args: &[&str]) -> String {
        match plan(args) {
            Err(e) if e.is_usage() => e.to_string(),
            Err(e) => panic!("expected a usage error for {args:?}, got {e}"),
            Ok(_) => panic!("expected a usage error for {args:?}, got a plan"),
        }
    }

    #[test]
    fn the_plan_reads_delimiters_headers_rate_and_producer_settings() {
        let p = plan(&[
            "-D", "\\0", "-K", "\\t", "-H", "a=1", "--rate", "100", "-z", "lz4", "--acks", "1",
        ])
        .unwrap();
        assert_eq!(p.delimiter, 0);
        assert_eq!(p.key_delimiter.as_deref(), Some(&b"\t"[..]));
        assert_eq!(p.fixed_headers, vec![("a".to_string(), Some(b"1".to_vec()))]);
        assert_eq!(p.schedule, Schedule::new(Some(100.0), None));
        assert!(matches!(p.options.acks, Acks::One));
        assert_eq!(p.options.compression, Some(Compression::Lz4));
        assert!(p.fields.is_empty());
        let p = plan(&["--key-from", ".id"]).unwrap();
        assert!(!p.fields.is_empty());
    }

    #[test]
    fn every_check_that_needs_no_cluster_is_in_the_plan() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["--keep-partition"],
                "--keep-partition works only with --input envelope",
            ),
            (
                &["--input", "envelope", "-K", ","],
                "--key-delimiter works only with --input lines or json",
            ),
            (&["-K", ",", "-k", "x"], "it excludes --key and --key-from"),
            (&["-K", ",", "--key-from", ".id"], "it excludes --key and --key-from"),
            (
                &["--input", "envelope", "--keep-partition", "-p", "1"],
                "--keep-partition and --partition exclude each other",
            ),
            (&["--rate", "0"], "--rate 0: must be a positive number"),
            (&["-K", ""], "--key-delimiter: must not be empty"),
            (&["-H", "novalue"], "--header novalue: expected NAME=VALUE"),
            (&["--input", "lines", "--key-from", ".id"], "need JSON records"),
            (&["--header-from", "x"], "--header-from x: expected NAME=FILTER"),
            (&["--key-from", "{"], "--key-from"),
        ];
        for (args, expected) in cases {
            let m = usage(args);
            assert!(m.contains(expected), "{args:?}: {m}");
        }
    }
}
