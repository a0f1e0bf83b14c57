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
    /// The vector's pointer, the length written so far, and the last length at which an
    /// 8-byte store still fits (the capacity less 8): the first `len` bytes are initialized,
    /// and `len <= store_limit + 8 == capacity`. Kept as a limit so that the check before a
    /// store is one comparison.
    ptr: *mut u8,
    len: usize,
    store_limit: usize,
}

impl Writer {
    /// Starts a run of scalar writes of about `max` bytes in all, reserving room for them (a
    /// run that writes more still works; it makes room as it goes).
    #[inline(always)]
    pub fn run(&mut self, max: usize) -> WriteRun<'_> {
        let buf = self.vec_mut();
        buf.reserve(max.saturating_add(8));
        WriteRun {
            ptr: buf.as_mut_ptr(),
            len: buf.len(),
            // At least 8: `reserve` made room for 8 bytes past the length.
            store_limit: buf.capacity() - 8,
            buf,
        }
    }
}

impl WriteRun<'_> {
    scalar_writes!();

    /// Appends the low `n` bytes (`n <= 8`) of `word`, little-endian, with one 8-byte store.
    #[inline(always)]
    fn put_word(&mut self, word: u64, n: usize) {
        debug_assert!(n <= 8);
        if self.len > self.store_limit {
            (self.ptr, self.store_limit) = make_room(self.buf, self.len);
        }
        // SAFETY: `len <= store_limit == capacity - 8`, so the 8-byte store stays inside the
        // allocation `ptr` points to; it initializes the bytes up to `len + 8`, of which
        // `len + n` are kept.
        unsafe {
            std::ptr::write_unaligned(self.ptr.add(self.len).cast::<[u8; 8]>(), word.to_le_bytes());
        }
        self.len += n;
    }
}

/// Gives the vector its length so far and room for 8 more bytes; its new pointer and store
/// limit (capacity less 8). Out of line and by value, so the run's state never has its address
/// taken.
#[cold]
#[inline(never)]
fn make_room(buf: &mut Vec<u8>, len: usize) -> (*mut u8, usize) {
    // SAFETY: the run's invariant: the first `len <= capacity` bytes are initialized.
    unsafe { buf.set_len(len) };
    buf.reserve(8);
    (buf.as_mut_ptr(), buf.capacity() - 8)
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
