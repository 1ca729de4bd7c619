//! `eddy count`: the driver of the windowing state machine. It reads JSON events, asks
//! the filter module for each event's keys, time and measured values, feeds them to
//! `window::Windows`, and writes the rows of closed windows. With processing time, the
//! reader wakes every 100 ms without input, so windows close on the clock on a live
//! `consume | count`.
//!
//! Over 700 lines with its tests: the driver (about 650) is one pipeline — plan, the
//! measuring thread, rows and bars — that reads best in one file until count becomes a
//! thin command over a shared stream layer.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::mpsc::SyncSender;

use colored::Colorize;

use crate::cli::{CountArgs, EmitMode};
use crate::config::Settings;
use crate::error::{self, Error, Outcome, Result};
use crate::input::{Next, Reader};
use crate::interrupt;
use crate::jq::{Filter, FilterSpec, RunError, Scan, Value, write_f64};
use crate::output::{Stdout, Written};
use crate::times::{format_rfc3339, now_ms, number_to_ms, parse_duration, parse_time};
use crate::window::{Emit, Measures, Row, Spec, Windowing, Windows};

/// The filters that measure each event, as given (plain data: the measuring thread
/// compiles its own).
#[derive(Debug, Clone)]
struct MeasureSpec {
    by: Vec<FilterSpec>,
    time: Option<FilterSpec>,
    sum: Option<FilterSpec>,
    min: Option<FilterSpec>,
    max: Option<FilterSpec>,
    avg: Option<FilterSpec>,
    distinct: Option<FilterSpec>,
}

/// Everything `eddy count` was asked, checked: no I/O, nothing started.
#[derive(Debug, Clone)]
struct Plan {
    spec: Spec,
    measure: MeasureSpec,
    files: Vec<std::path::PathBuf>,
    /// Windows close on event time (`--time`) rather than on the clock.
    event_time: bool,
    /// Processing-time windows read the clock per event; the global window needs none
    /// (and the clock costs a tenth of a plain count).
    clocked: bool,
}

/// The filters that measure each event, compiled.
struct Measure {
    by: Vec<Filter>,
    time: Option<Filter>,
    sum: Option<Filter>,
    min: Option<Filter>,
    max: Option<Filter>,
    avg: Option<Filter>,
    distinct: Option<Filter>,
}

fn duration_ms(flag: &str, text: &str) -> Result<i64> {
    let d = parse_duration(flag, text).map_err(Error::usage)?;
    let ms = i64::try_from(d.as_millis()).map_err(|_| Error::flag_says(flag, "too long"))?;
    if ms <= 0 {
        return Err(Error::flag_says(flag, "must be at least 1ms"));
    }
    Ok(ms)
}

impl Plan {
    fn from_args(args: &CountArgs) -> Result<Plan> {
        let kind = match (&args.window, &args.slide, &args.session) {
            (Some(w), None, None) => Windowing::Tumbling {
                size: duration_ms("--window", w)?,
            },
            (Some(w), Some(s), None) => {
                let (size, slide) = (duration_ms("--window", w)?, duration_ms("--slide", s)?);
                if slide > size {
                    return Err(Error::flag_says("--slide", "must not be larger than --window"));
                }
                Windowing::Hopping { size, slide }
            }
            (None, None, Some(g)) => Windowing::Session {
                gap: duration_ms("--session", g)?,
            },
            (None, None, None) => Windowing::Global,
            _ => return Err(Error::usage("--window (with --slide) and --session exclude each other")),
        };
        let lateness = match &args.lateness {
            Some(l) => {
                i64::try_from(parse_duration("--lateness", l).map_err(Error::usage)?.as_millis()).unwrap_or(i64::MAX)
            }
            None => 0,
        };
        let emit = if args.emit == EmitMode::Update {
            Emit::Update
        } else {
            Emit::Final
        };
        if args.top == Some(0) {
            return Err(Error::flag_says("--top", "must be at least 1"));
        }
        let one = |code: &Option<String>| code.as_deref().map(FilterSpec::new);
        let measure = MeasureSpec {
            by: args.by.iter().map(FilterSpec::new).collect(),
            time: one(&args.time),
            sum: one(&args.sum),
            min: one(&args.min),
            max: one(&args.max),
            avg: one(&args.avg),
            distinct: one(&args.distinct),
        };
        let event_time = measure.time.is_some();
        Ok(Plan {
            spec: Spec {
                kind,
                lateness,
                emit,
                top: args.top,
            },
            measure,
            files: args.files.clone(),
            event_time,
            clocked: !event_time && !matches!(kind, Windowing::Global),
        })
    }
}

