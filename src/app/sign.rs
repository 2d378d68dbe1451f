//! Signing a decision: an undoable op that appends to the decision log
//! the verdict the buyer signs, with the verdict the rules computed at that
//! moment and a fingerprint of the evidence.

use super::command::Command;
use crate::model::{Subject, Verdict};
use crate::rules::ops::{Op, Signature};
use chrono::{DateTime, FixedOffset};

/// The command that signs `signed` for `subject`. Applied, it re-checks the
/// signature against the project as it is then, and is refused with the
/// reason if the check fails (the window checks first and says why).
pub fn sign(
    subject: Subject,
    signed: Verdict,
    reviewer: String,
    reason: String,
    at: DateTime<FixedOffset>,
) -> Command {
    Command::Apply(Op::Sign(Box::new(Signature {
        subject,
        signed,
        reviewer,
        reason,
        at,
    })))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::app::{Command, Session};
    use crate::model::Project;
    use crate::rules::decisions;

    fn demo() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        let path = crate::app::demo::write(dir.path()).unwrap();
        let p = crate::store::load(&path).unwrap();
        (dir, p)
    }

    #[test]
    fn the_demo_has_the_mugs_scale_up_signed_and_current() {
        let (_dir, project) = demo();
        let [d] = project.decisions.as_slice() else {
            panic!("{:?}", project.decisions);
        };
        assert_eq!(d.subject, Subject::ScaleUp(project.products[0].id));
        assert_eq!((d.computed, d.signed), (Verdict::Go, Verdict::Go));
        assert!(
            !decisions::is_stale(&project, d),
            "signed on the final evidence"
        );
    }

    #[test]
    fn signing_appends_to_the_log_and_an_override_needs_a_reason() {
        let (_dir, mut project) = demo();
        project.decisions.clear();
        let tiles = project.products[1].id;
        let mut s = Session::new(std::sync::Arc::new(|| {}));
        s.doc = Some(crate::app::Document::untitled(project));
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap();
        let subject = Subject::ScaleUp(tiles);

        s.apply(sign(subject, Verdict::Go, "Li".into(), String::new(), at));
        assert!(
            s.project().unwrap().decisions.is_empty(),
            "an override without a reason is not signed"
        );

        s.apply(sign(subject, Verdict::NoGo, "Li".into(), String::new(), at));
        s.apply(sign(
            subject,
            Verdict::Go,
            "Li".into(),
            "second sample approved by video".into(),
            at,
        ));
        let log = &s.project().unwrap().decisions;
        assert_eq!(log.len(), 2);
        assert_eq!(
            (log[0].computed, log[0].signed),
            (Verdict::NoGo, Verdict::NoGo)
        );
        assert_eq!(
            (log[1].computed, log[1].signed),
            (Verdict::NoGo, Verdict::Go)
        );
        assert_eq!(log[1].reason, "second sample approved by video");
        assert!(!decisions::is_stale(s.project().unwrap(), &log[1]));
        s.apply(Command::Undo);
        assert_eq!(
            s.project().unwrap().decisions.len(),
            1,
            "signing is undoable"
        );
    }
}
