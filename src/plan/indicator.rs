//! The indicators reports set targets for, under one canonical name whatever the wording.
//!
//! Reports name the same indicator many ways (地区生产总值 / 国内生产总值 / 全省生产总值 /
//! 经济增长); a target table across reports needs one name for each. The wordings are matched
//! leftmost-longest, so 城镇居民人均可支配收入 is the urban income, not the residents' income
//! it contains, and 单位国内生产总值能耗 is energy intensity, not GDP.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Serialize;

use crate::compare::words::Words;

/// A canonical indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    Gdp,
    BudgetRevenue,
    FiscalRevenue,
    FixedAssetInvestment,
    RetailSales,
    IndustrialValueAdded,
    ForeignTrade,
    ForeignInvestment,
    SurveyedUnemployment,
    RegisteredUnemployment,
    NewUrbanJobs,
    Cpi,
    DisposableIncome,
    UrbanIncome,
    RuralIncome,
    GrainOutput,
    EnergyIntensity,
    DeficitRatio,
    MoneySupply,
    PopulationGrowth,
    BalanceOfPayments,
    /// A target outside the list: its name is kept as written.
    Other,
}

impl Indicator {
    /// Every canonical indicator, in the order tables list them.
    pub const ALL: [Indicator; 21] = [
        Indicator::Gdp,
        Indicator::BudgetRevenue,
        Indicator::FiscalRevenue,
        Indicator::FixedAssetInvestment,
        Indicator::RetailSales,
        Indicator::IndustrialValueAdded,
        Indicator::ForeignTrade,
        Indicator::ForeignInvestment,
        Indicator::SurveyedUnemployment,
        Indicator::RegisteredUnemployment,
        Indicator::NewUrbanJobs,
        Indicator::Cpi,
        Indicator::DisposableIncome,
        Indicator::UrbanIncome,
        Indicator::RuralIncome,
        Indicator::GrainOutput,
        Indicator::EnergyIntensity,
        Indicator::DeficitRatio,
        Indicator::MoneySupply,
        Indicator::PopulationGrowth,
        Indicator::BalanceOfPayments,
    ];

    /// The snake_case name used in JSON and CSV ("gdp", "retail_sales").
    pub fn name(self) -> &'static str {
        match self {
            Indicator::Gdp => "gdp",
            Indicator::BudgetRevenue => "budget_revenue",
            Indicator::FiscalRevenue => "fiscal_revenue",
            Indicator::FixedAssetInvestment => "fixed_asset_investment",
            Indicator::RetailSales => "retail_sales",
            Indicator::IndustrialValueAdded => "industrial_value_added",
            Indicator::ForeignTrade => "foreign_trade",
            Indicator::ForeignInvestment => "foreign_investment",
            Indicator::SurveyedUnemployment => "surveyed_unemployment",
            Indicator::RegisteredUnemployment => "registered_unemployment",
            Indicator::NewUrbanJobs => "new_urban_jobs",
            Indicator::Cpi => "cpi",
            Indicator::DisposableIncome => "disposable_income",
            Indicator::UrbanIncome => "urban_income",
            Indicator::RuralIncome => "rural_income",
            Indicator::GrainOutput => "grain_output",
            Indicator::EnergyIntensity => "energy_intensity",
            Indicator::DeficitRatio => "deficit_ratio",
            Indicator::MoneySupply => "money_supply",
            Indicator::PopulationGrowth => "population_growth",
            Indicator::BalanceOfPayments => "balance_of_payments",
            Indicator::Other => "other",
        }
    }

    /// A short English label for tables ("GDP", "Retail sales").
    pub fn label(self) -> &'static str {
        match self {
            Indicator::Gdp => "GDP",
            Indicator::BudgetRevenue => "Budget revenue",
            Indicator::FiscalRevenue => "Fiscal revenue",
            Indicator::FixedAssetInvestment => "Fixed-asset investment",
            Indicator::RetailSales => "Retail sales",
            Indicator::IndustrialValueAdded => "Industrial value added",
            Indicator::ForeignTrade => "Foreign trade",
            Indicator::ForeignInvestment => "Foreign investment",
            Indicator::SurveyedUnemployment => "Surveyed unemployment",
            Indicator::RegisteredUnemployment => "Registered unemployment",
            Indicator::NewUrbanJobs => "New urban jobs",
            Indicator::Cpi => "CPI",
            Indicator::DisposableIncome => "Disposable income",
            Indicator::UrbanIncome => "Urban income",
            Indicator::RuralIncome => "Rural income",
            Indicator::GrainOutput => "Grain output",
            Indicator::EnergyIntensity => "Energy per unit of GDP",
            Indicator::DeficitRatio => "Deficit ratio",
            Indicator::MoneySupply => "Money supply (M2)",
            Indicator::PopulationGrowth => "Population growth",
            Indicator::BalanceOfPayments => "Balance of payments",
            Indicator::Other => "Other",
        }
    }

    /// Whether a lower figure is the better result (a ceiling): unemployment, prices, the
    /// deficit, population growth.
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            Indicator::SurveyedUnemployment
                | Indicator::RegisteredUnemployment
                | Indicator::Cpi
                | Indicator::DeficitRatio
                | Indicator::PopulationGrowth
        )
    }
}

