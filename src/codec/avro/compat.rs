//! Avro schema compatibility, as a registry judges it: can a reader with one schema read
//! data written with another, by the specification's resolution rules. Names match by
//! their unqualified part (as Java's `SchemaCompatibility` compares them), numbers
//! promote (int → long → float → double, string ⇄ bytes), a reader field the writer lacks
//! needs a default, a writer's union branch must each be readable, an enum symbol the
//! reader lacks breaks it. Logical types are their underlying types here, as in
//! resolution.
//!
//! The registry server (`eddy dev --registry`) asks this for BACKWARD (the new schema
//! reads the old), FORWARD (the old reads the new) and FULL (both).

use std::collections::HashSet;

use super::schema::{Node, NodeId, Schema};

/// Why `reader` cannot read what `writer` wrote, one line per problem with the path
/// where it is (`/fields/amount`); empty when it can.
pub fn incompatibilities(reader: &Schema, writer: &Schema) -> Vec<String> {
    let mut c = Check {
        reader,
        writer,
        seen: HashSet::new(),
        problems: Vec::new(),
    };
    c.check(reader.root, writer.root, "");
    c.problems
}

struct Check<'a> {
    reader: &'a Schema,
    writer: &'a Schema,
    /// Pairs already under way: a recursive record is compatible with itself unless
    /// something else says not.
    seen: HashSet<(NodeId, NodeId)>,
    problems: Vec<String>,
}

