//! Every script in `examples/` passes under `eddy dev --`, with nothing else installed.

use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use crate::support::eddy_bin;

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
        // Output to files, not pipes: a process a broken example leaves behind must not
        // keep the test waiting; and the whole process group goes at the end.
        let out = std::fs::File::create(dir.path().join("out")).unwrap();
        let err = std::fs::File::create(dir.path().join("err")).unwrap();
        let mut child = std::process::Command::new(eddy_bin())
            .arg("dev")
            .arg("--")
            .arg(&script)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("EDDY_BROKERS")
            .stdin(std::process::Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(180);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break Some(s);
            }
            if Instant::now() > deadline {
                break None;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
        let _ = child.wait();
        let text = std::fs::read_to_string(dir.path().join("out")).unwrap_or_default();
        let errs = std::fs::read_to_string(dir.path().join("err")).unwrap_or_default();
        assert!(
            status.is_some(),
            "{} did not finish in 180 s:\n{text}\n{errs}",
            script.display()
        );
        assert_eq!(
            status.and_then(|s| s.code()),
            Some(0),
            "{} failed:\n{text}\n{errs}",
            script.display()
        );
    }
}
