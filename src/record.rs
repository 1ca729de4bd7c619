//! eddy's own record types: what the producer sends (`Record`, owned bytes) and what a
//! consumer shows (`View`, borrowed). No Kafka client types and no encodings here: how
//! keys and values become JSON is `codec`.

/// A record as eddy produces it: owned bytes, ready for the producer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
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
