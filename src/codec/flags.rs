//! What the schema flags choose: `--decode` and its per-side forms, offline schema files
//! (`--schema`, `--key-schema`, `--protoset`, with `--schema-type`, `--proto-type`,
//! `-I`), and the JSON options (`--avro-json`, `--proto-json`), turned into the
//! decoders of a run before any client exists. Shared by the commands that read topics
//! (consume; later pipe), so that each says the same about the same mistake.

use std::path::Path;
use std::sync::Arc;

use super::decode::{DecodeMode, Decoders, Lookup, SideDecoder};
use super::protobuf::{ProtobufCodec, parse_json_options};
use super::schema::{self, JsonOptions, SchemaCodec, SchemaKind, SchemaSource};
use crate::cli::{DecodeArgs, DecodeChoice, SchemaType};
use crate::error::{Error, Result};

/// The JSON options the flags ask for.
pub fn json_options(avro_json: bool, proto_json: Option<&str>) -> Result<JsonOptions> {
    let mut opts = JsonOptions {
        avro_json,
        ..JsonOptions::default()
    };
    if let Some(list) = proto_json {
        parse_json_options(list, &mut opts).map_err(|why| Error::flag_says("--proto-json", why))?;
    }
    Ok(opts)
}

/// The decoders of a run: `lookup` is the registry, when one is configured.
pub fn decoders(args: &DecodeArgs, lookup: Option<Arc<dyn Lookup>>) -> Result<Decoders> {
    let opts = json_options(args.avro_json, args.proto_json.as_deref())?;
    let value_schema = match (&args.schema, &args.protoset) {
        (Some(path), _) => Some(schema_file("--schema", path, args, args.proto_type.as_deref(), opts)?),
        (None, Some(path)) => Some(
            ProtobufCodec::from_protoset(path, args.proto_type.as_deref(), opts)
                .map(|c| Arc::new(c) as Arc<dyn SchemaCodec>)
                .map_err(|e| Error::flag_says("--protoset", e.0))?,
        ),
        (None, None) => None,
    };
    let key_schema = args
        .key_schema
        .as_deref()
        .map(|path| schema_file("--key-schema", path, args, args.key_proto_type.as_deref(), opts))
        .transpose()?;
    let side = |flag: &'static str,
                choice: Option<DecodeChoice>,
                offline: Option<Arc<dyn SchemaCodec>>,
                proto: Option<&str>| {
        let mode = match choice.or(args.decode) {
            Some(c) => mode_of(c),
            None if lookup.is_some() || offline.is_some() => DecodeMode::Auto,
            None => DecodeMode::None,
        };
        if mode != DecodeMode::None && lookup.is_none() && offline.is_none() {
            return Err(Error::flag_says(
                named_flag(flag, choice),
                "needs a schema registry (--registry, EDDY_REGISTRY_URL or the context's registry) or a schema file",
            ));
        }
        if let (DecodeMode::Only(wanted), Some(codec)) = (mode, &offline) {
            if codec.kind() != wanted {
                return Err(Error::flag_says(
                    named_flag(flag, choice),
                    format!(
                        "asks for {}, but the schema file is {}",
                        wanted.name(),
                        codec.kind().name()
                    ),
                ));
            }
        }
        Ok(SideDecoder::new(
            mode,
            lookup.clone(),
            offline,
            opts,
            proto.map(str::to_string),
        ))
    };
    Ok(Decoders::new(
        side(
            "--key-decode",
            args.key_decode,
            key_schema,
            args.key_proto_type.as_deref(),
        )?,
        side(
            "--value-decode",
            args.value_decode,
            value_schema,
            args.proto_type.as_deref(),
        )?,
    ))
}

fn named_flag(flag: &'static str, choice: Option<DecodeChoice>) -> &'static str {
    if choice.is_some() { flag } else { "--decode" }
}

fn mode_of(choice: DecodeChoice) -> DecodeMode {
    match choice {
        DecodeChoice::Auto => DecodeMode::Auto,
        DecodeChoice::None => DecodeMode::None,
        DecodeChoice::Avro => DecodeMode::Only(SchemaKind::Avro),
        DecodeChoice::Protobuf => DecodeMode::Only(SchemaKind::Protobuf),
        DecodeChoice::JsonSchema => DecodeMode::Only(SchemaKind::JsonSchema),
    }
}

/// The kind `--schema-type` names.
pub fn kind_of(t: SchemaType) -> SchemaKind {
    match t {
        SchemaType::Avro => SchemaKind::Avro,
        SchemaType::Protobuf => SchemaKind::Protobuf,
        SchemaType::JsonSchema => SchemaKind::JsonSchema,
    }
}

/// The kind of a schema file: `--schema-type`, else its extension.
pub fn file_kind(flag: &str, path: &Path, schema_type: Option<SchemaType>) -> Result<SchemaKind> {
    if let Some(t) = schema_type {
        return Ok(kind_of(t));
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("avsc") => Ok(SchemaKind::Avro),
        Some("proto") => Ok(SchemaKind::Protobuf),
        Some("json") => Ok(SchemaKind::JsonSchema),
        _ => Err(Error::flag_says(
            "--schema-type",
            format!(
                "needed: the name {} ({flag}) does not tell the type (.avsc, .proto, .json)",
                path.display()
            ),
        )),
    }
}

/// Compiles a schema file (`.proto` files with `-I` and their imports from disk).
pub fn schema_file(
    flag: &str,
    path: &Path,
    args: &DecodeArgs,
    message: Option<&str>,
    opts: JsonOptions,
) -> Result<Arc<dyn SchemaCodec>> {
    let kind = file_kind(flag, path, args.schema_type)?;
    let failed = |why: String| Error::flag(flag, path.display().to_string(), why);
    if kind == SchemaKind::Protobuf {
        return ProtobufCodec::from_proto_file(path, &args.proto_include, message, opts)
            .map(|c| Arc::new(c) as Arc<dyn SchemaCodec>)
            .map_err(|e| failed(e.0));
    }
    let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
    let source = SchemaSource {
        kind,
        text,
        references: Vec::new(),
    };
    schema::compile(&source, message, opts).map_err(|e| failed(e.0))
}
