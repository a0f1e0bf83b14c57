use fory_core::ForyObject;

#[derive(ForyObject)]
#[fory(ext)]
struct Money {
    #[fory(encoding = "fixed")]
    cents: i64,
    currency: String,
}

fn main() {}
