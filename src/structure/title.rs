//! The lines that say what a report is: its title, the meeting it was given at, who gave it.
//!
//! These are read on normalized text with spaces removed ("政 府 工 作 报 告" is a title). The
//! keyword lists carry Traditional forms too, so that a report is recognised even when its
//! script was not converted (a mixed file judged Simplified, a conversion table gap).

use super::chars::{
    char_count, contains_any, despace, ends_with_any, first_year, has_sentence_stop, is_cjk,
    is_space, longer_than, starts_with_any,
};

/// What every government work report's title names.
const REPORT_WORDS: &[&str] = &["政府工作报告", "政府工作報告"];
/// The people's congress, whose session a report is given at.
const CONGRESS_WORDS: &[&str] = &["人民代表大会", "人民代表大會", "人大"];
/// How a meeting line ends ("…第三次会议上").
const MEETING_ENDS: &[&str] = &["会议上", "會議上"];
/// Titles of excerpts.
const EXCERPT_WORDS: &[&str] = &[
    "摘登", "摘要", "摘编", "摘編", "摘录", "摘錄", "节选", "節選",
];
/// Offices whose holder gives the report ("…人民政府市长 马宇骏").
const OFFICE_ENDS: &[&str] = &[
    "市长", "市長", "区长", "區長", "县长", "縣長", "旗长", "旗長", "州长", "州長", "盟长", "盟長",
    "省长", "省長", "镇长", "鎮長", "乡长", "鄉長", "主席", "总理", "總理",
];
/// How a place name ends (市, 区, 县…).
const PLACE_ENDS: &[char] = &[
    '省', '市', '区', '區', '县', '縣', '旗', '州', '盟', '镇', '鎮', '乡', '鄉',
];
/// Opening marks of a quotation: a title inside one is cited, not a title.
const QUOTE_OPENERS: &[&str] = &["《", "“", "\"", "「", "『", "<"];

/// Longest title line, in characters.
const MAX_TITLE_CHARS: usize = 60;

/// Dashes and brackets that open a meeting line ("——…会议上", "(…会议上)").
const WRAPPER_OPENERS: [char; 10] = ['—', '-', '–', '─', '━', '(', '（', '[', '【', '〔'];
/// Brackets that close a meeting line.
const WRAPPER_CLOSERS: [char; 5] = [')', '）', ']', '】', '〕'];

/// Dashes and brackets that wrap a meeting line ("——…会议上", "(…会议上)").
fn strip_wrappers(text: &str) -> &str {
    text.trim_start_matches(WRAPPER_OPENERS)
        .trim_end_matches(WRAPPER_CLOSERS)
}

/// A line that names a government work report: "2024年济南市政府工作报告",
/// "刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)", "政 府 工 作 报 告".
pub fn is_title_line(norm: &str) -> bool {
    // Every report word holds 告: lines without it (nearly all) are ruled out at once.
    if !norm.contains('告') || longer_than(norm, MAX_TITLE_CHARS) {
        return false;
    }
    let text = despace(norm);
    contains_any(&text, REPORT_WORDS)
        && char_count(&text) <= MAX_TITLE_CHARS
        && !starts_with_any(&text, QUOTE_OPENERS)
        && !text.starts_with(['·', '•', '▪', '●', '■', '◆', '>', '»'])
        && !states_after_title(&text)
        && !has_sentence_stop(&text)
}

/// A title without what a page adds to it: a column label before a bar or colon
/// ("权威发布丨2024年沈阳市政府工作报告全文") and a "(全文)" after it.
pub fn strip_decorations(norm: &str) -> &str {
    let mut text = norm.trim();
    if let Some(at) = text.rfind(['丨', '|', '｜']) {
        let after = &text[at + text[at..].chars().next().map_or(1, char::len_utf8)..];
        if contains_any(after, REPORT_WORDS) {
            text = after.trim();
        }
    }
    for suffix in [
        "(全文)",
        "【全文】",
        "[全文]",
        "全文",
        "(全文发布)",
        "(实录)",
    ] {
        if let Some(rest) = text.strip_suffix(suffix) {
            if contains_any(rest, REPORT_WORDS) {
                text = rest.trim_end();
            }
        }
    }
    text
}

