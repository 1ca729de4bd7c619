#!/usr/bin/env python3
"""The canonical kafka-python producer: ten JSON events to a topic.

    python3 producer.py [TOPIC]

The brokers come from $EDDY_BROKERS (default localhost:9092), the topic from the
argument (default test-topic). eddy reads the events back with
`eddy consume test-topic -e`; tests/cli/python_clients.rs runs this against Apache Kafka.
"""

import json
import os
import sys

from kafka import KafkaProducer

brokers = os.environ.get('EDDY_BROKERS', 'localhost:9092').split(',')
topic = sys.argv[1] if len(sys.argv) > 1 else 'test-topic'

producer = KafkaProducer(
    bootstrap_servers=brokers,
    value_serializer=lambda v: json.dumps(v).encode('utf-8'),
)

for i in range(10):
    producer.send(topic, {'event_index': i, 'event_value': f'value_{i}'})

producer.flush()
producer.close()
