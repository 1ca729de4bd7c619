//! The Kafka layer: the one module that imports rdkafka (librdkafka). Client configs for
//! every command and security mode, what the clients say back (`client`), what a
//! producer must know about its topic (`topic`), and the embedded cluster's faults
//! (`chaos`). The rest of eddy is to see eddy's own types only; the pipeline issue
//! moves the consume source, the producer sink, metadata and the admin calls in here.

pub mod admin;
pub mod chaos;
pub mod client;
pub mod metadata;
pub mod source;
pub mod topic;
