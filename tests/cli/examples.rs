//! Every script in `examples/` passes under `eddy dev --`, with nothing else installed.

use crate::support::{eddy_bin, run};

#[test]
fn every_example_passes_under_eddy_dev() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<_> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sh"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 3, "{scripts:?}");
    let bin_dir = eddy_bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    for script in scripts {
        let dir = tempfile::tempdir().unwrap();
        let mut c = std::process::Command::new(eddy_bin());
        c.arg("dev")
            .arg("--")
            .arg(&script)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("EDDY_BROKERS");
        let r = run(c, None);
        assert_eq!(
            r.code,
            Some(0),
            "{} failed:\n{}\n{}",
            script.display(),
            r.text(),
            r.stderr
        );
    }
}
