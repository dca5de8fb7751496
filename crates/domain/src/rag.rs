//! An improvement plan as a tracker sees it: one row per action (with the outcome, action
//! reference and objective it sits under), counts per RAG status overall and per priority,
//! and the filters a reader applies (priority, status, lead, milestone month).

use crate::charts::{StackedBar, StackedData};
use crate::dates::month_name;
use crate::query::query_string;
use minutebook_data::{Block, ImprovementPlan, RagStatus, Unit};

/// One action of the plan with everything above it in the plan's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    /// 1-based position in the plan, a stable row number for readers and the CSV.
    pub number: usize,
    pub priority: String,
    pub priority_title: String,
    pub outcome: Vec<String>,
    pub reference: Option<String>,
    pub objective: Vec<String>,
    pub action: Vec<Block>,
    pub success: Vec<Block>,
    pub lead: Option<String>,
    pub status: Option<RagStatus>,
    /// The rating's words as the plan prints them in this row.
    pub status_words: Option<String>,
    pub milestone: Option<String>,
    pub detailed_plan: Option<String>,
    pub note: Option<String>,
}

/// Every action, in the plan's order. A blank outcome, reference or objective cell sits
/// under the one above: the plan's cells span the rows below them.
pub fn action_rows(plan: &ImprovementPlan) -> Vec<ActionRow> {
    let key_words = |s: RagStatus| {
        plan.statuses
            .iter()
            .find(|k| k.status == s)
            .map(|k| k.label.clone())
    };
    let mut rows = Vec::new();
    for p in &plan.priorities {
        for outcome in &p.outcomes {
            for objective in &outcome.objectives {
                for a in &objective.actions {
                    rows.push(ActionRow {
                        number: rows.len() + 1,
                        priority: p.number.clone(),
                        priority_title: p.title.clone(),
                        outcome: outcome.text.clone(),
                        reference: objective.reference.clone(),
                        objective: objective.text.clone(),
                        action: a.action.clone(),
                        success: a.success.clone(),
                        lead: a.lead.clone(),
                        status: a.status,
                        status_words: a
                            .status_text
                            .clone()
                            .or_else(|| a.status.and_then(key_words)),
                        milestone: a.milestone.clone(),
                        detailed_plan: a.detailed_plan.clone(),
                        note: a.note.clone(),
                    });
                }
            }
        }
    }
    rows
}

/// How many actions have each status, and how many have none published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RagCounts {
    /// Indexed like [`RagStatus::ALL`].
    pub by_status: [usize; 6],
    pub unrated: usize,
}

impl RagCounts {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a ActionRow>) -> RagCounts {
        let mut c = RagCounts::default();
        for r in rows {
            match r.status {
                Some(s) => c.by_status[status_index(s)] += 1,
                None => c.unrated += 1,
            }
        }
        c
    }
    pub fn get(&self, s: RagStatus) -> usize {
        self.by_status[status_index(s)]
    }
    pub fn total(&self) -> usize {
        self.by_status.iter().sum::<usize>() + self.unrated
    }
}

fn status_index(s: RagStatus) -> usize {
    RagStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The words for "no rating in the plan", in counts, filters and the CSV.
pub const UNRATED: &str = "No rating published";

/// Counts for the whole plan and for each priority: (priority number, title, counts).
pub fn counts_by_priority(rows: &[ActionRow]) -> Vec<(String, String, RagCounts)> {
    let mut out: Vec<(String, String, RagCounts)> = Vec::new();
    for r in rows {
        if !out.iter().any(|(n, _, _)| *n == r.priority) {
            let counts = RagCounts::of(rows.iter().filter(|x| x.priority == r.priority));
            out.push((r.priority.clone(), r.priority_title.clone(), counts));
        }
    }
    out
}

/// The RAG distribution as stacked bars: all priorities first, then each priority. Only
/// statuses that occur are categories; "No rating published" is one when any row has none.
pub fn rag_stacked(rows: &[ActionRow]) -> (StackedData, Vec<Option<RagStatus>>) {
    let overall = RagCounts::of(rows);
    let mut cats: Vec<Option<RagStatus>> = RagStatus::ALL
        .into_iter()
        .filter(|s| overall.get(*s) > 0)
        .map(Some)
        .collect();
    if overall.unrated > 0 {
        cats.push(None);
    }
    let values = |c: &RagCounts| -> Vec<f64> {
        cats.iter()
            .map(|s| match s {
                Some(s) => c.get(*s) as f64,
                None => c.unrated as f64,
            })
            .collect()
    };
    let mut bars = vec![StackedBar {
        label: "All priorities".into(),
        values: values(&overall),
    }];
    for (_, title, c) in counts_by_priority(rows) {
        bars.push(StackedBar {
            label: title,
            values: values(&c),
        });
    }
    let data = StackedData {
        title: "Actions by RAG status, overall and per priority".into(),
        unit: Unit::Count,
        decimals: None,
        bar_heading: "Priority".into(),
        categories: cats.iter().map(|s| status_label(*s).to_string()).collect(),
        bars,
    };
    (data, cats)
}

pub fn status_label(s: Option<RagStatus>) -> &'static str {
    s.map_or(UNRATED, RagStatus::label)
}

