//! Over 700 lines because about 330 of them are its unit tests, one per rule of the
//! mapping; the code above them is under 570.
//!
//! Protobuf payloads ⇄ the canonical proto3 JSON mapping, for a schema compiled at run
//! time: `.proto` text or a base64 `FileDescriptorProto` from a registry (with its
//! imports as references), a `.proto` file with include directories, or a `.protoset`.
//!
//! protox compiles the text (no protoc). Records go through the direct walks
//! (`protobuf_walk.rs`: bytes → JSON, `protobuf_build.rs`: JSON → bytes); what they
//! leave (merges, duplicates, errors, proto2) goes through prost-reflect's
//! `DynamicMessage` and its serde mapping, which is also the reference the walks are
//! tested against. The
//! framing's message-index path picks the message: an index into the schema file's
//! top-level messages, then into nested ones, as Confluent's serializers count them.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use miette::Diagnostic as _;
use prost::Message as _;
use prost_reflect::{
    DescriptorPool, DeserializeOptions, DynamicMessage, FileDescriptor, MessageDescriptor, SerializeOptions,
};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver, IncludeFileResolver};

use super::json_schema::push_jq_key;
use super::protobuf_walk::Walker;
use super::schema::{CodecError, JsonOptions, SchemaCodec, SchemaError, SchemaKind, SchemaSource};

/// One compiled Protobuf schema: the file whose messages the index paths count, and the
/// message `encode` writes.
#[derive(Clone)]
pub struct ProtobufCodec {
    file: FileDescriptor,
    message: MessageDescriptor,
    index: Vec<i64>,
    ser: SerializeOptions,
    de: DeserializeOptions,
    /// The direct walk from bytes to JSON, shared by the clones; `DynamicMessage` is
    /// the fallback for what it leaves alone.
    walker: std::sync::Arc<Walker>,
    /// The walker's table of `message`, the one the common index path names.
    walk_main: Option<usize>,
    /// `message`'s full name, for the envelope of every record framed with `index`.
    message_name: std::sync::Arc<str>,
}

impl fmt::Debug for ProtobufCodec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProtobufCodec")
            .field("file", &self.file.name())
            .field("message", &self.message.full_name())
            .field("index", &self.index)
            .finish()
    }
}

/// The name the schema text itself gets among its references, when it has none of its
/// own (`.proto` text carries no file name).
const SCHEMA_FILE: &str = "schema.proto";

/// Compiles a registry schema: `.proto` text or a base64 `FileDescriptorProto`, with its
/// imports among `source.references` (by import path, each text or base64 in turn),
/// Google's well-known types and Confluent's own two files built in. `message` is the full name of the message
/// `encode` writes (default: the file's first).
pub fn compile(source: &SchemaSource, message: Option<&str>, opts: JsonOptions) -> Result<ProtobufCodec, SchemaError> {
    ProtobufCodec::new(compile_file(source)?, message, opts, true)
}

/// The schema file of a registry schema, compiled with its imports (as [`compile`]
/// takes them), for what needs the descriptors rather than a codec: the compatibility
/// check compares two of them, and a file with no message is fine there.
pub(super) fn compile_file(source: &SchemaSource) -> Result<FileDescriptor, SchemaError> {
    if source.kind != SchemaKind::Protobuf {
        return Err(SchemaError(format!(
            "a {} schema is not a Protobuf schema",
            source.kind.name()
        )));
    }
    let mut files = HashMap::new();
    for r in &source.references {
        files.insert(r.name.clone(), r.text.clone());
    }
    let main = match descriptor_of(&source.text) {
        Some(d) if !d.name().is_empty() => d.name().to_string(),
        _ => {
            let mut name = SCHEMA_FILE.to_string();
            let mut n = 0;
            while files.contains_key(&name) {
                n += 1;
                name = format!("schema-{n}.proto");
            }
            name
        }
    };
    files.insert(main.clone(), source.text.clone());
    let mut resolver = ChainFileResolver::new();
    // The bundled well-known types come first: a registry may list them as references
    // too, and the built-in ones are what the JSON mapping's special cases expect.
    resolver.add(GoogleFileResolver::new());
    resolver.add(Memory { files });
    resolver.add(confluent_builtins());
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.open_file(&main).map_err(|e| compile_error(&e))?;
    let pool = compiler.descriptor_pool();
    pool.get_file_by_name(&main)
        .ok_or_else(|| SchemaError(format!("'{main}' is missing after compiling it")))
}

/// A Protobuf schema as a registry's `?format=serialized` answers it: the base64
/// `FileDescriptorProto` of the schema file, compiled from `.proto` text (its imports
/// among `source.references`); a schema that is already a descriptor is as it is.
pub fn serialized(source: &SchemaSource) -> Result<String, SchemaError> {
    if descriptor_of(&source.text).is_some() {
        return Ok(source.text.trim().to_string());
    }
    let codec = compile(source, None, JsonOptions::default())?;
    Ok(BASE64.encode(codec.file.file_descriptor_proto().encode_to_vec()))
}

