//! The Kafka layer: the one module that imports rdkafka (librdkafka). Client configs for
//! every command and security mode and the one client context (`client`), what a
//! producer must know about its topic (`topic`), the producer sink (`producer`) and the
//! records it hands over together (`batch`), and the
//! embedded cluster (`mock`) with its faults (`chaos`), and a real Apache Kafka cluster
//! with real faults (`apache`). The rest of eddy is to see eddy's
//! own types only; the pipeline issue moves the consume source, metadata and the admin
//! calls in here too.

pub mod admin;
pub mod apache;
mod batch;
pub mod chaos;
pub mod client;
pub mod metadata;
pub mod mock;
pub mod producer;
pub mod source;
pub mod topic;
pub mod transaction;
