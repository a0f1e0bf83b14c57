//! Writes a small frame (header, a few primitives and strings), prints its bytes, and reads it
//! back. Run with `cargo run -p fory-core --example quick_start`.

use fory_core::FrameHeader;
use fory_core::{Fory, Result, Writer};

fn main() -> Result<()> {
    let fory = Fory::builder().max_string_bytes(1 << 20).build();

    let mut w = Writer::new();
    fory.write_header(&mut w, FrameHeader::default());
    w.write_varint32(-300);
    w.write_tagged_i64(1 << 40);
    w.write_str("café")?;
    w.write_str("你好")?;
    let bytes = w.into_inner();
    let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    println!("{} bytes: {}", bytes.len(), hex.join(" "));

    let (header, mut r) = fory.read_header(&bytes)?;
    println!("out-of-band: {}", header.out_of_band);
    println!("varint32:    {}", r.read_varint32()?);
    println!("tagged i64:  {}", r.read_tagged_i64()?);
    println!("string:      {}", r.read_str()?);
    println!("string:      {}", r.read_str()?);

    // Bad input is an error that says where and what, never a panic.
    let err = fory.read_header(&bytes[..5]).and_then(|(_, mut r)| {
        r.read_varint32()?;
        r.read_tagged_i64()
    });
    println!("truncated:   {}", err.unwrap_err());
    Ok(())
}
