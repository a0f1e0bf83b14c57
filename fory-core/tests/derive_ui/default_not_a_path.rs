use fory_core::ForyObject;

#[derive(ForyObject)]
struct Holder {
    #[fory(default = "1 + 2")]
    id: i32,
}

fn main() {}
