//! One test per rule of `json_schema_compat`, each in both directions: BACKWARD (the
//! new schema reads the old one's documents) and FORWARD (the old reads the new's).

use serde_json::{Value, json};

use super::incompatibilities;
use crate::codec::schema::{SchemaKind, SchemaSource};

fn source(v: &Value) -> SchemaSource {
    SchemaSource {
        kind: SchemaKind::JsonSchema,
        text: v.to_string(),
        references: Vec::new(),
    }
}

/// (BACKWARD problems, FORWARD problems) of the change from `old` to `new`.
fn judge(old: Value, new: Value) -> (Vec<String>, Vec<String>) {
    let (o, n) = (source(&old), source(&new));
    (
        incompatibilities(&n, &o).expect("JSON"),
        incompatibilities(&o, &n).expect("JSON"),
    )
}

fn none() -> Vec<String> {
    Vec::new()
}

#[test]
fn a_type_may_widen_but_not_narrow() {
    let (back, fwd) = judge(json!({"type": "integer"}), json!({"type": "number"}));
    assert_eq!(back, none());
    assert_eq!(
        fwd,
        vec!["#: type narrowed from number to integer (number no longer allowed)"]
    );
    let (back, fwd) = judge(json!({"type": "string"}), json!({"type": ["string", "null"]}));
    assert_eq!((back, fwd.len()), (none(), 1));
    let (back, fwd) = judge(json!({"type": "string"}), json!({"type": "boolean"}));
    assert_eq!((back.len(), fwd.len()), (1, 1));
    // No type at all is every type.
    let (back, fwd) = judge(json!({}), json!({"type": "string"}));
    assert_eq!(
        back,
        vec!["#: type narrowed from any type to string (any type no longer allowed)"]
    );
    assert_eq!(fwd, none());
}