pub fn run(settings: &Settings, args: &CountArgs) -> Result<Outcome> {
    let plan = Plan::from_args(args)?;
    // Compiled here to report mistakes before anything runs; the measuring thread
    // compiles its own (compiled filters cannot move between threads).
    Measure::compile(&plan.measure)?;
    for f in &plan.files {
        if f.as_os_str() != "-" && !f.exists() {
            return Err(Error::usage(format!("{}: no such file", f.display())));
        }
    }
    let (event_time, clocked) = (plan.event_time, plan.clocked);
    let sum_asked = plan.measure.sum.is_some();
    let mut windows = Windows::new(plan.spec);
    let mut out = Stdout::new();
    let bars = std::io::stderr().is_terminal() && !settings.quiet;
    let mut rows: Vec<Row> = Vec::new();
    let mut events: u64 = 0;

    // Reading and measuring events (scanning JSON, running the filters) happens on a
    // second thread, which hands over batches in order; this one keeps the windows and
    // writes rows. The queue is short, so memory stays flat. The thread is not joined
    // when the output closes early: it may be waiting on a terminal, and ends with us.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(4);
    std::thread::Builder::new()
        .name("measure".into())
        .spawn(move || measure_events(&plan, &tx))
        .map_err(|e| Error::runtime(format!("cannot start a thread: {e}")))?;

    let (bad, interrupted) = loop {
        let Ok(msg) = rx.recv() else {
            return Err(Error::runtime("the measuring thread stopped unexpectedly"));
        };
        match msg {
            Msg::Batch(batch) => {
                let mut keys: Vec<&str> = Vec::new();
                let mut from = 0;
                for e in &batch.events {
                    events += 1;
                    keys.clear();
                    for i in from..from + e.keys {
                        keys.push(&batch.text[batch.key_start(i)..batch.ends[i]]);
                    }
                    from += e.keys;
                    if !keys.is_empty() {
                        windows.add(e.t, &keys, &e.m, &mut rows);
                    }
                }
                if clocked {
                    windows.advance(now_ms(), &mut rows);
                }
            }
            Msg::Idle => {
                if !event_time {
                    windows.advance(now_ms(), &mut rows);
                }
            }
            Msg::End { bad, interrupted } => break (bad, interrupted),
            Msg::Failed(e) => return Err(e),
        }
        if !rows.is_empty() && write_rows(&mut out, &mut rows, bars, settings.color, sum_asked) == Written::Closed {
            return Ok(Outcome::Success);
        }
    };
    windows.finish(&mut rows);
    let _ = write_rows(&mut out, &mut rows, bars, settings.color, sum_asked);
    if !settings.quiet || windows.late() > 0 {
        eprintln!(
            "count: {events} events, late: {}{}",
            windows.late(),
            if bad > 0 {
                format!(", not processed: {bad}")
            } else {
                String::new()
            }
        );
    }
    Ok(match interrupted {
        Some(s) => Outcome::Interrupted(s),
        None if bad > 0 => Outcome::InputErrors,
        None => Outcome::Success,
    })
}

impl Measure {
    fn compile(spec: &MeasureSpec) -> Result<Measure> {
        let one = |flag: &str, f: &FilterSpec| f.compile().map_err(|e| Error::usage(format!("{flag}: {e}")));
        let some = |flag: &str, f: &Option<FilterSpec>| f.as_ref().map(|f| one(flag, f)).transpose();
        Ok(Measure {
            by: spec.by.iter().map(|b| one("--by", b)).collect::<Result<_>>()?,
            time: some("--time", &spec.time)?,
            sum: some("--sum", &spec.sum)?,
            min: some("--min", &spec.min)?,
            max: some("--max", &spec.max)?,
            avg: some("--avg", &spec.avg)?,
            distinct: some("--distinct", &spec.distinct)?,
        })
    }
}

/// What the measuring thread hands over.
enum Msg {
    Batch(Batch),
    /// No input for 100 ms: processing-time windows may close on the clock.
    Idle,
    /// The end of the input (or a signal), and how many events were not processed.
    End {
        bad: u64,
        interrupted: Option<crate::error::Signal>,
    },
    Failed(Error),
}

