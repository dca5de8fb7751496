//! A synthetic large council in the published format: by default 40 committees × 15
//! municipal years × 10 meetings (6,000 meetings, about 100,000 agenda items and
//! resolutions), with text assembled from the phrases committee papers actually use.
//! Deterministic: the same arguments give the same files.

use minutebook_data::{parse, paths, CouncilFile, Date, Meeting, FORMAT};
use serde_json::json;
use std::fs;
use std::path::Path;

/// A small, fast, deterministic random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

const COMMITTEE_AREAS: &[&str] = &[
    "Adult Social Care",
    "Children's Services",
    "Health and Wellbeing",
    "Housing",
    "Planning",
    "Licensing",
    "Highways and Transport",
    "Environment",
    "Climate Emergency",
    "Finance and Resources",
    "Audit and Governance",
    "Regeneration",
    "Economic Development",
    "Culture and Leisure",
    "Education",
    "Skills and Employment",
    "Community Safety",
    "Public Health",
    "Waste and Recycling",
    "Parks and Green Spaces",
    "Corporate Parenting",
    "Pensions",
    "Standards",
    "Appointments",
    "Equalities",
    "Digital and Customer Services",
    "Libraries",
    "Neighbourhoods",
    "Tourism",
    "Coastal Management",
    "Flood Risk",
    "Procurement",
    "Asset Management",
    "Youth Services",
    "Older People",
    "Safeguarding",
    "Markets",
    "Port and Maritime",
    "Rural Affairs",
    "Heritage",
];

const TOPICS: &[&str] = &[
    "housing allocations policy",
    "school attendance",
    "adult social care charging",
    "highways maintenance programme",
    "climate emergency action plan",
    "library service review",
    "council tax reduction scheme",
    "fostering recruitment",
    "air quality management",
    "parking enforcement",
    "leisure centre refurbishment",
    "flood risk strategy",
    "homelessness prevention",
    "special educational needs provision",
    "domestic abuse support",
    "youth justice plan",
    "waste collection contract",
    "town centre regeneration",
    "local plan review",
    "public health grant",
    "capital programme",
    "revenue budget monitoring",
    "treasury management",
    "internal audit plan",
    "risk management framework",
    "workforce strategy",
    "digital inclusion",
    "community safety partnership",
    "anti-social behaviour",
    "licensing policy",
    "taxi licensing",
    "market traders",
    "museum collections",
    "green spaces strategy",
    "tree planting",
    "cycling and walking infrastructure",
    "bus service improvement",
    "road safety",
    "street lighting",
    "coastal erosion",
    "carers strategy",
    "dementia support",
    "mental health services",
    "child poverty",
    "holiday activities and food",
    "apprenticeships",
    "business rates relief",
    "procurement pipeline",
    "asset disposals",
    "care home fees",
    "home care market",
    "safeguarding adults board annual report",
    "corporate parenting board",
    "cared for children placements",
    "early help services",
    "school admissions",
    "pupil place planning",
    "ofsted inspection outcomes",
];

const OFFICERS: &[&str] = &[
    "the Executive Director of Adult Social Care and Health",
    "the Executive Director of Children's Services",
    "the Executive Director of Corporate Resources",
    "the Chief Legal and Democratic Officer",
    "the Assistant Director of Highways and Public Protection",
    "the Director of Public Health",
    "the Head of Regeneration and Housing",
    "the Chief Finance Officer",
    "the Head of Strategic Support",
];

const NAMES: &[&str] = &[
    "Atkinson",
    "Bennett",
    "Brennan",
    "Carragher",
    "Dowd",
    "Fairclough",
    "Grace",
    "Hardy",
    "Howard",
    "Keith",
    "Lappin",
    "McKinley",
    "Moncur",
    "Murphy",
    "O'Hare",
    "Pugh",
    "Roscoe",
    "Shaw",
    "Thompson",
    "Waterfield",
];

