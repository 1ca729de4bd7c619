//! `eddy produce`: records from stdin or files into a topic, every one accounted for.
//!
//! Each input line becomes a record (JSON validated, lines as they are, or an envelope
//! read back) with the fields the flags give (`fields`), and goes to the producer sink
//! (`kafka::producer`), which counts every delivery; the closing summary says how many
//! were delivered, failed, of unknown fate (timed out in flight: possibly persisted) or
//! skipped.

use std::time::Instant;

use crate::cli::{InputFormat, OnInvalid, ProduceArgs};
use crate::config::Settings;
use crate::fields::{FieldFilters, Fields, parse_headers};
use crate::input::{Next, Reader, parse_delimiter, unescape};
use crate::interrupt;
use crate::kafka::client::ProducerOptions;
use crate::kafka::producer::{ProducerSink, Stop, TooLarge, outcome, print_summary};
use crate::outcome::{Error, Outcome, Result};
use crate::pacing::{self, Pacer, Schedule};
use crate::record::{HeadersRef, RecordRef, read_envelope};

pub fn run(settings: &Settings, args: &ProduceArgs) -> Result<Outcome> {
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
    let fixed_headers = parse_headers(&args.record.headers)?;
    let derive = field_filters(args)?;
    for f in &args.files {
        if f.as_os_str() != "-" && !f.exists() {
            return Err(Error::usage(format!("{}: no such file", f.display())));
        }
    }

    let started = Instant::now();
    let mut sink = ProducerSink::open(settings, "produce", &args.topic, ProducerOptions::from(&args.producer))?;
    sink.check_partition(args.partition)?;
    sink.leave_last_word();

    let mut reader = Reader::new(&args.files, delimiter);
    let pacer = Pacer::new(Schedule::new(args.producer.rate, None));
    let mut produced: u64 = 0;
    let mut skipped: u64 = 0;
    let mut invalid_stop = false;
    let mut signal = None;
    let partitions = sink.partitions();

    loop {
        if args.count.is_some_and(|n| produced >= n) {
            break;
        }
        if let Some(s) = interrupt::requested() {
            signal = Some(s);
            break;
        }
        let (line, position) = match reader.next_record()? {
            Next::End => break,
            Next::Idle => continue,
            Next::Record(line, position) => (line, position),
        };
        let invalid = |why: String| -> String { format!("{position}: {why}") };
        let refused = |e: TooLarge| eprintln!("eddy: {position}: {e}");
        // With -K (json and lines input) the key is the raw bytes before the delimiter, as
        // kcat takes it; what follows it is the value. A blank JSON line is skipped first.
        let blank_json = args.input == InputFormat::Json && line.trim_ascii().is_empty();
        let (line_key, body) = match &key_delimiter {
            Some(d) if !blank_json => match memchr::memmem::find(line, d) {
                Some(i) => (Some(&line[..i]), &line[i + d.len()..]),
                None => {
                    let e = invalid(format!(
                        "no key delimiter '{}' in the line",
                        args.key_delimiter.as_deref().unwrap_or("")
                    ));
                    report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                    if invalid_stop {
                        break;
                    }
                    continue;
                }
            },
            _ => (None, line),
        };
        let result: std::result::Result<Option<()>, String> = match args.input {
            InputFormat::Json if blank_json => Ok(None),
            InputFormat::Json => {
                let trimmed = body.trim_ascii();
                let tombstone = trimmed.is_empty() && args.null_empty && line_key.is_some();
                let fields = if tombstone {
                    Ok(Fields::default())
                } else {
                    derive.fields(trimmed, partitions)
                };
                match fields {
                    Ok(fields) => {
                        pacer.wait(produced);
                        sink.try_send(RecordRef {
                            key: line_key
                                .or(fields.key.as_deref())
                                .or(args.record.key.as_deref().map(str::as_bytes)),
                            value: (!tombstone).then_some(trimmed),
                            headers: HeadersRef::new(&[], &fields.headers, &fixed_headers),
                            partition: fields.partition.or(args.partition),
                            timestamp: fields.timestamp,
                        })
                        .map(drop)
                        .unwrap_or_else(refused);
                        Ok(Some(()))
                    }
                    Err(e) => Err(invalid(e)),
                }
            }
            InputFormat::Lines => {
                let (key, value) = (line_key.or(args.record.key.as_deref().map(str::as_bytes)), body);
                let value = if value.is_empty() && args.null_empty {
                    None
                } else {
                    Some(value)
                };
                pacer.wait(produced);
                sink.try_send(RecordRef {
                    key,
                    value,
                    headers: HeadersRef::new(&[], &[], &fixed_headers),
                    partition: args.partition,
                    timestamp: None,
                })
                .map(drop)
                .unwrap_or_else(refused);
                Ok(Some(()))
            }
            InputFormat::Envelope => {
                if line.trim_ascii().is_empty() {
                    Ok(None)
                } else {
                    match read_envelope(line) {
                        Ok(record) => {
                            let partition = if args.keep_partition {
                                match record.partition {
                                    Some(p) if p < partitions => Some(p),
                                    Some(p) => {
                                        let e = invalid(format!(
                                            "partition {p} does not exist (the topic has {partitions})"
                                        ));
                                        report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                                        if invalid_stop {
                                            break;
                                        }
                                        continue;
                                    }
                                    None => None,
                                }
                            } else {
                                args.partition
                            };
                            let fields = match derive.fields_of_envelope(record.value.as_deref(), partitions) {
                                Ok(f) => f,
                                Err(e) => {
                                    let e = invalid(e);
                                    report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                                    if invalid_stop {
                                        break;
                                    }
                                    continue;
                                }
                            };
                            let partition = fields.partition.or(partition);
                            let key = fields
                                .key
                                .as_deref()
                                .or(args.record.key.as_deref().map(str::as_bytes))
                                .or(record.key.as_deref());
                            let value = match record.value.as_deref() {
                                Some(v) if v.is_empty() && args.null_empty => None,
                                other => other,
                            };
                            pacer.wait(produced);
                            sink.try_send(RecordRef {
                                key,
                                value,
                                headers: HeadersRef::new(&record.headers, &fields.headers, &fixed_headers),
                                partition,
                                timestamp: fields.timestamp.or(record.timestamp),
                            })
                            .map(drop)
                            .unwrap_or_else(refused);
                            Ok(Some(()))
                        }
                        Err(e) => Err(invalid(e)),
                    }
                }
            }
        };
        match result {
            Ok(Some(())) => produced += 1,
            Ok(None) => {}
            Err(e) => {
                report_invalid(&e, args.on_invalid, &mut skipped, &mut invalid_stop);
                if invalid_stop {
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
    let summary = sink.finish(stop, skipped, started);
    let signal = signal.or_else(interrupt::requested);
    print_summary(&summary, args.stats, settings.quiet);
    Ok(outcome(&summary, invalid_stop, signal))
}

fn report_invalid(message: &str, policy: OnInvalid, skipped: &mut u64, stop: &mut bool) {
    match policy {
        OnInvalid::Fail => {
            eprintln!("eddy: {message}; stopped reading (what came before is delivered)");
            *stop = true;
        }
        OnInvalid::Skip => {
            eprintln!("eddy: {message}; skipped");
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
