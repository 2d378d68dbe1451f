//! The op layer's invariant, property-tested: after any sequence of ops the
//! link checks `bulkready check` runs find nothing, and undoing back to the
//! start (then redoing) gives exactly the projects seen on the way.

#![allow(clippy::unwrap_used)]

use bulkready::model::*;
use bulkready::rules::ops::{self, NewPhoto, Op, OrderFacts, PhotoFacts};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The demo project (built once, photos in a temp store).
fn demo() -> &'static Project {
    static DEMO: OnceLock<(tempfile::TempDir, Project)> = OnceLock::new();
    &DEMO
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = bulkready::store::PhotoStore::for_project(&dir.path().join("demo.ron"));
            let project = bulkready::app::demo::build(&store).unwrap();
            (dir, project)
        })
        .1
}

/// An abstract step: which kind of op, and numbers that pick its objects
/// among those that exist when it runs.
#[derive(Clone, Debug)]
struct Step {
    kind: u8,
    a: usize,
    b: usize,
    text: String,
}

fn step() -> impl Strategy<Value = Step> {
    (0u8..36, any::<usize>(), any::<usize>(), "[a-z 雾霾蓝]{0,6}")
        .prop_map(|(kind, a, b, text)| Step { kind, a, b, text })
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

fn orders(p: &Project) -> Vec<(&Product, &Order)> {
    p.products
        .iter()
        .flat_map(|x| x.orders.iter().map(move |o| (x, o)))
        .collect()
}

fn photos(p: &Project) -> Vec<(&Order, &Photo)> {
    p.photos().collect()
}

/// The op `s` stands for in `p`, if its objects exist.
fn resolve(p: &Project, s: &Step) -> Option<Op> {
    let (a, b, text) = (s.a, s.b, s.text.clone());
    let product = pick(&p.products, a);
    let order = pick(&orders(p), a).copied();
    let photo = pick(&photos(p), a).copied();
    Some(match s.kind {
        0 => Op::NewProduct { name: text },
        1 => Op::RemoveProduct(product?.id),
        2 => Op::MoveProduct {
            id: product?.id,
            to: b % p.products.len(),
        },
        3 => Op::SetProductName(product?.id, text),
        4 => Op::NewSpecRow {
            product: product?.id,
        },
        5 => Op::RemoveSpecRow(pick(&product?.spec, b)?.id),
        6 => {
            let row = pick(&product?.spec, b)?;
            Op::MoveSpecRow {
                id: row.id,
                to: a % product?.spec.len(),
            }
        }
        7 => Op::NewRisk {
            product: product?.id,
            kind: RiskKind::ALL[b % 8],
        },
        8 => Op::RemoveRisk(pick(&product?.risks, b)?.id),
        9 => Op::NewOrder {
            product: product?.id,
            kind: if b % 2 == 0 {
                OrderKind::Sample
            } else {
                OrderKind::Bulk
            },
        },
        10 => Op::RemoveOrder(order?.1.id),
        11 => {
            let (x, o) = order?;
            Op::MoveOrder {
                id: o.id,
                to: b % x.orders.len(),
            }
        }
        12 => {
            let o = order?.1;
            let kind = if b % 2 == 0 {
                OrderKind::Sample
            } else {
                OrderKind::Bulk
            };
            Op::SetOrderFacts(
                o.id,
                Box::new(OrderFacts {
                    kind,
                    number: text,
                    ..OrderFacts::of(o)
                }),
            )
        }
        13 => {
            let (x, o) = order?;
            let accept = (o.kind == OrderKind::Sample && b % 3 != 0).then_some(o.id);
            Op::SetAcceptedSample(x.id, accept)
        }
        14 => Op::NewParcel { order: order?.1.id },
        15 => Op::RemoveParcel(pick(&order?.1.parcels, b)?.id),
        16 => Op::NewMessage { order: order?.1.id },
        17 => Op::RemoveMessage(pick(&order?.1.messages, b)?.id),
        18 => {
            let (x, o) = order?;
            let mut m = pick(&o.messages, b)?.clone();
            m.confirms = x
                .spec
                .iter()
                .map(|r| r.id)
                .filter(|id| id.0 % 2 == (b % 2) as u64)
                .collect();
            m.screenshot = pick(&o.photos, a).map(|ph| ph.id);
            Op::SetMessage(m)
        }
        19 => Op::NewPacking { order: order?.1.id },
        20 => {
            let (x, o) = order?;
            let r = pick(&o.packing, b)?;
            Op::SetPacking(PackingRequest {
                risk: pick(&x.risks, a).map(|r| r.id),
                ..r.clone()
            })
        }
        21 => {
            let (x, o) = order?;
            Op::Observe {
                order: o.id,
                spec: pick(&x.spec, b)?.id,
                value: text,
                photo: None,
            }
        }
        22 => Op::RemovePhoto(photo?.1.id),
        23 => {
            let (o, ph) = photo?;
            let parcel = pick(&o.parcels, b).map(|x| x.id).filter(|_| b % 4 != 0);
            Op::SetPhoto(
                ph.id,
                PhotoFacts {
                    parcel,
                    ..PhotoFacts::of(ph)
                },
            )
        }
        24 => {
            let ph = photo?.1;
            let mark = Mark {
                shape: Shape::Arrow {
                    x1: 0.1,
                    y1: 0.1,
                    x2: 0.5,
                    y2: 0.5,
                },
                label: text,
            };
            Op::InsertMark {
                photo: ph.id,
                at: b % (ph.marks.len() + 1),
                mark,
            }
        }
        25 => {
            let ph = photo?.1;
            Op::RemoveMark {
                photo: ph.id,
                at: b % ph.marks.len().max(1),
            }
        }
        26 => Op::NewRoute(Box::new(Route {
            name: text,
            ..Route::default()
        })),
        27 => Op::RemoveRoute(pick(&p.routes, b)?.id),
        28 => {
            let o = order?.1;
            let mut d = o.route.clone().unwrap_or_default();
            d.route = pick(&p.routes, b).map(|r| r.id);
            d.cartons.push(Carton {
                count: 1,
                ..Carton::default()
            });
            Op::SetRouteDecision {
                order: o.id,
                decision: Some(d),
            }
        }
        29 => {
            let (o, ph) = photo?;
            let new = NewPhoto {
                file: StoredFile {
                    hash: format!("{b:032x}"),
                    ..ph.file.clone()
                },
                width: 4,
                height: 3,
                taken: None,
                tags: vec![],
                codes: vec![label_code(o, b)],
            };
            Op::AddPhotos {
                order: o.id,
                parcel: None,
                photos: vec![new.clone(), new],
            }
        }
        30 => Op::Batch(vec![
            resolve(
                p,
                &Step {
                    kind: (b % 29) as u8,
                    ..s.clone()
                },
            )?,
            Op::SetProjectName(s.text.clone()),
        ]),
        31 => {
            let (o, ph) = photo?;
            Op::SetCodes {
                photo: ph.id,
                codes: vec![label_code(o, b)],
            }
        }
        32 => Op::LinkByCodes(vec![photo?.1.id]),
        33 => Op::AddParcelFromCode {
            photo: photo?.1.id,
            tracking: format!("YT75{:011}", b % 100_000_000_000),
        },
        34 => {
            let (x, o) = order?;
            let photos: Vec<&Photo> = x.orders.iter().flat_map(|o| &o.photos).collect();
            let reading = ColourReading {
                sample_photo: pick(&photos, a)?.id,
                bulk_photo: pick(&photos, b)?.id,
                sample_region: [0.1, 0.1, 0.2, 0.2],
                bulk_region: [0.3, 0.3, 0.4, 0.4],
                sample_neutral: None,
                bulk_neutral: None,
                delta_e: (b % 90) as f64 / 10.0,
                delta_l: -1.0,
                delta_c: 0.5,
                delta_h: 0.0,
                balanced: false,
                band: ColourBand::AskForDaylight,
                words: text,
            };
            Op::SetColourReading {
                order: o.id,
                spec: pick(&x.spec, a)?.id,
                reading: (!b.is_multiple_of(4)).then(|| Box::new(reading)),
            }
        }
        _ => Op::RemoveDecision(pick(&p.decisions, b)?.id),
    })
}

/// A code on a label: the tracking number of one of the order's parcels,
/// or (when it has none, or one time in three) a number of no parcel.
fn label_code(o: &Order, b: usize) -> PhotoCode {
    let text = pick(&o.parcels, b)
        .filter(|_| !b.is_multiple_of(3))
        .map_or_else(|| format!("SF{:013}", b % 1000), |x| x.tracking.clone());
    PhotoCode {
        text,
        symbology: Symbology::Code128,
        corners: [[1.0, 1.0], [3.0, 1.0], [3.0, 2.0], [1.0, 2.0]],
        state: CodeState::Found,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_keeps_the_links_whole_and_undoes_exactly(steps in proptest::collection::vec(step(), 1..40)) {
        let mut p = demo().clone();
        let mut seen = vec![p.clone()];
        let mut undo: Vec<Vec<Op>> = Vec::new();
        for s in &steps {
            let Some(op) = resolve(&p, s) else { continue };
            let before = p.clone();
            match ops::apply(&mut p, op.clone()) {
                Ok(applied) => {
                    prop_assert_eq!(broken_links(&p), vec![], "after {:?}", op);
                    if applied.changed() {
                        undo.push(applied.inverse);
                        seen.push(p.clone());
                    } else {
                        prop_assert_eq!(&p, &before, "{:?} said it changed nothing", op);
                    }
                }
                Err(_) => prop_assert_eq!(&p, &before, "a refused {:?} left a change", op),
            }
        }
        let mut redo = Vec::new();
        while let Some(inverse) = undo.pop() {
            seen.pop();
            let applied = ops::apply(&mut p, Op::Batch(inverse)).unwrap();
            prop_assert_eq!(&p, seen.last().unwrap());
            redo.push(applied.inverse);
        }
        prop_assert_eq!(&p, demo());
        while let Some(ops) = redo.pop() {
            ops::apply(&mut p, Op::Batch(ops)).unwrap();
            prop_assert_eq!(broken_links(&p), vec![]);
        }
    }
}
