//! lights: blinky again, but with a pin as a resource the host defines.
//!
//! `OutputPin::new(25)` calls the host's constructor and returns an owned handle; the methods
//! call back into the host with that handle borrowed; and when the handle goes out of scope
//! Rust drops it, which tells the host to run its destructor. The guest never sees what a
//! pin is: on a board it is a GPIO, in the Java host it is an object in a table.
#![no_std]

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

// `use pins.{output-pin}` in the world makes the bindings bring `OutputPin` into scope.


#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "lights", path: "../../wit/lights.wit" });

struct Component;

impl Guest for Component {
    fn blink(pin: u32, times: u32) -> bool {
        let led = OutputPin::new(pin);
        for _ in 0..times {
            led.toggle();
        }
        led.is_high()
        // `led` is dropped here: the host closes the pin.
    }

    fn open(pin: u32) -> OutputPin {
        OutputPin::new(pin)
    }

    fn flip(pin: &OutputPin) -> bool {
        pin.toggle();
        pin.is_high()
    }

    fn close(pin: OutputPin) -> u32 {
        pin.number()
        // `pin` is dropped here: the host closes it.
    }

    fn close_labelled(pin: OutputPin, label: String) -> String {
        let number = pin.number();
        drop(pin); // the host closes it before the guest answers
        format!("{label}: pin {number} closed")
    }

    fn open_and_release(pin: u32) -> u32 {
        embedded::platform::pins::release(OutputPin::new(pin))
    }

    fn open_count() -> u32 {
        OutputPin::open_count()
    }
}

/// A blink pattern, kept by the guest: the Java host sees only a handle. Methods take `&self`
/// (a borrowed handle), so the position is a `Cell`.
struct Blinker {
    pin: OutputPin,
    levels: Vec<bool>,
    steps: Cell<u32>,
}

impl exports::embedded::platform::patterns::GuestPattern for Blinker {
    fn new(pin: u32, levels: Vec<bool>) -> Self {
        Blinker { pin: OutputPin::new(pin), levels, steps: Cell::new(0) }
    }

    fn step(&self) -> bool {
        let n = self.steps.get();
        let level = if self.levels.is_empty() { false } else { self.levels[n as usize % self.levels.len()] };
        self.pin.set(level);
        self.steps.set(n + 1);
        level
    }

    fn steps(&self) -> u32 {
        self.steps.get()
    }
}

impl exports::embedded::platform::patterns::Guest for Component {
    type Pattern = Blinker;

    fn finish(p: exports::embedded::platform::patterns::Pattern) -> u32 {
        let blinker: Blinker = p.into_inner();
        blinker.steps.get()
        // `blinker` and its pin are dropped here: the host closes the pin.
    }
}

export!(Component);

/// Without `std` there is no default panic handler; trapping is all a guest can do.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
