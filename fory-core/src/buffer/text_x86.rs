//! The x86_64 vector loops of [`super::text`]: 16 (SSE2, SSSE3) or 32 (AVX2) bytes per step
//! (64 by AVX-512 in `text_x86_avx512`),
//! where a character-at-a-time loop spends a dozen instructions per character.
//!
//! Every function here handles a prefix of its input (the part its blocks cover, or the run
//! of characters of one kind it converts) and reports how far it got; the caller in
//! [`super::text`] finishes the rest one character at a time. The tests of `text.rs` compare
//! the combined result with the obvious one-character-at-a-time version; they run these loops
//! on every x86_64 CPU with SSSE3, and the loops without them on the same inputs.
//!
//! Loads and stores go through bounds-checked slices (`&src[i..i + 16]`), so each `unsafe`
//! block's only obligations are the CPU features of its function, which the callers check.

use super::text::Vector;
use std::arch::x86_64::{
    __m128i, __m256i, _mm256_add_epi8, _mm256_alignr_epi8, _mm256_and_si256,
    _mm256_castsi128_si256, _mm256_castsi256_si128, _mm256_cmpeq_epi16, _mm256_cmpeq_epi8,
    _mm256_cmpgt_epi8, _mm256_extracti128_si256, _mm256_inserti128_si256, _mm256_loadu_si256,
    _mm256_max_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_permute2x128_si256,
    _mm256_sad_epu8, _mm256_set1_epi16, _mm256_set1_epi8, _mm256_set_epi64x, _mm256_setr_epi8,
    _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_slli_epi16, _mm256_storeu_si256,
    _mm256_sub_epi8, _mm_add_epi8, _mm_alignr_epi8, _mm_and_si128, _mm_andnot_si128,
    _mm_cmpeq_epi16, _mm_cmpeq_epi8, _mm_cmpgt_epi16, _mm_cmpgt_epi8, _mm_cmplt_epi8,
    _mm_cvtsi128_si32, _mm_cvtsi128_si64, _mm_loadu_si128, _mm_madd_epi16, _mm_max_epu8,
    _mm_movemask_epi8, _mm_or_si128, _mm_packus_epi16, _mm_sad_epu8, _mm_set1_epi16, _mm_set1_epi8,
    _mm_set_epi64x, _mm_setr_epi8, _mm_setzero_si128, _mm_shuffle_epi8, _mm_slli_epi16,
    _mm_slli_si128, _mm_srli_epi16, _mm_srli_si128, _mm_storel_epi64, _mm_storeu_si128,
    _mm_sub_epi16, _mm_sub_epi8, _mm_unpackhi_epi64, _mm_unpackhi_epi8, _mm_unpacklo_epi8,
    _mm_xor_si128,
};
use std::mem::MaybeUninit;

/// For each 8-bit mask, the positions of its set bits in increasing order, then 0x80 (which
/// `pshufb` turns into a zero byte): the shuffle that keeps the bytes the mask selects.
static KEEP: [[u8; 8]; 256] = {
    let mut table = [[0x80u8; 8]; 256];
    let mut mask = 0;
    while mask < 256 {
        let (mut bit, mut n) = (0, 0);
        while bit < 8 {
            if mask >> bit & 1 == 1 {
                table[mask][n] = bit as u8;
                n += 1;
            }
            bit += 1;
        }
        mask += 1;
    }
    table
};

/// For each 8-bit mask of non-ASCII Latin-1 bytes, the shuffle of the 16 bytes
/// `lead0, cont0, lead1, cont1, ...` that keeps every lead (the byte itself where ASCII) and
/// the continuation of each byte the mask marks: `8 + popcount(mask)` bytes, then zeros.
static WIDEN: [[u8; 16]; 256] = {
    let mut table = [[0x80u8; 16]; 256];
    let mut mask = 0;
    while mask < 256 {
        let (mut bit, mut n) = (0, 0);
        while bit < 8 {
            table[mask][n] = 2 * bit as u8;
            n += 1;
            if mask >> bit & 1 == 1 {
                table[mask][n] = 2 * bit as u8 + 1;
                n += 1;
            }
            bit += 1;
        }
        mask += 1;
    }
    table
};

/// The number of set bits of each byte value (the `popcnt` instruction is not baseline).
static ONES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u32).count_ones() as u8;
        i += 1;
    }
    table
};

/// The count of bytes that start a UTF-8 character (all but the continuation bytes
/// 0x80..=0xbf) and the largest byte of `bytes` (0 when empty).
pub(super) fn chars_and_max(bytes: &[u8]) -> (usize, u8) {
    let len = bytes.len();
    if len < 16 {
        let (low, high) = short_words(bytes);
        // The bytes as one block, zeros after them; the zeros count as characters, taken off
        // after. (Built in registers: stored in pieces and loaded whole, the load would wait
        // for the stores.)
        // SAFETY: register operations only, SSE2 (baseline on x86_64); `unsafe` for Rust
        // releases before 1.87, which do not yet call them safe.
        #[allow(unused_unsafe)]
        let (firsts, max) = unsafe {
            let v = _mm_set_epi64x(high as i64, low as i64);
            let firsts = _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65))) as u32;
            let mut m = _mm_max_epu8(v, _mm_srli_si128::<8>(v));
            m = _mm_max_epu8(m, _mm_srli_si128::<4>(m));
            m = _mm_max_epu8(m, _mm_srli_si128::<2>(m));
            m = _mm_max_epu8(m, _mm_srli_si128::<1>(m));
            (firsts, _mm_cvtsi128_si32(m) as u8)
        };
        return ((firsts & ((1 << len) - 1)).count_ones() as usize, max);
    }
    if len >= 128 && std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { chars_and_max_avx2(bytes) };
    }
    // SAFETY: every bit pattern, all zeros included, is a valid `__m128i`.
    chars_and_max_sse2(bytes, 0, unsafe { std::mem::zeroed() })
}

