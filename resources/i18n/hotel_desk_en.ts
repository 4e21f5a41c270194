<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckInPage</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="176"/>
        <source> · %n field(s) to review</source>
        <translation>
            <numerusform> · %n field to review</numerusform>
            <numerusform> · %n fields to review</numerusform>
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
    <name>RegistrationForm</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="422"/>
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
</TS>
