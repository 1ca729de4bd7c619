"""Writes records with confluent-kafka's serializers (Avro, Protobuf, JSON Schema, each
registered under TopicNameStrategy) to a topic, for eddy consume to decode.

    serialize_to_topic.py BROKERS REGISTRY_URL TOPIC

Prints one line per record written: the plain JSON eddy should show for it."""

import datetime
import decimal
import json
import sys

from confluent_kafka import Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.schema_registry.json_schema import JSONSerializer
from confluent_kafka.schema_registry.protobuf import ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory, timestamp_pb2

brokers, url, topic = sys.argv[1:4]
client = SchemaRegistryClient({"url": url})
producer = Producer({"bootstrap.servers": brokers})
ctx = SerializationContext(topic, MessageField.VALUE)

AVRO = json.dumps({
    "type": "record", "name": "Order", "namespace": "eddy.py",
    "fields": [
        {"name": "id", "type": "long"},
        {"name": "note", "type": ["null", "string"]},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": "int"}},
        {"name": "either", "type": ["null", "int", "string"]},
    ],
})
avro = AvroSerializer(client, AVRO)
at = datetime.datetime(2026, 11, 28, 10, 0, 0, 123000, tzinfo=datetime.timezone.utc)
rows = [
    ({"id": 7, "note": "hi", "amount": decimal.Decimal("12.50"), "at": at, "status": "PAID",
      "tags": ["a", "b"], "attrs": {"x": 1}, "either": "s"},
     {"id": 7, "note": "hi", "amount": "12.50", "at": "2026-11-28T10:00:00.123Z", "status": "PAID",
      "tags": ["a", "b"], "attrs": {"x": 1}, "either": "s"}),
    ({"id": 8, "note": None, "amount": decimal.Decimal("-0.05"), "at": at, "status": "NEW",
      "tags": [], "attrs": {}, "either": 3},
     {"id": 8, "note": None, "amount": "-0.05", "at": "2026-11-28T10:00:00.123Z", "status": "NEW",
      "tags": [], "attrs": {}, "either": 3}),
]
for value, shown in rows:
    producer.produce(topic, value=avro(value, ctx), partition=0)
    print(json.dumps({"format": "avro", "value": shown}))

fdp = descriptor_pb2.FileDescriptorProto(name="py_shop.proto", package="eddy.py", syntax="proto3")
fdp.dependency.append("google/protobuf/timestamp.proto")
item = fdp.message_type.add(name="Item")
item.field.add(name="sku", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING,
               label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
cart = fdp.message_type.add(name="Cart")
cart.field.add(name="user_id", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_INT64,
               label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
cart.field.add(name="items", number=2, type=descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE,
               type_name=".eddy.py.Item", label=descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED)
cart.field.add(name="at", number=3, type=descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE,
               type_name=".google.protobuf.Timestamp", label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
pool = descriptor_pool.DescriptorPool()
pool.Add(descriptor_pb2.FileDescriptorProto.FromString(timestamp_pb2.DESCRIPTOR.serialized_pb))
pool.Add(fdp)
Cart = message_factory.GetMessageClass(pool.FindMessageTypeByName("eddy.py.Cart"))
Item = message_factory.GetMessageClass(pool.FindMessageTypeByName("eddy.py.Item"))
proto = ProtobufSerializer(Cart, client, {"use.deprecated.format": False})
cart_value = Cart(user_id=42, items=[Item(sku="a1"), Item(sku="b2")])
cart_value.at.FromDatetime(datetime.datetime(2026, 11, 28, 10, 0, 0))
# Each format under a subject of its own (a registry refuses another format under one).
pctx = SerializationContext(topic + "-proto", MessageField.VALUE)
producer.produce(topic, value=proto(cart_value, pctx), partition=0)
print(json.dumps({"format": "protobuf", "message": "eddy.py.Cart",
                  "value": {"userId": "42", "items": [{"sku": "a1"}, {"sku": "b2"}], "at": "2026-11-28T10:00:00Z"}}))

JSON_SCHEMA = json.dumps({"$schema": "http://json-schema.org/draft-07/schema#", "title": "Click",
                          "type": "object", "properties": {"page": {"type": "string"}, "n": {"type": "integer"}},
                          "required": ["page"]})
jctx = SerializationContext(topic + "-json", MessageField.VALUE)
js = JSONSerializer(JSON_SCHEMA, client)
producer.produce(topic, value=js({"page": "/home", "n": 3}, jctx), partition=0)
print(json.dumps({"format": "json-schema", "value": {"page": "/home", "n": 3}}))
producer.flush(30)