/// Widens the 16 bytes of `src` at `from` to 16-bit units at `out[to..to + 32]` and returns
/// how many of them, from the first, are ASCII (the units of the others are garbage).
#[inline(always)]
pub(super) fn widen16(src: &[u8], from: usize, out: &mut [MaybeUninit<u8>], to: usize) -> usize {
    let block = &src[from..from + 16];
    let slot = &mut out[to..to + 32];
    // SAFETY: the load reads the 16 bytes of `block`, the stores write the 32 of `slot`
    // (`MaybeUninit<u8>` has the layout of `u8`; no alignment needed); SSE2 is baseline on
    // x86_64.
    let high = unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let zero = _mm_setzero_si128();
        let p = slot.as_mut_ptr().cast::<__m128i>();
        _mm_storeu_si128(p, _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(p.add(1), _mm_unpackhi_epi8(v, zero));
        _mm_movemask_epi8(v) as u32
    };
    (high | 1 << 16).trailing_zeros() as usize
}

/// The bytes of `bytes` (fewer than 16) as the two little-endian words of a 16-byte block,
/// zeros after them: at most two overlapping loads per word.
#[inline(always)]
fn short_words(bytes: &[u8]) -> (u64, u64) {
    let len = bytes.len();
    debug_assert!(len < 16);
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let half = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    if len >= 8 {
        // The last eight bytes, without those the first word holds.
        let last = word(len - 8)
            .checked_shr(8 * (16 - len) as u32)
            .unwrap_or(0);
        (word(0), last)
    } else if len >= 4 {
        (half(0) | (half(len - 4) >> (8 * (8 - len))) << 32, 0)
    } else {
        let low = bytes
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b));
        (low, 0)
    }
}

/// Widens the bytes of `bytes` (fewer than 16), zeros after them, to 16-bit units at
/// `out[to..to + 32]`, without a load past the end of `bytes`.
#[inline(always)]
pub(super) fn widen_short(bytes: &[u8], out: &mut [MaybeUninit<u8>], to: usize) {
    let (low, high) = short_words(bytes);
    widen8(low, out, to);
    widen8(high, out, to + 16);
}

/// Widens the eight bytes of `word` (little-endian) to 16-bit units at `out[to..to + 16]`.
#[inline(always)]
pub(super) fn widen8(word: u64, out: &mut [MaybeUninit<u8>], to: usize) {
    let slot = &mut out[to..to + 16];
    // SAFETY: the store writes the 16 bytes of `slot` (`MaybeUninit<u8>` has the layout of
    // `u8`; no alignment needed); SSE2 is baseline on x86_64.
    unsafe {
        let v = _mm_unpacklo_epi8(_mm_set_epi64x(0, word as i64), _mm_setzero_si128());
        _mm_storeu_si128(slot.as_mut_ptr().cast::<__m128i>(), v);
    }
}

/// [`chars_and_max`] for `bytes[from..]` (`bytes` at least 16 bytes long), 16 bytes at a time,
/// the largest byte starting from those of `high`. The last (partial) sixteen are read as the
/// final sixteen bytes, counting only the new ones.
fn chars_and_max_sse2(bytes: &[u8], from: usize, mut high: __m128i) -> (usize, u8) {
    debug_assert!(bytes.len() >= 16 && from <= bytes.len());
    let len = bytes.len();
    let covered = from + (len - from) / 16 * 16;
    let last = &bytes[len - 16..];
    let mut chars = 0;
    // SAFETY: the loads read the 16-byte chunks of `bytes[from..covered]` and the 16 bytes of
    // `last` (no alignment needed); the rest are register operations; SSE2 is baseline on
    // x86_64.
    let max = unsafe {
        let not_continuation = _mm_set1_epi8(-65);
        // Byte counters take at most one per block: 255 blocks, then they are summed.
        for part in bytes[from..covered].chunks(255 * 16) {
            let mut count = _mm_setzero_si128();
            for block in part.chunks_exact(16) {
                let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
                // As signed bytes the continuation bytes are -128..=-65.
                count = _mm_sub_epi8(count, _mm_cmpgt_epi8(v, not_continuation));
                high = _mm_max_epu8(high, v);
            }
            let sums = _mm_sad_epu8(count, _mm_setzero_si128());
            chars += _mm_cvtsi128_si64(sums) as usize
                + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)) as usize;
        }
        if covered < len {
            let v = _mm_loadu_si128(last.as_ptr().cast::<__m128i>());
            let firsts = _mm_movemask_epi8(_mm_cmpgt_epi8(v, not_continuation)) as u32;
            chars += (firsts >> (16 - (len - covered))).count_ones() as usize;
            high = _mm_max_epu8(high, v);
        }
        // The largest of the 16 bytes, halving the candidates four times.
        high = _mm_max_epu8(high, _mm_srli_si128::<8>(high));
        high = _mm_max_epu8(high, _mm_srli_si128::<4>(high));
        high = _mm_max_epu8(high, _mm_srli_si128::<2>(high));
        high = _mm_max_epu8(high, _mm_srli_si128::<1>(high));
        _mm_cvtsi128_si32(high) as u8
    };
    (chars, max)
}

