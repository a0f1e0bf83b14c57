use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(compress)]
    count: i32,
}

fn main() {}
