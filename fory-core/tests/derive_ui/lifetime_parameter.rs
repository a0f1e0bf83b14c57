use fory_core::ForyObject;

#[derive(ForyObject)]
struct Borrowed<'a> {
    name: &'a str,
}

fn main() {}
