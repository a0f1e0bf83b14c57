//! Fast scans and transcoders for string bodies: finding the ASCII prefix, classifying UTF-8
//! text for Java's string rule, and converting between UTF-8 (Rust's strings) and the Latin-1
//! and UTF-16LE bodies Java writes.
//!
//! Text is mostly ASCII, so every loop here moves eight or sixteen ASCII bytes per step and
//! falls back to one character at a time only where a character needs it. On x86_64 the loops
//! of `text_x86` go first where the CPU has SSSE3 or AVX2 (checked at run time), 16 or 32
//! bytes per step whatever the characters, and these loops finish what they leave. The tests
//! below check each function, at each level of vector loops the CPU has, against the obvious
//! one-character-at-a-time version.

use std::mem::MaybeUninit;

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Writes the eight bytes of `word` at `at` (one store, where a copy of a variable-length
/// slice would call `memcpy`).
#[inline(always)]
fn put8(out: &mut [MaybeUninit<u8>], at: usize, word: u64) {
    for (slot, b) in out[at..at + 8].iter_mut().zip(word.to_le_bytes()) {
        slot.write(b);
    }
}

#[inline(always)]
fn put(out: &mut [MaybeUninit<u8>], at: usize, bytes: &[u8]) {
    for (slot, &b) in out[at..at + bytes.len()].iter_mut().zip(bytes) {
        slot.write(b);
    }
}

/// Whether every byte is ASCII: up to 16 bytes as two overlapping words, more with the
/// vectorized prefix scan.
#[inline(always)]
pub(super) fn is_ascii(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len >= 8 {
        if len > 16 {
            return ascii_prefix_len(bytes) == len;
        }
        return (word_at(bytes, 0) | word_at(bytes, len - 8)) & HIGH_BITS == 0;
    }
    if len >= 4 {
        let half = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        return (half(0) | half(len - 4)) & 0x8080_8080 == 0;
    }
    bytes.iter().all(|b| b.is_ascii())
}

/// How many bytes at the start of `bytes` are ASCII.
#[inline(always)]
pub(super) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= 16 {
        if bytes.len() >= 256 && std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { avx2::ascii_prefix_len(bytes) };
        }
        return sse2::ascii_prefix_len(bytes, 0);
    }
    ascii_prefix_len_by_words(bytes)
}

/// [`ascii_prefix_len`] eight bytes at a time; the last (partial) eight are read as the final
/// eight bytes, overlapping bytes already known to be ASCII.
#[inline(always)]
fn ascii_prefix_len_by_words(bytes: &[u8]) -> usize {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().take_while(|b| b.is_ascii()).count();
    }
    let mut done = 0;
    while done + 8 <= len {
        let high = word_at(bytes, done) & HIGH_BITS;
        if high != 0 {
            return done + high.trailing_zeros() as usize / 8;
        }
        done += 8;
    }
    if done < len {
        let start = len - 8;
        let high = word_at(bytes, start) & HIGH_BITS;
        if high != 0 {
            return start + high.trailing_zeros() as usize / 8;
        }
    }
    len
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128};

    /// The high bit of each of the 16 bytes at `at`, as the low 16 bits of the result.
    #[inline(always)]
    fn high_bits(bytes: &[u8], at: usize) -> u32 {
        let block = &bytes[at..at + 16];
        // SAFETY: `block` is 16 readable bytes and `loadu` has no alignment requirement; SSE2
        // is part of every x86_64 target, so the intrinsics exist.
        unsafe { _mm_movemask_epi8(_mm_loadu_si128(block.as_ptr().cast::<__m128i>())) as u32 }
    }

    /// Copies the 16 bytes of `src` at `from` to `out` at `to` and returns their high bits (as
    /// [`high_bits`] does).
    #[inline(always)]
    pub(super) fn copy16(
        src: &[u8],
        from: usize,
        out: &mut [std::mem::MaybeUninit<u8>],
        to: usize,
    ) -> u32 {
        use std::arch::x86_64::_mm_storeu_si128;
        let block = &src[from..from + 16];
        let slot = &mut out[to..to + 16];
        // SAFETY: `block` is 16 readable bytes and `slot` 16 writable ones (bounds-checked
        // slices; `MaybeUninit<u8>` has the layout of `u8`); `loadu`/`storeu` need no
        // alignment; SSE2 is baseline on x86_64.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            _mm_storeu_si128(slot.as_mut_ptr().cast::<__m128i>(), v);
            _mm_movemask_epi8(v) as u32
        }
    }

    /// The OR of the 64 bytes at `at`: its high bits are set where any of them is non-ASCII.
    #[inline(always)]
    fn any_high_in_64(bytes: &[u8], at: usize) -> bool {
        let block = &bytes[at..at + 64];
        let p = block.as_ptr().cast::<__m128i>();
        // SAFETY: the four loads read the 64 bytes of `block` (no alignment needed); SSE2 is
        // baseline on x86_64.
        unsafe {
            let a = _mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p.add(1)));
            let b = _mm_or_si128(_mm_loadu_si128(p.add(2)), _mm_loadu_si128(p.add(3)));
            _mm_movemask_epi8(_mm_or_si128(a, b)) != 0
        }
    }

    /// [`super::ascii_prefix_len`] for at least 16 bytes whose first `done` are known to be
    /// ASCII, 64 and then 16 at a time; the last (partial) sixteen are read as the final
    /// sixteen bytes.
    #[inline]
    pub(super) fn ascii_prefix_len(bytes: &[u8], mut done: usize) -> usize {
        let len = bytes.len();
        debug_assert!(len >= 16 && done <= len);
        while done + 64 <= len && !any_high_in_64(bytes, done) {
            done += 64;
        }
        while done + 16 <= len {
            let high = high_bits(bytes, done);
            if high != 0 {
                return done + high.trailing_zeros() as usize;
            }
            done += 16;
        }
        if done < len {
            let start = len - 16;
            let high = high_bits(bytes, start);
            if high != 0 {
                return start + high.trailing_zeros() as usize;
            }
        }
        len
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_setzero_si256,
        _mm256_storeu_si256,
    };
    use std::mem::MaybeUninit;

    /// [`super::ascii_prefix_len`] 128 bytes at a time while they are all ASCII; the block
    /// that is not, and the tail, go to the SSE2 scan.
    ///
    /// # Safety
    /// The CPU supports AVX2.
    #[target_feature(enable = "avx2")]
    // SAFETY: unsafe only because it may run AVX2 instructions; the one caller checks
    // `is_x86_feature_detected!("avx2")` first, and every load inside is bounds-checked.
    pub(super) unsafe fn ascii_prefix_len(bytes: &[u8]) -> usize {
        let mut done = 0;
        while done + 128 <= bytes.len() {
            let block = &bytes[done..done + 128];
            let p = block.as_ptr().cast::<__m256i>();
            // SAFETY: the four loads read the 128 bytes of `block` (no alignment needed); the
            // caller guarantees AVX2.
            let any_high = unsafe {
                let a = _mm256_or_si256(_mm256_loadu_si256(p), _mm256_loadu_si256(p.add(1)));
                let b = _mm256_or_si256(_mm256_loadu_si256(p.add(2)), _mm256_loadu_si256(p.add(3)));
                _mm256_movemask_epi8(_mm256_or_si256(a, b)) != 0
            };
            if any_high {
                break;
            }
            done += 128;
        }
        super::sse2::ascii_prefix_len(bytes, done)
    }

    /// [`super::copy_ascii`] for at least 32 bytes: the first 32, then from where the stores
    /// are 32-byte aligned (an unaligned store that crosses a cache line takes the store port
    /// twice) 128 a step while they are all ASCII, then 32, then the last 32 (overlapping
    /// bytes already copied). Each block is stored before it is checked, so the ASCII prefix
    /// is copied wherever it ends.
    ///
    /// # Safety
    /// The CPU supports AVX2.
    #[target_feature(enable = "avx2")]
    // SAFETY: unsafe only because it may run AVX2 instructions, which the caller guarantees;
    // every load and store inside is bounds-checked.
    pub(super) unsafe fn copy_ascii(src: &[u8], out: &mut [MaybeUninit<u8>]) -> usize {
        /// Copies the `32 * N` bytes at `at`; returns whether any of them is not ASCII.
        #[inline(always)]
        fn copy_blocks<const N: usize>(src: &[u8], out: &mut [MaybeUninit<u8>], at: usize) -> bool {
            let block = &src[at..at + 32 * N];
            let slot = &mut out[at..at + 32 * N];
            let (from, to) = (
                block.as_ptr().cast::<__m256i>(),
                slot.as_mut_ptr().cast::<__m256i>(),
            );
            // SAFETY: the loads read the `32 * N` bytes of `block`, the stores write the
            // `32 * N` of `slot` (no alignment needed); the caller of `copy_ascii` guarantees
            // AVX2.
            unsafe {
                let mut any = _mm256_setzero_si256();
                for k in 0..N {
                    let v = _mm256_loadu_si256(from.add(k));
                    _mm256_storeu_si256(to.add(k), v);
                    any = _mm256_or_si256(any, v);
                }
                _mm256_movemask_epi8(any) != 0
            }
        }
        let len = src.len();
        assert!(len >= 32 && out.len() >= len);
        // The first 32 bytes, then from where the stores are 32-byte aligned: an unaligned
        // store that crosses a cache line takes the store port twice.
        if copy_blocks::<1>(src, out, 0) {
            return super::sse2::ascii_prefix_len(src, 0);
        }
        let mut done = 32 - (out.as_ptr() as usize & 31);
        while done + 128 <= len {
            if copy_blocks::<4>(src, out, done) {
                return super::sse2::ascii_prefix_len(src, done);
            }
            done += 128;
        }
        while done + 32 <= len {
            if copy_blocks::<1>(src, out, done) {
                return super::sse2::ascii_prefix_len(src, done);
            }
            done += 32;
        }
        if done < len && copy_blocks::<1>(src, out, len - 32) {
            return super::sse2::ascii_prefix_len(src, done);
        }
        len
    }
}