/// [`chars_and_max`] 32 bytes at a time, then 16 for the rest (at least 16 bytes).
///
/// # Safety
/// The CPU supports AVX2.
#[target_feature(enable = "avx2")]
// SAFETY: unsafe only because it runs AVX2 instructions; the one caller checks
// `is_x86_feature_detected!("avx2")` first.
unsafe fn chars_and_max_avx2(bytes: &[u8]) -> (usize, u8) {
    let covered = bytes.len() / 32 * 32;
    let mut chars = 0;
    // SAFETY: the loads read the 32-byte chunks of `bytes[..covered]` and the stores write the
    // 32 bytes of `sums` (no alignment needed); the caller guarantees AVX2.
    let high = unsafe {
        let not_continuation = _mm256_set1_epi8(-65);
        let mut high = _mm256_setzero_si256();
        for part in bytes[..covered].chunks(255 * 32) {
            let mut count = _mm256_setzero_si256();
            for block in part.chunks_exact(32) {
                let v = _mm256_loadu_si256(block.as_ptr().cast::<__m256i>());
                count = _mm256_sub_epi8(count, _mm256_cmpgt_epi8(v, not_continuation));
                high = _mm256_max_epu8(high, v);
            }
            let mut sums = [0u64; 4];
            let total = _mm256_sad_epu8(count, _mm256_setzero_si256());
            _mm256_storeu_si256(sums.as_mut_ptr().cast(), total);
            chars += sums.iter().sum::<u64>() as usize;
        }
        _mm_max_epu8(
            _mm256_castsi256_si128(high),
            _mm256_extracti128_si256::<1>(high),
        )
    };
    let (rest_chars, max) = chars_and_max_sse2(bytes, covered, high);
    (chars + rest_chars, max)
}

/// The count of bytes at or above 0x80 in the whole 16-byte blocks at the start of `bytes`,
/// and the number of bytes covered.
pub(super) fn count_high(bytes: &[u8]) -> (usize, usize) {
    let covered = bytes.len() / 16 * 16;
    let mut high = 0;
    for part in bytes[..covered].chunks(255 * 16) {
        // SAFETY: the loads read the 16-byte chunks of `part`; SSE2 is baseline on x86_64.
        unsafe {
            let zero = _mm_setzero_si128();
            let mut count = zero;
            for block in part.chunks_exact(16) {
                let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
                count = _mm_sub_epi8(count, _mm_cmplt_epi8(v, zero));
            }
            let sums = _mm_sad_epu8(count, zero);
            high += _mm_cvtsi128_si64(sums) as usize
                + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)) as usize;
        }
    }
    (high, covered)
}

/// The UTF-8 length of the UTF-16LE units in the whole 16-byte blocks at the start of `src`
/// (one byte per unit, one more from U+0080, one more from U+0800 except surrogates, which
/// are half of a four-byte character), and the number of bytes covered.
pub(super) fn utf8_len_of_utf16(src: &[u8]) -> (usize, usize) {
    let covered = src.len() / 16 * 16;
    let mut len = covered / 2;
    // 16-bit counters take at most two per block.
    for part in src[..covered].chunks(16_000 * 16) {
        let mut sums = [0u32; 4];
        // SAFETY: the loads read the 16-byte chunks of `part` and the store the 16 bytes of
        // `sums`; SSE2 is baseline on x86_64.
        unsafe {
            let flip = _mm_set1_epi16(0x8000u16 as i16);
            // With the sign bit flipped, unsigned order is signed order.
            let from_80 = _mm_set1_epi16((0x80u16 ^ 0x8000) as i16 - 1);
            let from_800 = _mm_set1_epi16((0x800u16 ^ 0x8000) as i16 - 1);
            let (f800, d800) = (
                _mm_set1_epi16(0xf800u16 as i16),
                _mm_set1_epi16(0xd800u16 as i16),
            );
            let mut count = _mm_setzero_si128();
            for block in part.chunks_exact(16) {
                let u = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
                let flipped = _mm_xor_si128(u, flip);
                let two = _mm_cmpgt_epi16(flipped, from_80);
                let three = _mm_andnot_si128(
                    _mm_cmpeq_epi16(_mm_and_si128(u, f800), d800),
                    _mm_cmpgt_epi16(flipped, from_800),
                );
                count = _mm_sub_epi16(_mm_sub_epi16(count, two), three);
            }
            // Pairs of 16-bit counters summed into 32-bit ones (at most 2 * 32,000 each).
            let wide = _mm_madd_epi16(count, _mm_set1_epi16(1));
            _mm_storeu_si128(sums.as_mut_ptr().cast(), wide);
        }
        len += sums.iter().map(|&s| s as usize).sum::<usize>();
    }
    (len, covered)
}

/// [`latin1_from_utf8`], by the widest loops `vector` allows first (64 input bytes per step
/// by AVX-512, then 32 by AVX2).
///
/// # Safety
/// The CPU supports the loops of `vector`, at least SSSE3.
// SAFETY: unsafe only because it runs the instructions of `vector`, which the caller
// guarantees the CPU has.
pub(super) unsafe fn latin1_from_utf8_any(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
    vector: Vector,
) -> (usize, usize, bool) {
    let (mut i, mut o) = (0, 0);
    #[cfg(fory_avx512)]
    if vector >= Vector::Avx512 {
        // SAFETY: the caller guarantees AVX-512 for `Avx512`.
        // It takes the whole text (its last step is masked), so nothing is left to the rest.
        return unsafe { super::text_x86_avx512::latin1_from_utf8(src, out) };
    }
    if vector >= Vector::Avx2 {
        // SAFETY: the caller guarantees AVX2 for `Avx2` and above.
        let (read, written, latin1) = unsafe { latin1_from_utf8_avx2(&src[i..], &mut out[o..]) };
        if !latin1 {
            return (i + read, o + written, false);
        }
        (i, o) = (i + read, o + written);
    }
    // SAFETY: the caller guarantees SSSE3.
    let (read, written, latin1) = unsafe { latin1_from_utf8(&src[i..], &mut out[o..]) };
    (i + read, o + written, latin1)
}

