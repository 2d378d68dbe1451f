//! Ops on the decision log: signing, and putting back or removing a
//! signed decision.

use super::facts::Signature;
use super::place::insert_at;
use super::{Op, OpError, Tx};
use crate::model::*;
use crate::rules::decisions;

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::Sign(s) => sign(tx, *s),
        Op::InsertDecision { at, decision } => {
            tx.claim([decision.id.0])?;
            let exists = match decision.subject {
                Subject::ScaleUp(p) => tx.p.product(p).is_some(),
                Subject::Ship(o) => tx.p.order(o).is_some(),
            };
            if !exists {
                return Err(OpError::BrokenLink(format!(
                    "the decision is about {}, which is not in the project",
                    decision.subject
                )));
            }
            let id = decision.id;
            insert_at(&mut tx.p.decisions, at, *decision)?;
            tx.undo(Op::RemoveDecision(id));
            Ok(())
        }
        Op::RemoveDecision(id) => {
            let at =
                tx.p.decisions
                    .iter()
                    .position(|d| d.id == id)
                    .ok_or_else(|| OpError::NotFound(format!("decision {id}")))?;
            let decision = Box::new(tx.p.decisions.remove(at));
            tx.undo(Op::InsertDecision { at, decision });
            Ok(())
        }
        op => unreachable!("not a decision op: {op:?}"),
    }
}

/// Re-checks the signature against the project as it is now, then appends
/// the decision with the computed verdict and the evidence's fingerprint.
fn sign(tx: &mut Tx, s: Signature) -> Result<(), OpError> {
    let gone = || OpError::NotFound(s.subject.to_string());
    let computed =
        decisions::current_verdict(tx.p, s.subject, s.at.naive_local()).ok_or_else(gone)?;
    let computed = decisions::check_signature(Some(computed), s.signed, &s.reviewer, &s.reason)
        .map_err(|e| OpError::Refused(e.to_string()))?;
    let evidence = decisions::evidence_fingerprint(tx.p, s.subject).ok_or_else(gone)?;
    let conditions = match s.signed {
        Verdict::Go | Verdict::GoWithConditions => {
            decisions::current_conditions(tx.p, s.subject, s.at.naive_local())
        }
        Verdict::NoGo | Verdict::NotReady => Vec::new(),
    };
    let id = DecisionId(tx.fresh_id()?);
    tx.p.decisions.push(Decision {
        id,
        time: s.at,
        reviewer: s.reviewer.trim().to_string(),
        subject: s.subject,
        computed,
        signed: s.signed,
        reason: s.reason.trim().to_string(),
        evidence,
        conditions,
    });
    tx.undo(Op::RemoveDecision(id));
    tx.created(id.0);
    Ok(())
}
