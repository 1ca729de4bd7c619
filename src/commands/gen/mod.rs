//! `eddy gen`: generated JSON events, to stdout or straight to a topic. Over 700 lines
//! with its tests (about 130): the plan, both paths (stdout and topic) and the pacing
//! read best together.
//!
//! An event comes from a jq template (evaluated with `$i` and `$now` bound, the random
//! helpers of `filter::random` drawing from the event's own generator) or from a native
//! preset (`presets`). Event `i` draws only from `Rng::for_event(seed, i)`, so the
//! output depends on the seed alone, never on timing or threads. Unpaced runs evaluate
//! batches of events on every core and write the batches in order; paced runs
//! (`--rate`, `--ramp`) make each event when its time on the schedule comes, measured
//! from the start so that the rate holds over the run instead of drifting by the cost
//! of each event. With `--topic` the events go through the producer sink
//! (`kafka::producer`), with its delivery accounting, summary and exit codes.

mod presets;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cli::GenArgs;
use crate::codec::encode::Encoders;
use crate::config::Settings;
use crate::error::{self, Error, Outcome, Result, Signal};
use crate::fields::{FieldFilters, Fields, parse_headers};
use crate::interrupt;
use crate::jq::{Filter, Flow, RunError, Value};
use crate::kafka::client::ProducerOptions;
use crate::kafka::producer::{self, ProducerSink, Stop};
use crate::output::{self, Stdout, Written};
use crate::pacing::{self, Pacer, Schedule};
use crate::random;
use crate::record::{Headers, HeadersRef, RecordRef};
use crate::times::{now_ms, parse_duration, parse_time};

use crate::stats::Progress;
use presets::{Event, Preset, Skew};

/// Events one thread evaluates at a time: enough that handing a batch over costs
/// nothing per event, few enough that a stop is quick.
const BATCH: u64 = 1024;

/// What `$now` is for each event.
#[derive(Debug, Clone, Copy)]
struct Clock {
    start: Option<i64>,
    schedule: Schedule,
}

impl Clock {
    fn now(&self, i: u64) -> i64 {
        match self.start {
            Some(s) => s.saturating_add(self.schedule.offset_ms(i)),
            None => now_ms(),
        }
    }
}

#[derive(Debug)]
enum Shape {
    Template(String),
    Preset(&'static Preset),
}

/// Everything an event depends on; shared by the threads that make events.
#[derive(Debug)]
struct Gen {
    shape: Shape,
    seed: u64,
    clock: Clock,
    /// When the run started on the event clock (the presets' drift starts there).
    origin: i64,
}

/// Per thread: a compiled template (jaq values cannot cross threads) or a preset's key
/// distributions.
enum Maker {
    Template { filter: Filter, null: Value },
    Preset { preset: &'static Preset, skew: Skew },
}

/// Why making an event failed.
#[derive(Debug)]
enum Fail {
    Error(String),
    Halt(i32),
}

impl Gen {
    fn maker(&self) -> Result<Maker> {
        Ok(match &self.shape {
            Shape::Template(code) => Maker::Template {
                filter: compile(code)?,
                null: Value::parse_json(b"null").map_err(Error::runtime)?,
            },
            Shape::Preset(p) => Maker::Preset {
                preset: p,
                skew: Skew::default(),
            },
        })
    }

