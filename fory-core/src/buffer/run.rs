//! Runs of writes into room reserved up front.
//!
//! Every store into a `Vec<u8>` may, as far as the compiler knows, change the vector's own
//! pointer, length and capacity, so a writer reloads all three after each value and stores the
//! length back. A [`WriteRun`] keeps them in locals for a stretch of scalar writes (a struct's
//! leading numeric fields) and gives the length back once, when it ends.

use super::word::scalar_writes;
use super::Writer;

/// A stretch of scalar writes into a [`Writer`], started with [`Writer::run`]: the same
/// methods and bytes as the writer's own, with the buffer's state held in registers. The bytes
/// become part of the writer when the run is dropped.
///
/// ```
/// use fory_core::Writer;
/// let mut w = Writer::new();
/// {
///     let mut run = w.run(10);
///     run.write_varint32(-1);
///     run.write_f32(1.0);
/// }
/// assert_eq!(w.as_slice(), [0x01, 0x00, 0x00, 0x80, 0x3f]);
/// ```
pub struct WriteRun<'w> {
    buf: &'w mut Vec<u8>,
    /// The vector's pointer and the length written so far: the first `len` bytes are
    /// initialized.
    ptr: *mut u8,
    len: usize,
    /// The bytes still promised to the run's writes, counted by the most each write can take
    /// (5 for a varuint32, whatever its value): `len + budget + 8 <= capacity` always holds.
    /// A run started with a constant size and written in straight-line code (a derived
    /// struct's fields) has a constant budget at every write, so the compiler proves each
    /// check passes and drops it: no capacity check per value at all.
    budget: usize,
}

impl Writer {
    /// Starts a run of scalar writes of about `max` bytes in all, counting each write by the
    /// most bytes it can take (a run that writes more still works; it makes room as it goes).
    #[inline(always)]
    pub fn run(&mut self, max: usize) -> WriteRun<'_> {
        let buf = self.vec_mut();
        // A `max` for which the sum saturates is beyond any allocation: `reserve` panics.
        buf.reserve(max.saturating_add(8));
        WriteRun {
            ptr: buf.as_mut_ptr(),
            len: buf.len(),
            budget: max,
            buf,
        }
    }
}

impl WriteRun<'_> {
    scalar_writes!();

    /// Appends the low `n` bytes (`n <= MAX <= 8`) of `word`, little-endian, with one 8-byte
    /// store, and takes `MAX` from the budget.
    #[inline(always)]
    fn put_word<const MAX: usize>(&mut self, word: u64, n: usize) {
        debug_assert!(n <= MAX && MAX <= 8);
        if self.budget < MAX {
            (self.ptr, self.budget) = make_room(self.buf, self.len, MAX);
        }
        // SAFETY: `len + budget + 8 <= capacity`, so the 8-byte store stays inside the
        // allocation `ptr` points to; it initializes the bytes up to `len + 8`, of which
        // `len + n` are kept. With `n <= MAX <= budget`, taking `n` from the room and `MAX`
        // from the budget keeps `len + budget + 8 <= capacity`.
        unsafe {
            std::ptr::write_unaligned(self.ptr.add(self.len).cast::<[u8; 8]>(), word.to_le_bytes());
        }
        self.len += n;
        self.budget -= MAX;
    }
}

/// Gives the vector its length so far and room for `at_least` more bytes past 8 of slack; its
/// new pointer and the run's new budget (all the room left but the slack). Out of line and by
/// value, so the run's state never has its address taken.
#[cold]
#[inline(never)]
fn make_room(buf: &mut Vec<u8>, len: usize, at_least: usize) -> (*mut u8, usize) {
    // SAFETY: the run's invariant: the first `len <= capacity` bytes are initialized.
    unsafe { buf.set_len(len) };
    buf.reserve(at_least + 8);
    (buf.as_mut_ptr(), buf.capacity() - len - 8)
}

impl Drop for WriteRun<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: the run's invariant: the first `len <= capacity` bytes are initialized.
        unsafe { self.buf.set_len(self.len) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_writes_the_writers_bytes_and_grows_past_its_reservation() {
        // The same hundred values of every width, through a writer or a run.
        macro_rules! write_values {
            ($out:expr) => {
                for i in 0..100u64 {
                    let v = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (i % 64);
                    $out.write_varuint64(v);
                    $out.write_varint32(v as i32);
                    $out.write_tagged_i64(v as i64);
                    $out.write_f64(v as f64);
                    $out.write_bool(v & 1 == 1);
                }
            };
        }
        let mut direct = Writer::new();
        let mut through_run = Writer::from_vec(vec![7]);
        direct.write_u8(7);
        // Reserve for one value and write a hundred: the run makes room as it goes.
        let mut run = through_run.run(1);
        write_values!(run);
        drop(run);
        write_values!(direct);
        assert_eq!(through_run.as_slice(), direct.as_slice());
    }
}
