//! Unit tests of `rules::aql`.
#![allow(clippy::unwrap_used)]

use super::CodeLetter::*;
use super::*;
use InspectionLevel::{I, II, III};

/// Expected resolved plans, derived by hand from the table in aql.md by
/// following each arrow: (n, Ac, Re) per letter for 0.65 1.0 1.5 2.5 4.0 6.5.
type NAcRe = (u32, u32, u32);

#[rustfmt::skip]
    const EXPECTED: [(CodeLetter, [NAcRe; 6]); 16] = [
        (A, [(20, 0, 1), (13, 0, 1), (8, 0, 1), (5, 0, 1), (3, 0, 1), (2, 0, 1)]),
        (B, [(20, 0, 1), (13, 0, 1), (8, 0, 1), (5, 0, 1), (3, 0, 1), (2, 0, 1)]),
        (C, [(20, 0, 1), (13, 0, 1), (8, 0, 1), (5, 0, 1), (3, 0, 1), (8, 1, 2)]),
        (D, [(20, 0, 1), (13, 0, 1), (8, 0, 1), (5, 0, 1), (13, 1, 2), (8, 1, 2)]),
        (E, [(20, 0, 1), (13, 0, 1), (8, 0, 1), (20, 1, 2), (13, 1, 2), (13, 2, 3)]),
        (F, [(20, 0, 1), (13, 0, 1), (32, 1, 2), (20, 1, 2), (20, 2, 3), (20, 3, 4)]),
        (G, [(20, 0, 1), (50, 1, 2), (32, 1, 2), (32, 2, 3), (32, 3, 4), (32, 5, 6)]),
        (H, [(80, 1, 2), (50, 1, 2), (50, 2, 3), (50, 3, 4), (50, 5, 6), (50, 7, 8)]),
        (J, [(80, 1, 2), (80, 2, 3), (80, 3, 4), (80, 5, 6), (80, 7, 8), (80, 10, 11)]),
        (K, [(125, 2, 3), (125, 3, 4), (125, 5, 6), (125, 7, 8), (125, 10, 11), (125, 14, 15)]),
        (L, [(200, 3, 4), (200, 5, 6), (200, 7, 8), (200, 10, 11), (200, 14, 15), (200, 21, 22)]),
        (M, [(315, 5, 6), (315, 7, 8), (315, 10, 11), (315, 14, 15), (315, 21, 22), (200, 21, 22)]),
        (N, [(500, 7, 8), (500, 10, 11), (500, 14, 15), (500, 21, 22), (315, 21, 22), (200, 21, 22)]),
        (P, [(800, 10, 11), (800, 14, 15), (800, 21, 22), (500, 21, 22), (315, 21, 22), (200, 21, 22)]),
        (Q, [(1250, 14, 15), (1250, 21, 22), (800, 21, 22), (500, 21, 22), (315, 21, 22), (200, 21, 22)]),
        (R, [(2000, 21, 22), (1250, 21, 22), (800, 21, 22), (500, 21, 22), (315, 21, 22), (200, 21, 22)]),
    ];

#[test]
fn every_cell_of_table_ii_a_resolves_as_derived_by_hand() {
    for (letter, row) in EXPECTED {
        for (col, want) in row.into_iter().enumerate() {
            let aql = AQL_COLUMNS[col];
            assert_eq!(resolve(letter, aql), Ok(want), "{letter:?} at AQL {aql}");
        }
    }
}

#[test]
fn letters_have_their_tabled_sample_sizes() {
    let n = [
        2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000,
    ];
    for (letter, n) in CodeLetter::ALL.into_iter().zip(n) {
        assert_eq!(letter.sample_size(), n, "{letter:?}");
    }
}

#[test]
fn table_i_boundaries_for_all_levels() {
    // (lot size, level I, level II, level III): both ends of every row.
    #[rustfmt::skip]
        let cases: [(u32, [CodeLetter; 3]); 29] = [
            (1, [A, A, B]), (2, [A, A, B]), (8, [A, A, B]),
            (9, [A, B, C]), (15, [A, B, C]),
            (16, [B, C, D]), (25, [B, C, D]),
            (26, [C, D, E]), (50, [C, D, E]),
            (51, [C, E, F]), (90, [C, E, F]),
            (91, [D, F, G]), (150, [D, F, G]),
            (151, [E, G, H]), (280, [E, G, H]),
            (281, [F, H, J]), (500, [F, H, J]),
            (501, [G, J, K]), (1_200, [G, J, K]),
            (1_201, [H, K, L]), (3_200, [H, K, L]),
            (3_201, [J, L, M]), (10_000, [J, L, M]),
            (10_001, [K, M, N]), (35_000, [K, M, N]),
            (35_001, [L, N, P]), (150_000, [L, N, P]),
            (150_001, [M, P, Q]), (500_000, [M, P, Q]),
        ];
    for (lot, letters) in cases {
        for (level, want) in [I, II, III].into_iter().zip(letters) {
            assert_eq!(
                code_letter(lot, level),
                Ok(want),
                "lot {lot} level {level:?}"
            );
        }
    }
    for lot in [500_001, 1_000_000, u32::MAX] {
        assert_eq!(code_letter(lot, I), Ok(N));
        assert_eq!(code_letter(lot, II), Ok(Q));
        assert_eq!(code_letter(lot, III), Ok(R));
    }
}

