//! What every schema-directed codec (Avro, Protobuf, JSON Schema) shares, so that the
//! registry client, the wire framing and the commands deal with one shape: a schema's
//! kind and text with its references already fetched, a compiled codec that turns a
//! payload (the bytes after the framing) into one plain JSON value and back, and the
//! errors that say where in the value something did not fit.
//!
//! Each format lives in its own file beside this one and exposes a `compile` that
//! returns a type implementing [`SchemaCodec`]; `compile` here picks among them.

use std::fmt;

/// The three kinds of schema a Confluent-compatible registry holds. The registry's
/// `schemaType` is absent for Avro, `PROTOBUF` or `JSON` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaKind {
    Avro,
    Protobuf,
    JsonSchema,
}

impl SchemaKind {
    /// The name eddy writes in the envelope's `*_format` and accepts in flags.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Avro => "avro",
            SchemaKind::Protobuf => "protobuf",
            SchemaKind::JsonSchema => "json-schema",
        }
    }

    /// The kind a flag value names (`avro`, `protobuf`, `json-schema`).
    pub fn from_name(name: &str) -> Option<SchemaKind> {
        match name {
            "avro" => Some(SchemaKind::Avro),
            "protobuf" => Some(SchemaKind::Protobuf),
            "json-schema" => Some(SchemaKind::JsonSchema),
            _ => None,
        }
    }

    /// The kind a registry's `schemaType` names; absent means Avro.
    pub fn from_registry(schema_type: Option<&str>) -> Option<SchemaKind> {
        match schema_type {
            None | Some("AVRO") => Some(SchemaKind::Avro),
            Some("PROTOBUF") => Some(SchemaKind::Protobuf),
            Some("JSON") => Some(SchemaKind::JsonSchema),
            Some(_) => None,
        }
    }

    /// The registry's `schemaType` for this kind (`None` for Avro, which the registry
    /// leaves out).
    pub fn registry_name(self) -> Option<&'static str> {
        match self {
            SchemaKind::Avro => None,
            SchemaKind::Protobuf => Some("PROTOBUF"),
            SchemaKind::JsonSchema => Some("JSON"),
        }
    }
}

/// A schema another one refers to, already fetched: `name` is what the referring schema
/// calls it (Avro: the full name of the named type; Protobuf: the import path, e.g.
/// `common/money.proto`; JSON Schema: the `$ref` URI), `text` its schema text. The list
/// handed to a codec is flat: references of references are in it too, each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSchema {
    pub name: String,
    pub text: String,
}

/// A schema ready to compile: from the registry or from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaSource {
    pub kind: SchemaKind,
    /// Avro: the JSON schema text. Protobuf: `.proto` text or a base64
    /// `FileDescriptorProto` (what confluent-kafka's serializer registers). JSON Schema:
    /// the schema document.
    pub text: String,
    pub references: Vec<NamedSchema>,
}

/// How decoded values are written and how JSON input is read, for every format; the
/// flags that set them are the schema issue's (`--avro-json`, the Protobuf JSON options).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonOptions {
    /// The Avro specification's JSON encoding (unions wrapped, bytes as `\u00XX`
    /// strings, logical types as their underlying values) instead of plain JSON.
    pub avro_json: bool,
    /// Protobuf field names as in the `.proto` file instead of lowerCamelCase.
    pub proto_field_names: bool,
    /// Protobuf enums as numbers instead of names.
    pub enum_numbers: bool,
    /// Protobuf fields with default values written too.
    pub emit_defaults: bool,
    /// Protobuf 64-bit integers as JSON numbers instead of strings.
    pub int64_as_number: bool,
}

/// A schema that could not be compiled: names the schema (a file, `schema id 7`, a
/// subject) only where the caller adds it, so the message here is the cause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SchemaError(pub String);

/// A value that did not fit its schema, on either side. `path` is jq-style (`.amount`,
/// `.items[2].sku`, empty for the whole value), so that produce can say
/// `line 12: .amount: expected decimal(10,2), got "12.505"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError {
    pub path: String,
    pub message: String,
}

impl CodecError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> CodecError {
        CodecError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for CodecError {}

/// One compiled schema: shared by every thread that decodes or encodes with it (so it
/// is `Send + Sync` and cheap to call per record: no allocation per record beyond `out`).
pub trait SchemaCodec: Send + Sync + fmt::Debug {
    fn kind(&self) -> SchemaKind;

    /// Appends the payload (the bytes after the wire framing) as one JSON value to
    /// `out`. `message_index` is Protobuf's message-index path from the framing (`[0]`
    /// for the first message, also when the framing wrote the single-0 shortcut);
    /// other formats get `&[]` and ignore it. On error `out` may hold a partial value:
    /// the caller truncates it.
    fn decode(&self, message_index: &[i64], payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError>;

    /// Appends the payload for one JSON value (`json`, a complete JSON document) to
    /// `out`, for the message the codec was compiled for (Protobuf: its chosen type).
    fn encode(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError>;

    /// Protobuf: the full name of the message an index path names (the envelope's
    /// `*_message`); `None` for other formats. Shared text, as it is asked for every
    /// record decoded.
    fn message_name(&self, _message_index: &[i64]) -> Option<std::sync::Arc<str>> {
        None
    }

    /// Protobuf: the index path of the message `encode` writes (for the framing);
    /// `[0]` otherwise.
    fn encode_index(&self) -> Vec<i64> {
        vec![0]
    }
}

/// Compiles a schema from the registry or a file into its format's codec. `message` is
/// the Protobuf message `encode` writes and unframed bytes are read as (default: the
/// file's first); other formats ignore it.
pub fn compile(
    source: &SchemaSource,
    message: Option<&str>,
    opts: JsonOptions,
) -> Result<std::sync::Arc<dyn SchemaCodec>, SchemaError> {
    Ok(match source.kind {
        SchemaKind::Avro => std::sync::Arc::new(super::avro::compile(source, opts)?),
        SchemaKind::Protobuf => std::sync::Arc::new(super::protobuf::compile(source, message, opts)?),
        SchemaKind::JsonSchema => std::sync::Arc::new(super::json_schema::compile(source, opts)?),
    })
}
