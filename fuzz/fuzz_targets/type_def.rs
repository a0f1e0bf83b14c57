#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    fory_fuzz::decode_type_def(data);
});
