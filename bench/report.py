"""Turns bench/run's raw measurements into the sections of bench/RESULTS.md.

Each workload is one section; a rerun replaces the sections it measured and keeps the
others. Ratio = peer's median wall time / eddy's (above 1: eddy is faster). The limits
sections set eddy's rows against eddy-probe (bench/probe): librdkafka producing or
consuming bytes and nothing else, and the raw parse speed of the data file."""
import collections
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys

raw, n, avg, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

TARGETS = {
    ("produce_json", "kcat"): ("produce JSON lines from a file, validated", "kcat -P -l", 0.9),
    # eddy's guarantee (idempotent, acks=all) on both sides (issue #19).
    ("produce_json", "kcatidem"): ("produce JSON lines from a file, validated", "kcat -P -l -X enable.idempotence=true", 1.0),
    ("produce_lines", "kcat"): ("produce raw lines", "kcat -P -l", 1.2),
    ("consume_values", "kcat"): ("consume values to stdout, -e", "kcat -C -e", 1.2),
    ("consume_envelope", "kcat"): ("consume envelopes, -e", "kcat -C -J -e", 2.0),
    ("produce_json", "console"): ("produce JSON lines from a file", "kafka-console-producer", None),
    ("consume_values", "console"): ("consume on Apache Kafka", "kafka-console-consumer", 3.0),
    ("produce_perf", "perftest"): ("generated load to Apache Kafka", "kafka-producer-perf-test --record-size <orders' average>", 1.0),
    ("filter", "jaq"): ("filter 'select(.amount > 500) | {id, user}'", "jaq -c", 3.0),
    ("filter", "jq"): ("filter 'select(.amount > 500) | {id, user}'", "jq -c", 3.0),
    ("identity", "jaq"): ("filter .", "jaq -c .", None),
    ("count", "jaq"): ("count --by .country", "jaq -n 'reduce inputs as $e ({}; .[$e.country] += 1)'", 5.0),
    ("gen", "jaq"): ("gen template, 1M events", "jaq -n 'range(1000000) | {...}'", 1.5),
    ("pipeline", "kcatjq"): (
        "end to end: consume -e --filter 'select(.amount > 500)' | count --by .country",
        "kcat -C -e | jq -c 'select(.amount > 500)' | jq -n 'reduce inputs as $e ({}; .[$e.country] += 1)'",
        5.0,
    ),
    # A note, not a target: what the idempotent producer (eddy's default) costs.
    ("produce_acks1", "kcat"): ("produce JSON lines, validated, --acks 1 (idempotence off; a note)", "kcat -P -l", None),
}
# Rows whose peer ran under another workload's name (same command, same data).
PEER_FROM = {"produce_acks1": ("produce_json", "kcat")}
ALONE = {
    **{f"preset_{p}": (f"gen --preset {p}", f"eddy gen --preset {p} -n N --seed 1 > /dev/null", None)
       for p in ["clickstream", "orders", "payments", "sensors", "logs"]},
    "count_window": ("count --by .user --window 1s --time .ts", "eddy count --by .user --window 1s --time .ts FILE", 2_000_000),
}
EDDY_CMD = {
    "produce_json": "eddy produce T FILE",
    "produce_lines": "eddy produce T FILE --input lines",
    "consume_values": "eddy consume T -e",
    "consume_envelope": "eddy consume T -e -f json",
    "produce_perf": "eddy gen --preset orders -n N --topic T",
    "gen": "eddy gen -n N '{id: $i, user: \"u\\($i % 1000)\", amount: ($i * 7 % 1000)}'",
    "filter": "eddy filter 'select(.amount > 500) | {id, user}' FILE",
    "identity": "eddy filter . FILE",
    "count": "eddy count --by .country FILE",
    "pipeline": "eddy consume T -e --filter 'select(.amount > 500)' | eddy count --by .country",
    "produce_acks1": "eddy produce T FILE --acks 1",
}
WHERE = {
    "dev": "eddy dev (librdkafka mock, in-process)",
    "kafka": "Apache Kafka 4.1 (KRaft, one node, loopback)",
    "local": "files, no cluster",
}

