//! Acceptance sampling, ISO 2859-1 single sampling plans for normal
//! inspection, encoded as the tables of `shared/domain/aql.md`.
//!
//! The tables are data: Table I maps a lot size to a code letter per
//! inspection level; Table II-A gives each letter its sample size and, per
//! AQL, either a plan (Ac/Re) or an arrow. Arrows are resolved at lookup
//! time by walking the column until a plan is reached, and the sample size
//! is the one of **the row where the plan is found** (the pitfall the domain
//! note warns about is flattening the arrows).
//!
//! Critical defects: no AQL is tabled for them in practice (any critical
//! defect rejects). We use Ac 0 / Re 1 at the **major** plan's sample size:
//! the inspector opens one sample and counts every class in it.

use crate::model::{Inspection, InspectionLevel};
use serde::Serialize;
use thiserror::Error;

/// A sample size code letter (Table I). I and O are not used by the standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum CodeLetter {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    J,
    K,
    L,
    M,
    N,
    P,
    Q,
    R,
}

impl CodeLetter {
    /// Every letter, in table order.
    pub const ALL: [CodeLetter; 16] = [
        Self::A,
        Self::B,
        Self::C,
        Self::D,
        Self::E,
        Self::F,
        Self::G,
        Self::H,
        Self::J,
        Self::K,
        Self::L,
        Self::M,
        Self::N,
        Self::P,
        Self::Q,
        Self::R,
    ];

    fn row(self) -> usize {
        self as usize
    }

    /// The letter's own sample size from Table II-A (before any arrow).
    pub fn sample_size(self) -> u32 {
        TABLE_II_A[self.row()].0
    }
}

/// The AQL columns of Table II-A.
pub const AQL_COLUMNS: [f64; 6] = [0.65, 1.0, 1.5, 2.5, 4.0, 6.5];

/// An AQL as the tables write it: "0.65", "1.0", "4.0".
pub fn aql_label(aql: f64) -> String {
    if aql.fract() == 0.0 {
        format!("{aql:.1}")
    } else {
        aql.to_string()
    }
}

/// A cell of Table II-A.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cell {
    /// Acceptance number, rejection number.
    Plan(u32, u32),
    /// ↓: use the first plan below.
    Down,
    /// ↑: use the first plan above.
    Up,
}

/// Table II-A, single sampling, normal inspection: per letter (in
/// `CodeLetter::ALL` order) the sample size and the cells for `AQL_COLUMNS`.
const TABLE_II_A: [(u32, [Cell; 6]); 16] = {
    use Cell::{Down as D, Plan as P, Up as U};
    [
        /* A */ (2, [D, D, D, D, D, P(0, 1)]),
        /* B */ (3, [D, D, D, D, P(0, 1), U]),
        /* C */ (5, [D, D, D, P(0, 1), U, D]),
        /* D */ (8, [D, D, P(0, 1), U, D, P(1, 2)]),
        /* E */ (13, [D, P(0, 1), U, D, P(1, 2), P(2, 3)]),
        /* F */ (20, [P(0, 1), U, D, P(1, 2), P(2, 3), P(3, 4)]),
        /* G */ (32, [U, D, P(1, 2), P(2, 3), P(3, 4), P(5, 6)]),
        /* H */ (50, [D, P(1, 2), P(2, 3), P(3, 4), P(5, 6), P(7, 8)]),
        /* J */ (80, [P(1, 2), P(2, 3), P(3, 4), P(5, 6), P(7, 8), P(10, 11)]),
        /* K */
        (
            125,
            [P(2, 3), P(3, 4), P(5, 6), P(7, 8), P(10, 11), P(14, 15)],
        ),
        /* L */
        (
            200,
            [P(3, 4), P(5, 6), P(7, 8), P(10, 11), P(14, 15), P(21, 22)],
        ),
        /* M */ (315, [P(5, 6), P(7, 8), P(10, 11), P(14, 15), P(21, 22), U]),
        /* N */ (500, [P(7, 8), P(10, 11), P(14, 15), P(21, 22), U, U]),
        /* P */ (800, [P(10, 11), P(14, 15), P(21, 22), U, U, U]),
        /* Q */ (1250, [P(14, 15), P(21, 22), U, U, U, U]),
        /* R */ (2000, [P(21, 22), U, U, U, U, U]),
    ]
};

/// Table I: the largest lot size of each row (the last row is open ended),
/// and the code letter for levels I, II, III.
const TABLE_I: [(u32, [CodeLetter; 3]); 15] = {
    use CodeLetter::*;
    [
        (8, [A, A, B]),
        (15, [A, B, C]),
        (25, [B, C, D]),
        (50, [C, D, E]),
        (90, [C, E, F]),
        (150, [D, F, G]),
        (280, [E, G, H]),
        (500, [F, H, J]),
        (1_200, [G, J, K]),
        (3_200, [H, K, L]),
        (10_000, [J, L, M]),
        (35_000, [K, M, N]),
        (150_000, [L, N, P]),
        (500_000, [M, P, Q]),
        (u32::MAX, [N, Q, R]),
    ]
};

/// Why no plan could be found.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum AqlError {
    #[error("the lot size is 0: enter how many units the lot holds")]
    EmptyLot,
    #[error("AQL {0} is not in the table; use one of 0.65, 1.0, 1.5, 2.5, 4.0, 6.5")]
    UnsupportedAql(f64),
    #[error("the table has no plan for letter {letter:?} at AQL {aql}")]
    NoPlan { letter: CodeLetter, aql: f64 },
}

