//! Fuzz target: produce's validate-only JSON scanner against serde_json.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::json_validate(data));
