//! The shapes of web-page chrome: what a page carries around the report it shows.
//!
//! Government portals, newspaper sites and reposts wrap a report in the same few kinds of
//! line, whatever the site: controls (打印, 字号 大 中 小, 分享到, 【关闭窗口】), metadata
//! (来源：…, 发布时间：…, 责任编辑：…, 网站标识码…), a date stamp with a clock time, a
//! breadcrumb (首页 > 政务公开 > …), link text (相关附件>>), identifiers and addresses in Latin
//! letters. Each is recognised here by its shape and by the vocabulary of web pages, never by
//! a site's own strings. A report's own lines have none of these shapes: they are prose that
//! ends in a stop, headings, or the title, meeting line and speaker line of its head.
//!
//! Every test takes one normalized line with its spaces kept (`text`) and without them
//! (`squeezed`), and answers only for short lines with no sentence stop.

use super::chars::{
    char_count, ends_sentence, fold_char, has_sentence_stop, is_cjk, is_space, longer_than,
    starts_with_any,
};

/// Longest chrome line, in characters (a portal's metadata line can be long).
const MAX_CHROME_CHARS: usize = 100;

/// Words of page controls: printing, font size, sharing, closing, going back, collecting.
/// A line made only of these (and brackets, colons, separators) is a row of buttons.
const CONTROL_WORDS: &[&str] = &[
    "打印本页",
    "打印文章",
    "打印",
    "下载",
    "全屏",
    "收藏",
    "加入收藏",
    "字号",
    "字体",
    "加大",
    "减小",
    "还原",
    "默认",
    "放大",
    "缩小",
    "大",
    "中",
    "小",
    "分享到",
    "分享",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "返回顶部",
    "返回",
    "顶部",
    "纠错",
    "我要纠错",
    "扫一扫",
    "二维码",
    "微信",
    "微博",
    "朋友圈",
    "QQ空间",
    "QQ",
    "复制链接",
    "复制",
    "链接",
    "保存",
    "评论",
    "发表评论",
    "添加评论",
    "我要留言",
    "留言",
    "回复",
    "引用",
    "举报",
    "支持",
    "反对",
    "收起",
    "展开",
    "展开全文",
    "喜欢",
    "关注",
    "已关注",
    "申请转载",
    "点赞",
    "赞",
    "转载",
    "全文复制",
    "复制全文",
    "反馈",
    "A-",
    "A+",
    "A",
    "加好友",
    "发纸条",
    "写留言",
    "加关注",
    "分享至",
    "微信好友",
    "楼主",
    "沙发",
    "板凳",
    "地板",
    "只看该作者",
    "只看楼主",
    "点击收听",
    "收听",
    "返回搜狐",
    "查看更多",
    "在看",
    "阅读原文",
    "阅读",
    "更多",
    "首页",
    "上一页",
    "下一页",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一版",
    "下一版",
    "版面导航",
    "本版标题导航",
    "标题导航",
    "往期回顾",
    "在手机打开当前页",
    "手机版",
    "无障碍",
    "长辈版",
    "繁体",
    "简体",
    "繁體",
    "登录",
    "注册",
    "搜索",
    "听新闻",
    "语音播报",
    "播报",
    "暂停",
    "背景色",
    "变大",
    "变小",
    "听全文",
    "朗读",
    "全文朗读",
    "T",
];

/// Labels of page metadata ("来源：新华社", "发布时间：2026-02-06", "责编：张三").
const META_LABELS: &[&str] = &[
    "来源",
    "稿源",
    "文章来源",
    "信息来源",
    "新闻来源",
    "作者",
    "编辑",
    "责编",
    "责任编辑",
    "编审",
    "审核",
    "审校",
    "校对",
    "初审",
    "复审",
    "终审",
    "监制",
    "统筹",
    "出品",
    "策划",
    "美编",
    "摄影",
    "制图",
    "发布",
    "发布时间",
    "发布日期",
    "发布机构",
    "发文机关",
    "成文日期",
    "索引号",
    "主题分类",
    "分类",
    "文号",
    "时间",
    "日期",
    "更新时间",
    "浏览次数",
    "浏览",
    "阅读量",
    "阅读数",
    "点击数",
    "点击",
    "访问量",
    "字号",
    "字体",
    "原标题",
    "原文链接",
    "网址",
    "主办",
    "主办单位",
    "承办",
    "承办单位",
    "协办",
    "技术支持",
    "联系电话",
    "联系方式",
    "电话",
    "地址",
    "邮编",
    "邮箱",
    "网站标识码",
    "标签",
    "关键词",
    "关键字",
];

