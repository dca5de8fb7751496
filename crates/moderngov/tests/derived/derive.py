#!/usr/bin/env python3
"""Write the derived ModernGov responses in this folder from the real ones.

Each derived file is a real response from ../../../../../shared/fixtures/moderngov/ with the
few changes listed here (and in README.md); every other byte is the real file's. Run from
this folder: python3 derive.py [path to shared/fixtures/moderngov]
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../shared/fixtures/moderngov")


def real(name):
    with open(os.path.join(shared, name), "rb") as f:
        return f.read().decode("utf-8")


def change(s, old, new, count=1):
    assert s.count(old) == count, (old, s.count(old))
    return s.replace(old, new)


def attendance(s, name, value):
    old = f'name="{name}" '
    i = s.index(old)
    j = s.index('attendance="', i)
    k = s.index('"', j + len('attendance="'))
    return s[:j] + f'attendance="{value}"' + s[k + 1:]


def write(name, s):
    with open(os.path.join(here, name), "wb") as f:
        f.write(s.encode("utf-8"))


MEETING = "gloucester/GetMeeting_7837.xml"
DECLARATIONS_MINUTE = "There were no declarations of interest."

# 1. Apologies, absence and a substitute as attendee values.
s = real(MEETING)
s = attendance(s, "Councillor Caroline Courtney", "Apologies")
s = attendance(s, "Councillor Sebastian Field", "Absent")
s = attendance(s, "Councillor Luke Shervey", "Present as substitute")
s = attendance(s, "Councillor Rebecca Trimnell", "Apologies, sent substitute")
write("apologies-values_7837.xml", s)

# 2. An Apologies item whose minute has the usual wording (two members not listed as attendees).
s = real(MEETING)
start = s.index("    <agendaitem>")
end = s.index("    </agendaitem>", start) + len("    </agendaitem>\r\n")
decl = s[start:end]
apol = change(decl, "<agendaitemid>44461</agendaitemid>", "<agendaitemid>44460</agendaitemid>")
apol = change(apol, "<agendaitemtitle>Declarations of Interest</agendaitemtitle>", "<agendaitemtitle>Apologies</agendaitemtitle>")
apol = change(apol, "<agendaitemnumber>2</agendaitemnumber>", "<agendaitemnumber>1</agendaitemnumber>")
apol = change(apol, "<fulldisplaynumberformat>51.</fulldisplaynumberformat>", "<fulldisplaynumberformat>50.</fulldisplaynumberformat>")
apol = change(apol, "<minutesitemnumber>51</minutesitemnumber>", "<minutesitemnumber>50</minutesitemnumber>")
apol = change(apol, "To receive from Members, declarations of the\r\nexistence of any &lt;span class=\"SpellE\"&gt;disclosable&lt;/span&gt; pecuniary,\r\nor non-pecuniary, interests and the nature of those interests in\r\nrelation to any agenda item. Please see Agenda Notes.", "To receive apologies for absence.")
apol = change(apol, DECLARATIONS_MINUTE, "Apologies for absence were received from Councillors Courtney and Field.")
s = s[:start] + apol + s[start:]
for who in ["Councillor Caroline Courtney", "Councillor Sebastian Field"]:
    i = s.index(f'    <attendee membertype="U" memberid=', s.index(f'name="{who}"') - 60)
    k = s.index("    </attendee>\r\n", i) + len("    </attendee>\r\n")
    s = s[:i] + s[k:]
write("apologies-minute_7837.xml", s)

# 3. A declaration counted by the service and minuted in the usual wording.
s = real(MEETING)
s = change(s, DECLARATIONS_MINUTE, "Councillor Sarah Sawyer declared a personal interest in item 55 as a member of Gloucestershire County Council.")
i = s.index("<agendaitemid>44127</agendaitemid>")
s = s[:i] + change(s[i:], "<declarationcount>0</declarationcount>", "<declarationcount>1</declarationcount>")
write("declarations_7837.xml", s)

# 4. Declarations counted, minuted in words that do not say who and what.
s = real(MEETING)
s = change(s, DECLARATIONS_MINUTE, "Two Members declared interests in item 55 (see the register of interests).")
i = s.index("<agendaitemid>44127</agendaitemid>")
s = s[:i] + change(s[i:], "<declarationcount>0</declarationcount>", "<declarationcount>2</declarationcount>")
write("declarations-count-only_7837.xml", s)

# 5. An exempt item with an exempt document, and an item the council does not display.
s = real(MEETING)
i = s.index("<agendaitemid>44127</agendaitemid>")
item55 = s[i:]
item55 = change(item55, "<isrestricted>False</isrestricted>\r\n      <isdisplayallowed>", "<isrestricted>True</isrestricted>\r\n      <isdisplayallowed>")
j = item55.index("<attachmentid>65417</attachmentid>")
doc = item55[j:]
doc = change(doc, "<isrestricted>False</isrestricted>\r\n          <restrictionsRef>\r\n          </restrictionsRef>",
             "<isrestricted>True</isrestricted>\r\n          <restrictionsRef>Paragraph 3</restrictionsRef>", 1)
s = s[:i] + item55[:j] + doc
k = s.index("<agendaitemid>44555</agendaitemid>")
l = s.index("<isdisplayallowed>True</isdisplayallowed>", k)
s = s[:l] + "<isdisplayallowed>False</isdisplayallowed>" + s[l + len("<isdisplayallowed>True</isdisplayallowed>"):]
write("exempt_7837.xml", s)

# 6. Titles escaped twice (&amp;amp;, &amp;quot;) and a meeting type other than Special Meeting.
s = real(MEETING)
s = change(s, "<agendaitemtitle>Petitions and Deputations (15 minutes)</agendaitemtitle>",
           "<agendaitemtitle>Petitions &amp;amp; Deputations (15 minutes)</agendaitemtitle>")
s = change(s, "<title>Appendix 3B Inner Circle Report: A Case for Cities</title>",
           "<title>Appendix 3B Inner Circle Report: &amp;quot;A Case for Cities&amp;quot;</title>")
s = change(s, "<meetingstatus>Confirmed; Special Meeting</meetingstatus>", "<meetingstatus>Confirmed; Budget Council</meetingstatus>")
write("double-escaped_7837.xml", s)

# 7. "Expected" left on every attendee of a meeting already held (as Manchester 4967 does).
s = real(MEETING)
s = s.replace('attendance="Present, as expected"', 'attendance="Expected"').replace('attendance="In attendance"', 'attendance="Expected"')
write("expected-after-the-meeting_7837.xml", s)

# 8. Minutes whose resolution has a paragraph after its parts, and a malformed planned finish time.
s = real(MEETING)
s = change(s, "<meetingplannedfinishtime>4.30 pm</meetingplannedfinishtime>", "<meetingplannedfinishtime>16.30</meetingplannedfinishtime>")
i = s.index("<minutesnonemptyhtmlbody>", s.index("<agendaitemid>44127</agendaitemid>"))
end = s.index("&lt;/div&gt;", s.index("Final Proposal to the Secretary of State", s.index("RESOLVED", i)))
s = s[:end] + "&lt;p class=\"MsoNormal\"&gt;Reason for decision: as set out in the report.&lt;/p&gt;\r\n" + s[end:]
write("not-itemised_7837.xml", s)

# 9. A malformed date in one meeting of a list, an ISO date in another, and the meeting
#    itself with a malformed date.
s = real("gloucester/GetMeetings_committee129_2024-2025.xml")
s = change(s, "<meetingdate>07/02/2024</meetingdate>", "<meetingdate>31/02/2024</meetingdate>")
s = change(s, "<meetingdate>06/03/2024</meetingdate>", "<meetingdate>2024-03-06</meetingdate>")
write("GetMeetings-malformed-dates_committee129.xml", s)
s = real(MEETING)
s = change(s, "<meetingid>7837</meetingid>\r\n  <meetingdate>21/11/2025</meetingdate>", "<meetingid>7837</meetingid>\r\n  <meetingdate>21/13/2025</meetingdate>")
write("malformed-date_7837.xml", s)
