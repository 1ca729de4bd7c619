//! Protobuf schema compatibility, as Confluent's registry judges it: can a reader with
//! one schema read what a writer with another wrote. Two compiled files are compared
//! message by message (by name, nested ones within their parent) and field by field
//! (by number, which is what the wire carries). What breaks it:
//!
//! - the package changed, or a message the writer has is missing from the reader;
//! - a field number kept with a type outside its wire-compatible group — int32, uint32,
//!   int64, uint64, bool and enums; sint32 and sint64; fixed32 and sfixed32; fixed64 and
//!   sfixed64; string and bytes; float; double — or a scalar became a message or a map,
//!   or a message field names another message (by its name within its package);
//! - a proto2 `required` field added or removed, or a kept field's `required` added or
//!   dropped (a stricter reading than Confluent's, which looks only at added and removed
//!   fields: a reader that requires what old data lacks cannot read it);
//! - several fields moved into one new oneof, one moved into a oneof that already had
//!   fields, or a field removed from a oneof that is kept.
//!
//! Adding and removing optional fields, renaming fields and messages' order, adding
//! messages, oneofs and any change to enums (values added, renumbered or removed) are
//! compatible, as Confluent has them; so is singular ⇄ repeated, which it does not judge
//! either. Map entries are not messages here: a map field is judged by its key and value.

use std::collections::{BTreeMap, HashSet};

use prost_reflect::{Cardinality, FieldDescriptor, FileDescriptor, Kind, MessageDescriptor};

use super::schema::{SchemaError, SchemaSource};

/// How deep message fields are followed (one message in another's field, and so on):
/// past it the pair is reported rather than judged, so that no schema can exhaust the
/// stack of the registry's connection thread.
const MAX_DEPTH: usize = 100;

/// Why a reader with the schema `reader` cannot read data written with `writer`, one
/// line per problem, each naming where (`.shop.Order.items: ...`); empty when it can.
pub fn incompatibilities(reader: &SchemaSource, writer: &SchemaSource) -> Result<Vec<String>, SchemaError> {
    let r = super::protobuf::compile_file(reader)?;
    let w = super::protobuf::compile_file(writer)?;
    Ok(compare(&r, &w))
}

fn compare(reader: &FileDescriptor, writer: &FileDescriptor) -> Vec<String> {
    let mut c = Check {
        seen: HashSet::new(),
        depth: 0,
        problems: Vec::new(),
    };
    if reader.package_name() != writer.package_name() {
        c.problems.push(format!(
            "package: changed from '{}' to '{}'",
            writer.package_name(),
            reader.package_name()
        ));
    }
    c.messages(writer.messages(), reader.messages());
    c.problems
}

struct Check {
    /// Message pairs (writer's full name, reader's) already compared: each once, however
    /// many fields name it, and a recursive message ends.
    seen: HashSet<(String, String)>,
    /// Messages under way, for [`MAX_DEPTH`].
    depth: usize,
    problems: Vec<String>,
}

/// How a field's type reads on the wire, for telling compatible changes from others.
#[derive(Debug, PartialEq, Eq)]
enum Shape {
    Scalar(&'static str),
    Map,
    Message,
}

/// The wire-compatible group of a scalar kind (Protobuf's "updating a message type"
/// rules, as Confluent groups them): changes within a group read back.
fn group(kind: &Kind) -> &'static str {
    match kind {
        Kind::Int32 | Kind::Int64 | Kind::Uint32 | Kind::Uint64 | Kind::Bool | Kind::Enum(_) => "varint",
        Kind::Sint32 | Kind::Sint64 => "zigzag",
        Kind::Fixed32 | Kind::Sfixed32 => "fixed32",
        Kind::Fixed64 | Kind::Sfixed64 => "fixed64",
        Kind::String | Kind::Bytes => "length-delimited",
        Kind::Float => "float",
        Kind::Double => "double",
        Kind::Message(_) => "message",
    }
}

fn shape(field: &FieldDescriptor) -> Shape {
    match field.kind() {
        Kind::Message(_) if field.is_map() => Shape::Map,
        Kind::Message(_) => Shape::Message,
        k => Shape::Scalar(group(&k)),
    }
}