/// A milestone's month, read from text that starts "<Month> <year>" ("September 2022",
/// "September 2022 onwards"); `None` for "Ongoing" and other words.
pub fn milestone_month(text: &str) -> Option<(i32, u8)> {
    let mut words = text.split_whitespace();
    let month = words.next()?;
    let year: i32 = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    let m = (1..=12u8).find(|m| month_name(*m).eq_ignore_ascii_case(month))?;
    Some((year, m))
}

/// A value of the milestone filter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MilestoneChoice {
    Month(i32, u8),
    /// A milestone that is words, not a month ("Ongoing").
    Words(String),
    NotPublished,
}

impl MilestoneChoice {
    pub fn of(milestone: Option<&str>) -> MilestoneChoice {
        match milestone {
            None => MilestoneChoice::NotPublished,
            Some(t) => match milestone_month(t) {
                Some((y, m)) => MilestoneChoice::Month(y, m),
                None => MilestoneChoice::Words(t.to_string()),
            },
        }
    }
    pub fn label(&self) -> String {
        match self {
            MilestoneChoice::Month(y, m) => format!("{} {y}", month_name(*m)),
            MilestoneChoice::Words(w) => w.clone(),
            MilestoneChoice::NotPublished => "No milestone published".into(),
        }
    }
    /// A stable value for a `<select>` option: "2022-09", "words:Ongoing", "none".
    pub fn key(&self) -> String {
        match self {
            MilestoneChoice::Month(y, m) => format!("{y}-{m:02}"),
            MilestoneChoice::Words(w) => format!("words:{w}"),
            MilestoneChoice::NotPublished => "none".into(),
        }
    }
}

/// What the reader has chosen; `None` means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub priority: Option<String>,
    /// `Some(None)` picks the rows with no rating.
    pub status: Option<Option<RagStatus>>,
    /// `Some(None)` picks the rows with no lead published.
    pub lead: Option<Option<String>>,
    pub milestone: Option<MilestoneChoice>,
}

impl ActionFilter {
    pub fn matches(&self, r: &ActionRow) -> bool {
        self.priority.as_ref().is_none_or(|p| *p == r.priority)
            && self.status.as_ref().is_none_or(|s| *s == r.status)
            && self.lead.as_ref().is_none_or(|l| *l == r.lead)
            && self
                .milestone
                .as_ref()
                .is_none_or(|m| *m == MilestoneChoice::of(r.milestone.as_deref()))
    }
    pub fn apply<'a>(&self, rows: &'a [ActionRow]) -> Vec<&'a ActionRow> {
        rows.iter().filter(|r| self.matches(r)).collect()
    }
}

/// The lead filter's value for "no lead published" (no lead is named this).
pub const NO_LEAD: &str = "none";
/// The status filter's value for "no rating published".
pub const NO_STATUS: &str = "unrated";

impl ActionFilter {
    /// Read from the page's query (`?priority=4&status=not_on_track&lead=…&milestone=2022-09`);
    /// an unknown value is ignored rather than hiding every row.
    pub fn from_query(
        get: impl Fn(&str) -> Option<String>,
        milestones: &[MilestoneChoice],
    ) -> ActionFilter {
        let value = |k: &str| get(k).filter(|v| !v.is_empty());
        ActionFilter {
            priority: value("priority"),
            status: value("status").and_then(|v| {
                if v == NO_STATUS {
                    Some(None)
                } else {
                    RagStatus::from_key(&v).map(Some)
                }
            }),
            lead: value("lead").map(|v| if v == NO_LEAD { None } else { Some(v) }),
            milestone: value("milestone")
                .and_then(|v| milestones.iter().find(|m| m.key() == v).cloned()),
        }
    }