    /// Appends event `i`, one JSON line per output.
    fn make(&self, maker: &Maker, i: u64, out: &mut Vec<u8>) -> std::result::Result<(), Fail> {
        let now = self.clock.now(i);
        match maker {
            Maker::Template { filter, null } => {
                random::seed_current(self.seed, i);
                let vars = [Value::int(i as i64), Value::int(now)];
                filter
                    .run_with(&vars, null.clone(), |v| {
                        v.write_json(out);
                        out.push(b'\n');
                        Flow::Continue
                    })
                    .map(|_| ())
                    .map_err(|e| match e {
                        RunError::Halt(code) => Fail::Halt(code),
                        other => Fail::Error(format!("event {i}: {other}")),
                    })
            }
            Maker::Preset { preset, skew } => {
                preset.write(
                    skew,
                    &Event {
                        seed: self.seed,
                        i,
                        now,
                        origin: self.origin,
                    },
                    out,
                );
                out.push(b'\n');
                Ok(())
            }
        }
    }
}

/// The template, with `$i` and `$now` declared (their values come per event). Its
/// input is null, as with `jq -n`.
fn compile(code: &str) -> Result<Filter> {
    let named = [("i".to_string(), Value::int(0)), ("now".to_string(), Value::int(0))];
    Filter::compile(code, &named, Vec::new()).map_err(|e| Error::usage(format!("TEMPLATE: {e}")))
}

/// Where the events go.
enum Target {
    Stdout(Stdout),
    Topic(Box<ToTopic>),
}

struct ToTopic {
    sink: ProducerSink,
    /// `--encode` and friends: each event (and key) encoded by its schema.
    encoders: Option<Encoders>,
    key_buf: Vec<u8>,
    value_buf: Vec<u8>,
    derive: Option<FieldFilters>,
    key: Option<Vec<u8>>,
    headers: Headers,
    partition: Option<i32>,
    partitions: i32,
    sent: u64,
    /// An event the --key-from and friends could not handle stopped the run.
    invalid: bool,
    progress: Progress,
}

impl Target {
    /// Takes some JSON lines; Stop when nothing more can go out.
    fn take(&mut self, lines: &[u8]) -> Flow {
        match self {
            Target::Stdout(out) => {
                out.buf.extend_from_slice(lines);
                match out.maybe_flush() {
                    Written::Ok => Flow::Continue,
                    Written::Closed => Flow::Stop,
                }
            }
            Target::Topic(t) => {
                for line in lines.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                    let mut fields = match &t.derive {
                        None => Fields::default(),
                        Some(d) => match d.fields(line, t.partitions) {
                            Ok(f) => f,
                            Err(e) => {
                                error::report(
                                    &Error::input(format!("event {}", t.sent), e.to_string()),
                                    Some("stopped (the events before it are delivered)"),
                                );
                                t.invalid = true;
                                return Flow::Stop;
                            }
                        },
                    };
                    let key = fields.key.as_deref().or(t.key.as_deref());
                    let mut value = line;
                    let mut key = key;
                    if let Some(encoders) = &t.encoders {
                        let mut headers = Vec::new();
                        match encoders.encode(key, Some(line), &mut t.key_buf, &mut t.value_buf, &mut headers) {
                            Ok((key_done, value_done)) => {
                                if key_done {
                                    key = Some(&t.key_buf);
                                }
                                if value_done {
                                    value = &t.value_buf;
                                }
                            }
                            Err(e) => {
                                error::report(
                                    &Error::input(format!("event {}", t.sent), e),
                                    Some("stopped (the events before it are delivered)"),
                                );
                                t.invalid = true;
                                return Flow::Stop;
                            }
                        }
                        fields.headers.extend(headers);
                    }
                    let sent = t.sink.try_send(RecordRef {
                        key,
                        value: Some(value),
                        headers: HeadersRef::new(&[], &fields.headers, &t.headers),
                        partition: fields.partition.or(t.partition),
                        timestamp: fields.timestamp,
                    });
                    if let Err(e) = sent {
                        error::report(&Error::input(format!("event {}", t.sent), e.to_string()), None);
                    }
                    t.sent += 1;
                }
                t.progress.set(t.sent, t.sent);
                Flow::Continue
            }
        }
    }

