use fory_core::ForyObject;

#[derive(ForyObject)]
struct Borrowed<'a> {
    samples: &'a [f64],
}

fn main() {}
