use fory_core::ForyObject;

#[derive(ForyObject)]
enum Choice<'a> {
    Name(&'a str),
    Empty,
}

fn main() {}
