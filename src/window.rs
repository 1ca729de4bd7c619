//! Windowed counting as a pure state machine: event times, keys and measured values go
//! in (already evaluated by the filter module), closed windows come out. No clock and no
//! I/O: the driver in `count.rs` passes processing time in as it passes, so the rules
//! below are tested with hand-made times.
//!
//! The rules: windows are aligned to the epoch and span `[start, end)`. The watermark is
//! the highest event time seen minus the allowed lateness. A window closes when the
//! watermark reaches its end; a session (per key) closes when the watermark reaches its
//! last event + gap. An event whose every window is already closed is late: it is
//! dropped and counted, never silently. At the end of input every open window closes.

use std::collections::{BTreeMap, HashMap, HashSet};

/// A grouping key: the compact JSON text of the `--by` output(s).
pub type Key = String;

/// How events are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Windowing {
    /// One window over the whole input.
    Global,
    /// Fixed windows of `size` ms.
    Tumbling { size: i64 },
    /// Windows of `size` ms starting every `slide` ms.
    Hopping { size: i64, slide: i64 },
    /// Per key, closed after `gap` ms without events.
    Session { gap: i64 },
}

/// When rows are emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    /// One row per window and key when the window closes.
    Final,
    /// A row each time a count changes, then the closing row.
    Update,
}

#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub kind: Windowing,
    pub lateness: i64,
    pub emit: Emit,
    pub top: Option<usize>,
}

/// Values measured on one event for the aggregates beside count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measures {
    pub sum: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub avg: Option<f64>,
    pub distinct: Option<String>,
}

/// Running aggregates of one key in one window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Acc {
    pub count: u64,
    pub sum: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    avg_sum: f64,
    avg_n: u64,
    distinct: HashSet<String>,
}

impl Acc {
    fn add(&mut self, m: &Measures) {
        self.count += 1;
        if let Some(v) = m.sum {
            self.sum += v;
        }
        if let Some(v) = m.min {
            self.min = Some(self.min.map_or(v, |x| x.min(v)));
        }
        if let Some(v) = m.max {
            self.max = Some(self.max.map_or(v, |x| x.max(v)));
        }
        if let Some(v) = m.avg {
            self.avg_sum += v;
            self.avg_n += 1;
        }
        if let Some(d) = &m.distinct {
            if !self.distinct.contains(d) {
                self.distinct.insert(d.clone());
            }
        }
    }

    pub fn avg(&self) -> Option<f64> {
        (self.avg_n > 0).then(|| self.avg_sum / self.avg_n as f64)
    }

    pub fn distinct(&self) -> usize {
        self.distinct.len()
    }
}

/// One output row: a window (none for the global window), a key and its aggregates.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub key: Key,
    pub acc: Acc,
    /// `Some(false)` for an update, `Some(true)` for the closing row in update mode.
    pub final_: Option<bool>,
}

#[derive(Debug, Clone)]
struct Session {
    first: i64,
    last: i64,
    acc: Acc,
}

/// The state machine.
#[derive(Debug)]
pub struct Windows {
    spec: Spec,
    /// Open time windows by (end, start), so the earliest to close come first.
    open: BTreeMap<(i64, i64), Map<Key, Acc>>,
    /// Open sessions per key.
    sessions: Map<Key, Vec<Session>>,
    max_time: Option<i64>,
    /// A processing-time clock may move the watermark without events.
    clock: Option<i64>,
    late: u64,
    /// Scratch space for `windows_of`.
    spans: Vec<(i64, i64)>,
}

/// Maps keyed by event keys: foldhash is several times faster than the default hasher
/// on short keys, and rows are sorted before they are written, so order does not leak.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

impl Windows {
    pub fn new(spec: Spec) -> Self {
        Windows {
            spec,
            open: BTreeMap::new(),
            sessions: Map::default(),
            max_time: None,
            clock: None,
            late: 0,
            spans: Vec::new(),
        }
    }

    /// Events dropped as late so far.
    pub fn late(&self) -> u64 {
        self.late
    }

    /// Open windows × keys, for memory accounting in tests.
    pub fn open_entries(&self) -> usize {
        self.open.values().map(Map::len).sum::<usize>() + self.sessions.values().map(Vec::len).sum::<usize>()
    }

