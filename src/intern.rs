//! Interning: one shared copy of each string that many claims repeat. A corpus has a few
//! thousand claim keys, notes and entity ids, written hundreds of thousands of times.

use std::collections::HashSet;
use std::sync::Arc;

/// A set of shared strings.
#[derive(Debug, Default)]
pub struct Interner {
    strings: HashSet<Arc<str>>,
}

impl Interner {
    /// The shared copy of `text`, made on first sight.
    pub fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.strings.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_copy_and_different_ones_do_not() {
        let mut interner = Interner::default();
        let a = interner.intern("visit/a/b");
        let b = interner.intern(&String::from("visit/a/b"));
        let c = interner.intern("visit/a/c");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("visit/a/b", "visit/a/c"));
    }
}