/// Measured events, in order. Their keys' texts are one string, cut at `ends`.
#[derive(Default)]
struct Batch {
    text: String,
    ends: Vec<usize>,
    events: Vec<Measured>,
}

impl Batch {
    /// Where key `i` starts in `text`.
    fn key_start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] }
    }
}

struct Measured {
    /// How many keys (the next ones in `Batch::ends`).
    keys: usize,
    t: i64,
    m: Measures,
}

/// Events in one batch at most; a batch also goes out whenever the input would block.
const BATCH: usize = 4096;

/// The measuring thread: reads events, runs the filters, sends batches in order.
fn measure_events(plan: &Plan, tx: &SyncSender<Msg>) {
    let (event_time, clocked) = (plan.event_time, plan.clocked);
    // Compiled once already on the main thread, so this should not fail; if it does,
    // the error is the thread's own to report.
    let measure = match Measure::compile(&plan.measure) {
        Ok(m) => m,
        Err(e) => {
            let _ = tx.send(Msg::Failed(e));
            return;
        }
    };
    let mut reader = Reader::new(&plan.files, b'\n');
    let mut event = Event::default();
    let mut keys: Vec<String> = Vec::new();
    let mut batch = Batch::default();
    let mut bad: u64 = 0;
    let send = |batch: &mut Batch| tx.send(Msg::Batch(std::mem::take(batch))).is_ok();
    loop {
        if let Some(s) = interrupt::requested() {
            let _ = send(&mut batch);
            let _ = tx.send(Msg::End {
                bad,
                interrupted: Some(s),
            });
            return;
        }
        if !batch.events.is_empty() && (batch.events.len() >= BATCH || reader.would_block()) && !send(&mut batch) {
            return;
        }
        let (line, position) = match reader.next_record() {
            Err(e) => {
                let _ = send(&mut batch);
                let _ = tx.send(Msg::Failed(e.into()));
                return;
            }
            Ok(Next::End) => {
                let _ = send(&mut batch);
                let _ = tx.send(Msg::End { bad, interrupted: None });
                return;
            }
            // The input paused: what is batched goes now, not after the wait.
            Ok(Next::Dry) => {
                if !batch.events.is_empty() && !send(&mut batch) {
                    return;
                }
                continue;
            }
            Ok(Next::Idle) => {
                if (!batch.events.is_empty() && !send(&mut batch)) || tx.send(Msg::Idle).is_err() {
                    return;
                }
                continue;
            }
            Ok(Next::Record(line, position)) => (line, position),
        };
        if line.trim_ascii().is_empty() {
            continue;
        }
        let measured = match event.read(line) {
            Ok(()) => measure_event(&measure, &mut event, &mut keys),
            Err(e) => {
                error::report(&Error::input(&position, format!("not JSON: {e}")), None);
                bad += 1;
                continue;
            }
        };
        let measured = measured.and_then(|(time, m)| {
            let t = match time {
                Some(t) => t,
                None if event_time => return Err("--time gave no time".to_string()),
                None if clocked => now_ms(),
                None => 0,
            };
            Ok((t, m))
        });
        match measured {
            Ok((t, m)) => {
                for k in &keys {
                    batch.text.push_str(k);
                    batch.ends.push(batch.text.len());
                }
                batch.events.push(Measured { keys: keys.len(), t, m });
            }
            Err(e) => {
                error::report(&Error::input(&position, e), None);
                bad += 1;
            }
        }
    }
}

/// One event on its way through the measuring filters: scanned once for the filters'
/// fast path and parsed (once) only if some filter needs the interpreter.
#[derive(Default)]
struct Event {
    line: Vec<u8>,
    scan: Scan,
    scanned: bool,
    value: Option<Value>,
    text: Vec<u8>,
}

impl Event {
    /// Takes the next event; an error when it is not JSON.
    fn read(&mut self, line: &[u8]) -> std::result::Result<(), String> {
        self.line.clear();
        self.line.extend_from_slice(line);
        self.value = None;
        self.scanned = self.scan.record(line).is_ok();
        if !self.scanned {
            // Not an object the fast path knows: the parser decides, and says why not.
            self.value = Some(Value::parse_json(line)?);
        }
        Ok(())
    }

    /// The outputs of `filter` (at most `limit`), each as compact JSON text.
    fn outputs(&mut self, filter: &Filter, limit: usize) -> std::result::Result<Vec<Vec<u8>>, RunError> {
        let mut texts = Vec::new();
        self.each_output(filter, limit, |t| texts.push(t.to_vec()))?;
        Ok(texts)
    }

