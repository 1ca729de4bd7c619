//! `eddy groups list | describe | reset | delete`: consumer groups, their committed
//! offsets and lag (against the last stable offset, what a read_committed group can
//! reach), and resets, which are dry runs unless `--execute` is given.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use crate::cli::{GroupsAction, GroupsArgs, OutputFormat};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::kafka::admin::{Admin, DEV_LIMIT};
use crate::offsets::ResetTo;
use crate::output;
use crate::times::now_ms;

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

/// Where `groups reset` moves each partition to.
#[derive(Debug, Clone, Copy)]
enum Target {
    To(ResetTo),
    ShiftBy(i64),
}

pub fn run(settings: &Settings, args: &GroupsArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let out = args.out.output;
    match args.action.as_ref().unwrap_or(&GroupsAction::List) {
        GroupsAction::List => list(&admin, out)?,
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
            let target = match (to, shift_by) {
                (Some(t), _) => Target::To(ResetTo::parse(t, now_ms()).map_err(Error::usage)?),
                (None, Some(n)) => Target::ShiftBy(*n),
                (None, None) => return Err(Error::usage("groups reset: give --to or --shift-by")),
            };
            reset(&admin, group, topic, target, partitions, *execute, out)?;
        }
        GroupsAction::Delete { group } => {
            admin.metadata(None, "groups delete")?;
            admin.require_admin_api("groups delete")?;
            admin.delete_group("groups delete", group)?;
            if !settings.quiet {
                eprintln!("deleted group {group}");
            }
        }
    }
    Ok(Outcome::Success)
}

fn list(admin: &Admin<'_>, out: OutputFormat) -> Result<()> {
    admin.metadata(None, "groups")?;
    admin.require_admin_api("groups list")?;
    let mut groups = admin.groups("groups list")?;
    groups.sort();
    match out {
        OutputFormat::Json => output::json_pretty(
            &groups
                .iter()
                .map(|g| json!({"group": g.name, "state": g.state, "members": g.members}))
                .collect::<Vec<_>>(),
        ),
        OutputFormat::Table => output::table(
            &["GROUP", "STATE", "MEMBERS"],
            &groups
                .iter()
                .map(|g| vec![g.name.clone(), g.state.clone(), g.members.to_string()])
                .collect::<Vec<_>>(),
        ),
    }
    Ok(())
}

fn reset(
    admin: &Admin<'_>,
    group: &str,
    topic: &str,
    target: Target,
    partitions: &[i32],
    execute: bool,
    out: OutputFormat,
) -> Result<()> {
    let reader = admin.offsets()?;
    let mut rows = group_offsets(admin, group, Some(topic))?;
    if !partitions.is_empty() {
        rows.retain(|r| partitions.contains(&r.partition));
    }
    for r in rows.iter_mut() {
        // The read_committed answer: "latest" is the last stable offset, the end of
        // what the group can read (as -e), so records of a transaction still open are
        // not passed over when it commits.
        let o = reader.of(&r.topic, r.partition)?;
        let new = match target {
            Target::To(ResetTo::Earliest) => o.low,
            Target::To(ResetTo::Latest) => o.stable,
            Target::To(ResetTo::Offset(offset)) => offset,
            Target::To(ResetTo::Time(t)) => reader.for_time(&r.topic, r.partition, t)?,
            Target::ShiftBy(n) => r.committed.unwrap_or(o.low) + n,
        };
        let new = new.clamp(o.low, r.high.max(o.stable));
        r.new = Some(new);
        r.lag = r.stable - new;
    }
    if execute {
        let offsets: Vec<(String, i32, i64)> = rows
            .iter()
            .map(|r| (r.topic.clone(), r.partition, r.new.unwrap_or(0)))
            .collect();
        admin.commit_group("groups reset", group, &offsets)?;
    }
    print_group_offsets(&rows, out, true);
    if !execute && !admin.settings.quiet {
        eprintln!("eddy: a dry run; add --execute to commit these offsets");
    }
    Ok(())
}

/// Fails unless the cluster knows `group`. The mock behind `eddy dev` has no
/// DescribeGroups, so there a group without offsets cannot be told from no group at all.
fn require_group(admin: &Admin<'_>, group: &str) -> Result<()> {
    if admin.looks_like_dev() {
        return Err(Error::runtime(format!(
            "groups describe: group '{group}' has no committed offsets, and the cluster at {} cannot say whether it exists ({DEV_LIMIT})",
            admin.settings.brokers
        )));
    }
    if admin.group_exists("groups describe", group)? {
        Ok(())
    } else {
        Err(Error::runtime(format!(
            "groups describe: group '{group}' does not exist on the cluster at {}",
            admin.settings.brokers
        )))
    }
}

/// The group's committed offsets on every partition of every topic it has committed on
/// (or of `only`), with high watermarks and lag.
fn group_offsets(admin: &Admin<'_>, group: &str, only: Option<&str>) -> Result<Vec<GroupOffset>> {
    let md = admin.metadata(only, "groups")?;
    let mut asked = Vec::new();
    for t in md.topics.iter().filter(|t| !t.is_internal() && t.ok) {
        if only.is_some_and(|o| o != t.name) {
            continue;
        }
        asked.extend(t.partitions.iter().map(|p| (t.name.clone(), p.id)));
    }
    if let Some(o) = only {
        if asked.is_empty() {
            return Err(Error::runtime(format!(
                "topic '{o}' does not exist on the cluster at {}",
                admin.settings.brokers
            )));
        }
    }
    let mut by_topic: BTreeMap<String, Vec<(i32, Option<i64>)>> = BTreeMap::new();
    for (topic, partition, c) in admin.committed(group, &asked)? {
        by_topic.entry(topic).or_default().push((partition, c));
    }
    let reader = admin.offsets()?;
    let mut rows = Vec::new();
    for (topic, parts) in by_topic {
        if only.is_none() && parts.iter().all(|(_, c)| c.is_none()) {
            continue;
        }
        for (partition, c) in parts {
            let o = reader.of(&topic, partition)?;
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
        OutputFormat::Json => output::json_pretty(&rows),
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
            output::table(&headers, &table);
            output::line(format!("total lag {}", rows.iter().map(|r| r.lag).sum::<i64>()));
        }
    }
}
