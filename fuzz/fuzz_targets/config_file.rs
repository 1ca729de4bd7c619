//! Fuzz target: the TOML config file, through resolution and redaction.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::config_file(data));
