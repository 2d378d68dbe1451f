//! "Scale up?": the sample gate of a product.
//!
//! - not-ready: no sample order; a spec row not observed on the sample; a
//!   repeat promise (same material, mould, colour batch, packaging,
//!   accessories) or a bulk term (MOQ, lead time, carton size, gross weight,
//!   defect handling, pre-shipment photos) not confirmed by any seller
//!   message of the product (one reason per group, listing what is missing).
//! - no-go: a deviation on a critical row; evidence of unclear labels, weak
//!   packaging, missing parts or inconsistent colour (a deviation on a row
//!   about labels, packaging, accessories or colour; a failed accessories,
//!   damage, model or quantity check on a sample photo; a photo tagged
//!   defect). The seed's advice goes with it: fix the brief and run a second
//!   controlled sample; ordering more does not fix it.
//! - a deviation on another row only warns.
//! - the buyer's call settles a deviation (or an unreadable value): "this
//!   matches" leaves no reason; "I accept this deviation" leaves a
//!   condition, and the verdict is at best GO with conditions.
//!
//! No-go beats not-ready beats go, and every reason is kept.

use super::compare::{Cell, judge, sample_order, settling_call};
use super::text::normalise;
use super::{Reason, Target, verdict_of, verdict_str};
use crate::model::{
    Call, Check, Judgement, Order, OrderId, Product, ProductId, SpecItem, Tag, Term, Verdict,
};
use serde::Serialize;

/// Repeat promises: bulk repeats the sample.
pub const REPEAT_TERMS: [Term; 5] = [
    Term::SameMaterial,
    Term::SameMould,
    Term::SameColourBatch,
    Term::SamePackaging,
    Term::SameAccessories,
];

/// Terms of the bulk order.
pub const BULK_TERMS: [Term; 6] = [
    Term::Moq,
    Term::LeadTime,
    Term::CartonSize,
    Term::GrossWeight,
    Term::DefectHandling,
    Term::PreShipmentPhotos,
];

/// The seed's advice when the sample shows a problem.
pub const SECOND_SAMPLE: &str = "Do not solve this by ordering more: fix the supplier brief and run a second controlled sample.";

/// The sample gate of one product.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SampleGate {
    pub product: ProductId,
    pub product_name: String,
    /// The sample order judged (the accepted one, else the latest).
    pub sample_order: Option<OrderId>,
    #[serde(serialize_with = "verdict_str")]
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

/// What a spec row is about, from its name (English or Chinese).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowTopic {
    Label,
    Packaging,
    Accessories,
    Colour,
}

impl RowTopic {
    fn problem(self) -> &'static str {
        match self {
            Self::Label => "unclear or wrong labels",
            Self::Packaging => "weak or wrong packaging",
            Self::Accessories => "missing or wrong parts",
            Self::Colour => "inconsistent colour",
        }
    }
}

/// The topic of a row name, if it is one the seed calls out.
pub fn row_topic(name: &str) -> Option<RowTopic> {
    let n = normalise(name);
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["label", "标签", "吊牌", "标识", "barcode", "条码"]) {
        Some(RowTopic::Label)
    } else if has(&["packag", "packing", "box", "carton", "包装", "盒", "箱"]) {
        Some(RowTopic::Packaging)
    } else if has(&[
        "accessor", "parts", "piece", "pcs", "per set", "quantity", "qty", "配件", "附件", "零件",
        "数量", "件数", "片数",
    ]) {
        Some(RowTopic::Accessories)
    } else if has(&["colour", "color", "颜色", "色"]) {
        Some(RowTopic::Colour)
    } else {
        None
    }
}

/// Every term confirmed by a message on any order of the product.
fn confirmed_terms(product: &Product) -> Vec<Term> {
    product
        .orders
        .iter()
        .flat_map(|o| o.messages.iter())
        .flat_map(|m| m.terms.iter().copied())
        .collect()
}