/// A file a `.proto` schema imports, as a registry needs it registered first: its
/// import path (which is also the subject it goes under, as Confluent's serializers
/// name reference subjects), its text, and the import paths it imports in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtoImport {
    pub name: String,
    pub text: String,
    pub imports: Vec<String>,
}

/// Whether an import is one every registry client has built in (Google's well-known
/// types, Confluent's two files), and so is never registered as a reference.
fn built_in(name: &str) -> bool {
    name.starts_with("google/protobuf/") || name.starts_with("confluent/")
}

impl ProtobufCodec {
    /// The files the schema file imports, each read from where `-I` (or the file's own
    /// directory) found it, dependencies before the files that import them; built-in
    /// imports left out. With the direct imports' paths, for the schema's references.
    pub fn imports_on_disk(
        &self,
        path: &Path,
        includes: &[PathBuf],
    ) -> Result<(Vec<ProtoImport>, Vec<String>), SchemaError> {
        let mut dirs = includes.to_vec();
        dirs.push(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf(),
        );
        let direct = |f: &FileDescriptor| -> Vec<String> {
            f.dependencies()
                .map(|d| d.name().to_string())
                .filter(|n| !built_in(n))
                .collect()
        };
        let mut out: Vec<ProtoImport> = Vec::new();
        // Depth first, so that what a file imports is in the list before it.
        fn visit(
            f: &FileDescriptor,
            dirs: &[PathBuf],
            direct: &dyn Fn(&FileDescriptor) -> Vec<String>,
            out: &mut Vec<ProtoImport>,
        ) -> Result<(), SchemaError> {
            for dep in f.dependencies() {
                let name = dep.name().to_string();
                if built_in(&name) || out.iter().any(|i| i.name == name) {
                    continue;
                }
                visit(&dep, dirs, direct, out)?;
                let file = dirs
                    .iter()
                    .map(|d| d.join(&name))
                    .find(|p| p.is_file())
                    .ok_or_else(|| SchemaError(format!("import '{name}' is not under any -I directory")))?;
                let text =
                    std::fs::read_to_string(&file).map_err(|e| SchemaError(format!("{}: {e}", file.display())))?;
                out.push(ProtoImport {
                    name,
                    text,
                    imports: direct(&dep),
                });
            }
            Ok(())
        }
        visit(&self.file, &dirs, &direct, &mut out)?;
        Ok((out, direct(&self.file)))
    }

    /// A `.proto` file on disk, with `-I` include directories (the file's own directory
    /// is searched after them, so a lone file needs none).
    pub fn from_proto_file(
        path: &Path,
        includes: &[PathBuf],
        message: Option<&str>,
        opts: JsonOptions,
    ) -> Result<ProtobufCodec, SchemaError> {
        let mut dirs = includes.to_vec();
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        dirs.push(parent.to_path_buf());
        let mut resolver = ChainFileResolver::new();
        for dir in dirs {
            resolver.add(IncludeFileResolver::new(dir));
        }
        resolver.add(GoogleFileResolver::new());
        resolver.add(confluent_builtins());
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.open_file(path).map_err(|e| compile_error(&e))?;
        let name = compiler
            .files()
            .find(|f| !f.is_import())
            .map(|f| f.name().to_string())
            .ok_or_else(|| SchemaError(format!("{}: nothing compiled", path.display())))?;
        let pool = compiler.descriptor_pool();
        let file = pool
            .get_file_by_name(&name)
            .ok_or_else(|| SchemaError(format!("'{name}' is missing after compiling it")))?;
        ProtobufCodec::new(file, message, opts, false)
    }

    /// A `.protoset` file: a serialized `FileDescriptorSet` (`protoc
    /// --include_imports -o`). Without `message`, the first message of the set's last
    /// file (protoc writes the files asked for after their imports).
    pub fn from_protoset(path: &Path, message: Option<&str>, opts: JsonOptions) -> Result<ProtobufCodec, SchemaError> {
        let bytes = std::fs::read(path).map_err(|e| SchemaError(format!("{}: {e}", path.display())))?;
        ProtobufCodec::from_descriptor_set(&bytes, message, opts)
            .map_err(|e| SchemaError(format!("{}: {}", path.display(), e.0)))
    }

