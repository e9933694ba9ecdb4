//! Reading a W3C annotation file as it streams, counting its annotations as
//! they come: a file with a million annotations is refused at the first one
//! past [`MAX_IMPORTED`], having held no more than that many in memory (a
//! 1.1 GB file cost 8.1 GB when it was read whole first).
//!
//! The shapes accepted: an `AnnotationCollection` (its annotations under
//! `first.items`), an `AnnotationPage` (under `items`), one `Annotation`, or
//! a list of annotations. Items that are not annotations are skipped. A
//! collection or page may be empty; a bare list must hold one annotation.

use super::web_annotation::MAX_IMPORTED;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// What an import needs from the file.
#[derive(Debug, Default, PartialEq)]
pub struct W3cFile {
    /// The collection's (or lone annotation's) "id", when it is a string.
    pub id: Option<String>,
    pub annotations: Vec<Value>,
}

#[derive(Debug)]
pub enum ReadError {
    Json(serde_json::Error),
    NoAnnotations,
    /// Stopped at this many annotations, one past the limit.
    TooMany(usize),
}

/// Reads the file from `input` (then checks that nothing but white space follows).
pub fn read_annotations<'de, R: serde_json::de::Read<'de>>(
    input: &mut serde_json::Deserializer<R>,
) -> Result<W3cFile, ReadError> {
    let mut counter = Counter::default();
    let shape = Top {
        counter: &mut counter,
    }
    .deserialize(&mut *input)
    .and_then(|shape| input.end().map(|()| shape));
    if counter.too_many {
        return Err(ReadError::TooMany(counter.count));
    }
    let shape = shape.map_err(ReadError::Json)?;
    match shape {
        Shape::List(annotations) if !annotations.is_empty() => Ok(W3cFile {
            id: None,
            annotations,
        }),
        Shape::Object { rest, first, items } => {
            let id = rest.get("id").and_then(Value::as_str).map(str::to_string);
            if is_annotation(&rest) {
                return Ok(W3cFile {
                    id,
                    annotations: vec![Value::Object(rest)],
                });
            }
            // A collection's page wins over items beside it, as it always did.
            let annotations = match first {
                Some(first) => first.ok_or(ReadError::NoAnnotations)?,
                None => items.ok_or(ReadError::NoAnnotations)?,
            };
            Ok(W3cFile { id, annotations })
        }
        _ => Err(ReadError::NoAnnotations),
    }
}

pub fn is_annotation(object: &Map<String, Value>) -> bool {
    let is = |t: &Value| t.as_str() == Some("Annotation");
    match object.get("type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// The visitor methods for a value that is not a list or an object: `$value`.
macro_rules! scalars_are {
    ($value:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// Each reader is a seed (it holds the counter) that visits the value itself.
macro_rules! seed_is_its_own_visitor {
    ($reader:ident, $value:ty) => {
        impl<'de> DeserializeSeed<'de> for $reader<'_> {
            type Value = $value;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<$value, D::Error> {
                d.deserialize_any(self)
            }
        }
    };
}

/// Annotations kept so far, over every list of the file.
#[derive(Default)]
struct Counter {
    count: usize,
    too_many: bool,
}

/// The file's top level.
enum Shape {
    List(Vec<Value>),
    Object {
        /// Every member but "first" and "items".
        rest: Map<String, Value>,
        /// "first": its "items" when it is an object holding a list.
        first: Option<Option<Vec<Value>>>,
        /// "items", when it is a list.
        items: Option<Vec<Value>>,
    },
    Other,
}

struct Top<'c> {
    counter: &'c mut Counter,
}

seed_is_its_own_visitor!(Top, Shape);

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("W3C annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Shape, A::Error> {
        Items {
            counter: self.counter,
        }
        .visit_seq(seq)
        .map(|items| Shape::List(items.unwrap_or_default()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut rest = Map::new();
        let mut first = None;
        let mut items = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "first" => {
                    first = Some(map.next_value_seed(Page {
                        counter: self.counter,
                    })?)
                }
                "items" => {
                    items = map.next_value_seed(Items {
                        counter: self.counter,
                    })?
                }
                _ => {
                    rest.insert(key, map.next_value()?);
                }
            }
        }
        Ok(Shape::Object { rest, first, items })
    }

    scalars_are!(Shape::Other);
}

/// A collection's "first" page: its "items" if it is an object that has a
/// list there, the rest skipped unread.
struct Page<'c> {
    counter: &'c mut Counter,
}