/// A headline that names the report and then says something about it
/// ("政府工作报告:今年GDP预期目标增长5.5%左右"): an article's, not the report's title.
fn states_after_title(text: &str) -> bool {
    REPORT_WORDS.iter().any(|w| {
        text.find(w).is_some_and(|at| {
            let after = &text[at + w.len()..];
            after.starts_with([':', '：']) && char_count(after) > 4
        })
    })
}

/// True when a title line marks an excerpt (摘登, 摘要…).
pub fn is_excerpt_title(norm: &str) -> bool {
    contains_any(norm, EXCERPT_WORDS)
}

/// True when a title names no place ("政 府 工 作 报 告", "2024年政府工作报告"): a meeting
/// line, when there is one, says more.
pub fn is_generic_title(norm: &str) -> bool {
    place_from_title(norm).is_none()
}

/// The meeting line: "——2024年1月10日在济南市第十八届人民代表大会第三次会议上".
pub fn is_meeting_line(norm: &str) -> bool {
    // Every meeting line ends in 上 ("会议上"), spaces and closing brackets aside: a cheap test
    // that rules out nearly every line before anything is counted.
    let end = norm.trim_end_matches(|c| is_space(c) || WRAPPER_CLOSERS.contains(&c));
    if !end.ends_with('上') || longer_than(norm, 80) {
        return false;
    }
    let text = despace(norm);
    let text = strip_wrappers(&text);
    ends_with_any(text, MEETING_ENDS)
        && contains_any(text, CONGRESS_WORDS)
        && char_count(text) <= 80
        && !has_sentence_stop(text)
}

/// The address to the delegates standing alone: "各位代表:", "各位代表!".
pub fn is_salutation_line(norm: &str) -> bool {
    if !opens_with_address(norm) {
        return false;
    }
    let text = despace(norm);
    let rest = text.strip_prefix("各位代表").unwrap_or(&text);
    rest.len() < text.len() && rest.chars().all(|c| ":!,;。：！，；".contains(c))
}

/// A paragraph that opens with the address to the delegates ("各位代表:现在,我代表…").
pub fn starts_with_salutation(norm: &str) -> bool {
    if !opens_with_address(norm) {
        return false;
    }
    let text = despace(norm);
    text.strip_prefix("各位代表").is_some_and(|rest| {
        rest.chars()
            .next()
            .is_none_or(|c| ":!,;：！，；".contains(c))
    })
}

/// The first character of "各位代表" opens `norm` (spaces aside): the cheap half of the
/// salutation tests, asked of every line.
fn opens_with_address(norm: &str) -> bool {
    norm.trim_start_matches(is_space).starts_with('各')
}

/// The last space-separated word of `norm` when it is a personal name (2–4 Chinese characters),
/// with the text before it.
fn trailing_name(norm: &str) -> Option<(&str, &str)> {
    let trimmed = norm.trim_matches(is_space);
    let cut = trimmed.rfind(is_space)?;
    let (before, name) = (
        trimmed[..cut].trim_end_matches(is_space),
        trimmed[cut..].trim_start_matches(is_space),
    );
    let ok = (2..=4).contains(&char_count(name)) && name.chars().all(is_cjk);
    ok.then_some((before, name))
}

/// The speaker line: "石家庄市人民政府市长 马宇骏", "海拉尔区人民政府代区长　　张天喜".
pub fn is_speaker_line(norm: &str) -> bool {
    match trailing_name(norm) {
        Some((office, _)) => {
            let office = despace(office);
            ends_with_any(&office, OFFICE_ENDS)
                && char_count(&office) <= 30
                && !has_sentence_stop(&office)
        }
        None => false,
    }
}

