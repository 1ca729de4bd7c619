//! Where records go, and how far they are safely out. Every command writes through a
//! `Sink`: stdout (consume, filter, count, gen) or a Kafka topic (produce, gen --topic,
//! later pipe). Each thing sent gets the next sequence number; `acknowledged` says up to
//! which number everything is safely out — for stdout, taken out of the pipe by the
//! reader (or handed to the kernel, for a file or terminal); for Kafka, delivered (later:
//! committed in a transaction). A source that must not lose records (consume with a
//! group, pipe) keeps a ledger from its input offsets to sequence numbers and stores an
//! offset only once the sink acknowledged it.

/// A sequence number: the n-th thing sent is `n`, counting from 1; 0 is "nothing yet".
/// A sink may count in larger steps (stdout counts bytes); they only ever grow.
pub type Seq = u64;

/// What a sink says of a `send`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Taken, with this sequence number.
    Taken(Seq),
    /// The reader went away (a closed pipe): a normal end, nothing more will be taken.
    Closed,
}

/// A destination for records of type `Item`.
pub trait Sink {
    /// What one `send` carries: rendered bytes for stdout, a record for Kafka.
    type Item<'a>;

    /// Hands one item over. It may wait (a full queue, a slow reader) but does not
    /// wait for the acknowledgement.
    fn send(&mut self, item: Self::Item<'_>) -> Sent;

    /// Pushes out what is buffered, without waiting for acknowledgements.
    fn flush(&mut self) -> Sent;

    /// Everything with a sequence number up to this one is safely out.
    fn acknowledged(&mut self) -> Seq;
}