/// Copies the ASCII prefix of `src` to the start of `out` (which has room for all of `src`)
/// and returns its length; bytes after it may be copied too. One pass where the CPU has AVX2,
/// where a scan and then a copy would read the text twice.
#[inline]
pub(super) fn copy_ascii(src: &[u8], out: &mut [MaybeUninit<u8>]) -> usize {
    copy_ascii_with(src, out, vector())
}

/// [`copy_ascii`] by the loops of `vector` (only levels this CPU runs).
#[inline(always)]
fn copy_ascii_with(src: &[u8], out: &mut [MaybeUninit<u8>], vector: Vector) -> usize {
    match vector {
        #[cfg(all(target_arch = "x86_64", fory_avx512))]
        Vector::Avx512 if src.len() >= 64 => {
            // SAFETY: `vector` names only levels this CPU runs, AVX-512 here.
            match unsafe { super::text_x86_avx512::copy_ascii(src, out) } {
                Ok(()) => src.len(),
                Err(checked) => sse2::ascii_prefix_len(src, checked),
            }
        }
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `vector` names only levels this CPU runs, at least AVX2 here.
        _ if vector >= Vector::Avx2 && src.len() >= 32 => unsafe { avx2::copy_ascii(src, out) },
        _ => {
            let ascii = ascii_prefix_len(src);
            put(out, 0, &src[..ascii]);
            ascii
        }
    }
}

/// What Java's string rule needs to know about UTF-8 text, found in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TextScan {
    /// UTF-16 code units: one per character, two for a character above U+FFFF. For Latin-1
    /// text this is the character count.
    pub utf16_units: usize,
    /// Whether every character is at most U+00FF (Java's Latin-1 strings).
    pub latin1: bool,
}

/// Scans UTF-8 `bytes`. A character's first byte is any byte that is not a continuation byte
/// (0x80..=0xbf); a four-byte character starts at 0xf0 or above and is two UTF-16 units; a
/// character above U+00FF starts at 0xc4 or above. On x86_64 the first bytes are counted by
/// vector compares (16 or 32 bytes per step), with the largest byte; the four-byte leads are
/// only counted when that byte says there are some.
#[inline]
pub(super) fn scan(bytes: &[u8]) -> TextScan {
    #[cfg(target_arch = "x86_64")]
    {
        let (chars, max) = super::text_x86::chars_and_max(bytes);
        let four = if max >= 0xf0 {
            bytes.iter().filter(|&&b| b >= 0xf0).count()
        } else {
            0
        };
        TextScan {
            utf16_units: chars + four,
            latin1: max < 0xc4,
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let found = scan_by_blocks(bytes);
        TextScan {
            utf16_units: found.utf16_units,
            latin1: found.max < 0xc4,
        }
    }
}

/// UTF-16 units and the largest byte, found in blocks of 64 bytes with byte counters, which
/// the compiler turns into vector compares and adds.
#[cfg(any(test, not(target_arch = "x86_64")))]
struct BlockScan {
    utf16_units: usize,
    max: u8,
}

#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn scan_by_blocks(bytes: &[u8]) -> BlockScan {
    #[inline(always)]
    fn count(block: &[u8], max: &mut u8) -> usize {
        // At most 2 per byte of a block of at most 64: 128 fits a u8.
        let mut units = 0u8;
        for &b in block {
            units += u8::from(b as i8 >= -64) + u8::from(b >= 0xf0);
            *max = (*max).max(b);
        }
        usize::from(units)
    }
    let mut units = 0;
    let mut max = 0u8;
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        let block: &[u8; 64] = block.try_into().unwrap_or(&[0; 64]);
        units += count(block, &mut max);
    }
    units += count(blocks.remainder(), &mut max);
    BlockScan {
        utf16_units: units,
        max,
    }
}

