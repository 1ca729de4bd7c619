//! Schema-directed encoding of what produce and gen send: each JSON value (and key) is
//! turned into a schema's payload and framed in the Confluent wire format, so that any
//! registry-aware consumer (confluent-kafka's deserializers, Kafka Connect, eddy's own
//! `consume`) reads it back.
//!
//! The schema of a run is settled once, before the first record and before any
//! producer exists: the flags are judged first ([`EncodePlan::from_args`], no I/O but
//! the schema files), then the registry is asked ([`EncodePlan::resolve`]) for the id of
//! the schema and its text. From then on encoding a record is the codec's work and a
//! copy of a few framing bytes computed up front. eddy registers a schema only when
//! `--register` says so: a schema file the registry does not have is an error, because a
//! schema registered by accident is a compatibility promise nobody meant to make.
//!
//! `--input envelope` is the other way in: each envelope names its own schema
//! (`value_schema_id`, written by `consume --format json`), so [`EnvelopeEncoder`] asks
//! the registry once per id and frames the value as the consumed record was framed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::decode::Side;
use super::flags::{file_kind, json_options, kind_of};
use super::protobuf::{ProtoImport, ProtobufCodec};
use super::registry::{NewSchema, Registry, RegistryError, Version};
use super::schema::{self, CodecError, JsonOptions, SchemaCodec, SchemaKind, SchemaSource};
use super::wire::{self, SchemaRef};
use crate::cli::{EncodeArgs, SchemaIdIn, SubjectStrategy};
use crate::error::{Error, Result};
use crate::record::Header;

/// Where one side's schema comes from, as the flags say.
#[derive(Debug)]
enum Source {
    /// `--schema-id N`.
    Id(u32),
    /// `--subject S` (or the strategy's subject) at `--schema-version V`.
    Subject(String, Version),
    /// `--schema FILE`, compiled already, to be looked up (or registered) under the
    /// subject.
    File {
        path: PathBuf,
        schema: NewSchema,
        codec: Arc<dyn SchemaCodec>,
        subject: String,
        /// A `.proto` file's imports, to be found (or registered) under their own
        /// subjects first, so that the schema goes with its `references`.
        imports: Vec<ProtoImport>,
        direct_imports: Vec<String>,
    },
}

/// One side's schema as the flags name it, judged without a registry.
#[derive(Debug)]
struct SidePlan {
    side: Side,
    /// `--encode` / `--key-encode`: the format asked for, checked against the schema's.
    wanted: Option<SchemaKind>,
    source: Source,
    proto_type: Option<String>,
}

/// What the encoding flags ask for, checked before any client exists.
#[derive(Debug)]
pub struct EncodePlan {
    key: Option<SidePlan>,
    value: Option<SidePlan>,
    header_form: bool,
    opts: JsonOptions,
    register: bool,
}

impl EncodePlan {
    /// The plan the flags make for records sent to `topic`; `None` when they ask for no
    /// encoding. Reads and compiles schema files (a bad file is a usage error now).
    pub fn from_args(args: &EncodeArgs, topic: &str) -> Result<Option<EncodePlan>> {
        let opts = json_options(args.avro_json, args.proto_json.as_deref())?;
        let value = side_plan(
            Side::Value,
            SideFlags {
                encode: args.encode.map(kind_of),
                id: args.schema_id,
                subject: args.subject.as_deref(),
                version: &args.version,
                schema: args.schema.as_deref(),
                proto_type: args.proto_type.as_deref(),
            },
            args,
            topic,
            opts,
        )?;
        let key = side_plan(
            Side::Key,
            SideFlags {
                encode: args.key_encode.map(kind_of),
                id: args.key_schema_id,
                subject: args.key_subject.as_deref(),
                version: &args.key_version,
                schema: args.key_schema.as_deref(),
                proto_type: args.key_proto_type.as_deref(),
            },
            args,
            topic,
            opts,
        )?;
        if key.is_none() && value.is_none() {
            if args.register {
                return Err(Error::flag_says("--register", "needs --schema or --key-schema"));
            }
            return Ok(None);
        }
        Ok(Some(EncodePlan {
            key,
            value,
            header_form: args.schema_id_in == SchemaIdIn::Header,
            opts,
            register: args.register,
        }))
    }

