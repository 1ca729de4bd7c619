//! Fuzz target: the filters' fast path against the interpreter, on arbitrary records.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::fast_path(data));
