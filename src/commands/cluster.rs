//! `eddy cluster`: the brokers (which one is the controller) and how many topics.

use serde_json::json;

use crate::cli::{OutputArgs, OutputFormat};
use crate::config::Settings;
use crate::error::{Outcome, Result};
use crate::kafka::admin::Admin;
use crate::output;

pub fn run(settings: &Settings, args: &OutputArgs) -> Result<Outcome> {
    let admin = Admin::new(settings)?;
    let mut md = admin.metadata(None, "cluster")?;
    md.brokers.sort();
    let controller = admin.controller_id();
    let topics = md.topics.iter().filter(|t| !t.is_internal()).count();
    match args.output {
        OutputFormat::Json => output::json_pretty(&json!({
            "brokers": md.brokers.iter().map(|b| json!({"id": b.id, "host": b.host, "port": b.port})).collect::<Vec<_>>(),
            "controller": controller,
            "topics": topics,
        })),
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = md
                .brokers
                .iter()
                .map(|b| {
                    let role = if Some(b.id) == controller { "controller" } else { "" };
                    vec![b.id.to_string(), b.host.clone(), b.port.to_string(), role.to_string()]
                })
                .collect();
            output::table(&["BROKER", "HOST", "PORT", ""], &rows);
            output::line(format!("{topics} topics"));
        }
    }
    Ok(Outcome::Success)
}
