//! Operations: every change to a project, as plain data, applied by one
//! function ([`apply`]) that keeps the project's links whole.
//!
//! - A removal removes or unlinks what depends on the removed thing, and
//!   says so in [`Applied::effects`] ("6 photos unlinked from SF14…").
//! - An op that would create a link to nothing is refused ([`OpError`]) and
//!   leaves the project as it was.
//! - [`Applied::inverse`] holds the ops that undo it exactly (positions and
//!   the id counter included), so undo needs no copy of the project; an op
//!   that changed nothing has no inverse.
//!
//! The invariant, property-tested in `tests/ops.rs`: after any sequence of
//! ops, [`crate::model::broken_links`] finds nothing, and applying the
//! inverses in reverse order gives back the starting project.

mod catalogue;
mod catalogue_routes;
mod codes;
mod colour;
mod evidence;
mod facts;
mod labels;
mod observations;
mod orders;
mod photos;
mod place;
mod reach;
mod signing;
#[cfg(test)]
mod tests;

pub use facts::{NewPhoto, OrderFacts, PhotoFacts, Signature};
pub use reach::{Reach, reach};

use crate::model::*;

/// A change to a project. `New*` ops create an object with a fresh id;
/// `Insert*` ops put back an object as it was (undo); `Set*` ops replace an
/// object's own fields (found by its id), leaving what hangs off it alone.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    SetProjectName(String),
    SetWarehouse(Warehouse),
    /// Puts the id counter back (the undo of a creation).
    SetNextId(u64),
    /// Replaces the whole project (recovering unsaved changes).
    ReplaceProject(Box<Project>),

    NewProduct {
        name: String,
    },
    InsertProduct {
        at: usize,
        product: Box<Product>,
    },
    RemoveProduct(ProductId),
    MoveProduct {
        id: ProductId,
        to: usize,
    },
    SetProductName(ProductId, String),
    SetListing(ProductId, Box<Listing>),
    /// Which sample order is the bulk's reference (`None`: none yet).
    SetAcceptedSample(ProductId, Option<OrderId>),

    NewRisk {
        product: ProductId,
        kind: RiskKind,
    },
    InsertRisk {
        product: ProductId,
        at: usize,
        risk: Risk,
    },
    RemoveRisk(RiskId),
    MoveRisk {
        id: RiskId,
        to: usize,
    },
    SetRisk(Risk),

    NewSpecRow {
        product: ProductId,
    },
    InsertSpecRow {
        product: ProductId,
        at: usize,
        row: SpecItem,
    },
    RemoveSpecRow(SpecId),
    MoveSpecRow {
        id: SpecId,
        to: usize,
    },
    SetSpecRow(SpecItem),

    NewOrder {
        product: ProductId,
        kind: OrderKind,
    },
    InsertOrder {
        product: ProductId,
        at: usize,
        order: Box<Order>,
    },
    RemoveOrder(OrderId),
    MoveOrder {
        id: OrderId,
        to: usize,
    },
    SetOrderFacts(OrderId, Box<OrderFacts>),

    NewParcel {
        order: OrderId,
    },
    InsertParcel {
        order: OrderId,
        at: usize,
        parcel: Parcel,
    },
    RemoveParcel(ParcelId),
    MoveParcel {
        id: ParcelId,
        to: usize,
    },
    SetParcel(Parcel),

    NewMessage {
        order: OrderId,
    },
    InsertMessage {
        order: OrderId,
        at: usize,
        message: SellerMessage,
    },
    RemoveMessage(MessageId),
    MoveMessage {
        id: MessageId,
        to: usize,
    },
    SetMessage(SellerMessage),

    NewPacking {
        order: OrderId,
    },
    InsertPacking {
        order: OrderId,
        at: usize,
        request: PackingRequest,
    },
    RemovePacking(PackingId),
    SetPacking(PackingRequest),

    /// Sets the value of the order's latest observation of `spec`, adding
    /// one if there is none (what typing in an observation field does);
    /// with `photo`, also the photo that shows it.
    Observe {
        order: OrderId,
        spec: SpecId,
        value: String,
        photo: Option<PhotoId>,
    },
    /// Sets (or with None clears) the buyer's call on the order's latest
    /// observation of `spec`. Refused when there is no observation.
    Judge {
        order: OrderId,
        spec: SpecId,
        judgement: Option<Judgement>,
    },
    InsertObservation {
        order: OrderId,
        at: usize,
        observation: Observation,
    },
    RemoveObservation {
        order: OrderId,
        at: usize,
    },
    SetObservation {
        order: OrderId,
        at: usize,
        observation: Observation,
    },

    /// Adds imported photos to an order (a photo whose bytes are already in
    /// the order is not added twice), linked to `parcel` if given, else to
    /// the order's parcel when it has exactly one.
    AddPhotos {
        order: OrderId,
        parcel: Option<ParcelId>,
        photos: Vec<NewPhoto>,
    },
    InsertPhoto {
        order: OrderId,
        at: usize,
        photo: Box<Photo>,
    },
    /// Removes a photo from its order. Its stored file is left in the photo
    /// store (other photos may share it; `check --clean` tidies orphans).
    RemovePhoto(PhotoId),
    SetPhoto(PhotoId, PhotoFacts),

    InsertMark {
        photo: PhotoId,
        at: usize,
        mark: Mark,
    },
    RemoveMark {
        photo: PhotoId,
        at: usize,
    },
    SetMark {
        photo: PhotoId,
        at: usize,
        mark: Mark,
    },

    /// Replaces the codes read on a photo (what a scan found).
    SetCodes {
        photo: PhotoId,
        codes: Vec<PhotoCode>,
    },
    /// Replaces one code of a photo: corrected, dismissed, or put back.
    SetCode {
        photo: PhotoId,
        at: usize,
        code: Box<PhotoCode>,
    },
    /// Links each photo whose label shows a parcel of its order to that
    /// parcel (unless it is linked to another) and tags it carton label.
    LinkByCodes(Vec<PhotoId>),
    /// Adds the tracking number a photo's label shows as a new parcel of
    /// the photo's order (carrier filled in when its prefix settles it),
    /// links the photo to it and tags it carton label.
    AddParcelFromCode {
        photo: PhotoId,
        tracking: String,
    },

    /// Adds a route like `route`, with a fresh id.
    NewRoute(Box<Route>),
    InsertRoute {
        at: usize,
        route: Box<Route>,
    },
    RemoveRoute(RouteId),
    MoveRoute {
        id: RouteId,
        to: usize,
    },
    SetRoute(Box<Route>),

    /// The order's route decision: the route chosen, cartons, review.
    SetRouteDecision {
        order: OrderId,
        decision: Option<RouteDecision>,
    },
    SetInspection {
        order: OrderId,
        inspection: Option<Inspection>,
    },

    /// Signs a verdict: appends to the decision log, with the verdict the
    /// rules compute at that moment and the evidence's fingerprint.
    Sign(Box<Signature>),
    InsertDecision {
        at: usize,
        decision: Box<Decision>,
    },
    RemoveDecision(DecisionId),

    /// Sets (or clears) the colour measured between a sample and a bulk
    /// photo on the order's latest observation of `spec`, adding one with
    /// nothing typed when there is none.
    SetColourReading {
        order: OrderId,
        spec: SpecId,
        reading: Option<Box<ColourReading>>,
    },

    /// Several ops as one change (one undo step); all or none apply.
    Batch(Vec<Op>),
}

