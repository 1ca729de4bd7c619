"""Deterministic benchmark events: N JSON lines of about 90 bytes, the same every run."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(42)
countries = ["de", "fr", "us", "gb", "jp", "br", "in", "es", "it", "nl"]
base = 1764316800000
out = sys.stdout
for i in range(n):
    event = {
        "id": i,
        "user": "u%d" % rng.randrange(1000),
        "amount": rng.randrange(1000),
        "country": countries[rng.randrange(len(countries))],
        "item": "sku-%05d" % rng.randrange(100000),
        "ts": base + i * 10,
    }
    out.write(json.dumps(event, separators=(",", ":")) + "\n")