/// A type as a person wrote it: `int32`, `.shop.Money`, `map<string, int64>`.
fn type_name(field: &FieldDescriptor) -> String {
    match field.kind() {
        Kind::Message(m) if field.is_map() => format!(
            "map<{}, {}>",
            type_name(&m.map_entry_key_field()),
            type_name(&m.map_entry_value_field())
        ),
        Kind::Message(m) => format!(".{}", m.full_name()),
        Kind::Enum(e) => format!(".{}", e.full_name()),
        k => format!("{k:?}").to_lowercase(),
    }
}

/// A message's name within its package, which is what Confluent compares named types by.
fn local_name(m: &MessageDescriptor) -> &str {
    let package = m.package_name();
    m.full_name()
        .strip_prefix(package)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(m.full_name())
}

/// The oneof a field is a member of, leaving out the synthetic ones proto3 `optional`
/// makes (those are presence, not a choice).
fn oneof(field: &FieldDescriptor) -> Option<String> {
    field
        .containing_oneof()
        .filter(|o| !o.is_synthetic())
        .map(|o| o.name().to_string())
}

impl Check {
    /// Messages at one level (a file's, or one message's nested ones), paired by name.
    fn messages(
        &mut self,
        writer: impl Iterator<Item = MessageDescriptor>,
        reader: impl Iterator<Item = MessageDescriptor>,
    ) {
        let reader: Vec<MessageDescriptor> = reader.filter(|m| !m.is_map_entry()).collect();
        for w in writer.filter(|m| !m.is_map_entry()) {
            match reader.iter().find(|r| r.name() == w.name()) {
                Some(r) => self.message(&w, r),
                None => self
                    .problems
                    .push(format!(".{}: the reader has no such message", w.full_name())),
            }
        }
    }

    fn message(&mut self, w: &MessageDescriptor, r: &MessageDescriptor) {
        if !self.seen.insert((w.full_name().to_string(), r.full_name().to_string())) {
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.problems.push(format!(
                ".{}: nested deeper than {MAX_DEPTH} messages, not judged",
                w.full_name()
            ));
            return;
        }
        self.depth += 1;
        self.message_fields(w, r);
        self.depth -= 1;
    }

    fn message_fields(&mut self, w: &MessageDescriptor, r: &MessageDescriptor) {
        let at = format!(".{}", w.full_name());
        let wf: BTreeMap<u32, FieldDescriptor> = w.fields().map(|f| (f.number(), f)).collect();
        let rf: BTreeMap<u32, FieldDescriptor> = r.fields().map(|f| (f.number(), f)).collect();
        for (n, f) in &wf {
            match rf.get(n) {
                Some(g) => self.field(&at, f, g),
                None if f.cardinality() == Cardinality::Required => self
                    .problems
                    .push(format!("{at}.{}: required field {n} was removed", f.name())),
                None => {
                    // Dropping a field is fine, but not out of a oneof that stays: a
                    // reader would see the choice as unset.
                    if let Some(o) = oneof(f).filter(|o| r.oneofs().any(|ro| ro.name() == o)) {
                        self.problems
                            .push(format!("{at}.{}: field {n} was removed from oneof {o}", f.name()));
                    }
                }
            }
        }
        for (n, g) in &rf {
            if !wf.contains_key(n) && g.cardinality() == Cardinality::Required {
                self.problems
                    .push(format!("{at}.{}: required field {n} was added", g.name()));
            }
        }
        self.oneof_moves(&at, &wf, r);
        self.messages(w.child_messages(), r.child_messages());
    }

    /// Fields that enter a oneof: one plain field may become a oneof of its own (its
    /// data reads as that choice), but two in one oneof, or one joining a oneof that
    /// already had members, make old data that set both ambiguous.
    fn oneof_moves(&mut self, at: &str, wf: &BTreeMap<u32, FieldDescriptor>, r: &MessageDescriptor) {
        for o in r.oneofs().filter(|o| !o.is_synthetic()) {
            let mut moved = Vec::new();
            let mut existing = 0;
            for g in o.fields() {
                match wf.get(&g.number()).map(oneof) {
                    Some(None) => moved.push(g.number().to_string()),
                    Some(Some(_)) => existing += 1,
                    None => {}
                }
            }
            if moved.len() > 1 {
                self.problems.push(format!(
                    "{at}: fields {} moved into one oneof {}",
                    moved.join(", "),
                    o.name()
                ));
            } else if moved.len() == 1 && existing > 0 {
                self.problems.push(format!(
                    "{at}: field {} moved into the existing oneof {}",
                    moved[0],
                    o.name()
                ));
            }
        }
    }