fn missing_terms_reason(
    product: &Product,
    sample: &Order,
    group: &[Term],
    what: &str,
) -> Option<Reason> {
    let confirmed = confirmed_terms(product);
    let missing: Vec<&str> = group
        .iter()
        .filter(|t| !confirmed.contains(t))
        .map(|t| t.label())
        .collect();
    (!missing.is_empty()).then(|| {
        Reason::not_ready(
            Target::Messages(sample.id),
            format!(
                "The seller has not confirmed {what}: {}.",
                missing.join(", ")
            ),
        )
    })
}

/// One reason per problem the sample photos show, naming the photos (a
/// single photo is its own target; several open the order's photos).
fn photo_reasons(sample: &Order, out: &mut Vec<Reason>) {
    type Words = (&'static str, &'static str);
    let mut by_problem: Vec<(Words, Vec<&crate::model::Photo>)> = Vec::new();
    for photo in &sample.photos {
        if photo.has_tag(Tag::ChatScreenshot) {
            continue;
        }
        for problem in photo_problems(photo) {
            match by_problem.iter_mut().find(|(p, _)| *p == problem) {
                Some((_, photos)) => photos.push(photo),
                None => by_problem.push((problem, vec![photo])),
            }
        }
    }
    for ((one_says, many_say), photos) in by_problem {
        let reason = match photos.as_slice() {
            [one] => Reason::no_go(
                Target::Photo(one.id),
                format!(
                    "Sample photo {}: {one_says}. {SECOND_SAMPLE}",
                    one.file.original_name
                ),
            ),
            many => {
                let names: Vec<&str> = many.iter().map(|p| p.file.original_name.as_str()).collect();
                Reason::no_go(
                    Target::Photos(sample.id),
                    format!(
                        "{} sample photos: {many_say} ({}). {SECOND_SAMPLE}",
                        many.len(),
                        names.join(", ")
                    ),
                )
            }
        };
        out.push(reason);
    }
}

/// What is wrong on one sample photo, in words (said of one photo, and
/// of several).
fn photo_problems(photo: &crate::model::Photo) -> Vec<(&'static str, &'static str)> {
    let failed = |c: Check| c == Check::Fail;
    let damaged = "the item or its packaging is damaged";
    let model = "the model is not the one ordered";
    let quantity = "the quantity is wrong";
    [
        (
            failed(photo.checks.accessories),
            ("parts are missing", "parts are missing"),
        ),
        (failed(photo.checks.damage), (damaged, damaged)),
        (failed(photo.checks.model), (model, model)),
        (failed(photo.checks.quantity), (quantity, quantity)),
        (
            photo.has_tag(Tag::Defect),
            ("it shows a defect", "they show a defect"),
        ),
    ]
    .into_iter()
    .filter(|(bad, _)| *bad)
    .map(|(_, words)| words)
    .collect()
}

/// The seed's advice once: kept on the first reason that gives it.
fn advice_once(reasons: &mut [Reason]) {
    let tail = format!(" {SECOND_SAMPLE}");
    let mut seen = false;
    for r in reasons.iter_mut() {
        if r.message.ends_with(&tail) {
            if seen {
                let keep = r.message.len() - tail.len();
                r.message.truncate(keep);
            }
            seen = true;
        }
    }
}

/// What a deviation the buyer made a call on leaves: nothing when they
/// said it matches, a condition of the GO when they accepted it.
fn called_reason(row: &SpecItem, cell: &Cell, call: &Judgement) -> Option<Reason> {
    let what = match cell {
        Cell::Deviation { difference, .. } => difference.clone(),
        Cell::Unreadable { observed, .. } => format!("\u{201c}{observed}\u{201d}"),
        Cell::Match { .. } | Cell::Missing => return None,
    };
    match call.call {
        Call::Matches => None,
        Call::AcceptDeviation => Some(Reason::condition(
            Target::SpecRow(row.id),
            format!(
                "\u{201c}{}\u{201d} on the sample: {what}; deviation accepted{}.",
                row.name,
                judgement_words(call)
            ),
        )),
    }
}