    /// A serialized `FileDescriptorSet` (what `.protoset` files and a registry's
    /// `?format=serialized` hold).
    pub fn from_descriptor_set(
        bytes: &[u8],
        message: Option<&str>,
        opts: JsonOptions,
    ) -> Result<ProtobufCodec, SchemaError> {
        let pool = DescriptorPool::decode(bytes).map_err(|e| SchemaError(format!("not a FileDescriptorSet: {e}")))?;
        let file = match message {
            Some(name) => find_message(&pool, None, name)?.parent_file(),
            None => pool
                .files()
                .last()
                .ok_or_else(|| SchemaError("the descriptor set has no files".into()))?,
        };
        ProtobufCodec::new(file, message, opts, false)
    }

    /// `strict`: the message must be in `file` itself (a registry schema id names one
    /// file, so a message from one of its imports cannot be framed under it).
    fn new(
        file: FileDescriptor,
        message: Option<&str>,
        opts: JsonOptions,
        strict: bool,
    ) -> Result<ProtobufCodec, SchemaError> {
        let message = match message {
            Some(name) => find_message(file.parent_pool(), Some(&file), name)?,
            None => file
                .messages()
                .next()
                .ok_or_else(|| SchemaError(format!("'{}' defines no message", file.name())))?,
        };
        let file = if message.parent_file() == file {
            file
        } else if strict {
            return Err(SchemaError(format!(
                "message {} is defined in '{}', an import, not in the schema",
                message.full_name(),
                message.parent_file().name()
            )));
        } else {
            message.parent_file()
        };
        let index = index_of(&message);
        // Every message of the file (an index path may name any), and what they reach.
        let walker = Walker::new(
            file.parent_pool()
                .all_messages()
                .filter(|m| m.parent_file() == file)
                .chain(std::iter::once(message.clone())),
            opts,
        );
        let walk_main = walker.index(message.full_name());
        Ok(ProtobufCodec {
            walker: std::sync::Arc::new(walker),
            walk_main,
            message_name: message.full_name().into(),
            file,
            message,
            index,
            ser: SerializeOptions::new()
                .use_proto_field_name(opts.proto_field_names)
                .use_enum_numbers(opts.enum_numbers)
                .skip_default_fields(!opts.emit_defaults)
                .stringify_64_bit_integers(!opts.int64_as_number),
            de: DeserializeOptions::new(),
        })
    }

    /// The slow path and the reference: decode into a `DynamicMessage`, write it with
    /// prost-reflect's serde writer. Every error is this path's.
    fn decode_dynamic(&self, desc: &MessageDescriptor, payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        let message = DynamicMessage::decode(desc.clone(), payload).map_err(|e| {
            CodecError::new(
                "",
                format!("cannot decode as {}: {}", desc.full_name(), decode_reason(&e)),
            )
        })?;
        let mut ser = serde_json::Serializer::new(out);
        message.serialize_with_options(&mut ser, &self.ser).map_err(|e| {
            // Rare (a timestamp or duration out of the mapping's range), so the path is
            // found by writing the message once more, tracked, only then.
            let mut track = serde_path_to_error::Track::new();
            let mut sink = serde_json::Serializer::new(std::io::sink());
            let tracked = serde_path_to_error::Serializer::new(&mut sink, &mut track);
            let path = match message.serialize_with_options(tracked, &self.ser) {
                Err(_) => jq_path(&track.path()),
                Ok(()) => String::new(),
            };
            CodecError::new(path, e.to_string())
        })
    }

    /// Both paths for one payload, for the tests that hold the walk to the reference:
    /// the walk's text (None when it bailed) and the reference's.
    #[cfg(test)]
    pub(super) fn decode_both(&self, payload: &[u8]) -> (Option<Vec<u8>>, Result<Vec<u8>, CodecError>) {
        let mut fast = Vec::new();
        let walked = self
            .walk_main
            .and_then(|m| self.walker.message(m, payload, &mut fast).ok());
        let mut slow = Vec::new();
        let reference = self.decode_dynamic(&self.message, payload, &mut slow).map(|()| slow);
        (walked.map(|()| fast), reference)
    }

    /// The slow path and the reference for encoding: JSON into a `DynamicMessage`,
    /// then prost's encoder. Every error is this path's.
    fn encode_dynamic(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        let mut de = serde_json::Deserializer::from_slice(json);
        let mut track = serde_path_to_error::Track::new();
        let parsed = DynamicMessage::deserialize_with_options(
            self.message.clone(),
            serde_path_to_error::Deserializer::new(&mut de, &mut track),
            &self.de,
        );
        let message = match parsed {
            Ok(m) => m,
            Err(e) => return Err(CodecError::new(jq_path(&track.path()), without_position(&e))),
        };
        de.end().map_err(|e| CodecError::new("", without_position(&e)))?;
        message.encode(out).map_err(|e| CodecError::new("", e.to_string()))
    }

