"""The Protobuf side of eddy's schema cross-checks, by clients eddy did not write.

Builds two .proto files as descriptors at run time (no protoc, no generated code: the way
confluent-kafka's ProtobufSerializer is used with a message class made from a
FileDescriptorProto), serialises sample messages through confluent-kafka's
ProtobufSerializer against an in-process mock registry, and prints, one JSON line each:

  serialize    {"schema": {...}} per schema id (the text and references as the registry
               holds them), then per sample {"name", "message", "framed" (base64 of the
               Kafka value), "json": {option set: MessageToJson}}
  deserialize  reads {"name", "framed"} lines (eddy's encoding, framed by the test) and
               prints {"name", "equal", "json"}: whether ProtobufDeserializer's message
               equals the sample (deterministic bytes, so NaN equals NaN), and its JSON.

The mock registry lives in this process, so `deserialize` registers the same schemas
again first: the ids come out the same.
"""

import base64
import functools
import json
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from google.protobuf import duration_pb2, struct_pb2, timestamp_pb2, wrappers_pb2
from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

OPTION_SETS = {
    "default": {},
    "proto_names": {"preserving_proto_field_name": True},
    "enum_numbers": {"use_integers_for_enums": True},
    "emit_defaults": {"always_print_fields_with_no_presence": True},
    "all": {
        "preserving_proto_field_name": True,
        "use_integers_for_enums": True,
        "always_print_fields_with_no_presence": True,
    },
}


def field(msg, name, number, kind, type_name=None, repeated=False, oneof=None):
    f = msg.field.add(name=name, number=number, type=kind)
    f.label = F.LABEL_REPEATED if repeated else F.LABEL_OPTIONAL
    if type_name:
        f.type_name = type_name
    if oneof is not None:
        f.oneof_index = oneof
    return f


def files():
    common = descriptor_pb2.FileDescriptorProto(name="eddy/common.proto", package="eddy.common", syntax="proto3")
    money = common.message_type.add(name="Money")
    field(money, "currency", 1, F.TYPE_STRING)
    field(money, "units", 2, F.TYPE_INT64)
    status = common.enum_type.add(name="Status")
    for i, n in enumerate(["STATUS_UNKNOWN", "PAID", "SHIPPED"]):
        status.value.add(name=n, number=i)

    order_file = descriptor_pb2.FileDescriptorProto(name="eddy/order.proto", package="eddy.shop", syntax="proto3")
    order_file.dependency.extend([
        "eddy/common.proto",
        "google/protobuf/timestamp.proto",
        "google/protobuf/duration.proto",
        "google/protobuf/wrappers.proto",
        "google/protobuf/struct.proto",
    ])
    order = order_file.message_type.add(name="Order")
    line = order.nested_type.add(name="Line")
    field(line, "sku", 1, F.TYPE_STRING)
    field(line, "qty", 2, F.TYPE_INT32)
    entry = order.nested_type.add(name="CountsEntry")
    entry.options.map_entry = True
    field(entry, "key", 1, F.TYPE_STRING)
    field(entry, "value", 2, F.TYPE_INT64)
    channel = order.enum_type.add(name="Channel")
    for i, n in enumerate(["CHANNEL_UNKNOWN", "WEB", "STORE"]):
        channel.value.add(name=n, number=i)
    order.oneof_decl.add(name="payment")
    scalars = [
        ("order_id", F.TYPE_INT64), ("i32", F.TYPE_INT32), ("u32", F.TYPE_UINT32), ("u64", F.TYPE_UINT64),
        ("s32", F.TYPE_SINT32), ("s64", F.TYPE_SINT64), ("fx32", F.TYPE_FIXED32), ("fx64", F.TYPE_FIXED64),
        ("sfx32", F.TYPE_SFIXED32), ("sfx64", F.TYPE_SFIXED64), ("fl", F.TYPE_FLOAT), ("db", F.TYPE_DOUBLE),
        ("flag", F.TYPE_BOOL), ("text", F.TYPE_STRING), ("blob", F.TYPE_BYTES),
    ]
    for i, (name, kind) in enumerate(scalars):
        field(order, name, i + 1, kind)
    field(order, "lines", 16, F.TYPE_MESSAGE, ".eddy.shop.Order.Line", repeated=True)
    field(order, "codes", 17, F.TYPE_INT32, repeated=True)
    field(order, "counts", 18, F.TYPE_MESSAGE, ".eddy.shop.Order.CountsEntry", repeated=True)
    field(order, "voucher", 19, F.TYPE_STRING, oneof=0)
    field(order, "price", 20, F.TYPE_MESSAGE, ".eddy.common.Money", oneof=0)
    field(order, "status", 21, F.TYPE_ENUM, ".eddy.common.Status")
    field(order, "channel", 22, F.TYPE_ENUM, ".eddy.shop.Order.Channel")
    field(order, "placed_at", 23, F.TYPE_MESSAGE, ".google.protobuf.Timestamp")
    field(order, "took", 24, F.TYPE_MESSAGE, ".google.protobuf.Duration")
    field(order, "note", 25, F.TYPE_MESSAGE, ".google.protobuf.StringValue")
    field(order, "seq", 26, F.TYPE_MESSAGE, ".google.protobuf.Int64Value")
    field(order, "gift", 27, F.TYPE_MESSAGE, ".google.protobuf.BoolValue")
    field(order, "weight", 28, F.TYPE_MESSAGE, ".google.protobuf.DoubleValue")
    field(order, "meta", 29, F.TYPE_MESSAGE, ".google.protobuf.Struct")
    refund = order_file.message_type.add(name="Refund")
    field(refund, "order_id", 1, F.TYPE_INT64)
    field(refund, "reason", 2, F.TYPE_STRING)
    return common, order_file


