//! `eddy schemas`: a schema registry's subjects, versions and schemas, as `topics` shows
//! a cluster's topics: a table by default, one JSON document with `--output json`.
//! Everything that needs no registry (the schema file, its type, `--reference`,
//! `--version`) is checked first, so a bad flag is exit 2 before any request.

use serde_json::{Value, json};

use crate::cli::{OutputFormat, SchemaFileArgs, SchemasAction, SchemasArgs};
use crate::codec::registry::{NewSchema, Reference, Registry, Schema, Version};
use crate::codec::schema::SchemaKind;
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::output;
use crate::output::{json_pretty as print_json, table as print_table};

pub fn run(settings: &Settings, args: &SchemasArgs) -> Result<Outcome> {
    let out = args.out.output;
    match args.action.as_ref().unwrap_or(&SchemasAction::List) {
        SchemasAction::List => list(&Registry::from_settings(settings)?, out),
        SchemasAction::Get { id } => {
            let registry = Registry::from_settings(settings)?;
            let resolved = registry.schema(*id)?;
            show(&resolved.schema, out);
            Ok(Outcome::Success)
        }
        SchemasAction::Versions { subject } => versions(&Registry::from_settings(settings)?, subject, out),
        SchemasAction::Show { subject, version } => {
            let version = Version::parse(version)
                .ok_or_else(|| Error::flag("--version", version, "is not a version number (1, 2, ...) or latest"))?;
            let registry = Registry::from_settings(settings)?;
            show(&*registry.subject_version(subject, version)?, out);
            Ok(Outcome::Success)
        }
        SchemasAction::Register { subject, schema } => {
            let schema = new_schema(schema)?;
            let registry = Registry::from_settings(settings)?;
            let id = registry.register(subject, &schema)?;
            // The registry answers the id only; the version is one lookup away.
            let version = registry.lookup(subject, &schema).ok().and_then(|s| s.version);
            match out {
                OutputFormat::Json => print_json(&json!({"subject": subject, "id": id, "version": version})),
                OutputFormat::Table => output::line(format!(
                    "registered under {subject}: id {id}{}",
                    version.map(|v| format!(", version {v}")).unwrap_or_default()
                )),
            }
            Ok(Outcome::Success)
        }
        SchemasAction::Check { subject, schema } => check(settings, subject, schema, out),
        SchemasAction::Delete { subject, permanent } => {
            let registry = Registry::from_settings(settings)?;
            let versions = registry.delete_subject(subject, *permanent)?;
            match out {
                OutputFormat::Json => print_json(&json!({
                    "subject": subject,
                    "versions": versions,
                    "permanent": permanent,
                })),
                OutputFormat::Table => output::line(format!(
                    "deleted {subject} ({}): version{} {}",
                    if *permanent {
                        "permanently"
                    } else {
                        "soft: its schemas are still served by id; --permanent removes them"
                    },
                    if versions.len() == 1 { "" } else { "s" },
                    versions.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
                )),
            }
            Ok(Outcome::Success)
        }
    }
}

