//! Copies of a few bytes, in line.
//!
//! A call to `memcpy` costs 15 to 30 instructions besides the moves themselves (the call
//! through the PLT, and the library's dispatch on the size). A record's strings and arrays are mostly
//! 32 bytes or shorter, which two overlapping loads and two stores move (beyond that, the
//! library's own short copies cost about as much as the call).

use std::ptr;

/// Copies `len` bytes from `src` to `dst`: up to 32 bytes in line, more by `memcpy`.
///
/// # Safety
/// `src` is valid for reads and `dst` for writes of `len` bytes, and the two do not overlap.
#[inline(always)]
// SAFETY: unsafe because it reads and writes through raw pointers; every access is to bytes
// `0..len` of `src` and `dst`, which the caller guarantees valid and apart (see `# Safety`).
pub(crate) unsafe fn copy_bytes(src: *const u8, dst: *mut u8, len: usize) {
    /// Two windows of `W` bytes, at the start and at the end of the `len` bytes: they
    /// overlap (or meet), and together cover exactly bytes `0..len` when `W <= len <= 2 * W`.
    macro_rules! two_windows {
        ($w:literal) => {{
            // SAFETY: `$w <= len`, so both windows lie inside the `len` bytes the caller
            // guarantees readable at `src` and writable at `dst`; unaligned reads and writes
            // of byte arrays need no alignment; both reads come before either write, and the
            // regions do not overlap.
            unsafe {
                let first = ptr::read_unaligned(src.cast::<[u8; $w]>());
                let last = ptr::read_unaligned(src.add(len - $w).cast::<[u8; $w]>());
                ptr::write_unaligned(dst.cast::<[u8; $w]>(), first);
                ptr::write_unaligned(dst.add(len - $w).cast::<[u8; $w]>(), last);
            }
        }};
    }
    if len > 32 {
        // SAFETY: the caller's guarantee, as `copy_nonoverlapping` states it.
        unsafe { ptr::copy_nonoverlapping(src, dst, len) };
    } else if len >= 16 {
        two_windows!(16);
    } else if len >= 8 {
        two_windows!(8);
    } else if len >= 4 {
        two_windows!(4);
    } else if len > 0 {
        // SAFETY: bytes 0, len / 2 and len - 1 are among the `len` bytes (1 to 3), and
        // cover them all.
        unsafe {
            *dst = *src;
            *dst.add(len / 2) = *src.add(len / 2);
            *dst.add(len - 1) = *src.add(len - 1);
        }
    }
}

/// `bytes` in a new vector, copied by [`copy_bytes`].
#[inline(always)]
pub(crate) fn vec_of(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    // SAFETY: `out` is a fresh allocation with room for `bytes.len()` bytes, so the regions
    // do not overlap; the length is set once they are written.
    unsafe {
        copy_bytes(bytes.as_ptr(), out.as_mut_ptr(), bytes.len());
        out.set_len(bytes.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_offset_copies_exactly_its_bytes() {
        let src: Vec<u8> = (0..100u8).map(|b| b.wrapping_mul(37) ^ 0x5a).collect();
        for from in 0..8 {
            for len in 0..=90 {
                let mut dst = vec![0xeeu8; len + 16];
                // SAFETY: `from + len <= 97 <= 100` bytes of `src`; `dst` holds `len + 16`.
                unsafe { copy_bytes(src[from..].as_ptr(), dst[8..].as_mut_ptr(), len) };
                assert_eq!(&dst[8..8 + len], &src[from..from + len], "{from} {len}");
                assert!(dst[..8].iter().all(|&b| b == 0xee), "{from} {len}: before");
                assert!(
                    dst[8 + len..].iter().all(|&b| b == 0xee),
                    "{from} {len}: after"
                );
                assert_eq!(vec_of(&src[from..from + len]), &src[from..from + len]);
            }
        }
    }
}