/// Words that only page footers use: registration numbers and site ownership.
const FOOTER_WORDS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "网站标识码",
    "版权所有",
    "主办单位",
    "承办单位",
    "技术支持",
    "建议使用",
    "分辨率",
    "浏览器",
    "网站地图",
    "联系我们",
    "互联网新闻信息服务许可证",
    "违法和不良信息举报",
];

/// Labels that open a block of related links after (or before) an article.
const LINK_BLOCK_LABELS: &[&str] = &[
    "相关报道",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关链接",
    "相关附件",
    "附件下载",
    "相关文件",
    "相关稿件",
    "延伸阅读",
    "推荐阅读",
    "相关推荐",
    "为你推荐",
    "为您推荐",
    "今日推荐",
    "相关专题",
    "相关文档",
    "相关资料",
    "猜你想看",
    "精选留言",
    "网友评论",
    "评论区",
    "热门排行",
    "热点排行",
    "排行榜",
    "网友留言",
    "热门跟贴",
    "热门评论",
    "最新评论",
    "全部评论",
    "精彩评论",
    "作者最新文章",
    "热点推荐",
    "热门推荐",
    "精彩推荐",
    "往期推荐",
    "往期回顾",
    "猜你喜欢",
    "热门文章",
    "热文推荐",
    "更多阅读",
    "更多新闻",
    "图片新闻",
    "专题",
];

/// True when a line (normalized; `squeezed` without spaces) is page chrome.
pub fn is_chrome(text: &str, squeezed: &str) -> bool {
    if is_disclaimer(squeezed) {
        return true;
    }
    // Prose, nearly every line, ends in a stop: asked first, it spares the full search.
    if ends_sentence(squeezed)
        || longer_than(squeezed, MAX_CHROME_CHARS)
        || has_sentence_stop(squeezed)
    {
        return false;
    }
    is_control_row(text)
        || is_meta_line(squeezed)
        || is_footer(squeezed)
        || is_date_stamp(text)
        || is_breadcrumb(squeezed)
        || is_link_text(squeezed)
        || is_latin_line(squeezed)
        || is_call_to_action(squeezed)
        || is_bulleted_link(squeezed)
        || is_file_link(squeezed)
        || is_placeholder(squeezed)
        || is_page_label(squeezed)
        || is_masthead(squeezed)
}

/// A bulleted headline: "·政府工作报告", "• 代表委员热议…" (a site's list of links). A
/// bulleted line stating a figure ("●经济增长6%左右", a newspaper's list of a report's targets)
/// or naming targets ("■ 2025年经济社会发展的主要预期目标") is the report's.
fn is_bulleted_link(squeezed: &str) -> bool {
    squeezed.starts_with(['·', '•', '▪', '◆', '■', '●', '▶', '►'])
        && !longer_than(squeezed, 40)
        && !states_a_figure(squeezed)
        && !["目标", "任务", "成绩单"]
            .iter()
            .any(|w| squeezed.ends_with(w))
}

/// A digit followed by a unit of a statistic: 6%, 70万人, 500亿斤, 1.5个百分点.
fn states_a_figure(squeezed: &str) -> bool {
    let chars: Vec<char> = squeezed.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], '%' | '‰' | '万' | '亿' | '个' | '倍'))
}

