//! The input partitions of a pipe, each with its slot (the index the ledger and the
//! transaction's offsets use), where it ends under `--until` / `-e`, and how far it was
//! read. A partition is done once its next offset reaches its end, at the first record
//! at or past `--until @TIME`, or at the end of what the broker has once that time is
//! past (or, under `-e`, when its end could not be asked of the broker as it joined);
//! with a group, the partitions that count are those assigned now.

use crate::error::Result;
use crate::kafka::source::{Source, Start};
use crate::kafka::transaction::Transactions;
use crate::offsets::{OffsetSpec, UntilSpec};
use crate::stats::PartitionEnd;
use crate::times::now_ms;

pub struct Part {
    pub topic: String,
    pub partition: i32,
    /// The first offset not to take (`--until end` or `--until OFFSET`).
    end: Option<i64>,
    /// The next offset to read, once known.
    pub next: Option<i64>,
    /// The first offset taken in this run, for the progress bar.
    start: Option<i64>,
    pub done: bool,
}

/// What to do with a record read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Take,
    /// At or past where the partition ends: not taken, and the partition is done.
    Past,
    /// A partition already done (a record fetched before it was paused).
    Drop,
}

pub struct Parts {
    until: Option<UntilSpec>,
    list: Vec<Part>,
    /// Slots assigned by the group now, and the generation seen.
    assigned: Option<Vec<usize>>,
    generation: u64,
}

impl std::ops::Index<usize> for Parts {
    type Output = Part;
    fn index(&self, i: usize) -> &Part {
        &self.list[i]
    }
}

