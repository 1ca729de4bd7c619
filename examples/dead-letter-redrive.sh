#!/usr/bin/env bash
# Dead-letter re-drive: a pipe sends the records its filter fails on to a dead-letter
# topic (the original record, with eddy.error and eddy.stage headers) and goes on; once
# the rule is fixed, the dead letters are piped back through it into the output.
# Run with nothing installed: eddy dev -- examples/dead-letter-redrive.sh
set -euo pipefail

for t in orders enriched orders-dead; do eddy produce "$t" -q < /dev/null; done
# Two of the six orders carry their amount as a string.
printf '%s\n' '{"id":1,"amount":10}' '{"id":2,"amount":"25"}' '{"id":3,"amount":30}' \
  '{"id":4,"amount":"45"}' '{"id":5,"amount":50}' '{"id":6,"amount":60}' | eddy produce orders -q

# The rule assumes numbers: the two string amounts fail and are dead-lettered.
eddy pipe orders -g enrich -e --to enriched --dead-letter orders-dead -q \
  --filter '{key, value: (.value + {with_tax: (.value.amount * 1.2)})}'
echo "dead letters, and why:"
eddy consume orders-dead -e -f '{value}  {headers}'

# The fixed rule reads either; the dead letters are re-driven through it.
eddy pipe orders-dead -g redrive -e --to enriched -q \
  --filter '{key, value: (.value + {with_tax: ((.value.amount | tonumber) * 1.2)})}'
count=$(eddy consume enriched -e -q | wc -l)
echo "enriched: $count of 6"
test "$count" -eq 6
