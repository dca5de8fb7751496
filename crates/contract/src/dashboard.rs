//! A performance dashboard or improvement plan considered by a committee.
//! (Skeleton: the full contract for this file type is filled in by its issue.)

use crate::council::schema_derive;
use crate::{Date, Listed, Listing, Versioned};
use serde::{Deserialize, Serialize};

schema_derive! {
/// A performance dashboard or improvement plan considered by a committee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
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

impl Versioned for Dashboard {
    const WHAT: &'static str = "dashboard file";
}

impl Listed for Dashboard {
    const DIR: &'static str = "dashboards";
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