/// A node as resolution sees it: logical types as their underlying type.
enum Base<'a> {
    Prim(&'static str),
    Record(&'a str, &'a [super::schema::Field]),
    Enum(&'a str, &'a [String]),
    Array(NodeId),
    Map(NodeId),
    Union(&'a [NodeId]),
    Fixed(&'a str, usize),
}

fn base(node: &Node) -> Base<'_> {
    match node {
        Node::Null => Base::Prim("null"),
        Node::Boolean => Base::Prim("boolean"),
        Node::Int | Node::Date | Node::TimeMillis => Base::Prim("int"),
        Node::Long | Node::TimeMicros | Node::Timestamp { .. } => Base::Prim("long"),
        Node::Float => Base::Prim("float"),
        Node::Double => Base::Prim("double"),
        Node::Bytes | Node::Decimal { fixed: None, .. } => Base::Prim("bytes"),
        Node::String | Node::Uuid { fixed: None } => Base::Prim("string"),
        Node::Record { name, fields } => Base::Record(name, fields),
        Node::Enum { name, symbols } => Base::Enum(name, symbols),
        Node::Array(items) => Base::Array(*items),
        Node::Map(values) => Base::Map(*values),
        Node::Union { branches, .. } => Base::Union(branches),
        Node::Fixed { name, size } => Base::Fixed(name, *size),
        Node::Decimal {
            fixed: Some((name, size)),
            ..
        } => Base::Fixed(name, *size),
        Node::Uuid { fixed: Some(name) } => Base::Fixed(name, 16),
        Node::Duration { name } => Base::Fixed(name, 12),
    }
}

fn simple(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// Whether a writer's primitive reads as the reader's (equal, or promoted).
fn promotes(writer: &str, reader: &str) -> bool {
    writer == reader
        || matches!(
            (writer, reader),
            ("int", "long" | "float" | "double")
                | ("long", "float" | "double")
                | ("float", "double")
                | ("string", "bytes")
                | ("bytes", "string")
        )
}

impl Check<'_> {
    fn check(&mut self, r: NodeId, w: NodeId, path: &str) {
        if !self.seen.insert((r, w)) {
            return;
        }
        let (rn, wn) = (&self.reader.nodes[r], &self.writer.nodes[w]);
        match (base(rn), base(wn)) {
            (_, Base::Union(branches)) => {
                for (i, &b) in branches.iter().enumerate() {
                    self.check(r, b, &format!("{path}/{i}"));
                }
            }
            (Base::Union(branches), _) => {
                let fits = branches.iter().any(|&b| {
                    let mut trial = Check {
                        reader: self.reader,
                        writer: self.writer,
                        seen: self.seen.clone(),
                        problems: Vec::new(),
                    };
                    trial.check(b, w, path);
                    trial.problems.is_empty()
                });
                if !fits {
                    self.problem(
                        path,
                        format!("the reader's union has no branch for the writer's {}", wn.describe()),
                    );
                }
            }
            (Base::Prim(a), Base::Prim(b)) => {
                if !promotes(b, a) {
                    self.problem(path, format!("the writer's {b} cannot be read as {a}"));
                }
            }
            (Base::Record(rname, rfields), Base::Record(wname, wfields)) => {
                if simple(rname) != simple(wname) {
                    self.problem(path, format!("record {wname} is read as record {rname}"));
                    return;
                }
                for f in rfields {
                    let at = format!("{path}/fields/{}", f.name);
                    match wfields.iter().find(|g| g.name == f.name) {
                        Some(g) => self.check(f.node, g.node, &at),
                        None if f.default.is_some() || f.default_json.is_some() => {}
                        None => self.problem(
                            &at,
                            "a new field without a default (the writer does not have it)".into(),
                        ),
                    }
                }
            }
            (Base::Enum(rname, rsyms), Base::Enum(wname, wsyms)) => {
                if simple(rname) != simple(wname) {
                    self.problem(path, format!("enum {wname} is read as enum {rname}"));
                    return;
                }
                let missing: Vec<&str> = wsyms
                    .iter()
                    .filter(|s| !rsyms.contains(s))
                    .map(String::as_str)
                    .collect();
                if !missing.is_empty() {
                    self.problem(
                        path,
                        format!("the reader's enum lacks the symbols {}", missing.join(", ")),
                    );
                }
            }
            (Base::Array(ri), Base::Array(wi)) => self.check(ri, wi, &format!("{path}/items")),
            (Base::Map(rv), Base::Map(wv)) => self.check(rv, wv, &format!("{path}/values")),
            (Base::Fixed(rname, rsize), Base::Fixed(wname, wsize)) => {
                if simple(rname) != simple(wname) || rsize != wsize {
                    self.problem(
                        path,
                        format!("fixed {wname} ({wsize}) is read as fixed {rname} ({rsize})"),
                    );
                }
            }
            _ => self.problem(
                path,
                format!("the writer's {} cannot be read as {}", wn.describe(), rn.describe()),
            ),
        }
    }

    fn problem(&mut self, path: &str, what: String) {
        let at = if path.is_empty() { "/" } else { path };
        self.problems.push(format!("{at}: {what}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(text: &str) -> Schema {
        Schema::parse(text, &[]).expect("parses")
    }

    fn judge(reader: &str, writer: &str) -> Vec<String> {
        incompatibilities(&schema(reader), &schema(writer))
    }

    const V1: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[
        {"name":"id","type":"int"},{"name":"state","type":{"type":"enum","name":"S","symbols":["A","B"]}}]}"#;

    #[test]
    fn a_new_field_needs_a_default_to_read_old_data() {
        let with_default = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},
            {"name":"state","type":{"type":"enum","name":"S","symbols":["A","B","C"]}},
            {"name":"note","type":["null","string"],"default":null}]}"#;
        assert_eq!(judge(with_default, V1), Vec::<String>::new());
        let without = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"int"},
            {"name":"state","type":{"type":"enum","name":"S","symbols":["A","B"]}},{"name":"note","type":"string"}]}"#;
        assert_eq!(
            judge(without, V1),
            vec!["/fields/note: a new field without a default (the writer does not have it)"]
        );
        // The other way round: old readers ignore the new field, but lack the symbol C
        // and cannot narrow long to int.
        let problems = judge(V1, with_default);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("long cannot be read as int"), "{problems:?}");
        assert!(problems[1].contains("lacks the symbols C"), "{problems:?}");
    }

    #[test]
    fn unions_promotions_and_named_types() {
        assert!(judge(r#"["null","long"]"#, r#""int""#).is_empty());
        assert!(!judge(r#""int""#, r#"["null","int"]"#).is_empty());
        assert!(judge(r#"["null","string","long"]"#, r#"["null","int"]"#).is_empty());
        assert!(judge(r#""bytes""#, r#""string""#).is_empty());
        assert!(
            judge(
                r#"{"type":"array","items":"double"}"#,
                r#"{"type":"array","items":"float"}"#
            )
            .is_empty()
        );
        assert!(
            !judge(
                r#"{"type":"map","values":"int"}"#,
                r#"{"type":"map","values":"string"}"#
            )
            .is_empty()
        );
        assert!(
            !judge(
                r#"{"type":"fixed","name":"F","size":4}"#,
                r#"{"type":"fixed","name":"F","size":8}"#
            )
            .is_empty()
        );
        // A decimal is its bytes; a timestamp its long.
        assert!(
            judge(
                r#"{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}"#,
                r#""bytes""#
            )
            .is_empty()
        );
        assert!(judge(r#""long""#, r#"{"type":"long","logicalType":"timestamp-millis"}"#).is_empty());
        let renamed = V1.replace("\"Order\"", "\"Invoice\"");
        assert!(judge(&renamed, V1)[0].contains("is read as record"));
        // A recursive record is compatible with itself.
        let list = r#"{"type":"record","name":"L","fields":[{"name":"next","type":["null","L"]}]}"#;
        assert!(judge(list, list).is_empty());
    }
}
