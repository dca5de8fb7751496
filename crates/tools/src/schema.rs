//! The JSON Schema of each published file type, generated from the contract's types.

use minutebook_data::{
    Catalogue, CouncilAttendance, CouncilFile, Dashboard, ForwardPlan, Glossary, Meeting,
    PeopleRegister, Theme, WorkProgramme,
};

/// (file name, schema JSON) for every published file type.
pub fn schemas() -> Vec<(&'static str, String)> {
    fn pretty(s: schemars::Schema) -> String {
        let mut out = serde_json::to_string_pretty(&s).expect("schema serialises");
        out.push('\n');
        out
    }
    vec![
        (
            "catalogue.schema.json",
            pretty(schemars::schema_for!(Catalogue)),
        ),
        (
            "council.schema.json",
            pretty(schemars::schema_for!(CouncilFile)),
        ),
        (
            "meeting.schema.json",
            pretty(schemars::schema_for!(Meeting)),
        ),
        (
            "work-programme.schema.json",
            pretty(schemars::schema_for!(WorkProgramme)),
        ),
        (
            "forward-plan.schema.json",
            pretty(schemars::schema_for!(ForwardPlan)),
        ),
        (
            "dashboard.schema.json",
            pretty(schemars::schema_for!(Dashboard)),
        ),
        ("theme.schema.json", pretty(schemars::schema_for!(Theme))),
        (
            "people.schema.json",
            pretty(schemars::schema_for!(PeopleRegister)),
        ),
        (
            "attendance.schema.json",
            pretty(schemars::schema_for!(CouncilAttendance)),
        ),
        (
            "glossary.schema.json",
            pretty(schemars::schema_for!(Glossary)),
        ),
    ]
}