@functools.cache
def classes():
    pool = descriptor_pool.DescriptorPool()
    for wkt in (timestamp_pb2, duration_pb2, wrappers_pb2, struct_pb2):
        pool.AddSerializedFile(wkt.DESCRIPTOR.serialized_pb)
    for f in files():
        pool.Add(f)
    get = lambda name: message_factory.GetMessageClass(pool.FindMessageTypeByName(name))
    return get("eddy.shop.Order"), get("eddy.shop.Order.Line"), get("eddy.shop.Refund")


def samples():
    Order, Line, Refund = classes()
    full = Order(
        order_id=9007199254740993, i32=-1, u32=4294967295, u64=18446744073709551615, s32=-2147483648,
        s64=-9223372036854775808, fx32=7, fx64=2**63, sfx32=-7, sfx64=-(2**40), fl=0.1, db=1e300,
        flag=True, text="grüß 😀 \"q\"\n", blob=b"\x00\xff\x10",
        codes=[1, -2, 300], status=2, channel=2,
    )
    full.lines.add(sku="A-1", qty=2)
    full.lines.add(sku="B", qty=0)
    full.counts["a"] = 1
    full.counts["b c"] = -5
    full.price.currency = "EUR"
    full.price.units = 12
    full.placed_at.FromJsonString("2026-11-28T10:00:00.250Z")
    full.took.FromJsonString("90.005s")
    full.note.value = "ring twice"
    full.seq.value = 42
    full.gift.value = False
    full.weight.value = 2.5
    full.meta.update({"k": [1.5, "x", None, True], "deep": {"y": "z"}})
    voucher = Order(voucher="SPRING", text="", order_id=0)
    special = Order(fl=float("inf"), db=float("nan"))
    special.took.FromJsonString("-1.500s")
    special.placed_at.FromJsonString("1970-01-01T00:00:00Z")
    return [
        ("full", full),
        ("voucher", voucher),
        ("empty", Order()),
        ("special", special),
        ("line", Line(sku="nested", qty=-3)),
        ("refund", Refund(order_id=5, reason="late")),
    ]


def serializers(client, made_samples):
    conf = {"use.deprecated.format": False}
    made = {}
    for _, msg in made_samples:
        cls = type(msg)
        if cls not in made:
            made[cls] = ProtobufSerializer(cls, client, conf)
    return made


def frame_all(client):
    ctx = SerializationContext("eddy-proto", MessageField.VALUE)
    made = samples()
    ser = serializers(client, made)
    return [(name, msg, ser[type(msg)](msg, ctx)) for name, msg in made]


def registry_schemas(client, framed):
    ids = sorted({int.from_bytes(b[1:5], "big") for _, _, b in framed})
    for sid in ids:
        schema = client.get_schema(sid)
        refs = []
        for r in schema.references or []:
            refs.append({"name": r.name, "text": client.get_version(r.subject, r.version).schema.schema_str})
        yield {"schema": {"id": sid, "type": schema.schema_type, "text": schema.schema_str, "references": refs}}


def main():
    client = SchemaRegistryClient.new_client({"url": "mock://eddy-oracle"})
    framed = frame_all(client)
    if sys.argv[1] == "serialize":
        for line in registry_schemas(client, framed):
            print(json.dumps(line))
        for name, msg, b in framed:
            js = {k: json.loads(json_format.MessageToJson(msg, **o)) for k, o in OPTION_SETS.items()}
            print(json.dumps({"name": name, "message": msg.DESCRIPTOR.full_name,
                              "framed": base64.b64encode(b).decode(), "json": js}))
    elif sys.argv[1] == "deserialize":
        by_name = {name: msg for name, msg, _ in framed}
        ctx = SerializationContext("eddy-proto", MessageField.VALUE)
        for text in sys.stdin:
            req = json.loads(text)
            want = by_name[req["name"]]
            de = ProtobufDeserializer(type(want), {"use.deprecated.format": False}, schema_registry_client=client)
            got = de(base64.b64decode(req["framed"]), ctx)
            equal = got.SerializeToString(deterministic=True) == want.SerializeToString(deterministic=True)
            print(json.dumps({"name": req["name"], "equal": equal, "json": json.loads(json_format.MessageToJson(got))}))
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")


if __name__ == "__main__":
    main()
