//! The committed fuzz corpus (`fuzz/corpus/TARGET/*`), replayed through the same entry
//! points the fuzz targets use, so that every input that ever crashed eddy stays fixed.

fn replay(target: &'static str, f: fn(&[u8])) {
    // The fuzzer runs its inputs on a main thread (8 MB of stack) in a release build; a
    // debug build's frames are larger and a test thread has 2 MB, so give the replay the
    // room the fuzzer had.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || replay_here(target, f))
        .unwrap()
        .join()
        .unwrap();
}

fn replay_here(target: &str, f: fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        // (A running fuzzer may remove files meanwhile.)
        let Ok(data) = std::fs::read(&path) else { continue };
        f(&data);
        n += 1;
    }
    assert!(n > 0, "no corpus for {target}");
}

#[test]
fn fuzz_corpus_envelope() {
    replay("envelope", eddy::fuzzing::envelope);
}

#[test]
fn fuzz_corpus_json_lines() {
    replay("json_lines", eddy::fuzzing::json_lines);
}

#[test]
fn fuzz_corpus_json_validate() {
    replay("json_validate", eddy::fuzzing::json_validate);
}

#[test]
fn fuzz_corpus_specs() {
    replay("specs", eddy::fuzzing::specs);
}

#[test]
fn fuzz_corpus_templates() {
    replay("templates", eddy::fuzzing::templates);
}

#[test]
fn fuzz_corpus_config_file() {
    replay("config_file", eddy::fuzzing::config_file);
}

#[test]
fn fuzz_corpus_fast_path() {
    replay("fast_path", eddy::fuzzing::fast_path);
}

#[test]
fn fuzz_corpus_avro() {
    replay("avro", eddy::fuzzing::avro);
}

#[test]
fn fuzz_corpus_filters() {
    replay("filters", eddy::fuzzing::filters);
}

#[test]
fn fuzz_corpus_projection() {
    replay("projection", eddy::fuzzing::projection);
}
