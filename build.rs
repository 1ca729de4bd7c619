//! Build script: links the `eddy` binary with packed relative relocations (`DT_RELR`)
//! where the C library it will run on understands them. A position-independent Rust
//! binary of eddy's size carries ~1.3 MB of relative relocations, which the dynamic
//! loader reads page by page at every start: they showed up as 3 MB of resident memory
//! in every command (issue #19 measures produce's peak against kcat's). Packed, they
//! take 18 kB, and the binary stays position-independent (ASLR). glibc reads packed
//! relocations since 2.36, which marks itself with the `GLIBC_ABI_DT_RELR` version;
//! a binary built on an older system must not use them, so the flag is passed only when
//! the build machine's glibc has that version and the binary is for the build machine.
//!
//! It also lays out the functions a run of eddy executes (`link/hot-functions.txt`,
//! written by `scripts/hot-functions` from callgrind runs of produce, consume, filter and
//! count) together at the start of the program text. Left to the linker they are spread
//! over the binary's 19 MB of text, and the kernel maps 64 kB around each page touched:
//! 1.9 MB of functions kept some 9 MB of text resident. The flag is LLD's, which is
//! rustc's linker for x86_64 Linux since 1.90; with another linker it is left out.

use std::env;
use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = env::var("TARGET").unwrap_or_default();
    let host = env::var("HOST").unwrap_or_default();
    if target == host && target.ends_with("-linux-gnu") && glibc_reads_packed_relocations(&target) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=link/hot-functions.txt");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    let order =
        std::path::Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("link/hot-functions.txt");
    if target == "x86_64-unknown-linux-gnu" && links_with_lld() && order.exists() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Functions renamed or gone since the list was written are skipped quietly.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the binary is linked by rustc's own LLD: rustc 1.90 or later with no other
/// linker configured.
fn links_with_lld() -> bool {
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
        || flags.contains("linker")
        || flags.contains("link-arg=-fuse-ld")
    {
        return false;
    }
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).arg("-V").output() else {
        return false;
    };
    let version = String::from_utf8_lossy(&out.stdout);
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
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