#[test]
fn a_newly_required_property_breaks_backward_unless_it_has_a_default() {
    let old = json!({"type": "object", "properties": {"id": {"type": "integer"}}});
    let new = json!({"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]});
    let (back, fwd) = judge(old.clone(), new);
    assert_eq!(
        back,
        vec!["#/required/id: newly required (the writer's documents may lack it)"]
    );
    assert_eq!(fwd, none());
    let defaulted =
        json!({"type": "object", "properties": {"id": {"type": "integer", "default": 0}}, "required": ["id"]});
    assert_eq!(judge(old, defaulted).0, none());
}

#[test]
fn properties_under_open_and_closed_content_models() {
    let open = |props: Value| json!({"type": "object", "properties": props});
    let closed = |props: Value| json!({"type": "object", "properties": props, "additionalProperties": false});
    let one = json!({"id": {"type": "integer"}});
    let two = json!({"id": {"type": "integer"}, "note": {"type": "string"}});
    // Open: removing is fine (the reader ignores it), adding is not (old documents may
    // have held anything under the name).
    let (back, fwd) = judge(open(two.clone()), open(one.clone()));
    assert_eq!(back, none());
    assert_eq!(
        fwd,
        vec![
            "#/properties/note: added, but the writer's content model was open (its documents may hold any value there)"
        ]
    );
    // Closed: adding is fine, removing is not.
    let (back, fwd) = judge(closed(one.clone()), closed(two.clone()));
    assert_eq!(back, none());
    assert_eq!(
        fwd,
        vec!["#/properties/note: removed, and the reader's content model is closed (additionalProperties: false)"]
    );
    // A property that accepts anything may join an open model.
    let anything = json!({"id": {"type": "integer"}, "extra": {}});
    assert_eq!(judge(open(one.clone()), open(anything)).0, none());
    // The writer's additionalProperties schema stands for the names it did not list.
    let typed = json!({"type": "object", "properties": one, "additionalProperties": {"type": "string"}});
    assert_eq!(judge(typed.clone(), open(two.clone())).0, none());
    let wrong = json!({"id": {"type": "integer"}, "note": {"type": "integer"}});
    assert_eq!(
        judge(typed, open(wrong)).0,
        vec!["#/properties/note: type narrowed from string to integer (string no longer allowed)"]
    );
}

#[test]
fn additional_properties_from_true_to_false() {
    let props = json!({"id": {"type": "integer"}});
    let open = json!({"type": "object", "properties": props});
    let closed = json!({"type": "object", "properties": props, "additionalProperties": false});
    let (back, fwd) = judge(open, closed);
    assert_eq!(back, vec!["#/additionalProperties: changed from true to false"]);
    assert_eq!(fwd, none());
}

#[test]
fn enums_may_widen_but_not_narrow() {
    let (back, fwd) = judge(json!({"enum": ["a", "b"]}), json!({"enum": ["a", "b", "c"]}));
    assert_eq!(back, none());
    assert_eq!(fwd, vec![r#"#: enum narrowed: the reader lacks "c""#]);
    let (back, _) = judge(json!({"type": "string"}), json!({"type": "string", "enum": ["a"]}));
    assert_eq!(back, vec!["#: enum added: the writer allowed any value"]);
    assert_eq!(judge(json!({"const": "a"}), json!({"enum": ["a", "b"]})).0, none());
}

#[test]
fn bounds_may_loosen_but_not_tighten() {
    for (key, loose, tight) in [
        ("maximum", 100, 50),
        ("maxLength", 10, 5),
        ("maxItems", 4, 2),
        ("minimum", 0, 5),
        ("minLength", 1, 3),
        ("minItems", 0, 1),
    ] {
        let (back, fwd) = judge(json!({ key: loose }), json!({ key: tight }));
        assert_eq!(back.len(), 1, "{key}: {back:?}");
        assert!(back[0].starts_with(&format!("#/{key}: ")), "{back:?}");
        assert_eq!(fwd, none(), "{key}");
        // A bound where there was none is a tightening too; dropping one is not.
        let (back, fwd) = judge(json!({}), json!({ key: tight }));
        assert_eq!(back.len(), 1, "{key}: {back:?}");
        assert_eq!(fwd, none());
    }
    assert_eq!(
        judge(json!({"maximum": 100}), json!({"maximum": 50})).0,
        vec!["#/maximum: lowered from 100 to 50"]
    );
}

#[test]
fn recursion_into_properties_items_and_refs() {
    let old = json!({
        "type": "object",
        "properties": {
            "lines": {"type": "array", "items": {"$ref": "#/definitions/line"}},
        },
        "definitions": {"line": {"type": "object", "properties": {"qty": {"type": "integer", "maximum": 10}}}}
    });
    let mut new = old.clone();
    new["definitions"]["line"]["properties"]["qty"]["maximum"] = json!(5);
    assert_eq!(
        judge(old.clone(), new).0,
        vec!["#/properties/lines/items/properties/qty/maximum: lowered from 10 to 5"]
    );
    // A recursive schema is compatible with itself, and the walk ends.
    let tree = json!({"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#"}}}});
    assert_eq!(judge(tree.clone(), tree), (none(), none()));
    // A $ref into nowhere is a problem, not a pass.
    let dangling = json!({"properties": {"lines": {"$ref": "#/definitions/none"}}});
    assert_eq!(
        judge(old, dangling).0,
        vec!["#/properties/lines: the reader's $ref #/definitions/none points nowhere"]
    );
}

#[test]
fn combinators_are_judged_only_when_unchanged() {
    let a = json!({"oneOf": [{"type": "string"}, {"type": "integer"}]});
    assert_eq!(judge(a.clone(), a.clone()), (none(), none()));
    let b = json!({"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]});
    let (back, fwd) = judge(a, b);
    assert_eq!(back, vec!["#: oneOf changed (eddy judges it only when unchanged)"]);
    assert_eq!(fwd.len(), 1);
    let p = json!({"patternProperties": {"^x": {"type": "string"}}});
    assert_eq!(judge(json!({}), p).0.len(), 1);
    // A $ref to another document is not followed: unchanged passes, anything else not.
    let other = json!({"$ref": "money.json"});
    assert_eq!(judge(other.clone(), other.clone()), (none(), none()));
    assert_eq!(
        judge(json!({"type": "object"}), other).0,
        vec!["#: $ref money.json is outside the document (eddy judges it only when unchanged)"]
    );
}

#[test]
fn annotations_do_not_matter() {
    let old = json!({"title": "A", "description": "x", "type": "string", "format": "date"});
    let new = json!({"title": "B", "type": "string", "default": "2020-01-01"});
    assert_eq!(judge(old, new), (none(), none()));
}

#[test]
fn false_and_true_schemas() {
    assert_eq!(judge(json!(false), json!({"type": "string"})).0, none());
    assert_eq!(judge(json!({"type": "string"}), json!(true)).0, none());
    assert_eq!(
        judge(json!({"type": "string"}), json!(false)).0,
        vec!["#: the reader accepts nothing here"]
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_reported_not_followed() {
    // Deep through $refs (serde_json itself refuses documents nested past 128).
    let mut definitions = serde_json::Map::new();
    for i in 0..150 {
        let next = format!("#/definitions/d{}", i + 1);
        definitions.insert(format!("d{i}"), json!({"properties": {"a": {"$ref": next}}}));
    }
    definitions.insert("d150".into(), json!({"type": "string"}));
    let schema = json!({"$ref": "#/definitions/d0", "definitions": definitions});
    let (back, _) = judge(schema.clone(), schema);
    assert_eq!(back.len(), 1, "{back:?}");
    assert!(
        back[0].ends_with("nested deeper than 100 levels, not judged"),
        "{back:?}"
    );
}
