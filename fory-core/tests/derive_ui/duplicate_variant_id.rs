use fory_core::ForyObject;

#[derive(ForyObject)]
enum Color {
    #[fory(id = 1)]
    Red,
    Green,
}

fn main() {}
