//! consume's stop rules as a pure state machine: no I/O and no clock. The loop feeds it
//! what happened — a partition joined (with the end it must stop at), a record arrived,
//! a record was shown, a partition reached the broker's end (with the high watermark
//! librdkafka last saw), the group's assignment changed, the clock ticked — and asks
//! what to do with a record and whether the run is done. The rules:
//!
//! - `--until end` / `--until OFFSET` (and `-e`): a partition is done at its end, fixed
//!   when it joined (the last stable offset then, or OFFSET), exclusive. The record at or
//!   past it is not shown; a partition that starts at or past it is done at once; at the
//!   broker's end, `--until end` is done, `--until OFFSET` once the log reaches OFFSET.
//! - `--until @TIME`: the first record whose timestamp is at or after TIME is not shown
//!   and ends its partition; a partition idle at its end is done once the clock passes TIME.
//! - The run is done when every partition that counts is done: the named ones, or with
//!   a group the ones assigned now (none assigned yet is not done).
//! - `-n N` (and `--expect N`, which also stops at N) is done at N records written;
//!   `--expect-none` fails at the first.

use crate::offsets::UntilSpec;

/// One partition's stop state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartStop {
    /// Where it stops (exclusive), for `--until end` / OFFSET.
    pub end: Option<i64>,
    pub done: bool,
    /// At the end of what the broker has (since the last record).
    pub at_eof: bool,
}

/// What to do with a record that arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Show it.
    Show,
    /// Its partition is done already: drop it.
    Drop,
    /// It is past `--until`: not shown, and its partition is done now (the caller stops
    /// fetching it, and the group resumes at this record).
    Past,
}

/// What ends the run after a record was written, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// `-n` / `--expect` reached its count.
    Count,
    /// `--expect-none` saw a record.
    Unexpected,
}

#[derive(Debug)]
pub struct Stops {
    until: Option<UntilSpec>,
    count: Option<u64>,
    expect_none: bool,
    parts: Vec<PartStop>,
    /// With a group: the slots assigned now, or None before the first assignment.
    assigned: Option<Vec<usize>>,
    group_mode: bool,
}

impl Stops {
    pub fn new(until: Option<UntilSpec>, count: Option<u64>, expect_none: bool, group_mode: bool) -> Self {
        Stops {
            until,
            count,
            expect_none,
            parts: Vec::new(),
            assigned: None,
            group_mode,
        }
    }

    /// Whether a partition's end must be looked up (the last stable offset) when it joins.
    pub fn needs_stable_end(&self) -> bool {
        self.until == Some(UntilSpec::End)
    }

    /// A partition joins as the next slot; `stable_end` is its last stable offset now,
    /// looked up when `needs_stable_end` says so.
    pub fn add(&mut self, stable_end: Option<i64>) -> usize {
        let end = match self.until {
            Some(UntilSpec::End) => stable_end,
            Some(UntilSpec::Offset(o)) => Some(o),
            _ => None,
        };
        self.parts.push(PartStop {
            end,
            ..PartStop::default()
        });
        self.parts.len() - 1
    }

    pub fn part(&self, slot: usize) -> PartStop {
        self.parts[slot]
    }

    /// Reading of `slot` starts at `start`: at or past its end it is done before it
    /// begins. True when it is done now.
    pub fn starts_at(&mut self, slot: usize, start: i64) -> bool {
        let p = &mut self.parts[slot];
        if p.end.is_some_and(|end| start >= end) {
            p.done = true;
        }
        p.done
    }

    /// A record of `slot` arrived.
    pub fn record(&mut self, slot: usize, offset: i64, timestamp: Option<i64>) -> Verdict {
        let p = &mut self.parts[slot];
        p.at_eof = false;
        if p.done {
            return Verdict::Drop;
        }
        let past_time = matches!(self.until, Some(UntilSpec::Time(t)) if timestamp.is_some_and(|ts| ts >= t));
        if past_time || p.end.is_some_and(|e| offset >= e) {
            p.done = true;
            return Verdict::Past;
        }
        Verdict::Show
    }

