//! Shared strings for the graph's many repeated texts (the document a source cites, the
//! quote several nodes and edges share), and the interner that makes equal texts one
//! allocation when a graph is loaded.

use foldhash::{HashMap as FastHashMap, HashSet as FastHashSet};
use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string whose clones share one allocation; reads and serialises as a `str`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` are one allocation (not only equal texts).
    pub fn shares_with(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr(Arc::from(text))
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        SharedStr(Arc::from(text))
    }
}

impl From<&String> for SharedStr {
    fn from(text: &String) -> SharedStr {
        SharedStr::from(text.as_str())
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    /// Reads a string; inside [`interning`], equal strings become one allocation as they are
    /// read.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedStr, D::Error> {
        deserializer.deserialize_str(SharedStrVisitor)
    }
}

struct SharedStrVisitor;

impl Visitor<'_> for SharedStrVisitor {
    type Value = SharedStr;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SharedStr, E> {
        Ok(
            READING.with(|interner| match interner.borrow_mut().as_mut() {
                Some(interner) => interner.intern_str(text),
                None => SharedStr::from(text),
            }),
        )
    }
}

thread_local! {
    /// The interner of the [`interning`] call running on this thread, if any.
    static READING: RefCell<Option<Interner>> = const { RefCell::new(None) };
}

/// Runs `read` with every [`SharedStr`] it deserialises on this thread interned, so that a
/// loaded graph holds each distinct text once.
pub fn interning<T>(read: impl FnOnce() -> T) -> T {
    /// Puts back the interner of an enclosing call, also when `read` panics.
    struct Restore(Option<Interner>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            READING.with(|interner| *interner.borrow_mut() = outer);
        }
    }
    let _restore = Restore(READING.with(|interner| interner.replace(Some(Interner::default()))));
    read()
}

/// Makes equal texts one [`SharedStr`].
#[derive(Debug, Default)]
pub struct Interner {
    known: FastHashSet<SharedStr>,
    /// The shared copy of each allocation already asked about, by its address, with the
    /// allocation itself (kept so that its address is not reused while the interner lives):
    /// texts already shared are found without hashing them again.
    by_allocation: FastHashMap<usize, (SharedStr, SharedStr)>,
}

impl Interner {
    /// The shared copy of `text`: the first one seen equal to it.
    pub fn intern(&mut self, text: &SharedStr) -> SharedStr {
        let address = Arc::as_ptr(&text.0).cast::<u8>() as usize;
        if let Some((_, shared)) = self.by_allocation.get(&address) {
            return shared.clone();
        }
        let shared = match self.known.get(text.as_str()) {
            Some(known) => known.clone(),
            None => {
                self.known.insert(text.clone());
                text.clone()
            }
        };
        self.by_allocation
            .insert(address, (text.clone(), shared.clone()));
        shared
    }

    /// The shared copy of `text`, made when it is the first of its kind.
    pub fn intern_str(&mut self, text: &str) -> SharedStr {
        if let Some(known) = self.known.get(text) {
            return known.clone();
        }
        let shared = SharedStr::from(text);
        self.known.insert(shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_become_one_allocation() {
        let mut interner = Interner::default();
        let a = interner.intern(&SharedStr::from("総務省"));
        let b = interner.intern(&SharedStr::from("総務省".to_string()));
        let c = interner.intern(&SharedStr::from("総務省 "));
        assert!(a.shares_with(&b));
        let d = SharedStr::from("総務省".to_string());
        let again = [interner.intern(&d), interner.intern(&d.clone())];
        assert!(again.iter().all(|e| e.shares_with(&a)));
        assert!(!a.shares_with(&c));
        assert_eq!(b, "総務省");
        assert_ne!(c, a);
    }

    #[test]
    fn texts_read_while_interning_are_shared() {
        let read = || serde_json::from_str::<Vec<SharedStr>>(r#"["x", "y", "x"]"#).ok();
        let shared = interning(read).unwrap_or_default();
        assert_eq!(shared, ["x", "y", "x"]);
        assert!(shared[0].shares_with(&shared[2]));
        assert!(!shared[0].shares_with(&shared[1]));
        let separate = read().unwrap_or_default();
        assert!(
            !separate[0].shares_with(&separate[2]),
            "only inside interning"
        );
        let nested = interning(|| (interning(read), read()));
        let (inner, outer) = (nested.0.unwrap_or_default(), nested.1.unwrap_or_default());
        assert!(inner[0].shares_with(&inner[2]) && outer[0].shares_with(&outer[2]));
        assert!(!inner[0].shares_with(&outer[0]), "each call has its own");
    }

    #[test]
    fn reads_and_serialises_as_a_string() {
        let text = SharedStr::from("a.txt");
        assert_eq!(
            serde_json::to_string(&text).ok().as_deref(),
            Some("\"a.txt\"")
        );
        let back: SharedStr = serde_json::from_str("\"a\\u002etxt\"").unwrap_or_default();
        assert_eq!(back, text);
        assert_eq!(format!("{text} {text:?}"), "a.txt \"a.txt\"");
        assert!(text.ends_with(".txt"));
    }
}
