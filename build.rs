//! Build script: links the `eddy` binary with packed relative relocations (`DT_RELR`)
//! where the C library it will run on understands them. A position-independent Rust
//! binary of eddy's size carries ~1.3 MB of relative relocations, which the dynamic
//! loader reads page by page at every start: they showed up as 3 MB of resident memory
//! in every command (issue #19 measures produce's peak against kcat's). Packed, they
//! take 18 kB, and the binary stays position-independent (ASLR). glibc reads packed
//! relocations since 2.36, which marks itself with the `GLIBC_ABI_DT_RELR` version;
//! a binary built on an older system must not use them, so the flag is passed only when
//! the build machine's glibc has that version and the binary is for the build machine.

use std::env;
use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = env::var("TARGET").unwrap_or_default();
    let host = env::var("HOST").unwrap_or_default();
    if target == host && target.ends_with("-linux-gnu") && glibc_reads_packed_relocations(&target) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's `libc.so.6` defines `GLIBC_ABI_DT_RELR`.
fn glibc_reads_packed_relocations(target: &str) -> bool {
    let arch = target.split('-').next().unwrap_or_default();
    let multiarch = format!("{arch}-linux-gnu");
    let candidates = [
        format!("/lib/{multiarch}/libc.so.6"),
        format!("/usr/lib/{multiarch}/libc.so.6"),
        "/lib64/libc.so.6".to_string(),
        "/usr/lib64/libc.so.6".to_string(),
        "/lib/libc.so.6".to_string(),
        "/usr/lib/libc.so.6".to_string(),
    ];
    let needle = b"GLIBC_ABI_DT_RELR";
    candidates
        .iter()
        .filter_map(|p| fs::read(p).ok())
        .next()
        .is_some_and(|libc| libc.windows(needle.len()).any(|w| w == needle))
}