    /// Asks the registry for each side's schema (registering a file's under
    /// `--register`), and compiles it: the encoders of the run.
    pub fn resolve(self, registry: &Registry) -> Result<Encoders> {
        let side = |plan: Option<SidePlan>| {
            plan.map(|p| resolve_side(p, registry, self.header_form, self.opts, self.register))
                .transpose()
        };
        Ok(Encoders {
            key: side(self.key)?,
            value: side(self.value)?,
        })
    }
}

/// One side's flags, by name, so that the key and the value are judged by one function.
struct SideFlags<'a> {
    encode: Option<SchemaKind>,
    id: Option<u32>,
    subject: Option<&'a str>,
    version: &'a str,
    schema: Option<&'a Path>,
    proto_type: Option<&'a str>,
}

/// The names of a side's flags in messages.
fn flag(side: Side, name: &str) -> String {
    match side {
        Side::Value => format!("--{name}"),
        Side::Key => format!("--key-{name}"),
    }
}

fn side_plan(
    side: Side,
    f: SideFlags<'_>,
    args: &EncodeArgs,
    topic: &str,
    opts: JsonOptions,
) -> Result<Option<SidePlan>> {
    if f.encode.is_none() && f.id.is_none() && f.subject.is_none() && f.schema.is_none() {
        return Ok(None);
    }
    let version = Version::parse(f.version).ok_or_else(|| {
        Error::flag(
            flag(side, "schema-version"),
            f.version,
            "is not a version: a number or latest",
        )
    })?;
    let strategy_subject = |record: Option<String>| -> Result<String> {
        let record = || {
            record.ok_or_else(|| {
                Error::flag_says(
                    "--subject-strategy",
                    format!(
                        "record and topic-record need {} (the record's name is in the schema), or give {}",
                        flag(side, "schema"),
                        flag(side, "subject")
                    ),
                )
            })
        };
        Ok(match args.subject_strategy {
            SubjectStrategy::Topic => format!("{topic}-{}", side.name()),
            SubjectStrategy::Record => record()?,
            SubjectStrategy::TopicRecord => format!("{topic}-{}", record()?),
        })
    };
    let source = match (f.id, f.subject, f.schema) {
        (Some(id), _, _) => Source::Id(id),
        (None, Some(subject), None) => Source::Subject(subject.to_string(), version),
        (None, subject, Some(path)) => {
            let name = flag(side, "schema");
            let kind = file_kind(&name, path, args.schema_type)?;
            let failed = |why: String| Error::flag(name.clone(), path.display().to_string(), why);
            let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
            let mut imports = (Vec::new(), Vec::new());
            let codec: Arc<dyn SchemaCodec> = if kind == SchemaKind::Protobuf {
                let codec = ProtobufCodec::from_proto_file(path, &args.proto_include, f.proto_type, opts)
                    .map_err(|e| failed(e.0))?;
                imports = codec
                    .imports_on_disk(path, &args.proto_include)
                    .map_err(|e| failed(e.0))?;
                Arc::new(codec)
            } else {
                let source = SchemaSource {
                    kind,
                    text: text.clone(),
                    references: Vec::new(),
                };
                schema::compile(&source, None, opts).map_err(|e| failed(e.0))?
            };
            let subject = match subject {
                Some(s) => s.to_string(),
                None => strategy_subject(record_name(kind, &text, codec.as_ref()))?,
            };
            Source::File {
                path: path.to_path_buf(),
                schema: NewSchema {
                    kind,
                    text,
                    references: Vec::new(),
                },
                codec,
                subject,
                imports: imports.0,
                direct_imports: imports.1,
            }
        }
        (None, None, None) => Source::Subject(strategy_subject(None)?, version),
    };
    if let (Some(wanted), Source::File { codec, path, .. }) = (f.encode, &source) {
        if codec.kind() != wanted {
            return Err(Error::flag_says(
                flag(side, "encode"),
                format!(
                    "asks for {}, but {} is {}",
                    wanted.name(),
                    path.display(),
                    codec.kind().name()
                ),
            ));
        }
    }
    Ok(Some(SidePlan {
        side,
        wanted: f.encode,
        source,
        proto_type: f.proto_type.map(str::to_string),
    }))
}

