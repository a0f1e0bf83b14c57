use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(encoding = "tagged")]
    count: i32,
}

fn main() {}
