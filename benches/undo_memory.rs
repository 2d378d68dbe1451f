//! Memory of the undo history: 100 undoable edits of the kinds a buyer
//! makes, on the 2,000-order, 40,000-photo project, measured as the bytes
//! the heap holds after them minus before (a counting allocator), against
//! what one copy of the project (the old per-step snapshot) takes.
//!
//!     cargo bench --bench undo_memory

use bulkready::app::Document;
use bulkready::model::*;
use bulkready::rules::ops::{Op, OrderFacts, PhotoFacts};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

mod common;

/// The system allocator, counting the bytes it holds.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed straight to the system allocator; only the
// byte count is added to.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's layout, as the trait requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live_mb() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64 / 1e6
}

/// The i-th of 100 edits: typing in an order's note, checking a photo,
/// removing a parcel (its photos unlinked), adding a spec row.
fn edit(p: &Project, i: usize) -> Op {
    let product = &p.products[i % p.products.len()];
    let order = &product.orders[i % product.orders.len()];
    match i % 4 {
        0 => {
            let mut facts = OrderFacts::of(order);
            facts
                .note
                .push_str("请拍一张外箱标签 photo of the carton label");
            Op::SetOrderFacts(order.id, Box::new(facts))
        }
        1 => {
            let photo = &order.photos[0];
            let mut facts = PhotoFacts::of(photo);
            facts.checks.model = Check::Pass;
            Op::SetPhoto(photo.id, facts)
        }
        2 => match order.parcels.first() {
            Some(parcel) => Op::RemoveParcel(parcel.id),
            None => Op::NewParcel { order: order.id },
        },
        _ => Op::NewSpecRow {
            product: product.id,
        },
    }
}

fn main() {
    let project = common::project();
    let before_copy = live_mb();
    let copy = project.clone();
    let one_copy = live_mb() - before_copy;
    drop(copy);
    let mut doc = Document::untitled(project);
    let before = live_mb();
    for i in 0..100 {
        let op = edit(&doc.project, i);
        doc.apply(op, None).expect("the edits apply");
        doc.break_typing();
    }
    let history = live_mb() - before;
    println!(
        "{} orders, {} photos: one copy of the project {one_copy:.1} MB",
        doc.project
            .products
            .iter()
            .map(|p| p.orders.len())
            .sum::<usize>(),
        doc.project.photos().count()
    );
    println!(
        "100 undo steps hold {history:.2} MB above the project (snapshots would hold {:.0} MB)",
        one_copy * 100.0
    );
    let mut undone = 0;
    while doc.undo().expect("undo applies") {
        undone += 1;
    }
    println!("undid {undone} steps");
}
