"""bench/schemas's peer: confluent-kafka's Python consumer with AvroDeserializer (or
ProtobufDeserializer with --protobuf, the message class built from bench/schemas's
event.proto as a descriptor), printing each value as one JSON line, until COUNT records
were read or the topic is quiet for 5 s.

    schemas_consumer.py BROKERS REGISTRY_URL TOPIC COUNT [--protobuf]"""

import datetime
import decimal
import json
import sys

from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext

brokers, url, topic, count = sys.argv[1:5]
count = int(count)
protobuf = "--protobuf" in sys.argv
client = SchemaRegistryClient({"url": url})

if protobuf:
    from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

    fdp = descriptor_pb2.FileDescriptorProto(name="event.proto", package="bench", syntax="proto3")
    m = fdp.message_type.add(name="Event")
    F = descriptor_pb2.FieldDescriptorProto
    for i, (name, t) in enumerate([("id", F.TYPE_INT64), ("user", F.TYPE_STRING), ("country", F.TYPE_STRING),
                                   ("amount", F.TYPE_STRING), ("qty", F.TYPE_INT32), ("at", F.TYPE_INT64),
                                   ("note", F.TYPE_STRING), ("ok", F.TYPE_BOOL)], start=1):
        m.field.add(name=name, number=i, type=t, label=F.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    cls = message_factory.GetMessageClass(pool.FindMessageTypeByName("bench.Event"))
    deserialize = ProtobufDeserializer(cls, {"use.deprecated.format": False})
    to_json = lambda v: json.dumps(json_format.MessageToDict(v))
else:
    deserialize = AvroDeserializer(client)

    def plain(v):
        if isinstance(v, decimal.Decimal):
            return str(v)
        if isinstance(v, datetime.datetime):
            return v.isoformat()
        raise TypeError(repr(v))

    to_json = lambda v: json.dumps(v, default=plain)

consumer = Consumer({"bootstrap.servers": brokers, "group.id": "bench-schemas-py",
                     "auto.offset.reset": "earliest", "enable.auto.commit": False})
# Assigned, not subscribed: eddy consume -e assigns too, so neither waits for a group.
from confluent_kafka import OFFSET_BEGINNING, TopicPartition
partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
out = sys.stdout
n = 0
idle = 0
ctx = SerializationContext(topic, MessageField.VALUE)
while n < count and idle < 5:
    batch = consumer.consume(num_messages=10000, timeout=1.0)
    if not batch:
        idle += 1
        continue
    idle = 0
    for msg in batch:
        if msg.error():
            continue
        out.write(to_json(deserialize(msg.value(), ctx)))
        out.write("\n")
        n += 1
consumer.close()
print(n, file=sys.stderr)
