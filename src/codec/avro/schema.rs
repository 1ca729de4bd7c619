//! An Avro schema compiled for eddy's decoder and encoder: the JSON schema text (and
//! the schemas it refers to) parsed into a flat list of nodes that point at each other
//! by index, so that named types, recursion and references cost one array lookup and the
//! decoder never looks a name up per record. Logical types are resolved here once: a
//! logical type on an underlying type it does not fit is ignored, as the specification
//! says readers must, and the node is its underlying type.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::codec::schema::{NamedSchema, SchemaError};
use crate::jq::write_json_str;

/// An index into [`Schema::nodes`].
pub type NodeId = usize;

/// The precision of a timestamp's long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millis,
    Micros,
    Nanos,
}

impl Unit {
    /// The fraction digits a second has in this unit.
    pub fn digits(self) -> u32 {
        match self {
            Unit::Millis => 3,
            Unit::Micros => 6,
            Unit::Nanos => 9,
        }
    }

    pub fn per_second(self) -> i64 {
        10i64.pow(self.digits())
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Millis => "millis",
            Unit::Micros => "micros",
            Unit::Nanos => "nanos",
        }
    }
}

/// One record field: `key` is its name already written as a JSON object key (`"name":`),
/// `default` the field's default already encoded, for input that leaves the field out.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub key: Vec<u8>,
    pub node: NodeId,
    pub default: Option<Vec<u8>>,
    pub(super) default_json: Option<Value>,
}

/// A type, after logical types are resolved.
#[derive(Debug, Clone)]
pub enum Node {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record {
        name: String,
        fields: Vec<Field>,
    },
    Enum {
        name: String,
        symbols: Vec<String>,
    },
    Array(NodeId),
    Map(NodeId),
    /// `ambiguous`: some plain JSON value fits two of the branches (see [`Node::accepts`]),
    /// so the decoder must check which one the encoder would pick.
    Union {
        branches: Vec<NodeId>,
        ambiguous: bool,
    },
    Fixed {
        name: String,
        size: usize,
    },
    /// `fixed`: the name and size of the fixed it annotates; bytes otherwise.
    Decimal {
        precision: u32,
        scale: u32,
        fixed: Option<(String, usize)>,
    },
    /// `fixed`: the name of the 16-byte fixed it annotates; a string otherwise.
    Uuid {
        fixed: Option<String>,
    },
    Date,
    TimeMillis,
    TimeMicros,
    Timestamp {
        unit: Unit,
        local: bool,
    },
    /// The name of the 12-byte fixed it annotates.
    Duration {
        name: String,
    },
}

impl Node {
    /// The name the Avro JSON encoding gives this type as a union branch: the full name
    /// of a named type, the (underlying) type name otherwise.
    pub fn branch_name(&self) -> &str {
        match self {
            Node::Null => "null",
            Node::Boolean => "boolean",
            Node::Int | Node::Date | Node::TimeMillis => "int",
            Node::Long | Node::TimeMicros | Node::Timestamp { .. } => "long",
            Node::Float => "float",
            Node::Double => "double",
            Node::Bytes | Node::Decimal { fixed: None, .. } => "bytes",
            Node::String | Node::Uuid { fixed: None } => "string",
            Node::Record { name, .. } | Node::Enum { name, .. } | Node::Fixed { name, .. } => name,
            Node::Decimal {
                fixed: Some((name, _)), ..
            } => name,
            Node::Uuid { fixed: Some(name) } | Node::Duration { name } => name,
            Node::Array(_) => "array",
            Node::Map(_) => "map",
            Node::Union { .. } => "union",
        }
    }

    /// The kinds of plain JSON value the encoder accepts for this type (bits of
    /// [`kinds`]); two branches of a union that share one make the union ambiguous.
    pub fn accepts(&self) -> u8 {
        use kinds::*;
        match self {
            Node::Null => NULL,
            Node::Boolean => BOOL,
            Node::Int | Node::Long => NUMBER,
            // "NaN", "Infinity" and "-Infinity" are strings.
            Node::Float | Node::Double => NUMBER | STRING,
            Node::Bytes | Node::String | Node::Enum { .. } | Node::Fixed { .. } | Node::Uuid { .. } => STRING,
            Node::Decimal { .. } | Node::Date | Node::TimeMillis | Node::TimeMicros | Node::Timestamp { .. } => {
                STRING | NUMBER
            }
            Node::Record { .. } | Node::Map(_) | Node::Duration { .. } => OBJECT,
            Node::Array(_) => ARRAY,
            Node::Union { .. } => NULL | BOOL | NUMBER | STRING | OBJECT | ARRAY,
        }
    }

