//! The AVX-512 loops of [`super::text`]: 64 bytes per step, where the AVX2 loops of
//! [`super::text_x86`] take 32 and spend several instructions on what one AVX-512 instruction
//! does (VBMI2's byte compress, VBMI's byte permute). Built only where the compiler has the
//! intrinsics (`cfg(fory_avx512)`, set by the build script from Rust 1.89), run only where the
//! CPU has them.
//!
//! As in `text_x86`, each function converts a prefix of its input and reports how far it got;
//! the slower loops finish the rest, and the tests of `text.rs` compare every level with the
//! one-character-at-a-time version. Loads and stores go through bounds-checked slices, so each
//! `unsafe` block's only obligations are the CPU features of its function.
//!
//! Valgrind does not run AVX-512 (its CPUID reports none), so under memcheck the AVX2 loops
//! run instead; these are covered by the tests on CPUs that have AVX-512.

use std::arch::x86_64::{
    __m512i, _mm512_add_epi8, _mm512_and_si512, _mm512_cmpeq_epi16_mask, _mm512_cmpeq_epi8_mask,
    _mm512_cmpge_epu8_mask, _mm512_loadu_si512, _mm512_mask_add_epi8, _mm512_mask_storeu_epi8,
    _mm512_maskz_compress_epi8, _mm512_maskz_loadu_epi8, _mm512_max_epu8, _mm512_movepi8_mask,
    _mm512_or_si512, _mm512_permutexvar_epi8, _mm512_set1_epi16, _mm512_set1_epi8,
    _mm512_setzero_si512, _mm512_slli_epi16, _mm512_storeu_si512,
};
use std::mem::MaybeUninit;

/// Whether this CPU runs the loops of this module (checked at run time; cached by std).
pub(super) fn available() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vbmi")
        && std::is_x86_feature_detected!("avx512vbmi2")
        && std::is_x86_feature_detected!("popcnt")
}

/// Latin-1 bytes from UTF-8 `src` (starting at a character boundary) into `out`, which holds
/// at least one byte per character, 64 input bytes per step, the last step (or the only one,
/// for short text) masked to what is left. Returns (bytes read, bytes written, whether every
/// character is at most U+00FF): all of `src` when it is.
///
/// Each step fixes the continuation bytes (plus 0x40 after a 0xc3 lead, found in a second load
/// one byte earlier) and compresses the lead bytes out; a lead at the end of a step is dropped
/// like any other and its continuation fixed by the next one. No branch on the contents:
/// accented text has a lead in most blocks.
///
/// # Safety
/// The CPU supports AVX-512 F, BW, VBMI and VBMI2, and POPCNT ([`available`]).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,popcnt")]
// SAFETY: unsafe only because it runs AVX-512 instructions, which the caller guarantees.
pub(super) unsafe fn latin1_from_utf8(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize, bool) {
    let (mut i, mut o) = (0, 0);
    // The largest byte so far: 0xc4 and above are leads of characters above U+00FF. (Kept
    // in a register, checked once: a compare per step would compete with the compress for
    // the same execution port.)
    let mut max = _mm512_setzero_si512();
    while i + 64 <= src.len() && o + 64 <= out.len() {
        let block = &src[i..i + 64];
        let slot = &mut out[o..o + 64];
        // SAFETY: the loads read the 64 bytes of `block` and the 64 before them from
        // `src[i - 1..]` (when `i > 0`); the store writes the 64 of `slot` (no alignment
        // needed); the caller guarantees the CPU features.
        let written = unsafe {
            let v = _mm512_loadu_si512(block.as_ptr().cast::<__m512i>());
            let before = if i == 0 {
                first_before(v)
            } else {
                _mm512_loadu_si512(src[i - 1..i + 63].as_ptr().cast::<__m512i>())
            };
            max = _mm512_max_epu8(max, v);
            let (packed, keep) = latin1_step(v, before, !0);
            _mm512_storeu_si512(slot.as_mut_ptr().cast::<__m512i>(), packed);
            keep.count_ones() as usize
        };
        i += 64;
        o += written;
    }
    let beyond_latin1 = |max| _mm512_cmpge_epu8_mask(max, _mm512_set1_epi8(0xc4u8 as i8)) != 0;
    if beyond_latin1(max) {
        return (i, o, false);
    }
    while i < src.len() {
        let block = &src[i..src.len().min(i + 64)];
        let valid = low_bits(block.len());
        // SAFETY: the masked loads read only the bytes of `block` and as many from
        // `src[i - 1..]` (masked-off bytes are neither read nor fault); the caller guarantees
        // the CPU features.
        let (v, before) = unsafe {
            let v = _mm512_maskz_loadu_epi8(valid, block.as_ptr().cast::<i8>());
            let before = if i == 0 {
                first_before(v)
            } else {
                _mm512_maskz_loadu_epi8(valid, src[i - 1..].as_ptr().cast::<i8>())
            };
            (v, before)
        };
        if beyond_latin1(v) {
            return (i, o, false);
        }
        let (packed, keep) = latin1_step(v, before, valid);
        // Every character so far is Latin-1, one byte each, and `out` has room for them.
        let n = keep.count_ones() as usize;
        let slot = &mut out[o..o + n];
        // SAFETY: the masked store writes only the `n` bytes of `slot`; the caller guarantees
        // the CPU features.
        unsafe { _mm512_mask_storeu_epi8(slot.as_mut_ptr().cast::<i8>(), low_bits(n), packed) };
        i += block.len();
        o += n;
    }
    (i, o, true)
}