/// [`latin1_from_utf8`] 32 input bytes per step, each 128-bit lane as there; stops where
/// fewer than 32 bytes remain on either side.
///
/// # Safety
/// The CPU supports AVX2.
#[target_feature(enable = "avx2")]
// SAFETY: unsafe only because it runs AVX2 instructions, which the caller guarantees.
unsafe fn latin1_from_utf8_avx2(src: &[u8], out: &mut [MaybeUninit<u8>]) -> (usize, usize, bool) {
    let (mut i, mut o) = (0, 0);
    let mut beyond_latin1 = 0;
    // SAFETY: every bit pattern, all zeros included, is a valid `__m256i`.
    let mut carried_c3: __m256i = unsafe { std::mem::zeroed() };
    while i + 32 <= src.len() && o + 32 <= out.len() {
        let block = &src[i..i + 32];
        let slot = &mut out[o..o + 32];
        // SAFETY: the load reads the 32 bytes of `block`; the stores write 8 bytes at offsets
        // 0, n0, n0 + n1 and n0 + n1 + n2 (each at most 8) of `slot`, all inside its 32 bytes;
        // the caller guarantees AVX2.
        let written = unsafe {
            let v = _mm256_loadu_si256(block.as_ptr().cast::<__m256i>());
            let high = _mm256_movemask_epi8(v) as u32;
            if high == 0 {
                _mm256_storeu_si256(slot.as_mut_ptr().cast::<__m256i>(), v);
                carried_c3 = _mm256_setzero_si256();
                32
            } else {
                let leads =
                    _mm256_movemask_epi8(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-65))) as u32 & high;
                beyond_latin1 |=
                    _mm256_movemask_epi8(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-61))) as u32 & high;
                let c3 = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xc3u8 as i8));
                // The byte before each: the previous block's last, then this block's, across
                // the lanes.
                let before = _mm256_permute2x128_si256::<0x21>(carried_c3, c3);
                let after_c3 = _mm256_alignr_epi8::<15>(c3, before);
                carried_c3 = c3;
                let fixed = _mm256_add_epi8(v, _mm256_and_si256(after_c3, _mm256_set1_epi8(0x40)));
                let keep = !leads;
                let k = [
                    (keep & 0xff) as usize,
                    (keep >> 8 & 0xff) as usize,
                    (keep >> 16 & 0xff) as usize,
                    (keep >> 24) as usize,
                ];
                let shuffle = |a: usize, b: usize| {
                    _mm_set_epi64x(i64::from_le_bytes(KEEP[b]), i64::from_le_bytes(KEEP[a]))
                };
                let shuffle = _mm256_add_epi8(
                    _mm256_inserti128_si256::<1>(
                        _mm256_castsi128_si256(shuffle(k[0], k[1])),
                        shuffle(k[2], k[3]),
                    ),
                    // Each lane's high half counts from its byte 8.
                    _mm256_set_epi64x(0x0808_0808_0808_0808, 0, 0x0808_0808_0808_0808, 0),
                );
                let packed = _mm256_shuffle_epi8(fixed, shuffle);
                let (low, high) = (
                    _mm256_castsi256_si128(packed),
                    _mm256_extracti128_si256::<1>(packed),
                );
                let n = k.map(|m| usize::from(ONES[m]));
                let p = slot.as_mut_ptr();
                _mm_storel_epi64(p.cast::<__m128i>(), low);
                _mm_storel_epi64(p.add(n[0]).cast::<__m128i>(), _mm_unpackhi_epi64(low, low));
                _mm_storel_epi64(p.add(n[0] + n[1]).cast::<__m128i>(), high);
                _mm_storel_epi64(
                    p.add(n[0] + n[1] + n[2]).cast::<__m128i>(),
                    _mm_unpackhi_epi64(high, high),
                );
                n[0] + n[1] + n[2] + n[3]
            }
        };
        i += 32;
        o += written;
    }
    (back_to_lead(src, i), o, beyond_latin1 == 0)
}

/// Where the Latin-1 loops resume after reading `src[..i]`: a block that ended with a lead
/// byte wrote nothing for it, so its character is read again from its lead.
pub(super) fn back_to_lead(src: &[u8], i: usize) -> usize {
    if i > 0 && src[i - 1] >= 0xc0 {
        i - 1
    } else {
        i
    }
}

