//! Interning: one shared copy of each string that many claims repeat. A corpus has a few
//! thousand claim keys, notes and entity ids, written hundreds of thousands of times.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

/// A set of shared strings, one for all the threads of a run.
#[derive(Debug, Default)]
pub struct Interner {
    strings: Mutex<HashSet<Arc<str>>>,
}

impl Interner {
    /// The shared copy of `text`, made on first sight.
    pub fn intern(&self, text: &str) -> Arc<str> {
        // A set left by a panicking thread is still a valid set.
        let mut strings = self.strings.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shared) = strings.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        strings.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_copy_and_different_ones_do_not() {
        let interner = Interner::default();
        let a = interner.intern("visit/a/b");
        let b = interner.intern(&String::from("visit/a/b"));
        let c = interner.intern("visit/a/c");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("visit/a/b", "visit/a/c"));
    }
}
