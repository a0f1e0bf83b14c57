//! Trait objects: `Box<dyn Trait>`, `Rc<dyn Trait>`, `Arc<dyn Trait + Send + Sync>` of a trait
//! named in `register_trait!`, and `Rc<dyn Any>` / `Arc<dyn Any + Send + Sync>`, at the root,
//! as struct fields and as list and map elements, in both modes and with reference tracking.

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use fory_core::{register_trait, AsAny, Fory, ForyObject, Value};

trait Animal: AsAny {
    fn speak(&self) -> String;
}

#[derive(ForyObject, Debug, PartialEq, Default, Clone)]
struct Dog {
    name: String,
    volume: i32,
}

#[derive(ForyObject, Debug, PartialEq, Default, Clone)]
struct Cat {
    lives: i32,
}

/// Registered, but not an implementation of `Animal`.
#[derive(ForyObject, Debug, PartialEq, Default)]
struct Rock {
    weight: i64,
}

impl Animal for Dog {
    fn speak(&self) -> String {
        format!("{} says woof at {}", self.name, self.volume)
    }
}

impl Animal for Cat {
    fn speak(&self) -> String {
        format!("meow x{}", self.lives)
    }
}

register_trait!(sync Animal, Dog, Cat);

#[derive(ForyObject)]
struct Zoo {
    star: Box<dyn Animal>,
    animals: Vec<Box<dyn Animal>>,
    keepers: HashMap<String, Rc<dyn Animal>>,
    maybe: Option<Box<dyn Animal>>,
    shared: Arc<dyn Animal + Send + Sync>,
}

fn fory(compatible: bool, ref_tracking: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .ref_tracking(ref_tracking)
        .build();
    fory.register::<Dog>(250).unwrap();
    fory.register::<Cat>(251).unwrap();
    fory.register::<Zoo>(252).unwrap();
    fory.register::<Rock>(253).unwrap();
    fory
}

fn modes() -> Vec<Fory> {
    vec![
        fory(false, false),
        fory(true, false),
        fory(false, true),
        fory(true, true),
    ]
}

fn dog(name: &str) -> Dog {
    Dog {
        name: name.into(),
        volume: 7,
    }
}

fn speak_all<A: std::ops::Deref>(animals: &[A]) -> Vec<String>
where
    A::Target: Animal,
{
    animals.iter().map(|a| a.speak()).collect()
}