/// What applying an op did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The ops that undo it, to apply in this order.
    pub inverse: Vec<Op>,
    /// What else it changed, in the buyer's words.
    pub effects: Vec<String>,
    /// The object it created, if any (the window selects it).
    pub created: Option<u64>,
}

impl Applied {
    /// Whether the op changed the project.
    pub fn changed(&self) -> bool {
        !self.inverse.is_empty()
    }
}

/// Why an op was refused. The project is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("{0} is not in the project")]
    NotFound(String),
    #[error("{0}")]
    BrokenLink(String),
    #[error("id {0} is already in use")]
    IdInUse(u64),
    #[error("the project has used up its ids (next_id is at its largest value)")]
    OutOfIds,
    #[error("{0}")]
    Refused(String),
}

/// Applies `op` to `project`. On error nothing changed.
pub fn apply(project: &mut Project, op: Op) -> Result<Applied, OpError> {
    let mut tx = Tx::new(project);
    match run(&mut tx, op) {
        Ok(()) => Ok(tx.finish()),
        Err(e) => {
            tx.roll_back();
            Err(e)
        }
    }
}

/// What applying `op` would change besides the op itself (for "Remove
/// parcel SF…? 6 photos will be unlinked"), without changing `project`.
pub fn preview(project: &Project, op: &Op) -> Result<Vec<String>, OpError> {
    let mut scratch = project.clone();
    apply(&mut scratch, op.clone()).map(|a| a.effects)
}

/// An op being applied: the project, and what undoes each step so far.
pub(crate) struct Tx<'a> {
    pub(crate) p: &'a mut Project,
    /// Each step's inverse; the whole inverse is these in reverse order.
    steps: Vec<Vec<Op>>,
    effects: Vec<String>,
    created: Option<u64>,
    /// The id counter before the first id was handed out.
    next_id_before: Option<u64>,
}

impl<'a> Tx<'a> {
    fn new(p: &'a mut Project) -> Self {
        Tx {
            p,
            steps: Vec::new(),
            effects: Vec::new(),
            created: None,
            next_id_before: None,
        }
    }

    /// Records what undoes the step just done.
    pub(crate) fn undo(&mut self, inverse: Op) {
        self.steps.push(vec![inverse]);
    }

    pub(crate) fn effect(&mut self, text: String) {
        self.effects.push(text);
    }

    pub(crate) fn created(&mut self, id: u64) {
        self.created.get_or_insert(id);
    }

    /// Runs another op as a step of this one.
    pub(crate) fn run(&mut self, op: Op) -> Result<(), OpError> {
        run(self, op)
    }