fn list(registry: &Registry, out: OutputFormat) -> Result<Outcome> {
    let mut rows = Vec::new();
    for subject in registry.subjects()? {
        match registry.subject_version(&subject, Version::Latest) {
            Ok(s) => rows.push(s),
            // Deleted between the two questions.
            Err(e) if e.is_not_found() => {}
            Err(e) => return Err(e.into()),
        }
    }
    match out {
        OutputFormat::Json => print_json(
            &rows
                .iter()
                .map(|s| json!({"subject": s.subject, "version": s.version, "id": s.id, "type": s.kind.name()}))
                .collect::<Vec<_>>(),
        ),
        OutputFormat::Table => print_table(
            &["SUBJECT", "LATEST", "ID", "TYPE"],
            &rows
                .iter()
                .map(|s| {
                    vec![
                        s.subject.clone().unwrap_or_default(),
                        shown(s.version),
                        shown(s.id),
                        s.kind.name().to_string(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    }
    Ok(Outcome::Success)
}

fn versions(registry: &Registry, subject: &str, out: OutputFormat) -> Result<Outcome> {
    let mut rows = Vec::new();
    for v in registry.versions(subject)? {
        rows.push(registry.subject_version(subject, Version::Number(v))?);
    }
    match out {
        OutputFormat::Json => print_json(
            &rows
                .iter()
                .map(|s| json!({"version": s.version, "id": s.id, "type": s.kind.name()}))
                .collect::<Vec<_>>(),
        ),
        OutputFormat::Table => print_table(
            &["VERSION", "ID", "TYPE"],
            &rows
                .iter()
                .map(|s| vec![shown(s.version), shown(s.id), s.kind.name().to_string()])
                .collect::<Vec<_>>(),
        ),
    }
    Ok(Outcome::Success)
}

/// One schema: a line about it, its references, then its text as registered.
fn show(s: &Schema, out: OutputFormat) {
    let references: Vec<Value> = s
        .references
        .iter()
        .map(|r| json!({"name": r.name, "subject": r.subject, "version": r.version}))
        .collect();
    match out {
        OutputFormat::Json => {
            let mut doc = json!({"id": s.id, "type": s.kind.name(), "schema": s.text, "references": references});
            if let Some(subject) = &s.subject {
                doc["subject"] = json!(subject);
                doc["version"] = json!(s.version);
            }
            if let Some(guid) = &s.guid {
                doc["guid"] = json!(guid);
            }
            print_json(&doc);
        }
        OutputFormat::Table => {
            let mut head = match &s.subject {
                Some(subject) => format!("subject {subject} version {}: ", shown(s.version)),
                None => String::new(),
            };
            head.push_str(&format!("id {}, {}", shown(s.id), s.kind.name()));
            if let Some(guid) = &s.guid {
                head.push_str(&format!(", guid {guid}"));
            }
            output::line(head);
            for r in &s.references {
                output::line(format!(
                    "reference {} = subject {} version {}",
                    r.name, r.subject, r.version
                ));
            }
            output::line(s.text.trim_end());
        }
    }
}

fn check(settings: &Settings, subject: &str, file: &SchemaFileArgs, out: OutputFormat) -> Result<Outcome> {
    let schema = new_schema(file)?;
    let registry = Registry::from_settings(settings)?;
    let (compatible, messages, note) = match registry.check_compatibility(subject, &schema) {
        Ok(c) => (c.compatible, c.messages, None),
        // No version to be compatible with: the first version of a subject always is.
        Err(e) if e.code == Some(40401) => (true, Vec::new(), Some(format!("{subject} has no versions yet"))),
        Err(e) => return Err(e.into()),
    };
    match out {
        OutputFormat::Json => print_json(&json!({"subject": subject, "compatible": compatible, "messages": messages})),
        OutputFormat::Table => {
            let verdict = match (&note, compatible) {
                (Some(n), _) => format!("compatible: {n}"),
                (None, true) => format!("compatible with the latest version of {subject}"),
                (None, false) => format!("not compatible with the latest version of {subject}"),
            };
            output::line(verdict);
            for m in &messages {
                output::line(format!("  {m}"));
            }
        }
    }
    Ok(if compatible { Outcome::Success } else { Outcome::Failed })
}

/// The schema a file holds, its type from `--schema-type` or the extension, and its
/// `--reference`s.
fn new_schema(args: &SchemaFileArgs) -> Result<NewSchema> {
    let kind = crate::codec::flags::file_kind("FILE", &args.file, args.schema_type)?;
    let references = args
        .references
        .iter()
        .map(|r| parse_reference(r))
        .collect::<Result<_>>()?;
    let text = std::fs::read_to_string(&args.file).map_err(|e| Error::Input {
        at: args.file.display().to_string(),
        why: e.to_string(),
        hint: None,
    })?;
    if kind != SchemaKind::Protobuf {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&text) {
            return Err(Error::Input {
                at: format!("{}: line {}", args.file.display(), e.line()),
                why: format!("a {} schema must be JSON: {e}", kind.name()),
                hint: None,
            });
        }
    }
    Ok(NewSchema { kind, text, references })
}

/// `NAME=SUBJECT:VERSION`; the subject may hold `:` itself (registry contexts), so
/// the version is after the last one.
fn parse_reference(text: &str) -> Result<Reference> {
    let bad = || Error::flag("--reference", text, "is not NAME=SUBJECT:VERSION");
    let (name, rest) = text.split_once('=').ok_or_else(bad)?;
    let (subject, version) = rest.rsplit_once(':').ok_or_else(bad)?;
    if name.is_empty() || subject.is_empty() {
        return Err(bad());
    }
    let version = match Version::parse(version) {
        Some(Version::Number(n)) => n,
        Some(Version::Latest) => -1,
        None => {
            return Err(Error::flag(
                "--reference",
                text,
                "has a version that is not a number or latest",
            ));
        }
    };
    Ok(Reference {
        name: name.to_string(),
        subject: subject.to_string(),
        version,
    })
}

fn shown<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_file_types() {
        assert_eq!(
            parse_reference("common.Money=money-value:3").expect("ok"),
            Reference {
                name: "common.Money".into(),
                subject: "money-value".into(),
                version: 3
            }
        );
        assert_eq!(
            parse_reference(":.ctx:s=:.ctx:s:latest").expect("ok").subject,
            ":.ctx:s"
        );
        for bad in ["x", "x=y", "=s:1", "x=:1", "x=s:0", "x=s:two"] {
            assert!(parse_reference(bad).is_err(), "{bad}");
        }
        // The file-name rule is codec::flags::file_kind's now (no --schema-type given).
        let kind_of_file = |p: &str| crate::codec::flags::file_kind("--schema", std::path::Path::new(p), None).ok();
        assert_eq!(kind_of_file("a/o.avsc"), Some(SchemaKind::Avro));
        assert_eq!(kind_of_file("o.proto"), Some(SchemaKind::Protobuf));
        assert_eq!(kind_of_file("o.json"), Some(SchemaKind::JsonSchema));
        assert_eq!(kind_of_file("o.txt"), None);
        assert_eq!(kind_of_file("schema"), None);
    }
}
