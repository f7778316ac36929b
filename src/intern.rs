//! Interning: one shared copy of each string that many claims repeat. A corpus has a few
//! thousand claim keys, notes and entity ids, written hundreds of thousands of times.

use rustc_hash::{FxBuildHasher, FxHashSet as HashSet};
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, PoisonError};

/// Locks the set is split under, so that threads interning at once seldom wait for each
/// other: with one lock, a 1 GiB corpus made extraction threads queue on it.
const SHARDS: usize = 64;

/// A set of shared strings, one for all the threads of a run.
#[derive(Debug)]
pub struct Interner {
    shards: [Mutex<HashSet<Arc<str>>>; SHARDS],
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            shards: std::array::from_fn(|_| Mutex::default()),
        }
    }
}

impl Interner {
    /// The shared copy of `text`, made on first sight.
    pub fn intern(&self, text: &str) -> Arc<str> {
        // The shard by the string's hash in its sets, from bits those pick neither buckets
        // (the lowest) nor tags (the highest) by: one cheap hash, not a second keyed one.
        let hash = FxBuildHasher.hash_one(text);
        let shard = &self.shards[(hash >> 32) as usize % SHARDS];
        // A set left by a panicking thread is still a valid set.
        let mut strings = shard.lock().unwrap_or_else(PoisonError::into_inner);
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