const OPENINGS: &[&str] = &[
    "The Committee considered the report of {officer} on the {topic}.",
    "The Committee received a presentation from {officer} which provided an update on the {topic}.",
    "Further to Minute No. {n} of the previous meeting, the Committee considered a report on the {topic}.",
    "The Committee considered the report of {officer} seeking approval of the {topic}.",
];

const DETAILS: &[&str] = &[
    "The report set out progress against the agreed priorities and the risks to delivery in the coming year.",
    "The report outlined the outcome of the public consultation, which had received {k} responses.",
    "It was noted that demand had increased by {k} per cent compared with the same period last year.",
    "The financial implications were set out in the report, including a forecast overspend of £{k}0,000.",
    "Members were advised that the proposals had been developed with partners across the borough.",
    "The report highlighted the performance of the service against national benchmarks and statistical neighbours.",
    "An equality impact assessment had been completed and was attached as an appendix.",
    "Councillor {name} attended the meeting to present the report and respond to questions from Members.",
];

const MATTERS: &[&str] = &[
    "the timescales for implementation of the {topic}",
    "the impact of the cost-of-living crisis on residents",
    "staff recruitment and retention across the service",
    "engagement with ward councillors and local residents",
    "the level of reserves and the medium term financial plan",
    "performance indicators rated red in the dashboard",
    "the use of agency staff and associated costs",
    "support available to vulnerable residents",
    "how the views of young people had been taken into account",
    "the monitoring arrangements for the {topic}",
];

const RESOLUTIONS: &[&str] = &[
    "the report be noted",
    "the {topic} be approved",
    "the Executive Director be requested to submit a further report on the {topic} to a future meeting",
    "the Cabinet be recommended to approve the {topic}",
    "a briefing session on the {topic} be arranged for Members of the Committee",
    "consideration of the {topic} be deferred to the next meeting",
    "the comments of the Committee be forwarded to the Cabinet Member",
];

fn fill(rng: &mut Rng, template: &str, topic: &str) -> String {
    template
        .replace("{officer}", rng.pick(OFFICERS))
        .replace("{topic}", topic)
        .replace("{name}", rng.pick(NAMES))
        .replace("{n}", &(rng.below(90) + 1).to_string())
        .replace("{k}", &(rng.below(40) + 3).to_string())
}