    /// A fresh id, unique in the project; never wraps.
    pub(crate) fn fresh_id(&mut self) -> Result<u64, OpError> {
        let id = self.p.next_id.max(1);
        let next = id.checked_add(1).ok_or(OpError::OutOfIds)?;
        self.next_id_before.get_or_insert(self.p.next_id);
        self.p.next_id = next;
        Ok(id)
    }

    /// Takes ids an inserted object brings (refused when 0 or in use); the
    /// counter moves past them, so fresh ids never meet them.
    pub(crate) fn claim(&mut self, ids: impl IntoIterator<Item = u64>) -> Result<(), OpError> {
        let ids: Vec<u64> = ids.into_iter().collect();
        place::ensure_free(self.p, ids.iter().copied())?;
        if let Some(&max) = ids.iter().max()
            && max >= self.p.next_id
        {
            let next = max.checked_add(1).ok_or(OpError::OutOfIds)?;
            self.next_id_before.get_or_insert(self.p.next_id);
            self.p.next_id = next;
        }
        Ok(())
    }

    fn inverse(&mut self) -> Vec<Op> {
        let mut ops: Vec<Op> = std::mem::take(&mut self.steps)
            .into_iter()
            .rev()
            .flatten()
            .collect();
        if let Some(n) = self.next_id_before.take() {
            ops.push(Op::SetNextId(n));
        }
        ops
    }

    fn finish(mut self) -> Applied {
        Applied {
            inverse: self.inverse(),
            effects: std::mem::take(&mut self.effects),
            created: self.created,
        }
    }

    fn roll_back(mut self) {
        for op in self.inverse() {
            // The inverse of steps that applied applies (tested); there is
            // nothing better to do with an error here than to go on.
            let _ = apply(self.p, op);
        }
    }
}

fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::SetProjectName(name) => catalogue::set_project_name(tx, name),
        Op::SetWarehouse(w) => catalogue::set_warehouse(tx, w),
        Op::SetNextId(n) => catalogue::set_next_id(tx, n),
        Op::ReplaceProject(p) => {
            if *tx.p != *p {
                let old = std::mem::replace(tx.p, *p);
                tx.undo(Op::ReplaceProject(Box::new(old)));
            }
            Ok(())
        }
        Op::Batch(ops) => ops.into_iter().try_for_each(|op| tx.run(op)),
        op @ (Op::NewProduct { .. }
        | Op::InsertProduct { .. }
        | Op::RemoveProduct(_)
        | Op::MoveProduct { .. }
        | Op::SetProductName(..)
        | Op::SetListing(..)
        | Op::SetAcceptedSample(..)
        | Op::NewRisk { .. }
        | Op::InsertRisk { .. }
        | Op::RemoveRisk(_)
        | Op::MoveRisk { .. }
        | Op::SetRisk(_)
        | Op::NewSpecRow { .. }
        | Op::InsertSpecRow { .. }
        | Op::RemoveSpecRow(_)
        | Op::MoveSpecRow { .. }
        | Op::SetSpecRow(_)
        | Op::NewRoute(_)
        | Op::InsertRoute { .. }
        | Op::RemoveRoute(_)
        | Op::MoveRoute { .. }
        | Op::SetRoute(_)) => catalogue::run(tx, op),
        op @ (Op::NewOrder { .. }
        | Op::InsertOrder { .. }
        | Op::RemoveOrder(_)
        | Op::MoveOrder { .. }
        | Op::SetOrderFacts(..)
        | Op::SetRouteDecision { .. }
        | Op::SetInspection { .. }) => orders::run(tx, op),
        op @ (Op::NewParcel { .. }
        | Op::InsertParcel { .. }
        | Op::RemoveParcel(_)
        | Op::MoveParcel { .. }
        | Op::SetParcel(_)
        | Op::NewMessage { .. }
        | Op::InsertMessage { .. }
        | Op::RemoveMessage(_)
        | Op::MoveMessage { .. }
        | Op::SetMessage(_)
        | Op::NewPacking { .. }
        | Op::InsertPacking { .. }
        | Op::RemovePacking(_)
        | Op::SetPacking(_)
        | Op::Observe { .. }
        | Op::Judge { .. }
        | Op::InsertObservation { .. }
        | Op::RemoveObservation { .. }
        | Op::SetObservation { .. }) => evidence::run(tx, op),
        op @ (Op::AddPhotos { .. }
        | Op::InsertPhoto { .. }
        | Op::RemovePhoto(_)
        | Op::SetPhoto(..)
        | Op::InsertMark { .. }
        | Op::RemoveMark { .. }
        | Op::SetMark { .. }) => photos::run(tx, op),
        op @ (Op::SetCodes { .. }
        | Op::SetCode { .. }
        | Op::LinkByCodes(_)
        | Op::AddParcelFromCode { .. }) => codes::run(tx, op),
        op @ Op::SetColourReading { .. } => colour::run(tx, op),
        op @ (Op::Sign(_) | Op::InsertDecision { .. } | Op::RemoveDecision(_)) => {
            signing::run(tx, op)
        }
    }
}
