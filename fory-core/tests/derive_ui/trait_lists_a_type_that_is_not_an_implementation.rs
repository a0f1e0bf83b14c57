use fory_core::{register_trait, AsAny, ForyObject};

trait Shape: AsAny {
    fn area(&self) -> f64;
}

#[derive(ForyObject, Default)]
struct Square {
    side: f64,
}

#[derive(ForyObject, Default)]
struct Rock {
    weight: i64,
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

register_trait!(Shape, Square, Rock);

fn main() {}
