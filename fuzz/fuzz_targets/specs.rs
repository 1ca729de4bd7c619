//! Fuzz target: offset specs, `--until` specs, times and durations.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::specs(data));
