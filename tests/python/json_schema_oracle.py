"""The JSON Schema side of eddy's schema cross-checks, by clients eddy did not write.

A schema with a `$ref` to another registered schema (a registry reference), and
documents each valid or wrong in one place. Through confluent-kafka's JSONSerializer
against an in-process mock registry, and the `jsonschema` package for where a document
goes wrong. One JSON line each:

  serialize    {"schema": {...}} (the text and references as the registry holds them),
               then per document {"doc", "valid", "framed" (base64, valid ones),
               "path" (jsonschema's absolute_path of the error, invalid ones)}
  deserialize  reads {"framed"} lines (eddy's encoding) and prints {"doc"}: what
               JSONDeserializer returns (it validates too).

The mock registry lives in this process, so `deserialize` registers the schemas again
first: the ids come out the same.
"""

import base64
import json
import sys

import jsonschema
import referencing
from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.serialization import MessageField, SerializationContext, SerializationError

ITEM = {
    "type": "object",
    "properties": {"sku": {"type": "string", "minLength": 1}, "qty": {"type": "integer", "minimum": 1}},
    "required": ["sku"],
}

ORDER = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "amount": {"type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$"},
        "items": {"type": "array", "items": {"$ref": "item.json"}},
        "ship to": {"type": "object", "properties": {"zip": {"type": "string", "maxLength": 5}}},
        "tags": {"type": "array", "items": {"enum": ["gift", "rush"]}},
    },
    "required": ["id"],
    "additionalProperties": False,
}

DOCS = [
    {"id": 7},
    {"id": 7, "amount": "12.50", "items": [{"sku": "a", "qty": 2}, {"sku": "b"}], "ship to": {"zip": "0150"},
     "tags": ["gift"]},
    {"id": 8, "items": [], "ship to": {}},
    {"amount": "12.50"},
    {"id": "7"},
    {"id": 7, "amount": "12.505"},
    {"id": 7, "items": [{"sku": "a"}, {"sku": "b"}, {"sku": "c", "qty": 0}]},
    {"id": 7, "items": [{"qty": 1}]},
    {"id": 7, "ship to": {"zip": "123456"}},
    {"id": 7, "tags": ["gift", "slow"]},
    {"id": 7, "extra": True},
    {"id": -0, "amount": "0.00", "tags": []},
    {"id": 7.0, "items": [{"sku": "grüß 😀 \"q\"\n"}]},
]


def client_and_serializer():
    client = SchemaRegistryClient.new_client({"url": "mock://eddy-json-oracle"})
    item = client.register_schema("item", Schema(json.dumps(ITEM), "JSON"))
    version = client.get_latest_version("item").version
    schema = Schema(json.dumps(ORDER), "JSON", references=[SchemaReference("item.json", "item", version)])
    return client, item, JSONSerializer(schema, client)


def main():
    client, _, ser = client_and_serializer()
    ctx = SerializationContext("eddy-json", MessageField.VALUE)
    if sys.argv[1] == "serialize":
        validator = jsonschema.Draft202012Validator(
            ORDER, registry=referencing.Registry().with_resource("item.json", referencing.Resource.from_contents(
                ITEM, default_specification=referencing.jsonschema.DRAFT202012)))
        framed = {}
        out = []
        for doc in DOCS:
            line = {"doc": doc}
            try:
                b = ser(doc, ctx)
                line.update(valid=True, framed=base64.b64encode(b).decode())
                framed[int.from_bytes(b[1:5], "big")] = True
            except SerializationError as e:
                errors = list(validator.iter_errors(doc))
                assert len(errors) == 1, (doc, [x.message for x in errors])
                line.update(valid=False, path=list(errors[0].absolute_path), error=str(e))
            out.append(line)
        for sid in framed:
            s = client.get_schema(sid)
            refs = [{"name": r.name, "text": client.get_version(r.subject, r.version).schema.schema_str}
                    for r in s.references or []]
            print(json.dumps({"schema": {"id": sid, "type": s.schema_type, "text": s.schema_str, "references": refs}}))
        for line in out:
            print(json.dumps(line, ensure_ascii=False))
    elif sys.argv[1] == "deserialize":
        for doc in DOCS:
            try:
                ser(doc, ctx)
            except SerializationError:
                pass
        de = JSONDeserializer(None, schema_registry_client=client)
        for text in sys.stdin:
            got = de(base64.b64decode(json.loads(text)["framed"]), ctx)
            print(json.dumps({"doc": got}, ensure_ascii=False))
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")


if __name__ == "__main__":
    main()