/// The wordings of each indicator (normalized text: Simplified script, ASCII letters).
const WORDINGS: [(Indicator, &[&str]); 21] = [
    (
        Indicator::Gdp,
        &[
            "地区生产总值",
            "国内生产总值",
            "生产总值",
            "GDP",
            "经济增长",
        ],
    ),
    (
        Indicator::BudgetRevenue,
        &[
            "一般公共预算收入",
            "公共财政预算收入",
            "一般预算收入",
            "公共预算收入",
            "财政一般预算收入",
        ],
    ),
    (
        Indicator::FiscalRevenue,
        &["财政收入", "财政总收入", "一般公共预算总收入"],
    ),
    (Indicator::FixedAssetInvestment, &["固定资产投资"]),
    (
        Indicator::RetailSales,
        &["社会消费品零售总额", "社会消费品零售额"],
    ),
    (
        Indicator::IndustrialValueAdded,
        &["规模以上工业增加值", "规上工业增加值", "工业增加值"],
    ),
    (
        Indicator::ForeignTrade,
        &["进出口总额", "外贸进出口", "进出口"],
    ),
    (
        Indicator::ForeignInvestment,
        &["实际利用外资", "实际使用外资", "外商直接投资", "利用外资"],
    ),
    (
        Indicator::SurveyedUnemployment,
        &["城镇调查失业率", "调查失业率"],
    ),
    (
        Indicator::RegisteredUnemployment,
        &["城镇登记失业率", "登记失业率"],
    ),
    (
        Indicator::NewUrbanJobs,
        &["城镇新增就业", "新增城镇就业", "新增就业"],
    ),
    (Indicator::Cpi, &["居民消费价格", "消费价格", "CPI"]),
    (
        Indicator::DisposableIncome,
        &[
            "居民人均可支配收入",
            "居民可支配收入",
            "居民收入",
            "人均可支配收入",
        ],
    ),
    (
        Indicator::UrbanIncome,
        &[
            "城镇居民人均可支配收入",
            "城镇常住居民人均可支配收入",
            "城镇人均可支配收入",
            "城镇居民收入",
            "城镇居民人均收入",
        ],
    ),
    (
        Indicator::RuralIncome,
        &[
            "农村居民人均可支配收入",
            "农村常住居民人均可支配收入",
            "农村牧区常住居民人均可支配收入",
            "农村牧区居民人均可支配收入",
            "农民人均可支配收入",
            "农牧民人均可支配收入",
            "农民人均纯收入",
            "农牧民人均纯收入",
            "农村居民人均纯收入",
            "农民收入",
        ],
    ),
    (Indicator::GrainOutput, &["粮食产量", "粮食总产量"]),
    (
        Indicator::EnergyIntensity,
        &[
            "单位国内生产总值能耗",
            "单位地区生产总值能耗",
            "单位生产总值能耗",
            "单位GDP能耗",
            "万元GDP能耗",
            "万元地区生产总值能耗",
            "万元生产总值能耗",
            "能源消耗强度",
            "能耗强度",
        ],
    ),
    (Indicator::DeficitRatio, &["赤字率"]),
    (Indicator::MoneySupply, &["广义货币", "M2"]),
    (
        Indicator::PopulationGrowth,
        &["人口自然增长率", "人口自增率"],
    ),
    (Indicator::BalanceOfPayments, &["国际收支"]),
];

/// Wordings that name the urban and the rural income at once (城乡居民人均可支配收入分别增长
/// 5.5%和6.5%): each gives two mentions over the same characters.
const URBAN_AND_RURAL: [&str; 9] = [
    "城乡居民人均可支配收入",
    "城乡居民收入",
    "城镇居民、农村居民人均可支配收入",
    "城镇、农村居民收入",
    "城镇、农村居民人均可支配收入",
    "城镇、农村常住居民人均可支配收入",
    "城乡常住居民人均可支配收入",
    "城镇和农村居民人均可支配收入",
    "城镇和农村常住居民人均可支配收入",
];

/// Characters right before a wording that make it one sector's figure (工业固定资产投资,
/// 民间投资), not the whole economy's.
const SECTORS: [&str; 9] = [
    "工业", "民间", "造业", "农业", "地产", "设施", "务业", "技术", "旅游",
];