    /// Both encoders for one JSON document: the walk's bytes (None when it bailed) and
    /// the reference's.
    #[cfg(test)]
    pub(super) fn encode_both(&self, json: &[u8]) -> (Option<Vec<u8>>, Result<Vec<u8>, CodecError>) {
        let mut fast = Vec::new();
        let walked = self.walk_main.and_then(|m| self.walker.encode(m, json, &mut fast).ok());
        let mut slow = Vec::new();
        let reference = self.encode_dynamic(json, &mut slow).map(|()| slow);
        (walked.map(|()| fast), reference)
    }

    /// The message an index path names in the schema file, if it names one.
    fn message_at(&self, path: &[i64]) -> Option<MessageDescriptor> {
        if path == self.index.as_slice() {
            return Some(self.message.clone());
        }
        let (first, rest) = path.split_first()?;
        let mut m = self.file.messages().nth(usize::try_from(*first).ok()?)?;
        for i in rest {
            let child = m.child_messages().nth(usize::try_from(*i).ok()?)?;
            m = child;
        }
        Some(m)
    }
}

impl SchemaCodec for ProtobufCodec {
    fn kind(&self) -> SchemaKind {
        SchemaKind::Protobuf
    }

    fn decode(&self, message_index: &[i64], payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        let path = if message_index.is_empty() {
            &[0][..]
        } else {
            message_index
        };
        if path == self.index.as_slice() {
            if let Some(m) = self.walk_main {
                let start = out.len();
                if self.walker.message(m, payload, out).is_ok() {
                    return Ok(());
                }
                out.truncate(start);
            }
        }
        let desc = self.message_at(path).ok_or_else(|| {
            CodecError::new(
                "",
                format!("message index {path:?} names no message in '{}'", self.file.name()),
            )
        })?;
        if path != self.index.as_slice() {
            if let Some(m) = self.walker.index(desc.full_name()) {
                let start = out.len();
                if self.walker.message(m, payload, out).is_ok() {
                    return Ok(());
                }
                out.truncate(start);
            }
        }
        self.decode_dynamic(&desc, payload, out)
    }

    fn encode(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        if let Some(m) = self.walk_main {
            let start = out.len();
            if self.walker.encode(m, json, out).is_ok() {
                return Ok(());
            }
            out.truncate(start);
        }
        self.encode_dynamic(json, out)
    }

    fn message_name(&self, message_index: &[i64]) -> Option<std::sync::Arc<str>> {
        let path = if message_index.is_empty() {
            &[0][..]
        } else {
            message_index
        };
        if path == self.index {
            return Some(self.message_name.clone());
        }
        self.message_at(path).map(|m| m.full_name().into())
    }

    fn encode_index(&self) -> Vec<i64> {
        self.index.clone()
    }
}

/// Sets the Protobuf JSON options a comma-separated list names (the value of a flag such
/// as `--proto-json proto-names,enum-numbers`): `proto-names`, `enum-numbers`,
/// `emit-defaults`, `int64-as-number`. The error names the word that is none of them.
pub fn parse_json_options(list: &str, opts: &mut JsonOptions) -> Result<(), String> {
    for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match word {
            "proto-names" => opts.proto_field_names = true,
            "enum-numbers" => opts.enum_numbers = true,
            "emit-defaults" => opts.emit_defaults = true,
            "int64-as-number" => opts.int64_as_number = true,
            other => {
                return Err(format!(
                    "'{other}' is not a Protobuf JSON option (proto-names, enum-numbers, emit-defaults, int64-as-number)"
                ));
            }
        }
    }
    Ok(())
}

/// The registry's imports by path, each `.proto` text or a base64 descriptor, opened as
/// protox asks for them.
struct Memory {
    files: HashMap<String, String>,
}

impl FileResolver for Memory {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        let text = self
            .files
            .get(name)
            .ok_or_else(|| protox::Error::file_not_found(name))?;
        match descriptor_of(text) {
            Some(mut d) => {
                // The import path is the file's name for the compiler, whatever name
                // the descriptor was registered with.
                d.name = Some(name.to_string());
                Ok(File::from_file_descriptor_proto(d))
            }
            None => File::from_source(name, text),
        }
    }
}

/// The files Confluent's serializers (Java's and Python's alike) treat as built in and so
/// never register as references: field metadata (`confluent/meta.proto`) and the decimal
/// type (`confluent/type/decimal.proto`). A real registry resolves them itself; here they
/// are written out, with the same names, packages and field numbers, for when nothing
/// the registry sent has them.
fn confluent_builtins() -> Memory {
    const META: &str = r#"syntax = "proto3";
package confluent;
import "google/protobuf/descriptor.proto";
option go_package = "../confluent";
message Meta {
  string doc = 1;
  map<string, string> params = 2;
  repeated string tags = 3;
  repeated Rule rules = 4;
}
message Rule { string name = 1; string doc = 2; string expr = 3; string sql = 4; }
extend google.protobuf.FileOptions { Meta file_meta = 1088; }
extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }
"#;
    const DECIMAL: &str = r#"syntax = "proto3";