    /// Hands each output of `filter` (at most `limit`), as compact JSON text, to `each`.
    fn each_output(
        &mut self,
        filter: &Filter,
        limit: usize,
        mut each: impl FnMut(&[u8]),
    ) -> std::result::Result<(), RunError> {
        if self.scanned {
            self.text.clear();
            if let Some(output) = filter.fast_scanned(&self.line, &self.scan, false, &mut self.text) {
                if output.is_some() && limit > 0 {
                    each(&self.text);
                }
                return Ok(());
            }
        }
        let value = match &self.value {
            Some(v) => v,
            None => self
                .value
                .insert(Value::parse_json(&self.line).map_err(RunError::NotJson)?),
        };
        for v in filter.outputs(value, limit)? {
            self.text.clear();
            v.write_json(&mut self.text);
            each(&self.text);
        }
        Ok(())
    }

    /// The first output of `filter`, if any, as compact JSON text.
    fn first(&mut self, filter: &Filter, flag: &str) -> std::result::Result<Option<&[u8]>, String> {
        let mut found = false;
        self.each_output(filter, 1, |_| found = true)
            .map_err(|e| format!("{flag}: {e}"))?;
        Ok(found.then_some(&self.text[..]))
    }
}

/// Fills `keys` with the event's keys (compact JSON text); returns the event time if
/// `--time` is given, and the measures. `keys` is reused from event to event, so the
/// usual single key costs no allocation.
fn measure_event(
    m: &Measure,
    event: &mut Event,
    keys: &mut Vec<String>,
) -> std::result::Result<(Option<i64>, Measures), String> {
    if let [by] = &m.by[..] {
        let mut used = 0;
        event
            .each_output(by, usize::MAX, |text| {
                let text = std::str::from_utf8(text).unwrap_or_default();
                match keys.get_mut(used) {
                    Some(k) => {
                        k.clear();
                        k.push_str(text);
                    }
                    None => keys.push(text.to_string()),
                }
                used += 1;
            })
            .map_err(|e| format!("--by: {e}"))?;
        keys.truncate(used);
    } else {
        let mut outputs: Vec<Vec<Vec<u8>>> = Vec::with_capacity(m.by.len());
        for by in &m.by {
            outputs.push(event.outputs(by, usize::MAX).map_err(|e| format!("--by: {e}"))?);
        }
        *keys = composite_keys(outputs);
    }
    let time = match &m.time {
        Some(f) => match event.first(f, "--time")? {
            None => None,
            Some(text) => Some(time_of(text)?),
        },
        None => None,
    };
    let mut number = |f: &Option<Filter>, flag: &str| -> std::result::Result<Option<f64>, String> {
        let Some(f) = f else { return Ok(None) };
        match event.first(f, flag)? {
            None => Ok(None),
            Some(text) => number_of(text).map(Some).ok_or_else(|| format!("{flag}: not a number")),
        }
    };
    let (sum, min, max, avg) = (
        number(&m.sum, "--sum")?,
        number(&m.min, "--min")?,
        number(&m.max, "--max")?,
        number(&m.avg, "--avg")?,
    );
    let distinct = match &m.distinct {
        Some(f) => event.first(f, "--distinct")?.map(|t| utf8(t.to_vec())),
        None => None,
    };
    Ok((
        time,
        Measures {
            sum,
            min,
            max,
            avg,
            distinct,
        },
    ))
}