/// Which of the vector loops of `text_x86` can run here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[repr(u8)]
pub(super) enum Vector {
    /// None: the portable loops only.
    None,
    /// The SSSE3 loops.
    Ssse3,
    /// The SSSE3 and the AVX2 loops.
    Avx2,
    /// The AVX-512 loops too (F, BW, VBMI, VBMI2), where the compiler has them.
    #[cfg(fory_avx512)]
    Avx512,
}

/// The widest vector loops the text conversions run on this CPU, for reports: "AVX-512",
/// "AVX2", "SSSE3" or "none" (the portable loops only).
pub fn vector_level() -> &'static str {
    match vector() {
        Vector::None => "none",
        Vector::Ssse3 => "SSSE3",
        Vector::Avx2 => "AVX2",
        #[cfg(fory_avx512)]
        Vector::Avx512 => "AVX-512",
    }
}

/// The vector loops this CPU can run: checked at the first call, then one load.
#[inline(always)]
fn vector() -> Vector {
    use std::sync::atomic::{AtomicU8, Ordering};
    /// [`detect`]'s answer plus one; 0 before the first call.
    static LEVEL: AtomicU8 = AtomicU8::new(0);
    match LEVEL.load(Ordering::Relaxed) {
        1 => Vector::None,
        2 => Vector::Ssse3,
        3 => Vector::Avx2,
        #[cfg(fory_avx512)]
        4 => Vector::Avx512,
        _ => {
            let found = detect();
            LEVEL.store(found as u8 + 1, Ordering::Relaxed);
            found
        }
    }
}

/// The vector loops this CPU can run.
#[cold]
fn detect() -> Vector {
    #[cfg(target_arch = "x86_64")]
    {
        if !std::is_x86_feature_detected!("ssse3") {
            return Vector::None;
        }
        if std::is_x86_feature_detected!("avx2") {
            #[cfg(fory_avx512)]
            if super::text_x86_avx512::available() {
                return Vector::Avx512;
            }
            return Vector::Avx2;
        }
        Vector::Ssse3
    }
    #[cfg(not(target_arch = "x86_64"))]
    Vector::None
}

/// Text of at most this many bytes is decided and converted in one step by
/// [`short_by_java_rule`] where the CPU has AVX-512.
pub(super) const ONE_STEP: usize = 64;

/// Text of at most this many bytes is converted to Latin-1 in one step by
/// [`latin1_in_one_step`] where the CPU has SSSE3 but not AVX-512.
const ONE_STEP_SSSE3: usize = 16;

/// Whether [`short_by_java_rule`] converts here (the CPU has AVX-512).
#[inline(always)]
pub(super) fn has_one_step() -> bool {
    #[cfg(all(target_arch = "x86_64", fory_avx512))]
    return vector() == Vector::Avx512;
    #[cfg(not(all(target_arch = "x86_64", fory_avx512)))]
    false
}

/// The longest text the writer gives [`latin1_in_one_step`] here: 0 where the CPU has no
/// SSSE3, or has AVX-512 (short text then goes to [`short_by_java_rule`] instead).
#[inline(always)]
pub(super) fn latin1_one_step_len() -> usize {
    one_step_len_at(vector())
}

#[inline(always)]
fn one_step_len_at(vector: Vector) -> usize {
    match vector {
        Vector::None => 0,
        Vector::Ssse3 | Vector::Avx2 => ONE_STEP_SSSE3,
        // Short text went to `short_by_java_rule` first.
        #[cfg(fory_avx512)]
        Vector::Avx512 => 0,
    }
}

/// Latin-1 from UTF-8 `src` of at most [`latin1_one_step_len`] bytes in one step:
/// `place(chars, out)` writes what goes before the body into `out` and returns where the body
/// starts; `out` has room for the body, and at least 16 bytes, from there. Returns the count of
/// bytes written, or `None` (having written nothing) where a character is above U+00FF or the
/// text is longer.
#[inline(always)]
pub(super) fn latin1_in_one_step(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
    place: impl FnOnce(usize, &mut [MaybeUninit<u8>]) -> usize,
) -> Option<usize> {
    latin1_in_one_step_with(src, out, place, vector())
}

/// [`latin1_in_one_step`] by the loops of `vector` (only levels this CPU runs).
#[inline(always)]
fn latin1_in_one_step_with(
    src: &[u8],
    out: &mut [MaybeUninit<u8>],
    place: impl FnOnce(usize, &mut [MaybeUninit<u8>]) -> usize,
    vector: Vector,
) -> Option<usize> {
    if src.len() > one_step_len_at(vector) {
        return None;
    }
    match vector {
        Vector::None => None,
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `vector` names only levels this CPU runs, at least SSSE3 here; `src` is at
        // most 16 bytes.
        Vector::Ssse3 | Vector::Avx2 => unsafe { super::text_x86::short_latin1(src, out, place) },
        #[cfg(all(target_arch = "x86_64", fory_avx512))]
        // SAFETY: as above (the writer sends short text to `short_by_java_rule` instead).
        Vector::Avx512 => unsafe { super::text_x86::short_latin1(src, out, place) },
        #[cfg(not(target_arch = "x86_64"))]
        _ => {
            let _ = (out, place);
            None
        }
    }
}