    fn watermark(&self) -> Option<i64> {
        let from_events = self.max_time.map(|t| t - self.spec.lateness);
        match (from_events, self.clock) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// The windows `[start, end)` that contain time `t`, into `out` (reused: this runs
    /// once per event).
    fn windows_of(&self, t: i64, out: &mut Vec<(i64, i64)>) {
        out.clear();
        match self.spec.kind {
            Windowing::Global => out.push((i64::MIN, i64::MAX)),
            Windowing::Tumbling { size } => {
                let start = t.div_euclid(size) * size;
                out.push((start, start + size));
            }
            Windowing::Hopping { size, slide } => {
                // Every start s = k·slide with s <= t < s + size.
                let last = t.div_euclid(slide) * slide;
                let mut s = last;
                while s > t - size {
                    out.push((s, s + size));
                    s -= slide;
                }
                out.reverse();
            }
            Windowing::Session { .. } => {}
        }
    }

    /// One event at time `t` (epoch ms) under each of `keys`.
    pub fn add<K: AsRef<str>>(&mut self, t: i64, keys: &[K], m: &Measures, out: &mut Vec<Row>) {
        let watermark = self.watermark();
        let counted = match self.spec.kind {
            Windowing::Session { gap } => self.add_session(t, gap, watermark, keys, m, out),
            _ => {
                let mut any = false;
                let mut spans = std::mem::take(&mut self.spans);
                self.windows_of(t, &mut spans);
                for &(start, end) in &spans {
                    if watermark.is_some_and(|w| w >= end) {
                        continue;
                    }
                    any = true;
                    let window = self.open.entry((end, start)).or_default();
                    for k in keys {
                        let k = k.as_ref();
                        // Look up before inserting: most events hit a key already there,
                        // and the key is then not copied.
                        let acc = match window.get_mut(k) {
                            Some(acc) => acc,
                            None => window.entry(k.to_string()).or_default(),
                        };
                        acc.add(m);
                        if self.spec.emit == Emit::Update {
                            out.push(row(self.spec.kind, start, end, k.to_string(), acc.clone(), Some(false)));
                        }
                    }
                }
                self.spans = spans;
                any
            }
        };
        if !counted {
            self.late += 1;
            return;
        }
        self.max_time = Some(self.max_time.map_or(t, |x| x.max(t)));
        self.close(out);
    }

    fn add_session<K: AsRef<str>>(
        &mut self,
        t: i64,
        gap: i64,
        watermark: Option<i64>,
        keys: &[K],
        m: &Measures,
        out: &mut Vec<Row>,
    ) -> bool {
        let mut counted = false;
        for k in keys {
            let k = k.as_ref();
            let sessions = match self.sessions.get_mut(k) {
                Some(s) => s,
                None => self.sessions.entry(k.to_string()).or_default(),
            };
            // Sessions this event touches merge into one.
            let (touching, rest): (Vec<Session>, Vec<Session>) = std::mem::take(sessions)
                .into_iter()
                .partition(|s| t > s.first - gap && t < s.last + gap);
            *sessions = rest;
            if touching.is_empty() && watermark.is_some_and(|w| t + gap <= w) {
                continue;
            }
            counted = true;
            let mut merged = Session {
                first: t,
                last: t,
                acc: Acc::default(),
            };
            for s in touching {
                merged.first = merged.first.min(s.first);
                merged.last = merged.last.max(s.last);
                merge_acc(&mut merged.acc, s.acc);
            }
            merged.acc.add(m);
            if self.spec.emit == Emit::Update {
                out.push(Row {
                    start: Some(merged.first),
                    end: Some(merged.last + gap),
                    key: k.to_string(),
                    acc: merged.acc.clone(),
                    final_: Some(false),
                });
            }
            sessions.push(merged);
        }
        counted
    }

    /// The clock moved (processing time): close what the new watermark passes.
    pub fn advance(&mut self, now: i64, out: &mut Vec<Row>) {
        self.clock = Some(self.clock.map_or(now, |c| c.max(now)));
        self.close(out);
    }

    /// End of input: every open window closes.
    pub fn finish(&mut self, out: &mut Vec<Row>) {
        self.close_until(i64::MAX, true, out);
    }

    fn close(&mut self, out: &mut Vec<Row>) {
        if let Some(w) = self.watermark() {
            if self.spec.kind != Windowing::Global {
                self.close_until(w, false, out);
            }
        }
    }

    /// Emits and frees every window whose end is at or before `w`.
    fn close_until(&mut self, w: i64, all: bool, out: &mut Vec<Row>) {
        let spec = self.spec;
        while let Some((&(end, start), _)) = self.open.first_key_value() {
            if !all && end > w {
                break;
            }
            let Some((_, keys)) = self.open.pop_first() else { break };
            let rows = keys
                .into_iter()
                .map(|(k, acc)| row(spec.kind, start, end, k, acc, final_flag(spec)))
                .collect();
            out.extend(ranked(rows, spec.top));
        }
        if let Windowing::Session { gap } = spec.kind {
            let mut closed: Vec<Row> = Vec::new();
            for (k, sessions) in self.sessions.iter_mut() {
                sessions.retain(|s| {
                    if all || s.last + gap <= w {
                        closed.push(Row {
                            start: Some(s.first),
                            end: Some(s.last + gap),
                            key: k.clone(),
                            acc: s.acc.clone(),
                            final_: final_flag(spec),
                        });
                        false
                    } else {
                        true
                    }
                });
            }
            self.sessions.retain(|_, v| !v.is_empty());
            // Sessions close in order of their end; each key is its own "window".
            closed.sort_by(|a, b| (a.end, a.start, &a.key).cmp(&(b.end, b.start, &b.key)));
            out.extend(closed);
        }
    }
}

fn final_flag(spec: Spec) -> Option<bool> {
    (spec.emit == Emit::Update).then_some(true)
}

fn merge_acc(into: &mut Acc, from: Acc) {
    into.count += from.count;
    into.sum += from.sum;
    into.min = match (into.min, from.min) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    into.max = match (into.max, from.max) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    into.avg_sum += from.avg_sum;
    into.avg_n += from.avg_n;
    into.distinct.extend(from.distinct);
}

fn row(kind: Windowing, start: i64, end: i64, key: Key, acc: Acc, final_: Option<bool>) -> Row {
    let (start, end) = if kind == Windowing::Global {
        (None, None)
    } else {
        (Some(start), Some(end))
    };
    Row {
        start,
        end,
        key,
        acc,
        final_,
    }
}

/// The largest counts first, ties by the key's JSON text ascending; the top N only.
fn ranked(mut rows: Vec<Row>, top: Option<usize>) -> Vec<Row> {
    // Keys are unique within a window, so the order is total and need not be stable.
    rows.sort_unstable_by(|a, b| b.acc.count.cmp(&a.acc.count).then_with(|| a.key.cmp(&b.key)));
    if let Some(n) = top {
        rows.truncate(n);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spec(kind: Windowing, lateness: i64) -> Spec {
        Spec {
            kind,
            lateness,
            emit: Emit::Final,
            top: None,
        }
    }

    type Counted = (Option<i64>, Option<i64>, String, u64);

    fn run(spec: Spec, events: &[(i64, &str)]) -> (Vec<Counted>, u64) {
        let mut w = Windows::new(spec);
        let mut out = Vec::new();
        for (t, k) in events {
            w.add(*t, &[k.to_string()], &Measures::default(), &mut out);
        }
        w.finish(&mut out);
        (
            out.into_iter().map(|r| (r.start, r.end, r.key, r.acc.count)).collect(),
            w.late(),
        )
    }

    #[test]
    fn tumbling_closes_when_the_watermark_passes() {
        let mut w = Windows::new(spec(Windowing::Tumbling { size: 10 }, 0));
        let mut out = Vec::new();
        w.add(1, &["a"], &Measures::default(), &mut out);
        w.add(9, &["a"], &Measures::default(), &mut out);
        assert!(out.is_empty());
        w.add(10, &["b"], &Measures::default(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end, out[0].acc.count), (Some(0), Some(10), 2));
        // A late event for [0,10) is dropped and counted.
        w.add(5, &["a"], &Measures::default(), &mut out);
        assert_eq!(w.late(), 1);
        w.finish(&mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(w.open_entries(), 0, "closed windows are freed");
    }

    #[test]
    fn lateness_keeps_windows_open() {
        let (rows, late) = run(
            spec(Windowing::Tumbling { size: 10 }, 5),
            &[(1, "a"), (12, "a"), (8, "a"), (16, "a"), (9, "a")],
        );
        assert_eq!(late, 1, "9 arrives after the watermark (16-5=11) passed 10");
        assert_eq!(
            rows,
            vec![(Some(0), Some(10), "a".into(), 2), (Some(10), Some(20), "a".into(), 2)]
        );
    }

    #[test]
    fn hopping_counts_each_event_in_every_window() {
        let (rows, _) = run(spec(Windowing::Hopping { size: 10, slide: 5 }, 0), &[(7, "a")]);
        assert_eq!(
            rows,
            vec![(Some(0), Some(10), "a".into(), 1), (Some(5), Some(15), "a".into(), 1)]
        );
        let (rows, _) = run(spec(Windowing::Hopping { size: 10, slide: 5 }, 0), &[(-3, "a")]);
        assert_eq!(
            rows,
            vec![(Some(-10), Some(0), "a".into(), 1), (Some(-5), Some(5), "a".into(), 1)]
        );
    }

    #[test]
    fn sessions_merge_and_close_per_key() {
        let (rows, late) = run(
            spec(Windowing::Session { gap: 10 }, 0),
            &[(0, "a"), (5, "a"), (30, "a"), (25, "b"), (12, "a"), (20, "b")],
        );
        // When 12 arrives the watermark is 30: a's session [0, 15) closed at 15 and a new
        // one from 12 would close at 22, so 12 is late. b's 20 falls in b's open session.
        assert_eq!(late, 1);
        assert_eq!(
            rows,
            vec![
                (Some(0), Some(15), "a".into(), 2),
                (Some(20), Some(35), "b".into(), 2),
                (Some(30), Some(40), "a".into(), 1)
            ]
        );
        // Exactly a gap apart is a new session; with lateness 10, 10 bridges 0 and 20.
        let (rows, late) = run(
            spec(Windowing::Session { gap: 10 }, 0),
            &[(0, "a"), (20, "a"), (10, "a")],
        );
        assert_eq!(
            (rows, late),
            (
                vec![(Some(0), Some(10), "a".into(), 1), (Some(20), Some(30), "a".into(), 1)],
                1
            )
        );
        let (rows, late) = run(
            spec(Windowing::Session { gap: 10 }, 10),
            &[(0, "a"), (15, "a"), (8, "a")],
        );
        assert_eq!((rows, late), (vec![(Some(0), Some(25), "a".into(), 3)], 0));
    }

    #[test]
    fn global_window_and_top() {
        let s = Spec {
            kind: Windowing::Global,
            lateness: 0,
            emit: Emit::Final,
            top: Some(2),
        };
        let (rows, _) = run(s, &[(0, "b"), (1, "a"), (2, "c"), (3, "a"), (4, "c"), (5, "d")]);
        assert_eq!(rows, vec![(None, None, "a".into(), 2), (None, None, "c".into(), 2)]);
    }

    #[test]
    fn updates_then_final() {
        let s = Spec {
            kind: Windowing::Tumbling { size: 10 },
            lateness: 0,
            emit: Emit::Update,
            top: None,
        };
        let mut w = Windows::new(s);
        let mut out = Vec::new();
        w.add(1, &["a"], &Measures::default(), &mut out);
        w.add(2, &["a"], &Measures::default(), &mut out);
        w.finish(&mut out);
        let flags: Vec<(u64, Option<bool>)> = out.iter().map(|r| (r.acc.count, r.final_)).collect();
        assert_eq!(flags, vec![(1, Some(false)), (2, Some(false)), (2, Some(true))]);
    }

    #[test]
    fn aggregates() {
        let mut w = Windows::new(spec(Windowing::Global, 0));
        let mut out = Vec::new();
        for (v, d) in [(1.0, "x"), (5.0, "y"), (3.0, "x")] {
            let m = Measures {
                sum: Some(v),
                min: Some(v),
                max: Some(v),
                avg: Some(v),
                distinct: Some(d.into()),
            };
            w.add(0, &["k"], &m, &mut out);
        }
        w.finish(&mut out);
        let a = &out[0].acc;
        assert_eq!(
            (a.count, a.sum, a.min, a.max, a.avg(), a.distinct()),
            (3, 9.0, Some(1.0), Some(5.0), Some(3.0), 2)
        );
    }

    #[test]
    fn processing_time_closes_on_the_clock() {
        let mut w = Windows::new(spec(Windowing::Tumbling { size: 1000 }, 0));
        let mut out = Vec::new();
        w.add(100, &["a"], &Measures::default(), &mut out);
        w.advance(999, &mut out);
        assert!(out.is_empty());
        w.advance(1000, &mut out);
        assert_eq!(out.len(), 1);
    }

    /// The naive recomputation: every event into every window it falls in, dropping
    /// events whose windows had all closed when they arrived (same watermark rule).
    fn naive(kind: Windowing, lateness: i64, events: &[(i64, u8)]) -> (BTreeMap<(i64, i64, String), u64>, u64) {
        let mut counts = BTreeMap::new();
        let mut late = 0;
        let mut max: Option<i64> = None;
        for &(t, k) in events {
            let wm = max.map(|m| m - lateness);
            let windows: Vec<(i64, i64)> = match kind {
                Windowing::Tumbling { size } => vec![(t.div_euclid(size) * size, t.div_euclid(size) * size + size)],
                Windowing::Hopping { size, slide } => {
                    let mut v = Vec::new();
                    let mut s = t.div_euclid(slide) * slide;
                    while s > t - size {
                        v.push((s, s + size));
                        s -= slide;
                    }
                    v
                }
                _ => unreachable!(),
            };
            let open: Vec<_> = windows.into_iter().filter(|(_, e)| wm.is_none_or(|w| w < *e)).collect();
            if open.is_empty() {
                late += 1;
                continue;
            }
            for (s, e) in open {
                *counts.entry((s, e, k.to_string())).or_insert(0) += 1;
            }
            max = Some(max.map_or(t, |m| m.max(t)));
        }
        (counts, late)
    }

    proptest! {
        #[test]
        fn matches_a_naive_recomputation(
            events in prop::collection::vec((0i64..200, 0u8..4), 0..80),
            size in 1i64..40,
            slide_div in 1i64..4,
            lateness in 0i64..30,
            hopping in any::<bool>(),
        ) {
            let slide = (size / slide_div).max(1);
            let kind = if hopping { Windowing::Hopping { size, slide } } else { Windowing::Tumbling { size } };
            let mut w = Windows::new(spec(kind, lateness));
            let mut out = Vec::new();
            for &(t, k) in &events {
                w.add(t, &[k.to_string()], &Measures::default(), &mut out);
            }
            w.finish(&mut out);
            let got: BTreeMap<(i64, i64, String), u64> =
                out.into_iter().map(|r| ((r.start.unwrap(), r.end.unwrap(), r.key), r.acc.count)).collect();
            let (want, late) = naive(kind, lateness, &events);
            prop_assert_eq!(got, want);
            prop_assert_eq!(w.late(), late);
        }

        #[test]
        fn sessions_match_a_naive_recomputation(
            times in prop::collection::vec(0i64..300, 0..60),
            gap in 1i64..40,
        ) {
            // In time order nothing is late, so sessions are just runs with gaps < gap.
            let mut sorted = times.clone();
            sorted.sort();
            let mut w = Windows::new(spec(Windowing::Session { gap }, 0));
            let mut out = Vec::new();
            for &t in &sorted {
                w.add(t, &["k".to_string()], &Measures::default(), &mut out);
            }
            w.finish(&mut out);
            let got: Vec<(i64, i64, u64)> = out.iter().map(|r| (r.start.unwrap(), r.end.unwrap(), r.acc.count)).collect();
            let mut want: Vec<(i64, i64, u64)> = Vec::new();
            for &t in &sorted {
                match want.last_mut() {
                    Some((_, end, n)) if t < *end => { *end = t + gap; *n += 1; }
                    _ => want.push((t, t + gap, 1)),
                }
            }
            prop_assert_eq!(got, want);
        }
    }
}