    /// Before waiting for the schedule: let what was made so far out.
    fn pause(&mut self) -> Flow {
        match self {
            Target::Stdout(out) => match out.flush() {
                Written::Ok => Flow::Continue,
                Written::Closed => Flow::Stop,
            },
            Target::Topic(t) => {
                t.sink.hand_over();
                Flow::Continue
            }
        }
    }
}

/// How the generating loop ended.
#[derive(Debug)]
enum End {
    /// -n or --duration reached, or the output closed.
    Done,
    Signalled(Signal),
    Failed(Fail),
}

/// The limits of a run.
#[derive(Debug, Clone, Copy)]
struct Limits {
    count: Option<u64>,
    duration: Option<Duration>,
    schedule: Schedule,
}

/// What gen is to do, checked before anything is made or connected: every flag that
/// needs no cluster to judge.
struct Plan {
    shape: Shape,
    /// None: a fresh seed, chosen when the run starts.
    seed: Option<u64>,
    /// `--start`: the pinned clock, epoch ms.
    start: Option<i64>,
    limits: Limits,
    /// With `--topic`: what each record carries besides the event.
    record: RecordPlan,
}

/// `-H` and the field filters, for records sent to a topic.
struct RecordPlan {
    headers: Headers,
    fields: Option<FieldFilters>,
}

impl Plan {
    /// Pure: `now` (epoch ms) is what relative `--start` times count from.
    fn from_args(args: &GenArgs, now: i64) -> Result<Plan> {
        let shape = match (&args.template, &args.preset) {
            (_, Some(name)) => Shape::Preset(presets::find(name).ok_or_else(|| {
                Error::usage(format!(
                    "--preset {name}: no such preset; the presets are {}",
                    presets::names()
                ))
            })?),
            (Some(code), None) => {
                compile(code)?;
                Shape::Template(code.clone())
            }
            (None, None) => {
                return Err(Error::usage(
                    "a TEMPLATE or --preset NAME is needed (see --list-presets)",
                ));
            }
        };
        pacing::check_rate(args.producer.rate)?;
        if args.encode.any() && args.topic.is_none() {
            return Err(Error::usage(
                "--encode and the schema flags need --topic (they apply to records sent to a topic)",
            ));
        }
        if args.producer.compression.is_some() && args.topic.is_none() {
            return Err(Error::usage(
                "--compression needs --topic (it applies to records sent to a topic)",
            ));
        }
        let duration = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|d| parse_duration(flag, d))
                .transpose()
                .map_err(Error::usage)
        };
        let duration_limit = duration("--duration", &args.duration)?;
        let ramp = duration("--ramp", &args.ramp)?;
        let start = args
            .start
            .as_deref()
            .map(|t| parse_time(t, now).map_err(|e| Error::usage(format!("--start: {e}"))))
            .transpose()?;
        let record = RecordPlan {
            headers: parse_headers(&args.record.headers)?,
            fields: args
                .record
                .any_from()
                .then(|| FieldFilters::from_args(&args.record))
                .transpose()?,
        };
        Ok(Plan {
            shape,
            seed: args.seed,
            start,
            limits: Limits {
                count: args.count,
                duration: duration_limit,
                schedule: Schedule::new(args.producer.rate, ramp),
            },
            record,
        })
    }
}

pub fn run(settings: &Settings, args: &GenArgs) -> Result<Outcome> {
    if args.list_presets {
        output::text(&presets::describe());
        return Ok(Outcome::Success);
    }
    let Plan {
        shape,
        seed,
        start,
        limits,
        record,
    } = Plan::from_args(args, now_ms())?;
    let seed = seed.unwrap_or_else(random::Rng::fresh_seed);
    if settings.verbose {
        eprintln!("eddy: gen seed {seed} (--seed {seed} repeats these events)");
    }
    let events = Gen {
        shape,
        seed,
        clock: Clock {
            start,
            schedule: limits.schedule,
        },
        origin: start.unwrap_or_else(now_ms),
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, 64);
    // Paced events are made when they are due (so that $now is the time they go out);
    // only unpaced runs are worth spreading over threads.
    let threads = if limits.schedule.is_paced() { 1 } else { threads };

    match &args.topic {
        None => {
            let mut target = Target::Stdout(Stdout::new());
            let end = generate(&events, limits, threads, &mut target)?;
            if let Target::Stdout(out) = &mut target {
                out.flush();
            }
            Ok(match end {
                End::Done => Outcome::Success,
                End::Signalled(s) => Outcome::Interrupted(s),
                End::Failed(Fail::Halt(code)) => Outcome::Halt(code),
                End::Failed(Fail::Error(e)) => return Err(Error::runtime(e)),
            })
        }
        Some(topic) => to_topic(settings, args, topic, &events, limits, threads, record),
    }
}

fn to_topic(
    settings: &Settings,
    args: &GenArgs,
    topic: &str,
    events: &Gen,
    limits: Limits,
    threads: usize,
    record: RecordPlan,
) -> Result<Outcome> {
    let encoders = crate::codec::encode::encoders(settings, &args.encode, topic)?;
    let started = Instant::now();
    let mut sink = ProducerSink::open(settings, "gen", topic, ProducerOptions::from(&args.producer))?;
    // Held and handed over in batches; `Target::pause` hands them over before a wait.
    sink.hold_records(true);
    let partitions = sink.partitions();
    sink.check_partition(args.partition)?;
    sink.leave_last_word();
    let progress = Progress::new(limits.count, settings.quiet, "events");
    let mut target = Target::Topic(Box::new(ToTopic {
        sink,
        encoders,
        key_buf: Vec::new(),
        value_buf: Vec::new(),
        derive: record.fields,
        key: args.record.key.as_ref().map(|k| k.as_bytes().to_vec()),
        headers: record.headers,
        partition: args.partition,
        partitions,
        sent: 0,
        invalid: false,
        progress,
    }));
    let end = generate(events, limits, threads, &mut target)?;
    let Target::Topic(t) = target else {
        unreachable!("the target was made a topic above")
    };
    let (signal, failure) = match end {
        End::Done => (None, None),
        End::Signalled(s) => (Some(s), None),
        End::Failed(f) => (None, Some(f)),
    };
    let stop = if signal.is_some() {
        Stop::Signalled
    } else {
        Stop::Drained
    };
    let summary = t.sink.finish(stop, 0, started);
    t.progress.done();
    producer::print_summary(&summary, args.stats, settings.quiet);
    let signal = signal.or_else(interrupt::requested);
    match failure {
        Some(Fail::Error(e)) if signal.is_none() => {
            eprintln!("eddy: {e}; stopped (the events before it are delivered)");
            Ok(Outcome::Failed)
        }
        Some(Fail::Halt(code)) if signal.is_none() && code != 0 => Ok(Outcome::Halt(code)),
        _ => Ok(producer::outcome(&summary, t.invalid, signal)),
    }
}