    /// The record at `offset` of `slot` was shown. True when that ends its partition.
    pub fn shown(&mut self, slot: usize, offset: i64) -> bool {
        let p = &mut self.parts[slot];
        if !p.done && p.end.is_some_and(|e| offset + 1 >= e) {
            p.done = true;
            return true;
        }
        false
    }

    /// `records` have been written in all: whether that ends the run.
    pub fn written(&self, records: u64) -> Option<Stop> {
        if self.expect_none && records > 0 {
            return Some(Stop::Unexpected);
        }
        if self.count.is_some_and(|n| records >= n) {
            return Some(Stop::Count);
        }
        None
    }

    /// `slot` reached the end of what the broker has, whose log ends at `high` (as
    /// librdkafka last saw it), at `now_ms`. True when that ends the partition.
    pub fn end_of_partition(&mut self, slot: usize, high: Option<i64>, now_ms: i64) -> bool {
        let until = self.until;
        let p = &mut self.parts[slot];
        p.at_eof = true;
        if p.done {
            return false;
        }
        let finish = match until {
            Some(UntilSpec::End) => true,
            // The end was fixed up front; reaching the broker's end before it means
            // waiting for more records.
            Some(UntilSpec::Offset(_)) => matches!((p.end, high), (Some(e), Some(h)) if h >= e),
            Some(UntilSpec::Time(t)) => now_ms >= t,
            None => false,
        };
        p.done |= finish;
        finish
    }

    /// The clock reads `now_ms`: under `--until @TIME`, partitions idle at their end are
    /// done once it is past TIME. Calls `finished` for each one that is done now.
    pub fn tick(&mut self, now_ms: i64, mut finished: impl FnMut(usize)) {
        let Some(UntilSpec::Time(t)) = self.until else { return };
        if now_ms < t {
            return;
        }
        for (slot, p) in self.parts.iter_mut().enumerate() {
            if p.at_eof && !p.done {
                p.done = true;
                finished(slot);
            }
        }
    }

    /// The group assigned these slots (empty: everything was revoked).
    pub fn assigned(&mut self, slots: Vec<usize>) {
        self.assigned = Some(slots);
    }

