use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    #[fory(encoding = "zigzag")]
    count: i64,
}

fn main() {}
