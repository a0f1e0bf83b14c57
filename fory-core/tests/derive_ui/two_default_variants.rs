use fory_core::ForyObject;

#[derive(ForyObject)]
enum Level {
    #[fory(default)]
    Low,
    #[fory(default)]
    High,
}

fn main() {}
