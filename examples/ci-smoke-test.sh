#!/usr/bin/env bash
# A CI smoke test: start the system under test, push events, and assert within a
# deadline that the right events come out — and that the wrong ones do not.
# Run with nothing installed: eddy dev -- examples/ci-smoke-test.sh
set -euo pipefail

eddy produce orders -q < /dev/null       # the dev cluster creates topics on first use
eddy produce shipments -q < /dev/null

# The "system under test": ships every order over 100, drops the rest. (Job control
# puts the pipeline in a process group of its own, so that it can be stopped whole.)
set -m
eddy consume orders --from end --filter 'select(.amount > 100) | {order: .id, status: "shipped"}' \
  | eddy produce shipments -q &
trap 'kill %1 2>/dev/null || true' EXIT
sleep 2

# Push events ...
eddy gen -n 20 --seed 7 '{id: $i, amount: ($i * 10)}' | eddy produce orders -q

# ... and assert: exactly the 9 orders over 100 are shipped, within 30 seconds,
eddy consume shipments --expect 9 --within 30s --filter 'select(.status == "shipped")' > shipped.jsonl
# and nothing small slipped through (no shipment for an order id below 11).
eddy consume shipments -e --expect-none --filter 'select(.order < 11)'
echo "smoke test passed: $(wc -l < shipped.jsonl) orders shipped"
rm -f shipped.jsonl