/// The date of the meeting on a line of its own: "(2024年1月10日)", "——2024年1月10日".
pub fn is_date_line(norm: &str) -> bool {
    if longer_than(norm, 40) {
        return false;
    }
    let text = despace(norm);
    let text = strip_wrappers(&text);
    if is_written_out_date(text) {
        return true;
    }
    let mut parts = text.split(['年', '月', '日']);
    let numbers: Vec<&str> = parts.by_ref().take(3).collect();
    let rest: String = parts.collect();
    let ok = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_digit())
    };
    numbers.len() == 3
        && ok(numbers[0], 4..=4)
        && ok(numbers[1], 1..=2)
        && ok(numbers[2], 1..=2)
        && rest.is_empty()
        && text.ends_with('日')
}

/// A date in Chinese numerals or without its day, as covers write it: "二〇二四年一月",
/// "二○○八年三月五日", "2024年1月".
fn is_written_out_date(text: &str) -> bool {
    let numeral = |c: char| "〇○零一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let Some((year, rest)) = text.split_once('年') else {
        return false;
    };
    let year_ok = year.chars().count() == 4 && year.chars().all(numeral);
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    let month_ok = (1..=3).contains(&month.chars().count()) && month.chars().all(numeral);
    let day = day.strip_suffix('日').unwrap_or(day);
    let day_ok = day.chars().count() <= 3 && day.chars().all(numeral);
    year_ok && month_ok && day_ok && (rest.ends_with('月') || rest.ends_with('日'))
}

/// A reporter's byline: "长城网记者 祝雪娟", "本报记者 张三 李四".
pub fn is_reporter_line(norm: &str) -> bool {
    let text = norm.trim();
    let Some(at) = text
        .find("记者")
        .or_else(|| text.find("記者"))
        .or_else(|| text.find("通讯员"))
    else {
        return false;
    };
    let names = &text[at..];
    char_count(text) <= 30
        && !has_sentence_stop(text)
        && char_count(&text[..at]) <= 10
        && names.split(is_space).skip(1).all(|w| w.chars().all(is_cjk))
        && names.split(is_space).count() >= 2
}

/// The place a meeting line names: "…在石家庄市第十四届人民代表大会…" → "石家庄市";
/// also "…在廊坊市八届人大六次会议上…" inside a title.
pub fn place_from_meeting(norm: &str) -> Option<String> {
    let text = despace(norm);
    if contains_any(&text, NATIONAL_CONGRESS) {
        return Some(NATIONAL.to_string());
    }
    let after = &text[text.rfind('在')? + '在'.len_utf8()..];
    let chars: Vec<char> = after.chars().collect();
    // The place runs up to the session number: 第十四届 / 八届 / 第14届.
    let session = chars.iter().position(|c| *c == '届' || *c == '屆')?;
    let mut end = session;
    while end > 0 && (is_numeral(chars[end - 1]) || chars[end - 1] == '第') {
        end -= 1;
    }
    place_name(&chars[..end].iter().collect::<String>())
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十〇零".contains(c)
}

/// `candidate` if it looks like a place name (ends in 市, 区, 县…; 2 to 15 characters).
fn place_name(candidate: &str) -> Option<String> {
    let n = char_count(candidate);
    let ok =
        (2..=15).contains(&n) && candidate.ends_with(PLACE_ENDS) && candidate.chars().all(is_cjk);
    ok.then(|| candidate.to_string())
}

/// The place a title names: "2024年济南市政府工作报告" → "济南市".
pub fn place_from_title(norm: &str) -> Option<String> {
    let text = despace(norm);
    let at = REPORT_WORDS.iter().find_map(|w| text.find(w))?;
    let before = &text[..at];
    let before = before
        .strip_suffix("人民")
        .unwrap_or(before)
        .trim_end_matches(['的']);
    // Skip the year, before the place or after it: "2024年济南市", "石家庄市2021年", "2024年度".
    let without_year = match first_year(before) {
        Some(year) => {
            before
                .replacen(&format!("{year}年度"), "", 1)
                .replacen(&format!("{year}年"), "", 1)
        }
        None => before.to_string(),
    };
    place_name(&without_year).or_else(|| place_from_meeting(&text))
}

