//! eddy's own record types: what the producer sends (`Record`, owned bytes) and what a
//! consumer shows (`View`, borrowed). No Kafka client types and no encodings here: how
//! keys and values become JSON is `codec`.

/// A record as eddy produces it: owned bytes, ready for the producer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Headers,
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
}

/// A borrowed view of a consumed record, for the writers.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
}

/// One record header: its name, and its bytes (`None`: a null value).
pub type Header = (String, Option<Vec<u8>>);

/// A record's headers, in order (names may repeat, as Kafka allows).
pub type Headers = Vec<Header>;

/// The headers of one record to send, in order, from up to three lists (the record's
/// own, those computed from it, the fixed ones of `-H`) without copying them into one.
#[derive(Debug, Clone, Copy, Default)]
pub struct HeadersRef<'a> {
    parts: [&'a [Header]; 3],
}

impl<'a> HeadersRef<'a> {
    pub fn new(own: &'a [Header], computed: &'a [Header], fixed: &'a [Header]) -> Self {
        HeadersRef {
            parts: [own, computed, fixed],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|p| p.is_empty())
    }

    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len()).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'a str, Option<&'a [u8]>)> + use<'a> {
        self.parts
            .into_iter()
            .flatten()
            .map(|(name, value)| (name.as_str(), value.as_deref()))
    }

    /// The bytes of names and values, as they count against a topic's record limit.
    pub fn bytes(&self) -> usize {
        self.iter().map(|(n, v)| n.len() + v.map_or(0, <[u8]>::len)).sum()
    }
}

/// A record to send, borrowed from wherever it was read or made.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordRef<'a> {
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: HeadersRef<'a>,
    /// None: the partitioner decides (murmur2 on the key).
    pub partition: Option<i32>,
    /// Epoch milliseconds; None: the producer's clock.
    pub timestamp: Option<i64>,
}
