//! Sets `cfg(fory_avx512)` where the compiler has stable AVX-512 intrinsics (Rust 1.89 and
//! later). The text transcoders then have a 64-byte-per-step loop for CPUs with AVX-512
//! VBMI2, picked at run time; older compilers build without it.

use std::process::Command;

/// The first Rust release with the AVX-512 intrinsics and target features stable.
const AVX512_STABLE_SINCE: u32 = 89;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-check-cfg=cfg(fory_avx512)");
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    // "rustc 1.95.0 (59807616e 2026-04-14)": the minor version of a 1.x compiler.
    let minor = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|version| {
            let number = version.split_whitespace().nth(1)?;
            let mut parts = number.split('.');
            (parts.next()? == "1").then_some(())?;
            parts.next()?.parse::<u32>().ok()
        });
    if minor.is_some_and(|minor| minor >= AVX512_STABLE_SINCE) {
        println!("cargo:rustc-cfg=fory_avx512");
    }
}
