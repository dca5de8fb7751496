//! A council's Key Decision Forward Plan.
//! (Skeleton: the full contract for this file type is filled in by its issue.)

use crate::council::schema_derive;
use crate::{Date, Listed, Listing, Versioned};
use serde::{Deserialize, Serialize};

schema_derive! {
/// A council's Key Decision Forward Plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForwardPlan {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// Stable, URL-safe id.
    pub id: String,
    pub title: String,
    pub council: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}
}

impl Versioned for ForwardPlan {
    const WHAT: &'static str = "forward_plan file";
}

impl Listed for ForwardPlan {
    const DIR: &'static str = "forward-plans";
    fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            title: self.title.clone(),
            council: self.council.clone(),
            committee: self.committee.clone(),
            file: format!("{}/{}.json", Self::DIR, self.id),
            date: self.date,
            note: None,
        }
    }
}
