<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../hotel_desk/ui/context.py" line="53"/>
        <source>The database could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/context.py" line="55"/>
        <source>Opening the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraReaderWidget</name>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="221"/>
        <location filename="../../hotel_desk/ui/camera.py" line="277"/>
        <source>No camera found. Connect a camera (a document camera or a webcam), or read the passport with the reader or the scanner instead.</source>
        <extracomment>CameraRead, once per stable read. hotel_desk.devices.camera.Guidance value (str) whenever the guidance changes. False when no camera is present (the message is shown in the widget). A camera or analysis problem, for people (already translated).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="230"/>
        <source>The text recognition engine is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="309"/>
        <source>The camera stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="338"/>
        <source>Hold the document&apos;s photo page up to the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="339"/>
        <source>Move the document closer to the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="340"/>
        <source>Hold still…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="341"/>
        <source>Read. You can take the document away.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDigitPanel</name>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="78"/>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="79"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="80"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="81"/>
        <source>Personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="82"/>
        <source>Whole zone (composite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="99"/>
        <source>✓ check digit %1 is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="102"/>
        <source>✗ check digit printed %1, the data gives %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="106"/>
        <source>… not typed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="115"/>
        <source>line %1: %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="119"/>
        <source>Type the lines at the bottom of the page, one per line: 2 lines of 44 for a passport, 3 lines of 30 for an ID card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="50"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="51"/>
        <source>Put the passport on the scanner, drop a page image here, or open one (Ctrl+O). Check the fields against the document, add the room and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="62"/>
        <source>Document page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="64"/>
        <source>Drop a scanned page here
or press Ctrl+O to open an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="79"/>
        <source>Open image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="83"/>
        <source>New guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="84"/>
        <source>Clear the form for the next guest (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="118"/>
        <source>Open a scanned page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="119"/>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="128"/>
        <source>Still reading the previous page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="132"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="135"/>
        <source>Reading the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="145"/>
        <source>No machine-readable zone found on this page. Scan it again flat and straight, or type the document in Manual entry (Ctrl+2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="153"/>
        <source>Read in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="154"/>
        <source> · %n field(s) to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="162"/>
        <source>The page could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="175"/>
        <source>Correction applied. Compare the changed field with the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="186"/>
        <source>Saving the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="193"/>
        <source>Registered %1 in room %2. The police report is queued; deadline %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="203"/>
        <source>Not saved: %1. Nothing was lost: the form is still filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="216"/>
        <source>Watching the scanner folder %1: new pages open here by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="219"/>
        <source>No scanner folder set (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InHouseModel</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="51"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="51"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="51"/>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="51"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="52"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="52"/>
        <source>Departure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InHousePage</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="108"/>
        <source>In house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="109"/>
        <source>Guests staying now. Check out on departure: the check-out report is queued at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="115"/>
        <source>Search by room, name or document number (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="118"/>
        <source>Check out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="122"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="133"/>
        <source>Check out now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="137"/>
        <source>Keep in house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="161"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="171"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="179"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="209"/>
        <source>Nobody is checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="208"/>
        <source>Nobody matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="217"/>
        <source>The guest list could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="240"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="277"/>
        <source>Select a guest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="243"/>
        <source>Check out %1 from room %2 now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="261"/>
        <source>%1 checked out of room %2. The check-out report is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="268"/>
        <source>Check-out not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="271"/>
        <source>Checking out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="283"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="289"/>
        <source>Correcting the registration of %1, room %2. A correction report is sent; the original report stays on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="292"/>
        <source>The police intake refused it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="298"/>
        <source>The registration could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="314"/>
        <source>Correction saved; the correction report is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="321"/>
        <source>Correction not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="324"/>
        <source>Saving the correction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="11"/>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="12"/>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="13"/>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="14"/>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="15"/>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="16"/>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="17"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="18"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="19"/>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="20"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="21"/>
        <source>Visa / permit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="22"/>
        <source>Visa / permit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="23"/>
        <source>Stay allowed until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="24"/>
        <source>Entry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="25"/>
        <source>Port of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="26"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="27"/>
        <source>Planned departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="28"/>
        <source>Coming from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="29"/>
        <source>Going to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="30"/>
        <source>Reason for stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="31"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="32"/>
        <source>Why typed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="40"/>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="41"/>
        <source>Travel permit, Hong Kong / Macao residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="42"/>
        <source>Travel permit, Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="43"/>
        <source>Foreign permanent resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="44"/>
        <location filename="../../hotel_desk/ui/labels.py" line="82"/>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="45"/>
        <source>Identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="46"/>
        <source>Other travel document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="47"/>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="48"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="58"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="60"/>
        <source>C – crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="61"/>
        <source>D – permanent residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="62"/>
        <source>F – exchange, visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="63"/>
        <source>G – transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="64"/>
        <source>J1 – resident journalist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="65"/>
        <source>J2 – journalist, short visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="66"/>
        <source>L – tourism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="67"/>
        <source>M – business, trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="68"/>
        <source>Q1 – family reunion, long stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="69"/>
        <source>Q2 – family visit, short stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="70"/>
        <source>R – high-level talent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="71"/>
        <source>S1 – family of foreign resident, long stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="72"/>
        <source>S2 – family of foreign resident, short stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="73"/>
        <source>X1 – study, long term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="74"/>
        <source>X2 – study, short term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="75"/>
        <source>Z – work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="79"/>
        <source>Diplomatic visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="80"/>
        <source>Courtesy visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="81"/>
        <source>Service visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="83"/>
        <source>Visa-free entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="84"/>
        <source>Travel permit (HK / Macao / Taiwan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="90"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="90"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="90"/>
        <source>Unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Tourism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Visiting family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="94"/>
        <source>Transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="99"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="100"/>
        <source>Check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="101"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="102"/>
        <source>Cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="108"/>
        <location filename="../../hotel_desk/ui/labels.py" line="109"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="110"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="111"/>
        <source>Will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="112"/>
        <location filename="../../hotel_desk/ui/labels.py" line="113"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="114"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="115"/>
        <location filename="../../hotel_desk/ui/labels.py" line="116"/>
        <source>Needs correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="117"/>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="118"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="119"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Must fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="133"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="135"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="136"/>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="136"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="75"/>
        <source>Hotel Desk – guest registration</source>
        <extracomment>A tray notification goes out once per report when its deadline comes within this many seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="89"/>
        <source>TRAINING – reports go to the practice intake on this computer, never to the police.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="104"/>
        <source>Hotel Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="108"/>
        <source>Guest registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="133"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="134"/>
        <source>Manual entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="135"/>
        <source>In house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="136"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="137"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="231"/>
        <source>TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="232"/>
        <source>Mode: TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="234"/>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="235"/>
        <source>Mode: LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="239"/>
        <source>● Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="241"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="243"/>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="246"/>
        <source>%n report(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="247"/>
        <source>All reports sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="249"/>
        <source>%n need(s) correction</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="259"/>
        <source>Next deadline %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="271"/>
        <source>A police report is due at %1 (%2) and has not been accepted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="274"/>
        <source>Report deadline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualEntryPage</name>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="139"/>
        <source>Manual entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="140"/>
        <source>When no reader can read the document: type its machine-readable lines, or, if it has none, type the fields from the page and say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="154"/>
        <source>Machine-readable lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="158"/>
        <source>Fillers are &apos;&lt;&apos;; a space becomes &apos;&lt;&apos; by itself. Check digits are checked as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="173"/>
        <source>Type the MRZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="181"/>
        <source>No MRZ on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="242"/>
        <source>Registered %1 in room %2. The police report is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="250"/>
        <source>Not saved: %1. The form is still filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="254"/>
        <source>Saving the registration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="160"/>
        <source>Did you mean:</source>
        <extracomment>Where a finding about a document field (names from the document core) shows up in the form.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="166"/>
        <source>Use this reading: it passes every check digit. Check it against the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="206"/>
        <source>Guest and document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="208"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="210"/>
        <source>Why typed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="211"/>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="212"/>
        <source>Visa or permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="215"/>
        <source>I have checked the warnings against the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="223"/>
        <source>Send correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="223"/>
        <source>Register  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="225"/>
        <source>Save the registration and queue its police report (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="286"/>
        <source>Wrong field value in the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="287"/>
        <source>The police marked the record as suspected error data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="288"/>
        <source>The guest changed room or departure date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="290"/>
        <source>The document has no machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="291"/>
        <source>The machine-readable zone is damaged or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="292"/>
        <source>No scanner or reader available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="293"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="298"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="301"/>
        <source>3 letters, e.g. GBR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="304"/>
        <source>e.g. 1208</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="306"/>
        <source>As in the document (Latin letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="414"/>
        <source>The reader was unsure here: compare with the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="506"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="509"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="511"/>
        <source>%n problem(s) to fix first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="513"/>
        <source>Confirm the warnings first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="44"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="44"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="44"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="44"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="44"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="45"/>
        <source>Event time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="45"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="83"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="128"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="129"/>
        <source>Every report to the police with its deadline (24 hours after the event). Reports are sent by themselves; act only on the red ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="135"/>
        <source>Only reports that still need something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="139"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="140"/>
        <source>Retry a waiting or failed report at once (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="143"/>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="144"/>
        <source>Send an accepted report again, e.g. when the police ask for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="147"/>
        <source>Open correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="148"/>
        <source>Correct the registration the intake refused (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="167"/>
        <source>Selected report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="168"/>
        <location filename="../../hotel_desk/ui/reports_page.py" line="231"/>
        <source>Select a report to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="202"/>
        <source>Reports could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/reports_page.py" line="241"/>
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="245"/>
        <source>The intake refused it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="245"/>
        <source>Last problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="255"/>
        <source>Sending the report again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="260"/>
        <source>Could not queue the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerBridge</name>
    <message>
        <location filename="../../hotel_desk/ui/scanner_watch.py" line="53"/>
        <source>Scanner folder problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="41"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="42"/>
        <source>Codes issued by your police sub-station, where reports go, and how this desk works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="55"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="62"/>
        <source>Hotel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="63"/>
        <source>Hotel code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="64"/>
        <source>Police sub-station code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="65"/>
        <source>Authorisation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="69"/>
        <source>Police intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="71"/>
        <source>Training mode: reports go to the built-in practice intake, never to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="75"/>
        <source>https://… as given by the sub-station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="76"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="77"/>
        <source>Intake address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="81"/>
        <source>This desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="85"/>
        <source>Folder where the scanner saves pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="86"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="90"/>
        <location filename="../../hotel_desk/ui/settings_page.py" line="117"/>
        <source>Scanner folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="93"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="95"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="100"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="102"/>
        <source>A new database or mode takes effect when the app is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="110"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="138"/>
        <source>Live mode needs the intake address from the sub-station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="144"/>
        <source>Settings not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="150"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