    /// The query string for this filter, "" when it shows everything, else "?k=v&…".
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(p) = &self.priority {
            pairs.push(("priority", p.clone()));
        }
        if let Some(s) = &self.status {
            pairs.push(("status", s.map_or(NO_STATUS, RagStatus::key).to_string()));
        }
        if let Some(l) = &self.lead {
            pairs.push(("lead", l.as_deref().unwrap_or(NO_LEAD).to_string()));
        }
        if let Some(m) = &self.milestone {
            pairs.push(("milestone", m.key()));
        }
        query_string(pairs)
    }
}

/// The distinct leads, sorted, for the lead filter (blank leads are offered separately).
pub fn leads(rows: &[ActionRow]) -> Vec<String> {
    let mut v: Vec<String> = rows.iter().filter_map(|r| r.lead.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// The distinct milestones, months in date order, then words, then "not published".
pub fn milestones(rows: &[ActionRow]) -> Vec<MilestoneChoice> {
    let mut v: Vec<MilestoneChoice> = rows
        .iter()
        .map(|r| MilestoneChoice::of(r.milestone.as_deref()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Paragraphs and lists as plain text, for the CSV and search.
pub fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.clone(),
            Block::List(items) => items
                .iter()
                .map(|i| format!("• {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_read_as_months() {
        assert_eq!(milestone_month("September 2022"), Some((2022, 9)));
        assert_eq!(milestone_month("September 2022 onwards"), Some((2022, 9)));
        assert_eq!(milestone_month("Ongoing"), None);
        assert_eq!(milestone_month("Sept 2022"), None);
        assert_eq!(MilestoneChoice::of(Some("March 2025")).key(), "2025-03");
        assert_eq!(MilestoneChoice::of(Some("Ongoing")).label(), "Ongoing");
        assert_eq!(MilestoneChoice::of(None).label(), "No milestone published");
        let mut v = [
            MilestoneChoice::NotPublished,
            MilestoneChoice::Words("Ongoing".into()),
            MilestoneChoice::Month(2023, 1),
            MilestoneChoice::Month(2022, 12),
        ];
        v.sort();
        assert_eq!(v[0], MilestoneChoice::Month(2022, 12));
        assert_eq!(v[3], MilestoneChoice::NotPublished);
    }

    #[test]
    fn filters_round_trip_through_the_query() {
        let months = vec![
            MilestoneChoice::Month(2022, 9),
            MilestoneChoice::Words("Ongoing".into()),
            MilestoneChoice::NotPublished,
        ];
        let f = ActionFilter {
            priority: Some("4".into()),
            status: Some(None),
            lead: Some(Some("Assistant Director Help & Protection".into())),
            milestone: Some(MilestoneChoice::Words("Ongoing".into())),
        };
        let q = f.to_query();
        assert_eq!(q, "?priority=4&status=unrated&lead=Assistant%20Director%20Help%20%26%20Protection&milestone=words%3AOngoing");
        let decoded = |k: &str| match k {
            "priority" => Some("4".to_string()),
            "status" => Some("unrated".to_string()),
            "lead" => Some("Assistant Director Help & Protection".to_string()),
            "milestone" => Some("words:Ongoing".to_string()),
            _ => None,
        };
        assert_eq!(ActionFilter::from_query(decoded, &months), f);
        assert_eq!(ActionFilter::default().to_query(), "");
        let bad = |k: &str| (k == "status").then(|| "purple".to_string());
        assert_eq!(
            ActionFilter::from_query(bad, &months),
            ActionFilter::default()
        );
    }

    #[test]
    fn blocks_flatten_with_bullets() {
        let b = vec![
            Block::Paragraph("Focus on:".into()),
            Block::List(vec!["a".into(), "b".into()]),
        ];
        assert_eq!(blocks_text(&b), "Focus on:\n• a\n• b");
    }
}