/// The record's full name, as the record subject strategies use it: Avro's
/// namespace.name, the Protobuf message's full name, a JSON Schema's title.
fn record_name(kind: SchemaKind, text: &str, codec: &dyn SchemaCodec) -> Option<String> {
    match kind {
        SchemaKind::Protobuf => codec.message_name(&codec.encode_index()).map(|n| n.to_string()),
        SchemaKind::Avro => {
            let v: serde_json::Value = serde_json::from_str(text).ok()?;
            let name = v.get("name")?.as_str()?;
            match v.get("namespace").and_then(|n| n.as_str()) {
                Some(ns) if !ns.is_empty() && !name.contains('.') => Some(format!("{ns}.{name}")),
                _ => Some(name.to_string()),
            }
        }
        SchemaKind::JsonSchema => {
            let v: serde_json::Value = serde_json::from_str(text).ok()?;
            v.get("title")?.as_str().map(str::to_string)
        }
    }
}

/// A registry error on behalf of a flag: a 404 is the flag's value being wrong (exit
/// 2); anything else is the registry failing (exit 1, with its hint).
fn registry_failed(e: RegistryError, flag: String, value: String) -> Error {
    if e.is_not_found() {
        Error::flag(flag, value, e.to_string())
    } else {
        Error::from(e)
    }
}

fn resolve_side(
    plan: SidePlan,
    registry: &Registry,
    header_form: bool,
    opts: JsonOptions,
    register: bool,
) -> Result<SideEncoder> {
    let side = plan.side;
    let compile = |source: &SchemaSource, what: &str| {
        schema::compile(source, plan.proto_type.as_deref(), opts).map_err(|e| Error::runtime(format!("{what}: {e}")))
    };
    let (id, guid, codec, what) = match plan.source {
        Source::Id(id) => {
            let found = registry
                .schema(id)
                .map_err(|e| registry_failed(e, flag(side, "schema-id"), id.to_string()))?;
            let what = format!("schema id {id}");
            (id, found.schema.guid.clone(), compile(&found.source, &what)?, what)
        }
        Source::Subject(subject, version) => {
            let found = registry
                .subject_version(&subject, version)
                .map_err(|e| registry_failed(e, flag(side, "subject"), subject.clone()))?;
            let id = found.id.ok_or_else(|| {
                Error::runtime(format!(
                    "schema registry at {}: subject {subject} gave no schema id",
                    registry.url()
                ))
            })?;
            let guid = found.guid.clone();
            let resolved = registry.resolve((*found).clone()).map_err(Error::from)?;
            let what = format!("schema id {id} (subject {subject})");
            (id, guid, compile(&resolved.source, &what)?, what)
        }
        Source::File {
            path,
            mut schema,
            codec,
            subject,
            imports,
            direct_imports,
        } => {
            let shown = path.display().to_string();
            schema.references = super::proto_imports::references(
                registry,
                &imports,
                &direct_imports,
                register,
                &flag(side, "schema"),
                &shown,
            )?;
            let (id, guid) = match registry.lookup(&subject, &schema) {
                Ok(found) => {
                    let id = found.id.ok_or_else(|| {
                        Error::runtime(format!(
                            "schema registry at {}: the lookup gave no schema id",
                            registry.url()
                        ))
                    })?;
                    (id, found.guid)
                }
                Err(e) if e.is_not_found() && register => {
                    let id = registry.register(&subject, &schema).map_err(Error::from)?;
                    // The GUID, for the header form, where the registry has one.
                    let guid = registry.schema(id).ok().and_then(|r| r.schema.guid.clone());
                    (id, guid)
                }
                Err(e) if e.is_not_found() => {
                    return Err(Error::flag(
                        flag(side, "schema"),
                        shown,
                        format!("is not registered under subject {subject} at {}", registry.url()),
                    )
                    .with_hint("--register registers it (eddy registers nothing unless told)"));
                }
                Err(e) => return Err(Error::from(e)),
            };
            (id, guid, codec, format!("schema id {id} ({shown})"))
        }
    };
    if let Some(wanted) = plan.wanted {
        if codec.kind() != wanted {
            return Err(Error::flag_says(
                flag(side, "encode"),
                format!("asks for {}, but {what} is {}", wanted.name(), codec.kind().name()),
            ));
        }
    }
    Ok(SideEncoder::new(side, id, guid.as_deref(), codec, header_form))
}