/// The place a speaker's office names: "河北省人民政府省长 王正谱" → "河北省",
/// "海拉尔区人民政府代区长 张天喜" → "海拉尔区", "国务院总理 李强" → the national report.
pub fn place_from_speaker(norm: &str) -> Option<String> {
    let (office, _) = trailing_name(norm)?;
    let office = despace(office);
    if office.starts_with("国务院") || office.starts_with("國務院") {
        return Some(NATIONAL.to_string());
    }
    let at = ["人民政府", "政府"].iter().find_map(|w| office.find(w))?;
    place_name(&office[..at])
}

/// The place a report's opening speaks for: "现在,我代表盘锦市人民政府,向大会报告工作" →
/// "盘锦市"; "我代表国务院" → the national report; "我代表市人民政府" names no place.
pub fn place_from_delivery(norm: &str) -> Option<String> {
    let text = despace(norm);
    let after = &text[text.find("我代表")? + "我代表".len()..];
    if after.starts_with("国务院") || after.starts_with("國務院") {
        return Some(NATIONAL.to_string());
    }
    let at = after.find("人民政府")?;
    place_name(&after[..at])
}

/// A title line that also carries the meeting line (and perhaps the speaker):
/// "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强".
/// Returns the title and the rest.
pub fn split_fused(norm: &str) -> Option<(String, String)> {
    let at = norm.find(['—', '–', '─'])?;
    let (title, rest) = norm.split_at(at);
    let rest_text = despace(rest);
    let meeting_end = MEETING_ENDS
        .iter()
        .find_map(|w| rest_text.find(w).map(|i| i + w.len()))?;
    let meeting = strip_wrappers(&rest_text[..meeting_end]);
    (contains_any(title, REPORT_WORDS) && contains_any(meeting, CONGRESS_WORDS))
        .then(|| (title.trim().to_string(), meeting.to_string()))
}

/// An editor's note put before a report ("编者按:以下为政府工作报告摘登,供学习参考。").
pub fn is_editor_note(norm: &str) -> bool {
    let text = norm.trim_start_matches(is_space);
    // Every note opens with 编, 小, 按 or a bracket: other lines are ruled out at once.
    if !text.starts_with(['编', '小', '按', '【', '[']) {
        return false;
    }
    let text = despace(text);
    let annotation = text
        .strip_prefix(['【', '['])
        .and_then(|rest| rest.split_once(['】', ']']))
        .is_some_and(|(label, _)| {
            !longer_than(label, 6) && (label.ends_with('注') || label.ends_with('按'))
        });
    let labelled = starts_with_any(
        &text,
        &["编者按", "编者的话", "编辑按", "小编按", "编者注", "按:"],
    );
    (annotation || labelled) && !longer_than(&text, 300)
}

/// The lead of a news article that carries the report: it tells of the session
/// ("十三届全国人大三次会议在人民大会堂开幕,听取…", "新华社北京3月12日电 …全文如下").
pub fn is_news_lead(norm: &str) -> bool {
    if longer_than(norm, 400) {
        return false;
    }
    let text = despace(norm);
    let session = contains_any(&text, CONGRESS_WORDS) || text.contains("会议");
    let news = contains_any(
        &text,
        &[
            "开幕",
            "听取",
            "作政府工作报告",
            "全文如下",
            "全文播发",
            "受权",
            "全文",
        ],
    );
    session && news && !starts_with_salutation(&text)
}

/// The year a title or meeting line names.
pub fn year_of(norm: &str) -> Option<u16> {
    first_year(norm)
}

