use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(skip, id = 3)]
    cache: Vec<u8>,
}

fn main() {}