impl Parts {
    pub fn new(until: Option<UntilSpec>) -> Parts {
        Parts {
            until,
            list: Vec::new(),
            assigned: None,
            generation: 0,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Part> {
        self.list.iter()
    }

    /// A new partition, with its end (asked of the broker for `--until end`).
    pub fn add(&mut self, source: &Source, topic: &str, partition: i32) -> usize {
        let end = match self.until {
            Some(UntilSpec::End) => source.stable_end(topic, partition).ok(),
            Some(UntilSpec::Offset(o)) => Some(o),
            _ => None,
        };
        self.list.push(Part {
            topic: topic.to_string(),
            partition,
            end,
            next: None,
            start: None,
            done: false,
        });
        self.list.len() - 1
    }

    /// The slot of a partition, giving one to a partition the group gave us.
    pub fn slot(&mut self, source: &Source, topic: &str, partition: i32, t: Option<&Transactions>) -> usize {
        if let Some(i) = self
            .list
            .iter()
            .position(|p| p.partition == partition && p.topic == topic)
        {
            return i;
        }
        let i = self.add(source, topic, partition);
        if let Some(t) = t {
            t.track(i, topic, partition);
        }
        i
    }

    /// Assigns the named partitions (no group, or a group with `-p`).
    pub fn assign(&self, source: &Source, from: Option<OffsetSpec>, group: bool) -> Result<()> {
        let list: Vec<(&str, i32, Start)> = self
            .list
            .iter()
            .map(|p| {
                let start = match from {
                    Some(_) => source.resolved(&p.topic, p.partition).unwrap_or(Start::Beginning),
                    None if group => Start::Stored,
                    None => Start::Beginning,
                };
                (p.topic.as_str(), p.partition, start)
            })
            .collect();
        source.assign(&list)
    }

    /// With a group: the partitions assigned now, when that changed.
    pub fn follow_assignment(&mut self, source: &Source, t: Option<&Transactions>) {
        if let Some((generation, assigned)) = source.assignment_since(self.generation) {
            self.generation = generation;
            let slots = assigned
                .iter()
                .map(|(topic, p)| self.slot(source, topic, *p, t))
                .collect();
            // A partition given back and assigned again starts where the group is.
            for p in &mut self.list {
                p.next = None;
            }
            self.assigned = Some(slots);
        }
    }

    /// With an end offset per partition (`-e`, `--until OFFSET`): how far this run is, of
    /// how far it goes, in offsets from where each partition's reading started (a
    /// partition nothing was read from counts for neither).
    pub fn progress(&self) -> Option<(u64, u64)> {
        if !matches!(self.until, Some(UntilSpec::End | UntilSpec::Offset(_))) {
            return None;
        }
        let (mut done, mut total) = (0i64, 0i64);
        for p in &self.list {
            if let (Some(start), Some(end)) = (p.start, p.end) {
                let span = (end - start).max(0);
                total += span;
                done += if p.done {
                    span
                } else {
                    (p.next.unwrap_or(start).min(end) - start).clamp(0, span)
                };
            }
        }
        Some((done as u64, total as u64))
    }

    /// Whether each partition has an end (`--until`, `-e`).
    pub fn bounded(&self) -> bool {
        self.until.is_some()
    }

    /// Whether every partition that counts is done (never without --until).
    pub fn all_done(&self, group_mode: bool) -> bool {
        if self.until.is_none() {
            return false;
        }
        if group_mode {
            // Not before the group assigned anything, nor in the middle of a rebalance,
            // when everything was taken away and nothing given yet.
            return self
                .assigned
                .as_ref()
                .is_some_and(|a| !a.is_empty() && a.iter().all(|&i| self.list[i].done));
        }
        self.list.iter().all(|p| p.done)
    }

    pub fn record(&mut self, slot: usize, offset: i64, timestamp: Option<i64>) -> Verdict {
        let p = &mut self.list[slot];
        if p.done {
            return Verdict::Drop;
        }
        let past = match self.until {
            Some(UntilSpec::Time(t)) => timestamp.is_some_and(|ts| ts >= t),
            _ => p.end.is_some_and(|e| offset >= e),
        };
        if past {
            p.done = true;
            return Verdict::Past;
        }
        p.start.get_or_insert(offset);
        Verdict::Take
    }

    /// A record of `slot` at `offset` was taken: true when that was the partition's last.
    pub fn taken(&mut self, slot: usize, offset: i64) -> bool {
        let p = &mut self.list[slot];
        if p.end.is_some_and(|e| offset + 1 >= e) {
            p.done = true;
        }
        p.done
    }

    pub fn advance(&mut self, slot: usize, next: i64) {
        self.list[slot].next = Some(next);
    }

    /// A partition of this number reached the end of what the broker has: each one at
    /// or past its end is done. Returns the partitions whose position moved past the
    /// last record taken (over transaction markers and aborted records, which are never
    /// shown), with that position, so that it is kept too and no lag is left.
    pub fn end_of_partition(
        &mut self,
        source: &Source,
        partition: i32,
        group_mode: bool,
        t: Option<&Transactions>,
    ) -> Vec<(usize, i64)> {
        let positions = source.positions();
        if group_mode {
            for (topic, p) in source.assigned().iter().filter(|(_, p)| *p == partition) {
                self.slot(source, topic, *p, t);
            }
        }
        let mut moved = Vec::new();
        for (i, p) in self
            .list
            .iter_mut()
            .enumerate()
            .filter(|(_, p)| p.partition == partition && !p.done)
        {
            let position = positions
                .of(&p.topic, p.partition)
                .or(p.next)
                .or_else(|| source.local_watermarks(&p.topic, p.partition).map(|w| w.1));
            if let Some(n) = position.filter(|n| p.next.is_some_and(|next| *n > next)) {
                moved.push((i, n));
            }
            p.done = done_at_broker_end(self.until, position, p.end, now_ms());
            if p.done {
                source.pause(&p.topic, p.partition);
            }
        }
        moved
    }

    /// Where each partition stands at the end, and its lag to the last stable offset.
    /// With a group, a partition nothing was read from stands at its committed offset.
    pub fn ends(&self, source: &Source, group: bool) -> Vec<PartitionEnd> {
        let positions = source.positions();
        let mut list: Vec<PartitionEnd> = self
            .list
            .iter()
            .filter_map(|p| {
                let ends = source.offsets(&p.topic, p.partition).ok()?;
                let offset = p
                    .next
                    .or_else(|| positions.of(&p.topic, p.partition))
                    .or_else(|| {
                        group
                            .then(|| source.committed(&p.topic, p.partition).flatten())
                            .flatten()
                    })
                    .unwrap_or(ends.low);
                Some(PartitionEnd {
                    topic: p.topic.clone(),
                    partition: p.partition,
                    offset,
                    high: ends.high,
                    stable: ends.stable,
                    lag: (ends.stable - offset).max(0),
                })
            })
            .collect();
        list.sort_by(|a, b| (a.topic.as_str(), a.partition).cmp(&(b.topic.as_str(), b.partition)));
        list
    }
}

/// Whether a partition that reached the end of what the broker has is done, standing at
/// `position` (None: not known) with `end` as the end fixed when it joined (None: not
/// known, because the broker could not be asked then — its leader was down, say).
///
/// Under `--until end` the broker's end is the end when none could be fixed: waiting for
/// one would never finish (it was the hang of a pipe restarted while a broker was down).
fn done_at_broker_end(until: Option<UntilSpec>, position: Option<i64>, end: Option<i64>, now_ms: i64) -> bool {
    match until {
        None => false,
        Some(UntilSpec::Time(t)) => now_ms >= t,
        Some(UntilSpec::End) => match (position, end) {
            (_, None) => true,
            (Some(n), Some(e)) => n >= e,
            (None, Some(_)) => false,
        },
        Some(UntilSpec::Offset(_)) => matches!((position, end), (Some(n), Some(e)) if n >= e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partition_whose_end_could_not_be_asked_is_done_at_the_brokers_end() {
        // -e with the end unknown (the leader was down when the partition joined).
        assert!(done_at_broker_end(Some(UntilSpec::End), Some(120), None, 0));
        assert!(done_at_broker_end(Some(UntilSpec::End), None, None, 0));
    }

    #[test]
    fn a_known_end_is_waited_for() {
        assert!(!done_at_broker_end(Some(UntilSpec::End), Some(99), Some(100), 0));
        assert!(done_at_broker_end(Some(UntilSpec::End), Some(100), Some(100), 0));
        assert!(!done_at_broker_end(Some(UntilSpec::End), None, Some(100), 0));
        // --until OFFSET has no end of its own to fall back to: it waits for the log.
        assert!(!done_at_broker_end(
            Some(UntilSpec::Offset(100)),
            Some(50),
            Some(100),
            0
        ));
        assert!(done_at_broker_end(
            Some(UntilSpec::Offset(100)),
            Some(100),
            Some(100),
            0
        ));
        assert!(!done_at_broker_end(Some(UntilSpec::Offset(100)), Some(50), None, 0));
    }

    #[test]
    fn a_time_bound_ends_idle_partitions_once_it_has_passed() {
        assert!(!done_at_broker_end(Some(UntilSpec::Time(1_000)), Some(5), None, 999));
        assert!(done_at_broker_end(Some(UntilSpec::Time(1_000)), Some(5), None, 1_000));
        assert!(!done_at_broker_end(None, Some(5), Some(5), 1_000));
    }
}
