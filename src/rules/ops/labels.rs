//! What each op is called in the Undo and Redo menu items ("Undo remove
//! parcel").

use super::Op;
use crate::model::CodeState;

impl Op {
    pub fn label(&self) -> String {
        let s = match self {
            Op::SetProjectName(_) => "rename the project",
            Op::SetWarehouse(_) => "edit the warehouse",
            Op::SetNextId(_) => "restore the id counter",
            Op::ReplaceProject(_) => "recover unsaved changes",
            Op::NewProduct { .. } => "add product",
            Op::InsertProduct { .. } => "put back product",
            Op::RemoveProduct(_) => "remove product",
            Op::MoveProduct { .. } => "move product",
            Op::SetProductName(..) => "rename product",
            Op::SetListing(..) => "edit listing",
            Op::SetAcceptedSample(_, Some(_)) => "accept sample",
            Op::SetAcceptedSample(_, None) => "withdraw sample acceptance",
            Op::NewRisk { .. } | Op::InsertRisk { .. } => "add risk",
            Op::RemoveRisk(_) => "remove risk",
            Op::MoveRisk { .. } => "move risk",
            Op::SetRisk(_) => "edit risk",
            Op::NewSpecRow { .. } | Op::InsertSpecRow { .. } => "add spec row",
            Op::RemoveSpecRow(_) => "remove spec row",
            Op::MoveSpecRow { .. } => "move spec row",
            Op::SetSpecRow(_) => "edit spec row",
            Op::NewOrder { .. } | Op::InsertOrder { .. } => "add order",
            Op::RemoveOrder(_) => "remove order",
            Op::MoveOrder { .. } => "move order",
            Op::SetOrderFacts(..) => "edit order",
            Op::NewParcel { .. } | Op::InsertParcel { .. } => "add parcel",
            Op::RemoveParcel(_) => "remove parcel",
            Op::MoveParcel { .. } => "move parcel",
            Op::SetParcel(_) => "edit parcel",
            Op::NewMessage { .. } | Op::InsertMessage { .. } => "add message",
            Op::RemoveMessage(_) => "remove message",
            Op::MoveMessage { .. } => "move message",
            Op::SetMessage(_) => "edit message",
            Op::NewPacking { .. } | Op::InsertPacking { .. } => "add packing request",
            Op::RemovePacking(_) => "remove packing request",
            Op::SetPacking(_) => "edit packing request",
            Op::Observe { .. } | Op::SetObservation { .. } => "edit observation",
            Op::Judge { .. } => "judge observation",
            Op::InsertObservation { .. } => "add observation",
            Op::RemoveObservation { .. } => "remove observation",
            Op::AddPhotos { photos, .. } => return import_label(photos.len()),
            Op::InsertPhoto { .. } => "put back photo",
            Op::RemovePhoto(_) => "remove photo",
            Op::SetPhoto(..) => "edit photo",
            Op::InsertMark { .. } => "add a defect mark",
            Op::RemoveMark { .. } => "remove a defect mark",
            Op::SetMark { .. } => "label a defect mark",
            Op::SetCodes { .. } => "record the codes read on a photo",
            Op::SetCode { code, .. } => match code.state {
                CodeState::Found => "put back a code as read",
                CodeState::Corrected { .. } => "correct a code",
                CodeState::Dismissed { .. } => "dismiss a code",
            },
            Op::LinkByCodes(_) => "link photos to the parcels their labels show",
            Op::AddParcelFromCode { .. } => "add a parcel from a label",
            Op::SetColourReading {
                reading: Some(_), ..
            } => "measure colour",
            Op::SetColourReading { reading: None, .. } => "clear a colour reading",
            Op::NewRoute(_) | Op::InsertRoute { .. } => "add route",
            Op::RemoveRoute(_) => "remove route",
            Op::MoveRoute { .. } => "move route",
            Op::SetRoute(_) => "edit route",
            Op::SetRouteDecision { .. } => "edit route decision",
            Op::SetInspection { .. } => "edit inspection",
            Op::Sign(s) => return format!("sign {}", s.signed.label()),
            Op::InsertDecision { .. } => "put back decision",
            Op::RemoveDecision(_) => "remove decision",
            Op::Batch(ops) => return batch_label(ops),
        };
        s.to_string()
    }
}

fn import_label(n: usize) -> String {
    format!("import {}", crate::rules::text::count(n, "photo", "photos"))
}

fn batch_label(ops: &[Op]) -> String {
    match ops {
        [] => "change nothing".into(),
        [one] => one.label(),
        [first, rest @ ..] if rest.iter().all(|o| o.label() == first.label()) => {
            format!("{} ({} times)", first.label(), ops.len())
        }
        _ => format!("{} changes", ops.len()),
    }
}
