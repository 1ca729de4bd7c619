//! `eddy schemas` against two registries: eddy's own (`eddy dev --registry`) and
//! franz-go's srfake, which eddy's team did not write. Each test body runs against
//! both (`registry::NAME::dev`, `registry::NAME::srfake`).

use serde_json::{Value, json};

use crate::support::TestRegistry;

/// Runs the test body against `eddy dev --registry` and against srfake.
macro_rules! against_both {
    ($name:ident) => {
        mod $name {
            #[test]
            fn dev() {
                super::$name(&crate::support::TestRegistry::dev());
            }
            #[test]
            fn srfake() {
                if let Some(r) = crate::support::TestRegistry::srfake(concat!(stringify!($name), "::srfake"), None) {
                    super::$name(&r);
                }
            }
        }
    };
}

const ORDER_V1: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"}]}"#;
const ORDER_V2: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"note","type":["null","string"],"default":null}]}"#;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn json_of(r: &crate::support::Run) -> Value {
    serde_json::from_slice(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.text()))
}

against_both!(register_twice_keeps_the_id_and_list_versions_show_get_agree);
fn register_twice_keeps_the_id_and_list_versions_show_get_agree(r: &TestRegistry) {
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(&dir, "order.avsc", ORDER_V1);
    let v2 = file(&dir, "order2.avsc", ORDER_V2);
    let first = json_of(
        &r.eddy(&["schemas", "register", "orders-value", &v1, "--output", "json"])
            .ok(),
    );
    let id1 = first["id"].as_u64().expect("an id");
    assert_eq!(first["version"], 1, "{first}");
    let again = json_of(
        &r.eddy(&["schemas", "register", "orders-value", &v1, "--output", "json"])
            .ok(),
    );
    assert_eq!(again, first);
    let second = r.eddy(&["schemas", "register", "orders-value", &v2]).ok();
    assert!(
        second.text().starts_with("registered under orders-value: id "),
        "{}",
        second.text()
    );
    assert!(second.text().trim_end().ends_with(", version 2"), "{}", second.text());

    let list = json_of(&r.eddy(&["schemas", "list", "--output", "json"]).ok());
    let id2 = list[0]["id"].as_u64().expect("an id");
    assert_ne!(id1, id2);
    assert_eq!(
        list,
        json!([{"subject": "orders-value", "version": 2, "id": id2, "type": "avro"}])
    );
    let table = r.eddy(&["schemas"]).ok().lines();
    assert_eq!(table[0], "SUBJECT       LATEST  ID  TYPE");
    assert_eq!(table[1], format!("orders-value  2       {id2:<2}  avro"));

    let versions = json_of(
        &r.eddy(&["schemas", "versions", "orders-value", "--output", "json"])
            .ok(),
    );
    assert_eq!(
        versions,
        json!([{"version": 1, "id": id1, "type": "avro"}, {"version": 2, "id": id2, "type": "avro"}])
    );
    let latest = json_of(&r.eddy(&["schemas", "show", "orders-value", "--output", "json"]).ok());
    assert_eq!(
        (latest["version"].clone(), latest["schema"].clone()),
        (json!(2), json!(ORDER_V2))
    );
    let shown = r
        .eddy(&["schemas", "show", "orders-value", "--version", "1"])
        .ok()
        .lines();
    assert!(
        shown[0].starts_with(&format!("subject orders-value version 1: id {id1}, avro")),
        "{}",
        shown[0]
    );
    assert_eq!(shown[1], ORDER_V1);
    let got = json_of(&r.eddy(&["schemas", "get", &id1.to_string(), "--output", "json"]).ok());
    assert_eq!(
        (got["id"].clone(), got["type"].clone(), got["schema"].clone()),
        (json!(id1), json!("avro"), json!(ORDER_V1))
    );
}