seed_is_its_own_visitor!(Page, Option<Vec<Value>>);

impl<'de> Visitor<'de> for Page<'_> {
    type Value = Option<Vec<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an AnnotationPage")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut items = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                items = map.next_value_seed(Items {
                    counter: self.counter,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(items)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    scalars_are!(None);
}

/// A list of items, of which the annotations are kept and counted; `None`
/// when the value is not a list.
struct Items<'c> {
    counter: &'c mut Counter,
}

seed_is_its_own_visitor!(Items, Option<Vec<Value>>);

impl<'de> Visitor<'de> for Items<'_> {
    type Value = Option<Vec<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut kept = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            if !matches!(&item, Value::Object(o) if is_annotation(o)) {
                continue;
            }
            self.counter.count += 1;
            if self.counter.count > MAX_IMPORTED {
                self.counter.too_many = true;
                return Err(de::Error::custom("too many annotations"));
            }
            kept.push(item);
        }
        Ok(Some(kept))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    scalars_are!(None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<W3cFile, ReadError> {
        read_annotations(&mut serde_json::Deserializer::from_str(json))
    }

    fn count(json: &str) -> usize {
        read(json)
            .map(|f| f.annotations.len())
            .unwrap_or(usize::MAX)
    }

    const A: &str = r#"{"type": "Annotation", "id": "x"}"#;

    #[test]
    fn every_shape_reads_as_before() {
        assert_eq!(count(&format!("[{A}, 3, {{}}, {A}]")), 2);
        assert_eq!(count(A), 1);
        assert_eq!(read(A).unwrap().id.as_deref(), Some("x"));
        let collection = format!(
            r#"{{"id": "c", "first": {{"items": [{A}], "next": 1}}, "type": "AnnotationCollection"}}"#
        );
        assert_eq!(count(&collection), 1);
        assert_eq!(read(&collection).unwrap().id.as_deref(), Some("c"));
        assert_eq!(count(&format!(r#"{{"items": [{A}, {A}]}}"#)), 2);
        assert_eq!(
            count(r#"{"first": {"items": []}}"#),
            0,
            "an empty collection"
        );
        assert_eq!(
            count(&format!(r#"{{"type": ["Annotation"], "items": [{A}]}}"#)),
            1
        );
        for none in [
            "[]",
            "[1, 2]",
            "{}",
            r#"{"first": [1]}"#,
            r#"{"items": 3}"#,
            "7",
            "null",
            "\"s\"",
        ] {
            assert!(
                matches!(read(none), Err(ReadError::NoAnnotations)),
                "{none}"
            );
        }
        assert!(matches!(read("[1,"), Err(ReadError::Json(_))));
        assert!(matches!(read("[] x"), Err(ReadError::Json(_))));
    }

    #[test]
    fn reading_stops_at_the_first_annotation_past_the_limit() {
        let mut json = String::from("[");
        for _ in 0..MAX_IMPORTED {
            json.push_str(A);
            json.push(',');
        }
        json.push_str("1]");
        assert_eq!(count(&json), MAX_IMPORTED);
        // One more, then a tail that is not even JSON: never read.
        json.truncate(json.len() - 2);
        json.push_str(&format!("{A}, oops"));
        assert!(matches!(read(&json), Err(ReadError::TooMany(n)) if n == MAX_IMPORTED + 1));
    }
}
