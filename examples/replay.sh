#!/usr/bin/env bash
# Kappa-style replay: the live path filters and counts events as they arrive; a replay
# reprocesses the topic from the beginning through the very same filter and count, and
# must reach the same result. Run with nothing installed: eddy dev -- examples/replay.sh
set -euo pipefail

FILTER='select(.amount >= 100)'
COUNT=(--by .country)

# The topic must exist before a consumer can wait on it (the dev cluster creates a
# topic on a producer's first use).
eddy produce payments -q < /dev/null
eddy produce payments-replayed -q < /dev/null

# The live path: a consumer started before the events, stopped after them.
eddy consume payments --from end --filter "$FILTER" > live.jsonl &
live=$!
sleep 2
for i in $(seq 1 200); do
  printf '{"id":%d,"country":"%s","amount":%d}\n' "$i" "$(echo de fr us | cut -d' ' -f$((i % 3 + 1)))" $(((i * 37) % 250))
done | eddy produce payments -q
sleep 2
kill -INT "$live"; wait "$live" || true
eddy count "${COUNT[@]}" -q < live.jsonl | sort > live-counts.jsonl

# The replay: the whole topic again, from the beginning, through the same code — one
# pipe into a topic of its own (exactly once on Apache Kafka; pipe's filter sees the
# record's envelope, so the value is .value), then counted from there.
eddy pipe payments -e --to payments-replayed --filter "select(.value.amount >= 100)" -q
eddy consume payments-replayed -e | eddy count "${COUNT[@]}" -q | sort > replay-counts.jsonl

cat replay-counts.jsonl
diff live-counts.jsonl replay-counts.jsonl
rm -f live.jsonl live-counts.jsonl replay-counts.jsonl
