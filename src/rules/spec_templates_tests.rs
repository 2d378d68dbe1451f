#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::Product;
use crate::rules::ops::apply;

fn project() -> Project {
    let mut p = Project::new("templates");
    for (id, name) in [(1, "Mug"), (2, "Tote")] {
        p.products.push(Product {
            id: ProductId(id),
            name: name.into(),
            ..Product::default()
        });
    }
    p.products[0].spec.push(SpecItem {
        id: SpecId(3),
        name: "capacity  容量".into(),
        expected: Expected::Number {
            value: 350.0,
            unit: Unit::Ml,
            tolerance: Tolerance::Percent(3.0),
        },
        critical: true,
    });
    p.repair_next_id();
    p
}

#[test]
fn every_template_has_named_rows_some_critical_and_no_name_twice() {
    for t in Template::ALL {
        let rows = t.rows();
        assert!(rows.len() >= 8, "{t:?}");
        assert!(rows.iter().any(|r| r.2), "{t:?} has a critical row");
        assert!(rows.iter().any(|r| !r.2), "{t:?} has a non-critical row");
        for (i, (name, _, _)) in rows.iter().enumerate() {
            assert!(!name.trim().is_empty());
            assert!(
                rows[i + 1..].iter().all(|r| !same_text(r.0, name)),
                "{name} twice in {t:?}"
            );
        }
    }
    let battery = Template::BatteryElectronics.rows();
    let critical = |needle: &str| battery.iter().any(|r| r.0.contains(needle) && r.2);
    assert!(
        critical("(Wh)") && critical("UN38.3"),
        "what air freight asks for"
    );
    let toys = Template::ToySmallParts.rows();
    assert!(
        toys.iter()
            .any(|r| r.0.contains("Small-parts warning") && r.2)
    );
}

#[test]
fn a_template_adds_its_rows_once_as_one_undoable_op() {
    let mut p = project();
    let before = p.clone();
    let a = add_template(&p, ProductId(1), Template::Ceramics);
    let n = Template::Ceramics.rows().len();
    assert_eq!(
        (a.added, a.skipped),
        (n - 1, 1),
        "the mug already has Capacity"
    );
    let applied = apply(&mut p, a.op.unwrap()).unwrap();
    let mug = p.product(ProductId(1)).unwrap();
    assert_eq!(mug.spec.len(), n);
    assert_eq!(
        mug.spec[0].name, "capacity  容量",
        "the buyer's row stays first"
    );
    assert_eq!(mug.spec[1].name, "Height 高度");
    assert!(crate::model::broken_links(&p).is_empty());
    // Again: nothing left to add.
    let again = add_template(&p, ProductId(1), Template::Ceramics);
    assert!(again.op.is_none());
    assert_eq!(
        adding_message(&again, "Ceramics"),
        "Nothing added from Ceramics: every row is already in the brief."
    );
    for op in applied.inverse {
        apply(&mut p, op).unwrap();
    }
    assert_eq!(p, before);
}

#[test]
fn copying_a_brief_takes_the_rows_with_fresh_ids() {
    let mut p = project();
    assert_eq!(briefs_to_copy(&p, ProductId(2)).len(), 1);
    assert!(briefs_to_copy(&p, ProductId(1)).is_empty(), "not its own");
    let a = copy_brief(&p, ProductId(1), ProductId(2));
    assert_eq!(adding_message(&a, "Mug"), "Added 1 row from Mug.");
    apply(&mut p, a.op.unwrap()).unwrap();
    let (mug, tote) = (&p.products[0].spec[0], &p.products[1].spec[0]);
    assert_eq!(
        (&tote.name, &tote.expected, tote.critical),
        (&mug.name, &mug.expected, true)
    );
    assert_ne!(tote.id, mug.id);
    assert!(crate::model::broken_links(&p).is_empty());
    let a = add_template(&p, ProductId(2), Template::Ceramics);
    let n = Template::Ceramics.rows().len();
    assert_eq!(
        adding_message(&a, "Ceramics"),
        format!(
            "Added {} rows from Ceramics; 1 row already in the brief.",
            n - 1
        )
    );
}
