//! `eddy topics | offsets | groups | cluster`: looking at and managing the cluster.
//! Every command prints a table, or with `--output json` one JSON document in the shapes
//! the CLI contract fixes. What librdkafka's mock (behind `eddy dev`) cannot serve fails
//! with a message that says so, not with a protocol error.
//!
//! The admin client and the librdkafka calls behind it are `kafka::admin`. This file is
//! over 700 lines while the requests still built here (topics, configs, groups) move
//! there too, as the pipeline issue (#14) asks.

use std::collections::BTreeMap;
use std::time::Instant;

use rdkafka::admin::{AlterConfig, ConfigSource, NewPartitions, NewTopic, ResourceSpecifier, TopicReplication};
use rdkafka::consumer::{CommitMode, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::metadata::MetadataTopic;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use serde::Serialize;
use serde_json::json;

use crate::cli::{GroupsAction, GroupsArgs, OffsetsArgs, OutputArgs, OutputFormat, TopicsAction, TopicsArgs};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::kafka::admin::{Admin, DEV_LIMIT, config_source};
use crate::kafka::metadata::{Watermarks, offset_for_time};
use crate::offsets::{ResetTo, parse_at};
use crate::output;
use crate::times::now_ms;

pub(crate) fn print_json(value: &impl Serialize) {
    output::line(serde_json::to_string_pretty(value).unwrap_or_default());
}

/// A plain aligned table.
pub(crate) fn print_table(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                out.push_str(c);
            } else {
                out.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        output::line(out.trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row.clone());
    }
}

fn parse_configs(configs: &[String]) -> Result<Vec<(String, String)>> {
    configs
        .iter()
        .map(|c| {
            c.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| Error::usage(format!("--config {c}: expected K=V")))
        })
        .collect()
}

fn is_internal(topic: &str) -> bool {
    topic.starts_with("__")
}

