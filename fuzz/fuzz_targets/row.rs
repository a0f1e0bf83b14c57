#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    fory_fuzz::decode_row(data);
});
