#!/usr/bin/env bash
# Ten JSON events produced and consumed back: the Kafka producer/consumer pair.
# Run with nothing installed: eddy dev -- examples/produce-consume.sh
set -euo pipefail

for i in $(seq 1 10); do
  printf '{"id":%d,"user":"u%d","amount":%d.5}\n' "$i" $((i % 3)) $((i * 10))
done | eddy produce orders --stats json 2>summary.json

# Read them back with their keys, partitions and offsets (the envelope), exactly ten.
eddy consume orders -e --format json > orders.jsonl
test "$(wc -l < orders.jsonl)" -eq 10
grep -q '"delivered":10' summary.json
cat orders.jsonl
rm -f orders.jsonl summary.json
