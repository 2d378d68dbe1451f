//! Work over many files on several threads: one file per thread at a time
//! (on 2 cores that beats splitting one decode between threads), each
//! thread taking the next file when it is done, so slow files (progressive
//! JPEGs, big PNGs) do not hold the others up.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The threads a batch uses by default: one per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` on each of `items` on up to `threads` threads and hands
/// each result to `on_done(index, result)`, on the thread that made it, in
/// the order they finish. Once `cancelled()` is true no new item is
/// started (items under way finish). Returns how many items were done.
pub fn for_each_parallel<T: Sync, R>(
    items: &[T],
    threads: usize,
    cancelled: impl Fn() -> bool + Sync,
    work: impl Fn(&T) -> R + Sync,
    on_done: impl Fn(usize, R) + Sync,
) -> usize {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let run = || {
        while !cancelled() {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                break;
            };
            on_done(i, work(item));
            done.fetch_add(1, Ordering::Relaxed);
        }
    };
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        run();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(run);
            }
        });
    }
    done.into_inner()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn every_item_is_done_once_with_its_index() {
        let items: Vec<u32> = (0..100).collect();
        for threads in [0, 1, 3, 200] {
            let seen = Mutex::new(Vec::new());
            let n = for_each_parallel(
                &items,
                threads,
                || false,
                |x| x * 2,
                |i, r| seen.lock().unwrap().push((i, r)),
            );
            assert_eq!(n, 100);
            let mut seen = seen.into_inner().unwrap();
            seen.sort_unstable();
            let expected: Vec<_> = (0..100).map(|i| (i as usize, i * 2)).collect();
            assert_eq!(seen, expected, "{threads} threads");
        }
        assert_eq!(
            for_each_parallel(&[] as &[u8], 4, || false, |_| (), |_, _| ()),
            0
        );
    }

    #[test]
    fn cancelling_stops_taking_new_items() {
        let items: Vec<u32> = (0..1000).collect();
        let stop = AtomicBool::new(false);
        let n = for_each_parallel(
            &items,
            2,
            || stop.load(Ordering::Relaxed),
            |x| *x,
            |_, x| {
                if x == 10 {
                    stop.store(true, Ordering::Relaxed);
                }
            },
        );
        assert!((1..1000).contains(&n), "{n} done");
    }
}