    /// Whether every partition that counts is done (never, without `--until`).
    pub fn all_done(&self) -> bool {
        if self.until.is_none() {
            return false;
        }
        if self.group_mode {
            return match &self.assigned {
                Some(slots) if !slots.is_empty() => slots.iter().all(|&s| self.parts[s].done),
                _ => false,
            };
        }
        self.parts.iter().all(|p| p.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn until_end_stops_at_the_end_fixed_when_it_joined() {
        let mut s = Stops::new(Some(UntilSpec::End), None, false, false);
        let a = s.add(Some(2));
        let b = s.add(Some(0));
        assert!(!s.starts_at(a, 0));
        assert!(s.starts_at(b, 0), "an empty partition is done at once");
        assert_eq!(s.record(a, 0, None), Verdict::Show);
        assert!(!s.shown(a, 0));
        assert!(!s.all_done());
        assert_eq!(s.record(a, 1, None), Verdict::Show);
        assert!(s.shown(a, 1));
        assert!(s.all_done());
        assert_eq!(s.record(a, 2, None), Verdict::Drop);
    }

    #[test]
    fn a_record_past_the_end_is_not_shown() {
        // Markers and aborted batches make offsets jump over the end.
        let mut s = Stops::new(Some(UntilSpec::Offset(5)), None, false, false);
        let a = s.add(None);
        assert_eq!(s.part(a).end, Some(5));
        assert_eq!(s.record(a, 3, None), Verdict::Show);
        assert!(!s.shown(a, 3));
        assert_eq!(s.record(a, 7, None), Verdict::Past);
        assert!(s.all_done());
    }

    #[test]
    fn end_of_partition_per_rule() {
        let mut s = Stops::new(Some(UntilSpec::End), None, false, false);
        let a = s.add(Some(10));
        assert!(s.end_of_partition(a, Some(8), 0), "-e is done at the broker's end");

        let mut s = Stops::new(Some(UntilSpec::Offset(10)), None, false, false);
        let a = s.add(None);
        assert!(!s.end_of_partition(a, Some(8), 0), "waits for offset 10 to exist");
        assert!(s.end_of_partition(a, Some(10), 0));

        let mut s = Stops::new(None, None, false, false);
        let a = s.add(None);
        assert!(!s.end_of_partition(a, Some(8), 0));
        assert!(!s.all_done(), "without --until it never ends");
    }

    #[test]
    fn until_time_ends_on_a_late_record_or_an_idle_partition_past_time() {
        let mut s = Stops::new(Some(UntilSpec::Time(1000)), None, false, false);
        let a = s.add(None);
        let b = s.add(None);
        assert_eq!(s.record(a, 0, Some(999)), Verdict::Show);
        assert_eq!(s.record(a, 1, Some(1000)), Verdict::Past);
        assert!(!s.end_of_partition(b, Some(3), 500));
        let mut done = Vec::new();
        s.tick(999, |slot| done.push(slot));
        assert!(done.is_empty());
        s.tick(1000, |slot| done.push(slot));
        assert_eq!(done, vec![b]);
        assert!(s.all_done());
    }

    #[test]
    fn a_record_after_the_end_event_clears_idleness() {
        let mut s = Stops::new(Some(UntilSpec::Time(1000)), None, false, false);
        let a = s.add(None);
        s.end_of_partition(a, Some(1), 0);
        assert_eq!(s.record(a, 1, Some(10)), Verdict::Show);
        s.tick(2000, |_| panic!("not idle"));
        assert!(!s.all_done());
    }

    #[test]
    fn a_group_is_done_when_what_it_was_assigned_is() {
        let mut s = Stops::new(Some(UntilSpec::End), None, false, true);
        assert!(!s.all_done(), "nothing assigned yet");
        let a = s.add(Some(0));
        let b = s.add(Some(1));
        s.starts_at(a, 0);
        assert!(!s.all_done(), "no assignment seen yet");
        s.assigned(vec![a]);
        assert!(s.all_done());
        s.assigned(vec![a, b]);
        assert!(!s.all_done());
        s.assigned(vec![]);
        assert!(!s.all_done(), "everything revoked is not done");
    }

    #[test]
    fn counts_and_expectations() {
        let s = Stops::new(None, Some(3), false, false);
        assert_eq!(s.written(2), None);
        assert_eq!(s.written(3), Some(Stop::Count));
        let s = Stops::new(None, None, true, false);
        assert_eq!(s.written(0), None);
        assert_eq!(s.written(1), Some(Stop::Unexpected));
    }

    /// One thing that happens to a partition: a record (offset step, timestamp), an
    /// end-of-partition event with the log's end, or a clock tick.
    #[derive(Debug, Clone)]
    enum Event {
        Record { slot: usize, step: i64, ts: i64 },
        Eof { slot: usize, high_ahead: i64 },
        Tick { now: i64 },
    }

    fn events(parts: usize) -> impl Strategy<Value = Vec<Event>> {
        let e = prop_oneof![
            4 => (0..parts, 1i64..4, 0i64..100).prop_map(|(slot, step, ts)| Event::Record { slot, step, ts }),
            1 => (0..parts, 0i64..3).prop_map(|(slot, high_ahead)| Event::Eof { slot, high_ahead }),
            1 => (0i64..120).prop_map(|now| Event::Tick { now }),
        ];
        prop::collection::vec(e, 0..60)
    }

    /// The rules restated per partition, from its whole history: a partition is done
    /// from the first event that ends it; records are shown until then.
    fn naive(until: Option<UntilSpec>, ends: &[i64], events: &[Event]) -> (Vec<Vec<i64>>, Vec<bool>) {
        let n = ends.len();
        let mut shown = vec![Vec::new(); n];
        let mut done = vec![false; n];
        let mut next = vec![0i64; n];
        let mut idle = vec![false; n];
        let end = |slot: usize| match until {
            Some(UntilSpec::End) => Some(ends[slot]),
            Some(UntilSpec::Offset(o)) => Some(o),
            _ => None,
        };
        for (slot, d) in done.iter_mut().enumerate() {
            *d = end(slot).is_some_and(|e| e <= 0);
        }
        for ev in events {
            match *ev {
                Event::Record { slot, step, ts } => {
                    let offset = next[slot] + step - 1;
                    next[slot] = offset + 1;
                    idle[slot] = false;
                    if done[slot] {
                        continue;
                    }
                    let late = matches!(until, Some(UntilSpec::Time(t)) if ts >= t);
                    if late || end(slot).is_some_and(|e| offset >= e) {
                        done[slot] = true;
                        continue;
                    }
                    shown[slot].push(offset);
                    if end(slot).is_some_and(|e| offset + 1 >= e) {
                        done[slot] = true;
                    }
                }
                Event::Eof { slot, high_ahead } => {
                    idle[slot] = true;
                    let high = next[slot] + high_ahead;
                    done[slot] |= match until {
                        Some(UntilSpec::End) => true,
                        Some(UntilSpec::Offset(o)) => high >= o,
                        Some(UntilSpec::Time(t)) => 0 >= t,
                        None => false,
                    };
                }
                Event::Tick { now } => {
                    if let Some(UntilSpec::Time(t)) = until {
                        for slot in 0..n {
                            done[slot] |= idle[slot] && now >= t;
                        }
                    }
                }
            }
        }
        (shown, done)
    }

    fn until_of(kind: u8, at: i64) -> Option<UntilSpec> {
        match kind {
            0 => None,
            1 => Some(UntilSpec::End),
            2 => Some(UntilSpec::Offset(at)),
            _ => Some(UntilSpec::Time(at * 5)),
        }
    }

    proptest! {
        #[test]
        fn matches_a_naive_model(
            kind in 0u8..4,
            at in 0i64..20,
            ends in prop::collection::vec(0i64..15, 1..4),
            evs in events(3),
        ) {
            let until = until_of(kind, at);
            let n = ends.len();
            let evs: Vec<Event> = evs.into_iter().filter(|e| match e {
                Event::Record { slot, .. } | Event::Eof { slot, .. } => *slot < n,
                Event::Tick { .. } => true,
            }).collect();
            let mut s = Stops::new(until, None, false, false);
            for &e in &ends {
                let slot = s.add(s.needs_stable_end().then_some(e));
                s.starts_at(slot, 0);
            }
            let mut shown = vec![Vec::new(); n];
            let mut next = vec![0i64; n];
            for ev in &evs {
                match *ev {
                    Event::Record { slot, step, ts } => {
                        let offset = next[slot] + step - 1;
                        next[slot] = offset + 1;
                        if s.record(slot, offset, Some(ts)) == Verdict::Show {
                            shown[slot].push(offset);
                            s.shown(slot, offset);
                        }
                    }
                    Event::Eof { slot, high_ahead } => {
                        s.end_of_partition(slot, Some(next[slot] + high_ahead), 0);
                    }
                    Event::Tick { now } => s.tick(now, |_| {}),
                }
            }
            let (want_shown, want_done) = naive(until, &ends, &evs);
            prop_assert_eq!(&shown, &want_shown);
            let done: Vec<bool> = (0..n).map(|i| s.part(i).done).collect();
            prop_assert_eq!(&done, &want_done);
            prop_assert_eq!(s.all_done(), until.is_some() && want_done.iter().all(|d| *d));
        }
    }
}
