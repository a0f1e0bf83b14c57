use fory_core::ForyObject;

#[derive(ForyObject)]
enum Event<T> {
    Started(T),
    Moved(i32, i32),
}

fn main() {}
