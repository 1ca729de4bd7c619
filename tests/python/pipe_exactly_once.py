"""The output of `eddy pipe`, judged by confluent-kafka: a client eddy's team did not write.

    pipe_exactly_once.py TOPIC N

Reads TOPIC to its end with read_committed, as any downstream consumer would, and
compares it with what piping N input records {"id": i, "user": "u<i % 50>", "amount":
(i * 7) % 250} through `select(.value.amount > 100)` with `--key-from .user` must give:
each expected record exactly once, keyed by its user, in id order per key. Prints one
JSON line: records, expected, missing, doubled, unexpected, out_of_order, wrong_key.
"""

import collections
import json
import os
import sys

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

topic, n = sys.argv[1], int(sys.argv[2])
expected = {i for i in range(n) if (i * 7) % 250 > 100}
consumer = Consumer(
    {
        "bootstrap.servers": os.environ["EDDY_BROKERS"],
        "group.id": "pipe-exactly-once-judge",
        "enable.auto.commit": False,
        "enable.partition.eof": True,
        "isolation.level": "read_committed",
    }
)
partitions = list(consumer.list_topics(topic, timeout=30).topics[topic].partitions)
consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
seen = collections.Counter()
last_per_key = {}
records = out_of_order = wrong_key = 0
done = set()
while len(done) < len(partitions):
    m = consumer.poll(30)
    if m is None:
        sys.exit("no record and no end of partition for 30 s")
    if m.error():
        if m.error().code() == KafkaError._PARTITION_EOF:
            done.add(m.partition())
            continue
        sys.exit(str(m.error()))
    records += 1
    value = json.loads(m.value())
    i, user = value["id"], value["user"]
    seen[i] += 1
    if m.key() != user.encode():
        wrong_key += 1
    # A record seen again (a duplicate) is counted as doubled, not as out of order.
    if seen[i] == 1:
        if last_per_key.get(user, -1) > i:
            out_of_order += 1
        last_per_key[user] = i
consumer.close()
print(
    json.dumps(
        {
            "records": records,
            "expected": len(expected),
            "missing": len(expected - set(seen)),
            "doubled": sum(c - 1 for c in seen.values()),
            "unexpected": len(set(seen) - expected),
            "out_of_order": out_of_order,
            "wrong_key": wrong_key,
        }
    )
)