/// Latin-1 bytes from UTF-8 `src`, 16 input bytes per step. Returns (bytes read, bytes
/// written, whether every character read is at most U+00FF), the bytes read ending at a
/// character boundary when they are; stops where fewer than 16 bytes remain on either side.
/// When a character is above U+00FF, what was written is garbage (but inside `out`).
///
/// Each step takes 16 bytes whatever they hold, so that where the next load starts does not
/// wait for this block's contents: a lead byte at the end of a block is dropped like any
/// other, and the next block fixes its first byte (the continuation) with what it carries
/// over.
///
/// # Safety
/// The CPU supports SSSE3.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions; callers check
// `is_x86_feature_detected!("ssse3")` first.
pub(super) unsafe fn latin1_from_utf8(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize, bool) {
    let (mut i, mut o) = (0, 0);
    // Where bytes 0xc4 and above were seen: leads of characters above U+00FF.
    let mut beyond_latin1 = 0;
    // SAFETY: every bit pattern, all zeros included, is a valid `__m128i`.
    let mut carried_c3: __m128i = unsafe { std::mem::zeroed() };
    while i + 16 <= src.len() && o + 16 <= out.len() {
        let block = &src[i..i + 16];
        let slot = &mut out[o..o + 16];
        // SAFETY: the load reads the 16 bytes of `block`, the store the 16 of `slot`; the
        // caller guarantees SSSE3.
        let written = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let high = _mm_movemask_epi8(v) as u32;
            if high == 0 {
                _mm_storeu_si128(slot.as_mut_ptr().cast::<__m128i>(), v);
                carried_c3 = _mm_setzero_si128();
                16
            } else {
                // The byte before the first is the last of the previous block.
                let c3 = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xc3u8 as i8));
                let after_c3 = _mm_alignr_epi8::<15>(c3, carried_c3);
                carried_c3 = c3;
                let (packed, low, written, beyond) = latin1_block(v, after_c3, 0xffff);
                beyond_latin1 |= beyond;
                store_packed(slot, packed, low);
                written
            }
        };
        i += 16;
        o += written;
    }
    (back_to_lead(src, i), o, beyond_latin1 == 0)
}

/// One block of [`latin1_from_utf8`], the 16 bytes `v` with `after_c3` 0xff where the byte
/// before is 0xc3, keeping the bytes of `valid` that are not leads: the kept bytes, packed
/// into the low `low` bytes of the first half and the start of the second; `low`; the count
/// kept; and the mask of leads of characters above U+00FF (0xc4 and above).
///
/// # Safety
/// The CPU supports SSSE3.
#[inline]
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions; its callers are themselves SSSE3
// functions, whose callers check the feature. It reads only registers and the static tables.
unsafe fn latin1_block(v: __m128i, after_c3: __m128i, valid: u32) -> (__m128i, usize, usize, u32) {
    // SAFETY: register operations and reads of the static tables; the caller guarantees SSSE3.
    #[allow(unused_unsafe)]
    unsafe {
        let high = _mm_movemask_epi8(v) as u32;
        // Lead bytes are 0xc0 and above, -64..=-1 as signed bytes; 0xc4 and above are
        // -60..=-1.
        let leads = _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65))) as u32 & high;
        let beyond_latin1 = _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-61))) as u32 & high;
        let keep = !leads & valid;
        // 110000xx 10yyyyyy is the byte xxyyyyyy: the continuation byte as it is after 0xc2,
        // plus 0x40 after 0xc3 (the only leads of Latin-1 characters).
        let fixed = _mm_add_epi8(v, _mm_and_si128(after_c3, _mm_set1_epi8(0x40)));
        let (lo, hi) = ((keep & 0xff) as usize, (keep >> 8) as usize);
        let shuffle = _mm_add_epi8(
            _mm_set_epi64x(i64::from_le_bytes(KEEP[hi]), i64::from_le_bytes(KEEP[lo])),
            // The high half's indices count from byte 8 (0x80 + 8 still zeroes).
            _mm_set_epi64x(0x0808_0808_0808_0808, 0),
        );
        let low = usize::from(ONES[lo]);
        (
            _mm_shuffle_epi8(fixed, shuffle),
            low,
            low + usize::from(ONES[hi]),
            beyond_latin1,
        )
    }
}

/// Stores a block [`latin1_block`] packed at the start of `slot` (at least 16 bytes): its
/// first half, then its second from byte `low` (at most 8).
#[inline(always)]
fn store_packed(slot: &mut [MaybeUninit<u8>], packed: __m128i, low: usize) {
    let slot = &mut slot[..16];
    assert!(low <= 8);
    let p = slot.as_mut_ptr();
    // SAFETY: the stores write 8 bytes at offsets 0 and `low <= 8` of `slot`, inside its 16;
    // SSE2 is baseline on x86_64.
    unsafe {
        _mm_storel_epi64(p.cast::<__m128i>(), packed);
        _mm_storel_epi64(
            p.add(low).cast::<__m128i>(),
            _mm_unpackhi_epi64(packed, packed),
        );
    }
}

/// [`latin1_from_utf8`]'s block step on `src` of at most 16 bytes, read into a register (no
/// load past its end): `place(chars, out)` writes what goes before the body and returns where
/// it starts, and `out` has room for 16 bytes from there (the body, then bytes that do not
/// count). Returns the bytes written, or `None` (having written nothing) where a character is
/// above U+00FF.
///
/// # Safety
/// The CPU supports SSSE3.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions, which the caller guarantees.
pub(super) unsafe fn short_latin1(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
    place: impl FnOnce(usize, &mut [MaybeUninit<u8>]) -> usize,
) -> Option<usize> {
    let len = src.len();
    assert!(len <= 16);
    // SAFETY: the load reads the 16 bytes of `src` when it has 16; the rest are register
    // operations; the caller guarantees SSSE3.
    let (packed, low, chars, beyond) = unsafe {
        let v = if len == 16 {
            _mm_loadu_si128(src.as_ptr().cast::<__m128i>())
        } else {
            let (low, high) = short_words(src);
            _mm_set_epi64x(high as i64, low as i64)
        };
        let after_c3 = _mm_slli_si128::<1>(_mm_cmpeq_epi8(v, _mm_set1_epi8(0xc3u8 as i8)));
        // The zeros after the text would count as characters.
        latin1_block(v, after_c3, (1u32 << len) - 1)
    };
    if beyond != 0 {
        return None;
    }
    let at = place(chars, out);
    store_packed(&mut out[at..], packed, low);
    Some(at + chars)
}