    /// The type as an error message names it: `long`, `decimal(10,2)`, `record Order`.
    pub fn describe(&self) -> String {
        match self {
            Node::Record { name, .. } => format!("record {name}"),
            Node::Enum { name, .. } => format!("enum {name}"),
            Node::Fixed { name, size } => format!("fixed {name} ({size} bytes)"),
            Node::Decimal { precision, scale, .. } => format!("decimal({precision},{scale})"),
            Node::Uuid { .. } => "uuid".into(),
            Node::Date => "date".into(),
            Node::TimeMillis => "time-millis".into(),
            Node::TimeMicros => "time-micros".into(),
            Node::Timestamp { unit, local } => {
                format!("{}timestamp-{}", if *local { "local-" } else { "" }, unit.name())
            }
            Node::Duration { .. } => "duration".into(),
            other => other.branch_name().to_string(),
        }
    }
}

/// The kinds of JSON value, as bits.
pub mod kinds {
    pub const NULL: u8 = 1;
    pub const BOOL: u8 = 2;
    pub const NUMBER: u8 = 4;
    pub const STRING: u8 = 8;
    pub const OBJECT: u8 = 16;
    pub const ARRAY: u8 = 32;
}

/// A compiled schema: `root` is the node of the value.
#[derive(Debug, Clone)]
pub struct Schema {
    pub nodes: Vec<Node>,
    pub root: NodeId,
}

impl Schema {
    /// Parses `text`, with the named types of `references` (each a schema of its own,
    /// in any order) available to it by name.
    pub fn parse(text: &str, references: &[NamedSchema]) -> Result<Schema, SchemaError> {
        let mut parser = Parser::default();
        // References may refer to each other in any order: parse those whose names are
        // all known until none is left, or none makes progress.
        let mut pending: Vec<&NamedSchema> = references.iter().collect();
        while !pending.is_empty() {
            let mut failed = Vec::new();
            let mut last_error = None;
            for reference in pending.iter().copied() {
                let json = json_of(&reference.text, &format!("reference {}", reference.name))?;
                let checkpoint = parser.checkpoint();
                if let Err(e) = parser.schema(&json, "") {
                    parser.rollback(checkpoint);
                    last_error = Some(SchemaError(format!("reference {}: {}", reference.name, e.0)));
                    failed.push(reference);
                }
            }
            if failed.len() == pending.len() {
                return Err(last_error.unwrap_or_else(|| SchemaError("unresolvable references".into())));
            }
            pending = failed;
        }
        let json = json_of(text, "schema")?;
        let root = parser.schema(&json, "")?;
        let mut schema = Schema {
            nodes: parser.nodes,
            root,
        };
        schema.encode_defaults();
        Ok(schema)
    }

    /// Encodes each field's default once, so that input without the field costs a copy.
    /// A default that does not fit its type is dropped (the field is then required),
    /// as a schema other writers accepted should not be refused for it.
    fn encode_defaults(&mut self) {
        let mut encoded = Vec::new();
        for (n, node) in self.nodes.iter().enumerate() {
            if let Node::Record { fields, .. } = node {
                for (f, field) in fields.iter().enumerate() {
                    if let Some(json) = &field.default_json {
                        let mut out = Vec::new();
                        if super::encode::default_value(self, field.node, json, &mut out).is_ok() {
                            encoded.push((n, f, out));
                        }
                    }
                }
            }
        }
        for (n, f, bytes) in encoded {
            if let Node::Record { fields, .. } = &mut self.nodes[n] {
                fields[f].default = Some(bytes);
            }
        }
    }
}

fn json_of(text: &str, what: &str) -> Result<Value, SchemaError> {
    serde_json::from_str(text).map_err(|e| SchemaError(format!("{what} is not JSON: {e}")))
}

#[derive(Default)]
struct Parser {
    nodes: Vec<Node>,
    names: HashMap<String, NodeId>,
    /// Names in the order they were defined, so a failed reference can be undone.
    defined: Vec<String>,
}

const PRIMITIVES: [&str; 8] = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

impl Parser {
    fn checkpoint(&self) -> (usize, usize) {
        (self.nodes.len(), self.defined.len())
    }

