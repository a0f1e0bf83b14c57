use fory_core::ForyObject;

#[derive(ForyObject)]
struct Inner {
    x: i32,
}

#[derive(ForyObject)]
struct Borrowed<'a> {
    inner: &'a Inner,
}

fn main() {}