/// The place the State Council's report stands for.
pub const NATIONAL: &str = "全国";

/// Congress words that make a meeting national ("第十四届全国人民代表大会").
const NATIONAL_CONGRESS: &[&str] = &["全国人民代表大会", "全国人大", "全國人民代表大會"];

/// A title made from what the meeting line says: "2017年海拉尔区政府工作报告";
/// "2024年国务院政府工作报告" for the national one.
pub fn derived_title(year: Option<u16>, place: Option<&str>) -> Option<String> {
    let place = place.map(|p| if p == NATIONAL { "国务院" } else { p });
    match (year, place) {
        (Some(y), Some(p)) => Some(format!("{y}年{p}政府工作报告")),
        (None, Some(p)) => Some(format!("{p}政府工作报告")),
        (Some(y), None) => Some(format!("{y}年政府工作报告")),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_and_meeting_words_pass_the_quick_tests() {
        assert!(REPORT_WORDS.iter().all(|w| w.contains('告')));
        assert!(MEETING_ENDS.iter().all(|w| w.ends_with('上')));
        assert!(is_meeting_line(
            "2024年1月10日在济南市第十八届人民代表大会第三次会议上 ) 】"
        ));
        assert!(!is_meeting_line(
            "在济南市第十八届人民代表大会第三次会议上发言"
        ));
    }

    #[test]
    fn titles_are_short_lines_naming_the_report() {
        assert!(is_title_line("2024年济南市政府工作报告"));
        assert!(is_title_line(
            "刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)"
        ));
        assert!(is_title_line("政 府 工 作 报 告"));
        assert!(is_title_line("2024年邯鄲市叢臺區政府工作報告"));
        assert!(!is_title_line("《政府工作报告》名词解释"));
        assert!(!is_title_line("大会审议通过了政府工作报告。"));
        assert!(is_excerpt_title("政府工作报告(摘登)"));
        assert!(is_generic_title("政 府 工 作 报 告"));
        assert!(!is_generic_title("2024年济南市政府工作报告"));
    }

    #[test]
    fn meeting_lines_in_their_usual_dress() {
        for line in [
            "——2021年2月26日在石家庄市第十四届人民代表大会第六次会议上",
            "2024年1月10日在济南市第十八届人民代表大会第三次会议上",
            "----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上",
            "(2024年1月24日在丛台区第十一届 人民代表大会第四次会议上)",
            "2024年1月24日在叢臺區第十一屆 人民代表大會第四次會議上",
        ] {
            assert!(is_meeting_line(line), "{line}");
        }
        assert!(!is_meeting_line(
            "刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)"
        ));
    }

    #[test]
    fn places_and_years_come_from_meeting_lines_and_titles() {
        let meeting = "——2021年2月26日在石家庄市第十四届人民代表大会第六次会议上";
        assert_eq!(place_from_meeting(meeting).as_deref(), Some("石家庄市"));
        assert_eq!(year_of(meeting), Some(2021));
        assert_eq!(
            place_from_meeting("—2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上")
                .as_deref(),
            Some("呼伦贝尔市海拉尔区")
        );
        assert_eq!(
            place_from_meeting("2024年1月24日在丛台区第十一届 人民代表大会").as_deref(),
            Some("丛台区")
        );
        assert_eq!(
            place_from_title("2024年济南市政府工作报告").as_deref(),
            Some("济南市")
        );
        assert_eq!(
            place_from_title("2024年度江阴市政府工作报告").as_deref(),
            Some("江阴市")
        );
        assert_eq!(
            place_from_title("2024年邯郸市丛台区人民政府工作报告").as_deref(),
            Some("邯郸市丛台区")
        );
        assert_eq!(
            place_from_title("刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)").as_deref(),
            Some("廊坊市")
        );
        assert_eq!(place_from_title("政府工作报告"), None);
        assert_eq!(
            place_from_title("石家庄市2021年政府工作报告").as_deref(),
            Some("石家庄市")
        );
        assert_eq!(
            derived_title(Some(2017), Some("海拉尔区")).as_deref(),
            Some("2017年海拉尔区政府工作报告")
        );
    }

    #[test]
    fn places_come_from_the_speakers_office_and_the_opening() {
        assert_eq!(
            place_from_speaker("河北省人民政府省长 王正谱").as_deref(),
            Some("河北省")
        );
        assert_eq!(
            place_from_speaker("呼伦贝尔市海拉尔区人民政府代区长  萨国文").as_deref(),
            Some("呼伦贝尔市海拉尔区")
        );
        assert_eq!(
            place_from_speaker("国务院总理 李强").as_deref(),
            Some(NATIONAL)
        );
        assert_eq!(
            place_from_delivery("现在,我代表盘锦市人民政府向大会报告工作,请予审议。").as_deref(),
            Some("盘锦市")
        );
        assert_eq!(
            place_from_delivery("现在,我代表国务院,向大会报告政府工作").as_deref(),
            Some(NATIONAL)
        );
        assert_eq!(
            place_from_delivery("现在,我代表市人民政府向大会报告工作"),
            None
        );
        assert_eq!(
            place_from_meeting("——2023年3月5日在第十四届全国人民代表大会第一次会议上").as_deref(),
            Some(NATIONAL)
        );
    }

    #[test]
    fn a_title_fused_with_its_meeting_line_is_split() {
        let (title, meeting) = split_fused(
            "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强",
        )
        .unwrap();
        assert_eq!(title, "政府工作报告");
        assert_eq!(
            meeting,
            "2024年3月5日在第十四届全国人民代表大会第二次会议上"
        );
        assert_eq!(split_fused("2024年济南市政府工作报告"), None);
    }

    #[test]
    fn speakers_reporters_and_salutations() {
        assert!(is_speaker_line("石家庄市人民政府市长 马宇骏"));
        assert!(is_speaker_line(
            "海拉尔区人民政府代区长\u{3000}\u{3000}张天喜"
        ));
        assert!(!is_speaker_line("石家庄市人民政府市长马宇骏讲话了。"));
        assert!(is_date_line("(2024年1月10日)"));
        assert!(is_date_line("——2024年1月10日"));
        assert!(!is_date_line(
            "2024年1月10日在济南市第十八届人民代表大会第三次会议上"
        ));
        assert!(!is_date_line("2024年是关键之年"));
        assert!(is_date_line("二〇二四年一月"));
        assert!(is_date_line("二○○八年三月五日"));
        assert!(!is_date_line("二〇二四年一月起施行"));
        assert_eq!(
            strip_decorations("权威发布丨2024年沈阳市政府工作报告全文"),
            "2024年沈阳市政府工作报告"
        );
        assert_eq!(
            strip_decorations("2024年商丘市政府工作报告(全文)"),
            "2024年商丘市政府工作报告"
        );
        assert!(!is_title_line("·政府工作报告"));
        assert!(is_editor_note("【律师注】这一条与企业关系最密切。"));
        assert!(is_editor_note("编者按:以下为报告全文。"));
        assert!(!is_editor_note("按照中央部署,我们做了很多工作。"));
        assert!(!is_editor_note("【专栏1】重点项目"));
        assert!(!is_title_line("政府工作报告:今年GDP预期目标增长5.5%左右"));
        assert!(is_title_line("政府工作报告(摘要)"));
        assert!(is_reporter_line("长城网记者\u{a0}祝雪娟"));
        assert!(!is_reporter_line("记者走进车间,看到工人在工作。"));
        assert!(is_salutation_line("各位代表:"));
        assert!(is_salutation_line("各位代表！"));
        assert!(!is_salutation_line("各位代表,实干铸就梦想。"));
        assert!(starts_with_salutation("各位代表:现在,我代表"));
        assert!(!starts_with_salutation("各位代表们的"));
    }
}