    fn rollback(&mut self, (nodes, defined): (usize, usize)) {
        self.nodes.truncate(nodes);
        for name in self.defined.drain(defined..) {
            self.names.remove(&name);
        }
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn schema(&mut self, json: &Value, namespace: &str) -> Result<NodeId, SchemaError> {
        match json {
            Value::String(name) => self.named(name, namespace),
            Value::Array(branches) => self.union(branches, namespace),
            Value::Object(map) => self.complex(map, namespace),
            other => Err(SchemaError(format!("not a schema: {other}"))),
        }
    }

    /// A primitive, or a reference to a named type defined before.
    fn named(&mut self, name: &str, namespace: &str) -> Result<NodeId, SchemaError> {
        if let Some(node) = primitive(name) {
            return Ok(self.push(node));
        }
        let full = full_name(name, namespace);
        let found = self.names.get(&full).or_else(|| self.names.get(name));
        found
            .copied()
            .ok_or_else(|| SchemaError(format!("unknown type {name:?}")))
    }

    fn union(&mut self, branches: &[Value], namespace: &str) -> Result<NodeId, SchemaError> {
        if branches.is_empty() {
            return Err(SchemaError("a union needs at least one branch".into()));
        }
        let mut ids = Vec::with_capacity(branches.len());
        for branch in branches {
            let id = self.schema(branch, namespace)?;
            if matches!(self.nodes[id], Node::Union { .. }) {
                return Err(SchemaError("a union cannot hold a union directly".into()));
            }
            let name = self.nodes[id].branch_name().to_string();
            if ids
                .iter()
                .any(|&other: &NodeId| self.nodes[other].branch_name() == name)
            {
                return Err(SchemaError(format!("a union holds {name} twice")));
            }
            ids.push(id);
        }
        let mut seen = 0;
        let mut ambiguous = false;
        for &id in &ids {
            let kinds = self.nodes[id].accepts();
            ambiguous |= seen & kinds != 0;
            seen |= kinds;
        }
        Ok(self.push(Node::Union {
            branches: ids,
            ambiguous,
        }))
    }

    fn complex(&mut self, map: &Map<String, Value>, namespace: &str) -> Result<NodeId, SchemaError> {
        let Some(kind) = map.get("type") else {
            return Err(SchemaError("a schema object needs a \"type\"".into()));
        };
        let Value::String(kind) = kind else {
            // {"type": {...}} or {"type": [...]}: the type is the nested schema.
            return self.schema(kind, namespace);
        };
        let logical = map.get("logicalType").and_then(Value::as_str);
        match kind.as_str() {
            "record" | "error" => self.record(map, namespace),
            "enum" => {
                let (name, _) = self.define_name(map, namespace)?;
                let symbols = strings(map.get("symbols"), "an enum's symbols")?;
                if symbols.is_empty() {
                    return Err(SchemaError(format!("enum {name} has no symbols")));
                }
                let id = self.push(Node::Enum {
                    name: name.clone(),
                    symbols,
                });
                self.names.insert(name, id);
                Ok(id)
            }
            "fixed" => {
                let (name, _) = self.define_name(map, namespace)?;
                let size = map
                    .get("size")
                    .and_then(Value::as_u64)
                    .and_then(|s| usize::try_from(s).ok())
                    .ok_or_else(|| SchemaError(format!("fixed {name} needs a size")))?;
                let node = match logical {
                    Some("decimal") => decimal(map, Some((name.clone(), size))),
                    Some("uuid") if size == 16 => Some(Node::Uuid {
                        fixed: Some(name.clone()),
                    }),
                    Some("duration") if size == 12 => Some(Node::Duration { name: name.clone() }),
                    _ => None,
                };
                let id = self.push(node.unwrap_or(Node::Fixed {
                    name: name.clone(),
                    size,
                }));
                self.names.insert(name, id);
                Ok(id)
            }
            "array" => {
                let items = map
                    .get("items")
                    .ok_or_else(|| SchemaError("an array needs \"items\"".into()))?;
                let items = self.schema(items, namespace)?;
                Ok(self.push(Node::Array(items)))
            }
            "map" => {
                let values = map
                    .get("values")
                    .ok_or_else(|| SchemaError("a map needs \"values\"".into()))?;
                let values = self.schema(values, namespace)?;
                Ok(self.push(Node::Map(values)))
            }
            name => match primitive(name) {
                // A logical type annotates a primitive written here, never a named type
                // defined elsewhere (which other fields share).
                Some(base) => {
                    let node = logical.and_then(|l| annotate(&base, l, map)).unwrap_or(base);
                    Ok(self.push(node))
                }
                None => self.named(name, namespace),
            },
        }
    }

    fn record(&mut self, map: &Map<String, Value>, namespace: &str) -> Result<NodeId, SchemaError> {
        let (name, space) = self.define_name(map, namespace)?;
        // Registered before its fields, so that a field may refer to the record itself.
        let id = self.push(Node::Record {
            name: name.clone(),
            fields: Vec::new(),
        });
        self.names.insert(name.clone(), id);
        let Some(Value::Array(list)) = map.get("fields") else {
            return Err(SchemaError(format!("record {name} needs \"fields\"")));
        };
        let mut fields: Vec<Field> = Vec::with_capacity(list.len());
        for field in list {
            let Some(field_name) = field.get("name").and_then(Value::as_str) else {
                return Err(SchemaError(format!("a field of record {name} has no name")));
            };
            if fields.iter().any(|f| f.name == field_name) {
                return Err(SchemaError(format!("record {name} has field {field_name} twice")));
            }
            let Some(kind) = field.get("type") else {
                return Err(SchemaError(format!("field {name}.{field_name} has no type")));
            };
            let node = self
                .schema(kind, &space)
                .map_err(|e| SchemaError(format!("field {name}.{field_name}: {}", e.0)))?;
            let mut key = Vec::with_capacity(field_name.len() + 3);
            write_json_str(&mut key, field_name);
            key.push(b':');
            fields.push(Field {
                name: field_name.to_string(),
                key,
                node,
                default: None,
                default_json: field.get("default").cloned(),
            });
        }
        self.nodes[id] = Node::Record { name, fields };
        Ok(id)
    }

    /// The full name a named type defines, and the namespace its own fields live in;
    /// an error when the name is taken.
    fn define_name(&mut self, map: &Map<String, Value>, namespace: &str) -> Result<(String, String), SchemaError> {
        let Some(name) = map.get("name").and_then(Value::as_str) else {
            return Err(SchemaError("a named type needs a \"name\"".into()));
        };
        let space = map.get("namespace").and_then(Value::as_str).unwrap_or(namespace);
        let full = full_name(name, space);
        if PRIMITIVES.contains(&full.as_str()) {
            return Err(SchemaError(format!("{full} is a primitive type's name")));
        }
        if self.names.contains_key(&full) {
            return Err(SchemaError(format!("{full} is defined twice")));
        }
        self.defined.push(full.clone());
        let own_space = full.rsplit_once('.').map(|(s, _)| s.to_string()).unwrap_or_default();
        Ok((full, own_space))
    }
}

fn primitive(name: &str) -> Option<Node> {
    Some(match name {
        "null" => Node::Null,
        "boolean" => Node::Boolean,
        "int" => Node::Int,
        "long" => Node::Long,
        "float" => Node::Float,
        "double" => Node::Double,
        "bytes" => Node::Bytes,
        "string" => Node::String,
        _ => return None,
    })
}

fn full_name(name: &str, namespace: &str) -> String {
    if name.contains('.') || namespace.is_empty() {
        name.to_string()
    } else {
        format!("{namespace}.{name}")
    }
}

fn strings(value: Option<&Value>, what: &str) -> Result<Vec<String>, SchemaError> {
    let Some(Value::Array(list)) = value else {
        return Err(SchemaError(format!("{what} must be a list of strings")));
    };
    list.iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| SchemaError(format!("{what} must be a list of strings")))
}