pub fn topics(settings: &Settings, args: &TopicsArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let out = args.out.output;
    match args.action.as_ref().unwrap_or(&TopicsAction::List) {
        TopicsAction::List => {
            let md = admin.metadata(None, "topics")?;
            let mut list: Vec<(String, usize)> = md
                .topics()
                .iter()
                .filter(|t| !is_internal(t.name()))
                .map(|t| (t.name().to_string(), t.partitions().len()))
                .collect();
            list.sort();
            match out {
                OutputFormat::Json => print_json(
                    &list
                        .iter()
                        .map(|(n, p)| json!({"name": n, "partitions": p}))
                        .collect::<Vec<_>>(),
                ),
                OutputFormat::Table => print_table(
                    &["TOPIC", "PARTITIONS"],
                    &list
                        .iter()
                        .map(|(n, p)| vec![n.clone(), p.to_string()])
                        .collect::<Vec<_>>(),
                ),
            }
        }
        TopicsAction::Describe { topic } => {
            let md = admin.metadata(Some(topic), "topics describe")?;
            let t = md
                .topics()
                .iter()
                .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
                .ok_or_else(|| {
                    Error::runtime(format!(
                        "topic '{topic}' does not exist on the cluster at {}",
                        settings.brokers
                    ))
                })?;
            let mut partitions: Vec<serde_json::Value> = t
                .partitions()
                .iter()
                .map(|p| json!({"partition": p.id(), "leader": p.leader(), "replicas": p.replicas(), "isr": p.isr()}))
                .collect();
            partitions.sort_by_key(|p| p["partition"].as_i64());
            let dev = admin.looks_like_dev();
            if dev {
                eprintln!("eddy: configs are not shown: {DEV_LIMIT}");
            }
            let described = if dev {
                Ok(Vec::new())
            } else {
                admin.block(
                    admin
                        .client
                        .describe_configs([&ResourceSpecifier::Topic(topic)], &admin.options()),
                )
            };
            let mut configs = BTreeMap::new();
            let mut sources = BTreeMap::new();
            match described {
                Ok(results) => match results.into_iter().next() {
                    Some(Ok(resource)) => {
                        for e in resource.entries {
                            let value = if e.is_sensitive {
                                Some("********".to_string())
                            } else {
                                e.value
                            };
                            sources.insert(e.name.clone(), config_source(&e.source));
                            configs.insert(e.name, value);
                        }
                    }
                    Some(Err(code)) => return Err(admin.failed("topics describe (configs)", code)),
                    None => {}
                },
                Err(e) => return Err(admin.failed("topics describe (configs)", &e)),
            }
            let replication = t.partitions().iter().map(|p| p.replicas().len()).max().unwrap_or(0);
            // The mock does not serve DescribeTopics' metadata version.
            let id = if dev { None } else { admin.topic_id(topic) };
            match out {
                OutputFormat::Json => print_json(&json!({
                    "name": topic,
                    "partitions": partitions,
                    "configs": configs,
                    "config_sources": sources,
                    "replication_factor": replication,
                    "topic_id": id,
                })),
                OutputFormat::Table => {
                    output::line(format!(
                        "topic {topic}: {} partitions, replication factor {replication}, id {}",
                        partitions.len(),
                        id.as_deref().unwrap_or("unknown")
                    ));
                    let rows: Vec<Vec<String>> = partitions
                        .iter()
                        .map(|p| {
                            vec![
                                p["partition"].to_string(),
                                p["leader"].to_string(),
                                p["replicas"].to_string(),
                                p["isr"].to_string(),
                            ]
                        })
                        .collect();
                    print_table(&["PARTITION", "LEADER", "REPLICAS", "ISR"], &rows);
                    if !configs.is_empty() {
                        output::line("");
                        // The topic's own overrides first (SOURCE override), then what it inherits.
                        let mut rows: Vec<(bool, Vec<String>)> = configs
                            .iter()
                            .map(|(k, v)| {
                                let source = sources.get(k).copied().unwrap_or("unknown");
                                (
                                    source != "override",
                                    vec![k.clone(), v.clone().unwrap_or_default(), source.to_string()],
                                )
                            })
                            .collect();
                        rows.sort_by_key(|r| r.0);
                        let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
                        print_table(&["CONFIG", "VALUE", "SOURCE"], &rows);
                    }
                }
            }
        }
        TopicsAction::Create {
            topic,
            partitions,
            replication,
            configs,
        } => {
            if *partitions < 1 {
                return Err(Error::usage(format!("--partitions {partitions}: must be at least 1")));
            }
            let configs = parse_configs(configs)?;
            admin.metadata(None, "topics create")?;
            admin.require_admin_api("topics create")?;
            let mut new = NewTopic::new(topic, *partitions, TopicReplication::Fixed(replication.unwrap_or(-1)));
            for (k, v) in &configs {
                new = new.set(k, v);
            }
            let asked = Instant::now();
            let result = admin.block(admin.client.create_topics([&new], &admin.options()));
            check_topic_results(&admin, "topics create", result)?;
            let usable = |t: Option<&MetadataTopic>| {
                t.is_some_and(|t| {
                    t.error().is_none()
                        && t.partitions().len() == usize::try_from(*partitions).unwrap_or(0)
                        && t.partitions().iter().all(|p| p.error().is_none() && p.leader() >= 0)
                })
            };
            if !admin.await_metadata("topics create", topic, asked, usable)? {
                return Err(Error::runtime(format!(
                    "topics create: {topic} was created, but its {partitions} partitions did not all have a leader \
                     within {}",
                    humantime::format_duration(settings.timeout)
                )));
            }
            if out == OutputFormat::Json {
                print_json(&json!({"name": topic, "partitions": partitions}));
            } else if !settings.quiet {
                eprintln!("created topic {topic} with {partitions} partitions");
            }
        }
        TopicsAction::Alter {
            topic,
            partitions,
            configs,
        } => {
            let configs = parse_configs(configs)?;
            if partitions.is_none() && configs.is_empty() {
                return Err(Error::usage("topics alter: give --partitions and/or --config"));
            }
            admin.metadata(Some(topic), "topics alter")?;
            admin.require_admin_api("topics alter")?;
            if let Some(p) = partitions {
                let count = usize::try_from(*p).unwrap_or(0);
                let asked = Instant::now();
                let new = NewPartitions::new(topic, count);
                let result = admin.block(admin.client.create_partitions([&new], &admin.options()));
                check_topic_results(&admin, "topics alter --partitions", result)?;
                let grown = |t: Option<&MetadataTopic>| {
                    t.is_some_and(|t| t.partitions().len() >= count && t.partitions().iter().all(|p| p.leader() >= 0))
                };
                if !admin.await_metadata("topics alter", topic, asked, grown)? {
                    return Err(Error::runtime(format!(
                        "topics alter: {topic} has {p} partitions, but not all of them had a leader within {}",
                        humantime::format_duration(settings.timeout)
                    )));
                }
            }
            if !configs.is_empty() {
                // AlterConfigs replaces the whole set: keep the topic's other dynamic configs.
                let current = admin
                    .block(
                        admin
                            .client
                            .describe_configs([&ResourceSpecifier::Topic(topic)], &admin.options()),
                    )
                    .map_err(|e| admin.failed("topics alter --config", &e))?;
                let mut merged: BTreeMap<String, String> = BTreeMap::new();
                if let Some(Ok(resource)) = current.into_iter().next() {
                    for e in resource.entries {
                        if e.source == ConfigSource::DynamicTopic {
                            if let Some(v) = e.value {
                                merged.insert(e.name, v);
                            }
                        }
                    }
                }
                for (k, v) in configs {
                    merged.insert(k, v);
                }
                let mut alter = AlterConfig::new(ResourceSpecifier::Topic(topic));
                for (k, v) in &merged {
                    alter = alter.set(k, v);
                }
                let result = admin
                    .block(admin.client.alter_configs([&alter], &admin.options()))
                    .map_err(|e| admin.failed("topics alter --config", &e))?;
                for r in result {
                    if let Err((_, code)) = r {
                        return Err(admin.failed("topics alter --config", code));
                    }
                }
            }
            if !settings.quiet {
                eprintln!("altered topic {topic}");
            }
        }
        TopicsAction::Delete { topic } => {
            admin.metadata(None, "topics delete")?;
            admin.require_admin_api("topics delete")?;
            let asked = Instant::now();
            let result = admin.block(admin.client.delete_topics(&[topic.as_str()], &admin.options()));
            check_topic_results(&admin, "topics delete", result)?;
            if !admin.await_metadata("topics delete", topic, asked, |t| t.is_none())? {
                return Err(Error::runtime(format!(
                    "topics delete: {topic} was deleted, but the cluster still lists it after {}",
                    humantime::format_duration(settings.timeout)
                )));
            }
            if !settings.quiet {
                eprintln!("deleted topic {topic}");
            }
        }
    }
    Ok(Outcome::Success)
}

