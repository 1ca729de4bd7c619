//! `eddy pipe` with schemas (eddy dev's registry): a decoded value the filter changed
//! goes back with its own schema id; `--encode` with `--schema-id` or `--subject`
//! encodes the outputs; a value that names a schema the registry does not have is a
//! decode failure, dead-lettered with its stage.

use crate::support::{Cluster, TestRegistry, run};

const ORDER_AVSC: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"id","type":"long"},{"name":"note","type":["null","string"]}]}"#;

fn eddy(c: &Cluster, r: &TestRegistry, args: &[&str], input: &str) -> crate::support::Run {
    let mut cmd = c.cmd(args);
    cmd.env("EDDY_REGISTRY_URL", &r.url)
        .env_remove("EDDY_REGISTRY_USERNAME")
        .env_remove("EDDY_REGISTRY_PASSWORD")
        .env_remove("EDDY_REGISTRY_TOKEN");
    run(cmd, Some(input.as_bytes().to_vec()))
}

/// The first five bytes of each value (magic byte and schema id), as consume shows them
/// undecoded.
fn prefixes(c: &Cluster, topic: &str) -> Vec<Vec<u8>> {
    use base64::Engine as _;
    c.eddy(&["consume", topic, "-e", "-f", "json", "--decode", "none", "-q"])
        .ok()
        .json_lines()
        .iter()
        .map(|l| {
            let v = l["value"].as_str().unwrap();
            let bytes = match l["value_type"].as_str() {
                Some("base64") => base64::engine::general_purpose::STANDARD.decode(v).unwrap(),
                _ => v.as_bytes().to_vec(),
            };
            bytes[..5].to_vec()
        })
        .collect()
}

fn setup() -> (Cluster, TestRegistry, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("order.avsc"), ORDER_AVSC).unwrap();
    (
        Cluster::dev(&[
            "--topic", "in:1", "--topic", "out:1", "--topic", "json:1", "--topic", "dead:1",
        ]),
        TestRegistry::dev(),
        dir,
    )
}

#[test]
fn pipe_writes_a_decoded_value_back_with_its_own_schema_id() {
    let (c, r, dir) = setup();
    let schema = dir.path().join("order.avsc");
    let input = "{\"id\":1,\"note\":\"hi\"}\n{\"id\":2,\"note\":null}\n";
    let produce = [
        "produce",
        "in",
        "--schema",
        schema.to_str().unwrap(),
        "--register",
        "-q",
    ];
    eddy(&c, &r, &produce, input).ok();
    eddy(
        &c,
        &r,
        &[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "-q",
            "--filter",
            ".value.note = \"piped\"",
        ],
        "",
    )
    .ok();
    assert_eq!(
        prefixes(&c, "out"),
        prefixes(&c, "in"),
        "the same framing and schema id"
    );
    let back = eddy(&c, &r, &["consume", "out", "-e", "-q"], "").ok();
    assert_eq!(
        back.lines(),
        ["{\"id\":1,\"note\":\"piped\"}", "{\"id\":2,\"note\":\"piped\"}"]
    );
}

#[test]
fn pipe_encodes_its_outputs_with_a_schema_id_or_a_subject() {
    let (c, r, dir) = setup();
    let schema = dir.path().join("order.avsc");
    r.eddy(&["schemas", "register", "out-value", schema.to_str().unwrap()])
        .ok();
    c.eddy_in(&["produce", "json"], "{\"id\":7,\"note\":\"x\",\"extra\":true}\n")
        .ok();
    let reshape = "{value: {id: .value.id, note: .value.note}}";
    eddy(
        &c,
        &r,
        &[
            "pipe",
            "json",
            "--to",
            "out",
            "-e",
            "-q",
            "--filter",
            reshape,
            "--schema-id",
            "1",
        ],
        "",
    )
    .ok();
    eddy(
        &c,
        &r,
        &[
            "pipe",
            "json",
            "--to",
            "out",
            "-e",
            "-q",
            "--filter",
            reshape,
            "--subject",
            "out-value",
        ],
        "",
    )
    .ok();
    assert_eq!(prefixes(&c, "out"), [vec![0, 0, 0, 0, 1], vec![0, 0, 0, 0, 1]]);
    let back = eddy(&c, &r, &["consume", "out", "-e", "-q"], "").ok();
    assert_eq!(back.lines(), ["{\"id\":7,\"note\":\"x\"}", "{\"id\":7,\"note\":\"x\"}"]);
    // An output the schema does not fit is an encoding failure, dead-lettered as such.
    let s = eddy(
        &c,
        &r,
        &[
            "pipe",
            "json",
            "--to",
            "out",
            "-e",
            "--schema-id",
            "1",
            "--dead-letter",
            "dead",
            "--stats",
            "json",
        ],
        "",
    )
    .ok()
    .stats();
    assert_eq!(s["dead_lettered"].as_u64(), Some(1), "{s}");
    let dead = c.eddy(&["consume", "dead", "-e", "-f", "{headers}", "-q"]).ok().text();
    assert!(dead.contains("eddy.stage=encode"), "{dead}");
}

#[test]
fn pipe_a_value_naming_a_schema_the_registry_lacks_is_a_decode_failure() {
    let (c, r, _dir) = setup();
    // Magic byte 0 and schema id 99, which the registry does not have.
    c.eddy_in(
        &["produce", "in", "--input", "envelope"],
        "{\"value\":\"AAAAAGMCAg==\",\"value_type\":\"base64\"}\n",
    )
    .ok();
    let s = eddy(
        &c,
        &r,
        &[
            "pipe",
            "in",
            "--to",
            "out",
            "-e",
            "--dead-letter",
            "dead",
            "--stats",
            "json",
            "--filter",
            ".",
        ],
        "",
    )
    .ok()
    .stats();
    assert_eq!(s["dead_lettered"].as_u64(), Some(1), "{s}");
    let dead = c.eddy(&["consume", "dead", "-e", "-f", "{headers}", "-q"]).ok().text();
    assert!(dead.contains("eddy.stage=decode"), "{dead}");
}