against_both!(protobuf_with_a_reference_and_json_schema_by_extension);
fn protobuf_with_a_reference_and_json_schema_by_extension(r: &TestRegistry) {
    let dir = tempfile::tempdir().unwrap();
    let money = file(
        &dir,
        "money.proto",
        "syntax = \"proto3\";\npackage common;\nmessage Money { int64 cents = 1; }\n",
    );
    let order = file(
        &dir,
        "order.proto",
        "syntax = \"proto3\";\npackage shop;\nimport \"common/money.proto\";\nmessage Order { common.Money total = 1; }\n",
    );
    let event = file(
        &dir,
        "event.json",
        r#"{"type":"object","properties":{"id":{"type":"integer"}}}"#,
    );
    r.eddy(&["schemas", "register", "money", &money]).ok();
    let registered = json_of(
        &r.eddy(&[
            "schemas",
            "register",
            "orders-value",
            &order,
            "--reference",
            "common/money.proto=money:1",
            "--output",
            "json",
        ])
        .ok(),
    );
    let id = registered["id"].to_string();
    // `get` resolves the references: it fails if the registry cannot serve them.
    let got = json_of(&r.eddy(&["schemas", "get", &id, "--output", "json"]).ok());
    assert_eq!(got["type"], "protobuf");
    assert_eq!(
        got["references"],
        json!([{"name": "common/money.proto", "subject": "money", "version": 1}])
    );
    let table = r.eddy(&["schemas", "get", &id]).ok().lines();
    assert_eq!(table[1], "reference common/money.proto = subject money version 1");

    let json_schema = json_of(
        &r.eddy(&["schemas", "register", "events-value", &event, "--output", "json"])
            .ok(),
    );
    let shown = json_of(
        &r.eddy(&["schemas", "get", &json_schema["id"].to_string(), "--output", "json"])
            .ok(),
    );
    assert_eq!(shown["type"], "json-schema");
    // The extension can be overridden.
    let as_avro = file(&dir, "string.schema", "\"string\"");
    r.eddy(&["schemas", "register", "s", &as_avro]).code(2);
    let s = json_of(
        &r.eddy(&[
            "schemas",
            "register",
            "s",
            &as_avro,
            "--schema-type",
            "avro",
            "--output",
            "json",
        ])
        .ok(),
    );
    assert_eq!(s["version"], 1);
}

against_both!(check_then_soft_and_permanent_delete);
fn check_then_soft_and_permanent_delete(r: &TestRegistry) {
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(&dir, "order.avsc", ORDER_V1);
    let v2 = file(&dir, "order2.avsc", ORDER_V2);
    let fresh = r.eddy(&["schemas", "check", "orders-value", &v1]).ok();
    assert!(fresh.text().starts_with("compatible"), "{}", fresh.text());
    let id = json_of(
        &r.eddy(&["schemas", "register", "orders-value", &v1, "--output", "json"])
            .ok(),
    )["id"]
        .to_string();
    let checked = json_of(
        &r.eddy(&["schemas", "check", "orders-value", &v2, "--output", "json"])
            .ok(),
    );
    assert_eq!(
        (checked["subject"].clone(), checked["compatible"].clone()),
        (json!("orders-value"), json!(true))
    );

    let soft = json_of(&r.eddy(&["schemas", "delete", "orders-value", "--output", "json"]).ok());
    assert_eq!(
        soft,
        json!({"subject": "orders-value", "versions": [1], "permanent": false})
    );
    assert_eq!(
        json_of(&r.eddy(&["schemas", "list", "--output", "json"]).ok()),
        json!([])
    );
    // A soft-deleted subject's schema is still served by id (consumers of old records).
    r.eddy(&["schemas", "get", &id]).ok();
    let hard = r.eddy(&["schemas", "delete", "orders-value", "--permanent"]).ok();
    assert!(
        hard.text().starts_with("deleted orders-value (permanently): version 1"),
        "{}",
        hard.text()
    );
    let gone = r.eddy(&["schemas", "versions", "orders-value"]).code(1);
    assert!(
        gone.stderr.contains("HTTP 404") && gone.stderr.contains("40401"),
        "{}",
        gone.stderr
    );

    // Permanent at once: eddy soft-deletes first, as the registry requires.
    r.eddy(&["schemas", "register", "other", &v1]).ok();
    let at_once = json_of(
        &r.eddy(&["schemas", "delete", "other", "--permanent", "--output", "json"])
            .ok(),
    );
    assert_eq!(at_once["versions"], json!([1]));
}

against_both!(unknown_ids_subjects_and_versions_are_one_line_errors);
fn unknown_ids_subjects_and_versions_are_one_line_errors(r: &TestRegistry) {
    for (args, needle) in [
        (&["schemas", "get", "4242"][..], "GET /schemas/ids/4242: HTTP 404"),
        (
            &["schemas", "show", "nope"][..],
            "GET /subjects/nope/versions/latest: HTTP 404",
        ),
        (
            &["schemas", "versions", "nope"][..],
            "GET /subjects/nope/versions: HTTP 404",
        ),
        (&["schemas", "delete", "nope"][..], "DELETE /subjects/nope: HTTP 404"),
    ] {
        let e = r.eddy(args).code(1);
        let lines: Vec<&str> = e.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {}", e.stderr);
        assert!(
            lines[0].starts_with(&format!("eddy: schema registry at {}: ", r.url)) && lines[0].contains(needle),
            "{args:?}: {}",
            e.stderr
        );
    }
}