fn check_topic_results(
    admin: &Admin<'_>,
    what: &str,
    result: std::result::Result<Vec<rdkafka::admin::TopicResult>, KafkaError>,
) -> Result<()> {
    let results = result.map_err(|e| admin.failed(what, &e))?;
    for r in results {
        if let Err((name, code)) = r {
            return Err(admin.failed(&format!("{what} {name}"), code));
        }
    }
    Ok(())
}

pub fn offsets(settings: &Settings, args: &OffsetsArgs) -> Result<Outcome> {
    // Every error of this command starts with its name, as every other command's do.
    let named = |m: String| {
        if m.starts_with("offsets:") {
            m
        } else {
            format!("offsets: {m}")
        }
    };
    topic_offsets(settings, args).map_err(|e| match e {
        Error::Usage(m) => Error::Usage(named(m)),
        Error::Runtime(m) => Error::Runtime(named(m)),
        other => other,
    })
}

fn topic_offsets(settings: &Settings, args: &OffsetsArgs) -> Result<Outcome> {
    let at = args
        .at
        .as_deref()
        .map(|t| parse_at(t, now_ms()))
        .transpose()
        .map_err(Error::usage)?;
    let admin = Admin::new(settings)?;
    let partitions = topic_partition_count(&admin, &args.topic)?;
    let consumer = admin.consumer(None)?;
    let watermarks = Watermarks::new(settings);
    let mut rows = Vec::new();
    for p in 0..partitions {
        let o = watermarks.of(&consumer, &args.topic, p)?;
        let mut row = json!({"partition": p, "low": o.low, "high": o.high, "stable": o.stable});
        if let Some(t) = at {
            row["offset"] = json!(offset_for_time(settings, &consumer, &args.topic, p, t)?);
        }
        rows.push(row);
    }
    match args.out.output {
        OutputFormat::Json => print_json(&rows),
        OutputFormat::Table => {
            let offset = |r: &serde_json::Value, k: &str| r[k].as_i64().unwrap_or(0);
            // The last stable offset only where it tells something: while a transaction
            // is open on some partition.
            let stable = rows.iter().any(|r| offset(r, "stable") != offset(r, "high"));
            let mut headers = vec!["PARTITION", "LOW", "HIGH"];
            if stable {
                headers.push("STABLE");
            }
            headers.push("RECORDS");
            if at.is_some() {
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
                    if at.is_some() {
                        v.push(r["offset"].to_string());
                    }
                    v
                })
                .collect();
            print_table(&headers, &table);
            // high - low counts offsets, and a transactional topic spends some on commit
            // and abort markers (and on aborted records) that no reader sees.
            output::line(format!(
                "total {total} offsets in {partitions} partitions (records and transaction markers)"
            ));
        }
    }
    Ok(Outcome::Success)
}

