#!/usr/bin/env bash
# Fraud detection, streaming style: payments from the `payments` preset flow into a
# topic; a jq filter flags the suspicious ones (large amounts, foreign countries, rapid
# repeats) into an alerts topic, and a windowed count tallies them per pattern.
# Run with nothing installed: eddy dev -- examples/fraud-detection.sh
set -euo pipefail

eddy gen --preset payments -n 5000 --seed 1 --topic payments --stats json 2> gen.json
grep -q '"delivered":5000' gen.json

# The rule: what the detector considers suspicious.
RULE='select(.amount > 5000 or .country != .card_country or .risk_score > 80)
      | {txn_id, card_id, amount, country, card_country, pattern: .fraud_pattern}'
eddy consume payments -e --filter "$RULE" | eddy produce alerts --key-from .card_id -q
alerts=$(eddy consume alerts -e -q | wc -l)
echo "alerts: $alerts of 5000 payments"
test "$alerts" -gt 0 && test "$alerts" -lt 5000

# Alerts per pattern, the largest first.
eddy consume alerts -e | eddy count --by '.pattern // "rule only"' --top 5
rm -f gen.json
