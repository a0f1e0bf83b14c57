//! MurmurHash3, the x64 128-bit variant, as Fory uses it for type-definition and meta-string
//! hashes (seed 47).

const C1: u64 = 0x87C3_7B91_1142_53D5;
const C2: u64 = 0x4CF5_AD43_2745_937F;

/// Scrambles one 64-bit input word for the first lane.
#[inline]
fn scramble1(k: u64) -> u64 {
    k.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2)
}

/// Scrambles one 64-bit input word for the second lane.
#[inline]
fn scramble2(k: u64) -> u64 {
    k.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1)
}

/// The final avalanche of a lane.
#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    k ^= k >> 33;
    k = k.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    k ^ (k >> 33)
}

/// MurmurHash3 x64_128 of `data`, returned as its two 64-bit lanes `(h1, h2)`.
///
/// The 16-byte digest of the reference implementation is `h1` then `h2`, each little-endian.
/// Fory's type hashes take `h1` (seed 47).
///
/// Both lanes start from `seed`. The reference implementations (the C++ original, which pyfory
/// wraps, and Fory's Java port) take a 32-bit seed and zero-extend it, so for every seed up to
/// `u32::MAX` the result is the same as theirs; larger seeds have no counterpart there.
///
/// ```
/// use fory_core::__private::meta::murmur3::murmurhash3_x64_128;
///
/// assert_eq!(murmurhash3_x64_128(b"", 0), (0, 0));
/// let (h1, h2) = murmurhash3_x64_128(b"The quick brown fox jumps over the lazy dog", 0);
/// assert_eq!((h1, h2), (0xe34bbc7bbc071b6c, 0x7a433ca9c49a9347));
/// ```
pub fn murmurhash3_x64_128(data: &[u8], seed: u64) -> (u64, u64) {
    let mut h1 = seed;
    let mut h2 = seed;

    let mut blocks = data.chunks_exact(16);
    for block in &mut blocks {
        let (lo, hi) = block.split_at(8);
        let k1 = u64::from_le_bytes(lo.try_into().expect("8 bytes"));
        let k2 = u64::from_le_bytes(hi.try_into().expect("8 bytes"));

        h1 ^= scramble1(k1);
        h1 = h1
            .rotate_left(27)
            .wrapping_add(h2)
            .wrapping_mul(5)
            .wrapping_add(0x52DC_E729);

        h2 ^= scramble2(k2);
        h2 = h2
            .rotate_left(31)
            .wrapping_add(h1)
            .wrapping_mul(5)
            .wrapping_add(0x3849_5AB5);
    }

    // The last 0..=15 bytes: the first 8 (little-endian) into the first lane, the rest into the
    // second. A lane with no tail bytes is left alone.
    let tail = blocks.remainder();
    let mut k1 = 0u64;
    let mut k2 = 0u64;
    for (i, &b) in tail.iter().enumerate() {
        if i < 8 {
            k1 |= (b as u64) << (8 * i);
        } else {
            k2 |= (b as u64) << (8 * (i - 8));
        }
    }
    if tail.len() > 8 {
        h2 ^= scramble2(k2);
    }
    if !tail.is_empty() {
        h1 ^= scramble1(k1);
    }

    let len = data.len() as u64;
    h1 ^= len;
    h2 ^= len;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    (h1, h2)
}

#[cfg(test)]
mod tests {
    use super::murmurhash3_x64_128;

    const fn sequence<const N: usize>() -> [u8; N] {
        let mut out = [0u8; N];
        let mut i = 0;
        while i < N {
            out[i] = i as u8;
            i += 1;
        }
        out
    }

    /// 0, 1, 2, ...
    static SEQ: [u8; 33] = sequence();
    /// 0..=255 four times.
    static KIB: [u8; 1024] = sequence();