/// A logical type on a primitive, when it fits it.
fn annotate(base: &Node, logical: &str, map: &Map<String, Value>) -> Option<Node> {
    let timestamp = |unit, local| Some(Node::Timestamp { unit, local });
    match (base, logical) {
        (Node::Bytes, "decimal") => decimal(map, None),
        (Node::String, "uuid") => Some(Node::Uuid { fixed: None }),
        (Node::Int, "date") => Some(Node::Date),
        (Node::Int, "time-millis") => Some(Node::TimeMillis),
        (Node::Long, "time-micros") => Some(Node::TimeMicros),
        (Node::Long, "timestamp-millis") => timestamp(Unit::Millis, false),
        (Node::Long, "timestamp-micros") => timestamp(Unit::Micros, false),
        (Node::Long, "timestamp-nanos") => timestamp(Unit::Nanos, false),
        (Node::Long, "local-timestamp-millis") => timestamp(Unit::Millis, true),
        (Node::Long, "local-timestamp-micros") => timestamp(Unit::Micros, true),
        (Node::Long, "local-timestamp-nanos") => timestamp(Unit::Nanos, true),
        _ => None,
    }
}

/// A decimal whose precision and scale are valid (for a fixed: whose precision its size
/// can hold); `None` otherwise, and the type is then its underlying bytes or fixed.
fn decimal(map: &Map<String, Value>, fixed: Option<(String, usize)>) -> Option<Node> {
    let precision = u32::try_from(map.get("precision")?.as_u64()?).ok()?;
    let scale = match map.get("scale") {
        None => 0,
        Some(s) => u32::try_from(s.as_u64()?).ok()?,
    };
    if precision == 0 || scale > precision {
        return None;
    }
    if let Some((_, size)) = &fixed {
        // The most digits a signed `size`-byte integer always holds: floor(log10(2^(8n-1) - 1)).
        let most = ((8.0 * *size as f64 - 1.0) * std::f64::consts::LOG10_2).floor() as u32;
        if *size == 0 || precision > most {
            return None;
        }
    }
    Some(Node::Decimal {
        precision,
        scale,
        fixed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Schema, SchemaError> {
        Schema::parse(text, &[])
    }

    #[test]
    fn logical_types_that_do_not_fit_are_their_underlying_type() {
        let s = parse(r#"{"type":"int","logicalType":"timestamp-millis"}"#).unwrap();
        assert!(matches!(s.nodes[s.root], Node::Int));
        let s = parse(r#"{"type":"bytes","logicalType":"decimal","precision":2,"scale":3}"#).unwrap();
        assert!(matches!(s.nodes[s.root], Node::Bytes));
        let s = parse(r#"{"type":"fixed","name":"F","size":2,"logicalType":"decimal","precision":5}"#).unwrap();
        assert!(matches!(s.nodes[s.root], Node::Fixed { size: 2, .. }));
        let s = parse(r#"{"type":"fixed","name":"F","size":2,"logicalType":"decimal","precision":4}"#).unwrap();
        assert!(matches!(s.nodes[s.root], Node::Decimal { precision: 4, .. }));
        let s = parse(r#"{"type":"long","logicalType":"local-timestamp-nanos"}"#).unwrap();
        assert_eq!(s.nodes[s.root].describe(), "local-timestamp-nanos");
    }

    #[test]
    fn names_resolve_through_namespaces_and_recursion() {
        let s = parse(
            r#"{"type":"record","name":"List","namespace":"a.b","fields":[
                {"name":"head","type":"int"},
                {"name":"tail","type":["null","List"]},
                {"name":"other","type":["null","a.b.List"]}]}"#,
        )
        .unwrap();
        let Node::Record { name, fields } = &s.nodes[s.root] else {
            panic!("a record")
        };
        assert_eq!(name, "a.b.List");
        let Node::Union { branches, ambiguous } = &s.nodes[fields[1].node] else {
            panic!("a union")
        };
        assert_eq!(branches[1], s.root);
        assert!(!ambiguous);
        assert_eq!(fields[1].key, b"\"tail\":");
    }

    #[test]
    fn references_define_named_types_in_any_order() {
        let money = NamedSchema {
            name: "com.x.Money".into(),
            text: r#"{"type":"record","name":"Money","namespace":"com.x","fields":[{"name":"cur","type":"com.x.Currency"}]}"#.into(),
        };
        let currency = NamedSchema {
            name: "com.x.Currency".into(),
            text: r#"{"type":"enum","name":"Currency","namespace":"com.x","symbols":["EUR","USD"]}"#.into(),
        };
        let s = Schema::parse(
            r#"{"type":"record","name":"Order","fields":[{"name":"price","type":"com.x.Money"}]}"#,
            &[money.clone(), currency],
        )
        .unwrap();
        assert!(matches!(s.nodes[s.root], Node::Record { .. }));
        let e = Schema::parse(r#""com.x.Money""#, &[money]).unwrap_err();
        assert_eq!(
            e.0,
            "reference com.x.Money: field com.x.Money.cur: unknown type \"com.x.Currency\""
        );
    }

    #[test]
    fn bad_schemas_say_why() {
        let e = |text: &str| parse(text).unwrap_err().0;
        assert_eq!(e("\"Nope\""), "unknown type \"Nope\"");
        assert!(e("{").starts_with("schema is not JSON"));
        assert_eq!(e("[]"), "a union needs at least one branch");
        assert_eq!(e(r#"["null","null"]"#), "a union holds null twice");
        assert_eq!(e(r#"[["int"]]"#), "a union cannot hold a union directly");
        assert_eq!(e(r#"{"type":"enum","name":"E","symbols":[]}"#), "enum E has no symbols");
        assert_eq!(
            e(r#"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"int"}]}"#),
            "record R has field a twice"
        );
        assert_eq!(
            e(r#"[{"type":"fixed","name":"F","size":1},{"type":"fixed","name":"F","size":1}]"#),
            "F is defined twice"
        );
        assert_eq!(e("3"), "not a schema: 3");
    }
}