fn say(rng: &mut Rng, list: &[&'static str], topic: &str) -> String {
    let t = rng.pick(list);
    fill(rng, t, topic)
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w != "and" && w != "of" && w != "for" => {
                    f.to_uppercase().collect::<String>() + c.as_str()
                }
                Some(_) => w.to_string(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub struct Size {
    pub committees: usize,
    pub years: usize,
    pub meetings_per_year: usize,
}

/// One meeting as published JSON (built as JSON, then checked against the contract, so
/// new optional fields in the contract never break the generator).
fn meeting(
    rng: &mut Rng,
    committee: &str,
    date: Date,
    minute_base: usize,
) -> (String, serde_json::Value, usize, usize) {
    let mut items = Vec::new();
    let mut parts_total = 0;
    let n_items = 5 + rng.below(6);
    for i in 0..n_items {
        let topic = rng.pick(TOPICS);
        let title = title_case(topic);
        let number = minute_base + i + 1;
        let officer = rng.pick(OFFICERS);
        let report = (rng.below(10) < 5).then(|| {
            json!({
                "subject": title,
                "summary": [fill(rng, "To update the Committee on the {topic} and to seek its views on the next steps.", topic)],
                "recommendations": [fill(rng, "That the Committee note the progress made on the {topic}.", topic)],
            })
        });
        let opening = say(rng, OPENINGS, topic);
        let details: Vec<String> = (0..2 + rng.below(3))
            .map(|_| say(rng, DETAILS, topic))
            .collect();
        let points: Vec<String> = (0..2 + rng.below(4))
            .map(|_| say(rng, MATTERS, topic))
            .collect();
        let parts_n = 1 + rng.below(2);
        parts_total += parts_n;
        let parts: Vec<serde_json::Value> = (0..parts_n)
            .map(|p| {
                let text = say(rng, RESOLUTIONS, topic);
                if parts_n > 1 {
                    json!({ "number": (p + 1).to_string(), "text": text })
                } else {
                    json!({ "text": text })
                }
            })
            .collect();
        let mut item = json!({
            "number": (i + 1).to_string(),
            "title": title,
            "report_of": format!("Report of {officer}"),
            "minute": {
                "number": number.to_string(),
                "narrative": [opening, details.join(" ")],
                "matters_raised": {
                    "intro": "Members of the Committee asked questions and raised matters on the following issues:",
                    "points": points,
                },
                "resolution": { "preamble": "That", "parts": parts },
            },
        });
        if let Some(r) = report {
            item["report"] = r;
        }
        items.push(item);
    }
    let id = format!("{committee}-{date}");
    let m = json!({
        "format": FORMAT,
        "id": id,
        "committee": committee,
        "date": date.to_string(),
        "start_time": "18:30",
        "venue": { "name": "Committee Room 1, Town Hall" },
        "status": "held",
        "agenda_published": true,
        "minutes": "confirmed",
        "items": items,
    });
    (id, m, n_items, parts_total)
}

/// Write the council file, meeting files and catalogue into `out` (which must be empty or
/// not exist). Returns (meetings, agenda items, resolution parts).
pub fn generate(out: &Path, size: &Size) -> Result<(usize, usize, usize), String> {
    let io = |e: std::io::Error| format!("{}: {e}", out.display());
    fs::create_dir_all(out.join("councils")).map_err(io)?;
    fs::create_dir_all(out.join("meetings")).map_err(io)?;
    let committees: Vec<(String, String)> = COMMITTEE_AREAS
        .iter()
        .cycle()
        .take(size.committees)
        .enumerate()
        .map(|(i, area)| {
            let title = if i < COMMITTEE_AREAS.len() {
                format!("{area} Committee")
            } else {
                format!("{area} Committee {}", i + 1)
            };
            (format!("bigtown-c{:02}", i + 1), title)
        })
        .collect();
    let file = json!({
        "format": FORMAT,
        "council": { "id": "bigtown", "name": "Bigtown Metropolitan Borough Council" },
        "committees": committees.iter().map(|(id, title)| json!({ "id": id, "council": "bigtown", "title": title })).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&file).unwrap();
    parse::<CouncilFile>("councils/bigtown.json", &text).map_err(|e| e.to_string())?;
    fs::write(out.join("councils/bigtown.json"), text).map_err(io)?;
    let mut rng = Rng::new(2026);
    let (mut meetings, mut items, mut parts) = (0, 0, 0);
    for (c_id, _) in &committees {
        let mut minute = 0;
        for y in 0..size.years {
            let year = 2011 + y as i32;
            for k in 0..size.meetings_per_year {
                // Meetings spread over the municipal year (June to April).
                let month = [6, 7, 9, 10, 11, 12, 1, 2, 3, 4][k % 10] as u8;
                let cal_year = if month < 5 { year + 1 } else { year };
                let day = 1 + rng.below(27) as u8;
                let date = Date::new(cal_year, month, day).expect("valid date");
                let (id, m, n, p) = meeting(&mut rng, c_id, date, minute);
                let text = serde_json::to_string(&m).unwrap();
                if meetings == 0 {
                    parse::<Meeting>(&id, &text).map_err(|e| e.to_string())?;
                }
                minute += n;
                meetings += 1;
                items += n;
                parts += p;
                fs::write(out.join(paths::meeting(&id)), text).map_err(io)?;
            }
        }
    }
    let data = minutebook_tools::catalogue::read_dataset(out).map_err(|e| e.join("; "))?;
    let cat = minutebook_tools::catalogue::build(&data).map_err(|e| e.join("; "))?;
    fs::write(
        out.join(paths::CATALOGUE),
        minutebook_tools::catalogue::to_json(&cat),
    )
    .map_err(io)?;
    Ok((meetings, items, parts))
}