    /// One field number in both: its type and its `required`.
    fn field(&mut self, at: &str, w: &FieldDescriptor, r: &FieldDescriptor) {
        let here = format!("{at}.{}", w.name());
        let required = |f: &FieldDescriptor| f.cardinality() == Cardinality::Required;
        if required(w) != required(r) {
            let what = if required(r) {
                "became required"
            } else {
                "is no longer required"
            };
            self.problems.push(format!("{here}: field {} {what}", w.number()));
        }
        self.types(&here, w.number(), w, r);
    }

    fn types(&mut self, here: &str, number: u32, w: &FieldDescriptor, r: &FieldDescriptor) {
        let changed = |c: &mut Check| {
            c.problems.push(format!(
                "{here}: field {number} changed from {} to {}",
                type_name(w),
                type_name(r)
            ));
        };
        match (shape(w), shape(r), w.kind(), r.kind()) {
            (Shape::Map, Shape::Map, Kind::Message(wm), Kind::Message(rm)) => {
                self.types(here, number, &wm.map_entry_key_field(), &rm.map_entry_key_field());
                self.types(here, number, &wm.map_entry_value_field(), &rm.map_entry_value_field());
            }
            (Shape::Message, Shape::Message, Kind::Message(wm), Kind::Message(rm)) => {
                if local_name(&wm) == local_name(&rm) {
                    self.message(&wm, &rm);
                } else {
                    changed(self);
                }
            }
            (a, b, _, _) if a != b => changed(self),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::schema::{NamedSchema, SchemaKind};

    fn source(text: &str) -> SchemaSource {
        SchemaSource {
            kind: SchemaKind::Protobuf,
            text: text.to_string(),
            references: Vec::new(),
        }
    }

    /// Both directions at once: what a reader `new` finds reading `old`'s data
    /// (BACKWARD), and what `old` finds reading `new`'s (FORWARD).
    fn judge(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
        let (o, n) = (source(old), source(new));
        (
            incompatibilities(&n, &o).expect("compiles"),
            incompatibilities(&o, &n).expect("compiles"),
        )
    }

    fn proto3(body: &str) -> String {
        format!("syntax = \"proto3\"; package shop; {body}")
    }

    const ORDER: &str = "message Order { int32 id = 1; string note = 2; repeated Item items = 3; }
        message Item { string sku = 1; }";

    #[test]
    fn optional_fields_come_and_go_and_fields_may_be_renamed() {
        let old = proto3(ORDER);
        let added = proto3(
            "message Order { int32 id = 1; string note = 2; repeated Item items = 3; int64 qty = 4; }
             message Item { string sku = 1; }",
        );
        assert_eq!(judge(&old, &added), (vec![], vec![]));
        let renamed = proto3(
            "message Order { int32 ident = 1; string remark = 2; repeated Item items = 3; }
             message Item { string sku = 1; }",
        );
        assert_eq!(judge(&old, &renamed), (vec![], vec![]));
    }

    #[test]
    fn a_field_number_reused_with_another_wire_type_breaks_both_ways() {
        let old = proto3(ORDER);
        let new = proto3(
            "message Order { int32 id = 1; string note = 2; repeated string items = 3; }
             message Item { string sku = 1; }",
        );
        let (back, fwd) = judge(&old, &new);
        assert_eq!(
            back,
            vec![".shop.Order.items: field 3 changed from .shop.Item to string"]
        );
        assert_eq!(
            fwd,
            vec![".shop.Order.items: field 3 changed from string to .shop.Item"]
        );
        let scalar = proto3("message Order { string id = 1; }");
        let (back, _) = judge(&proto3("message Order { int32 id = 1; }"), &scalar);
        assert_eq!(back, vec![".shop.Order.id: field 1 changed from int32 to string"]);
    }

    #[test]
    fn scalar_changes_within_a_wire_group_read_back() {
        let pairs = [
            ("int32", "uint64"),
            ("int64", "bool"),
            ("sint32", "sint64"),
            ("fixed32", "sfixed32"),
            ("fixed64", "sfixed64"),
            ("string", "bytes"),
        ];
        for (a, b) in pairs {
            let old = proto3(&format!("message M {{ {a} v = 1; }}"));
            let new = proto3(&format!("message M {{ {b} v = 1; }}"));
            assert_eq!(judge(&old, &new), (vec![], vec![]), "{a} → {b}");
        }
        for (a, b) in [
            ("int32", "sint32"),
            ("fixed32", "fixed64"),
            ("float", "double"),
            ("int64", "fixed64"),
        ] {
            let old = proto3(&format!("message M {{ {a} v = 1; }}"));
            let new = proto3(&format!("message M {{ {b} v = 1; }}"));
            let (back, fwd) = judge(&old, &new);
            assert_eq!(back.len(), 1, "{a} → {b}: {back:?}");
            assert_eq!(fwd.len(), 1, "{b} → {a}: {fwd:?}");
        }
        // An enum is a varint: it reads as int32 and back.
        let old = proto3("enum S { A = 0; B = 1; } message M { S v = 1; }");
        let new = proto3("enum S { A = 0; B = 1; } message M { int32 v = 1; }");
        assert_eq!(judge(&old, &new), (vec![], vec![]));
    }

    #[test]
    fn a_message_removed_breaks_backward_and_one_added_breaks_forward() {
        let old = proto3(ORDER);
        let fewer = proto3("message Order { int32 id = 1; string note = 2; }");
        let (back, fwd) = judge(&old, &fewer);
        assert_eq!(back, vec![".shop.Item: the reader has no such message"]);
        assert!(fwd.is_empty(), "{fwd:?}");
        let (back, fwd) = judge(&fewer, &old);
        assert!(back.is_empty(), "{back:?}");
        assert_eq!(fwd, vec![".shop.Item: the reader has no such message"]);
        // A renamed message is one removed and one added.
        let renamed = proto3(
            "message Order { int32 id = 1; string note = 2; repeated Line items = 3; }
             message Line { string sku = 1; }",
        );
        let (back, _) = judge(&old, &renamed);
        assert!(
            back.contains(&".shop.Order.items: field 3 changed from .shop.Item to .shop.Line".to_string()),
            "{back:?}"
        );
        assert!(
            back.contains(&".shop.Item: the reader has no such message".to_string()),
            "{back:?}"
        );
    }

    #[test]
    fn nested_messages_and_maps_are_compared_inside() {
        let old =
            proto3("message Order { message Line { int32 qty = 1; } Line line = 1; map<string, int32> tags = 2; }");
        let new =
            proto3("message Order { message Line { string qty = 1; } Line line = 1; map<string, double> tags = 2; }");
        let (mut back, _) = judge(&old, &new);
        back.sort();
        assert_eq!(
            back,
            vec![
                ".shop.Order.Line.qty: field 1 changed from int32 to string",
                ".shop.Order.tags: field 2 changed from int32 to double",
            ]
        );
        let scalar = proto3("message Order { message Line { int32 qty = 1; } Line line = 1; int32 tags = 2; }");
        let (back, _) = judge(&old, &scalar);
        assert_eq!(
            back,
            vec![".shop.Order.tags: field 2 changed from map<string, int32> to int32"]
        );
    }

    #[test]
    fn the_package_is_part_of_the_schema() {
        let old = proto3(ORDER);
        let new = old.replace("package shop;", "package store;");
        let (back, fwd) = judge(&old, &new);
        assert_eq!(back, vec!["package: changed from 'shop' to 'store'"]);
        assert_eq!(fwd, vec!["package: changed from 'store' to 'shop'"]);
    }

    #[test]
    fn proto2_required_fields_cannot_come_or_go() {
        let p2 = |body: &str| format!("syntax = \"proto2\"; package shop; {body}");
        let old = p2("message M { required int32 id = 1; optional string note = 2; }");
        let (back, fwd) = judge(&old, &p2("message M { optional string note = 2; }"));
        assert_eq!(back, vec![".shop.M.id: required field 1 was removed"]);
        assert_eq!(fwd, vec![".shop.M.id: required field 1 was added"]);
        let (back, fwd) = judge(
            &old,
            &p2("message M { required int32 id = 1; required string note = 2; }"),
        );
        assert_eq!(back, vec![".shop.M.note: field 2 became required"]);
        assert_eq!(fwd, vec![".shop.M.note: field 2 is no longer required"]);
        let (back, fwd) = judge(
            &old,
            &p2("message M { required int32 id = 1; optional string note = 2; optional int32 x = 3; }"),
        );
        assert_eq!((back, fwd), (vec![], vec![]));
    }

    #[test]
    fn oneofs_take_one_plain_field_but_not_two() {
        let old = proto3("message M { int32 a = 1; string b = 2; int32 c = 3; }");
        let one = proto3("message M { oneof pick { int32 a = 1; } string b = 2; int32 c = 3; }");
        assert_eq!(judge(&old, &one).0, Vec::<String>::new());
        let two = proto3("message M { oneof pick { int32 a = 1; string b = 2; } int32 c = 3; }");
        assert_eq!(
            judge(&old, &two).0,
            vec![".shop.M: fields 1, 2 moved into one oneof pick"]
        );
        let joined = proto3("message M { oneof pick { int32 a = 1; string b = 2; int32 c = 3; } }");
        assert_eq!(
            judge(&two, &joined).0,
            vec![".shop.M: field 3 moved into the existing oneof pick"]
        );
        // Out of a oneof is fine; out of the message from a kept oneof is not.
        assert_eq!(judge(&two, &old).0, Vec::<String>::new());
        let dropped = proto3("message M { oneof pick { int32 a = 1; } int32 c = 3; }");
        assert_eq!(
            judge(&two, &dropped).0,
            vec![".shop.M.b: field 2 was removed from oneof pick"]
        );
        // proto3 `optional` is a synthetic oneof, not a choice.
        let optional = proto3("message M { optional int32 a = 1; optional string b = 2; int32 c = 3; }");
        assert_eq!(judge(&old, &optional), (vec![], vec![]));
    }

    #[test]
    fn enum_changes_are_compatible_as_confluent_has_them() {
        let old = proto3("enum S { A = 0; B = 1; C = 2; } message M { S s = 1; }");
        let new = proto3("enum S { A = 0; B = 1; } message M { S s = 1; }");
        assert_eq!(judge(&old, &new), (vec![], vec![]));
    }

    #[test]
    fn imported_messages_are_compared_and_recursion_ends() {
        let money = |field: &str| NamedSchema {
            name: "money.proto".into(),
            text: format!("syntax = \"proto3\"; package pay; message Money {{ {field} units = 1; }}"),
        };
        let sale = "syntax = \"proto3\"; package shop; import \"money.proto\";
            message Sale { pay.Money price = 1; Sale next = 2; }";
        let with = |field: &str| SchemaSource {
            kind: SchemaKind::Protobuf,
            text: sale.to_string(),
            references: vec![money(field)],
        };
        assert!(incompatibilities(&with("int64"), &with("int64")).unwrap().is_empty());
        assert_eq!(
            incompatibilities(&with("string"), &with("int64")).unwrap(),
            vec![".pay.Money.units: field 1 changed from int64 to string"]
        );
    }

    #[test]
    fn a_chain_of_messages_deeper_than_the_limit_is_reported_not_followed() {
        let mut text = String::from("syntax = \"proto3\"; package deep;");
        for i in 0..150 {
            text.push_str(&format!(" message M{i} {{ M{} next = 1; }}", i + 1));
        }
        text.push_str(" message M150 { int32 v = 1; }");
        let problems = incompatibilities(&source(&text), &source(&text)).expect("compiles");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("nested deeper than 100 messages"), "{problems:?}");
    }

    #[test]
    fn a_schema_that_does_not_compile_is_an_error_not_a_verdict() {
        let bad = source("syntax = \"proto3\"; message {");
        assert!(incompatibilities(&bad, &source(&proto3(ORDER))).is_err());
    }
}
