//! The integration tests: the real `eddy` binary against an embedded cluster (`eddy
//! dev`, nothing to install) and, where `EDDY_TEST_KAFKA` is set, against Apache Kafka.

#![allow(dead_code, clippy::unwrap_used)]

mod support;

mod admin;
mod config;
mod consume;
mod corpus;
mod count;
mod dev_kafka;
mod envelope;
mod examples;
mod faults;
mod filter;
mod r#gen;
mod generated;
mod produce;
mod python_clients;
mod reliability;
mod transactions;