/// `super::text::copy_ascii` for at least 64 bytes, 128 bytes a step while they are all
/// ASCII: the first 64, then from where the stores are 64-byte aligned (an unaligned store
/// that crosses a cache line takes the store port twice), the last 64 overlapping bytes
/// already copied. Each block is stored before it is checked, so the ASCII prefix is copied
/// wherever it ends. Returns `Err(checked)` where a byte is not ASCII, every byte before
/// `checked` being ASCII.
///
/// # Safety
/// The CPU supports AVX-512 F and BW ([`available`]).
#[target_feature(enable = "avx512f,avx512bw")]
// SAFETY: unsafe only because it runs AVX-512 instructions, which the caller guarantees.
pub(super) unsafe fn copy_ascii(src: &[u8], out: &mut [MaybeUninit<u8>]) -> Result<(), usize> {
    #[inline(always)]
    fn copy64(src: &[u8], out: &mut [MaybeUninit<u8>], at: usize) -> __m512i {
        let block = &src[at..at + 64];
        let slot = &mut out[at..at + 64];
        // SAFETY: the load reads the 64 bytes of `block`, the store writes the 64 of `slot`
        // (no alignment needed); the caller of `copy_ascii` guarantees the CPU features.
        unsafe {
            let v = _mm512_loadu_si512(block.as_ptr().cast::<__m512i>());
            _mm512_storeu_si512(slot.as_mut_ptr().cast::<__m512i>(), v);
            v
        }
    }
    let len = src.len();
    assert!(len >= 64 && out.len() >= len);
    let high = |v: __m512i| _mm512_movepi8_mask(v) != 0;
    if high(copy64(src, out, 0)) {
        return Err(0);
    }
    let mut done = 64 - (out.as_ptr() as usize & 63);
    while done + 128 <= len {
        if high(_mm512_or_si512(
            copy64(src, out, done),
            copy64(src, out, done + 64),
        )) {
            return Err(done);
        }
        done += 128;
    }
    if done + 64 <= len {
        if high(copy64(src, out, done)) {
            return Err(done);
        }
        done += 64;
    }
    if done < len && high(copy64(src, out, len - 64)) {
        return Err(done);
    }
    Ok(())
}

