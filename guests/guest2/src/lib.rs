//! guest2: an optional parameter in, a string out, and a second export.
//!
//! `option<string>` arrives as `Option<String>`: the host either passes nothing, or a
//! string that the canonical ABI copies into this guest's memory via `cabi_realloc`.
#![no_std]

extern crate alloc;

use alloc::format;
use alloc::string::String;

#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "guest2-world", path: "../../wit/guest2.wit" });

/// The name greeted when the host passes `none`.
const DEFAULT_NAME: &str = "world";

struct Component;

impl Guest for Component {
    fn run(name: Option<String>) -> String {
        let name = name.as_deref().unwrap_or(DEFAULT_NAME);
        format!("guest2 run() called: hello, {name}!")
    }

    fn describe() -> String {
        String::from("guest2 has an extra `describe` export")
    }
}

export!(Component);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
