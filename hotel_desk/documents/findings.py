"""The catalogue of findings: stable codes with their severity and their messages in English and Chinese.

Codes never change once shipped: the UI colours by them, tests assert on them and exports carry them. A
message is a template filled with the finding's parameters; field names are spoken as a receptionist would.
"""

from __future__ import annotations

from collections.abc import Mapping

from hotel_desk.documents.model import Finding, Severity

E, W, I_ = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Human names of fields, for messages.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "document_code": ("document type", "证件类型"),
    "issuing_state": ("issuing state", "签发国"),
    "surname": ("surname", "姓"),
    "given_names": ("given names", "名"),
    "names": ("name", "姓名"),
    "document_number": ("document number", "证件号码"),
    "nationality": ("nationality", "国籍"),
    "birth_date": ("date of birth", "出生日期"),
    "sex": ("sex", "性别"),
    "expiry_date": ("expiry date", "有效期至"),
    "optional_data": ("optional data", "可选数据"),
    "optional_data_2": ("optional data (line 2)", "可选数据（第二行）"),
    "composite": ("whole line (composite)", "整行（复合校验）"),
    "mrz": ("machine-readable zone", "机读区"),
    "stay_until": ("permitted stay", "准许停留期限"),
    "departure": ("planned departure", "预计离店日期"),
    "arrival": ("arrival", "入住日期"),
    "entry_date": ("date of entry", "入境日期"),
    "room": ("room number", "房间号"),
    "correction_reason": ("reason for the correction", "更正原因"),
    "chinese_name": ("Chinese name", "中文姓名"),
    "renewal_count": ("renewal count", "换证次数"),
    "resident_id": ("identity card number", "身份证件号码"),
    "issuing_authority": ("issuing authority", "签发机关"),
}

_CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    # Reading the MRZ itself.
    "mrz.empty": (E, "No machine-readable zone was given.", "没有输入机读区。"),
    "mrz.layout": (
        E,
        "Not a machine-readable zone this app knows: {lines} line(s) of {lengths} characters. "
        "Passports have 2 lines of 44, ID cards 3 lines of 30 or 2 of 36.",
        "无法识别的机读区格式：{lines} 行，每行 {lengths} 个字符。护照为 2 行×44，身份证件为 3 行×30 或 2 行×36。",
    ),
    "mrz.incomplete": (
        E,
        "The machine-readable zone is incomplete: line {line} has {length} of {expected} characters.",
        "机读区不完整：第 {line} 行只有 {length} 个字符，应为 {expected} 个。",
    ),
    "mrz.bad_character": (
        E,
        "Line {line}, position {column}: '{char}' cannot appear in a machine-readable zone (only A-Z, 0-9 and <).",
        "第 {line} 行第 {column} 位：“{char}”不是机读区字符（只能是 A-Z、0-9 和 <）。",
    ),
    "mrz.not_ascii_name": (
        W,
        "The name holds characters outside A-Z; register it exactly as the passport's MRZ spells it.",
        "姓名中含有 A-Z 以外的字符；请按护照机读区的拼写登记。",
    ),
    "check_digit": (
        E,
        "Check digit of the {field_name} fails: printed {printed}, the data gives {computed}.",
        "{field_name_zh}的校验位不符：印刷为 {printed}，计算应为 {computed}。",
    ),
    # Deliberately not under "check_digit.": that prefix means a failing digit.
    "checkdigit.national_variant": (
        I_,
        "The {field_name}'s check digit follows {country}'s own convention ({rule}), not ICAO 9303: it is "
        "correct for a card from {country}.",
        "{field_name_zh}的校验位按{country_zh}本国惯例计算（{rule_zh}），不同于国际民航组织 9303 标准；"
        "对{country_zh}签发的证件是正确的。",
    ),
    # Dates.
    "date.invalid": (
        E,
        "The {field_name} '{raw}' is not a real date.",
        "{field_name_zh}“{raw}”不是有效日期。",
    ),
    "date.incomplete": (
        I_,
        "The {field_name} is printed incomplete ('{raw}'); ICAO allows this when the day or month is unknown.",
        "{field_name_zh}印刷不完整（“{raw}”），出生日或月未知时国际民航组织允许如此。",
    ),
    "birth_date.future": (E, "The date of birth {date} is in the future.", "出生日期 {date} 晚于今天。"),
    "birth_date.implausible": (
        W,
        "The date of birth {date} makes the guest {age} years old; check it.",
        "按出生日期 {date}，旅客 {age} 岁，请核对。",
    ),
    "expiry.expired": (
        E,
        "The document expired on {date}, before the arrival on {arrival}.",
        "证件已于 {date} 过期，早于入住日期 {arrival}。",
    ),
    "expiry.during_stay": (
        W,
        "The document expires on {date}, during the stay (planned departure {departure}).",
        "证件将于 {date} 过期，在住宿期间内（预计离店 {departure}）。",
    ),
    "expiry.soon": (
        I_,
        "The document expires within 30 days, on {date}.",
        "证件将在 30 天内（{date}）过期。",
    ),
    "stay.limit_passed": (
        E,
        "The permitted stay ended on {date}, before the arrival on {arrival}.",
        "准许停留期限已于 {date} 届满，早于入住日期 {arrival}。",
    ),
    "stay.limit_before_departure": (
        W,
        "The permitted stay ends on {date}, before the planned departure on {departure}.",
        "准许停留期限 {date} 早于预计离店日期 {departure}。",
    ),
    "stay.departure_before_arrival": (
        E,
        "The planned departure {departure} is before the arrival {arrival}.",
        "预计离店日期 {departure} 早于入住日期 {arrival}。",
    ),
    "guest.minor": (
        W,
        "The guest is a minor ({age} years old on arrival): register the accompanying adult as well.",
        "旅客为未成年人（入住时 {age} 岁）：请同时登记随行成年人。",
    ),
    # Codes and people.
    "country.unknown": (
        E,
        "'{code}' in the {field_name} is not a country code (ISO 3166 or ICAO).",
        "{field_name_zh}中的“{code}”不是国家代码（ISO 3166 或国际民航组织代码）。",
    ),
    "country.historic": (
        W,
        "'{code}' in the {field_name} is the code of a state that no longer exists.",
        "{field_name_zh}中的“{code}”是已不存在的国家的代码。",
    ),
    "country.reserved": (
        I_,
        "The {field_name} is '{code}': {name}.",
        "{field_name_zh}为“{code}”：{name}。",
    ),
    "nationality.differs": (
        I_,
        "Nationality {nationality} differs from the issuing state {issuer}.",
        "国籍 {nationality} 与签发国 {issuer} 不同。",
    ),
    "document.specimen": (
        E,
        "This is a specimen document ({reason}); it cannot be used to register a guest.",
        "这是样本证件（{reason_zh}），不能用于登记旅客。",
    ),
    "document.specimen_name": (
        W,
        "The name '{name}' is a name used on specimen documents; make sure this is a real guest.",
        "姓名“{name}”常见于样本证件，请确认是真实旅客。",
    ),
    "document.number_missing": (E, "The document number is empty.", "证件号码为空。"),
    "document.sex_invalid": (
        E,
        "The sex is printed as '{raw}'; it must be M, F or < (unspecified).",
        "性别印为“{raw}”，只能是 M、F 或 <（未指明）。",
    ),
    "document.visa_not_identity": (
        E,
        "This is a visa. It fills in the visa fields; register the guest with the passport data page.",
        "这是签证。它用于填写签证信息；请用护照资料页登记旅客。",
    ),
    "document.id_card_not_accepted": (
        W,
        "An ID card does not allow entry to China; register the guest with the passport or the permit used "
        "to enter.",
        "身份证件不能用于入境中国；请用入境时使用的护照或通行证登记。",
    ),
    "document.type_unknown": (
        W,
        "Document type '{code}' is not one the police accept for registration; check the document.",
        "证件类型“{code}”不是公安机关接受的登记证件，请核对。",
    ),
    "names.truncated": (
        I_,
        "The name fills the whole MRZ field and may be truncated; take the full name from the data page.",
        "姓名占满机读区字段，可能被截断；请按资料页填写全名。",
    ),
    "names.missing_surname": (E, "The surname is empty.", "姓为空。"),
    "names.single_filler": (
        W,
        "Surname and given names are not separated by '<<'; check where the surname ends.",
        "姓和名之间没有“<<”分隔，请核对姓的结束位置。",
    ),
    # China's numbers.
    "cn.id_format": (
        E,
        "A resident ID number has 18 characters: 17 digits and a digit or X.",
        "居民身份证号码为 18 位：17 位数字加 1 位数字或 X。",
    ),
    "cn.id_check": (
        E,
        "The ID number's check character fails: printed {printed}, the number gives {computed}.",
        "身份证号码校验码不符：印刷为 {printed}，计算应为 {computed}。",
    ),
    "cn.id_birth_date": (
        E,
        "The ID number holds the birth date '{raw}', which is not a real date.",
        "身份证号码中的出生日期“{raw}”无效。",
    ),
    "cn.id_region": (
        W,
        "The ID number's region code '{code}' is not a province-level code.",
        "身份证号码的地区代码“{code}”不是有效的省级代码。",
    ),
    "cn.fprid_format": (
        E,
        "A Foreign Permanent Resident ID Card number has 15 characters (2017 card: 3 letters and 12 digits) "
        "or 18 digits beginning with 9 (2023 card).",
        "外国人永久居留身份证号码为 15 位（2017 版：3 个字母加 12 位数字）或以 9 开头的 18 位（2023 版）。",
    ),
    "cn.fprid_nationality": (
        W,
        "The card's nationality letters '{code}' are not a country code.",
        "证件号码中的国籍代码“{code}”不是国家代码。",
    ),
    "cn.hkmo_permit_format": (
        E,
        "A Mainland Travel Permit for Hong Kong and Macao Residents has H or M and 8 digits (plus 2 renewal "
        "digits), or HA/MA and 9 characters for non-Chinese holders.",
        "港澳居民来往内地通行证号码为 H 或 M 加 8 位数字（可带 2 位换证次数），非中国籍持证人为 HA/MA 加 9 位。",
    ),
    "cn.tw_permit_format": (
        E,
        "A Mainland Travel Permit for Taiwan Residents has an 8-digit number (plus 2 renewal digits).",
        "台湾居民来往大陆通行证号码为 8 位数字（可带 2 位换证次数）。",
    ),
    "cn.permit_mrz_manual": (
        W,
        "This permit's card MRZ is not laid out as ICAO TD1; the number was taken from it, please type the "
        "other fields from the card.",
        "此通行证的机读区不是国际民航组织 TD1 格式；已读取证件号码，请按卡面填写其他信息。",
    ),
    "cn.permit_mrz_read": (
        I_,
        "Read as a {name}: this card's MRZ layout comes from public reader code, not from a published "
        "standard. Check digits cover the numbers and dates, not the sex or the names: compare those with "
        "the card.",
        "已按{name_zh}读取：此卡机读区格式来自公开的读卡软件代码，而非公开发布的标准。校验位覆盖号码和日期，"
        "不覆盖性别和姓名：请对照卡面核对。",
    ),
    "cn.permit_non_chinese_layout": (
        W,
        "A permit for a non-Chinese holder (HA/MA number): no public source shows its MRZ, it was read with the "
        "layout of the Chinese residents' card. Compare every field with the card.",
        "非中国籍持证人的通行证（HA/MA 字头）：没有公开资料说明其机读区格式，已按中国籍居民证件格式读取。"
        "请对照卡面逐项核对。",
    ),
    "cn.permit_chinese_name_read": (
        I_,
        "The Chinese name {name} was decoded from the MRZ (GBK code, no check digit): compare it with the card.",
        "中文姓名“{name}”由机读区的 GBK 编码解出（无校验位）：请对照卡面核对。",
    ),
    "cn.permit_chinese_name_full": (
        W,
        "The MRZ holds at most four Chinese characters and {name} uses all four: check on the card whether the "
        "Chinese name goes on, and type it in full.",
        "机读区最多容纳四个汉字，“{name}”已占满：请对照卡面确认中文姓名是否更长，并填写全名。",
    ),
    "cn.permit_resident_id_check": (
        W,
        "The digit after the identity card number does not follow the ICAO rule (printed {printed}, the rule "
        "gives {computed}) while the whole line's check passes; compare the identity card number with the card.",
        "身份证件号码后的校验位不符合国际民航组织规则（印刷为 {printed}，计算为 {computed}），但整行复合校验通过；"
        "请对照卡面核对身份证件号码。",
    ),
    "cn.exit_entry_permit": (
        E,
        "This is an {name}, issued to mainland residents for their own travel: hotels do not register guests "
        "from outside the mainland with it. Ask for the guest's permit or passport.",
        "这是{name_zh}，是内地居民本人出行的证件，不能用于登记境外旅客。请向旅客索取其来往内地通行证或护照。",
    ),
    "chinese_name.missing": (
        E,
        "Residents of {region} are registered with their Chinese name: type it exactly as printed on the card.",
        "{region_zh}居民须以中文姓名登记：请按证件所印填写中文姓名。",
    ),
    "chinese_name.check_card": (
        W,
        "A permit for a non-Chinese holder shows a Chinese name on its back when the holder has one: register "
        "it if the card shows it.",
        "非中国籍持证人的通行证背面如印有中文姓名，请一并登记。",
    ),
    "chinese_name.not_han": (
        W,
        "The Chinese name '{name}' holds no Chinese characters: type it in Chinese characters as on the card.",
        "中文姓名“{name}”中没有汉字：请按证件用汉字填写。",
    ),
    "manual.reason_missing": (
        E,
        "Say why the document is typed without its machine-readable zone.",
        "请说明为何不使用机读区而手工录入。",
    ),
    "manual.field_missing": (E, "The {field_name} is required.", "{field_name_zh}为必填项。"),
}


def make_finding(code: str, field: str | None = None, /, **params: object) -> Finding:
    """Build a finding from the catalogue. `code` may carry a suffix after the catalogue key
    (``check_digit.birth_date``) so each failing field gets its own stable code."""
    key = code
    if key not in _CATALOGUE:
        key = code.split(".")[0] if code.split(".")[0] in _CATALOGUE else code.rsplit(".", 1)[0]
    severity, en, zh = _CATALOGUE[key]
    values: dict[str, object] = dict(params)
    name_field = str(params.get("field_name_of", field or ""))
    en_name, zh_name = FIELD_NAMES.get(name_field, (name_field.replace("_", " "), name_field))
    values.setdefault("field_name", en_name)
    values.setdefault("field_name_zh", zh_name)
    return Finding(
        code=code,
        severity=Severity(str(params["severity"])) if "severity" in params else severity,
        field=field,
        message_en=_fill(en, values),
        message_zh=_fill(zh, values),
    )


def _fill(template: str, values: Mapping[str, object]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template
