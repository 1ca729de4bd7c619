"""confluent-kafka's SchemaRegistryClient and serializers against a registry at argv[1]
(eddy dev --registry in the tests): the REST calls a Confluent client makes, answered
in the shapes it expects. Prints REGISTRY OK at the end; any mismatch is an exception."""

import base64
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

url = sys.argv[1]
client = SchemaRegistryClient({"url": url})

V1 = '{"type":"record","name":"Order","namespace":"py","fields":[{"name":"id","type":"long"}]}'
V2 = ('{"type":"record","name":"Order","namespace":"py","fields":[{"name":"id","type":"long"},'
      '{"name":"note","type":["null","string"],"default":null}]}')

sid = client.register_schema("py-orders-value", Schema(V1, "AVRO"))
assert client.register_schema("py-orders-value", Schema(V1, "AVRO")) == sid, "dedup"
assert client.get_schema(sid).schema_str == V1
latest = client.get_latest_version("py-orders-value")
assert (latest.schema_id, latest.version, latest.subject) == (sid, 1, "py-orders-value"), latest
assert client.get_version("py-orders-value", 1).schema.schema_str == V1
found = client.lookup_schema("py-orders-value", Schema(V1, "AVRO"))
assert (found.schema_id, found.version) == (sid, 1), found
assert client.test_compatibility("py-orders-value", Schema(V2, "AVRO")) is True
sid2 = client.register_schema("py-orders-value", Schema(V2, "AVRO"))
assert sid2 != sid and client.get_versions("py-orders-value") == [1, 2]
# Compatibility is judged (BACKWARD by default): a new field without a default is not.
V3 = ('{"type":"record","name":"Order","namespace":"py","fields":[{"name":"id","type":"long"},'
      '{"name":"qty","type":"int"}]}')
assert client.test_compatibility("py-orders-value", Schema(V3, "AVRO")) is False
try:
    client.register_schema("py-orders-value", Schema(V3, "AVRO"))
    raise AssertionError("an incompatible schema was registered")
except SchemaRegistryError as e:
    assert e.http_status_code == 409, e
client.set_compatibility("py-orders-value", "NONE")
assert client.test_compatibility("py-orders-value", Schema(V3, "AVRO")) is True
client.set_compatibility("py-orders-value", "FULL")
assert client.get_compatibility("py-orders-value") == "FULL"
print("client ok")

# The Avro serializer registers under TopicNameStrategy and frames with the id.
ctx = SerializationContext("py-avro", MessageField.VALUE)
avro_bytes = AvroSerializer(client, V1)({"id": 7}, ctx)
avro_id = client.get_latest_version("py-avro-value").schema_id
assert avro_bytes[0] == 0 and int.from_bytes(avro_bytes[1:5], "big") == avro_id, avro_bytes
# The same schema under another subject keeps its id.
assert avro_id == sid, (avro_id, sid)
assert AvroDeserializer(client)(avro_bytes, ctx) == {"id": 7}
print("avro ok")

# The Protobuf serializer registers a base64 FileDescriptorProto.
fdp = descriptor_pb2.FileDescriptorProto(name="py_order.proto", package="pyproto", syntax="proto3")
msg = fdp.message_type.add(name="Order")
msg.field.add(name="id", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_INT64,
              label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
pool = descriptor_pool.DescriptorPool()
pool.Add(fdp)
Order = message_factory.GetMessageClass(pool.FindMessageTypeByName("pyproto.Order"))
pctx = SerializationContext("py-proto", MessageField.VALUE)
proto_bytes = ProtobufSerializer(Order, client, {"use.deprecated.format": False})(Order(id=7), pctx)
proto_id = client.get_latest_version("py-proto-value").schema_id
assert proto_bytes[:6] == b"\x00" + proto_id.to_bytes(4, "big") + b"\x00", proto_bytes
assert ProtobufDeserializer(Order, {"use.deprecated.format": False})(proto_bytes, pctx).id == 7
registered = client.get_schema(proto_id)
assert registered.schema_type == "PROTOBUF", registered.schema_type
# .proto text comes back as a compiled descriptor under format=serialized (what the
# Protobuf deserializer asks for), with its import resolved from the references.
money = 'syntax = "proto3"; package pyc; message Money { int64 units = 1; }'
client.register_schema("py-money", Schema(money, "PROTOBUF"))
text = 'syntax = "proto3"; package pyshop; import "pyc/money.proto"; message Sale { pyc.Money price = 1; }'
from confluent_kafka.schema_registry import SchemaReference
text_id = client.register_schema("py-sale", Schema(text, "PROTOBUF", [SchemaReference("pyc/money.proto", "py-money", 1)]))
assert client.get_schema(text_id).schema_str == text
# A fresh client: the first one keeps the text it was given under the id.
serialized = SchemaRegistryClient({"url": url}).get_schema(text_id, fmt="serialized").schema_str
compiled = descriptor_pb2.FileDescriptorProto.FromString(base64.b64decode(serialized))
assert (compiled.package, compiled.message_type[0].name, list(compiled.dependency)) == (
    "pyshop", "Sale", ["pyc/money.proto"]), compiled
print("protobuf ok")

# Protobuf and JSON Schema compatibility are judged too (BACKWARD): a field number
# reused with another wire type, a property newly required.
p1 = 'syntax = "proto3"; package pyc; message Item { int32 qty = 1; }'
client.register_schema("py-item-value", Schema(p1, "PROTOBUF"))
p2 = 'syntax = "proto3"; package pyc; message Item { int64 qty = 1; string sku = 2; }'
assert client.test_compatibility("py-item-value", Schema(p2, "PROTOBUF")) is True
p3 = 'syntax = "proto3"; package pyc; message Item { string qty = 1; }'
assert client.test_compatibility("py-item-value", Schema(p3, "PROTOBUF")) is False
j1 = '{"type":"object","properties":{"id":{"type":"integer"}}}'
client.register_schema("py-doc-value", Schema(j1, "JSON"))
j2 = '{"type":"object","properties":{"id":{"type":"number"}}}'
assert client.test_compatibility("py-doc-value", Schema(j2, "JSON")) is True
j3 = '{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}'
assert client.test_compatibility("py-doc-value", Schema(j3, "JSON")) is False
print("compatibility ok")
print("REGISTRY OK")
