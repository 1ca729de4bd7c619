//! Fuzz target: the record reader (delimiters, line numbers) and JSON validation of lines.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::json_lines(data));