fn topic_partition_count(admin: &Admin<'_>, topic: &str) -> Result<i32> {
    let md = admin.metadata(Some(topic), "offsets")?;
    md.topics()
        .iter()
        .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
        .map(|t| t.partitions().len() as i32)
        .ok_or_else(|| {
            Error::runtime(format!(
                "topic '{topic}' does not exist on the cluster at {}",
                admin.settings.brokers
            ))
        })
}

#[derive(Debug, Serialize)]
struct GroupOffset {
    topic: String,
    partition: i32,
    committed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<i64>,
    high: i64,
    stable: i64,
    /// `stable - committed`: negative when the commit is past the end, as Kafka's own
    /// tool shows it.
    lag: i64,
}

pub fn groups(settings: &Settings, args: &GroupsArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let out = args.out.output;
    match args.action.as_ref().unwrap_or(&GroupsAction::List) {
        GroupsAction::List => {
            admin.metadata(None, "groups")?;
            admin.require_admin_api("groups list")?;
            let list = admin
                .client
                .inner()
                .fetch_group_list(None, settings.timeout)
                .map_err(|e| admin.failed("groups list", &e))?;
            let mut rows: Vec<(String, String, usize)> = list
                .groups()
                .iter()
                .map(|g| (g.name().to_string(), g.state().to_string(), g.members().len()))
                .collect();
            rows.sort();
            match out {
                OutputFormat::Json => print_json(
                    &rows
                        .iter()
                        .map(|(g, s, m)| json!({"group": g, "state": s, "members": m}))
                        .collect::<Vec<_>>(),
                ),
                OutputFormat::Table => print_table(
                    &["GROUP", "STATE", "MEMBERS"],
                    &rows
                        .iter()
                        .map(|(g, s, m)| vec![g.clone(), s.clone(), m.to_string()])
                        .collect::<Vec<_>>(),
                ),
            }
        }
        GroupsAction::Describe { group } => {
            let rows = group_offsets(&admin, group, None)?;
            if rows.is_empty() {
                // No committed offsets: a group that does not exist (a typo) must not
                // read as "fully caught up".
                require_group(&admin, group)?;
            }
            print_group_offsets(&rows, out, false);
        }
        GroupsAction::Reset {
            group,
            topic,
            to,
            shift_by,
            partitions,
            execute,
        } => {
            let consumer = admin.consumer(None)?;
            let mut rows = group_offsets(&admin, group, Some(topic))?;
            if !partitions.is_empty() {
                rows.retain(|r| partitions.contains(&r.partition));
            }
            let target = to
                .as_deref()
                .map(|t| ResetTo::parse(t, now_ms()))
                .transpose()
                .map_err(Error::usage)?;
            for r in rows.iter_mut() {
                // The read_committed consumer's own answer: "latest" is the last stable
                // offset, the end of what the group can read (as -e), so records of a
                // transaction still open are not passed over when it commits.
                let (low, stable) = consumer
                    .fetch_watermarks(&r.topic, r.partition, settings.timeout)
                    .map_err(|e| Error::runtime(format!("offsets of {}:{}: {e}", r.topic, r.partition)))?;
                let high = r.high.max(stable);
                let new = match (target, shift_by) {
                    (Some(ResetTo::Earliest), _) => low,
                    (Some(ResetTo::Latest), _) => stable,
                    (Some(ResetTo::Offset(o)), _) => o,
                    (Some(ResetTo::Time(t)), _) => offset_for_time(settings, &consumer, &r.topic, r.partition, t)?,
                    (None, Some(n)) => r.committed.unwrap_or(low) + n,
                    (None, None) => return Err(Error::usage("groups reset: give --to or --shift-by")),
                };
                let new = new.clamp(low, high);
                r.new = Some(new);
                r.lag = r.stable - new;
            }
            if *execute {
                let committer = admin.consumer(Some(group))?;
                let mut tpl = TopicPartitionList::new();
                for r in &rows {
                    tpl.add_partition_offset(&r.topic, r.partition, Offset::Offset(r.new.unwrap_or(0)))
                        .map_err(|e| Error::runtime(format!("groups reset: {e}")))?;
                }
                committer.commit(&tpl, CommitMode::Sync).map_err(|e| {
                    Error::runtime(format!(
                        "groups reset: the commit was refused ({e}); a group must have no active members to be reset"
                    ))
                })?;
            }
            print_group_offsets(&rows, out, true);
            if !*execute && !settings.quiet {
                eprintln!("eddy: a dry run; add --execute to commit these offsets");
            }
        }
        GroupsAction::Delete { group } => {
            admin.metadata(None, "groups delete")?;
            admin.require_admin_api("groups delete")?;
            let result = admin
                .block(admin.client.delete_groups(&[group.as_str()], &admin.options()))
                .map_err(|e| admin.failed("groups delete", &e))?;
            for r in result {
                if let Err((_, code)) = r {
                    return Err(admin.failed(&format!("groups delete {group}"), code));
                }
            }
            if !settings.quiet {
                eprintln!("deleted group {group}");
            }
        }
    }
    Ok(Outcome::Success)
}

