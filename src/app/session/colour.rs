//! Measuring colour between a sample and a bulk photo in a job, and
//! keeping the reading on the bulk order's observation of the colour row.

use super::Session;
use crate::app::colour::{ColourRequest, measure};
use crate::app::jobs::{Job, JobResult};
use crate::model::ColourReading;
use crate::rules::ops::Op;
use crate::store::PhotoStore;

impl Session {
    pub(super) fn measure_colour(&mut self, request: ColourRequest) {
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        if self.jobs.is_running(Job::MeasureColour) {
            self.toasts
                .push("A colour is being measured already: wait for it.".into());
            return;
        }
        let store = PhotoStore::for_project(&path);
        self.jobs.spawn(Job::MeasureColour, move || {
            let result = measure(&store, &request);
            JobResult::ColourMeasured {
                request: Box::new(request),
                result,
            }
        });
    }

    pub(super) fn colour_measured(
        &mut self,
        request: ColourRequest,
        result: Result<ColourReading, String>,
    ) {
        match result {
            Ok(reading) => {
                self.toasts.push(format!("Colour: {}", reading.summary()));
                self.change(
                    Op::SetColourReading {
                        order: request.bulk_order,
                        spec: request.spec,
                        reading: Some(Box::new(reading)),
                    },
                    None,
                );
            }
            Err(e) => self
                .toasts
                .push(format!("Could not measure the colour: {e}")),
        }
    }
}
