#!/usr/bin/env bash
# Copy a topic from one cluster to another: a second eddy dev stands in for the other
# cluster. A transaction cannot span two clusters, so the copy is at least once (offsets
# committed after delivery) and the summary says so; a second run with the same group
# copies only what is new. Run with nothing installed: eddy dev -- examples/copy-between-clusters.sh
set -euo pipefail

# The other cluster, until this script ends.
coproc OTHER { exec eddy dev --topic events:4; }
trap 'kill "$OTHER_PID" 2>/dev/null || true' EXIT
read -r line <&"${OTHER[0]}"
other=${line#EDDY_BROKERS=}

eddy produce events -q < /dev/null
eddy gen '{id: $i, kind: choice(["click", "view"])}' -n 1000 --seed 7 --topic events -q

eddy pipe events -g mirror -e --to events --to-brokers "$other"
eddy gen '{id: (1000 + $i), kind: "view"}' -n 10 --topic events -q
eddy pipe events -g mirror -e --to events --to-brokers "$other" -q

copied=$(eddy -b "$other" consume events -e -q | wc -l)
echo "the other cluster has $copied of 1010"
test "$copied" -eq 1010