samples = collections.defaultdict(list)
consumed = {}
for line in open(raw):
    parts = line.split()
    if len(parts) != 3:
        continue
    name, wall, rss = parts
    cluster, workload, tool = name.split(".")
    if workload == "records":
        consumed[cluster] = int(float(wall))
        continue
    samples[(cluster, workload, tool)].append((float(wall), int(rss)))


def med(xs):
    return statistics.median(xs)


def cpu():
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                return l.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


sections = {}
for cluster, workload, tool in list(samples):
    if tool == "eddy" and workload in PEER_FROM:
        peer_workload, peer = PEER_FROM[workload]
        if (cluster, peer_workload, peer) in samples:
            samples.setdefault((cluster, workload, peer), samples[(cluster, peer_workload, peer)])

for (cluster, workload, tool), runs in sorted(samples.items()):
    if tool in ("eddy", "probe"):
        continue
    mine = samples.get((cluster, workload, "eddy"))
    if not mine:
        continue
    title, peer, target = TARGETS.get((workload, tool), (workload, tool, None))
    e_wall = med([w for w, _ in mine])
    p_wall = med([w for w, _ in runs])
    e_rss = med([r for _, r in mine]) / 1024
    p_rss = med([r for _, r in runs]) / 1024
    ratio = p_wall / e_wall if e_wall > 0 else float("nan")
    records = consumed.get(cluster, n) if workload.startswith("consume") or workload == "pipeline" else n
    verdict = "" if target is None else (" — meets the target" if ratio >= target else " — below the target: the limits section gives the ceiling, the notes the profile")
    if (cluster, f"{workload}_mismatch", "check") in samples:
        verdict += "; **the two commands' answers differed** (see bench/run's log)"
    key = f"{cluster}: {title} — vs {peer}"
    body = [
        f"## {key}",
        "",
        f"Measured {datetime.date.today().isoformat()} on {WHERE[cluster]}; "
        f"{n} events of {avg} bytes on average, 32 partitions, median of {len(mine)} alternating runs"
        + (f"; the topic read holds {records} of them (the mock keeps only the last few MB per partition)" if records != n else "")
        + ".",
        "",
        "| tool | command | wall s | records/s | peak MB |",
        "|---|---|---|---|---|",
        f"| eddy | `{EDDY_CMD.get(workload, workload)}` | {e_wall:.2f} | {records / e_wall:,.0f} | {e_rss:.0f} |",
        f"| {tool} | `{peer}` | {p_wall:.2f} | {records / p_wall:,.0f} | {p_rss:.0f} |",
        "",
        f"Ratio (eddy's speed over {peer}'s): **{ratio:.2f}×**" + (f", target ≥ {target}×" if target else "") + verdict + ".",
        "",
    ]
    sections[key] = "\n".join(body)

for (cluster, workload, tool), runs in sorted(samples.items()):
    if tool != "eddy" or workload not in ALONE:
        continue
    title, cmd, target = ALONE[workload]
    wall = med([w for w, _ in runs])
    rss = med([r for _, r in runs]) / 1024
    rate = n / wall
    key = f"{cluster}: {title}"
    sections[key] = "\n".join([
        f"## {key}",
        "",
        f"Measured {datetime.date.today().isoformat()} on {WHERE[cluster]}; {n} events, median of {len(runs)} runs.",
        "",
        "| command | wall s | events/s | peak MB |",
        "|---|---|---|---|",
        f"| `{cmd}` | {wall:.2f} | {rate:,.0f} | {rss:.0f} |",
        "",
        ("" if target is None else f"Target ≥ {target:,} events/s: " + ("met." if rate >= target else "not met (issue #8).")),
        "",
    ])

