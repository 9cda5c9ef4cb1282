//! blinky: the embedded "hello world", written against capabilities instead of registers.
//!
//! The guest imports three interfaces from `embedded:platform` (gpio, timer, log) and never
//! touches hardware itself. Whoever instantiates it supplies those imports: firmware on an
//! RP2350 board wires them to real pins, and the Java host wires them to lambdas, so the same
//! component blinks an LED on the board and prints lines on a desktop.
#![no_std]

extern crate alloc;

use alloc::format;
use alloc::string::String;

use embedded::platform::{gpio, log, timer};

#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "blinky", path: "../../wit/blinky.wit" });

/// The on-board LED of the RP2350 boards.
const LED_PIN: u32 = 25;
/// How long the LED stays on, and then off, in each blink.
const HALF_PERIOD_MS: u32 = 100;

struct Component;

impl Guest for Component {
    fn run(times: u32) -> u32 {
        let mut toggles: u32 = 0;
        for blink in 1..=times {
            gpio::set_high(LED_PIN);
            timer::delay_ms(HALF_PERIOD_MS);
            gpio::set_low(LED_PIN);
            timer::delay_ms(HALF_PERIOD_MS);
            toggles = toggles.saturating_add(2);
            log::info(&format!("blink {blink} of {times} on pin {LED_PIN} at {} ms", timer::now_ms()));
        }
        toggles
    }

    fn status() -> String {
        let level = if gpio::read(LED_PIN) { "high" } else { "low" };
        format!("pin {LED_PIN} is {level}")
    }
}

export!(Component);

/// Without `std` there is no default panic handler; trapping is all a guest can do.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
