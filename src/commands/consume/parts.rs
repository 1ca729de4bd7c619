//! The partitions one consume reads, each with a slot number that the stop rules and
//! the offset ledger use too: the named ones first, then any a group assigns (a regex
//! subscription) as they turn up. Finding a record's slot is a map look-up, skipped
//! when it is the same partition as the last record's, which is the common case.

use std::collections::HashMap;

/// One partition being read.
#[derive(Debug)]
pub(super) struct Part {
    pub topic: String,
    pub partition: i32,
    /// The next offset to read, once known.
    pub next: Option<i64>,
}

impl Part {
    pub fn new(topic: &str, partition: i32) -> Part {
        Part {
            topic: topic.to_string(),
            partition,
            next: None,
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Parts {
    list: Vec<Part>,
    index: HashMap<(String, i32), usize>,
    /// The last (partition, slot) found, to skip the map look-up.
    last: Option<(i32, usize)>,
}

impl Parts {
    pub fn new(list: Vec<Part>) -> Parts {
        let index = list
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.topic.clone(), p.partition), i))
            .collect();
        Parts {
            list,
            index,
            last: None,
        }
    }

    /// The slot of `topic`/`partition`, if it has one.
    pub fn find(&mut self, topic: &str, partition: i32) -> Option<usize> {
        if let Some((p, i)) = self.last {
            if p == partition && self.list[i].topic == topic {
                return Some(i);
            }
        }
        let i = *self.index.get(&(topic.to_string(), partition))?;
        self.last = Some((partition, i));
        Some(i)
    }

    /// Gives `topic`/`partition` the next slot.
    pub fn add(&mut self, topic: &str, partition: i32) -> usize {
        let i = self.list.len();
        self.list.push(Part::new(topic, partition));
        self.index.insert((topic.to_string(), partition), i);
        self.last = Some((partition, i));
        i
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Part> {
        self.list.iter()
    }
}

impl std::ops::Index<usize> for Parts {
    type Output = Part;
    fn index(&self, i: usize) -> &Part {
        &self.list[i]
    }
}

impl std::ops::IndexMut<usize> for Parts {
    fn index_mut(&mut self, i: usize) -> &mut Part {
        &mut self.list[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_stable_and_new_partitions_get_the_next_one() {
        let mut parts = Parts::new(vec![Part::new("a", 0), Part::new("a", 1), Part::new("b", 0)]);
        assert_eq!(parts.find("a", 1), Some(1));
        assert_eq!(parts.find("a", 1), Some(1), "the cached answer");
        assert_eq!(parts.find("b", 0), Some(2));
        assert_eq!(parts.find("b", 1), None);
        assert_eq!(parts.add("b", 1), 3);
        assert_eq!(parts.find("b", 1), Some(3));
        assert_eq!(parts.find("a", 0), Some(0));
        assert_eq!(parts[3].topic, "b");
        assert_eq!(parts.len(), 4);
    }
}
