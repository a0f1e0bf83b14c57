use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(encoding = "fixed")]
    name: String,
}

fn main() {}
