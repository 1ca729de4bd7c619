"""Reads a topic that eddy produced with schemas back through confluent-kafka's
deserializers (AvroDeserializer, ProtobufDeserializer, JSONDeserializer), which find the
schema by the record's framing (the 5-byte prefix, or the __value_schema_id header)
and fetch it from the registry themselves.

    deserialize_from_topic.py BROKERS REGISTRY_URL TOPIC avro|protobuf|json COUNT

Prints one JSON line per record, in partition and offset order: the value as the
deserializer gives it (Avro decimals as their exact text, timestamps in ISO 8601;
Protobuf through json_format.MessageToDict, the canonical proto3 JSON)."""

import datetime
import decimal
import json
import sys

from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.schema_registry.json_schema import JSONDeserializer
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

brokers, url, topic, fmt, count = sys.argv[1:6]
count = int(count)
client = SchemaRegistryClient({"url": url})


def order_class():
    """eddy.enc.Order, as tests/cli/encode.rs's order.proto declares it."""
    fdp = descriptor_pb2.FileDescriptorProto(name="enc_order.proto", package="eddy.enc", syntax="proto3")
    order = fdp.message_type.add(name="Order")
    f = descriptor_pb2.FieldDescriptorProto
    order.field.add(name="id", number=1, type=f.TYPE_INT64, label=f.LABEL_OPTIONAL)
    order.field.add(name="note", number=2, type=f.TYPE_STRING, label=f.LABEL_OPTIONAL)
    order.field.add(name="tags", number=3, type=f.TYPE_STRING, label=f.LABEL_REPEATED)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("eddy.enc.Order"))


if fmt == "avro":
    deserialize = AvroDeserializer(client)
elif fmt == "protobuf":
    deserialize = ProtobufDeserializer(order_class(), {"use.deprecated.format": False})
else:
    deserialize = JSONDeserializer(None, schema_registry_client=client)


def plain(v):
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat()
    raise TypeError(repr(v))


consumer = Consumer({
    "bootstrap.servers": brokers,
    "group.id": "eddy-encode-check",
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
})
consumer.subscribe([topic])
records = []
idle = 0
while len(records) < count and idle < 60:
    m = consumer.poll(1.0)
    if m is None:
        idle += 1
        continue
    if m.error():
        raise SystemExit(f"consume: {m.error()}")
    ctx = SerializationContext(topic, MessageField.VALUE, m.headers())
    value = deserialize(m.value(), ctx)
    if fmt == "protobuf":
        value = json_format.MessageToDict(value)
    records.append(((m.partition(), m.offset()), value))
consumer.close()
for _, value in sorted(records, key=lambda r: r[0]):
    print(json.dumps(value, default=plain, sort_keys=True))
