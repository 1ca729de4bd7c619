"""The independent judge of eddy's Avro bytes: fastavro (what confluent-kafka's
AvroSerializer and AvroDeserializer run on) writes each case below with
`schemaless_writer` and prints the bytes as hex, one line per case, in order.

    python avro_fastavro.py SCHEMA.avsc write

fastavro 1.13 has no timestamp-nanos, local-timestamp-nanos, duration or fixed uuid
logical types: those fields are given as their underlying long or bytes, which is what
fastavro then writes, so the bytes are still fastavro's own.
"""
import io
import json
import struct
import sys
import uuid
from datetime import date, datetime, time, timezone
from decimal import Decimal

import fastavro

UTC = timezone.utc
ID = "123e4567-e89b-12d3-a456-426614174000"


def case_full():
    return {
        "nothing": None,
        "flag": True,
        "small": -42,
        "big": 9007199254740993,
        "ratio": 0.1,
        "precise": 2.5,
        "raw": b"\x00\xff\x10",
        "name": "caf\u00e9 \"quoted\"\n",
        "address": {"street": "Main St", "zip": 12345, "geo": {"lat": 52.52, "lon": -13.405}},
        "tags": ["a", "b"],
        "scores": {"x": 1, "y": -2},
        "maybe": "here",
        "multi": {"lat": 1.5, "lon": 2.0},
        "either": ("long", 5),
        "suit": "HEARTS",
        "hash": bytes(range(16)),
        "amount": Decimal("12.50"),
        "money": Decimal("-1234.5678"),
        "id": ID,
        "fixed_id": uuid.UUID(ID).bytes,
        "day": date(2024, 2, 29),
        "time_ms": time(12, 34, 56, 789000),
        "time_us": time(23, 59, 59, 999999),
        "ts_ms": datetime(2026, 11, 28, 8, 0, 0, 123000, tzinfo=UTC),
        "ts_us": datetime(2026, 11, 28, 8, 0, 0, 123456, tzinfo=UTC),
        "ts_ns": 1795852800123456789,
        "local_ms": datetime(2026, 11, 28, 8, 0, 0, 123000),
        "local_us": datetime(1969, 12, 31, 23, 59, 59, 999999),
        "local_ns": 1,
        "span": struct.pack("<III", 1, 15, 3600000),
        "items": [
            {"sku": "A-1", "qty": 2, "price": Decimal("9.99")},
            {"sku": "B-2", "qty": 1, "price": None},
        ],
        "lookup": {"first": "SPADES", "none": None},
    }


def case_edges():
    return {
        "nothing": None,
        "flag": False,
        "small": 2147483647,
        "big": -9223372036854775808,
        "ratio": float("nan"),
        "precise": float("-inf"),
        "raw": b"",
        "name": "",
        "address": {"street": "", "zip": -1, "geo": {"lat": 0.0, "lon": -0.0}},
        "tags": [],
        "scores": {},
        "maybe": None,
        "multi": "text",
        "either": 7,
        "suit": "CLUBS",
        "hash": b"\xff" * 16,
        # -128 unscaled: fastavro writes two bytes (ff 80) where one would do.
        "amount": Decimal("-1.28"),
        "money": Decimal("0"),
        "id": "00000000-0000-0000-0000-000000000000",
        "fixed_id": bytes(16),
        "day": date(1969, 12, 31),
        "time_ms": time(0, 0, 0),
        "time_us": time(0, 0, 0, 1),
        "ts_ms": datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=UTC),
        "ts_us": datetime(1970, 1, 1, tzinfo=UTC),
        "ts_ns": -1,
        "local_ms": datetime(9999, 12, 31, 23, 59, 59, 999000),
        "local_us": datetime(1, 1, 1),
        "local_ns": 0,
        "span": struct.pack("<III", 0, 0, 4294967295),
        "items": [],
        "lookup": {},
    }


def case_numbers():
    value = case_edges()
    value.update(
        ratio=float("inf"),
        precise=1e-7,
        multi=-3,
        big=0,
        amount=Decimal("99999999.99"),
        money=Decimal("-0.0001"),
    )
    return value


CASES = [case_full, case_edges, case_numbers]


def write(schema, value):
    buf = io.BytesIO()
    fastavro.schemaless_writer(buf, schema, value)
    return buf.getvalue()


def main():
    with open(sys.argv[1]) as f:
        schema = fastavro.parse_schema(json.load(f))
    if sys.argv[2:] != ["write"]:
        print(__doc__, file=sys.stderr)
        return 2
    for case in CASES:
        print(write(schema, case()).hex())
    return 0


if __name__ == "__main__":
    sys.exit(main())
