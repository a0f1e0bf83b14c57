use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(id = 536870912)]
    name: String,
}

fn main() {}
