use fory_core::ForyObject;

#[derive(ForyObject)]
enum Event {
    Started(u64),
    Moved(i32, i32),
}

fn main() {}
