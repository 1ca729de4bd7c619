//! A `.proto` schema file's imports on their way to a registry (produce `--schema
//! FILE.proto --register`): each import goes under the subject of its own import path,
//! as Confluent's serializers name reference subjects, its own imports first, so that
//! the schema is registered (and looked up) with the `references` a registry and every
//! other client need to compile it.

use std::collections::HashMap;

use super::protobuf::ProtoImport;
use super::registry::{NewSchema, Reference, Registry};
use super::schema::SchemaKind;
use crate::error::{Error, Result};

/// The references of a `.proto` schema's imports: each import looked up under the
/// subject of its own import path (registered there first with `--register`, its own
/// imports before it), and named at the version the registry has.
pub(super) fn references(
    registry: &Registry,
    imports: &[ProtoImport],
    direct: &[String],
    register: bool,
    flag: &str,
    shown: &str,
) -> Result<Vec<Reference>> {
    let mut versions: HashMap<&str, i64> = HashMap::new();
    let references = |names: &[String], versions: &HashMap<&str, i64>| -> Vec<Reference> {
        names
            .iter()
            .filter_map(|n| {
                versions.get(n.as_str()).map(|v| Reference {
                    name: n.clone(),
                    subject: n.clone(),
                    version: *v,
                })
            })
            .collect()
    };
    for import in imports {
        let schema = NewSchema {
            kind: SchemaKind::Protobuf,
            text: import.text.clone(),
            references: references(&import.imports, &versions),
        };
        let found = match registry.lookup(&import.name, &schema) {
            Ok(found) => found,
            Err(e) if e.is_not_found() && register => {
                registry.register(&import.name, &schema).map_err(Error::from)?;
                registry.lookup(&import.name, &schema).map_err(Error::from)?
            }
            Err(e) if e.is_not_found() => {
                return Err(Error::flag(
                    flag.to_string(),
                    shown.to_string(),
                    format!(
                        "imports '{}', which is not registered under subject {} at {}",
                        import.name,
                        import.name,
                        registry.url()
                    ),
                )
                .with_hint("--register registers it (eddy registers nothing unless told)"));
            }
            Err(e) => return Err(Error::from(e)),
        };
        let version = found.version.ok_or_else(|| {
            Error::runtime(format!(
                "schema registry at {}: the lookup of {} gave no version",
                registry.url(),
                import.name
            ))
        })?;
        versions.insert(&import.name, version);
    }
    Ok(references(direct, &versions))
}