/// A publication's name standing alone: "本溪日报数字报", "河北日报电子版", "冀云客户端",
/// "周敏律师的博客", and short ones: a site or paper ("澎湃新闻", "内江日报"), a government's
/// media account ("廊坊发布").
fn is_masthead(squeezed: &str) -> bool {
    let short = !longer_than(squeezed, 8)
        && squeezed.chars().all(is_cjk)
        && ["新闻", "新闻网", "日报", "晚报"]
            .iter()
            .any(|w| squeezed.ends_with(w) && longer_than(squeezed, char_count(w) + 1))
        || squeezed.ends_with("发布")
            && (4..=6).contains(&char_count(squeezed))
            && squeezed.chars().all(is_cjk);
    short
        || !longer_than(squeezed, 16)
            && [
                "数字报",
                "电子版",
                "数字版",
                "电子报",
                "客户端",
                "的博客",
                "的微博",
                "的专栏",
            ]
            .iter()
            .any(|w| squeezed.ends_with(w))
}

/// An attachment's name: "2024年沈阳市政府工作报告.docx", "附件:报告全文.pdf".
fn is_file_link(squeezed: &str) -> bool {
    let lower = squeezed.to_ascii_lowercase();
    [
        ".doc", ".docx", ".pdf", ".wps", ".xls", ".xlsx", ".ppt", ".txt", ".zip", ".rar",
    ]
    .iter()
    .any(|ext| {
        lower
            .trim_end_matches(|c: char| {
                c == ')' || c == ']' || c.is_ascii_digit() || "kmbKMB.(页".contains(c)
            })
            .ends_with(ext)
            || lower.ends_with(ext)
    })
}

/// What stands where a page had a picture or a video: "[图片]", "【视频】".
fn is_placeholder(squeezed: &str) -> bool {
    let inner = squeezed
        .trim_start_matches(['[', '【', '('])
        .trim_end_matches([']', '】', ')']);
    inner.len() < squeezed.len() && ["图片", "视频", "图", "音频", "动图", "表情"].contains(&inner)
}

/// A newspaper page's label: "第03版:要闻", "第3版", "A03版", and a date with its weekday
/// ("2024年01月16日 星期二").
fn is_page_label(squeezed: &str) -> bool {
    let edition = squeezed.strip_prefix('第').is_some_and(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].starts_with('版')
    });
    let weekday = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
    ]
    .iter()
    .any(|w| squeezed.ends_with(w) || squeezed.contains(&format!("日{w}")));
    edition && !longer_than(squeezed, 20) || weekday && !longer_than(squeezed, 30)
}

/// Longest disclaimer, in characters.
const MAX_DISCLAIMER_CHARS: usize = 100;

/// A page's disclaimer, sentence though it is: "平台声明:该文观点仅代表作者本人,…。",
/// "本文仅代表作者观点,不代表本网立场。", "如有侵权,请联系删除。".
fn is_disclaimer(squeezed: &str) -> bool {
    // Every disclaimer word holds one of these: one pass over the line's characters rules
    // out nearly every line before any word is searched for (this is asked of every line).
    if squeezed.len() > 4 * MAX_DISCLAIMER_CHARS || !squeezed.chars().any(is_disclaimer_lead) {
        return false;
    }
    if longer_than(squeezed, MAX_DISCLAIMER_CHARS) {
        return false;
    }
    let labelled = squeezed
        .trim_start_matches(['(', '[', '【'])
        .split_once(':')
        .is_some_and(|(label, _)| label.ends_with("声明") && !longer_than(label, 6));
    labelled || DISCLAIMER_WORDS.iter().any(|w| squeezed.contains(w))
}

/// Words of disclaimers; each holds a character `is_disclaimer` looks for first.
const DISCLAIMER_WORDS: &[&str] = &[
    "仅代表作者",
    "不代表本网",
    "不代表本站",
    "不代表本平台",
    "禁止转载",
    "未经授权",
    "如有侵权",
    "请联系删除",
    "转载请注明",
    "仅供学习参考",
    "仅提供信息存储",
    "仅提供信息发布",
    "观点仅代表",
];

/// The characters every disclaimer word (and the label 声明) holds.
fn is_disclaimer_lead(c: char) -> bool {
    matches!(
        c,
        '声' | '代' | '转' | '授' | '侵' | '删' | '学' | '存' | '发'
    )
}

