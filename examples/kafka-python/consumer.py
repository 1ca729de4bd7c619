#!/usr/bin/env python3
"""The canonical kafka-python consumer: prints the JSON events of a topic.

    python3 consumer.py [TOPIC [IDLE_MS]]

The brokers come from $EDDY_BROKERS (default localhost:9092), the topic from the first
argument (default test-topic). It reads from the beginning and stops once no event has
come for IDLE_MS milliseconds (default 10000). `eddy produce test-topic` writes what it
reads; tests/cli/python_clients.rs runs this against Apache Kafka.
"""

import json
import os
import sys

from kafka import KafkaConsumer

brokers = os.environ.get('EDDY_BROKERS', 'localhost:9092').split(',')
topic = sys.argv[1] if len(sys.argv) > 1 else 'test-topic'
idle_ms = int(sys.argv[2]) if len(sys.argv) > 2 else 10000

consumer = KafkaConsumer(
    topic,
    bootstrap_servers=brokers,
    auto_offset_reset='earliest',
    value_deserializer=lambda m: json.loads(m.decode('utf-8')),
    consumer_timeout_ms=idle_ms,
)

for message in consumer:
    event = message.value
    print(f"Event index: {event['event_index']}, Event value: {event['event_value']}")

consumer.close()
