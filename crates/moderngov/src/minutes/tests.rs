//! Paragraphs, lists, resolutions, and no word lost.

use super::*;

#[test]
fn word_html_to_paragraphs_and_lists() {
    let html = r#"<div class="WordSection1"><p class="MsoNormal">Any Member may ask:</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoListParagraphCxSpFirst"><span style="font-family:Symbol">&middot;<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;</span></span> Any matter relating to the Council&rsquo;s administration</p>
<p class="MsoListParagraphCxSpLast"><span>&middot;</span> A matter within their portfolio</p>
<p>By 18<sup>th</sup> November, at <a href="mailto:x@y">x@y</a><o:p></o:p></p><style>p{color:red}</style><!-- c --></div>"#;
    assert_eq!(
        agenda_blocks(html),
        vec![
            Block::Paragraph("Any Member may ask:".into()),
            Block::List(vec![
                "Any matter relating to the Council’s administration".into(),
                "A matter within their portfolio".into()
            ]),
            Block::Paragraph("By 18th November, at x@y".into()),
        ]
    );
    assert_eq!(
        visible_words(html),
        MinuteText {
            narrative: agenda_blocks(html),
            ..Default::default()
        }
        .words()
    );
}

/// Shapes Word and ModernGov produce, and some they might: whatever the structure, the
/// words a reader sees are all in the output, in order, and no markup is.
#[test]
fn no_word_lost_whatever_the_shape() {
    let cases = [
        "<ul><li>first</li><li>second <b>bold</b></li></ul><p>after</p>",
        "<table><tr><td>cell one</td><td>cell two</td></tr></table>",
        "<p>line one<br>line two<br/>line three</p>",
        "<p>Fish &amp; chips &lt;b&gt; &#8217; &#x2019; &pound;5 &frac12; R&D</p>",
        "<html><head><style>p {x}</style><title>t</title></head><body><!--[if gte mso 9]><xml>o</xml><![endif]--><p>body</p></body></html>",
        "<p><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>numbered</p>",
        "<p>RESOLVED:</p><p>(1) one; and</p><p>(a) sub a</p><p>(b) sub b</p><p>(2) two</p>",
        "<p>RESOLVED: that</p><p>(1) one</p><p>&middot; bullet</p><p>(2) two</p>",
        "<p>Members asked (1) why and (2) how.</p><p>RESOLVED that the report be noted.</p>",
        "<p>RESOLVED: a</p><p>RESOLVED: b</p>",
        "<p>RESOLVED</p>",
        "<p>RESOLVED:</p><p>That (1) a; (2) b; and (3) c.</p>",
        "<p>RESOLVED:</p><p>(2) out of order</p>",
        "<p>Text with a stray < and > and an unclosed <span class=\"x\"",
        "<p class=MsoNormal>&nbsp;</p><p>   </p><div>only <i>this</i></div>",
        "<p>Resolvedness is not a marker.</p><p>1. one</p>",
    ];
    for html in cases {
        let m = convert_minute(html);
        assert_eq!(m.words(), visible_words(html), "{html}");
        let out = format!("{:?}", (&m.narrative, &m.resolution));
        assert!(
            !out.contains("<span") && !out.contains("&nbsp") && !out.contains("mso"),
            "{html}: {out}"
        );
    }
    let r = convert_minute(cases[6]).resolution.unwrap();
    assert_eq!(r.parts.len(), 2);
    assert_eq!(r.parts[0].parts.len(), 2);
    let r = convert_minute(cases[11]).resolution.unwrap();
    assert_eq!((r.preamble.as_deref(), r.parts.len()), (Some("That"), 3));
    assert!(convert_minute(cases[9]).resolutions_not_itemised);
    assert!(convert_minute(cases[12]).resolutions_not_itemised);
}

#[test]
fn resolutions() {
    let html = "<p>Cabinet considered the report.</p><p><b>RESOLVED</b><span>:</span></p><p>&nbsp;</p>\
        <p>(1)<span>&nbsp;</span> to note the report; and</p><p>(2) to agree:</p><p>&middot; first</p><p>(a) sub</p>";
    let m = convert_minute(html);
    // Bullets then a lettered sub-part cannot be held in order: not itemised.
    assert!(m.resolutions_not_itemised && m.resolution.is_none());
    assert_eq!(m.words(), visible_words(html));

    let html = "<p>RESOLVED that (1) the report be noted; and (2) a briefing be arranged.</p>";
    let m = convert_minute(html);
    let r = m.resolution.clone().unwrap();
    assert_eq!(r.preamble.as_deref(), Some("that"));
    assert_eq!(r.parts.len(), 2);
    assert_eq!(r.parts[1].text, "a briefing be arranged.");
    assert_eq!(m.words(), visible_words(html));

    let m = convert_minute("<p>RESOLVED – That the minutes be approved.</p>");
    assert_eq!(
        m.resolution.unwrap().parts[0].text,
        "That the minutes be approved."
    );

    // Text after the parts cannot be placed: not itemised, nothing lost.
    let html = "<p>RESOLVED:</p><p>(1) a</p><p>(2) b</p><p>Reason for decision: c</p>";
    let m = convert_minute(html);
    assert!(m.resolutions_not_itemised);
    assert_eq!(m.words(), visible_words(html));

    // The report's paragraph 2.1 is not part 2.
    let m = convert_minute("<p>RESOLVED:</p><p>(1) as in (2.1) above</p><p>2.1 b</p>");
    assert!(m.resolutions_not_itemised);

    let html = "<p>RESOLVED that Cabinet:</p><p>&middot; notes the report; and</p><p>&bull; agrees the plan.</p>";
    let m = convert_minute(html);
    let r = m.resolution.clone().unwrap();
    assert_eq!(r.parts.len(), 1);
    assert_eq!(r.parts[0].text, "that Cabinet:");
    assert_eq!(
        r.parts[0].bullets,
        ["notes the report; and", "agrees the plan."]
    );
    assert_eq!(m.words(), visible_words(html));

    let m = convert_minute("<p>There were no declarations of interest.</p>");
    assert!(!m.resolutions_not_itemised && m.resolution.is_none());
}
