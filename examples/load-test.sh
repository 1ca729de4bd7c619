#!/usr/bin/env bash
# A load test with a summary: generated orders at a steady 2,000 a second for 3 seconds,
# straight to a topic, with delivery latency percentiles; then check that the topic
# holds exactly what was delivered.
# Run with nothing installed: eddy dev -- examples/load-test.sh
set -euo pipefail

eddy gen --preset orders --rate 2000 --duration 3s --topic orders --stats json 2> summary.json
cat summary.json
delivered=$(sed -n 's/.*"delivered":\([0-9]*\).*/\1/p' summary.json)
held=$(eddy consume orders -e -q | wc -l)
echo "delivered $delivered, the topic holds $held"
test "$delivered" -eq "$held"
test "$delivered" -ge 5500 && test "$delivered" -le 6500
rm -f summary.json