/// Fails unless the cluster knows `group`: Kafka answers DescribeGroups for a group it
/// does not have with the state "Dead" (or GROUP_ID_NOT_FOUND); the mock behind
/// `eddy dev` has no DescribeGroups, so there a group without offsets cannot be told
/// from no group at all.
fn require_group(admin: &Admin<'_>, group: &str) -> Result<()> {
    if admin.looks_like_dev() {
        return Err(Error::runtime(format!(
            "groups describe: group '{group}' has no committed offsets, and the cluster at {} cannot say whether it exists ({DEV_LIMIT})",
            admin.settings.brokers
        )));
    }
    let missing = || {
        Error::runtime(format!(
            "groups describe: group '{group}' does not exist on the cluster at {}",
            admin.settings.brokers
        ))
    };
    match admin
        .client
        .inner()
        .fetch_group_list(Some(group), admin.settings.timeout)
    {
        Ok(list) => match list.groups().iter().find(|g| g.name() == group) {
            Some(g) if g.state() != "Dead" => Ok(()),
            _ => Err(missing()),
        },
        Err(KafkaError::GroupListFetch(RDKafkaErrorCode::GroupIdNotFound)) => Err(missing()),
        Err(e) => Err(admin.failed("groups describe", &e)),
    }
}

/// The group's committed offsets on every partition of every topic it has committed on
/// (or of `only`), with high watermarks and lag.
fn group_offsets(admin: &Admin<'_>, group: &str, only: Option<&str>) -> Result<Vec<GroupOffset>> {
    let md = admin.metadata(only, "groups")?;
    let consumer = admin.consumer(Some(group))?;
    let watermarks = Watermarks::new(admin.settings);
    let mut tpl = TopicPartitionList::new();
    for t in md
        .topics()
        .iter()
        .filter(|t| !is_internal(t.name()) && t.error().is_none())
    {
        if only.is_some_and(|o| o != t.name()) {
            continue;
        }
        for p in t.partitions() {
            tpl.add_partition(t.name(), p.id());
        }
    }
    if let Some(o) = only {
        if tpl.count() == 0 {
            return Err(Error::runtime(format!(
                "topic '{o}' does not exist on the cluster at {}",
                admin.settings.brokers
            )));
        }
    }
    let committed = consumer
        .committed_offsets(tpl, admin.settings.timeout)
        .map_err(|e| Error::runtime(format!("committed offsets of group {group}: {e}")))?;
    let mut by_topic: BTreeMap<String, Vec<(i32, Option<i64>)>> = BTreeMap::new();
    for e in committed.elements() {
        let c = match e.offset() {
            Offset::Offset(o) => Some(o),
            _ => None,
        };
        by_topic
            .entry(e.topic().to_string())
            .or_default()
            .push((e.partition(), c));
    }
    let mut rows = Vec::new();
    for (topic, parts) in by_topic {
        if only.is_none() && parts.iter().all(|(_, c)| c.is_none()) {
            continue;
        }
        for (partition, c) in parts {
            let o = watermarks.of(&consumer, &topic, partition)?;
            rows.push(GroupOffset {
                topic: topic.clone(),
                partition,
                committed: c,
                new: None,
                high: o.high,
                stable: o.stable,
                lag: o.stable - c.unwrap_or(o.low),
            });
        }
    }
    rows.sort_by(|a, b| (a.topic.as_str(), a.partition).cmp(&(b.topic.as_str(), b.partition)));
    Ok(rows)
}