package confluent.type;
message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }
"#;
    Memory {
        files: HashMap::from([
            ("confluent/meta.proto".to_string(), META.to_string()),
            ("confluent/type/decimal.proto".to_string(), DECIMAL.to_string()),
        ]),
    }
}

/// The `FileDescriptorProto` a schema text holds if it is one in base64 (what
/// confluent-kafka's serializer registers); `None` for `.proto` text, which always has
/// a character outside base64's alphabet (a space, a `;` or a quote).
fn descriptor_of(text: &str) -> Option<prost_types::FileDescriptorProto> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    {
        return None;
    }
    let bytes = BASE64.decode(t).ok()?;
    prost_types::FileDescriptorProto::decode(bytes.as_slice()).ok()
}

/// A message by full name (a leading `.` allowed), or by its simple name when exactly
/// one message of `file` (or of the pool) has it.
fn find_message(
    pool: &DescriptorPool,
    file: Option<&FileDescriptor>,
    name: &str,
) -> Result<MessageDescriptor, SchemaError> {
    let name = name.strip_prefix('.').unwrap_or(name);
    if let Some(m) = pool.get_message_by_name(name) {
        return Ok(m);
    }
    let candidates: Vec<MessageDescriptor> = pool
        .all_messages()
        .filter(|m| file.is_none_or(|f| m.parent_file() == *f) && !m.is_map_entry())
        .collect();
    let by_simple: Vec<&MessageDescriptor> = candidates.iter().filter(|m| m.name() == name).collect();
    if let [one] = by_simple.as_slice() {
        return Ok((*one).clone());
    }
    let known: Vec<&str> = candidates.iter().map(|m| m.full_name()).collect();
    let why = if by_simple.len() > 1 {
        "is ambiguous"
    } else {
        "is not a message in the schema"
    };
    Err(SchemaError(format!("'{name}' {why}; it has: {}", known.join(", "))))
}

/// The message-index path of a message in its file: its position among its parent's
/// nested types (map entries count, as in the descriptor), up to the file's top level.
fn index_of(message: &MessageDescriptor) -> Vec<i64> {
    let mut path = Vec::new();
    let mut m = message.clone();
    loop {
        let parent = m.parent_message();
        let siblings: Vec<MessageDescriptor> = match &parent {
            Some(p) => p.child_messages().collect(),
            None => m.parent_file().messages().collect(),
        };
        let at = siblings.iter().position(|s| s == &m).unwrap_or(0);
        path.push(i64::try_from(at).unwrap_or(0));
        match parent {
            Some(p) => m = p,
            None => break,
        }
    }
    path.reverse();
    path
}

/// A protox error as one line, with `file:line:column` where the compiler points at
/// the source.
fn compile_error(e: &protox::Error) -> SchemaError {
    let mut at = String::new();
    if let (Some(source), Some(label)) = (e.source_code(), e.labels().and_then(|mut l| l.next())) {
        if let Ok(span) = source.read_span(label.inner(), 0, 0) {
            let file = span.name().or(e.file()).unwrap_or("");
            at = format!("{file}:{}:{}: ", span.line() + 1, span.column() + 1);
        }
    } else if let Some(file) = e.file() {
        at = format!("{file}: ");
    }
    let mut message = format!("{at}{e}");
    if let Some(help) = e.help() {
        message.push_str(&format!(" ({help})"));
    }
    SchemaError(message)
}

/// prost's decode error without its fixed prefix ("failed to decode Protobuf message: ").
fn decode_reason(e: &prost::DecodeError) -> String {
    let text = e.to_string();
    match text.strip_prefix("failed to decode Protobuf message: ") {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// serde_json's message without " at line 1 column 17" where the jq path says where;
/// input that is not JSON at all keeps its position.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if e.is_syntax() || e.is_eof() {
        return format!("not JSON: {text}");
    }
    match text.rfind(" at line ") {
        Some(at) if e.line() > 0 => text[..at].to_string(),
        _ => text,
    }
}

/// serde_path_to_error's path in jq's words: `.lines[2].sku`.
fn jq_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => push_jq_key(&mut out, key),
            Segment::Enum { variant } => push_jq_key(&mut out, variant),
            // A key that was not a string: nothing to name.
            Segment::Unknown => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::schema::NamedSchema;

    const COMMON: &str = r#"
syntax = "proto3";
package eddy.common;
message Money { string currency = 1; int64 units = 2; }
enum Status { STATUS_UNKNOWN = 0; PAID = 1; SHIPPED = 2; }
"#;

    const ORDER: &str = r#"
syntax = "proto3";
package eddy.shop;
import "eddy/common.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/any.proto";