/// Short text (at most 64 bytes) by Java's string rule, decided and written in one masked step
/// where the text is
/// - ASCII or every character at most U+00FF: Latin-1 (the lead bytes compressed out);
/// - three-byte characters only, at most 63 bytes (most short CJK text): UTF-16LE, which
///   Java's rule picks for it, its first unit being wide.
///
/// Appended to `buf`: `place(latin1, body_len, out)` writes the header into `out` and returns
/// its size (at most two bytes). For other text, appends nothing and returns the length of the
/// ASCII prefix, for the general path.
///
/// The answer is right for valid UTF-8 (other bytes get a wrong one, never an access outside
/// the slices).
///
/// # Safety
/// The CPU supports AVX-512 F, BW, VBMI and VBMI2, and POPCNT ([`available`]).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,popcnt")]
// SAFETY: unsafe only because it runs AVX-512 instructions, which the caller guarantees.
pub(super) unsafe fn short_by_java_rule(
    src: &[u8],
    buf: &mut Vec<u8>,
    place: impl FnOnce(bool, usize, &mut [MaybeUninit<u8>]) -> usize,
) -> Result<(), usize> {
    assert!(src.len() <= 64);
    let valid = low_bits(src.len());
    // SAFETY: the masked load reads only the bytes of `src` (masked-off bytes are neither
    // read nor fault); the caller guarantees the CPU features.
    let v = unsafe { _mm512_maskz_loadu_epi8(valid, src.as_ptr().cast::<i8>()) };
    let non_ascii = _mm512_movepi8_mask(v);
    let (body, len, latin1) = if non_ascii == 0 {
        (v, src.len(), true)
    } else if _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8(0xc4u8 as i8)) == 0 {
        let (packed, keep) = latin1_step(v, first_before(v), valid);
        (packed, keep.count_ones() as usize, true)
    } else {
        // Every third byte a three-byte lead: in valid UTF-8 of this length, nothing else.
        let chars = src.len() / 3;
        let all = low_bits(chars) as u32;
        let (units, is_three) = three_byte_step(v);
        if src.len() == 64 || !src.len().is_multiple_of(3) || is_three & all != all {
            return Err(non_ascii.trailing_zeros() as usize);
        }
        (units, 2 * chars, false)
    };
    buf.reserve(2 + 64);
    let start = buf.len();
    let out = &mut buf.spare_capacity_mut()[..2 + 64];
    let at = place(latin1, len, out);
    let slot = &mut out[at..at + len];
    // SAFETY: the masked store writes only the `len` bytes of `slot`; the caller guarantees
    // the CPU features.
    unsafe { _mm512_mask_storeu_epi8(slot.as_mut_ptr().cast::<i8>(), low_bits(len), body) };
    // SAFETY: `place` wrote the `at` bytes before `slot`, the store the `len` of it.
    unsafe { buf.set_len(start + at + len) };
    Ok(())
}

/// One step of [`latin1_from_utf8`] on `v` (text whose characters are at most U+00FF), whose
/// bytes outside `valid` are zero, `before` holding the byte before each: the kept bytes,
/// packed at the start, and their mask.
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi2")]
fn latin1_step(v: __m512i, before: __m512i, valid: u64) -> (__m512i, u64) {
    // Leads have their top two bits set: the sign bit of `v & (v << 1)` (`vpmovb2m`, which
    // leaves the execution port of the compress free).
    let leads = _mm512_movepi8_mask(_mm512_and_si512(v, _mm512_add_epi8(v, v)));
    // 110000xx 10yyyyyy is the byte xxyyyyyy: the continuation as it is after 0xc2, plus 0x40
    // after 0xc3.
    let after_c3 = _mm512_cmpeq_epi8_mask(before, _mm512_set1_epi8(0xc3u8 as i8));
    let fixed = _mm512_mask_add_epi8(v, after_c3, v, _mm512_set1_epi8(0x40));
    let keep = !leads & valid;
    (_mm512_maskz_compress_epi8(keep, fixed), keep)
}

/// The byte before each of the first 64 bytes of a text, `v`: `v` shifted up by one, its
/// first byte before itself. That byte starts a character, so it is kept unchanged when ASCII
/// and dropped when a lead, whatever it is taken to follow.
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
fn first_before(v: __m512i) -> __m512i {
    /// Byte k takes byte k - 1 (byte 0 itself).
    static SHIFT_UP: [u8; 64] = {
        let mut index = [0u8; 64];
        let mut k = 1;
        while k < 64 {
            index[k] = k as u8 - 1;
            k += 1;
        }
        index
    };
    // SAFETY: the load reads the 64 bytes of the static table.
    let index = unsafe { _mm512_loadu_si512(SHIFT_UP.as_ptr().cast::<__m512i>()) };
    _mm512_permutexvar_epi8(index, v)
}

/// A mask of the lowest `n` (at most 64) bits.
#[inline(always)]
fn low_bits(n: usize) -> u64 {
    if n >= 64 {
        !0
    } else {
        (1u64 << n) - 1
    }
}