/// " by Li on 2026-11-22: “note”", with the parts that were given.
pub fn judgement_words(j: &Judgement) -> String {
    let mut s = String::new();
    if !j.by.trim().is_empty() {
        s.push_str(&format!(" by {}", j.by.trim()));
    }
    s.push_str(&format!(" on {}", j.at.format("%Y-%m-%d")));
    if !j.note.trim().is_empty() {
        s.push_str(&format!(": \u{201c}{}\u{201d}", j.note.trim()));
    }
    s
}

/// The sample gate of a product.
pub fn sample_gate(product: &Product) -> SampleGate {
    let mut reasons = Vec::new();
    let sample = sample_order(product);
    if let (Some(id), None) = (product.accepted_sample, sample) {
        reasons.push(Reason::not_ready(
            Target::Product(product.id),
            format!("The accepted sample (order {id}) is not among the product's orders."),
        ));
    }
    match sample {
        None if product.accepted_sample.is_none() => reasons.push(Reason::not_ready(
            Target::Product(product.id),
            "There is no sample order: order a sample before deciding to scale up.",
        )),
        None => {}
        Some(sample) => {
            if product.spec.is_empty() {
                reasons.push(Reason::not_ready(
                    Target::Product(product.id),
                    "The spec brief is empty: write what the supplier must deliver.",
                ));
            }
            for row in &product.spec {
                let cell = super::compare::observed_value(sample, row)
                    .map_or(Cell::Missing, |v| judge(&row.expected, &v));
                if let Some(call) = settling_call(&cell, Some(sample), row.id) {
                    reasons.extend(called_reason(row, &cell, &call));
                    continue;
                }
                match cell {
                    Cell::Match { .. } => {}
                    Cell::Missing => reasons.push(Reason::not_ready(
                        Target::SpecRow(row.id),
                        format!(
                            "\u{201c}{}\u{201d} was not observed on the sample.",
                            row.name
                        ),
                    )),
                    Cell::Unreadable { observed, problem } => reasons.push(Reason::not_ready(
                        Target::SpecRow(row.id),
                        format!(
                            "\u{201c}{}\u{201d} on the sample cannot be read (\u{201c}{observed}\u{201d}: {problem}): re-enter it.",
                            row.name
                        ),
                    )),
                    Cell::Deviation { difference, .. } => {
                        let topic = row_topic(&row.name);
                        let head = format!(
                            "\u{201c}{}\u{201d} deviates on the sample ({difference})",
                            row.name
                        );
                        reasons.push(match (row.critical, topic) {
                            (_, Some(t)) => Reason::no_go(
                                Target::SpecRow(row.id),
                                format!("{head}: {}. {SECOND_SAMPLE}", t.problem()),
                            ),
                            (true, None) => Reason::no_go(
                                Target::SpecRow(row.id),
                                format!("{head} on a critical row. {SECOND_SAMPLE}"),
                            ),
                            (false, None) => {
                                Reason::warn(Target::SpecRow(row.id), format!("{head}."))
                            }
                        });
                    }
                }
            }
            photo_reasons(sample, &mut reasons);
            reasons.extend(super::colour::colour_reasons(product));
            reasons.extend(missing_terms_reason(
                product,
                sample,
                &REPEAT_TERMS,
                "that the bulk repeats the sample",
            ));
            reasons.extend(missing_terms_reason(
                product,
                sample,
                &BULK_TERMS,
                "the bulk terms",
            ));
        }
    }
    advice_once(&mut reasons);
    SampleGate {
        product: product.id,
        product_name: product.name.clone(),
        sample_order: sample.map(|o| o.id),
        verdict: verdict_of(&reasons),
        reasons,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::rules::Severity;
    use crate::rules::all_go_fixture::{SAMPLE, project};

    fn product() -> Product {
        project().products.remove(0)
    }

    fn set_obs(p: &mut Product, spec: u64, value: &str) {
        p.orders[SAMPLE]
            .observations
            .retain(|o| o.spec != SpecId(spec));
        p.orders[SAMPLE].observations.push(Observation {
            spec: SpecId(spec),
            value: value.into(),
            source: Source::Measurement,
            photo: None,
            note: String::new(),
            judgement: None,
            colour: None,
        });
    }

    fn drop_terms(p: &mut Product, terms: &[Term]) {
        for o in &mut p.orders {
            o.messages[0].terms.retain(|t| !terms.contains(t));
        }
    }

    #[test]
    fn the_fixture_sample_is_go() {
        let g = sample_gate(&product());
        assert_eq!(g.verdict, Verdict::Go, "{:?}", g.reasons);
        assert!(g.reasons.is_empty());
        assert_eq!(g.sample_order, Some(OrderId(10)));
    }

    type Case = (
        &'static str,
        fn(&mut Product),
        Verdict,
        Target,
        &'static str,
    );

    #[test]
    fn each_broken_piece_gives_its_verdict_and_reason() {
        let cases: [Case; 12] = [
            (
                "row not observed",
                |p| {
                    p.orders[SAMPLE]
                        .observations
                        .retain(|o| o.spec != SpecId(4))
                },
                Verdict::NotReady,
                Target::SpecRow(SpecId(4)),
                "\u{201c}Height\u{201d} was not observed on the sample.",
            ),
            (
                "blank observation",
                |p| set_obs(p, 4, "  "),
                Verdict::NotReady,
                Target::SpecRow(SpecId(4)),
                "not observed",
            ),
            (
                "colour deviation",
                |p| set_obs(p, 3, "red"),
                Verdict::NoGo,
                Target::SpecRow(SpecId(3)),
                "inconsistent colour. Do not solve this by ordering more: fix the supplier brief and run a second controlled sample.",
            ),
            (
                "packaging deviation",
                |p| set_obs(p, 6, "no"),
                Verdict::NoGo,
                Target::SpecRow(SpecId(6)),
                "weak or wrong packaging",
            ),
            (
                "critical deviation",
                |p| set_obs(p, 7, "400 g"),
                Verdict::NoGo,
                Target::SpecRow(SpecId(7)),
                "(+50 g (+14.3%), tolerance \u{b1}5%) on a critical row",
            ),
            (
                "repeat term missing",
                |p| drop_terms(p, &[Term::SameMould]),
                Verdict::NotReady,
                Target::Messages(OrderId(10)),
                "The seller has not confirmed that the bulk repeats the sample: same mould.",
            ),
            (
                "bulk terms missing",
                |p| drop_terms(p, &BULK_TERMS[..2]),
                Verdict::NotReady,
                Target::Messages(OrderId(10)),
                "The seller has not confirmed the bulk terms: MOQ, lead time.",
            ),
            (
                "missing parts",
                |p| p.orders[SAMPLE].photos[0].checks.accessories = Check::Fail,
                Verdict::NoGo,
                Target::Photo(PhotoId(13)),
                "Sample photo IMG_13.jpg: parts are missing.",
            ),
            (
                "damage",
                |p| p.orders[SAMPLE].photos[0].checks.damage = Check::Fail,
                Verdict::NoGo,
                Target::Photo(PhotoId(13)),
                "damaged",
            ),
            (
                "defect photo",
                |p| p.orders[SAMPLE].photos[0].tags.push(Tag::Defect),
                Verdict::NoGo,
                Target::Photo(PhotoId(13)),
                "shows a defect",
            ),
            (
                "no sample order",
                |p| p.orders.retain(|o| o.kind == OrderKind::Bulk),
                Verdict::NotReady,
                Target::Product(ProductId(1)),
                "There is no sample order",
            ),
            (
                "accepted sample gone",
                |p| p.accepted_sample = Some(OrderId(99)),
                Verdict::NotReady,
                Target::Product(ProductId(1)),
                "order 99",
            ),
        ];
        for (name, break_it, verdict, target, text) in cases {
            let mut p = product();
            break_it(&mut p);
            let g = sample_gate(&p);
            assert_eq!(g.verdict, verdict, "{name}: {:?}", g.reasons);
            assert!(
                g.reasons
                    .iter()
                    .any(|r| r.target == target && r.message.contains(text)),
                "{name}: {:#?}",
                g.reasons
            );
        }
    }

    #[test]
    fn terms_confirmed_on_another_order_count() {
        let mut p = product();
        p.orders[SAMPLE].messages[0].terms.clear();
        assert_eq!(
            sample_gate(&p).verdict,
            Verdict::Go,
            "the bulk order's message confirms them"
        );
        p.orders[1].messages[0].terms.clear();
        let g = sample_gate(&p);
        assert_eq!(g.verdict, Verdict::NotReady);
        assert_eq!(g.reasons.len(), 2, "one reason per group: {:?}", g.reasons);
    }

    #[test]
    fn an_unreadable_observation_is_not_ready_not_a_deviation() {
        let mut p = product();
        set_obs(&mut p, 4, "about eleven");
        let g = sample_gate(&p);
        assert_eq!(g.verdict, Verdict::NotReady, "{:?}", g.reasons);
        assert!(
            g.reasons[0].message.contains("re-enter it"),
            "{}",
            g.reasons[0].message
        );
        assert_eq!(g.reasons[0].target, Target::SpecRow(SpecId(4)));
    }

    #[test]
    fn a_short_count_per_set_is_missing_parts() {
        assert_eq!(row_topic("Pieces per set"), Some(RowTopic::Accessories));
        assert_eq!(row_topic("每套数量"), Some(RowTopic::Accessories));
        assert_eq!(row_topic("Height"), None);
    }

    #[test]
    fn minor_deviation_only_warns() {
        let mut p = product();
        set_obs(&mut p, 4, "11 cm");
        let g = sample_gate(&p);
        assert_eq!(g.verdict, Verdict::Go);
        assert_eq!(g.reasons.len(), 1);
        assert_eq!(g.reasons[0].severity, Severity::Warns);
        assert!(
            g.reasons[0]
                .message
                .contains("+1 cm, tolerance \u{b1}0.5 cm")
        );
    }

    #[test]
    fn all_reasons_are_kept_and_no_go_wins() {
        let mut p = product();
        set_obs(&mut p, 3, "red");
        p.orders[SAMPLE]
            .observations
            .retain(|o| o.spec != SpecId(5));
        p.orders[SAMPLE].photos[0].checks.accessories = Check::Fail;
        for o in &mut p.orders {
            o.messages.clear();
        }
        let g = sample_gate(&p);
        assert_eq!(g.verdict, Verdict::NoGo);
        let no_go = g
            .reasons
            .iter()
            .filter(|r| r.effect == Verdict::NoGo)
            .count();
        let not_ready = g
            .reasons
            .iter()
            .filter(|r| r.effect == Verdict::NotReady)
            .count();
        assert_eq!((no_go, not_ready), (2, 3), "{:#?}", g.reasons);
    }

    #[test]
    fn accepted_sample_is_the_one_judged() {
        let mut p = product();
        let mut second = p.orders[SAMPLE].clone();
        second.id = OrderId(30);
        second.observations.clear();
        p.orders.push(second);
        assert_eq!(
            sample_gate(&p).sample_order,
            Some(OrderId(30)),
            "latest sample by default"
        );
        assert_eq!(sample_gate(&p).verdict, Verdict::NotReady);
        p.accepted_sample = Some(OrderId(10));
        let g = sample_gate(&p);
        assert_eq!(
            (g.sample_order, g.verdict),
            (Some(OrderId(10)), Verdict::Go)
        );
    }

    #[test]
    fn row_topics_in_english_and_chinese() {
        let cases = [
            ("Colour", Some(RowTopic::Colour)),
            ("color", Some(RowTopic::Colour)),
            ("颜色", Some(RowTopic::Colour)),
            ("主色", Some(RowTopic::Colour)),
            ("Label", Some(RowTopic::Label)),
            ("Care labelling", Some(RowTopic::Label)),
            ("标签", Some(RowTopic::Label)),
            ("Packaging", Some(RowTopic::Packaging)),
            ("包装", Some(RowTopic::Packaging)),
            ("Gift box", Some(RowTopic::Packaging)),
            ("Accessories", Some(RowTopic::Accessories)),
            ("配件", Some(RowTopic::Accessories)),
            ("Height", None),
            ("Material", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(row_topic(name), want, "{name}");
        }
    }
}