message Order {
  message Line { string sku = 1; int32 qty = 2; }
  int64 order_id = 1;
  repeated Line lines = 2;
  map<string, int32> counts = 3;
  oneof payment { string voucher = 4; eddy.common.Money price = 5; }
  eddy.common.Status status = 6;
  google.protobuf.Timestamp placed_at = 7;
  google.protobuf.Duration took = 8;
  google.protobuf.StringValue note = 9;
  google.protobuf.Struct meta = 10;
  google.protobuf.Any extra = 11;
  double ratio = 12;
  bytes blob = 13;
}
message Refund { int64 order_id = 1; }
"#;

    fn source(text: &str, refs: &[(&str, &str)]) -> SchemaSource {
        SchemaSource {
            kind: SchemaKind::Protobuf,
            text: text.to_string(),
            references: refs
                .iter()
                .map(|(name, text)| NamedSchema {
                    name: name.to_string(),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    fn order(message: Option<&str>, opts: JsonOptions) -> ProtobufCodec {
        compile(&source(ORDER, &[("eddy/common.proto", COMMON)]), message, opts).expect("compiles")
    }

    fn enc(c: &ProtobufCodec, json: &str) -> Result<Vec<u8>, CodecError> {
        let mut out = Vec::new();
        c.encode(json.as_bytes(), &mut out).map(|()| out)
    }

    fn dec(c: &ProtobufCodec, index: &[i64], bytes: &[u8]) -> Result<serde_json::Value, CodecError> {
        let mut out = Vec::new();
        c.decode(index, bytes, &mut out)?;
        Ok(serde_json::from_slice(&out).expect("decode writes JSON"))
    }

    fn round_trip(c: &ProtobufCodec, json: &str) -> serde_json::Value {
        let bytes = enc(c, json).expect("encodes");
        dec(c, &c.encode_index(), &bytes).expect("decodes")
    }

    const FULL: &str = r#"{"orderId":"7","lines":[{"sku":"A-1","qty":2},{"sku":"B","qty":1}],
        "counts":{"a":1},"price":{"currency":"EUR","units":"12"},"status":"PAID",
        "placedAt":"2026-11-28T10:00:00.250Z","took":"1.500s","note":"ring twice",
        "meta":{"k":[1.5,"x",null,true]},
        "extra":{"@type":"type.googleapis.com/eddy.common.Money","currency":"USD","units":"3"},
        "ratio":0.1,"blob":"AAH/"}"#;

    #[test]
    fn the_canonical_mapping_round_trips_every_kind_of_field() {
        let c = order(None, JsonOptions::default());
        let want: serde_json::Value = serde_json::from_str(FULL).expect("JSON");
        assert_eq!(round_trip(&c, FULL), want);
        assert_eq!(c.message_name(&[0]).as_deref(), Some("eddy.shop.Order"));
        assert_eq!(c.encode_index(), vec![0]);
    }

    #[test]
    fn a_base64_descriptor_is_the_same_schema_as_its_text() {
        let mut compiler = protox::Compiler::with_file_resolver({
            let mut r = ChainFileResolver::new();
            r.add(GoogleFileResolver::new());
            r.add(Memory {
                files: HashMap::from([
                    ("eddy/common.proto".to_string(), COMMON.to_string()),
                    ("eddy/order.proto".to_string(), ORDER.to_string()),
                ]),
            });
            r
        });
        compiler.open_file("eddy/order.proto").expect("compiles");
        let pool = compiler.descriptor_pool();
        let b64 = |name: &str| {
            let file = pool.get_file_by_name(name).expect("file");
            BASE64.encode(file.file_descriptor_proto().encode_to_vec())
        };
        // Both the schema and its import as descriptors, as confluent-kafka registers them.
        let c = compile(
            &source(
                &b64("eddy/order.proto"),
                &[("eddy/common.proto", &b64("eddy/common.proto"))],
            ),
            None,
            JsonOptions::default(),
        )
        .expect("compiles");
        let text = order(None, JsonOptions::default());
        assert_eq!(enc(&c, FULL), enc(&text, FULL));
        assert_eq!(c.message_name(&[1]).as_deref(), Some("eddy.shop.Refund"));
    }

    #[test]
    fn the_index_path_picks_top_level_and_nested_messages() {
        let c = order(None, JsonOptions::default());
        let line = order(Some("eddy.shop.Order.Line"), JsonOptions::default());
        assert_eq!(line.encode_index(), vec![0, 0]);
        let bytes = enc(&line, r#"{"sku":"A","qty":3}"#).expect("encodes");
        assert_eq!(
            dec(&c, &[0, 0], &bytes).expect("decodes"),
            serde_json::json!({"sku":"A","qty":3})
        );
        assert_eq!(c.message_name(&[0, 0]).as_deref(), Some("eddy.shop.Order.Line"));
        // The map field's entry type is nested type 1 of Order, as the descriptor has it.
        assert_eq!(c.message_name(&[0, 1]).as_deref(), Some("eddy.shop.Order.CountsEntry"));
        let refund = order(Some("Refund"), JsonOptions::default());
        assert_eq!(refund.encode_index(), vec![1]);
        let bytes = enc(&refund, r#"{"orderId":"9"}"#).expect("encodes");
        assert_eq!(
            dec(&c, &[1], &bytes).expect("decodes"),
            serde_json::json!({"orderId":"9"})
        );
        // An empty path is the first message, as the single-0 shortcut means.
        assert_eq!(c.message_name(&[]).as_deref(), Some("eddy.shop.Order"));
        for bad in [&[2][..], &[-1], &[0, 9], &[1, 0]] {
            assert_eq!(c.message_name(bad), None, "{bad:?}");
            let e = dec(&c, bad, b"").unwrap_err();
            assert!(e.message.contains("names no message"), "{e}");
        }
    }

    #[test]
    fn a_message_that_is_not_in_the_schema_is_refused_with_the_names_it_has() {
        let e = compile(
            &source(ORDER, &[("eddy/common.proto", COMMON)]),
            Some("Nope"),
            JsonOptions::default(),
        )
        .unwrap_err();
        assert!(e.0.contains("'Nope' is not a message in the schema"), "{e}");
        assert!(e.0.contains("eddy.shop.Order.Line"), "{e}");
        let e = compile(
            &source(ORDER, &[("eddy/common.proto", COMMON)]),
            Some("eddy.common.Money"),
            JsonOptions::default(),
        )
        .unwrap_err();
        assert!(e.0.contains("an import"), "{e}");
    }

    #[test]
    fn json_options_change_names_enums_defaults_and_64_bit_integers() {
        let plain = order(None, JsonOptions::default());
        let bytes = enc(&plain, r#"{"orderId":"7","status":"SHIPPED"}"#).expect("encodes");
        assert_eq!(
            dec(&plain, &[0], &bytes).expect("decodes"),
            serde_json::json!({"orderId":"7","status":"SHIPPED"})
        );
        let opts = JsonOptions {
            proto_field_names: true,
            enum_numbers: true,
            emit_defaults: true,
            int64_as_number: true,
            ..JsonOptions::default()
        };
        let all = order(None, opts);
        assert_eq!(
            dec(&all, &[0], &bytes).expect("decodes"),
            serde_json::json!({"order_id":7,"lines":[],"counts":{},"status":2,"ratio":0.0,"blob":""})
        );
        // Reading accepts both spellings whatever the options, as the mapping asks.
        assert_eq!(enc(&all, r#"{"order_id":7,"status":2}"#).expect("encodes"), bytes);
    }

    #[test]
    fn encode_errors_name_the_field_in_jq_style() {
        let c = order(None, JsonOptions::default());
        let e = |json: &str| enc(&c, json).unwrap_err();
        let bad_qty = e(r#"{"lines":[{"sku":"a"},{"sku":"b","qty":"many"}]}"#);
        assert_eq!(bad_qty.path, ".lines[1].qty", "{bad_qty}");
        let unknown = e(r#"{"ordr":1}"#);
        assert_eq!(unknown.message, "unrecognized field name 'ordr'", "{unknown}");
        let when = e(r#"{"placedAt":"yesterday"}"#);
        assert_eq!(when.path, ".placedAt", "{when}");
        let status = e(r#"{"status":"LOST"}"#);
        assert_eq!(status.path, ".status", "{status}");
        let map = e(r#"{"counts":{"x y":"z"}}"#);
        assert_eq!(map.path, r#".counts."x y""#, "{map}");
        assert!(!e("[1]").message.is_empty());
        let trailing = e(r#"{} {}"#);
        assert!(
            trailing.message.starts_with("not JSON: trailing characters"),
            "{trailing}"
        );
        assert_eq!(e("nope").message, "not JSON: expected ident at line 1 column 2");
        assert!(!bad_qty.message.contains("line 1"), "{bad_qty}");
    }

    #[test]
    fn malformed_payloads_are_errors_never_panics() {
        let c = order(None, JsonOptions::default());
        for bytes in [
            &b"\xff"[..],
            b"\x0a\x05ab",
            b"\x08",
            b"\x0b",
            b"\x3a\x02\x08\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80",
        ] {
            let e = dec(&c, &[0], bytes).unwrap_err();
            assert!(e.message.starts_with("cannot decode as eddy.shop.Order: "), "{e}");
        }
        // A timestamp outside the mapping's range decodes but cannot be written as JSON.
        let far = b"\x3a\x0a\x08\xff\xff\xff\xff\xff\xff\xff\xff\x7f";
        let e = dec(&c, &[0], far).unwrap_err();
        assert_eq!(e.to_string(), ".placedAt: timestamp out of range");
    }

    proptest::proptest! {
        #[test]
        fn random_payloads_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let c = order(None, JsonOptions::default());
            let mut out = Vec::new();
            let _ = c.decode(&[0], &bytes, &mut out);
            let _ = c.encode(&bytes, &mut out);
        }
    }

    #[test]
    fn compile_errors_say_where() {
        let e = compile(
            &source("syntax = \"proto3\";\nmessage A {\n  int32 x = ;\n}\n", &[]),
            None,
            JsonOptions::default(),
        )
        .unwrap_err();
        assert!(e.0.starts_with("schema.proto:3:"), "{e}");
        let e = compile(&source(ORDER, &[]), None, JsonOptions::default()).unwrap_err();
        assert!(e.0.contains("import 'eddy/common.proto' not found"), "{e}");
        let e = compile(&source("syntax = \"proto3\";", &[]), None, JsonOptions::default()).unwrap_err();
        assert!(e.0.contains("defines no message"), "{e}");
        let avro = SchemaSource {
            kind: SchemaKind::Avro,
            ..source(COMMON, &[])
        };
        assert!(compile(&avro, None, JsonOptions::default()).is_err());
    }

    #[test]
    fn proto_files_with_include_dirs_and_protosets() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("inc/eddy")).expect("mkdir");
        std::fs::write(dir.path().join("inc/eddy/common.proto"), COMMON).expect("write");
        std::fs::create_dir_all(dir.path().join("src")).expect("mkdir");
        let file = dir.path().join("src/order.proto");
        std::fs::write(&file, ORDER).expect("write");
        let inc = vec![dir.path().join("inc")];
        let e = ProtobufCodec::from_proto_file(&file, &[], None, JsonOptions::default()).unwrap_err();
        assert!(e.0.contains("eddy/common.proto"), "{e}");
        let c = ProtobufCodec::from_proto_file(&file, &inc, Some("eddy.shop.Refund"), JsonOptions::default())
            .expect("compiles");
        assert_eq!(c.encode_index(), vec![1]);
        let bytes = enc(&c, r#"{"orderId":"5"}"#).expect("encodes");

        let mut compiler = protox::Compiler::new(&[dir.path().join("inc"), dir.path().join("src")]).expect("compiler");
        compiler
            .include_imports(true)
            .open_file("order.proto")
            .expect("compiles");
        let set = dir.path().join("order.protoset");
        std::fs::write(&set, compiler.encode_file_descriptor_set()).expect("write");
        let s = ProtobufCodec::from_protoset(&set, None, JsonOptions::default()).expect("loads");
        assert_eq!(s.message_name(&[0]).as_deref(), Some("eddy.shop.Order"));
        assert_eq!(
            dec(&s, &[1], &bytes).expect("decodes"),
            serde_json::json!({"orderId":"5"})
        );
        // A message from an import is fine offline: its own file counts the indexes.
        let money =
            ProtobufCodec::from_protoset(&set, Some("eddy.common.Money"), JsonOptions::default()).expect("loads");
        assert_eq!(money.encode_index(), vec![0]);
        assert_eq!(money.message_name(&[0]).as_deref(), Some("eddy.common.Money"));
        std::fs::write(&set, b"\xff\xff").expect("write");
        let e = ProtobufCodec::from_protoset(&set, None, JsonOptions::default()).unwrap_err();
        assert!(e.0.contains("not a FileDescriptorSet"), "{e}");
    }

    #[test]
    fn confluents_built_in_imports_need_no_reference() {
        let text = r#"syntax = "proto3";
import "confluent/meta.proto";
import "confluent/type/decimal.proto";
message Payment {
  string card = 1 [(confluent.field_meta).tags = "PII"];
  confluent.type.Decimal amount = 2;
}"#;
        let c = compile(&source(text, &[]), None, JsonOptions::default()).expect("compiles");
        let json = r#"{"card":"4111","amount":{"value":"BOI=","precision":10,"scale":2}}"#;
        assert_eq!(
            round_trip(&c, json),
            serde_json::from_str::<serde_json::Value>(json).expect("JSON")
        );
    }

    #[test]
    fn json_option_lists() {
        let mut o = JsonOptions::default();
        parse_json_options("proto-names, enum-numbers,emit-defaults,int64-as-number", &mut o).expect("parses");
        assert!(o.proto_field_names && o.enum_numbers && o.emit_defaults && o.int64_as_number);
        let e = parse_json_options("proto-names,camel", &mut o).unwrap_err();
        assert!(e.starts_with("'camel' is not a Protobuf JSON option"), "{e}");
    }
}
