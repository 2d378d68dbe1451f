//! Signed decisions: what a decision is about, the verdict the rules give
//! it now, a fingerprint of its evidence, and whether a signed decision is
//! stale (its evidence changed after signing).

use super::{export_gate, sample_gate};
use crate::model::{Decision, Product, Project, Subject, Verdict};
use chrono::NaiveDateTime;

/// The verdict the rules give `subject` at `now`; `None` if it is gone.
pub fn current_verdict(project: &Project, subject: Subject, now: NaiveDateTime) -> Option<Verdict> {
    match subject {
        Subject::ScaleUp(id) => project.product(id).map(|p| sample_gate(p).verdict),
        Subject::Ship(id) => {
            let (product, order) = project.order(id)?;
            Some(export_gate(project, product, order, now).verdict)
        }
    }
}

/// The conditions of the subject's GO as the rules give them now: the
/// deviations the buyer accepted.
pub fn current_conditions(project: &Project, subject: Subject, now: NaiveDateTime) -> Vec<String> {
    let reasons = match subject {
        Subject::ScaleUp(id) => project.product(id).map(|p| sample_gate(p).reasons),
        Subject::Ship(id) => project
            .order(id)
            .map(|(product, order)| export_gate(project, product, order, now).reasons),
    };
    reasons
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.severity == crate::rules::Severity::Condition)
        .map(|r| r.message)
        .collect()
}

/// A fingerprint of the evidence a decision rests on: the whole product
/// (listing, risks, brief and every order) for "Scale up?"; the product's
/// listing, risks and brief with this one order for "Ship it?". Any edit to
/// that evidence changes it. `None` if the subject is gone.
pub fn evidence_fingerprint(project: &Project, subject: Subject) -> Option<String> {
    let evidence: Product = match subject {
        Subject::ScaleUp(id) => project.product(id)?.clone(),
        Subject::Ship(id) => {
            let (product, order) = project.order(id)?;
            Product {
                orders: vec![order.clone()],
                ..product.clone()
            }
        }
    };
    let text = ron::to_string(&evidence).ok()?;
    Some(blake3::hash(text.as_bytes()).to_hex()[..32].to_string())
}

/// Whether the evidence of a signed decision changed since it was signed
/// (or its subject is gone).
pub fn is_stale(project: &Project, decision: &Decision) -> bool {
    evidence_fingerprint(project, decision.subject).as_deref() != Some(decision.evidence.as_str())
}

/// Why a decision cannot be signed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("enter the reviewer's name")]
    NoReviewer,
    #[error("signing {signed} when the rules say {computed} needs a reason")]
    OverrideWithoutReason {
        computed: &'static str,
        signed: &'static str,
    },
    #[error("the product or order no longer exists")]
    Gone,
}

/// Checks a decision before it is signed: a reviewer, and a reason when the
/// signed verdict differs from the computed one.
pub fn check_signature(
    computed: Option<Verdict>,
    signed: Verdict,
    reviewer: &str,
    reason: &str,
) -> Result<Verdict, SignError> {
    let computed = computed.ok_or(SignError::Gone)?;
    if reviewer.trim().is_empty() {
        return Err(SignError::NoReviewer);
    }
    if signed != computed && reason.trim().is_empty() {
        return Err(SignError::OverrideWithoutReason {
            computed: computed.label(),
            signed: signed.label(),
        });
    }
    Ok(computed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::rules::all_go_fixture;

    #[test]
    fn an_override_needs_a_reason_and_a_reviewer() {
        let ok = check_signature(Some(Verdict::NotReady), Verdict::NotReady, "Li", "");
        assert_eq!(ok, Ok(Verdict::NotReady));
        assert_eq!(
            check_signature(Some(Verdict::NotReady), Verdict::Go, "Li", "  "),
            Err(SignError::OverrideWithoutReason {
                computed: "not-ready",
                signed: "go"
            })
        );
        assert!(
            check_signature(
                Some(Verdict::NotReady),
                Verdict::Go,
                "Li",
                "agent checked by video"
            )
            .is_ok()
        );
        assert_eq!(
            check_signature(Some(Verdict::Go), Verdict::Go, " ", ""),
            Err(SignError::NoReviewer)
        );
        assert_eq!(
            check_signature(None, Verdict::Go, "Li", ""),
            Err(SignError::Gone)
        );
    }

    #[test]
    fn editing_the_evidence_makes_a_decision_stale() {
        let mut p = all_go_fixture::project();
        let product = p.products[0].id;
        let order = p.products[0].orders[all_go_fixture::BULK].id;
        let other_order = p.products[0].orders[all_go_fixture::SAMPLE].id;
        let sign = |p: &Project, subject| Decision {
            id: crate::model::DecisionId(999),
            time: chrono::DateTime::default(),
            reviewer: "Li".into(),
            subject,
            computed: Verdict::Go,
            signed: Verdict::Go,
            reason: String::new(),
            evidence: evidence_fingerprint(p, subject).unwrap(),
            conditions: Vec::new(),
        };
        let ship = sign(&p, Subject::Ship(order));
        let scale = sign(&p, Subject::ScaleUp(product));
        assert!(!is_stale(&p, &ship) && !is_stale(&p, &scale));

        // An edit to another order: the bulk's export decision still stands,
        // the product's scale-up decision does not.
        p.order_mut(other_order).unwrap().note.push_str(" edited");
        assert!(!is_stale(&p, &ship));
        assert!(is_stale(&p, &scale));

        p.order_mut(order).unwrap().photos[0].checks.damage = crate::model::Check::Fail;
        assert!(is_stale(&p, &ship));
        p.products.clear();
        assert!(
            is_stale(&p, &ship),
            "a decision about something removed is stale"
        );
    }

    #[test]
    fn the_current_verdict_follows_the_gates() {
        let p = all_go_fixture::project();
        let now = all_go_fixture::now();
        let order = p.products[0].orders[all_go_fixture::BULK].id;
        assert_eq!(
            current_verdict(&p, Subject::Ship(order), now),
            Some(Verdict::Go)
        );
        assert_eq!(
            current_verdict(&p, Subject::ScaleUp(p.products[0].id), now),
            Some(Verdict::Go)
        );
        assert_eq!(
            current_verdict(&p, Subject::Ship(crate::model::OrderId(4242)), now),
            None
        );
    }
}