/// UTF-16LE units from the run of three-byte UTF-8 characters (U+0800..=U+FFFF) at the start
/// of `src`, five characters (15 bytes) per step. Returns (bytes read, bytes written); stops
/// at the first other character or where fewer than 16 bytes remain on either side.
///
/// # Safety
/// The CPU supports SSSE3, and `src` starts at a character boundary of valid UTF-8.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions (callers check
// `is_x86_feature_detected!("ssse3")`); a 3-byte lead in valid UTF-8 is followed by its two
// continuation bytes, so checking the leads is enough.
pub(super) unsafe fn utf16_from_three_byte_run(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize) {
    let (mut i, mut o) = (0, 0);
    while i + 16 <= src.len() && o + 16 <= out.len() {
        let block = &src[i..i + 16];
        let slot = &mut out[o..o + 16];
        // SAFETY: the load reads the 16 bytes of `block`, the store writes the 16 of `slot`;
        // the caller guarantees SSSE3.
        let ok = unsafe {
            let (units, ok) = three_byte_block(_mm_loadu_si128(block.as_ptr().cast::<__m128i>()));
            _mm_storeu_si128(slot.as_mut_ptr().cast::<__m128i>(), units);
            ok
        };
        // Five characters advance by a constant, which the next load need not wait for;
        // fewer end the run (a separate exit, so that the advance is not a select).
        if ok != 0x3ff {
            let good = (!ok).trailing_zeros() as usize / 2;
            return (i + 3 * good, o + 2 * good);
        }
        i += 15;
        o += 10;
    }
    (i, o)
}

/// UTF-16LE units of `src`, fewer than 16 bytes, in one [`three_byte_block`] step where every
/// character is three bytes (short CJK text): written to the start of `out` (16 bytes, the
/// units first), returning their byte count; `None`, having written nothing, for other text.
/// The register is built without a load past the end of `src`. The answer is right for valid
/// UTF-8 (other bytes get a wrong one, never an access outside the slices).
///
/// # Safety
/// The CPU supports SSSE3.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions, which the caller guarantees.
pub(super) unsafe fn short_three_byte(src: &[u8], out: &mut [MaybeUninit<u8>]) -> Option<usize> {
    let chars = src.len() / 3;
    // Two mask bits per character: every one a three-byte lead, and nothing after them.
    let all = (1u32 << (2 * chars)) - 1;
    let (low, high) = short_words(src);
    // SAFETY: register operations; the caller guarantees SSSE3.
    let (units, ok) = unsafe { three_byte_block(_mm_set_epi64x(high as i64, low as i64)) };
    if ok != all || 3 * chars != src.len() {
        return None;
    }
    let slot = &mut out[..16];
    // SAFETY: the store writes the 16 bytes of `slot`; the caller guarantees SSSE3.
    unsafe { _mm_storeu_si128(slot.as_mut_ptr().cast::<__m128i>(), units) };
    Some(2 * chars)
}

/// One step of [`utf16_from_three_byte_run`] on the 16 bytes `v`: the UTF-16 units of the
/// five characters of bytes 0 to 14, taken to be three bytes each, and two mask bits per
/// character that is (lead 1110xxxx), for the first five.
///
/// # Safety
/// The CPU supports SSSE3.
#[inline]
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions; its caller is itself an SSSE3
// function, whose callers check the feature. Registers only.
unsafe fn three_byte_block(v: __m128i) -> (__m128i, u32) {
    // SAFETY: register operations; the caller guarantees SSSE3.
    #[allow(unused_unsafe)]
    unsafe {
        // Character k is bytes 3k, 3k+1, 3k+2: `lead_mid` has 16-bit lane k =
        // (byte 3k << 8) | byte 3k+1, `last` lane k = byte 3k+2.
        let lead_mid = _mm_shuffle_epi8(
            v,
            _mm_setr_epi8(1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1),
        );
        let last = _mm_shuffle_epi8(
            v,
            _mm_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1),
        );
        let is_three = _mm_cmpeq_epi16(
            _mm_and_si128(lead_mid, _mm_set1_epi16(0xf000u16 as i16)),
            _mm_set1_epi16(0xe000u16 as i16),
        );
        // Two mask bits per lane; lanes 5..=7 are not characters.
        let ok = _mm_movemask_epi8(is_three) as u32 & 0x3ff;
        // 1110xxxx 10yyyyyy 10zzzzzz is xxxxyyyyyyzzzzzz.
        let x = _mm_slli_epi16::<4>(_mm_and_si128(lead_mid, _mm_set1_epi16(0x0f00)));
        let y = _mm_slli_epi16::<6>(_mm_and_si128(lead_mid, _mm_set1_epi16(0x003f)));
        let z = _mm_and_si128(last, _mm_set1_epi16(0x003f));
        (_mm_or_si128(_mm_or_si128(x, y), z), ok)
    }
}

/// [`utf16_from_three_byte_run`], by the widest loops `vector` allows first (21 characters,
/// 63 bytes, per step by AVX-512, then ten by AVX2).
///
/// # Safety
/// The CPU supports the loops of `vector`, at least SSSE3; `src` starts at a character
/// boundary of valid UTF-8.
// SAFETY: unsafe only because it runs the instructions of `vector`, which the caller
// guarantees the CPU has.
pub(super) unsafe fn utf16_from_three_byte_runs(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
    vector: Vector,
) -> (usize, usize) {
    let (mut i, mut o) = (0, 0);
    #[cfg(fory_avx512)]
    if vector >= Vector::Avx512 {
        // SAFETY: the caller guarantees AVX-512 for `Avx512`, and a character boundary.
        let (read, written, ended) =
            unsafe { super::text_x86_avx512::utf16_from_three_byte_run(src, out) };
        if ended {
            return (read, written);
        }
        (i, o) = (read, written);
    }
    if vector >= Vector::Avx2 {
        // SAFETY: the caller guarantees AVX2 for `Avx2` and above.
        let (read, written, ended) =
            unsafe { utf16_from_three_byte_run_avx2(&src[i..], &mut out[o..]) };
        if ended {
            return (i + read, o + written);
        }
        (i, o) = (i + read, o + written);
    }
    // SAFETY: the caller guarantees SSSE3.
    let (read, written) = unsafe { utf16_from_three_byte_run(&src[i..], &mut out[o..]) };
    (i + read, o + written)
}