/// Appends short text, at most [`ONE_STEP`] bytes, to `buf` by Java's string rule in one step
/// where [`has_one_step`]: Latin-1 where every character is at most U+00FF (ASCII included),
/// UTF-16LE where every character is three bytes (fewer than [`ONE_STEP`] bytes).
/// `place(latin1, body_len, out)` writes the header into `out` (room for two bytes and the
/// body) and returns its size. For other text, or where the CPU cannot, appends nothing and
/// returns the length of the ASCII prefix.
#[inline(always)]
pub(super) fn short_by_java_rule(
    src: &[u8],
    buf: &mut Vec<u8>,
    place: impl FnOnce(bool, usize, &mut [MaybeUninit<u8>]) -> usize,
) -> Result<(), usize> {
    #[cfg(all(target_arch = "x86_64", fory_avx512))]
    if src.len() <= ONE_STEP && has_one_step() {
        // SAFETY: `has_one_step` says the CPU has AVX-512; `src` is at most 64 bytes of a
        // `str`.
        return unsafe { super::text_x86_avx512::short_by_java_rule(src, buf, place) };
    }
    let _ = (buf, place);
    Err(ascii_prefix_len(src))
}

/// Writes the Latin-1 bytes of UTF-8 `src` to the start of `out`, which holds at least one
/// byte per character, and returns the count written; or `None`, having written anything,
/// where a character is above U+00FF (so the text cannot be Latin-1).
pub(super) fn latin1_from_utf8(src: &[u8], out: &mut [MaybeUninit<u8>]) -> Option<usize> {
    latin1_from_utf8_with(src, out, vector())
}

/// [`latin1_from_utf8`], with the SSSE3 loop first when `vector` (true only where the CPU has
/// SSSE3).
fn latin1_from_utf8_with(src: &[u8], out: &mut [MaybeUninit<u8>], vector: Vector) -> Option<usize> {
    let (mut i, mut o) = (0, 0);
    #[cfg(target_arch = "x86_64")]
    if vector >= Vector::Ssse3 {
        // SAFETY: `vector` names only loops this CPU runs ([`vector`] or a lower level), at
        // least SSSE3 here.
        let (read, written, latin1) =
            unsafe { super::text_x86::latin1_from_utf8_any(src, out, vector) };
        if !latin1 {
            return None;
        }
        (i, o) = (read, written);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = vector;
    #[cfg(target_arch = "x86_64")]
    while i + 16 <= src.len() && o + 16 <= out.len() {
        // Store all sixteen bytes and keep the ASCII ones: what follows overwrites the rest.
        let high = sse2::copy16(src, i, out, o);
        if high == 0 {
            i += 16;
            o += 16;
            continue;
        }
        let ascii = high.trailing_zeros() as usize;
        i += ascii;
        o += ascii;
        if src[i] >= 0xc4 {
            return None;
        }
        // U+0080..=U+00FF: 110000xx 10yyyyyy is the byte xxyyyyyy.
        out[o].write((src[i] << 6) | (src[i + 1] & 0x3f));
        i += 2;
        o += 1;
    }
    while i < src.len() {
        if i + 8 <= src.len() && o + 8 <= out.len() {
            // Store all eight bytes and keep the ASCII ones: what follows overwrites the rest.
            let word = word_at(src, i);
            let high = word & HIGH_BITS;
            let ascii = if high == 0 {
                8
            } else {
                high.trailing_zeros() as usize / 8
            };
            put8(out, o, word);
            i += ascii;
            o += ascii;
            if ascii == 8 {
                continue;
            }
        }
        let lead = src[i];
        if lead < 0x80 {
            out[o].write(lead);
            i += 1;
        } else if lead < 0xc4 {
            // U+0080..=U+00FF: 110000xx 10yyyyyy is the byte xxyyyyyy.
            out[o].write((lead << 6) | (src[i + 1] & 0x3f));
            i += 2;
        } else {
            return None;
        }
        o += 1;
    }
    Some(o)
}

/// Writes the eight bytes of `word` as eight UTF-16LE units (zero high bytes) at `o`.
#[inline(always)]
fn widen8(word: u64, out: &mut [MaybeUninit<u8>], o: usize) {
    #[cfg(target_arch = "x86_64")]
    super::text_x86::widen8(word, out, o);
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut wide = [0u8; 16];
        for (pair, b) in wide.chunks_exact_mut(2).zip(word.to_le_bytes()) {
            pair[0] = b;
        }
        put(out, o, &wide);
    }
}

/// The UTF-16LE units of short text (fewer than 16 bytes) whose every character is three bytes
/// (most short CJK text), converted in one step where the CPU has SSSE3: written to the start
/// of `out` (at least 16 bytes, the units first), returning their byte count; `None`, having
/// written nothing, for other text or where the CPU cannot.
#[inline(always)]
pub(super) fn short_three_byte_utf16(src: &[u8], out: &mut [MaybeUninit<u8>]) -> Option<usize> {
    debug_assert!(src.len() < 16);
    #[cfg(target_arch = "x86_64")]
    if vector() >= Vector::Ssse3 {
        // SAFETY: `vector` says the CPU has SSSE3; `src` is the bytes of a `str`.
        return unsafe { super::text_x86::short_three_byte(src, out) };
    }
    let _ = (src, out);
    None
}

/// Writes the UTF-16LE units of UTF-8 `src` to the start of `out`, which holds at least two
/// bytes per unit. Returns the count of bytes written.
pub(super) fn utf16_from_utf8(src: &[u8], out: &mut [MaybeUninit<u8>]) -> usize {
    utf16_from_utf8_with(src, out, vector())
}

