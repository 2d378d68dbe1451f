//! The demo's photos: what each generated picture shows and what the buyer
//! recorded on it, and the chat screenshot.

use super::content::{MUG_BULK, MUG_SAMPLE, TILES_SAMPLE_1, passed};
use super::{PhotoPlan, at};
use crate::media::synth::{CHAT_SCREENSHOT_PNG, Scene};
use crate::model::*;
use crate::store::{PhotoStore, StoreError};

const MISTY_BLUE: [u8; 3] = super::content::MISTY_BLUE;

/// The photos of each order, by order number.
pub(super) fn photo_plans() -> Vec<(&'static str, Vec<PhotoPlan>)> {
    let plan = |name, scene, tags: Vec<Tag>, parcel, checks, taken| PhotoPlan {
        name,
        scene,
        tags,
        parcel,
        checks,
        note: "",
        marks: Vec::new(),
        orientation: 1,
        taken,
    };
    let mug_sample = vec![
        plan(
            "IMG_4101.JPG",
            Scene::Mug { colour: MISTY_BLUE },
            vec![Tag::Item],
            Some(0),
            passed(),
            at(2026, 10, 28, 14, 2),
        ),
        plan(
            "IMG_4102.JPG",
            Scene::GiftBox { colour: MISTY_BLUE },
            vec![Tag::Packaging, Tag::Label],
            Some(0),
            passed(),
            at(2026, 10, 28, 14, 3),
        ),
        plan(
            "IMG_4103.JPG",
            Scene::Measure { colour: MISTY_BLUE },
            vec![Tag::Measurement],
            Some(0),
            passed(),
            at(2026, 10, 28, 14, 5),
        ),
    ];
    let mut mug_bulk = vec![
        plan(
            "QC_0001.jpg",
            Scene::Mug { colour: MISTY_BLUE },
            vec![Tag::Item],
            Some(0),
            passed(),
            at(2026, 11, 20, 16, 20),
        ),
        plan(
            "QC_0002.jpg",
            Scene::Carton {
                label: "3371120456698823  1/5",
            },
            vec![Tag::CartonLabel],
            Some(0),
            passed(),
            at(2026, 11, 20, 16, 21),
        ),
        plan(
            "QC_0003.jpg",
            Scene::Cartons { count: 5 },
            vec![Tag::ParcelCount, Tag::Packaging],
            Some(1),
            passed(),
            at(2026, 11, 20, 16, 24),
        ),
        plan(
            "QC_0004.jpg",
            Scene::GiftBox { colour: MISTY_BLUE },
            vec![Tag::Packaging, Tag::Label],
            Some(1),
            passed(),
            at(2026, 11, 20, 16, 26),
        ),
    ];
    mug_bulk[0].note = "5 random units opened; glaze even.";

    let mut tiles_first = vec![
        plan(
            "mmexport1729911.jpg",
            Scene::Tiles {
                pastel: false,
                bag: false,
            },
            vec![Tag::Item],
            Some(0),
            Checks {
                model: Check::Fail,
                quantity: Check::Pass,
                accessories: Check::Fail,
                damage: Check::Pass,
            },
            at(2026, 10, 26, 11, 40),
        ),
        plan(
            "mmexport1729912.jpg",
            Scene::Tiles {
                pastel: false,
                bag: false,
            },
            vec![Tag::Accessories, Tag::Defect],
            None,
            Checks {
                accessories: Check::Fail,
                ..Checks::default()
            },
            at(2026, 10, 26, 11, 42),
        ),
    ];
    tiles_first[0].orientation = 6;
    tiles_first[0].note =
        "Primary colours, not the macaron pastels of the listing. No storage bag.";
    tiles_first[0].marks = vec![Mark {
        shape: Shape::Ellipse {
            x: 0.18,
            y: 0.22,
            w: 0.5,
            h: 0.5,
        },
        label: "colour: primary, not pastel".into(),
    }];
    tiles_first[1].note = "Sent separately by the warehouse; no tracking number on the photo.";
    tiles_first[1].marks = vec![Mark {
        shape: Shape::Arrow {
            x1: 0.85,
            y1: 0.15,
            x2: 0.62,
            y2: 0.42,
        },
        label: "storage bag missing".into(),
    }];
    vec![
        (MUG_SAMPLE, mug_sample),
        (MUG_BULK, mug_bulk),
        (TILES_SAMPLE_1, tiles_first),
    ]
}

/// Adds the chat screenshot (Chinese text) to the first tiles sample and
/// links it to the seller's message.
pub(super) fn link_screenshots(p: &mut Project, store: &PhotoStore) -> Result<(), StoreError> {
    let file = store.add(CHAT_SCREENSHOT_PNG, "Screenshot_20261020_203155.png", "png")?;
    let id = PhotoId(p.new_id());
    let (w, h) = crate::media::probe(CHAT_SCREENSHOT_PNG).map_or((0, 0), |i| (i.width, i.height));
    let Some(order) = p
        .products
        .iter_mut()
        .flat_map(|p| &mut p.orders)
        .find(|o| o.number == TILES_SAMPLE_1)
    else {
        return Ok(());
    };
    order.photos.push(Photo {
        id,
        file,
        width: w,
        height: h,
        taken: super::at(2026, 10, 20, 20, 31),
        tags: vec![Tag::ChatScreenshot],
        ..Photo::default()
    });
    if let Some(m) = order.messages.first_mut() {
        m.screenshot = Some(id);
    }
    Ok(())
}
