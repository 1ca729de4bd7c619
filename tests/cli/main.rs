//! The integration tests: the real `eddy` binary against an embedded cluster (`eddy
//! dev`, nothing to install) and, where `EDDY_TEST_KAFKA` is set, against Apache Kafka.

#![allow(dead_code, clippy::unwrap_used)]

mod support;

mod admin;
mod avro;
mod config;
mod consume;
mod corpus;
mod count;
mod decode;
mod dev_kafka;
mod encode;
mod envelope;
mod examples;
mod faults;
mod filter;
mod r#gen;
mod generated;
mod json_schema;
mod pipe;
mod produce;
mod protobuf;
mod python_clients;
mod registry;
mod reliability;
mod schemas;
mod transactions;
