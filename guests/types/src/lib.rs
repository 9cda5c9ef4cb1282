//! types: one export per WIT type, for round-tripping every kind of value.
//!
//! Most exports are `echo-*` identity functions: the host lowers a value into this guest's
//! memory, the generated bindings lift it into an ordinary Rust value, and the same value is
//! lowered back. If the host gets back exactly what it sent, both directions of the canonical
//! ABI agree for that type. The last four exports compute something from their arguments,
//! so the guest demonstrably reads the values rather than just copying bytes.
//!
//! How WIT types appear in Rust:
//!   string -> String, list<T> -> Vec<T>, option<T> -> Option<T>, result<T, E> -> Result<T, E>,
//!   tuple<..> -> (..), record -> struct, variant -> enum with payloads, enum -> enum,
//!   flags -> a bitflags struct, char -> char, sN/uN -> iN/uN, f32/f64 -> f32/f64.
#![no_std]

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

#[global_allocator]
static ALLOC: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

wit_bindgen::generate!({ world: "types-world", path: "../../wit/types.wit" });

struct Component;

impl Guest for Component {
    // Scalars: passed in registers (core wasm i32/i64/f32/f64), no memory involved.
    fn echo_bool(v: bool) -> bool { v }
    fn echo_s8(v: i8) -> i8 { v }
    fn echo_u8(v: u8) -> u8 { v }
    fn echo_s16(v: i16) -> i16 { v }
    fn echo_u16(v: u16) -> u16 { v }
    fn echo_s32(v: i32) -> i32 { v }
    fn echo_u32(v: u32) -> u32 { v }
    fn echo_s64(v: i64) -> i64 { v }
    fn echo_u64(v: u64) -> u64 { v }
    fn echo_f32(v: f32) -> f32 { v }
    fn echo_f64(v: f64) -> f64 { v }
    fn echo_char(v: char) -> char { v }

    // Strings and lists: copied into this guest's memory (via `cabi_realloc`) and back out.
    fn echo_string(v: String) -> String { v }
    fn echo_bytes(v: Vec<u8>) -> Vec<u8> { v }
    fn echo_list_u32(v: Vec<u32>) -> Vec<u32> { v }
    fn echo_strings(v: Vec<String>) -> Vec<String> { v }

    // Compound types: the bindings generate a Rust type for each WIT type.
    fn echo_point(v: Point) -> Point { v }
    fn echo_sensor_reading(v: SensorReading) -> SensorReading { v }
    fn echo_tuple(v: (u8, String, f32)) -> (u8, String, f32) { v }
    fn echo_shape(v: Shape) -> Shape { v }
    fn echo_color(v: Color) -> Color { v }
    fn echo_permissions(v: Permissions) -> Permissions { v }

    // Options and results.
    fn echo_option_string(v: Option<String>) -> Option<String> { v }
    fn echo_option_option_u32(v: Option<Option<u32>>) -> Option<Option<u32>> { v }
    fn echo_result_u32_string(v: Result<u32, String>) -> Result<u32, String> { v }
    fn echo_result_unit_string(v: Result<(), String>) -> Result<(), String> { v }
    fn echo_result(v: Result<(), ()>) -> Result<(), ()> { v }

    fn echo_record(v: RecordAbc) -> RecordAbc { v }

    /// Adds up the list; a `u64` total cannot overflow for any list that fits in memory.
    fn sum_u32(v: Vec<u32>) -> u64 {
        v.iter().map(|&n| u64::from(n)).sum()
    }

    fn describe_shape(s: Shape) -> String {
        match s {
            Shape::Circle(radius) => format!("circle of radius {radius}"),
            Shape::Rectangle(corner) => {
                format!("rectangle at ({}, {}) labelled \"{}\"", corner.x, corner.y, corner.label)
            }
            Shape::Empty => String::from("empty"),
        }
    }

    /// How many of `read`, `write` and `exec` are set.
    fn count_flags(p: Permissions) -> u8 {
        p.iter().count() as u8
    }

    fn divide(a: i32, b: i32) -> Result<i32, String> {
        if b == 0 {
            return Err(String::from("division by zero"));
        }
        // s32::MIN / -1 is the one quotient that does not fit in an s32.
        a.checked_div(b).ok_or_else(|| String::from("overflow"))
    }
}

export!(Component);

/// Without `std` there is no default panic handler; trapping is all a guest can do.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