    /// `(data, seed, h1, h2)`.
    type Row = (&'static [u8], u64, u64, u64);

    // pyfory 1.7.7: pyfory.lib.mmh3.hash_buffer(data, seed) -> (h1, h2), printed as unsigned
    // (xlang-tests/peers/python/murmur3_vectors.py). The first 33 rows cover every tail length
    // with zero, one and two full blocks.
    fn pyfory_rows() -> Vec<Row> {
        vec![
            (b"", 47, 0xc7d479d90be9a13a, 0x3adfd99a81dcb327),
            (&SEQ[..1], 47, 0x46f0406dbc95e046, 0x62a3b225c3582b12),
            (&SEQ[..2], 47, 0x2f35260373920095, 0x8ff437847983af3e),
            (&SEQ[..3], 47, 0x9fdfab7fd4f8f3a9, 0x5618e44e4aedd38b),
            (&SEQ[..4], 47, 0x2b22615890cfa35b, 0xb6d61d5d26582a0c),
            (&SEQ[..5], 47, 0xffeccf3f686bbc8d, 0xdbcda0f6c3329a3e),
            (&SEQ[..6], 47, 0xf2a71d932dba585b, 0x0138ada1ddab22cb),
            (&SEQ[..7], 47, 0x59a55def0e566932, 0xafbd88910f7a429a),
            (&SEQ[..8], 47, 0xda4ece0b3d6524a0, 0x58978fd89b7c38d9),
            (&SEQ[..9], 47, 0xe4619ccccf1eb9a4, 0x453ac2836d1076d1),
            (&SEQ[..10], 47, 0xe16cdd7242c1fbb4, 0xc7f17263f0396989),
            (&SEQ[..11], 47, 0x1ccbb24f4813203e, 0xfdaccf5c88eb01d3),
            (&SEQ[..12], 47, 0xb2098d080088bf5c, 0xbda3d88d6f00d785),
            (&SEQ[..13], 47, 0x871cb0b4ca8de0b6, 0x2ca454e92cfbe0bc),
            (&SEQ[..14], 47, 0x2665c5b34271dad3, 0x106337d508d9fae9),
            (&SEQ[..15], 47, 0xd58739a7e38282c3, 0xe21513255442221a),
            (&SEQ[..16], 47, 0x21833af0e6292411, 0x23729bf26aa9df25),
            (&SEQ[..17], 47, 0xa7eb7d6edb2a1e1c, 0xf0f52c458064fb69),
            (&SEQ[..18], 47, 0xb82da1648876f51d, 0x54aa33cef907b054),
            (&SEQ[..19], 47, 0x7e058aac9b9cf688, 0x46336bb19f47cdc4),
            (&SEQ[..20], 47, 0x3caec0a93a4330ea, 0xade3aa56c72854a6),
            (&SEQ[..21], 47, 0xee8cbfabd4b0b4fc, 0xb75df14e5aede3cf),
            (&SEQ[..22], 47, 0xdbc28251472e50d7, 0x9fa43b95cf6e78d9),
            (&SEQ[..23], 47, 0x5919ec17f56ce867, 0x82dbea286d79cdf4),
            (&SEQ[..24], 47, 0x1e9858525c3d8814, 0xe2550e8a486cf7ff),
            (&SEQ[..25], 47, 0xcdaeae3a1d6a61d4, 0xfdc441bc64bc504e),
            (&SEQ[..26], 47, 0x651274824270c2d8, 0x41a76cb97bac73f3),
            (&SEQ[..27], 47, 0x1bdd084155d0edeb, 0xd49d2a98c9f55973),
            (&SEQ[..28], 47, 0x83ef19811db78c5c, 0x72e2414852443daf),
            (&SEQ[..29], 47, 0xd5300ce910847660, 0x16658b914bea5512),
            (&SEQ[..30], 47, 0x1849aac4b2d50cb3, 0x9a20ec6df94ea4a2),
            (&SEQ[..31], 47, 0xca07e9444c32db4b, 0xf3d3d350825f1c8e),
            (&SEQ[..32], 47, 0x8fe1d139cd6383a1, 0x1d99fbd356793956),
            (b"", 0, 0x0000000000000000, 0x0000000000000000),
            (b"", 1, 0x4610abe56eff5cb5, 0x51622daa78f83583),
            (&SEQ[..16], 0, 0x444924b591903f30, 0xab906456762fe845),
            (
                &[0x01, 0x02, 0x08],
                47,
                0x71944778d8141145,
                0x9ad6e901057baffb,
            ),
            (b"hello", 0, 0xcbd8a7b341bd9b02, 0x5b1e906a48ae1d19),
            (b"hello", 47, 0x60606acf3156dcae, 0x5a842681523e97c6),
            (
                b"The quick brown fox jumps over the lazy dog",
                0,
                0xe34bbc7bbc071b6c,
                0x7a433ca9c49a9347,
            ),
            (
                b"The quick brown fox jumps over the lazy dog",
                47,
                0x14f21edd7638538c,
                0x9a7163652ce03925,
            ),
            (
                b"org.apache.fory.Foo",
                47,
                0x01ed07a519ee93ea,
                0x0068ef554d12dbc3,
            ),
            (
                "naïve 名前".as_bytes(),
                47,
                0x38dd653a306dca1c,
                0x68e6df56c3fced3d,
            ),
            (&KIB, 47, 0x9e4a676b0bf2af8a, 0x5f8e7dd6b8e49733),
            // The largest 32-bit seed, which the peer takes as uint32_t.
            (
                &[0xff; 31],
                4294967295,
                0x44a3a3e0144c7eb0,
                0x3040eff3af0ba3e2,
            ),
        ]
    }

    #[test]
    fn matches_pyfory() {
        for (i, (data, seed, h1, h2)) in pyfory_rows().into_iter().enumerate() {
            let got = murmurhash3_x64_128(data, seed);
            assert_eq!(got, (h1, h2), "row {i}: {} bytes, seed {seed}", data.len());
        }
    }

    /// SMHasher's verification code for MurmurHash3_x64_128: hash the keys {}, {0}, {0, 1}, ...
    /// {0..=254} with seeds 256, 255, ..., 1, concatenate the 16-byte digests, hash that with
    /// seed 0 and read the first 4 bytes of the digest as a little-endian u32.
    #[test]
    fn smhasher_verification_value() {
        let key: Vec<u8> = (0..=255u8).collect();
        let mut digests = Vec::with_capacity(256 * 16);
        for i in 0..256 {
            let (h1, h2) = murmurhash3_x64_128(&key[..i], 256 - i as u64);
            digests.extend_from_slice(&h1.to_le_bytes());
            digests.extend_from_slice(&h2.to_le_bytes());
        }
        let (h1, _) = murmurhash3_x64_128(&digests, 0);
        assert_eq!(h1 as u32, 0x6384_BA69);
    }

    #[test]
    fn every_tail_byte_counts() {
        // For each length 0..=31 (every tail length, after zero and one full block), changing
        // any single byte changes both lanes, and bytes beyond the slice are never read.
        let backing: Vec<u8> = (0..64u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=31 {
            let data = &backing[..len];
            let base = murmurhash3_x64_128(data, 47);
            let mut extended = backing.clone();
            extended[len] ^= 0xFF;
            assert_eq!(murmurhash3_x64_128(&extended[..len], 47), base, "len {len}");
            for pos in 0..len {
                let mut changed = data.to_vec();
                changed[pos] ^= 0x01;
                let (h1, h2) = murmurhash3_x64_128(&changed, 47);
                assert!(h1 != base.0 && h2 != base.1, "len {len}, byte {pos}");
            }
            // Appending a zero byte is not the same input (the length is mixed in).
            let mut padded = data.to_vec();
            padded.push(0);
            assert_ne!(murmurhash3_x64_128(&padded, 47), base, "len {len}");
        }
    }

    #[test]
    fn seed_is_mixed_into_both_lanes() {
        let a = murmurhash3_x64_128(b"fory", 47);
        let b = murmurhash3_x64_128(b"fory", 48);
        assert!(a.0 != b.0 && a.1 != b.1);
    }
}
