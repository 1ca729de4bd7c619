//! Fuzz target: consume `--format` templates and jq filters (compile, and run on a record).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::templates(data));
