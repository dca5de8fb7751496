//! The application shell: routes, page titles and the layout every page shares.

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::data::{provide_catalogue, site};
use crate::pages::{
    committee::CommitteePage,
    dashboard::{improvement_plan::ImprovementPlanPage, DashboardPage},
    decisions::DecisionsPage,
    embed::{
        EmbedDashboardPage, EmbedFrame, EmbedMeetingPage, EmbedNextPage, EmbedUnknownPage,
        EmbedWorkProgrammePage,
    },
    follow_ups::FollowUpsPage,
    forward_plan::{key_decision::KeyDecisionPage, ForwardPlanPage},
    glossary::GlossaryPage,
    home::HomePage,
    meeting::MeetingPage,
    people::{person::PersonPage, PeoplePage},
    search::SearchPage,
    work_programme::WorkProgrammePage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_catalogue();
    let base = site().base.clone();
    view! {
        <Title formatter=|text: String| page_title(&text) />
        <Router base=base>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/committees/:id") view=CommitteePage />
                    <Route path=path!("/meetings/:id") view=MeetingPage />
                    // Work programme schedule, planned vs held, and version differences.
                    <Route path=path!("/committees/:id/work-programme") view=WorkProgrammePage />
                    <Route path=path!("/forward-plans/:id") view=ForwardPlanPage />
                    <Route path=path!("/forward-plans/:id/decisions/:decision") view=KeyDecisionPage />
                    // Performance dashboards and the improvement plan tracker.
                    <Route path=path!("/dashboards/:id") view=DashboardPage />
                    <Route path=path!("/improvement-plans/:id") view=ImprovementPlanPage />
                    // Decisions, follow-ups and search.
                    <Route path=path!("/decisions") view=DecisionsPage />
                    <Route path=path!("/follow-ups") view=FollowUpsPage />
                    <Route path=path!("/search") view=SearchPage />
                    // People and plain English.
                    <Route path=path!("/people") view=PeoplePage />
                    <Route path=path!("/people/:id") view=PersonPage />
                    <Route path=path!("/glossary") view=GlossaryPage />
                    // Embeddable views (no site header/footer), e.g. /embed/committees/<id>/next,
                    // routed here once; anything else under /embed/ lists what can be embedded.
                    <ParentRoute path=path!("/embed") view=EmbedFrame>
                        <Route path=path!("/committees/:id/next") view=EmbedNextPage />
                        <Route path=path!("/committees/:id/work-programme") view=EmbedWorkProgrammePage />
                        <Route path=path!("/meetings/:id") view=EmbedMeetingPage />
                        <Route path=path!("/dashboards/:id") view=EmbedDashboardPage />
                        <Route path=path!("/*any") view=EmbedUnknownPage />
                    </ParentRoute>
                </Routes>
            </Layout>
        </Router>
    }
}

/// The document title for a page's own title. Pre-rendering writes it into `<title>` as it
/// is (leptos_meta does not escape it), so there it is escaped here: a title from the data
/// such as `</title><script>…` must stay text. In the browser it is set as text already.
fn page_title(text: &str) -> String {
    let title = if text.is_empty() {
        "Minutebook".to_string()
    } else {
        format!("{text} – Minutebook")
    };
    if cfg!(feature = "ssr") {
        title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        title
    }
}
