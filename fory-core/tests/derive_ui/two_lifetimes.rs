use fory_core::ForyObject;

#[derive(ForyObject)]
struct Borrowed<'a, 'b> {
    name: &'a str,
    payload: &'b [u8],
}

fn main() {}
