<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckInPage</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="210"/>
        <source> · %n field(s) to review</source>
        <translation>
            <numerusform> · %n field to review</numerusform>
            <numerusform> · %n fields to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="176"/>
        <source>%n page(s) waiting to be read</source>
        <translation>
            <numerusform>%n page waiting to be read</numerusform>
            <numerusform>%n pages waiting to be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="385"/>
        <source>Added to the group: %n guest(s)</source>
        <translation>
            <numerusform>Added to the group: %n guest</numerusform>
            <numerusform>Added to the group: %n guests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_model.py" line="103"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_model.py" line="105"/>
        <source>%n to check</source>
        <translation>
            <numerusform>%n to check</numerusform>
            <numerusform>%n to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="349"/>
        <source>%n guest(s) in the group</source>
        <translation>
            <numerusform>%n guest in the group</numerusform>
            <numerusform>%n guests in the group</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="356"/>
        <source>%n guest(s) without a room</source>
        <translation>
            <numerusform>%n guest without a room</numerusform>
            <numerusform>%n guests without a room</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="358"/>
        <source>%n guest(s) with problems to fix</source>
        <translation>
            <numerusform>%n guest with problems to fix</numerusform>
            <numerusform>%n guests with problems to fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="392"/>
        <source>Registered %n guest(s) of %1. One police report each is queued.</source>
        <translation>
            <numerusform>Registered %n guest of %1. The police report is queued.</numerusform>
            <numerusform>Registered %n guests of %1. One police report each is queued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandOver</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/handover.py" line="171"/>
        <source>Faxed to %1, %n page(s) confirmed. The report is handed over: enter the police&apos;s receipt number when they give it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCard</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/closing.py" line="151"/>
        <source>%n stay(s). Stays are linked when the guest&apos;s document or name and date of birth match an earlier stay.</source>
        <translation>
            <numerusform>%n stay. Stays are linked when the guest&apos;s document or name and date of birth match an earlier stay.</numerusform>
            <numerusform>%n stays. Stays are linked when the guest&apos;s document or name and date of birth match an earlier stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InHousePage</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="259"/>
        <source>%n guest(s) of the group selected.</source>
        <translation>
            <numerusform>%n guest of the group selected.</numerusform>
            <numerusform>%n guests of the group selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="302"/>
        <source>Check out %n guest(s) at:</source>
        <translation>
            <numerusform>Check out %n guest at:</numerusform>
            <numerusform>Check out %n guests at:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="362"/>
        <source>%n guest(s) checked out. One check-out report each is queued.</source>
        <translation>
            <numerusform>%n guest checked out. The check-out report is queued.</numerusform>
            <numerusform>%n guests checked out. One check-out report each is queued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="441"/>
        <source>%n guest(s) past the planned departure and not checked out: see In house (Ctrl+3).</source>
        <translation>
            <numerusform>%n guest is past the planned departure and not checked out: see In house (Ctrl+3).</numerusform>
            <numerusform>%n guests are past the planned departure and not checked out: see In house (Ctrl+3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="449"/>
        <source>Night audit at %1: %n guest(s) are still open past their planned departure. Check them out or correct their departure date.</source>
        <translation>
            <numerusform>Night audit at %1: %n guest is still open past the planned departure. Check them out or correct the departure date.</numerusform>
            <numerusform>Night audit at %1: %n guests are still open past their planned departure. Check them out or correct their departure date.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverdueBanner</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/closing.py" line="102"/>
        <source>%n guest(s) past the planned departure and not checked out. Check them out (at the time they left) or correct the departure date.</source>
        <translation>
            <numerusform>%n guest is past the planned departure and not checked out. Check them out (at the time they left) or correct the departure date.</numerusform>
            <numerusform>%n guests are past the planned departure and not checked out. Check them out (at the time they left) or correct the departure date.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="443"/>
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%n problem to fix first</numerusform>
            <numerusform>%n problems to fix first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/reports_page.py" line="325"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="60"/>
        <source>%n report(s) waiting</source>
        <translation type="unfinished">
            <numerusform>%n report waiting</numerusform>
            <numerusform>%n reports waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="63"/>
        <source>%n handed over, receipt to enter</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="65"/>
        <source>%n need(s) correction</source>
        <translation type="unfinished">
            <numerusform>%n needs correction</numerusform>
            <numerusform>%n need correction</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/worklist_model.py" line="45"/>
        <source>%n stays could be meant</source>
        <translation>
            <numerusform>%n stay could be meant</numerusform>
            <numerusform>%n stays could be meant</numerusform>
        </translation>
    </message>
</context>
</TS>
