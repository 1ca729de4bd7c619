//! The eddy binary. Everything lives in the library (`src/lib.rs`, where the modules are
//! declared and the exit codes decided); this only calls it, with mimalloc as the
//! allocator.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc instead of glibc's malloc: the jq interpreter makes and drops many small,
/// short-lived values per event (glibc's malloc and free were half of its time), and
/// mimalloc's per-thread free lists serve those in a fraction of the instructions. It
/// is compiled from source into the binary (no shared library to find at run time).
/// Requests aligned to 8 bytes or less (nearly all of them) take mimalloc's plain
/// `mi_malloc`, which aligns every block to 8: its `_aligned` entry points, which the
/// `mimalloc` crate calls for everything, check and adjust the alignment first.
struct MiMalloc;

// SAFETY: each method hands mimalloc what its contract asks for and returns its block;
// blocks from either entry point are freed and resized by `mi_free`/`mi_realloc*`.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc accepts any size; alignment is honoured as said above.
        unsafe {
            if layout.align() <= 8 {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if layout.align() <= 8 {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (GlobalAlloc's contract).
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the new block keeps
        // its alignment.
        unsafe {
            if layout.align() <= 8 {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

fn main() -> std::process::ExitCode {
    eddy::run_cli()
}
