//! Reasons a buyer can read: many sample photos with one problem are one
//! line naming them, and the seed's advice is said once.

use crate::model::*;
use crate::rules::Target;
use crate::rules::all_go_fixture::{SAMPLE, project};
use crate::rules::sample_gate::{SECOND_SAMPLE, sample_gate};

fn with_defect_photos(n: u64) -> Product {
    let mut p = project().products.remove(0);
    let sample = &mut p.orders[SAMPLE];
    for i in 0..n {
        sample.photos.push(Photo {
            id: PhotoId(500 + i),
            file: StoredFile {
                original_name: format!("D_{i}.jpg"),
                ..StoredFile::default()
            },
            tags: vec![Tag::Defect],
            ..Photo::default()
        });
    }
    p
}

#[test]
fn many_photos_with_one_problem_are_one_reason_naming_them() {
    let g = sample_gate(&with_defect_photos(3));
    let defects: Vec<_> = g
        .reasons
        .iter()
        .filter(|r| r.message.contains("defect"))
        .collect();
    let [r] = defects.as_slice() else {
        panic!("{:?}", g.reasons)
    };
    assert_eq!(r.target, Target::Photos(OrderId(10)));
    for name in ["3 sample photos", "D_0.jpg", "D_1.jpg", "D_2.jpg"] {
        assert!(r.message.contains(name), "{name}: {}", r.message);
    }
}

#[test]
fn one_photo_is_its_own_target() {
    let g = sample_gate(&with_defect_photos(1));
    let r = g.reasons.iter().find(|r| r.message.contains("defect"));
    assert_eq!(r.map(|r| r.target), Some(Target::Photo(PhotoId(500))));
}

#[test]
fn the_advice_is_said_once_however_many_reasons_give_it() {
    let mut p = with_defect_photos(2);
    // A critical deviation too: a second no-go reason.
    p.spec[1].critical = true;
    let height = p.spec[1].id;
    let seen = &mut p.orders[SAMPLE].observations;
    seen.retain(|o| o.spec != height);
    seen.push(Observation {
        spec: height,
        value: "20 cm".into(),
        source: Source::Measurement,
        photo: None,
        note: String::new(),
        judgement: None,
        colour: None,
    });
    let g = sample_gate(&p);
    let no_go = g
        .reasons
        .iter()
        .filter(|r| r.effect == Verdict::NoGo)
        .count();
    assert!(no_go >= 2, "{:?}", g.reasons);
    let advised = g
        .reasons
        .iter()
        .filter(|r| r.message.contains(SECOND_SAMPLE))
        .count();
    assert_eq!(advised, 1, "{:?}", g.reasons);
}
