use fory_core::ForyObject;

#[derive(ForyObject)]
#[fory(ext)]
struct Label<'a> {
    text: &'a str,
}

fn main() {}