/// JSON text as a string (the writer only writes UTF-8).
fn utf8(text: Vec<u8>) -> String {
    String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A number's JSON text as f64; None for anything else.
fn number_of(text: &[u8]) -> Option<f64> {
    match text.first() {
        Some(b'-' | b'0'..=b'9') => std::str::from_utf8(text).ok()?.parse().ok(),
        _ => None,
    }
}

/// No --by: the one key `null`. One --by: each output. Several: every combination, as
/// a JSON array.
fn composite_keys(mut outputs: Vec<Vec<Vec<u8>>>) -> Vec<String> {
    if outputs.len() == 1 {
        return outputs.pop().unwrap_or_default().into_iter().map(utf8).collect();
    }
    match &outputs[..] {
        [] => vec!["null".to_string()],
        many => {
            let mut combos: Vec<Vec<String>> = vec![Vec::new()];
            for outs in many {
                let mut next = Vec::new();
                for c in &combos {
                    for o in outs {
                        let mut c = c.clone();
                        c.push(utf8(o.clone()));
                        next.push(c);
                    }
                }
                combos = next;
            }
            combos.into_iter().map(|c| format!("[{}]", c.join(","))).collect()
        }
    }
}

/// An event time from its JSON text: a number (seconds below 100,000,000,000, else
/// milliseconds) or an RFC 3339 string.
fn time_of(text: &[u8]) -> std::result::Result<i64, String> {
    if let Some(n) = number_of(text) {
        return Ok(number_to_ms(n));
    }
    if text.first() == Some(&b'"') {
        let v = Value::parse_json(text).map_err(|e| format!("--time: {e}"))?;
        let s = String::from_utf8_lossy(v.text().unwrap_or_default());
        return parse_time(&s, 0).map_err(|e| format!("--time: {e}"));
    }
    Err(format!(
        "--time: {} is not a number or an RFC 3339 string",
        String::from_utf8_lossy(text)
    ))
}

/// Appends `,"name":x` with x as jq prints numbers (the one writer in jq/json.rs).
fn push_number(buf: &mut Vec<u8>, name: &str, x: f64) {
    buf.extend_from_slice(b",\"");
    buf.extend_from_slice(name.as_bytes());
    buf.extend_from_slice(b"\":");
    write_f64(buf, x);
}

/// Writes rows as JSON lines (and, on a terminal, each closed window as a table of bars
/// on stderr), then flushes: a closed window must reach the reader at once.
fn write_rows(out: &mut Stdout, rows: &mut Vec<Row>, bars: bool, color: bool, sum_asked: bool) -> Written {
    if rows.is_empty() {
        return Written::Ok;
    }
    // Rows of one window come together: its times are formatted once.
    let mut span: Option<(i64, i64)> = None;
    let mut span_text: Vec<u8> = Vec::new();
    let mut digits = itoa::Buffer::new();
    for r in rows.iter() {
        let buf = &mut out.buf;
        buf.push(b'{');
        if let (Some(s), Some(e)) = (r.start, r.end) {
            if span != Some((s, e)) {
                span = Some((s, e));
                span_text =
                    format!("\"start\":\"{}\",\"end\":\"{}\",", format_rfc3339(s), format_rfc3339(e)).into_bytes();
            }
            buf.extend_from_slice(&span_text);
        }
        buf.extend_from_slice(b"\"key\":");
        buf.extend_from_slice(r.key.as_bytes());
        buf.extend_from_slice(b",\"count\":");
        buf.extend_from_slice(digits.format(r.acc.count).as_bytes());
        let a = &r.acc;
        if sum_asked {
            push_number(buf, "sum", a.sum);
        }
        if let Some(v) = a.min {
            push_number(buf, "min", v);
        }
        if let Some(v) = a.max {
            push_number(buf, "max", v);
        }
        if let Some(v) = a.avg() {
            push_number(buf, "avg", v);
        }
        if a.distinct() > 0 {
            buf.extend_from_slice(format!(",\"distinct\":{}", a.distinct()).as_bytes());
        }
        if let Some(f) = r.final_ {
            buf.extend_from_slice(format!(",\"final\":{f}").as_bytes());
        }
        buf.extend_from_slice(b"}\n");
    }
    if bars {
        draw_bars(rows, color);
    }
    rows.clear();
    out.flush()
}

/// A window's start and end (none for the global window).
type Span = (Option<i64>, Option<i64>);

/// Closed windows as small tables with proportional bars, the top keys first.
fn draw_bars(rows: &[Row], color: bool) {
    let mut by_window: Vec<(Span, Vec<&Row>)> = Vec::new();
    let mut index: HashMap<Span, usize> = HashMap::new();
    for r in rows.iter().filter(|r| r.final_ != Some(false)) {
        let w = (r.start, r.end);
        let i = *index.entry(w).or_insert_with(|| {
            by_window.push((w, Vec::new()));
            by_window.len() - 1
        });
        by_window[i].1.push(r);
    }
    for ((start, end), mut rows) in by_window {
        rows.sort_by(|a, b| b.acc.count.cmp(&a.acc.count).then_with(|| a.key.cmp(&b.key)));
        let title = match (start, end) {
            (Some(s), Some(e)) => format!("{} .. {}", format_rfc3339(s), format_rfc3339(e)),
            _ => "all input".to_string(),
        };
        eprintln!("{}", if color { title.bold().to_string() } else { title });
        let max = rows.first().map_or(1, |r| r.acc.count.max(1));
        let width = rows
            .iter()
            .take(20)
            .map(|r| r.key.chars().count())
            .max()
            .unwrap_or(0)
            .min(30);
        for r in rows.iter().take(20) {
            let len = ((r.acc.count as f64 / max as f64) * 40.0).round().max(1.0) as usize;
            let bar = "█".repeat(len);
            let key: String = r.key.chars().take(30).collect();
            let bar = if color { bar.cyan().to_string() } else { bar };
            eprintln!("  {key:<width$}  {bar} {}", r.acc.count);
        }
        if rows.len() > 20 {
            eprintln!("  … {} more keys", rows.len() - 20);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn plan(args: &[&str]) -> Result<Plan> {
        let cli = crate::cli::Cli::try_parse_from(["eddy", "count"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Count(a) => Plan::from_args(&a),
            _ => unreachable!("a count command"),
        }
    }

    fn usage(args: &[&str]) -> String {
        match plan(args) {
            Err(e) if e.is_usage() => e.to_string(),
            other => panic!("expected a usage error for {args:?}, got {other:?}"),
        }
    }

    #[test]
    fn the_plan_reads_windows_and_clocks_from_the_flags() {
        let p = plan(&["--window", "1m", "--slide", "10s", "--by", ".user"]).unwrap();
        assert_eq!(
            p.spec.kind,
            Windowing::Hopping {
                size: 60_000,
                slide: 10_000
            }
        );
        assert!(p.clocked && !p.event_time);
        let p = plan(&["--session", "5s", "--time", ".ts", "--lateness", "2s"]).unwrap();
        assert_eq!(p.spec.kind, Windowing::Session { gap: 5_000 });
        assert_eq!(p.spec.lateness, 2_000);
        assert!(p.event_time && !p.clocked);
        // The global window reads no clock.
        let p = plan(&["--by", ".k", "--sum", ".n"]).unwrap();
        assert_eq!(p.spec.kind, Windowing::Global);
        assert!(!p.clocked && p.measure.sum.is_some() && p.measure.by.len() == 1);
    }

    #[test]
    fn the_plan_refuses_what_cannot_run_before_anything_starts() {
        assert_eq!(
            usage(&["--window", "1s", "--slide", "2s"]),
            "--slide: must not be larger than --window"
        );
        assert_eq!(usage(&["--top", "0"]), "--top: must be at least 1");
        assert!(usage(&["--window", "0s"]).starts_with("--window"));
        assert!(usage(&["--lateness", "soon"]).starts_with("--lateness"));
    }

    #[test]
    fn the_measuring_filters_compile_with_their_flag_in_errors() {
        let p = plan(&["--by", ".a |"]).unwrap();
        match Measure::compile(&p.measure) {
            Err(Error::Usage(m)) => assert!(m.starts_with("--by: "), "{m}"),
            _ => panic!("a broken --by must not compile"),
        }
    }

    #[test]
    fn composite_keys_are_every_combination() {
        let v = |s: &str| s.as_bytes().to_vec();
        assert_eq!(composite_keys(vec![]), vec!["null"]);
        assert_eq!(composite_keys(vec![vec![v("\"a\""), v("1")]]), vec!["\"a\"", "1"]);
        assert_eq!(
            composite_keys(vec![vec![v("\"a\""), v("\"b\"")], vec![v("1")]]),
            vec!["[\"a\",1]", "[\"b\",1]"]
        );
        assert!(composite_keys(vec![vec![], vec![v("1")]]).is_empty());
    }

    #[test]
    fn times_of_events() {
        let v = |s: &str| s.as_bytes().to_vec();
        assert_eq!(time_of(&v("1764316800")), Ok(1_764_316_800_000));
        assert_eq!(time_of(&v("1764316800123")), Ok(1_764_316_800_123));
        assert_eq!(time_of(&v("\"2025-11-28T08:00:00Z\"")), Ok(1_764_316_800_000));
        assert_eq!(time_of(&v("\"2025-11-28T08:00:00\\u005a\"")), Ok(1_764_316_800_000));
        assert!(time_of(&v("[1]")).is_err());
        assert!(time_of(&v("null")).is_err());
    }
}
