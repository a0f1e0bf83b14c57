use fory_core::ForyObject;

#[derive(ForyObject, Default)]
struct Record {
    user_name: String,
    #[fory(rename = "user_name")]
    login: String,
}

fn main() {}
