use fory_core::ForyObject;

#[derive(ForyObject)]
enum Event {
    #[fory(name = "Key")]
    Key(String),
    Moved(i32, i32),
}

fn main() {}
