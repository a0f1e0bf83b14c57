//! Small value types of the wire format: half-precision floats, dates, timestamps, durations,
//! decimals, the type-id table and reference flags.

pub mod bfloat16;
pub mod float16;
mod half;
mod ref_flag;
mod type_id;

pub use bfloat16::BFloat16;
pub use float16::Float16;
pub use ref_flag::RefFlag;
pub use type_id::TypeId;

mod decimal;
mod temporal;

pub use decimal::{Decimal, DecimalError};
pub use temporal::{Date, Duration, TimeRangeError, Timestamp};