/// [`utf16_from_utf8`], runs of three-byte characters taken by the SSSE3 loop when `vector`
/// (true only where the CPU has SSSE3).
fn utf16_from_utf8_with(src: &[u8], out: &mut [MaybeUninit<u8>], vector: Vector) -> usize {
    let (mut i, mut o) = (0, 0);
    while i < src.len() {
        let lead = src[i];
        if lead < 0x80 {
            // ASCII bytes widen to units with a zero high byte: all of a block is widened, and
            // what follows its ASCII bytes overwrites the rest.
            #[cfg(target_arch = "x86_64")]
            if i + 16 <= src.len() && o + 32 <= out.len() {
                let ascii = super::text_x86::widen16(src, i, out, o);
                i += ascii;
                o += 2 * ascii;
                continue;
            }
            // Eight bytes from `i`; with fewer left (in text of at least eight bytes), the last
            // eight shifted down so that they start at `i`, zeros above (ASCII, not counted).
            let left = src.len() - i;
            let word = if left >= 8 {
                Some(word_at(src, i))
            } else if src.len() >= 8 {
                Some(word_at(src, src.len() - 8) >> (8 * (8 - left)))
            } else {
                None
            };
            if let (Some(word), true) = (word, o + 16 <= out.len()) {
                widen8(word, out, o);
                // At least one: `lead` is ASCII.
                let high = word & HIGH_BITS;
                let ascii = if high == 0 {
                    left.min(8)
                } else {
                    high.trailing_zeros() as usize / 8
                };
                i += ascii;
                o += 2 * ascii;
                continue;
            }
            put(out, o, &[lead, 0]);
            i += 1;
            o += 2;
            continue;
        }
        if lead & 0xf0 == 0xe0 {
            // A run of three-byte characters (most CJK text): five at a time by SSSE3, then
            // reading four bytes at a time.
            let mut vector_read = 0;
            #[cfg(target_arch = "x86_64")]
            // (The vector loops need 16 bytes on each side.)
            if vector >= Vector::Ssse3 && i + 16 <= src.len() && o + 16 <= out.len() {
                // SAFETY: `vector` names only loops this CPU runs ([`vector`] or a lower
                // level), at least SSSE3 here; `i` is a character boundary (a lead byte).
                let (read, written) = unsafe {
                    super::text_x86::utf16_from_three_byte_runs(&src[i..], &mut out[o..], vector)
                };
                i += read;
                o += written;
                vector_read = read;
            }
            #[cfg(not(target_arch = "x86_64"))]
            let _ = vector;
            let (read, written) = utf16_from_three_byte_run(&src[i..], &mut out[o..]);
            if read + vector_read > 0 {
                i += read;
                o += written;
                continue;
            }
        }
        let (read, written) = utf16_of_char(src, i, out, o);
        i += read;
        o += written;
    }
    o
}

/// [`utf16_from_utf8`] for text whose first `ascii` bytes are ASCII (Java's rule has counted
/// them already). Where fewer than 16 bytes follow them (a name or a tag with an accent or a
/// symbol at the end), the prefix is widened 16 bytes per step and the rest converted one
/// character at a time, without the setup of the vector loops. `out` holds two bytes per
/// byte of `src`, plus 32.
#[inline(always)]
pub(super) fn utf16_from_utf8_after_ascii(
    src: &[u8],
    ascii: usize,
    out: &mut [MaybeUninit<u8>],
) -> usize {
    debug_assert!(ascii <= src.len() && out.len() >= 2 * src.len() + 32);
    if src.len() - ascii >= 16 {
        return utf16_from_utf8(src, out);
    }
    utf16_with_short_rest(src, ascii, out)
}

/// [`utf16_from_utf8_after_ascii`] where fewer than 16 bytes follow the ASCII prefix.
#[inline(always)]
fn utf16_with_short_rest(src: &[u8], ascii: usize, out: &mut [MaybeUninit<u8>]) -> usize {
    debug_assert!(src[..ascii].is_ascii());
    let mut done = 0;
    while done < ascii {
        // Bytes after the prefix widen to garbage units, which the rest overwrites.
        widen_up_to16(&src[done..], out, 2 * done);
        done += 16;
    }
    let (rest, out) = (&src[ascii..], &mut out[2 * ascii..]);
    let (mut i, mut o) = (0, 0);
    while i < rest.len() {
        let (read, written) = utf16_of_char(rest, i, out, o);
        i += read;
        o += written;
    }
    2 * ascii + o
}

/// Widens the first 16 bytes of `src` (all of it when shorter, zeros after) to 16-bit units at
/// `out[to..to + 32]`.
#[inline(always)]
fn widen_up_to16(src: &[u8], out: &mut [MaybeUninit<u8>], to: usize) {
    #[cfg(target_arch = "x86_64")]
    if src.len() >= 16 {
        super::text_x86::widen16(src, 0, out, to);
    } else {
        super::text_x86::widen_short(src, out, to);
    }
    #[cfg(not(target_arch = "x86_64"))]
    for (k, &b) in src.iter().take(16).enumerate() {
        put(out, to + 2 * k, &[b, 0]);
    }
}

/// Writes the UTF-16LE unit or surrogate pair of the character that starts at `src[i]` (valid
/// UTF-8) at `out[o..]`. Returns (bytes read, bytes written).
#[inline(always)]
fn utf16_of_char(src: &[u8], i: usize, out: &mut [MaybeUninit<u8>], o: usize) -> (usize, usize) {
    let lead = src[i];
    let (c, n) = if lead < 0x80 {
        (u32::from(lead), 1)
    } else if lead < 0xe0 {
        (
            (u32::from(lead & 0x1f) << 6) | u32::from(src[i + 1] & 0x3f),
            2,
        )
    } else if lead < 0xf0 {
        let c = (u32::from(lead & 0x0f) << 12)
            | (u32::from(src[i + 1] & 0x3f) << 6)
            | u32::from(src[i + 2] & 0x3f);
        (c, 3)
    } else {
        let c = (u32::from(lead & 0x07) << 18)
            | (u32::from(src[i + 1] & 0x3f) << 12)
            | (u32::from(src[i + 2] & 0x3f) << 6)
            | u32::from(src[i + 3] & 0x3f);
        (c, 4)
    };
    if c < 0x1_0000 {
        put(out, o, &(c as u16).to_le_bytes());
        return (n, 2);
    }
    let c = c - 0x1_0000;
    let high = 0xd800 | (c >> 10) as u16;
    let low = 0xdc00 | (c & 0x3ff) as u16;
    let [h0, h1] = high.to_le_bytes();
    let [l0, l1] = low.to_le_bytes();
    put(out, o, &[h0, h1, l0, l1]);
    (n, 4)
}

/// Converts the three-byte characters at the start of `src` (a run of U+0800..=U+FFFF) while
/// four bytes remain, two output bytes each. Returns (bytes read, bytes written).
#[inline(always)]
fn utf16_from_three_byte_run(src: &[u8], out: &mut [MaybeUninit<u8>]) -> (usize, usize) {
    let (mut i, mut o) = (0, 0);
    while i + 4 <= src.len() && o + 2 <= out.len() {
        let mut word = [0u8; 4];
        word.copy_from_slice(&src[i..i + 4]);
        let w = u32::from_le_bytes(word);
        // 1110xxxx 10yyyyyy 10zzzzzz, in the low three bytes of `w`.
        if w & 0x00c0_c0f0 != 0x0080_80e0 {
            break;
        }
        let c = ((w & 0x0f) << 12) | ((w >> 2) & 0x0fc0) | ((w >> 16) & 0x3f);
        put(out, o, &(c as u16).to_le_bytes());
        i += 3;
        o += 2;
    }
    (i, o)
}