/// Every wording, tagged with its indicator and its length in characters.
/// (`Other` tags the urban-and-rural wordings.)
static INDICATOR_WORDS: LazyLock<Words<(Indicator, usize)>> = LazyLock::new(|| {
    let paired = URBAN_AND_RURAL
        .iter()
        .map(|w| (*w, (Indicator::Other, w.chars().count())));
    Words::new(
        WORDINGS
            .iter()
            .flat_map(|(indicator, wordings)| {
                wordings
                    .iter()
                    .map(move |w| (*w, (*indicator, w.chars().count())))
            })
            .chain(paired),
    )
});

/// An indicator named in a text: where, and which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub indicator: Indicator,
    /// Character range of the wording.
    pub start: usize,
    pub end: usize,
}

/// The indicators named in `chars`, leftmost-longest, not overlapping, a sector's own figure
/// left out.
pub fn mentions(chars: &[char]) -> Vec<Mention> {
    let mut found: Vec<Mention> = INDICATOR_WORDS
        .find_in(chars)
        .map(|(start, (indicator, len))| Mention {
            indicator,
            start,
            end: start + len,
        })
        .collect();
    // Leftmost first, and at one start the longest first.
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::new();
    let mut covered = 0;
    for m in found {
        if m.start < covered {
            continue;
        }
        covered = m.end;
        let before: String = chars[m.start.saturating_sub(2)..m.start].iter().collect();
        // A Latin wording inside a longer Latin word: "M2" in "PM2.5".
        let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let inside_latin = chars[m.start].is_ascii()
            && (latin(m.start.checked_sub(1).and_then(|i| chars.get(i)))
                || latin(chars.get(m.end)));
        // A share of the indicator (占GDP的比重) is not the indicator.
        let rest: String = chars[m.end..].iter().take(3).collect();
        let share =
            rest.starts_with("的比重") || rest.starts_with("比重") || rest.starts_with("占比");
        if SECTORS.contains(&before.as_str()) || inside_latin || share {
            continue;
        }
        if m.indicator == Indicator::Other {
            for indicator in [Indicator::UrbanIncome, Indicator::RuralIncome] {
                out.push(Mention { indicator, ..m });
            }
        } else {
            out.push(m);
        }
    }
    out
}

/// True when `chars` starts with an indicator's wording, give or take a few words before it
/// (全市城镇登记失业率, 城镇居民登记失业率): a list item of targets.
pub fn starts_with_indicator(chars: &[char]) -> bool {
    mentions(chars).first().is_some_and(|m| m.start <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    fn names(text: &str) -> Vec<Indicator> {
        mentions(&chars(text)).iter().map(|m| m.indicator).collect()
    }

    #[test]
    fn wordings_of_one_indicator_meet_in_one_name() {
        for text in [
            "地区生产总值增长5%",
            "国内生产总值增长5%",
            "全省生产总值增长5%",
        ] {
            assert_eq!(names(text), vec![Indicator::Gdp], "{text}");
        }
        assert_eq!(names("经济增长5%左右"), vec![Indicator::Gdp]);
    }

    #[test]
    fn the_longest_wording_wins() {
        assert_eq!(
            names("城镇居民人均可支配收入增长10%"),
            vec![Indicator::UrbanIncome]
        );
        assert_eq!(
            names("农村牧区常住居民人均可支配收入增长9%"),
            vec![Indicator::RuralIncome]
        );
        assert_eq!(
            names("单位国内生产总值能耗降低2.5%左右"),
            vec![Indicator::EnergyIntensity]
        );
        assert_eq!(
            names("居民人均可支配收入增长8%"),
            vec![Indicator::DisposableIncome]
        );
    }

    #[test]
    fn several_in_one_clause_in_order() {
        assert_eq!(
            names("一般公共预算收入和固定资产投资分别增长8%和10%"),
            vec![Indicator::BudgetRevenue, Indicator::FixedAssetInvestment]
        );
    }

    #[test]
    fn urban_and_rural_at_once() {
        assert_eq!(
            names("城乡居民人均可支配收入分别增长5.5%和6.5%"),
            vec![Indicator::UrbanIncome, Indicator::RuralIncome]
        );
    }

    #[test]
    fn not_inside_a_latin_word_nor_a_share() {
        assert!(names("PM2.5平均浓度下降").is_empty());
        assert!(names("数字经济占GDP的比重达到10%").is_empty());
    }

    #[test]
    fn a_sectors_figure_is_not_the_economys() {
        assert!(names("工业固定资产投资增长20%").is_empty());
        assert_eq!(
            names("全社会固定资产投资增长12%"),
            vec![Indicator::FixedAssetInvestment]
        );
    }

    #[test]
    fn names_are_unique() {
        let mut seen: Vec<&str> = Indicator::ALL.iter().map(|i| i.name()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), Indicator::ALL.len());
    }
}
