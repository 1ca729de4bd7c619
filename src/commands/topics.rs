//! `eddy topics list | describe | create | alter | delete`: a table, or with `--output
//! json` one document in the shapes the CLI contract fixes. Each change waits until the
//! cluster's metadata shows it, so that a script's next command sees it. What
//! librdkafka's mock (behind `eddy dev`) cannot serve fails with a line that says so.

use std::collections::BTreeMap;
use std::time::Instant;

use serde_json::json;

use crate::cli::{OutputFormat, TopicsAction, TopicsArgs};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::kafka::admin::{Admin, DEV_LIMIT, TopicInfo};
use crate::output;

pub fn run(settings: &Settings, args: &TopicsArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let out = args.out.output;
    match args.action.as_ref().unwrap_or(&TopicsAction::List) {
        TopicsAction::List => list(&admin, out)?,
        TopicsAction::Describe { topic } => describe(&admin, topic, out)?,
        TopicsAction::Create {
            topic,
            partitions,
            replication,
            configs,
        } => create(&admin, topic, *partitions, *replication, configs, out)?,
        TopicsAction::Alter {
            topic,
            partitions,
            configs,
        } => alter(&admin, topic, *partitions, configs)?,
        TopicsAction::Delete { topic } => delete(&admin, topic)?,
    }
    Ok(Outcome::Success)
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

fn list(admin: &Admin<'_>, out: OutputFormat) -> Result<()> {
    let md = admin.metadata(None, "topics")?;
    let mut list: Vec<(String, usize)> = md
        .topics
        .iter()
        .filter(|t| !t.is_internal())
        .map(|t| (t.name.clone(), t.partitions.len()))
        .collect();
    list.sort();
    match out {
        OutputFormat::Json => output::json_pretty(
            &list
                .iter()
                .map(|(n, p)| json!({"name": n, "partitions": p}))
                .collect::<Vec<_>>(),
        ),
        OutputFormat::Table => output::table(
            &["TOPIC", "PARTITIONS"],
            &list
                .iter()
                .map(|(n, p)| vec![n.clone(), p.to_string()])
                .collect::<Vec<_>>(),
        ),
    }
    Ok(())
}

fn describe(admin: &Admin<'_>, topic: &str, out: OutputFormat) -> Result<()> {
    let md = admin.metadata(Some(topic), "topics describe")?;
    let t = md.topic(topic).ok_or_else(|| {
        Error::runtime(format!(
            "topic '{topic}' does not exist on the cluster at {}",
            admin.settings.brokers
        ))
    })?;
    let mut partitions: Vec<serde_json::Value> = t
        .partitions
        .iter()
        .map(|p| json!({"partition": p.id, "leader": p.leader, "replicas": p.replicas, "isr": p.isr}))
        .collect();
    partitions.sort_by_key(|p| p["partition"].as_i64());
    let dev = admin.looks_like_dev();
    if dev {
        eprintln!("eddy: configs are not shown: {DEV_LIMIT}");
    }
    let entries = if dev {
        Vec::new()
    } else {
        admin.topic_configs("topics describe (configs)", topic)?
    };
    let mut configs = BTreeMap::new();
    let mut sources = BTreeMap::new();
    for e in entries {
        sources.insert(e.name.clone(), e.source);
        configs.insert(e.name, e.value);
    }
    let replication = t.partitions.iter().map(|p| p.replicas.len()).max().unwrap_or(0);
    // The mock does not serve DescribeTopics' metadata version.
    let id = if dev { None } else { admin.topic_id(topic) };
    match out {
        OutputFormat::Json => output::json_pretty(&json!({
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
                    ["partition", "leader", "replicas", "isr"]
                        .iter()
                        .map(|k| p[*k].to_string())
                        .collect()
                })
                .collect();
            output::table(&["PARTITION", "LEADER", "REPLICAS", "ISR"], &rows);
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
                output::table(&["CONFIG", "VALUE", "SOURCE"], &rows);
            }
        }
    }
    Ok(())
}

fn create(
    admin: &Admin<'_>,
    topic: &str,
    partitions: i32,
    replication: Option<i32>,
    configs: &[String],
    out: OutputFormat,
) -> Result<()> {
    if partitions < 1 {
        return Err(Error::usage(format!("--partitions {partitions}: must be at least 1")));
    }
    let configs = parse_configs(configs)?;
    admin.metadata(None, "topics create")?;
    admin.require_admin_api("topics create")?;
    let asked = Instant::now();
    admin.create_topic("topics create", topic, partitions, replication, &configs)?;
    let usable = |t: Option<&TopicInfo>| {
        t.is_some_and(|t| {
            t.ok && t.partitions.len() == usize::try_from(partitions).unwrap_or(0)
                && t.partitions.iter().all(|p| p.ok && p.leader >= 0)
        })
    };
    if !admin.await_metadata("topics create", topic, asked, usable)? {
        return Err(Error::runtime(format!(
            "topics create: {topic} was created, but its {partitions} partitions did not all have a leader within {}",
            humantime::format_duration(admin.settings.timeout)
        )));
    }
    if out == OutputFormat::Json {
        output::json_pretty(&json!({"name": topic, "partitions": partitions}));
    } else if !admin.settings.quiet {
        eprintln!("created topic {topic} with {partitions} partitions");
    }
    Ok(())
}

fn alter(admin: &Admin<'_>, topic: &str, partitions: Option<i32>, configs: &[String]) -> Result<()> {
    let configs = parse_configs(configs)?;
    if partitions.is_none() && configs.is_empty() {
        return Err(Error::usage("topics alter: give --partitions and/or --config"));
    }
    admin.metadata(Some(topic), "topics alter")?;
    admin.require_admin_api("topics alter")?;
    if let Some(p) = partitions {
        let count = usize::try_from(p).unwrap_or(0);
        let asked = Instant::now();
        admin.create_partitions("topics alter --partitions", topic, count)?;
        let grown = |t: Option<&TopicInfo>| {
            t.is_some_and(|t| t.partitions.len() >= count && t.partitions.iter().all(|p| p.leader >= 0))
        };
        if !admin.await_metadata("topics alter", topic, asked, grown)? {
            return Err(Error::runtime(format!(
                "topics alter: {topic} has {p} partitions, but not all of them had a leader within {}",
                humantime::format_duration(admin.settings.timeout)
            )));
        }
    }
    if !configs.is_empty() {
        admin.alter_topic_configs("topics alter --config", topic, &configs)?;
    }
    if !admin.settings.quiet {
        eprintln!("altered topic {topic}");
    }
    Ok(())
}

fn delete(admin: &Admin<'_>, topic: &str) -> Result<()> {
    admin.metadata(None, "topics delete")?;
    admin.require_admin_api("topics delete")?;
    let asked = Instant::now();
    admin.delete_topic("topics delete", topic)?;
    if !admin.await_metadata("topics delete", topic, asked, |t| t.is_none())? {
        return Err(Error::runtime(format!(
            "topics delete: {topic} was deleted, but the cluster still lists it after {}",
            humantime::format_duration(admin.settings.timeout)
        )));
    }
    if !admin.settings.quiet {
        eprintln!("deleted topic {topic}");
    }
    Ok(())
}
