//! `eddy offsets TOPIC [--at TIME]`: each partition's log start, high watermark, last
//! stable offset (while a transaction is open), and with `--at` the first offset at or
//! after a time.

use serde_json::json;

use crate::cli::{OffsetsArgs, OutputFormat};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::kafka::admin::Admin;
use crate::offsets::parse_at;
use crate::output;
use crate::times::now_ms;

pub fn run(settings: &Settings, args: &OffsetsArgs) -> Result<Outcome> {
    // Every error of this command starts with its name, as every other command's do.
    offsets(settings, args).map_err(|e| e.within("offsets"))
}

fn offsets(settings: &Settings, args: &OffsetsArgs) -> Result<Outcome> {
    let at = args
        .at
        .as_deref()
        .map(|t| parse_at(t, now_ms()))
        .transpose()
        .map_err(Error::usage)?;
    let admin = Admin::new(settings)?;
    let md = admin.metadata(Some(&args.topic), "offsets")?;
    let partitions = md
        .topic(&args.topic)
        .map(|t| t.partitions.len() as i32)
        .ok_or_else(|| {
            Error::runtime(format!(
                "topic '{}' does not exist on the cluster at {}",
                args.topic, settings.brokers
            ))
        })?;
    let reader = admin.offsets()?;
    let mut rows = Vec::new();
    for p in 0..partitions {
        let o = reader.of(&args.topic, p)?;
        let mut row = json!({"partition": p, "low": o.low, "high": o.high, "stable": o.stable});
        if let Some(t) = at {
            row["offset"] = json!(reader.for_time(&args.topic, p, t)?);
        }
        rows.push(row);
    }
    match args.out.output {
        OutputFormat::Json => output::json_pretty(&rows),
        OutputFormat::Table => print_table(&rows, at.is_some(), partitions),
    }
    Ok(Outcome::Success)
}

fn print_table(rows: &[serde_json::Value], at: bool, partitions: i32) {
    let offset = |r: &serde_json::Value, k: &str| r[k].as_i64().unwrap_or(0);
    // The last stable offset only where it tells something: while a transaction is open
    // on some partition.
    let stable = rows.iter().any(|r| offset(r, "stable") != offset(r, "high"));
    let mut headers = vec!["PARTITION", "LOW", "HIGH"];
    if stable {
        headers.push("STABLE");
    }
    headers.push("RECORDS");
    if at {
        headers.push("OFFSET");
    }
    let mut total = 0;
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let n = offset(r, "high") - offset(r, "low");
            total += n;
            let mut v = vec![r["partition"].to_string(), r["low"].to_string(), r["high"].to_string()];
            if stable {
                v.push(r["stable"].to_string());
            }
            v.push(n.to_string());
            if at {
                v.push(r["offset"].to_string());
            }
            v
        })
        .collect();
    output::table(&headers, &table);
    // high - low counts offsets, and a transactional topic spends some on commit and
    // abort markers (and on aborted records) that no reader sees.
    output::line(format!(
        "total {total} offsets in {partitions} partitions (records and transaction markers)"
    ));
}
