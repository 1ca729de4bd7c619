//! Connection settings: precedence, contexts, `${ENV}`, redaction, `config use`, dev.

use crate::support::{Cluster, eddy_bin, run};

fn eddy_with_config(config: &str, args: &[&str], env: &[(&str, &str)]) -> crate::support::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let mut c = std::process::Command::new(eddy_bin());
    c.args(args)
        .env("EDDY_CONFIG", &path)
        .env_remove("EDDY_BROKERS")
        .env_remove("EDDY_CONTEXT");
    for (k, v) in env {
        c.env(k, v);
    }
    let r = run(c, None);
    drop(dir);
    r
}

const CONFIG: &str = "# team contexts\ndefault = \"local\"\n\n[contexts.local]\nbrokers = \"127.0.0.1:9092\"\n\n[contexts.secure]\nbrokers = [\"k1:9094\", \"k2:9094\"]\n[contexts.secure.properties]\n\"security.protocol\" = \"SASL_SSL\"\n\"sasl.username\" = \"svc\"\n\"sasl.password\" = \"${SECURE_PW}\"\n\"ssl.key.password\" = \"plain-in-file\"\n";

#[test]
fn config_shows_resolved_settings_with_secrets_redacted() {
    let r = eddy_with_config(CONFIG, &["config", "-C", "secure"], &[("SECURE_PW", "hunter2")]).ok();
    let t = r.text();
    assert!(t.contains("k1:9094,k2:9094"), "{t}");
    assert!(t.contains("sasl.username = svc"), "{t}");
    assert!(!t.contains("hunter2") && !t.contains("plain-in-file"), "{t}");
    let r = eddy_with_config(CONFIG, &["config", "-X", "sasl.password=xyz", "-b", "flag:1"], &[]).ok();
    assert!(
        r.text().contains("flag:1 (from --brokers)") && !r.text().contains("xyz"),
        "{}",
        r.text()
    );
}

#[test]
fn missing_secret_variable_is_a_usage_error() {
    let r = eddy_with_config(CONFIG, &["config", "-C", "secure"], &[]).code(2);
    assert!(r.stderr.contains("SECURE_PW"), "{}", r.stderr);
}

#[test]
fn global_options_after_the_command() {
    let r = eddy_with_config(
        CONFIG,
        &["config", "--context", "secure", "--timeout", "3s"],
        &[("SECURE_PW", "x")],
    )
    .ok();
    assert!(r.text().contains("timeout:     3s"), "{}", r.text());
    eddy_with_config(CONFIG, &["--timeout", "nope", "config"], &[]).code(2);
}

#[test]
fn contexts_and_use_keep_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, CONFIG).unwrap();
    let eddy = |args: &[&str]| {
        let mut c = std::process::Command::new(eddy_bin());
        c.args(args)
            .env("EDDY_CONFIG", &path)
            .env_remove("EDDY_BROKERS")
            .env_remove("EDDY_CONTEXT");
        run(c, None)
    };
    let list = eddy(&["config", "contexts"]).ok();
    assert!(list.text().contains("* local"), "{}", list.text());
    eddy(&["config", "use", "secure"]).ok();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("# team contexts") && text.contains("default = \"secure\""),
        "{text}"
    );
    eddy(&["config", "use", "nope"]).code(2);
}

#[test]
fn dev_passes_the_exit_code_through() {
    let mut c = std::process::Command::new(eddy_bin());
    c.args(["dev", "--", "sh", "-c", "test -n \"$EDDY_BROKERS\" && exit 3"]);
    run(c, None).code(3);
}

#[test]
fn a_context_password_from_env_reaches_the_client() {
    // The dev cluster takes any SASL setting it does not use; here we only check that
    // the property is resolved and accepted end to end.
    let cl = Cluster::dev(&[]);
    let cfg = format!(
        "default = \"d\"\n[contexts.d]\nbrokers = \"{}\"\n[contexts.d.properties]\n\"client.id\" = \"${{CID}}\"\n",
        cl.brokers
    );
    eddy_with_config(&cfg, &["produce", "t", "-q"], &[("CID", "from-env")]);
}
