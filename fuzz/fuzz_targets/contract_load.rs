//! The contract loader on any bytes: never panics; whatever it accepts serialises and
//! reads back as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_data::{
    parse, parse_bytes, Catalogue, CouncilAttendance, CouncilFile, Dashboard, DecisionsFile,
    DecisionsIndex, FollowUpsFile, ForwardPlan, Glossary, Meeting, PeopleRegister, Theme,
    Versioned, WorkProgramme,
};
use serde::Serialize;
use std::fmt::Debug;

fn round_trip<T: Versioned + Serialize + PartialEq + Debug>(bytes: &[u8]) {
    if let Ok(value) = parse_bytes::<T>("f.json", bytes) {
        let json = serde_json::to_string(&value).expect("an accepted value serialises");
        let back = parse::<T>("f.json", &json).expect("an accepted value reads back");
        assert_eq!(back, value, "{} reads back different", T::WHAT);
    }
}

fuzz_target!(|bytes: &[u8]| {
    round_trip::<Catalogue>(bytes);
    round_trip::<Meeting>(bytes);
    round_trip::<CouncilFile>(bytes);
    round_trip::<WorkProgramme>(bytes);
    round_trip::<ForwardPlan>(bytes);
    round_trip::<Dashboard>(bytes);
    round_trip::<PeopleRegister>(bytes);
    round_trip::<CouncilAttendance>(bytes);
    round_trip::<Glossary>(bytes);
    round_trip::<Theme>(bytes);
    round_trip::<DecisionsIndex>(bytes);
    round_trip::<DecisionsFile>(bytes);
    round_trip::<FollowUpsFile>(bytes);
});
