//! Avro, as plain JSON both ways: a schema (with the named types of the schemas it
//! refers to) compiled once into `schema::Schema`, then eddy's own schema-directed
//! decoder (`decode.rs`: payload bytes straight to JSON text) and encoder (`encode.rs`:
//! JSON text to payload bytes). The mapping, for both directions, is issue 15's plain
//! JSON: unions as the bare value, enums as the symbol, decimals as exact strings,
//! timestamps as RFC 3339 in UTC, dates, times, durations, uuids as text, bytes and
//! fixed as base64; `JsonOptions::avro_json` switches to the specification's JSON
//! encoding instead.
//!
//! The schema parser is eddy's too, not apache-avro's: the decoder needs its own compiled
//! form anyway (nodes by index, field keys pre-written, logical types resolved), and the
//! specification's rules for names and logical types are short; that keeps a large
//! dependency out of the build.

mod compat;
mod decode;
mod encode;
pub(super) mod json;
mod logical;
mod schema;

use crate::codec::schema::{CodecError, JsonOptions, SchemaCodec, SchemaError, SchemaKind, SchemaSource};
use schema::Schema;

/// How deep a value may nest, in schema levels (a record's field, an array's item, a
/// map's value, a union's branch), for the decoder and the encoder alike: deeper is an
/// error, not a stack overflow (a recursive schema walked by a corrupt or hostile
/// payload). One limit for both ways, so that whatever `consume` decodes, `produce`
/// encodes back; 128 is serde_json's own nesting limit, which other JSON readers of
/// eddy's output share.
const MAX_DEPTH: usize = 128;

/// A compiled Avro schema with the JSON options it reads and writes by.
#[derive(Debug, Clone)]
pub struct AvroCodec {
    schema: Schema,
    avro_json: bool,
}

/// Compiles an Avro schema (`source.kind` must be Avro) and its references.
pub fn compile(source: &SchemaSource, opts: JsonOptions) -> Result<AvroCodec, SchemaError> {
    if source.kind != SchemaKind::Avro {
        return Err(SchemaError(format!("a {} schema is not Avro", source.kind.name())));
    }
    Ok(AvroCodec {
        schema: Schema::parse(&source.text, &source.references)?,
        avro_json: opts.avro_json,
    })
}

/// Why a reader with the schema `reader` cannot read data written with `writer`, one
/// line per problem (empty when it can): what a registry's compatibility check asks.
pub fn incompatibilities(reader: &SchemaSource, writer: &SchemaSource) -> Result<Vec<String>, SchemaError> {
    let r = Schema::parse(&reader.text, &reader.references)?;
    let w = Schema::parse(&writer.text, &writer.references)?;
    Ok(compat::incompatibilities(&r, &w))
}

impl SchemaCodec for AvroCodec {
    fn kind(&self) -> SchemaKind {
        SchemaKind::Avro
    }

    fn decode(&self, _message_index: &[i64], payload: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        decode::decode(&self.schema, self.avro_json, payload, out)
    }

    fn encode(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), CodecError> {
        encode::encode(&self.schema, self.avro_json, json, out)
    }
}

#[cfg(test)]
mod tests;