/// Latin-1 bytes as a `String`: ASCII is copied eight bytes at a time, U+0080..=U+00FF take
/// two bytes each.
pub(super) fn string_from_latin1(src: &[u8]) -> String {
    string_from_latin1_with(src, vector())
}

/// [`string_from_latin1`], 16 bytes per step by SSSE3 first when `vector` (true only where
/// the CPU has SSSE3).
fn string_from_latin1_with(src: &[u8], vector: Vector) -> String {
    #[cfg(target_arch = "x86_64")]
    let (counted, covered) = super::text_x86::count_high(src);
    #[cfg(not(target_arch = "x86_64"))]
    let (counted, covered) = (0, 0);
    let wide = counted + src[covered..].iter().filter(|&&b| b >= 0x80).count();
    let mut out = Vec::with_capacity(src.len() + wide);
    let room = &mut out.spare_capacity_mut()[..src.len() + wide];
    let (mut i, mut o) = (0, 0);
    #[cfg(target_arch = "x86_64")]
    if vector >= Vector::Ssse3 {
        // SAFETY: `vector` is `Ssse3` or more only where the CPU has SSSE3.
        (i, o) = unsafe { super::text_x86::utf8_from_latin1(src, room) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = vector;
    while i < src.len() {
        if i + 8 <= src.len() && o + 8 <= room.len() {
            // Store all eight bytes and keep the ASCII ones: what follows overwrites the rest.
            let word = word_at(src, i);
            let high = word & HIGH_BITS;
            let ascii = if high == 0 {
                8
            } else {
                high.trailing_zeros() as usize / 8
            };
            put8(room, o, word);
            i += ascii;
            o += ascii;
            if ascii == 8 {
                continue;
            }
        }
        let b = src[i];
        if b < 0x80 {
            room[o].write(b);
            o += 1;
        } else {
            put(room, o, &[0xc0 | (b >> 6), 0x80 | (b & 0x3f)]);
            o += 2;
        }
        i += 1;
    }
    debug_assert_eq!(o, src.len() + wide);
    // SAFETY: the loop wrote every one of the first `o` bytes of the spare capacity (one per
    // ASCII byte, two per other byte: `src.len() + wide` in all, the room reserved).
    unsafe { out.set_len(o) };
    // SAFETY: ASCII bytes are copied as they are and every other byte becomes a well-formed
    // two-byte sequence (lead 0xc2 or 0xc3, then a continuation byte): valid UTF-8.
    unsafe { String::from_utf8_unchecked(out) }
}

/// UTF-16LE `src` (an even byte count) as a `String`, or the byte index (into `src`) of the
/// first unpaired surrogate and that unit.
pub(super) fn string_from_utf16(src: &[u8]) -> Result<String, (usize, u16)> {
    string_from_utf16_with(src, vector())
}

/// [`string_from_utf16`], runs of ASCII and of three-byte characters taken eight units at a
/// time by SSSE3 when `vector` (true only where the CPU has SSSE3).
fn string_from_utf16_with(src: &[u8], vector: Vector) -> Result<String, (usize, u16)> {
    let units = src.len() / 2;
    let unit = |k: usize| u16::from_le_bytes([src[2 * k], src[2 * k + 1]]);
    // Bytes of UTF-8 per unit (a surrogate is half of a four-byte character): by vector
    // compares on x86_64, the rest summed in a loop that vectorizes.
    #[cfg(target_arch = "x86_64")]
    let (counted, covered) = super::text_x86::utf8_len_of_utf16(src);
    #[cfg(not(target_arch = "x86_64"))]
    let (counted, covered) = (0, 0);
    let utf8_len: usize = counted
        + src[covered..]
            .chunks_exact(2)
            .map(|pair| {
                let u = u16::from_le_bytes([pair[0], pair[1]]);
                1 + usize::from(u >= 0x80)
                    + usize::from(u >= 0x800 && !(0xd800..0xe000).contains(&u))
            })
            .sum::<usize>();
    let mut out = Vec::<u8>::with_capacity(utf8_len);
    let room = &mut out.spare_capacity_mut()[..utf8_len];
    let (mut k, mut o) = (0, 0);
    while k < units {
        #[cfg(target_arch = "x86_64")]
        // (The vector loop needs 16 bytes of input and 24 of room.)
        if vector >= Vector::Ssse3
            && 2 * k + 16 <= src.len()
            && o + 24 <= room.len()
            && !(0x80..0x800).contains(&unit(k))
        {
            // SAFETY: `vector` is `Ssse3` or more only where the CPU has SSSE3.
            let (read, written) =
                unsafe { super::text_x86::utf8_from_utf16_runs(&src[2 * k..], &mut room[o..]) };
            k += read / 2;
            o += written;
            if k == units {
                break;
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = vector;
        let u = unit(k);
        k += 1;
        match u {
            0..=0x7f => {
                room[o].write(u as u8);
                o += 1;
            }
            0x80..=0x7ff => {
                put(room, o, &[0xc0 | (u >> 6) as u8, 0x80 | (u & 0x3f) as u8]);
                o += 2;
            }
            0xd800..=0xdbff if k < units && (0xdc00..0xe000).contains(&unit(k)) => {
                let c = 0x1_0000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(unit(k)) - 0xdc00);
                k += 1;
                put(
                    room,
                    o,
                    &[
                        0xf0 | (c >> 18) as u8,
                        0x80 | ((c >> 12) & 0x3f) as u8,
                        0x80 | ((c >> 6) & 0x3f) as u8,
                        0x80 | (c & 0x3f) as u8,
                    ],
                );
                o += 4;
            }
            0xd800..=0xdfff => return Err((2 * (k - 1), u)),
            _ => {
                put(
                    room,
                    o,
                    &[
                        0xe0 | (u >> 12) as u8,
                        0x80 | ((u >> 6) & 0x3f) as u8,
                        0x80 | (u & 0x3f) as u8,
                    ],
                );
                o += 3;
            }
        }
    }
    debug_assert_eq!(o, utf8_len);
    // SAFETY: the loop wrote each of the first `o` bytes of the spare capacity (`o` never
    // exceeds the `utf8_len` bytes of `room`: every write is bounds-checked against it).
    unsafe { out.set_len(o) };
    // SAFETY: every unit became the UTF-8 encoding of a scalar value: ASCII as itself, other
    // units outside the surrogate range as two or three bytes, a high surrogate followed by a
    // low one as the four bytes of their character; unpaired surrogates returned an error.
    Ok(unsafe { String::from_utf8_unchecked(out) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings of every length up to 300 from pieces of each width, with the wide pieces at
    /// varying offsets, so that every block boundary is crossed.
    fn corpus() -> Vec<String> {
        let pieces = [
            "a", "Zq", "é", "ÿ", "ß", "\u{80}", "你", "😀", "\u{ffff}", "Ā", "\u{7ff}", "\u{800}",
        ];
        let mut out = vec![String::new()];
        for len in 1..300 {
            for (p, piece) in pieces.iter().enumerate() {
                let mut s = String::new();
                let mut k = 0;
                while s.chars().count() < len {
                    // Mostly ASCII, a wide piece every few characters.
                    if (k * 7 + p) % (3 + p) == 0 {
                        s.push_str(piece);
                    } else {
                        s.push(char::from(b'a' + (k % 26) as u8));
                    }
                    k += 1;
                }
                out.push(s);
            }
            out.push("x".repeat(len));
        }
        // Three-byte characters only, around the one-step limit (21 characters, 63 bytes).
        for len in 1..=23 {
            out.push("你好。\u{800}\u{ffff}".chars().cycle().take(len).collect());
        }
        // Long texts, past the vector loops' inner block counts (1 KiB and more).
        for piece in pieces {
            out.push(format!("{}{piece}", "ab".repeat(300)).repeat(4));
            out.push(piece.repeat(700));
        }
        // Runs of one width broken by others at every distance, as in Latin-1 prose (an
        // accented letter every few ASCII ones) and CJK prose (ASCII digits, a four-byte
        // character, a Latin-1 one between three-byte ones).
        let mut seed = 0x2545_f491_u64;
        for len in 0..400 {
            for mix in [
                ["é", "a", "ÿ", "Zq"],
                ["你", "。", "7", "😀"],
                ["你", "你", "é", "a"],
            ] {
                let mut s = String::new();
                for _ in 0..len {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let r = (seed >> 33) as usize;
                    // Mostly the first piece, the others now and then.
                    s.push_str(mix[if r % 8 < 5 { 0 } else { r % 4 }]);
                }
                out.push(s);
            }
        }
        out
    }

    /// The vector loops that can run here: the tests run the loops at each of these levels.
    fn vector_choices() -> Vec<Vector> {
        [
            Vector::None,
            Vector::Ssse3,
            Vector::Avx2,
            #[cfg(fory_avx512)]
            Vector::Avx512,
        ]
        .into_iter()
        .filter(|&v| v <= vector())
        .collect()
    }

    /// The first `n` bytes of `room`, every byte of which was initialized when it was made.
    fn initialized(room: &[MaybeUninit<u8>], n: usize) -> Vec<u8> {
        // SAFETY: the callers make `room` from `MaybeUninit::new(0)`, all bytes initialized.
        room[..n]
            .iter()
            .map(|b| unsafe { b.assume_init() })
            .collect()
    }

    fn filled(len: usize, f: impl FnOnce(&mut [MaybeUninit<u8>]) -> usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(len);
        let n = f(&mut v.spare_capacity_mut()[..len]);
        assert_eq!(n, len);
        // SAFETY: `f` reported `len` bytes written, checked above.
        unsafe { v.set_len(n) };
        v
    }

    #[test]
    fn each_scan_and_transcoder_equals_the_character_by_character_version() {
        for s in corpus() {
            let bytes = s.as_bytes();
            let ascii = bytes.iter().take_while(|b| b.is_ascii()).count();
            assert_eq!(ascii_prefix_len(bytes), ascii, "{s:?}");
            assert_eq!(ascii_prefix_len_by_words(bytes), ascii, "{s:?}");
            assert_eq!(is_ascii(bytes), ascii == bytes.len(), "{s:?}");
            let units = s.encode_utf16().count();
            let latin1 = s.chars().all(|c| u32::from(c) <= 0xff);
            let found = scan(bytes);
            assert_eq!((found.utf16_units, found.latin1), (units, latin1), "{s:?}");

            let found = scan_by_blocks(bytes);
            assert_eq!(
                (found.utf16_units, found.max < 0xc4),
                (units, latin1),
                "{s:?}"
            );

            let utf16: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
            #[cfg(all(target_arch = "x86_64", fory_avx512))]
            if has_one_step() && bytes.len() <= ONE_STEP {
                // One step, behind a two-byte prefix (the encoding, the body's length).
                let mut buf = vec![0xee];
                let place = |latin1: bool, len: usize, out: &mut [MaybeUninit<u8>]| {
                    out[0].write(latin1 as u8);
                    out[1].write(len as u8);
                    2
                };
                let found = short_by_java_rule(bytes, &mut buf, place);
                let three_byte = !s.is_empty() && s.chars().all(|c| c.len_utf8() == 3);
                let expected = if latin1 {
                    let body: Vec<u8> = s.chars().map(|c| c as u8).collect();
                    Ok([0xee, 1, body.len() as u8]
                        .into_iter()
                        .chain(body)
                        .collect())
                } else if three_byte && bytes.len() < ONE_STEP {
                    Ok([0xee, 0, utf16.len() as u8]
                        .into_iter()
                        .chain(utf16.clone())
                        .collect())
                } else {
                    Err(ascii)
                };
                assert_eq!(found.map(|()| buf), expected, "{s:?}");
            }
            if bytes.len() < 16 {
                // Short three-byte text in one step, where the CPU has SSSE3.
                let mut room = vec![MaybeUninit::new(0u8); 16];
                let found = short_three_byte_utf16(bytes, &mut room);
                let three_byte = s.chars().all(|c| c.len_utf8() == 3);
                let expected = (three_byte && vector() >= Vector::Ssse3).then(|| utf16.clone());
                assert_eq!(found.map(|n| initialized(&room, n)), expected, "{s:?}");
            }
            if bytes.len() <= 300 {
                // After the ASCII prefix, with exactly the room it asks for.
                let mut room = vec![MaybeUninit::new(0u8); 2 * bytes.len() + 32];
                let n = utf16_from_utf8_after_ascii(bytes, ascii, &mut room);
                assert_eq!(initialized(&room, n), utf16, "{s:?}");
            }
            for vector in vector_choices() {
                let written = filled(utf16.len(), |o| utf16_from_utf8_with(bytes, o, vector));
                assert_eq!(written, utf16, "{s:?} {vector:?}");
                assert_eq!(string_from_utf16_with(&utf16, vector).unwrap(), s);
                for offset in 0..3 {
                    // From an offset, for the loops that align their stores.
                    let mut room = vec![MaybeUninit::new(0u8); offset + bytes.len()];
                    let n = copy_ascii_with(bytes, &mut room[offset..], vector);
                    assert_eq!(n, ascii, "{s:?} {vector:?}");
                    assert_eq!(initialized(&room[offset..], n), &bytes[..n]);
                }
                if vector > Vector::None && bytes.len() <= one_step_len_at(vector) {
                    // One step, behind a two-byte prefix, in room for 16 bytes past it.
                    let mut room = vec![MaybeUninit::new(0u8); 2 + bytes.len().max(16)];
                    let place = |chars: usize, out: &mut [MaybeUninit<u8>]| {
                        out[0].write(chars as u8);
                        out[1].write(0xff);
                        2
                    };
                    let found = latin1_in_one_step_with(bytes, &mut room, place, vector);
                    let expected = latin1.then(|| {
                        let body = s.chars().map(|c| c as u8);
                        [s.chars().count() as u8, 0xff]
                            .into_iter()
                            .chain(body)
                            .collect()
                    });
                    let written = found.map(|n| initialized(&room, n));
                    assert_eq!(written, expected, "{s:?} {vector:?}");
                }
                if latin1 {
                    let expected: Vec<u8> = s.chars().map(|c| c as u8).collect();
                    let written = filled(expected.len(), |o| {
                        latin1_from_utf8_with(bytes, o, vector).unwrap_or(usize::MAX)
                    });
                    assert_eq!(written, expected, "{s:?} {vector:?}");
                    assert_eq!(string_from_latin1_with(&expected, vector), s);
                } else {
                    // Room for one byte per UTF-8 byte, as the writer gives text not known to
                    // be Latin-1.
                    let mut room = vec![MaybeUninit::new(0u8); bytes.len()];
                    let found = latin1_from_utf8_with(bytes, &mut room, vector);
                    assert_eq!(found, None, "{s:?} {vector:?}");
                }
            }
        }
    }

    #[test]
    fn the_ascii_prefix_is_found_at_every_offset_of_every_length() {
        // Past 256 bytes the scan takes 128 at a time where the CPU has AVX2.
        for len in (0..150).chain([255, 256, 300, 383, 384, 385, 640]) {
            assert_eq!(ascii_prefix_len(&vec![b'a'; len]), len);
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = 0xc3;
                assert_eq!(ascii_prefix_len(&bytes), at, "len {len}, at {at}");
            }
        }
    }

    #[test]
    fn the_ascii_prefix_is_copied_at_every_offset_of_every_length_and_alignment() {
        // The loops align their stores to 32 or 64 bytes: every alignment of the output.
        for vector in vector_choices() {
            for len in (0..150).chain([255, 256, 300, 385]) {
                for out_at in [0, 1, 15, 31, 32, 33, 63] {
                    for at in (0..len).chain([len]) {
                        let mut bytes = vec![b'a'; len];
                        if let Some(b) = bytes.get_mut(at) {
                            *b = 0x80;
                        }
                        let mut room = vec![MaybeUninit::new(0u8); out_at + len];
                        let n = copy_ascii_with(&bytes, &mut room[out_at..], vector);
                        assert_eq!(n, at, "len {len}, at {at}, out at {out_at}, {vector:?}");
                        assert_eq!(initialized(&room[out_at..], n), &bytes[..n]);
                    }
                }
            }
        }
    }

    #[test]
    fn every_latin1_byte_reads_as_its_character() {
        let all: Vec<u8> = (0..=255)
            .chain((0..=255).rev())
            .chain(0x70..=0x90)
            .collect();
        let expected: String = all.iter().map(|&b| char::from(b)).collect();
        for vector in vector_choices() {
            assert_eq!(string_from_latin1_with(&all, vector), expected);
            for start in 0..40 {
                let part = &all[start..];
                let expected: String = part.iter().map(|&b| char::from(b)).collect();
                assert_eq!(string_from_latin1_with(part, vector), expected);
            }
        }
    }

    #[test]
    fn every_utf16_unit_reads_as_the_standard_library_reads_it() {
        // Every unit once (lone surrogates are errors, found where they are), in blocks that
        // start at every offset; then units around the range boundaries, mixed.
        for vector in vector_choices() {
            for start in (0..0x1_0000).step_by(7) {
                let units: Vec<u16> = (start..(start + 40).min(0x1_0000))
                    .map(|u| u as u16)
                    .collect();
                let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
                match String::from_utf16(&units) {
                    Ok(s) => assert_eq!(string_from_utf16_with(&bytes, vector), Ok(s)),
                    Err(_) => {
                        let at = units.iter().position(|u| (0xd800..0xe000).contains(u));
                        let at = at.unwrap_or(0);
                        let result = string_from_utf16_with(&bytes, vector);
                        // A high surrogate followed by a low one pairs up; the first unpaired
                        // one is the error.
                        assert!(result.is_err(), "{start:#x}");
                        assert!(result.unwrap_err().0 >= 2 * at);
                    }
                }
            }
            let edges = [0x7fu16, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x41];
            let mut seed = 7u64;
            for len in 0..200 {
                let mut units = Vec::new();
                for _ in 0..len {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    units.push(edges[(seed >> 33) as usize % edges.len()]);
                }
                let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
                let expected = String::from_utf16(&units).unwrap();
                assert_eq!(string_from_utf16_with(&bytes, vector).unwrap(), expected);
            }
        }
    }

    #[test]
    fn unpaired_surrogates_are_found_where_they_are() {
        let units = |u: &[u16]| -> Vec<u8> { u.iter().flat_map(|u| u.to_le_bytes()).collect() };
        assert_eq!(string_from_utf16(&units(&[0x61, 0xdc00])), Err((2, 0xdc00)));
        assert_eq!(string_from_utf16(&units(&[0xd800, 0x61])), Err((0, 0xd800)));
        assert_eq!(string_from_utf16(&units(&[0x61, 0xd800])), Err((2, 0xd800)));
        assert_eq!(string_from_utf16(&units(&[0xd83d, 0xde00])).unwrap(), "😀");
        // Inside and after runs the vector loop takes.
        for vector in vector_choices() {
            for run in 0..20 {
                for lone in [0xd800u16, 0xdc00, 0xdbff, 0xdfff] {
                    for fill in [0x61u16, 0x4f60] {
                        let mut u = vec![fill; run];
                        u.push(lone);
                        u.extend([fill; 9]);
                        let found = string_from_utf16_with(&units(&u), vector);
                        assert_eq!(found, Err((2 * run, lone)), "{run} {lone:#x} {fill:#x}");
                    }
                }
            }
        }
    }
}
