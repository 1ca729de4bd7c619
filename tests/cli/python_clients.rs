//! eddy and clients it did not write, on Apache Kafka: the canonical kafka-python
//! producer and consumer (`examples/kafka-python/`), from PyPI in a venv the tests make.

use crate::support::{Cluster, python_script, unique};

fn example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/kafka-python")
        .join(name)
}

/// The events the examples send, as kafka-python's `json.dumps` writes them.
fn events() -> Vec<String> {
    (0..10)
        .map(|i| format!("{{\"event_index\": {i}, \"event_value\": \"value_{i}\"}}"))
        .collect()
}

#[test]
fn kafka_python_producer_writes_what_eddy_consume_reads_kafka() {
    let Some(c) = Cluster::kafka("kafka_python_producer_writes_what_eddy_consume_reads_kafka") else {
        return;
    };
    let t = unique("kafka-python-out");
    let p = python_script(&c, &example("producer.py"), &[&t]);
    assert_eq!(p.code, Some(0), "producer.py: {}", p.stderr);
    let got = c.eddy(&["consume", &t, "-e", "-q"]).ok();
    assert_eq!(got.lines(), events());
}

#[test]
fn eddy_first_produce_to_a_new_topic_is_what_kafka_python_consumer_reads_kafka() {
    // The very first produce to a topic that does not exist yet: the broker creates it
    // (issue 13, item 1), and a client eddy's team did not write reads it.
    let Some(c) = Cluster::kafka("eddy_first_produce_to_a_new_topic_is_what_kafka_python_consumer_reads_kafka") else {
        return;
    };
    let t = unique("kafka-python-in");
    let input: String = events().iter().map(|e| format!("{e}\n")).collect();
    let p = c.eddy_in(&["produce", &t, "--stats", "json"], input).ok();
    assert_eq!(p.stats()["delivered"], 10, "{}", p.stderr);
    let read = python_script(&c, &example("consumer.py"), &[&t, "5000"]);
    assert_eq!(read.code, Some(0), "consumer.py: {}", read.stderr);
    let want: Vec<String> = (0..10)
        .map(|i| format!("Event index: {i}, Event value: value_{i}"))
        .collect();
    assert_eq!(read.lines(), want, "{}", read.stderr);
}
