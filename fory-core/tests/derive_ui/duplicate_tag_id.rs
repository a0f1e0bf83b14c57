use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(id = 1)]
    name: String,
    #[fory(id = 1)]
    email: String,
}

fn main() {}
