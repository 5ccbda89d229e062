using System.Globalization;

namespace EcoSite.Core.Facts;

/// <summary>
/// Words a <see cref="CompletenessReason"/> in Chinese or English (any other language gets English), with the points
/// it costs. Kept beside the rubric rather than in the theme, so the CLI report and the site say the same thing.
/// </summary>
internal static class ReasonText
{
    public static string Format(CompletenessReason r, string lang, ReasonWords? words = null)
    {
        var zh = lang == "zh";
        var a = words is null ? r.Args : Named(r, words, zh);
        var cat = Category(r.Category, zh);
        var text = (r.Kind, zh) switch
        {
            (ReasonKind.Blank, false) => $"{cat}: blank column, nothing is published",
            (ReasonKind.Blank, true) => $"{cat}：栏目空白，尚未发布任何内容",
            (ReasonKind.Stale, false) => $"{cat}: newest {(r.Category == CompletenessCategory.Cases ? "case" : "item")} {a[0]} is {a[1]} days old, more than {a[2]}",
            (ReasonKind.Stale, true) => $"{cat}：最新一条发布于 {a[0]}，已过 {a[1]} 天，超过 {a[2]} 天",
            (ReasonKind.IndicatorsNotReported, false) => $"{cat}: {a[0]} reports {a[1]} of the {a[2]} catalog indicators with a value and a target; not reported: {a[3]}",
            (ReasonKind.IndicatorsNotReported, true) => $"{cat}：{a[0]} 年度目录 {a[2]} 项指标中有 {a[1]} 项同时填写了数值和目标值；未填报：{a[3]}",
            (ReasonKind.IndicatorsIncomplete, false) => $"{cat}: {a[0]} lacks a value or a target for {a[1]}",
            (ReasonKind.IndicatorsIncomplete, true) => $"{cat}：{a[0]} 年度以下指标缺少数值或目标值：{a[1]}",
            (ReasonKind.IndicatorsOld, false) => $"{cat}: the newest report is for {a[0]}, before last year ({a[1]}), so the part is halved",
            (ReasonKind.IndicatorsOld, true) => $"{cat}：最新报告为 {a[0]} 年度，早于上一年度（{a[1]} 年），得分减半",
            (ReasonKind.NoRecentFlows, false) => a[0].Length == 0
                ? $"{cat}: no waste flows for {a[1]} or later"
                : $"{cat}: no waste flows for {a[1]} or later (newest: {a[0]})",
            (ReasonKind.NoRecentFlows, true) => a[0].Length == 0
                ? $"{cat}：缺少 {a[1]} 年及以后的废物流向"
                : $"{cat}：缺少 {a[1]} 年及以后的废物流向（最新为 {a[0]} 年）",
            (ReasonKind.NoActiveListing, false) => $"{cat}: no exchange listing is active on {a[0]} ({a[1]} listings in all)",
            (ReasonKind.NoActiveListing, true) => $"{cat}：{a[0]} 没有处于有效期内的供需信息（共 {a[1]} 条）",
            (ReasonKind.PolluterGroupsMissing, false) => $"{cat}: {a[0]} lacks {string.Join(", ", a[1].Split(',').Select(g => Group(g, false)))}",
            (ReasonKind.PolluterGroupsMissing, true) => $"{cat}：{a[0]} 缺少{string.Join("、", a[1].Split(',').Select(g => Group(g, true)))}",
            (ReasonKind.PolluterOld, false) => a[1].Length == 0
                ? $"{cat}: {a[0]} has no report_year, so its share is halved"
                : $"{cat}: {a[0]} reports for {a[1]}, but the {a[2]} report was due by {a[3]}, so its share is halved",
            (ReasonKind.PolluterOld, true) => a[1].Length == 0
                ? $"{cat}：{a[0]} 未填写报告年度，该单位得分减半"
                : $"{cat}：{a[0]} 的报告年度为 {a[1]} 年，而 {a[2]} 年度报告应于 {a[3]} 前披露，该单位得分减半",
            (ReasonKind.PolluterMissing, false) => $"{cat}: the key polluting unit {a[3]} has no disclosure ({a[1]})",
            (ReasonKind.PolluterMissing, true) => $"{cat}：重点排污单位{a[2]}未公开环境信息（应有 {a[1]}）",
            _ => cat,
        };
        var lost = Completeness.Round(r.PointsLost).ToString("0.0", CultureInfo.InvariantCulture);
        return zh ? $"{text}（扣 {lost} 分）" : $"{text} (−{lost} points)";
    }

    /// <summary>
    /// The arguments with what a visitor reads in place of what an editor fixes (issue 13: no file path, indicator id or
    /// ISO date on a public page): the unit's name for its file, indicator names for ids, a written date.
    /// </summary>
    private static IReadOnlyList<string> Named(CompletenessReason r, ReasonWords w, bool zh)
    {
        var a = r.Args.ToArray();
        string Indicators(string ids) => string.Join(zh ? "、" : ", ", ids.Split(", ").Select(w.Indicator));
        switch (r.Kind)
        {
            case ReasonKind.Stale or ReasonKind.NoActiveListing: a[0] = w.Date(a[0]); break;
            case ReasonKind.IndicatorsIncomplete: a[1] = Indicators(a[1]); break;
            case ReasonKind.IndicatorsNotReported: a[3] = Indicators(a[3]); break;
            case ReasonKind.PolluterGroupsMissing: a[0] = w.Unit(a[0]); break;
            case ReasonKind.PolluterOld:
                a[0] = w.Unit(a[0]);
                if (a.Length > 3 && a[3].Length > 0)
                {
                    a[3] = w.Date(a[3]);
                }

                break;
        }
        return a;
    }

    public static string Category(CompletenessCategory c, bool zh) => c switch
    {
        CompletenessCategory.News => zh ? "园区管理工作信息" : "news",
        CompletenessCategory.Indicators => zh ? "指标数据达标情况" : "indicators",
        CompletenessCategory.Cases => zh ? "先进经验技术总结" : "cases",
        CompletenessCategory.Waste => zh ? "废物供需流向" : "waste",
        _ => zh ? "重点排污单位信息公开" : "polluters",
    };

    private static string Group(string key, bool zh) => key switch
    {
        "basic" => zh ? "基础信息（五项齐全）" : "basic information (all five fields)",
        "permit" => zh ? "排污许可证及至少一个排放口和污染物" : "a permit with at least one outlet and pollutant",
        "facilities" => zh ? "防治污染设施" : "pollution control facilities",
        "approvals" => zh ? "环评及其他行政许可" : "EIA and other approvals",
        "emergency_plan" => zh ? "突发环境事件应急预案备案日期" : "the filing date of the emergency plan",
        _ => key,
    };
}