/// Makes events until a limit, a signal, a failure or a closed output.
fn generate(events: &Gen, limits: Limits, threads: usize, target: &mut Target) -> Result<End> {
    if threads > 1 && !limits.schedule.is_paced() {
        parallel(events, limits, threads, target)
    } else {
        sequential(events, limits, target)
    }
}

fn sequential(events: &Gen, limits: Limits, target: &mut Target) -> Result<End> {
    let maker = events.maker()?;
    let started = Instant::now();
    let pacer = Pacer::new(limits.schedule);
    let mut buf = Vec::with_capacity(4096);
    let mut i: u64 = 0;
    loop {
        if limits.count.is_some_and(|n| i >= n) {
            return Ok(End::Done);
        }
        if let Some(s) = interrupt::requested() {
            return Ok(End::Signalled(s));
        }
        match limits.schedule.due(i) {
            Some(due) => {
                if limits.duration.is_some_and(|d| due >= d.as_secs_f64()) {
                    return Ok(End::Done);
                }
                if !pacer.left(i).is_zero() {
                    if target.pause() == Flow::Stop {
                        return Ok(End::Done);
                    }
                    // A slice at a time: a Ctrl-C during a slow rate is noticed.
                    pacer.nap(i);
                    continue;
                }
            }
            None => {
                if i % 256 == 0 && limits.duration.is_some_and(|d| started.elapsed() >= d) {
                    return Ok(End::Done);
                }
            }
        }
        buf.clear();
        if let Err(f) = events.make(&maker, i, &mut buf) {
            return Ok(End::Failed(f));
        }
        if target.take(&buf) == Flow::Stop {
            return Ok(End::Done);
        }
        i += 1;
    }
}

