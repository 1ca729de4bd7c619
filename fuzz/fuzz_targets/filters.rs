//! Fuzz target: short jq filters (the first line), compiled and run on a JSON value (the
//! rest), with the jq eddy rewrites before jaq sees it.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::filters(data));
