//! A cache for the run that fetches each key once however many threads ask at the same
//! time (single flight): every partition of a topic may meet a new schema id in the
//! same millisecond, and the registry should see one request, not one per partition.
//!
//! An answer the caller wants kept (a schema, a 404) stays for the run. Any other answer
//! (the registry down, a time-out) is handed to the threads that waited for that very
//! fetch, so they do not each wait out the deadline again, and asked afresh after that.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long an answer that is not kept still serves the threads that waited for it.
const RECENT: Duration = Duration::from_secs(1);

type Slot<V> = Arc<Mutex<Option<(V, Instant)>>>;

#[derive(Debug)]
pub struct Cache<K, V> {
    slots: Mutex<HashMap<K, Slot<V>>>,
}

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache {
            slots: Mutex::new(HashMap::new()),
        }
    }
}

/// A poisoned lock only means another thread panicked while holding it; the map and
/// the answers in it are still whole.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<K: Eq + Hash + Clone, V: Clone> Cache<K, V> {
    /// The answer for `key`: cached, or from `fetch`, called by one thread while the
    /// others asking for the same key wait for its answer. `keep` says which answers
    /// stay for the run.
    pub fn get(&self, key: &K, keep: impl Fn(&V) -> bool, fetch: impl FnOnce() -> V) -> V {
        let slot = lock(&self.slots).entry(key.clone()).or_default().clone();
        let mut answer = lock(&slot);
        if let Some((value, at)) = answer.as_ref() {
            if keep(value) || at.elapsed() < RECENT {
                return value.clone();
            }
        }
        let value = fetch();
        *answer = Some((value.clone(), Instant::now()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn threads_asking_the_same_key_at_once_fetch_it_once() {
        let cache: Cache<u32, u32> = Cache::default();
        let fetches = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    let v = cache.get(
                        &7,
                        |_| true,
                        || {
                            fetches.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(100));
                            70
                        },
                    );
                    assert_eq!(v, 70);
                });
            }
        });
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn an_answer_not_kept_is_asked_again_later() {
        let cache: Cache<u32, Result<u32, String>> = Cache::default();
        let keep = |v: &Result<u32, String>| v.is_ok();
        assert!(cache.get(&1, keep, || Err("down".into())).is_err());
        // Within RECENT the same failure serves (those were waiting for it) ...
        assert!(cache.get(&1, keep, || Ok(1)).is_err());
        std::thread::sleep(RECENT + Duration::from_millis(50));
        // ... after it, the key is fetched again, and a success stays.
        assert_eq!(cache.get(&1, keep, || Ok(2)), Ok(2));
        assert_eq!(cache.get(&1, keep, || Ok(3)), Ok(2));
    }
}