/// Longest call to action, in characters.
const MAX_CALL_CHARS: usize = 20;

/// A page asking the reader to act: "点击蓝字关注我们", "长按识别二维码", "分享让更多人看到".
fn is_call_to_action(squeezed: &str) -> bool {
    let app = (squeezed.starts_with("下载") || squeezed.starts_with("打开"))
        && ["客户端", "APP", "App", "app"]
            .iter()
            .any(|w| squeezed.contains(w));
    let account = ["官方账号", "官方帐号", "官方号"]
        .iter()
        .any(|w| squeezed.ends_with(w));
    (char_count(squeezed) <= MAX_CALL_CHARS && (app || account))
        || char_count(squeezed) <= MAX_CALL_CHARS
            && (starts_with_any(
                squeezed,
                &[
                    "点击",
                    "長按",
                    "长按",
                    "扫码",
                    "掃碼",
                    "扫描二维码",
                    "识别二维码",
                    "分享让",
                    "转发",
                ],
            ) || [
                "关注我们",
                "关注公众号",
                "蓝字",
                "置顶",
                "星标",
                "继续阅读",
                "阅读全文",
                "展开全文",
                "查看全文",
                "打开APP",
                "APP",
                "VIP",
                "免费下载",
            ]
            .iter()
            .any(|w| squeezed.contains(w)))
}

/// A row of buttons: every word of it a control word, a bracket or a separator
/// ("【打印】 【关闭窗口】", "字号:大 中 小", "下载", "】", "分享到:").
fn is_control_row(text: &str) -> bool {
    let mut rest: String = text
        .chars()
        .map(fold_char)
        .filter(|c| !is_space(*c) && !is_separator(*c) && !is_invisible(*c) && !is_count(*c))
        .collect();
    if rest.is_empty() {
        return false; // a line of brackets alone is noise, judged elsewhere
    }
    // Longest words first, so that 打印本页 is not read as 打印 and an unknown 本页.
    while !rest.is_empty() {
        let Some(word) = CONTROL_WORDS
            .iter()
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len())
        else {
            return false;
        };
        rest.drain(..word.len());
    }
    true
}

/// What a counter beside a button is written with: "阅读 (3.2万)", "点赞 12", "评论 1k+".
fn is_count(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '万' | '千' | '亿' | 'w' | 'W' | 'k' | 'K')
}

/// Zero-width characters pages put between words and icons.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Brackets, colons and bars that stand between buttons, and the icons drawn on them (🔊, 🔍,
/// ≡: pictographs and symbols, which report prose does not use).
fn is_separator(c: char) -> bool {
    is_icon(c)
        || matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '〔'
                | '〕'
                | '|'
                | '丨'
                | '/'
                | ','
                | '、'
                | ':'
                | '·'
                | '•'
                | '-'
                | '+'
                | '×'
                | '▼'
                | '▲'
        )
}

/// A pictograph or symbol a page draws as a button's icon: the emoji and pictograph blocks,
/// miscellaneous symbols and dingbats (☰ among them), and the menu mark ≡.
fn is_icon(c: char) -> bool {
    matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '≡')
}

/// Page metadata: the line opens with a metadata label and a colon ("来源:新华社",
/// "(责编:张三、李四)", "发布时间:2026-02-06 09:30 来源:…"), or holds two such labels.
fn is_meta_line(squeezed: &str) -> bool {
    let inner = squeezed.trim_start_matches(['(', '[', '【']);
    // "平台声明:…", "特别声明:…": a page's disclaimer.
    if inner
        .split_once(':')
        .is_some_and(|(label, _)| label.ends_with("声明") && !longer_than(label, 6))
    {
        return true;
    }
    let labelled_at = |s: &str| {
        META_LABELS.iter().any(|label| {
            s.strip_prefix(label)
                .is_some_and(|after| after.starts_with(':') && after.len() > 1)
        })
    };
    if labelled_at(inner) {
        return true;
    }
    // Two labels anywhere ("…人民政府 发布时间:… 浏览次数:…").
    let labelled = META_LABELS
        .iter()
        .filter(|label| {
            squeezed
                .match_indices(**label)
                .any(|(at, _)| squeezed[at + label.len()..].starts_with(':'))
        })
        .count();
    labelled >= 2
}