/// Batch b is made by thread b mod threads; the batches are taken in order, so the
/// output is the one a single thread would write.
fn parallel(events: &Gen, limits: Limits, threads: usize, target: &mut Target) -> Result<End> {
    // Compile errors surface here, before any thread starts.
    events.maker()?;
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let mut receivers = Vec::with_capacity(threads);
        for w in 0..threads {
            let (tx, rx) = mpsc::sync_channel::<std::result::Result<Vec<u8>, Fail>>(4);
            receivers.push(rx);
            let stop = &stop;
            scope.spawn(move || {
                let maker = match events.maker() {
                    Ok(m) => m,
                    Err(e) => {
                        let _ = tx.send(Err(Fail::Error(e.to_string())));
                        return;
                    }
                };
                let mut b = w as u64;
                while !stop.load(Ordering::Relaxed) {
                    let first = b * BATCH;
                    let last = limits.count.map_or(first + BATCH, |n| n.min(first + BATCH));
                    if first >= last {
                        return;
                    }
                    let mut buf = Vec::with_capacity(64 * BATCH as usize);
                    let made = (first..last)
                        .try_for_each(|i| events.make(&maker, i, &mut buf))
                        .map(|()| buf);
                    let failed = made.is_err();
                    if tx.send(made).is_err() || failed {
                        return;
                    }
                    b += threads as u64;
                }
            });
        }
        let mut b = 0usize;
        let end = loop {
            if let Some(s) = interrupt::requested() {
                break End::Signalled(s);
            }
            if limits.duration.is_some_and(|d| started.elapsed() >= d) {
                break End::Done;
            }
            match receivers[b % threads].recv() {
                Ok(Ok(buf)) => {
                    if target.take(&buf) == Flow::Stop {
                        break End::Done;
                    }
                }
                Ok(Err(f)) => break End::Failed(f),
                // That thread found no batch b: the count is reached.
                Err(_) => break End::Done,
            }
            b += 1;
        };
        // Threads waiting to hand a batch over see the receiver gone and end.
        stop.store(true, Ordering::Relaxed);
        drop(receivers);
        Ok(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(code: &str, seed: u64, n: u64, threads: usize) -> String {
        let events = Gen {
            shape: Shape::Template(code.to_string()),
            seed,
            clock: Clock {
                start: Some(1_000),
                schedule: Schedule::new(None, None),
            },
            origin: 1_000,
        };
        let maker = events.maker().expect("compiles");
        let mut out = Vec::new();
        if threads == 1 {
            for i in 0..n {
                events.make(&maker, i, &mut out).expect("makes");
            }
        } else {
            // The same events, made out of order: each depends on (seed, i) alone.
            let mut parts: Vec<(u64, Vec<u8>)> = (0..n)
                .rev()
                .map(|i| {
                    let mut b = Vec::new();
                    events.make(&maker, i, &mut b).expect("makes");
                    (i, b)
                })
                .collect();
            parts.sort_by_key(|(i, _)| *i);
            out = parts.into_iter().flat_map(|(_, b)| b).collect();
        }
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn a_seed_fixes_the_events_in_any_order() {
        let code = "{i: $i, now: $now, r: rand, n: randint(1; 6), u: uuid, w: words(2)}";
        let a = lines(code, 7, 50, 1);
        assert_eq!(a, lines(code, 7, 50, 2));
        assert_ne!(a, lines(code, 8, 50, 1));
        assert!(a.starts_with(r#"{"i":0,"now":1000,"#), "{a}");
    }

    fn plan(args: &[&str]) -> Result<Plan> {
        use clap::Parser as _;
        let cli = crate::cli::Cli::try_parse_from(["eddy", "gen"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Gen(a) => Plan::from_args(&a, 1_000_000),
            _ => unreachable!("a gen command"),
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
    fn the_plan_reads_limits_clock_and_record_fields() {
        let p = plan(&[
            "{}",
            "-n",
            "5",
            "--duration",
            "2s",
            "--rate",
            "10",
            "--ramp",
            "4s",
            "--start",
            "-1s",
            "--seed",
            "3",
        ])
        .unwrap();
        assert_eq!(p.limits.count, Some(5));
        assert_eq!(p.limits.duration, Some(Duration::from_secs(2)));
        assert_eq!(
            p.limits.schedule,
            Schedule::new(Some(10.0), Some(Duration::from_secs(4)))
        );
        assert_eq!(p.start, Some(999_000), "relative to the now it was given");
        assert_eq!(p.seed, Some(3));
        assert!(p.record.fields.is_none() && p.record.headers.is_empty());
        let p = plan(&["--preset", "orders", "--topic", "t", "-H", "a=b", "--key-from", ".id"]).unwrap();
        assert!(matches!(p.shape, Shape::Preset(_)));
        assert_eq!(p.record.headers, vec![("a".to_string(), Some(b"b".to_vec()))]);
        assert!(p.record.fields.is_some());
    }

    #[test]
    fn every_check_that_needs_no_cluster_is_in_the_plan() {
        let cases: &[(&[&str], &str)] = &[
            (&["--preset", "nope"], "--preset nope: no such preset"),
            (&["{"], "TEMPLATE"),
            (&["{}", "--rate", "0"], "--rate 0: must be a positive number"),
            (&["{}", "-z", "gzip"], "--compression needs --topic"),
            (
                &["{}", "--encode", "avro"],
                "--encode and the schema flags need --topic",
            ),
            (&["{}", "--duration", "soon"], "--duration"),
            (&["{}", "--rate", "1", "--ramp", "x"], "--ramp"),
            (&["{}", "--start", "yesterday-ish"], "--start"),
            (&["{}", "--topic", "t", "-H", "x"], "--header x: expected NAME=VALUE"),
            (&["{}", "--topic", "t", "--partition-from", "{"], "--partition-from"),
        ];
        for (args, expected) in cases {
            let m = usage(args);
            assert!(m.contains(expected), "{args:?}: {m}");
        }
    }

    #[test]
    fn random_helpers_stay_in_range() {
        let code = "[randint(3; 5), choice([\"a\", \"b\"]), weighted({\"x\": 0, \"y\": 1}), zipf(10; 1.1), (rand < 1)]";
        for line in lines(code, 1, 300, 1).lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let n = v[0].as_i64().expect("int");
            assert!((3..=5).contains(&n), "{line}");
            assert!(v[1] == "a" || v[1] == "b", "{line}");
            assert_eq!(v[2], "y", "{line}");
            assert!((1..=10).contains(&v[3].as_i64().expect("int")), "{line}");
            assert_eq!(v[4], true);
        }
    }
}