/// [`utf16_from_three_byte_run`] ten characters per step: five from the 16 bytes at `i` in
/// the low lane, five from the 16 at `i + 15` in the high lane. Returns (bytes read, bytes
/// written, whether another character ended the run); stops where fewer than 31 bytes remain
/// in `src` or 26 in `out`.
///
/// # Safety
/// The CPU supports AVX2.
#[target_feature(enable = "avx2")]
// SAFETY: unsafe only because it runs AVX2 instructions, which the caller guarantees.
unsafe fn utf16_from_three_byte_run_avx2(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize, bool) {
    let (mut i, mut o) = (0, 0);
    while i + 31 <= src.len() && o + 26 <= out.len() {
        let low = &src[i..i + 16];
        let high = &src[i + 15..i + 31];
        let slot = &mut out[o..o + 26];
        // SAFETY: the loads read the 16 bytes of `low` and of `high`; the stores write bytes
        // 0..16 and 10..26 of `slot`; the caller guarantees AVX2.
        let ok = unsafe {
            let v = _mm256_inserti128_si256::<1>(
                _mm256_castsi128_si256(_mm_loadu_si128(low.as_ptr().cast::<__m128i>())),
                _mm_loadu_si128(high.as_ptr().cast::<__m128i>()),
            );
            // As in the SSSE3 loop, in each lane.
            let lead_mid = _mm256_shuffle_epi8(
                v,
                _mm256_setr_epi8(
                    1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1, //
                    1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1,
                ),
            );
            let last = _mm256_shuffle_epi8(
                v,
                _mm256_setr_epi8(
                    2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1, //
                    2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1,
                ),
            );
            let is_three = _mm256_cmpeq_epi16(
                _mm256_and_si256(lead_mid, _mm256_set1_epi16(0xf000u16 as i16)),
                _mm256_set1_epi16(0xe000u16 as i16),
            );
            let ok = _mm256_movemask_epi8(is_three) as u32 & 0x03ff_03ff;
            let x = _mm256_slli_epi16::<4>(_mm256_and_si256(lead_mid, _mm256_set1_epi16(0x0f00)));
            let y = _mm256_slli_epi16::<6>(_mm256_and_si256(lead_mid, _mm256_set1_epi16(0x003f)));
            let z = _mm256_and_si256(last, _mm256_set1_epi16(0x003f));
            let units = _mm256_or_si256(_mm256_or_si256(x, y), z);
            let p = slot.as_mut_ptr();
            _mm_storeu_si128(p.cast::<__m128i>(), _mm256_castsi256_si128(units));
            _mm_storeu_si128(
                p.add(10).cast::<__m128i>(),
                _mm256_extracti128_si256::<1>(units),
            );
            ok
        };
        // Ten characters advance by a constant; fewer end the run (a separate exit, so that
        // the advance is not a select).
        if ok != 0x03ff_03ff {
            let good = if ok & 0x3ff == 0x3ff {
                5 + (!(ok >> 16) & 0x3ff).trailing_zeros() as usize / 2
            } else {
                (!ok & 0x3ff).trailing_zeros() as usize / 2
            };
            return (i + 3 * good, o + 2 * good, true);
        }
        i += 30;
        o += 20;
    }
    (i, o, false)
}