/// Characters converted per step by [`utf16_from_three_byte_run`]: as many as 64 bytes hold.
const RUN_CHARS: usize = 21;

/// The byte permutation giving 16-bit lane `k` (below [`RUN_CHARS`]) the bytes
/// `[3k + low, 3k + high]` of a block; the other lanes get byte 0.
const fn lanes_of(low: u8, high: u8) -> [u8; 64] {
    let mut index = [0u8; 64];
    let mut k = 0;
    while k < RUN_CHARS {
        index[2 * k] = 3 * k as u8 + low;
        index[2 * k + 1] = 3 * k as u8 + high;
        k += 1;
    }
    index
}

/// Lane k = (lead << 8) | middle byte of character k.
static LEAD_MID: [u8; 64] = lanes_of(1, 0);
/// Lane k = last byte of character k (the high byte is masked off later).
static LAST: [u8; 64] = lanes_of(2, 2);

/// UTF-16LE units from the run of three-byte UTF-8 characters (U+0800..=U+FFFF) at the start
/// of `src`, [`RUN_CHARS`] characters (63 bytes) per step, as
/// [`super::text_x86::utf16_from_three_byte_run`] does five. Returns (bytes read, bytes
/// written, whether another character ended the run); stops where fewer than 64 bytes remain
/// on either side.
///
/// # Safety
/// The CPU supports AVX-512 F, BW and VBMI ([`available`]), and `src` starts at a character
/// boundary of valid UTF-8.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
// SAFETY: unsafe only because it runs AVX-512 instructions, which the caller guarantees; a
// three-byte lead in valid UTF-8 is followed by its two continuation bytes, so checking the
// leads is enough.
pub(super) unsafe fn utf16_from_three_byte_run(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize, bool) {
    const ALL: u32 = (1 << RUN_CHARS) - 1;
    let (mut i, mut o) = (0, 0);
    while i + 64 <= src.len() && o + 64 <= out.len() {
        let block = &src[i..i + 64];
        let slot = &mut out[o..o + 64];
        // SAFETY: the load reads the 64 bytes of `block`, the store writes the 64 of `slot` (no
        // alignment needed); the caller guarantees the CPU features.
        let ok = unsafe {
            let (units, is_three) =
                three_byte_step(_mm512_loadu_si512(block.as_ptr().cast::<__m512i>()));
            _mm512_storeu_si512(slot.as_mut_ptr().cast::<__m512i>(), units);
            is_three & ALL
        };
        // A full step advances by a constant; fewer characters end the run.
        if ok != ALL {
            let good = (!ok).trailing_zeros() as usize;
            return (i + 3 * good, o + 2 * good, true);
        }
        i += 3 * RUN_CHARS;
        o += 2 * RUN_CHARS;
    }
    (i, o, false)
}

/// The [`RUN_CHARS`] UTF-16 units of the three-byte characters at the start of the 64 bytes
/// `v`, and the mask of the lanes whose lead is a three-byte lead (the units of the others are
/// garbage).
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
fn three_byte_step(v: __m512i) -> (__m512i, u32) {
    // SAFETY: the loads read the 64 bytes of the static tables.
    let (lead_mid, last) = unsafe {
        (
            _mm512_permutexvar_epi8(_mm512_loadu_si512(LEAD_MID.as_ptr().cast::<__m512i>()), v),
            _mm512_permutexvar_epi8(_mm512_loadu_si512(LAST.as_ptr().cast::<__m512i>()), v),
        )
    };
    let is_three = _mm512_cmpeq_epi16_mask(
        _mm512_and_si512(lead_mid, _mm512_set1_epi16(0xf000u16 as i16)),
        _mm512_set1_epi16(0xe000u16 as i16),
    );
    // 1110xxxx 10yyyyyy 10zzzzzz is xxxxyyyyyyzzzzzz.
    let x = _mm512_slli_epi16::<4>(_mm512_and_si512(lead_mid, _mm512_set1_epi16(0x0f00)));
    let y = _mm512_slli_epi16::<6>(_mm512_and_si512(lead_mid, _mm512_set1_epi16(0x003f)));
    let z = _mm512_and_si512(last, _mm512_set1_epi16(0x003f));
    (_mm512_or_si512(_mm512_or_si512(x, y), z), is_three)
}