/// Encoding of one side (key or value) for a whole run.
#[derive(Debug)]
pub struct SideEncoder {
    codec: Arc<dyn SchemaCodec>,
    /// What precedes the payload in the record's bytes: the 5-byte prefix and (Protobuf)
    /// the message indexes; empty in the header form.
    framing: Vec<u8>,
    /// The header form's `__value_schema_id` / `__key_schema_id` header.
    header: Option<Header>,
    kind: SchemaKind,
}

impl SideEncoder {
    /// An encoder that frames with schema `id` (and in the header form with `guid` where
    /// the registry has one, as confluent-kafka's serializer does).
    pub fn new(side: Side, id: u32, guid: Option<&str>, codec: Arc<dyn SchemaCodec>, header_form: bool) -> SideEncoder {
        let kind = codec.kind();
        let indexes = (kind == SchemaKind::Protobuf).then(|| codec.encode_index());
        let mut framing = Vec::new();
        let header = if header_form {
            let schema = guid
                .and_then(wire::parse_guid)
                .map_or(SchemaRef::Id(id), SchemaRef::Guid);
            let mut value = Vec::new();
            wire::write_header_value(&mut value, schema, indexes.as_deref());
            Some((super::decode::schema_header(side).to_string(), Some(value)))
        } else {
            wire::write_prefix(&mut framing, id);
            if let Some(indexes) = &indexes {
                wire::write_message_indexes(&mut framing, indexes);
            }
            None
        };
        SideEncoder {
            codec,
            framing,
            header,
            kind,
        }
    }

    /// The record's bytes for one JSON value (`out` is cleared first, so one buffer
    /// serves every record).
    pub fn encode(&self, json: &[u8], out: &mut Vec<u8>) -> std::result::Result<(), CodecError> {
        out.clear();
        out.extend_from_slice(&self.framing);
        self.codec.encode(json, out)
    }

    /// A key: JSON when it reads as JSON, otherwise (a `-k` string, a `--key-from` string
    /// given as its bytes, a `-K` key) taken as a JSON string.
    pub fn encode_key(&self, key: &[u8], out: &mut Vec<u8>) -> std::result::Result<(), CodecError> {
        let first = self.encode(key, out);
        if first.is_ok() {
            return first;
        }
        let Ok(text) = std::str::from_utf8(key) else {
            return first;
        };
        let quoted = serde_json::to_vec(text).unwrap_or_default();
        if quoted != key && self.encode(&quoted, out).is_ok() {
            return Ok(());
        }
        first
    }

    /// The header that names the schema, in the header form.
    pub fn header(&self) -> Option<&Header> {
        self.header.as_ref()
    }

    pub fn kind(&self) -> SchemaKind {
        self.kind
    }
}

/// Both sides of the records of a run; a side without a schema is sent as today.
#[derive(Debug)]
pub struct Encoders {
    pub key: Option<SideEncoder>,
    pub value: Option<SideEncoder>,
}

impl Encoders {
    /// Encodes the key and the value that have a schema into the buffers: which of them
    /// were, or why the record does not fit (with the field's path). The header form's
    /// schema headers are added to `headers`.
    pub fn encode(
        &self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        key_buf: &mut Vec<u8>,
        value_buf: &mut Vec<u8>,
        headers: &mut Vec<Header>,
    ) -> std::result::Result<(bool, bool), String> {
        let mut done = (false, false);
        if let (Some(v), Some(e)) = (value, &self.value) {
            e.encode(v, value_buf).map_err(|e| e.to_string())?;
            headers.extend(e.header().cloned());
            done.1 = true;
        }
        if let (Some(k), Some(e)) = (key, &self.key) {
            e.encode_key(k, key_buf).map_err(|e| format!("key: {e}"))?;
            headers.extend(e.header().cloned());
            done.0 = true;
        }
        Ok(done)
    }
}

/// The encoders the flags ask for, the registry asked (before any producer exists);
/// `None` when no schema flag was given.
pub fn encoders(settings: &crate::config::Settings, args: &EncodeArgs, topic: &str) -> Result<Option<Encoders>> {
    match EncodePlan::from_args(args, topic)? {
        Some(plan) => Ok(Some(plan.resolve(&Registry::from_settings(settings)?)?)),
        None => Ok(None),
    }
}

/// What an envelope says of one side's schema (`value_schema_id`, `value_format`, ...),
/// as [`super::read_envelope_with_schemas`] reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaNote {
    pub schema_id: Option<u32>,
    /// The header form's GUID: enough to re-encode by when the id is left out.
    pub schema_guid: Option<String>,
    pub format: Option<String>,
    pub message: Option<String>,
    pub message_index: Option<Vec<i64>>,
}

