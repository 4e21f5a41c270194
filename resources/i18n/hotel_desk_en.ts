<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckInPage</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="154"/>
        <source> · %n field(s) to review</source>
        <translation>
            <numerusform> · %n field to review</numerusform>
            <numerusform> · %n fields to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="404"/>
        <source>%n report(s) waiting</source>
        <translation>
            <numerusform>%n report waiting</numerusform>
            <numerusform>%n reports waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="407"/>
        <source>%n need(s) correction</source>
        <translation>
            <numerusform>%n needs correction</numerusform>
            <numerusform>%n need correction</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="401"/>
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
        <location filename="../../hotel_desk/ui/reports_page.py" line="269"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
</TS>
