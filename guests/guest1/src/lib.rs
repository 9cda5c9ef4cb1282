//! guest1: the smallest component the course builds.
//!
//! No standard library and no WASI: the only way out of the sandbox is the string that
//! `run` returns through the canonical ABI. `dlmalloc` gives the guest a heap, which the
//! generated `cabi_realloc` needs so that the host can hand strings in and out.
#![no_std]

extern crate alloc;

use alloc::string::String;

#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "guest1-world", path: "../../wit/guest1.wit" });

struct Component;

impl Guest for Component {
    fn run() -> String {
        String::from("guest1 run() called")
    }
}

export!(Component);

/// Without `std` there is no default panic handler; trapping is all a guest can do.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
