//! Fuzz target: projection (reading only the fields a filter can observe) against whole
//! inputs, on arbitrary filters (the first line) and JSON inputs (the rest).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::projection(data));
