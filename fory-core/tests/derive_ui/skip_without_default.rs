use fory_core::ForyObject;

struct NoDefault;

#[derive(ForyObject)]
struct Holder {
    id: i32,
    #[fory(skip)]
    cache: NoDefault,
}

fn main() {}