/// `eddy dev --registry` judges Avro compatibility (srfake answers "compatible" to
/// everything, so this is eddy's registry only): BACKWARD by default, so a new field
/// without a default is refused by `check` (exit 1, with the field) and by `register`;
/// per-subject `/config` changes the verdict.
#[test]
fn dev_registry_judges_avro_compatibility_by_the_subjects_level() {
    let r = TestRegistry::dev();
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(&dir, "order.avsc", ORDER_V1);
    let v2 = file(&dir, "order2.avsc", ORDER_V2);
    let v3 = file(
        &dir,
        "order3.avsc",
        r#"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"qty","type":"int"}]}"#,
    );
    r.eddy(&["schemas", "register", "orders-value", &v1]).ok();
    let good = json_of(
        &r.eddy(&["schemas", "check", "orders-value", &v2, "--output", "json"])
            .ok(),
    );
    assert_eq!(good["compatible"], json!(true), "{good}");
    let bad = r.eddy(&["schemas", "check", "orders-value", &v3]).code(1);
    assert!(bad.text().starts_with("not compatible"), "{}", bad.text());
    assert!(
        bad.text().contains("/fields/qty: a new field without a default"),
        "{}",
        bad.text()
    );
    let refused = r.eddy(&["schemas", "register", "orders-value", &v3]).code(1);
    assert!(
        refused.stderr.contains("409") && refused.stderr.contains("incompatible"),
        "{}",
        refused.stderr
    );
    // With the subject's level at NONE, the same schema is fine.
    let config = format!("{}/config/orders-value", r.url);
    let put = std::process::Command::new("curl")
        .args([
            "-sf",
            "-X",
            "PUT",
            "-H",
            "Content-Type: application/json",
            "-d",
            r#"{"compatibility":"NONE"}"#,
            &config,
        ])
        .output()
        .expect("curl");
    assert!(put.status.success(), "{}", String::from_utf8_lossy(&put.stderr));
    r.eddy(&["schemas", "check", "orders-value", &v3]).ok();
    r.eddy(&["schemas", "register", "orders-value", &v3]).ok();
}

/// `eddy dev --registry` judges Protobuf by its descriptors (a field number reused
/// with a type of another wire group breaks it; a field added does not), as
/// Confluent's registry does: `check` exits 1 naming the field, `register` is refused.
#[test]
fn dev_registry_judges_protobuf_compatibility() {
    let r = TestRegistry::dev();
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(
        &dir,
        "order.proto",
        "syntax = \"proto3\"; package shop; message Order { int32 id = 1; repeated string items = 3; }",
    );
    let v2 = file(
        &dir,
        "order2.proto",
        "syntax = \"proto3\"; package shop; message Order { int64 id = 1; repeated string items = 3; string note = 4; }",
    );
    let v3 = file(
        &dir,
        "order3.proto",
        "syntax = \"proto3\"; package shop; message Order { int32 id = 1; repeated int32 items = 3; }",
    );
    r.eddy(&["schemas", "register", "orders-value", &v1]).ok();
    let good = json_of(
        &r.eddy(&["schemas", "check", "orders-value", &v2, "--output", "json"])
            .ok(),
    );
    assert_eq!(good["compatible"], json!(true), "{good}");
    let bad = r.eddy(&["schemas", "check", "orders-value", &v3]).code(1);
    assert!(bad.text().starts_with("not compatible"), "{}", bad.text());
    assert!(
        bad.text()
            .contains(".shop.Order.items: field 3 changed from string to int32"),
        "{}",
        bad.text()
    );
    let refused = r.eddy(&["schemas", "register", "orders-value", &v3]).code(1);
    assert!(
        refused.stderr.contains("409") && refused.stderr.contains("incompatible"),
        "{}",
        refused.stderr
    );
    r.eddy(&["schemas", "register", "orders-value", &v2]).ok();
}

/// `eddy dev --registry` judges JSON Schema by what documents each accepts: BACKWARD
/// by default, so a property newly required is refused (the old documents may lack
/// it), while one dropped from an open content model is fine.
#[test]
fn dev_registry_judges_json_schema_compatibility() {
    let r = TestRegistry::dev();
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(
        &dir,
        "order.json",
        r#"{"type":"object","properties":{"id":{"type":"integer"},"note":{"type":"string"}}}"#,
    );
    let v2 = file(
        &dir,
        "order2.json",
        r#"{"type":"object","properties":{"id":{"type":"number"}}}"#,
    );
    let v3 = file(
        &dir,
        "order3.json",
        r#"{"type":"object","properties":{"id":{"type":"integer"},"note":{"type":"string","maxLength":10}},"required":["note"]}"#,
    );
    r.eddy(&["schemas", "register", "orders-value", &v1]).ok();
    let good = json_of(
        &r.eddy(&["schemas", "check", "orders-value", &v2, "--output", "json"])
            .ok(),
    );
    assert_eq!(good["compatible"], json!(true), "{good}");
    let bad = json_of(
        &r.eddy(&["schemas", "check", "orders-value", &v3, "--output", "json"])
            .code(1),
    );
    assert_eq!(bad["compatible"], json!(false), "{bad}");
    let text = bad.to_string();
    assert!(text.contains("#/required/note: newly required"), "{bad}");
    assert!(
        text.contains("#/properties/note/maxLength: added (10) where the writer had none"),
        "{bad}"
    );
    let refused = r.eddy(&["schemas", "register", "orders-value", &v3]).code(1);
    assert!(refused.stderr.contains("409"), "{}", refused.stderr);
}
