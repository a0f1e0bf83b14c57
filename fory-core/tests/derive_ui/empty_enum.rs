use fory_core::ForyObject;

#[derive(ForyObject)]
enum Never {}

fn main() {}