/// A schema compiled for re-encoding with the id it frames with (a GUID's schema may
/// have none), or why it cannot be had (a 404 is an answer).
type Compiled = std::result::Result<(Option<u32>, Arc<dyn SchemaCodec>), String>;

/// Re-encoding of envelopes (`--input envelope`): each side that names a schema is
/// encoded by that schema, asked once per id (and Protobuf message) for the run.
pub struct EnvelopeEncoder {
    registry: Option<Arc<Registry>>,
    opts: JsonOptions,
    /// By `id:N` or `guid:G`, and the Protobuf message.
    compiled: HashMap<(String, Option<String>), Compiled>,
}

impl std::fmt::Debug for EnvelopeEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvelopeEncoder")
            .field("compiled", &self.compiled.len())
            .finish()
    }
}

impl EnvelopeEncoder {
    pub fn new(registry: Option<Arc<Registry>>, opts: JsonOptions) -> EnvelopeEncoder {
        EnvelopeEncoder {
            registry,
            opts,
            compiled: HashMap::new(),
        }
    }

    /// The bytes of one side whose envelope names a schema: `json` encoded by it, framed
    /// with the prefix (or bare, when `header_form`: the record's own
    /// `__value_schema_id` header names the schema). Err is why the line is invalid;
    /// `Fatal` ends the run (the registry cannot be asked).
    pub fn encode(
        &mut self,
        side: Side,
        note: &SchemaNote,
        json: &[u8],
        header_form: bool,
        out: &mut Vec<u8>,
    ) -> std::result::Result<(), EnvelopeFailure> {
        let name = side.name();
        let (by, shown) = match (note.schema_id, &note.schema_guid) {
            (Some(id), _) => (SchemaBy::Id(id), format!("schema id {id}")),
            (None, Some(guid)) => (SchemaBy::Guid(guid), format!("schema guid {guid}")),
            (None, None) => {
                return Err(EnvelopeFailure::Invalid(format!(
                    "{name}_format without {name}_schema_id or {name}_schema_guid"
                )));
            }
        };
        let (id, codec) = self.codec(by, note.message.clone())?;
        if let Some(format) = &note.format {
            if format != codec.kind().name() {
                return Err(EnvelopeFailure::Invalid(format!(
                    "{name}_format {format}, but {shown} is {}",
                    codec.kind().name()
                )));
            }
        }
        out.clear();
        if !header_form {
            let id = id.ok_or_else(|| {
                EnvelopeFailure::Invalid(format!(
                    "{shown}: the registry gives it no id for the prefix, and the record has no {} header",
                    super::decode::schema_header(side)
                ))
            })?;
            wire::write_prefix(out, id);
            if codec.kind() == SchemaKind::Protobuf {
                let index = note.message_index.clone().unwrap_or_else(|| codec.encode_index());
                wire::write_message_indexes(out, &index);
            }
        }
        codec
            .encode(json, out)
            .map_err(|e| EnvelopeFailure::Invalid(format!("{name} ({shown}): {e}")))
    }

    fn codec(
        &mut self,
        by: SchemaBy<'_>,
        message: Option<String>,
    ) -> std::result::Result<(Option<u32>, Arc<dyn SchemaCodec>), EnvelopeFailure> {
        let (key, shown) = match by {
            SchemaBy::Id(id) => (format!("id:{id}"), format!("schema id {id}")),
            SchemaBy::Guid(g) => (format!("guid:{g}"), format!("schema guid {g}")),
        };
        let key = (key, message);
        if let Some(entry) = self.compiled.get(&key) {
            return entry.clone().map_err(EnvelopeFailure::Invalid);
        }
        let Some(registry) = &self.registry else {
            return Err(EnvelopeFailure::Invalid(format!(
                "{shown}: re-encoding needs a schema registry (--registry, EDDY_REGISTRY_URL or the context's registry)"
            )));
        };
        let found = match by {
            SchemaBy::Id(id) => registry.schema(id).map(|f| (Some(id), f)),
            SchemaBy::Guid(g) => registry.schema_by_guid(g).map(|f| (f.schema.id, f)),
        };
        let entry = match found {
            Ok((id, found)) => schema::compile(&found.source, key.1.as_deref(), self.opts)
                .map(|c| (id, c))
                .map_err(|e| format!("{shown}: {e}")),
            Err(e) if e.is_not_found() => Err(e.to_string()),
            Err(e) => return Err(EnvelopeFailure::Fatal(Error::from(e))),
        };
        self.compiled.insert(key, entry.clone());
        entry.map_err(EnvelopeFailure::Invalid)
    }
}

