//! runaway: a guest that misbehaves on purpose, so the host's limits have something to stop.
//!
//! | export        | misbehaviour                     | what stops it                    |
//! |---------------|----------------------------------|----------------------------------|
//! | `spin`        | never returns                    | fuel, or an epoch deadline       |
//! | `spin-for`    | runs as long as asked            | fuel, or an epoch deadline       |
//! | `grow`        | allocates as much as asked       | the store's memory cap           |
//! | `hog`         | allocates in one go; traps if it cannot | the store's memory cap    |
//! | `crash`       | panics                           | itself: `unreachable` traps      |
//! | `recurse`     | recurses as deep as asked        | the engine's call-stack limit    |
//! | `ok`          | nothing: answers "still alive"   |                                  |
//!
//! `core::hint::black_box` appears wherever the optimiser could otherwise see that the work
//! is pointless and delete it: the loops and the recursion must really run for the limits
//! to have anything to measure.
#![no_std]

extern crate alloc;

use alloc::string::String;
use alloc::vec::Vec;
use core::hint::black_box;

#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "runaway", path: "../../wit/runaway.wit" });

/// One mebibyte: the unit `grow` allocates in.
const MIB: usize = 1024 * 1024;

struct Component;

impl Guest for Component {
    fn spin() {
        let mut counter: u64 = 0;
        loop {
            // `black_box` hides the counter from the optimiser, so the loop cannot be
            // reasoned about or removed; it runs until the host interrupts it.
            counter = black_box(counter.wrapping_add(1));
        }
    }

    fn spin_for(iterations: u64) -> u64 {
        // FxHash's mixing step over 0, 1, ..., iterations - 1. The result depends on every
        // round, and `black_box` stops the compiler from folding rounds together.
        let mut hash: u64 = 0;
        for i in 0..iterations {
            hash = black_box((hash.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95));
        }
        hash
    }

    fn grow(mebibytes: u32) -> u32 {
        let mut granted = 0;
        while granted < mebibytes {
            // `try_reserve_exact` reports an allocation failure as an `Err` instead of
            // aborting, so we can stop and tell the host how far we got.
            let mut chunk: Vec<u8> = Vec::new();
            if chunk.try_reserve_exact(MIB).is_err() {
                break;
            }
            // Write every byte, so the host really has to provide the memory.
            chunk.resize(MIB, 0xA5);
            // Keep it: leaked memory stays allocated, so each call grows the heap further.
            black_box(chunk.leak());
            granted += 1;
        }
        granted
    }

    fn hog(mebibytes: u32) -> u32 {
        // A plain allocation: on failure Rust calls its allocation-error handler, which
        // panics, and the panic handler traps. No way back for the guest.
        let block: Vec<u8> = alloc::vec![0x5A; mebibytes as usize * MIB];
        black_box(block.len() / MIB) as u32
    }

    fn crash() {
        panic!("crash requested by the host");
    }

    fn recurse(depth: u32) -> u32 {
        dive(depth)
    }

    fn ok() -> String {
        String::from("still alive")
    }
}

/// One level of recursion per call. The result passes through `black_box` before the `+ 1`,
/// so the recursive call is not in tail position and cannot be turned into a loop: every
/// level keeps a frame on the call stack until the bottom is reached.
fn dive(depth: u32) -> u32 {
    if depth == 0 {
        return 0;
    }
    black_box(dive(depth - 1)) + 1
}

export!(Component);

/// Without `std` there is no default panic handler; trapping is all a guest can do.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