/// A page footer: registration numbers, ownership, browser advice.
fn is_footer(squeezed: &str) -> bool {
    FOOTER_WORDS.iter().any(|w| squeezed.contains(w))
}

/// A publication stamp: a date written the way pages write it, with a clock time or in
/// numeric form ("2026-02-06", "2026年02月10日07:41", "2026年02月10日 07时41分四川日报").
/// Reports date things in prose ("2024年1月10日在…"), never with a clock time or dashes.
/// Read with its spaces, so that a date and the time after it stay apart.
fn is_date_stamp(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    has_numeric_date(&chars)
        || (has_written_date(&chars) || has_short_numeric_date(&chars)) && has_clock_time(&chars)
        || is_player_time(&chars)
        || is_agency_dateline(text)
}

/// "10-01" or "03/05" before a clock time ("10-01 12:31").
fn has_short_numeric_date(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        digits_at(chars, i, 1, 2).is_some_and(|end| {
            matches!(chars.get(end), Some('-' | '/'))
                && digits_at(chars, end + 1, 1, 2).is_some_and(|e| chars.get(e) == Some(&' '))
        })
    })
}

/// A media player's position and length: "00:00 / 41:26".
fn is_player_time(chars: &[char]) -> bool {
    has_clock_time(chars)
        && chars
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | ' '))
}

/// A news agency's dateline alone: "新华社北京3月5日电", "本报讯".
fn is_agency_dateline(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !is_space(*c)).collect();
    !longer_than(&squeezed, 20)
        && (squeezed.ends_with("日电")
            || squeezed.ends_with("本报讯")
            || squeezed.ends_with("日讯"))
}

/// "2026-02-06", "2026/2/6", "2026.02.06".
fn has_numeric_date(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        let Some(after_year) = digits_at(chars, i, 4, 4) else {
            return false;
        };
        let sep = chars.get(after_year).copied();
        let Some(sep @ ('-' | '/' | '.')) = sep else {
            return false;
        };
        let Some(after_month) = digits_at(chars, after_year + 1, 1, 2) else {
            return false;
        };
        chars.get(after_month) == Some(&sep) && digits_at(chars, after_month + 1, 1, 2).is_some()
    })
}

/// "2026年02月10日" or "02月10日".
fn has_written_date(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        digits_at(chars, i, 1, 2).is_some_and(|end| {
            chars.get(end) == Some(&'月')
                && digits_at(chars, end + 1, 1, 2).is_some_and(|e| chars.get(e) == Some(&'日'))
        })
    })
}

/// "07:41", "7:41:09", "07时41分".
fn has_clock_time(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        digits_at(chars, i, 1, 2).is_some_and(|end| match chars.get(end) {
            Some(':') => digits_at(chars, end + 1, 2, 2).is_some(),
            Some('时') => {
                digits_at(chars, end + 1, 1, 2).is_some_and(|e| chars.get(e) == Some(&'分'))
            }
            _ => false,
        })
    })
}