fn print_group_offsets(rows: &[GroupOffset], out: OutputFormat, with_new: bool) {
    match out {
        OutputFormat::Json => print_json(&rows),
        OutputFormat::Table => {
            let show = |o: Option<i64>| o.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
            let mut headers = vec!["TOPIC", "PARTITION", "COMMITTED"];
            if with_new {
                headers.push("NEW");
            }
            // As in `offsets`: the last stable offset only while a transaction is open.
            let stable = rows.iter().any(|r| r.stable != r.high);
            headers.push("HIGH");
            if stable {
                headers.push("STABLE");
            }
            headers.push("LAG");
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut v = vec![r.topic.clone(), r.partition.to_string(), show(r.committed)];
                    if with_new {
                        v.push(show(r.new));
                    }
                    v.push(r.high.to_string());
                    if stable {
                        v.push(r.stable.to_string());
                    }
                    v.push(r.lag.to_string());
                    v
                })
                .collect();
            print_table(&headers, &table);
            output::line(format!("total lag {}", rows.iter().map(|r| r.lag).sum::<i64>()));
        }
    }
}

pub fn cluster(settings: &Settings, args: &OutputArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let md = admin.metadata(None, "cluster")?;
    let mut brokers: Vec<(i32, String, i32)> = md
        .brokers()
        .iter()
        .map(|b| (b.id(), b.host().to_string(), b.port()))
        .collect();
    brokers.sort();
    let controller = admin.controller_id();
    let topics = md.topics().iter().filter(|t| !is_internal(t.name())).count();
    match args.output {
        OutputFormat::Json => print_json(&json!({
            "brokers": brokers.iter().map(|(id, host, port)| json!({"id": id, "host": host, "port": port})).collect::<Vec<_>>(),
            "controller": controller,
            "topics": topics,
        })),
        OutputFormat::Table => {
            print_table(
                &["BROKER", "HOST", "PORT", ""],
                &brokers
                    .iter()
                    .map(|(id, h, p)| {
                        vec![
                            id.to_string(),
                            h.clone(),
                            p.to_string(),
                            if Some(*id) == controller {
                                "controller".into()
                            } else {
                                String::new()
                            },
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
            output::line(format!("{topics} topics"));
        }
    }
    Ok(Outcome::Success)
}
