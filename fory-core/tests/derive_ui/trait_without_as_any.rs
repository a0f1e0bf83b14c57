use fory_core::{register_trait, ForyObject};

trait Shape {
    fn area(&self) -> f64;
}

#[derive(ForyObject, Default)]
struct Square {
    side: f64,
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

register_trait!(Shape, Square);

fn main() {}