# The limits: each eddy row against the probe's rate on the same broker.
LIMITS = [
    # (label, eddy workload, peer (workload, tool), probe workload, what the probe does)
    ("produce JSON lines, validated", "produce_json", ("produce_json", "kcat"), "probe_produce", "lines, idempotent, acks=all"),
    ("produce raw lines", "produce_lines", ("produce_lines", "kcat"), "probe_produce", "lines, idempotent, acks=all"),
    ("produce JSON, --acks 1", "produce_acks1", ("produce_json", "kcat"), "probe_produce_plain", "lines, acks=1, not idempotent"),
    ("consume values, -e", "consume_values", ("consume_values", "kcat"), "probe_consume", "values to /dev/null"),
]
for cluster in ("dev", "kafka"):
    rows = []
    for label, workload, peer, probe, what in LIMITS:
        mine = samples.get((cluster, workload, "eddy"))
        ceiling = samples.get((cluster, probe, "probe"))
        if not mine or not ceiling:
            continue
        theirs = samples.get((cluster, *peer))
        records = consumed.get(cluster, n) if workload.startswith("consume") else n
        e_wall = med([w for w, _ in mine])
        c_wall = med([w for w, _ in ceiling])
        p_wall = f"{med([w for w, _ in theirs]):.2f}" if theirs else "—"
        rows.append(
            f"| {label} | {e_wall:.2f} | {p_wall} | {c_wall:.2f} ({what}) | {records / c_wall:,.0f} | **{c_wall / e_wall:.0%}** |"
        )
    if rows:
        key = f"{cluster}: limits — eddy against librdkafka alone (eddy-probe)"
        sections[key] = "\n".join([
            f"## {key}",
            "",
            f"Measured {datetime.date.today().isoformat()} on {WHERE[cluster]}; {n} events, 32 partitions, medians of "
            "the alternating runs above. The ceiling is `bench/probe` (eddy-probe): librdkafka producing the file's "
            "lines, or consuming the topic, with eddy's client settings and no work of its own; its wall time "
            "includes process start, connecting and the file read, as eddy's does.",
            "",
            "| row | eddy s | peer s | ceiling s (what the probe does) | ceiling records/s | eddy's speed / ceiling |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ])

parse = {w: med([s for s, _ in runs]) for (c, w, t), runs in samples.items() if c == "local" and t == "probe"}
if parse:
    size_mb = n * float(avg) / 1e6
    rows = []
    for workload, what in [("parse_split", "split into lines (memchr)"),
                           ("parse_serde_ignored", "validate every line with serde_json (into `IgnoredAny`), as `eddy produce` does")]:
        if workload in parse:
            secs = parse[workload]
            rows.append(f"| {what} | {secs:.3f} | {size_mb / secs:,.0f} | {n / secs:,.0f} |")
    readers = []
    for workload, cmd in [("identity", "eddy filter . FILE"), ("count", "eddy count --by .country FILE")]:
        runs = samples.get(("local", workload, "eddy"))
        if runs:
            readers.append(f"`{cmd}` takes {med([w for w, _ in runs]):.2f} s")
    key = "local: limits — raw parse speed of the data file (eddy-probe parse)"
    sections[key] = "\n".join([
        f"## {key}",
        "",
        f"Measured {datetime.date.today().isoformat()}; {n} events of {avg} bytes on average, file already in memory, "
        "best of five passes, one core.",
        "",
        "| pass | s | MB/s | records/s |",
        "|---|---|---|---|",
        *rows,
        "",
        ("For comparison, " + " and ".join(readers) + " (whole process, file read included)." if readers else ""),
        "",
    ])

header = [
    "# eddy benchmarks",
    "",
    "Produced by `bench/run` (see the script for the exact commands). Every row runs eddy and its",
    "peer alternately on the same machine, data and broker; the broker, eddy and the peer share",
    f"the machine's cores. Machine: {os.cpu_count()} cores ({cpu()}), "
    f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.system()} {platform.release()}.",
    "",
]
old = {}
if os.path.exists(path):
    text = open(path).read()
    for chunk in re.split(r"(?m)^(?=## )", text):
        if chunk.startswith("## "):
            old[chunk.splitlines()[0][3:].strip()] = chunk.rstrip() + "\n"
old.update({k: v + "\n" for k, v in sections.items()})
with open(path, "w") as f:
    f.write("\n".join(header) + "\n")
    for k in sorted(old):
        f.write(old[k] + "\n")
