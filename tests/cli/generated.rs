//! The committed completions and man pages match the clap definition.

use crate::support::{eddy_bin, run};

#[test]
fn completions_and_man_pages_are_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = std::process::Command::new(eddy_bin());
    c.arg("generate").arg(dir.path());
    run(c, None).ok();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["completions", "man"] {
        for entry in std::fs::read_dir(dir.path().join(sub)).unwrap() {
            let entry = entry.unwrap();
            let fresh = std::fs::read(entry.path()).unwrap();
            let committed = root.join(sub).join(entry.file_name());
            let old = std::fs::read(&committed).unwrap_or_default();
            assert!(
                fresh == old,
                "{} is stale: run `cargo run -- generate` and commit the result",
                committed.display()
            );
        }
    }
}