/// A single sampling plan, as the CLI prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AqlPlan {
    /// The code letter from Table I (before arrows are followed).
    pub code_letter: CodeLetter,
    /// Units to open. With `inspect_all`, the whole lot.
    pub sample_size: u32,
    /// Accept the lot for this class when defectives found ≤ accept.
    pub accept: u32,
    /// Reject when defectives found ≥ reject.
    pub reject: u32,
    /// The plan's sample size reaches the lot size: inspect every unit.
    pub inspect_all: bool,
}

impl AqlPlan {
    /// Whether `found` defective units are acceptable under this plan.
    pub fn accepts(&self, found: u32) -> bool {
        found <= self.accept
    }
}

fn level_index(level: InspectionLevel) -> usize {
    match level {
        InspectionLevel::I => 0,
        InspectionLevel::II => 1,
        InspectionLevel::III => 2,
    }
}

/// Table I. A lot of one unit uses the first row (its plan then inspects the
/// whole lot anyway); a lot of zero is an error.
pub fn code_letter(lot_size: u32, level: InspectionLevel) -> Result<CodeLetter, AqlError> {
    if lot_size == 0 {
        return Err(AqlError::EmptyLot);
    }
    let row = TABLE_I
        .iter()
        .find(|(max, _)| lot_size <= *max)
        .ok_or(AqlError::EmptyLot)?;
    Ok(row.1[level_index(level)])
}

fn aql_column(aql: f64) -> Result<usize, AqlError> {
    AQL_COLUMNS
        .iter()
        .position(|c| (c - aql).abs() < 1e-9)
        .ok_or(AqlError::UnsupportedAql(aql))
}

/// Follows the arrows from `letter` in the `aql` column: the sample size and
/// Ac/Re of the plan reached.
pub fn resolve(letter: CodeLetter, aql: f64) -> Result<(u32, u32, u32), AqlError> {
    let col = aql_column(aql)?;
    let mut row = letter.row();
    // Each step moves one row; the table has 16 rows, so a walk longer than
    // that would be a loop (impossible with this table, but guard anyway).
    for _ in 0..TABLE_II_A.len() {
        let (n, cells) = TABLE_II_A[row];
        match cells[col] {
            Cell::Plan(ac, re) => return Ok((n, ac, re)),
            Cell::Down if row + 1 < TABLE_II_A.len() => row += 1,
            Cell::Up if row > 0 => row -= 1,
            _ => break,
        }
    }
    Err(AqlError::NoPlan { letter, aql })
}

/// The single sampling plan for a lot at an AQL.
pub fn plan(lot_size: u32, level: InspectionLevel, aql: f64) -> Result<AqlPlan, AqlError> {
    let letter = code_letter(lot_size, level)?;
    let (n, accept, reject) = resolve(letter, aql)?;
    Ok(with_lot(letter, n, accept, reject, lot_size))
}

fn with_lot(letter: CodeLetter, n: u32, accept: u32, reject: u32, lot: u32) -> AqlPlan {
    let inspect_all = n >= lot;
    AqlPlan {
        code_letter: letter,
        sample_size: if inspect_all { lot } else { n },
        accept,
        reject,
        inspect_all,
    }
}

/// Critical defects: Ac 0 / Re 1 on the major plan's sample size.
pub fn critical_plan(
    lot_size: u32,
    level: InspectionLevel,
    aql_major: f64,
) -> Result<AqlPlan, AqlError> {
    let major = plan(lot_size, level, aql_major)?;
    Ok(AqlPlan {
        accept: 0,
        reject: 1,
        ..major
    })
}

/// A defect class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DefectClass {
    Critical,
    Major,
    Minor,
}

impl DefectClass {
    pub fn label(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Major => "major",
            Self::Minor => "minor",
        }
    }
}

/// One class judged against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClassResult {
    pub class: DefectClass,
    pub plan: AqlPlan,
    pub found: u32,
    pub accepted: bool,
}

/// An inspection judged: the lot is accepted only when every class is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InspectionResult {
    pub classes: Vec<ClassResult>,
    pub accepted: bool,
}

/// Judges an inspection record (critical, major, minor).
pub fn judge(inspection: &Inspection) -> Result<InspectionResult, AqlError> {
    let lot = inspection.lot_size;
    let level = inspection.level;
    let plans = [
        (
            DefectClass::Critical,
            critical_plan(lot, level, inspection.aql_major)?,
            inspection.critical_found,
        ),
        (
            DefectClass::Major,
            plan(lot, level, inspection.aql_major)?,
            inspection.major_found,
        ),
        (
            DefectClass::Minor,
            plan(lot, level, inspection.aql_minor)?,
            inspection.minor_found,
        ),
    ];
    let classes: Vec<ClassResult> = plans
        .into_iter()
        .map(|(class, plan, found)| ClassResult {
            class,
            plan,
            found,
            accepted: plan.accepts(found),
        })
        .collect();
    let accepted = classes.iter().all(|c| c.accepted);
    Ok(InspectionResult { classes, accepted })
}

#[cfg(test)]
#[path = "aql_tests.rs"]
mod tests;