/// UTF-8 from the UTF-16LE units at the start of `src`, eight units (16 bytes) per step while
/// they start with ASCII units (one byte each) or units of U+0800..=U+FFFF outside the
/// surrogates (three bytes each). Returns (bytes read, bytes written); stops after a block
/// that mixes kinds (having converted its leading units of one kind), or where fewer than 16
/// bytes remain in `src` or 24 in `out`.
///
/// # Safety
/// The CPU supports SSSE3.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions; callers check
// `is_x86_feature_detected!("ssse3")` first.
pub(super) unsafe fn utf8_from_utf16_runs(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> (usize, usize) {
    let (mut i, mut o) = (0, 0);
    while i + 16 <= src.len() && o + 24 <= out.len() {
        let block = &src[i..i + 16];
        let slot = &mut out[o..o + 24];
        // SAFETY: the load reads the 16 bytes of `block`; the stores write bytes 0..16 and
        // 16..24 of `slot` (or 0..8); the caller guarantees SSSE3.
        let (units, written) = unsafe {
            let u = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let p = slot.as_mut_ptr();
            let ascii = _mm_movemask_epi8(_mm_cmpeq_epi16(
                _mm_and_si128(u, _mm_set1_epi16(0xff80u16 as i16)),
                _mm_setzero_si128(),
            )) as u32;
            let ascii_run = (!ascii).trailing_zeros().min(16) as usize / 2;
            if ascii_run > 0 {
                _mm_storel_epi64(p.cast::<__m128i>(), _mm_packus_epi16(u, u));
                (ascii_run, ascii_run)
            } else {
                // Unsigned u >= 0x800 is signed (u ^ 0x8000) > 0x800 ^ 0x8000 - 1.
                let from_800 = _mm_cmpgt_epi16(
                    _mm_xor_si128(u, _mm_set1_epi16(0x8000u16 as i16)),
                    _mm_set1_epi16((0x800u16 ^ 0x8000) as i16 - 1),
                );
                let surrogate = _mm_cmpeq_epi16(
                    _mm_and_si128(u, _mm_set1_epi16(0xf800u16 as i16)),
                    _mm_set1_epi16(0xd800u16 as i16),
                );
                let three = _mm_movemask_epi8(_mm_andnot_si128(surrogate, from_800)) as u32;
                let run = (!three).trailing_zeros().min(16) as usize / 2;
                // 1110xxxx 10yyyyyy 10zzzzzz: `ab` lane k holds bytes x_k, y_k; `c` lane k z_k.
                let x = _mm_or_si128(_mm_srli_epi16::<12>(u), _mm_set1_epi16(0xe0));
                let y = _mm_or_si128(
                    _mm_and_si128(_mm_srli_epi16::<6>(u), _mm_set1_epi16(0x3f)),
                    _mm_set1_epi16(0x80),
                );
                let ab = _mm_or_si128(x, _mm_slli_epi16::<8>(y));
                let c = _mm_or_si128(_mm_and_si128(u, _mm_set1_epi16(0x3f)), _mm_set1_epi16(0x80));
                let first = _mm_or_si128(
                    _mm_shuffle_epi8(
                        ab,
                        _mm_setr_epi8(0, 1, -1, 2, 3, -1, 4, 5, -1, 6, 7, -1, 8, 9, -1, 10),
                    ),
                    _mm_shuffle_epi8(
                        c,
                        _mm_setr_epi8(-1, -1, 0, -1, -1, 2, -1, -1, 4, -1, -1, 6, -1, -1, 8, -1),
                    ),
                );
                let second = _mm_or_si128(
                    _mm_shuffle_epi8(
                        ab,
                        _mm_setr_epi8(
                            11, -1, 12, 13, -1, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                        ),
                    ),
                    _mm_shuffle_epi8(
                        c,
                        _mm_setr_epi8(
                            -1, 10, -1, -1, 12, -1, -1, 14, -1, -1, -1, -1, -1, -1, -1, -1,
                        ),
                    ),
                );
                _mm_storeu_si128(p.cast::<__m128i>(), first);
                _mm_storel_epi64(p.add(16).cast::<__m128i>(), second);
                (run, 3 * run)
            }
        };
        // A whole block of one kind advances by a constant, which the next load need not wait
        // for; a mixed block ends the call (a separate exit, so that the advance is not a
        // select).
        if units < 8 {
            return (i + 2 * units, o + written);
        }
        i += 16;
        o += written;
    }
    (i, o)
}

/// UTF-8 from Latin-1 `src`, 16 bytes per step. Returns (bytes read, bytes written); stops
/// where fewer than 16 bytes remain in `src` or 32 in `out`.
///
/// # Safety
/// The CPU supports SSSE3.
#[target_feature(enable = "ssse3")]
// SAFETY: unsafe only because it runs SSSE3 instructions; callers check
// `is_x86_feature_detected!("ssse3")` first.
pub(super) unsafe fn utf8_from_latin1(src: &[u8], out: &mut [MaybeUninit<u8>]) -> (usize, usize) {
    let (mut i, mut o) = (0, 0);
    while i + 16 <= src.len() && o + 32 <= out.len() {
        let block = &src[i..i + 16];
        let slot = &mut out[o..o + 32];
        // SAFETY: the load reads the 16 bytes of `block`; the stores write 16 bytes at offset
        // 0 and at offset `first <= 16` of `slot`, inside its 32 bytes; the caller guarantees
        // SSSE3.
        let written = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let p = slot.as_mut_ptr();
            let high = _mm_movemask_epi8(v) as u32;
            if high == 0 {
                _mm_storeu_si128(p.cast::<__m128i>(), v);
                16
            } else {
                // Byte b >= 0x80 is 110000bb 10bbbbbb: the lead 0xc0 | b >> 6, the
                // continuation 0x80 | b & 0x3f; an ASCII byte is its own lead.
                let is_high = _mm_cmplt_epi8(v, _mm_setzero_si128());
                let lead = _mm_or_si128(
                    _mm_and_si128(_mm_srli_epi16::<6>(v), _mm_set1_epi8(0x03)),
                    _mm_set1_epi8(0xc0u8 as i8),
                );
                let lead = _mm_or_si128(_mm_andnot_si128(is_high, v), _mm_and_si128(is_high, lead));
                let cont = _mm_or_si128(
                    _mm_and_si128(v, _mm_set1_epi8(0x3f)),
                    _mm_set1_epi8(0x80u8 as i8),
                );
                let (lo, hi) = ((high & 0xff) as usize, (high >> 8) as usize);
                let first = _mm_shuffle_epi8(
                    _mm_unpacklo_epi8(lead, cont),
                    _mm_loadu_si128(WIDEN[lo].as_ptr().cast::<__m128i>()),
                );
                let second = _mm_shuffle_epi8(
                    _mm_unpackhi_epi8(lead, cont),
                    _mm_loadu_si128(WIDEN[hi].as_ptr().cast::<__m128i>()),
                );
                let n = 8 + usize::from(ONES[lo]);
                _mm_storeu_si128(p.cast::<__m128i>(), first);
                _mm_storeu_si128(p.add(n).cast::<__m128i>(), second);
                n + 8 + usize::from(ONES[hi])
            }
        };
        i += 16;
        o += written;
    }
    (i, o)
}
