//! The consume side of the Kafka layer. Today: the offset ledger, which ties what a
//! source read (a partition's next offset) to the sequence number its output got from
//! the sink, and hands an offset over for storing only once the sink acknowledged that
//! sequence number — so a group commits exactly what is safely out, never a record still
//! unread in a pipe or undelivered to a topic.

use std::collections::{HashMap, VecDeque};

use crate::sink::Seq;

/// Input positions waiting for their output to be acknowledged, in the order sent.
/// Partitions are the caller's slots (indexes into its own table), so an entry is three
/// numbers and no string.
#[derive(Debug, Default)]
pub struct Ledger {
    pending: VecDeque<(Seq, usize, i64)>,
}

impl Ledger {
    pub fn new() -> Self {
        Ledger::default()
    }

    /// Everything of partition `slot` before offset `next` is out once the sink
    /// acknowledges `seq`. Sequence numbers are the sink's, so they do not go down.
    pub fn reached(&mut self, seq: Seq, slot: usize, next: i64) {
        self.pending.push_back((seq, slot, next));
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// The sink acknowledged everything up to `acked`: calls `store` once per partition
    /// with the newest offset that is now safely out, and forgets those entries.
    pub fn acknowledged(&mut self, acked: Seq, mut store: impl FnMut(usize, i64)) {
        if self.pending.front().is_none_or(|&(seq, _, _)| seq > acked) {
            return;
        }
        let mut newest: HashMap<usize, i64> = HashMap::new();
        while let Some(&(seq, slot, next)) = self.pending.front() {
            if seq > acked {
                break;
            }
            newest.insert(slot, next);
            self.pending.pop_front();
        }
        for (slot, next) in newest {
            store(slot, next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(ledger: &mut Ledger, acked: Seq) -> Vec<(usize, i64)> {
        let mut out = Vec::new();
        ledger.acknowledged(acked, |slot, next| out.push((slot, next)));
        out.sort();
        out
    }

    #[test]
    fn stores_only_what_was_acknowledged() {
        let mut l = Ledger::new();
        // Two partitions interleaved; stdout's sequence numbers are byte positions.
        l.reached(10, 0, 5);
        l.reached(20, 1, 100);
        l.reached(30, 0, 6);
        l.reached(40, 1, 101);
        assert_eq!(stored(&mut l, 9), vec![]);
        assert_eq!(stored(&mut l, 30), vec![(0, 6), (1, 100)]);
        assert_eq!(stored(&mut l, 30), vec![]);
        assert!(!l.is_empty());
        assert_eq!(stored(&mut l, 1000), vec![(1, 101)]);
        assert!(l.is_empty());
    }

    #[test]
    fn an_acknowledgement_that_goes_back_stores_nothing_twice() {
        // A pipe's unread count is sampled: an answer may lag an earlier one.
        let mut l = Ledger::new();
        l.reached(10, 0, 1);
        l.reached(20, 0, 2);
        assert_eq!(stored(&mut l, 15), vec![(0, 1)]);
        assert_eq!(stored(&mut l, 5), vec![]);
        assert_eq!(stored(&mut l, 20), vec![(0, 2)]);
    }

    #[test]
    fn positions_reached_before_any_output_are_out_at_once() {
        // End-of-partition positions past markers come with sequence 0 when nothing
        // was written yet: nothing needs to reach the reader for them.
        let mut l = Ledger::new();
        l.reached(0, 3, 42);
        assert_eq!(stored(&mut l, 0), vec![(3, 42)]);
    }

    #[test]
    fn the_newest_offset_per_partition_wins() {
        let mut l = Ledger::new();
        for (i, seq) in (1..=50u64).enumerate() {
            l.reached(seq, i % 3, i as i64 + 1);
        }
        assert_eq!(stored(&mut l, 50), vec![(0, 49), (1, 50), (2, 48)]);
    }
}
