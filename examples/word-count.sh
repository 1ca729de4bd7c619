#!/usr/bin/env bash
# The streaming word count of the Spark and Flink examples: lines in, counts per word
# per window out. Run with nothing installed: eddy dev -- examples/word-count.sh
set -euo pipefail

# Lines of text with an event time each (two 10-second windows' worth).
cat <<'TEXT' | eddy produce lines -q
{"ts":"2026-11-28T10:00:01Z","text":"to be or not to be"}
{"ts":"2026-11-28T10:00:04Z","text":"that is the question"}
{"ts":"2026-11-28T10:00:12Z","text":"to sleep perchance to dream"}
TEXT

# Counts per word per 10-second window of event time; the top 3 of each window.
eddy consume lines -e | eddy count --by '.text | split(" ")[]' --window 10s --time .ts --top 3 | tee counts.jsonl
grep -q '"start":"2026-11-28T10:00:00Z","end":"2026-11-28T10:00:10Z","key":"to","count":2' counts.jsonl
grep -q '"start":"2026-11-28T10:00:10Z","end":"2026-11-28T10:00:20Z","key":"to","count":2' counts.jsonl
rm -f counts.jsonl
