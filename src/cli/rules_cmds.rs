//! `aql` and `verdict`: the rules, from the command line.

use super::Outcome;
use super::out::{self, clean, say};
use crate::model::{InspectionLevel, Verdict};
use crate::rules::{self, Reason, Severity, aql};
use crate::store;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::Path;

/// `aql --lot N [--level L] [--aql A] [--json]`: the sampling plan(s).
pub fn aql(
    lot: u32,
    level: InspectionLevel,
    aql_value: Option<f64>,
    json: bool,
) -> anyhow::Result<Outcome> {
    let letter = aql::code_letter(lot, level)?;
    if let Some(a) = aql_value {
        let plan = aql::plan(lot, level, a)?;
        if json {
            out::json(serde_json::to_string(&plan)?);
        } else {
            say!("lot {lot}, level {level:?}: code letter {letter:?}");
            print_plans(&[(a, plan)]);
        }
        return Ok(Outcome::Clean);
    }
    let plans = aql::AQL_COLUMNS
        .iter()
        .map(|&a| Ok((a, aql::plan(lot, level, a)?)))
        .collect::<Result<Vec<_>, aql::AqlError>>()?;
    if json {
        #[derive(Serialize)]
        struct Row {
            aql: f64,
            #[serde(flatten)]
            plan: aql::AqlPlan,
        }
        #[derive(Serialize)]
        struct All {
            lot_size: u32,
            code_letter: aql::CodeLetter,
            plans: Vec<Row>,
        }
        let all = All {
            lot_size: lot,
            code_letter: letter,
            plans: plans
                .into_iter()
                .map(|(aql, plan)| Row { aql, plan })
                .collect(),
        };
        out::json(serde_json::to_string(&all)?);
    } else {
        say!("lot {lot}, level {level:?}: code letter {letter:?}; critical defects: accept 0");
        print_plans(&plans);
    }
    Ok(Outcome::Clean)
}

fn print_plans(plans: &[(f64, aql::AqlPlan)]) {
    say!("{:>5}  {:>6}  {:>3}  {:>3}", "AQL", "n", "Ac", "Re");
    for (a, p) in plans {
        let a = aql::aql_label(*a);
        let all = if p.inspect_all {
            "  (inspect every unit)"
        } else {
            ""
        };
        say!(
            "{a:>5}  {:>6}  {:>3}  {:>3}{all}",
            p.sample_size,
            p.accept,
            p.reject
        );
    }
}

/// `verdict FILE [--json]`: every gate with its reasons. Findings (exit 1)
/// when any gate is not go.
pub fn verdict(file: &Path, json: bool, now: NaiveDateTime) -> anyhow::Result<Outcome> {
    let project = store::load(file)?;
    let verdicts = rules::evaluate(&project, now);
    if json {
        out::json(serde_json::to_string_pretty(&verdicts)?);
    } else {
        say!("Scale up? (sample gate, per product)");
        for g in &verdicts.products {
            say!(
                "  product {}  {}: {}",
                g.product,
                clean(&g.product_name),
                shout(g.verdict)
            );
            print_reasons(&g.reasons);
        }
        say!("Ship it? (export gate, per order)");
        for g in &verdicts.orders {
            say!(
                "  order {}  {} {}: {}",
                g.order,
                g.kind.label(),
                clean(&g.order_number),
                shout(g.verdict)
            );
            for item in &g.checklist {
                let tick = if item.ticked { "[x]" } else { "[ ]" };
                say!("      {tick} {}", clean(item.label));
            }
            print_reasons(&g.reasons);
        }
    }
    Ok(if verdicts.all_go() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn shout(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "GO",
        Verdict::GoWithConditions => "GO WITH CONDITIONS",
        Verdict::NoGo => "NO-GO",
        Verdict::NotReady => "NOT READY",
    }
}

fn print_reasons(reasons: &[Reason]) {
    for r in reasons {
        let label = match r.severity {
            Severity::Blocks => r.effect.label(),
            Severity::Warns => "warning",
            Severity::Condition => "condition",
        };
        say!("    - {label}: {}", clean(&r.message));
    }
}