/// The index after a run of `min..=max` ASCII digits starting at `i` (and not preceded by a
/// digit), if there is one.
fn digits_at(chars: &[char], i: usize, min: usize, max: usize) -> Option<usize> {
    if i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let n = chars[i.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (min..=max).contains(&n).then_some(i + n)
}

/// A breadcrumb: places of the site separated by arrows ("首页 > 政务公开 > 政府工作报告",
/// "当前位置:首页>>新闻").
fn is_breadcrumb(squeezed: &str) -> bool {
    let arrows = squeezed
        .chars()
        .filter(|c| matches!(c, '>' | '»' | '→' | '›'))
        .count();
    arrows >= 2
        || (arrows == 1 && starts_with_any(squeezed, &["首页", "主页", "网站首页"]))
        || (arrows == 1 && is_short_crumb_pair(squeezed))
}

/// "澎湃号·政务>廊坊发布": one arrow between two short names with no figure in them (a
/// comparison in a report, "PM2.5>75", has figures).
fn is_short_crumb_pair(squeezed: &str) -> bool {
    let Some((before, after)) = squeezed.split_once(['>', '»', '›']) else {
        return false;
    };
    let name = |s: &str| {
        (2..=12).contains(&char_count(s))
            && s.chars().any(is_cjk)
            && !s.chars().any(|c| c.is_ascii_digit())
    };
    name(before) && name(after)
}

/// Link text: "相关附件>>", "更多>>", "【相关链接】", and the label of a link block alone.
fn is_link_text(squeezed: &str) -> bool {
    // "相关附件:下载PDF版本(1.2MB)": a label, then the link itself.
    let labelled = squeezed
        .split_once(':')
        .is_some_and(|(label, rest)| !rest.is_empty() && is_link_block_label(label));
    // "【专题】海拉尔区第十四届人民代表大会第六次会议": a link under a bracketed label.
    let bracketed = squeezed
        .strip_prefix(['【', '['])
        .and_then(|rest| rest.split_once(['】', ']']))
        .is_some_and(|(label, rest)| !rest.is_empty() && is_link_block_label(label));
    // "…点击进入>": a link card ending in its call.
    let call = squeezed
        .trim_end_matches(['>', '»', '›'])
        .ends_with("点击进入");
    squeezed.ends_with(">>")
        || squeezed.ends_with('»')
        || labelled
        || bracketed
        || call
        || is_link_block_label(squeezed)
}

/// The label that opens a block of related links ("相关报道:", "延伸阅读").
pub fn is_link_block_label(squeezed: &str) -> bool {
    let bare = squeezed.trim_matches(|c| {
        matches!(
            c,
            '>' | '»' | '【' | '】' | '[' | ']' | ':' | '<' | '▼' | '▲' | '►' | '◄' | '▶' | '◀'
        )
    });
    // "相关文档推荐", "精彩推荐": labels are short and say they list something.
    let shaped = !longer_than(bare, 6)
        && (bare.starts_with("相关") || bare.ends_with("推荐") || bare.ends_with("阅读"))
        && longer_than(bare, 2);
    LINK_BLOCK_LABELS.contains(&bare) || shaped
}

/// A line with letters but no Chinese: an address, an identifier, an English menu
/// ("a3f9c2e1b7d04c6e", "http://www.gov.cn/…", "Copyright 2026"). Reports are Chinese; their
/// Latin-only lines are numbers ("5.5%"), which have no letters.
fn is_latin_line(squeezed: &str) -> bool {
    let letters = squeezed.chars().filter(char::is_ascii_alphabetic).count();
    let marks = squeezed.chars().any(|c| "-/:._@#=?&".contains(c));
    (letters >= 6 || (letters >= 3 && marks)) && !squeezed.chars().any(is_cjk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::chars::despace;

    fn chrome(line: &str) -> bool {
        let norm = crate::normalize::fold_width(line);
        is_chrome(&norm, &despace(&norm))
    }

    #[test]
    fn page_chrome_of_every_kind_is_recognised() {
        for line in [
            "A-　A　A+　　🔊听全文",
            "字号变大 | 字号变小",
            "字号：T | T　　分享到：",
            "澎湃号·政务 > 廊坊发布",
            "【专题】海拉尔区第十四届人民代表大会第六次会议 点击进入 >",
            "本文由澎湃号·政务入驻机构发布，观点仅代表该机构，澎湃新闻仅提供信息发布与存储服务。",
            "澎湃新闻",
            "内江日报",
            "廊坊发布",
            "精选留言",
            "下载",
            "打印",
            "全屏",
            "收藏",
            "【字号：",
            "加大",
            "还原",
            "减小",
            "分享到：",
            "【打印】",
            "关闭窗口",
            "大中小",
            "字号：大 中 小",
            "【打印本页】 【关闭窗口】",
            "扫一扫在手机打开当前页",
            "相关附件>>",
            "相关链接>>",
            "相关报道：",
            "【延伸阅读】",
            "a3f9c2e1b7d04c6e8f2a",
            "http://www.hebei.gov.cn/hebei/index.html",
            "来源：河北日报",
            "时间：2026-02-06",
            "发布时间：2026-01-27 09:30 来源：省政府办公厅",
            "(责编：张三、李四)",
            "2026年02月10日 07时41分四川日报",
            "2026年02月10日07:41 | 来源：四川日报",
            "首页 > 政务公开 > 政府工作报告",
            "人民网>>地方>>正文",
            "主办单位：河北省人民政府办公厅",
            "冀ICP备05003184号",
            "冀公网安备 13010202000001号",
            "网站标识码1300000051",
            "索引号：000014349/2026-00012 主题分类：综合政务",
            "-END-",
            "点击上方蓝字关注我们",
            "分享让更多人看到",
            "原创 沈阳发布 2024年01月08日 10:30 辽宁",
            "本帖最后由 草原晨曦 于 2016-2-26 10:51 编辑",
            "·政府工作报告",
            "2023年沈阳市政府工作报告.doc",
            "附件：报告全文.pdf(1.2MB)",
            "[图片]",
            "第03版：要闻",
            "2024年01月16日 星期二",
            "下载凤凰新闻客户端 随时随地看新闻",
            "凤凰网资讯官方账号",
            "上一版",
            "\u{200B}关注",
            "相关附件：下载PDF版本（1.2MB）",
            "还剩 12 页未读，继续阅读",
            "本溪日报数字报",
            "▼往期推荐▼",
            "分享　收藏　赞　在看",
            "阅读 (3.2万)",
            "返回搜狐，查看更多",
            "平台声明：该文观点仅代表作者本人",
            "附件下载：",
            "相关文档推荐",
            "复兴区政府工作报告.pdf　　16页",
            "转载▼",
            "加好友 发纸条",
            "周敏律师的博客",
            "10-01 12:31",
            "00:00 / 41:26",
            "新华社北京3月5日电",
            "冀云客户端",
            "分享至：微信好友",
            "打开冀云APP",
            "热门评论",
            "楼主",
            "全文复制",
            "举报/反馈",
            "字号 A- A+",
            "打开冀云客户端查看更多精彩内容>",
            "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
            "如有侵权，请联系删除。",
            "本文仅代表作者观点，不代表本网立场。",
        ] {
            assert!(chrome(line), "{line}");
        }
    }

    #[test]
    fn disclaimer_words_pass_the_quick_test() {
        assert!(DISCLAIMER_WORDS
            .iter()
            .chain(&["声明"])
            .all(|w| w.chars().any(is_disclaimer_lead)));
    }

    #[test]
    fn report_lines_are_not_chrome() {
        for line in [
            "各位代表：",
            "一、2025年工作回顾",
            "2023年 工作回顾",
            "政府工作报告",
            "2026年河北省政府工作报告",
            "——2026年1月27日在河北省第十四届人民代表大会第四次会议上",
            "河北省人民政府省长 王正谱",
            "(2024年1月10日)",
            "地区生产总值增长5.5%左右",
            "大力发展新质生产力",
            "中小企业",
            "主要目标：",
            "5.5%",
            "GDP",
            "CPI涨幅3%左右",
            "点赞中国",
            "第一版块",
            "1.5万",
            "相关部门要加强协调",
            "10-15个百分点",
            "2024年",
            "A级景区",
            "图为工人在车间",
            "2024年是星期一开始的一年",
            "打印机产业园建设",
            "来源于实践",
            "时间就是效率",
            "附件1",
            "2026年省十件民生实事",
            "“十四五”时期工作回顾",
            "一、一年接着一年干",
            "PM2.5>75微克",
            "新闻出版事业",
            "(五)强化新闻发布",
            "▲经济增长6%左右",
            "★重点项目",
        ] {
            assert!(!chrome(line), "{line}");
        }
    }
}
