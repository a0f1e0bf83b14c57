use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(nullable, nullable)]
    count: i32,
}

fn main() {}