fn read_error<T: for<'de> fory_core::Deserialize<'de>>(fory: &Fory, bytes: &[u8]) -> String {
    match fory.deserialize::<T>(bytes) {
        Ok(_) => panic!(
            "read {} from bytes that do not hold one",
            std::any::type_name::<T>()
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn box_at_the_root_reads_back_the_concrete_type() {
    for fory in modes() {
        let value: Box<dyn Animal> = Box::new(dog("Rex"));
        let back: Box<dyn Animal> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back.downcast_ref::<Dog>(), Some(&dog("Rex")));
        assert!(!back.is::<Cat>());
    }
}

#[test]
fn rc_and_arc_at_the_root() {
    for fory in modes() {
        let value: Rc<dyn Animal> = Rc::new(Cat { lives: 9 });
        let back: Rc<dyn Animal> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back.speak(), "meow x9");
        let value: Arc<dyn Animal + Send + Sync> = Arc::new(dog("Ace"));
        let back: Arc<dyn Animal + Send + Sync> =
            fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        // The value can cross threads.
        let spoken = std::thread::spawn(move || back.speak()).join().unwrap();
        assert_eq!(spoken, "Ace says woof at 7");
    }
}

#[test]
fn struct_fields_lists_and_maps_of_trait_objects() {
    for fory in modes() {
        let zoo = Zoo {
            star: Box::new(dog("Rex")),
            animals: vec![Box::new(Cat { lives: 3 }), Box::new(dog("Ace"))],
            keepers: HashMap::from([("kim".to_string(), Rc::new(Cat { lives: 1 }) as Rc<_>)]),
            maybe: None,
            shared: Arc::new(Cat { lives: 2 }),
        };
        let back: Zoo = fory.deserialize(&fory.serialize(&zoo).unwrap()).unwrap();
        assert_eq!(back.star.speak(), "Rex says woof at 7");
        assert_eq!(speak_all(&back.animals), ["meow x3", "Ace says woof at 7"]);
        assert_eq!(back.keepers["kim"].speak(), "meow x1");
        assert!(back.maybe.is_none());
        assert_eq!(back.shared.speak(), "meow x2");
    }
}

#[test]
fn a_list_of_one_concrete_type_and_of_mixed_types() {
    for fory in modes() {
        let same: Vec<Box<dyn Animal>> = vec![Box::new(dog("a")), Box::new(dog("b"))];
        let back: Vec<Box<dyn Animal>> = fory.deserialize(&fory.serialize(&same).unwrap()).unwrap();
        assert_eq!(speak_all(&back), ["a says woof at 7", "b says woof at 7"]);
        let mixed: Vec<Option<Rc<dyn Animal>>> = vec![
            Some(Rc::new(Cat { lives: 4 })),
            None,
            Some(Rc::new(dog("c"))),
        ];
        let back: Vec<Option<Rc<dyn Animal>>> =
            fory.deserialize(&fory.serialize(&mixed).unwrap()).unwrap();
        assert_eq!(back.len(), 3);
        assert!(back[1].is_none());
        assert_eq!(back[0].as_ref().unwrap().speak(), "meow x4");
        assert_eq!(back[2].as_ref().unwrap().speak(), "c says woof at 7");
    }
}

#[test]
fn shared_trait_objects_stay_shared_with_reference_tracking() {
    let fory = fory(false, true);
    let cat: Rc<dyn Animal> = Rc::new(Cat { lives: 5 });
    let value = vec![
        cat.clone(),
        cat.clone(),
        Rc::new(dog("d")) as Rc<dyn Animal>,
    ];
    let back: Vec<Rc<dyn Animal>> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
    assert!(Rc::ptr_eq(&back[0], &back[1]));
    assert!(!Rc::ptr_eq(&back[0], &back[2]));
}

#[test]
fn a_registered_type_that_is_not_an_implementation_is_an_error_naming_both() {
    let fory = fory(false, false);
    let bytes = fory.serialize(&Rock { weight: 3 }).unwrap();
    let err = read_error::<Box<dyn Animal>>(&fory, &bytes);
    assert!(err.contains("Rock"), "{err}");
    assert!(err.contains("dyn Animal"), "{err}");
    assert!(err.contains("Dog, Cat"), "{err}");
    let bytes = fory.serialize(&"text".to_string()).unwrap();
    let err = read_error::<Rc<dyn Animal>>(&fory, &bytes);
    assert!(
        err.contains("STRING") && err.contains("dyn Animal"),
        "{err}"
    );
}

#[test]
fn an_unregistered_implementation_is_an_encode_error() {
    let fory = Fory::default();
    let value: Box<dyn Animal> = Box::new(dog("x"));
    let err = fory.serialize(&value).unwrap_err().to_string();
    assert!(
        err.contains("Dog") && err.contains("not registered"),
        "{err}"
    );
}

#[test]
fn rc_dyn_any_holds_registered_and_built_in_values() {
    for fory in modes() {
        let value: Rc<dyn Any> = Rc::new(dog("any"));
        let back: Rc<dyn Any> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back.downcast_ref::<Dog>(), Some(&dog("any")));
        let value: Rc<dyn Any> = Rc::new(Value::String("s".into()));
        let back: Rc<dyn Any> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(
            back.downcast_ref::<Value>(),
            Some(&Value::String("s".into()))
        );
    }
}

#[test]
fn arc_dyn_any_send_sync_holds_send_sync_types_and_scalars() {
    for fory in modes() {
        let value: Arc<dyn Any + Send + Sync> = Arc::new(dog("sync"));
        let back: Arc<dyn Any + Send + Sync> =
            fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        let back = std::thread::spawn(move || back.downcast_ref::<Dog>().cloned())
            .join()
            .unwrap();
        assert_eq!(back, Some(dog("sync")));
        let value: Vec<Arc<dyn Any + Send + Sync>> =
            vec![Arc::new(5i64), Arc::new("t".to_string()), Arc::new(1.5f64)];
        let back: Vec<Arc<dyn Any + Send + Sync>> =
            fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back[0].downcast_ref::<i64>(), Some(&5));
        assert_eq!(
            back[1].downcast_ref::<String>().map(String::as_str),
            Some("t")
        );
        assert_eq!(back[2].downcast_ref::<f64>(), Some(&1.5));
    }
}

#[test]
fn arc_dyn_any_send_sync_refuses_a_list_it_cannot_hold() {
    let fory = fory(false, false);
    let bytes = fory.serialize(&vec![1i32, 2]).unwrap();
    let err = read_error::<Arc<dyn Any + Send + Sync>>(&fory, &bytes);
    assert!(err.contains("dyn Any + Send + Sync"), "{err}");
}

#[test]
fn rc_str_and_arc_str_are_strings() {
    for fory in modes() {
        let value: Rc<str> = Rc::from("héllo");
        let bytes = fory.serialize(&value).unwrap();
        assert_eq!(bytes, fory.serialize(&"héllo".to_string()).unwrap());
        let back: Rc<str> = fory.deserialize(&bytes).unwrap();
        assert_eq!(&*back, "héllo");
        let value: Vec<Arc<str>> = vec![Arc::from("a"), Arc::from("")];
        let back: Vec<Arc<str>> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back, value);
        let back: Vec<String> = fory.deserialize(&fory.serialize(&value).unwrap()).unwrap();
        assert_eq!(back, ["a", ""]);
    }
}