#[test]
fn examples_from_the_domain_note() {
    let p = plan(4_000, II, 2.5).unwrap();
    assert_eq!(
        p,
        AqlPlan {
            code_letter: L,
            sample_size: 200,
            accept: 10,
            reject: 11,
            inspect_all: false
        }
    );
    let p = plan(4_000, II, 4.0).unwrap();
    assert_eq!(
        (p.code_letter, p.sample_size, p.accept, p.reject),
        (L, 200, 14, 15)
    );
    let p = plan(3_000, II, 2.5).unwrap();
    assert_eq!(
        (p.code_letter, p.sample_size, p.accept, p.reject),
        (K, 125, 7, 8)
    );
    let p = plan(3_000, II, 4.0).unwrap();
    assert_eq!(
        (p.code_letter, p.sample_size, p.accept, p.reject),
        (K, 125, 10, 11)
    );
    assert_eq!(resolve(A, 1.0), Ok((13, 0, 1)));
}

#[test]
fn plan_serializes_as_the_cli_prints_it() {
    let json = serde_json::to_string(&plan(4_000, II, 2.5).unwrap()).unwrap();
    assert_eq!(
        json,
        r#"{"code_letter":"L","sample_size":200,"accept":10,"reject":11,"inspect_all":false}"#
    );
}

#[test]
fn inspect_all_when_sample_reaches_lot() {
    // (lot, level, aql, inspect_all, sample size)
    let cases = [
        (2, II, 6.5, true, 2),    // A, n 2 = lot
        (3, II, 6.5, false, 2),   // A at 6.5: n 2 < lot 3
        (8, II, 1.0, true, 8),    // A -> E, n 13 >= 8
        (15, II, 0.65, true, 15), // B -> F, n 20
        (16, II, 2.5, false, 5),  // C at 2.5 = 0/1 n 5
        (50, I, 0.65, false, 20), // C -> F, n 20
        (20, I, 0.65, true, 20),  // B -> F, n 20 = lot
        (1, III, 4.0, true, 1),
    ];
    for (lot, level, aql, all, n) in cases {
        let p = plan(lot, level, aql).unwrap();
        assert_eq!(
            (p.inspect_all, p.sample_size),
            (all, n),
            "lot {lot} {level:?} {aql}"
        );
    }
}

#[test]
fn bad_inputs_are_errors() {
    assert_eq!(code_letter(0, II), Err(AqlError::EmptyLot));
    assert_eq!(plan(0, II, 2.5), Err(AqlError::EmptyLot));
    for aql in [0.0, 0.1, 2.0, 10.0, -2.5, f64::NAN, f64::INFINITY] {
        assert!(
            matches!(plan(100, II, aql), Err(AqlError::UnsupportedAql(_))),
            "{aql}"
        );
    }
    assert!(
        plan(100, II, 2.500_000_000_1).is_ok(),
        "float noise is tolerated"
    );
}

#[test]
fn critical_plan_is_zero_one_on_major_sample() {
    let p = critical_plan(4_000, II, 2.5).unwrap();
    assert_eq!(
        (p.code_letter, p.sample_size, p.accept, p.reject),
        (L, 200, 0, 1)
    );
    let p = critical_plan(8, II, 1.0).unwrap();
    assert_eq!(
        (p.sample_size, p.accept, p.reject, p.inspect_all),
        (8, 0, 1, true)
    );
}

fn insp(critical: u32, major: u32, minor: u32) -> Inspection {
    Inspection {
        lot_size: 4_000,
        level: II,
        aql_major: 2.5,
        aql_minor: 4.0,
        critical_found: critical,
        major_found: major,
        minor_found: minor,
        ..Inspection::default()
    }
}

#[test]
fn lot_accepted_only_when_every_class_is_within_ac() {
    // (critical, major, minor, accepted)
    let cases = [
        (0, 0, 0, true),
        (0, 10, 14, true),
        (0, 11, 0, false),
        (0, 0, 15, false),
        (1, 0, 0, false),
        (0, 10, 15, false),
        (2, 30, 40, false),
    ];
    for (c, ma, mi, want) in cases {
        let r = judge(&insp(c, ma, mi)).unwrap();
        assert_eq!(r.accepted, want, "{c}/{ma}/{mi}");
        assert_eq!(r.classes.len(), 3);
        assert_eq!(r.classes.iter().all(|c| c.accepted), want);
    }
    let r = judge(&insp(0, 11, 0)).unwrap();
    assert!(r.classes[0].accepted && !r.classes[1].accepted && r.classes[2].accepted);
}

#[test]
fn judge_reports_bad_records() {
    let mut i = insp(0, 0, 0);
    i.lot_size = 0;
    assert_eq!(judge(&i), Err(AqlError::EmptyLot));
    let mut i = insp(0, 0, 0);
    i.aql_minor = 3.0;
    assert_eq!(judge(&i), Err(AqlError::UnsupportedAql(3.0)));
}