/// How an envelope names its schema.
#[derive(Debug, Clone, Copy)]
enum SchemaBy<'a> {
    Id(u32),
    Guid(&'a str),
}

/// Why an envelope's side could not be encoded.
#[derive(Debug)]
pub enum EnvelopeFailure {
    /// This line is invalid (under `--on-invalid`).
    Invalid(String),
    /// No later line can fare better: the run stops.
    Fatal(Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"note","type":["null","string"]}]}"#;

    fn avro() -> Arc<dyn SchemaCodec> {
        let source = SchemaSource {
            kind: SchemaKind::Avro,
            text: ORDER.into(),
            references: vec![],
        };
        schema::compile(&source, None, JsonOptions::default()).unwrap()
    }

    #[test]
    fn the_prefix_form_is_magic_the_id_and_the_payload() {
        let e = SideEncoder::new(Side::Value, 7, None, avro(), false);
        let mut out = Vec::new();
        e.encode(br#"{"id":7,"note":"hi"}"#, &mut out).unwrap();
        assert_eq!(out, [0, 0, 0, 0, 7, 0x0e, 0x02, 0x04, b'h', b'i']);
        assert!(e.header().is_none());
    }

    #[test]
    fn the_header_form_carries_the_guid_where_there_is_one() {
        let guid = "89dba6c9-4e6f-4d7b-9c3a-1f2e3d4c5b6a";
        let e = SideEncoder::new(Side::Value, 7, Some(guid), avro(), true);
        let mut out = Vec::new();
        e.encode(br#"{"id":7,"note":null}"#, &mut out).unwrap();
        assert_eq!(out, [0x0e, 0x00], "the bare payload");
        let (name, value) = e.header().unwrap();
        assert_eq!(name, "__value_schema_id");
        let value = value.as_deref().unwrap();
        assert_eq!(value[0], 1);
        assert_eq!(
            wire::parse_header_value(value).unwrap().schema,
            SchemaRef::Guid(wire::parse_guid(guid).unwrap())
        );
        let e = SideEncoder::new(Side::Key, 9, None, avro(), true);
        let (name, value) = e.header().unwrap();
        assert_eq!(
            (name.as_str(), value.as_deref()),
            ("__key_schema_id", Some(&[0, 0, 0, 0, 9][..]))
        );
    }

    #[test]
    fn a_value_that_does_not_fit_names_its_path() {
        let e = SideEncoder::new(Side::Value, 7, None, avro(), false);
        let err = e.encode(br#"{"id":"x","note":null}"#, &mut Vec::new()).unwrap_err();
        assert_eq!(err.path, ".id", "{err}");
    }

    #[test]
    fn a_key_that_is_not_json_is_a_string() {
        let source = SchemaSource {
            kind: SchemaKind::Avro,
            text: r#""string""#.into(),
            references: vec![],
        };
        let codec = schema::compile(&source, None, JsonOptions::default()).unwrap();
        let e = SideEncoder::new(Side::Key, 1, None, codec, false);
        let mut out = Vec::new();
        e.encode_key(b"abc", &mut out).unwrap();
        assert_eq!(out, [0, 0, 0, 0, 1, 6, b'a', b'b', b'c']);
        e.encode_key(b"42", &mut out).unwrap();
        assert_eq!(&out[5..], [4, b'4', b'2']);
        e.encode_key(br#""q""#, &mut out).unwrap();
        assert_eq!(&out[5..], [2, b'q']);
    }

    #[test]
    fn record_names_are_what_the_record_strategies_use() {
        assert_eq!(
            record_name(SchemaKind::Avro, ORDER, avro().as_ref()).as_deref(),
            Some("shop.Order")
        );
        let js = r#"{"title":"Payment","type":"object"}"#;
        assert_eq!(
            record_name(SchemaKind::JsonSchema, js, avro().as_ref()).as_deref(),
            Some("Payment")
        );
    }
}
