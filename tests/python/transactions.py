"""Transactions on a topic, written by confluent-kafka: a client eddy's team did not write.

    transactions.py TOPIC STEP...

Each STEP is KIND:N, one transaction of N records spread over the topic's partitions:
commit:N commits it, abort:N aborts it, open:N leaves it open, prints "open" and waits
for stdin to close before aborting it (so a test can look at a topic mid-transaction).
Values are JSON: {"kind": KIND, "n": i}.
"""

import json
import os
import sys

from confluent_kafka import Producer

topic = sys.argv[1]
producer = Producer(
    {
        "bootstrap.servers": os.environ["EDDY_BROKERS"],
        "transactional.id": f"eddy-test-{topic}",
    }
)
producer.init_transactions(30)
partitions = len(producer.list_topics(topic, timeout=30).topics[topic].partitions)
for step in sys.argv[2:]:
    kind, count = step.split(":")
    producer.begin_transaction()
    for i in range(int(count)):
        value = json.dumps({"kind": kind, "n": i})
        producer.produce(topic, value=value.encode(), partition=i % partitions)
    producer.flush(30)
    if kind == "commit":
        producer.commit_transaction(30)
    elif kind == "abort":
        producer.abort_transaction(30)
    elif kind == "open":
        print("open", flush=True)
        sys.stdin.read()
        producer.abort_transaction(30)
    else:
        sys.exit(f"transactions.py: {step}: expected commit:N, abort:N or open:N")
