using System.Globalization;
using System.Text;
using EcoSite.Core.Content;
using EcoSite.Core.Model;

namespace EcoSite.Core.Scaffold;

/// <summary>
/// The text of each starting file. Every field an editor must fill has a placeholder that loads without errors;
/// optional fields are commented out with an example, so an unfilled scaffold never claims data it does not have
/// (an empty value scores nothing in section 11).
/// </summary>
internal sealed class ScaffoldTemplates(IReadOnlyList<string> languages, DateOnly today)
{
    public IReadOnlyList<string> Languages { get; } = languages;

    private string Today => Date(today);

    /// <summary>These templates dated by a slug that starts with a date (2026-03-02-work-plan), as the editor named the file; else unchanged.</summary>
    public ScaffoldTemplates DatedBy(string slug) =>
        slug.Length >= 10 && DateOnly.TryParseExact(slug[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new ScaffoldTemplates(Languages, d)
            : this;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A localized YAML flow map over the site's languages (section 2).</summary>
    private string L(string zh, string en) =>
        "{" + string.Join(", ", Languages.Select(l => $"{l}: {(l == "zh" ? zh : en)}")) + "}";

    public string Site() => $"""
        {SchemaLinks.Modeline(ScaffoldKind.Site, "site.yaml")}
        # 平台设置 The platform's settings (docs/content-format.zh.md 第5节, content-format.en.md section 5).
        # 文本字段可写一个字符串（默认语言），或按语言分别填写 {L("中文", "English")}.
        title: {L("生态工业信息平台", "Eco-Industrial Information Platform")}
        # description: {L("平台简介。", "What the platform is about.")}
        languages: [zh, en]          # 第一种为默认语言 the first is the default language
        # base_url: https://www.example.gov.cn/stgy/   # 可选，仅 RSS 和站点地图使用绝对地址 optional; only feed and sitemap use it
        # as_of: {Today}                          # 可选，固定“今天” optional fixed "today"; else SOURCE_DATE_EPOCH, else the clock
        freshness:                   # 栏目多少天不更新即视为“未更新” days until a column counts as not updated
          news: 14                   # 动态 news
          notices: 180               # 通知公告、计划 notices and plans
          cases: 365                 # 经验案例 cases

        """;

    public string Park(string parkId) => $"""
        {SchemaLinks.Modeline(ScaffoldKind.Park, $"parks/{parkId}/park.yaml")}
        # 园区概况 Park profile (docs/content-format.zh.md 第6节, content-format.en.md section 6). 文件夹名 '{parkId}' 即网址 the folder name is the web address.
        # 请替换占位文字；不掌握的可选项保持注释。Replace the placeholders; leave optional lines you cannot fill commented out.
        name: {L(Placeholders.ParkNameZh, Placeholders.ParkNameEn)}
        level: national              # national 国家级 | provincial 省级 | other
        status: approved             # named 已命名 | approved 批准建设 | other
        standard: HJ 274-2015        # 评价标准 the standard the park is assessed under
        # province: {L("示例省", "Example Province")}
        # city: {L("示例市", "Example City")}
        # established: 2008          # 设立年份 year established
        # area_km2: 42.5             # 面积（平方公里）area in km²
        # managing_body: {L("示范园区管理委员会", "Park Administrative Committee")}
        # contact:
        #   phone: "0000-0000000"
        #   email: eco@example.gov.cn
        #   address: {L("示例省示例市示例路1号", "1 Example Road, Example City")}

        """;

    public string Enterprises() => $"""
        {SchemaLinks.Modeline(ScaffoldKind.Enterprises, "parks/park/enterprises.yaml")}
        # 园区企业 Enterprises that news, cases, waste flows, listings and polluter files refer to by id (docs/content-format.zh.md 第6节, content-format.en.md section 6).
        # 每家企业一项，例如 One entry per enterprise, for example:
        #   - id: demo-steel                          # a-z、0-9 和 '-'，将成为网址的一部分 becomes part of web addresses
        #     name: {L("示例钢铁有限公司", "\"Demo Steel Co., Ltd.\"")}
        #     credit_code: 91999999MA7DEM0168         # 统一社会信用代码 GB 32100-2015, checked
        #     industry: {L("黑色金属冶炼", "Ferrous metal smelting")}
        #     key_polluter: true                      # 列入重点排污单位名录 on the key polluting unit list: disclose in polluters/<id>.yaml
        enterprises: []

        """;

    public string EnterpriseEntry(string id, string indent) => $"""
        {indent}- id: {id}
        {indent}  name: {L(Placeholders.EnterpriseNameZh, Placeholders.EnterpriseNameEn)}
        {indent}  # credit_code: 91999999MA7DEM0168       # 统一社会信用代码 GB 32100-2015
        {indent}  # industry: {L("所属行业", "Industry")}
        {indent}  # key_polluter: true                # 重点排污单位 key polluting unit

        """;

    public string News(string parkId, string slug, string lang) => lang == "zh" ? $"""
        ---
        # 园区管理工作信息 News (docs/content-format.zh.md 第7节, content-format.en.md section 7). 网址 web address: parks/{parkId}/news/{slug}/
        title: {Placeholders.TitleZh}
        date: {Today}            # 必填 YYYY-MM-DD；未注明日期的信息在网站检查中视为“未更新”
        kind: news                  # news 动态 | notice 通知公告 | plan 计划 | report 报告
        # summary: 一句话摘要；不填时取正文第一段。
        # attachments: [media/{slug}.pdf]   # 附件放在 parks/{parkId}/media/ 下
        # 正文用 Markdown：空行分段；“## ”开头为小标题；链接 [文字](2026-03-02-work-plan.md)；图片 ![说明](../media/photo.jpg)
        ---
        {Placeholders.BodyZh}

        """ : $"""
        ---
        # News item (docs/content-format.en.md section 7), translation of {slug}.md. Web address: {lang}/parks/{parkId}/news/{slug}/
        title: {Placeholders.TitleEn}
        date: {Today}            # required, YYYY-MM-DD; undated items count as not updated in inspections
        kind: news                  # news | notice | plan | report; notices and plans stay fresh for longer
        # summary: One sentence; without it the first paragraph is used.
        # attachments: [media/{slug}.pdf]   # files go under parks/{parkId}/media/
        # The text is Markdown: a blank line between paragraphs; "## " for a heading; [link text](2026-03-02-work-plan.en.md); ![image description](../media/photo.jpg)
        ---
        {Placeholders.BodyEn}

        """;

    public string Case(string parkId, string slug, string lang) => (lang == "zh" ? $"""
        ---
        # 先进经验技术总结 Case (docs/content-format.zh.md 第7节, content-format.en.md section 7). 网址 web address: parks/{parkId}/cases/{slug}/
        title: {Placeholders.CaseTitleZh}
        date: {Today}            # 必填 YYYY-MM-DD
        # enterprise: demo-steel    # 可选，../enterprises.yaml 中的企业 id
        technology: {L(Placeholders.TechnologyZh, Placeholders.TechnologyEn)}
        """ : $"""
        ---
        # Case (docs/content-format.en.md section 7), translation of {slug}.md. Web address: {lang}/parks/{parkId}/cases/{slug}/
        title: {Placeholders.CaseTitleEn}
        date: {Today}            # required, YYYY-MM-DD
        # enterprise: demo-steel    # optional: an id from ../enterprises.yaml
        technology: {L(Placeholders.TechnologyZh, Placeholders.TechnologyEn)}
        """) + "\n" + (lang == "zh" ? $"""
        # benefits:                 # 年度效益，按园区汇总 yearly benefits, summed per park; delete what you do not know
        #   energy_saved_tce: 0     # 节约标准煤（吨）
        #   water_saved_m3: 0       # 节水（立方米）
        #   co2_reduced_t: 0        # 减少二氧化碳排放（吨）
        #   solid_waste_utilised_t: 0   # 固体废物综合利用（吨）
        #   economic_benefit_10k_cny: 0 # 经济效益（万元）
        ---
        {Placeholders.CaseBodyZh}

        """ : $"""
        # benefits:                 # yearly, summed per park; delete what you do not know
        #   energy_saved_tce: 0
        #   water_saved_m3: 0
        #   co2_reduced_t: 0
        #   solid_waste_utilised_t: 0
        #   economic_benefit_10k_cny: 0
        ---
        {Placeholders.CaseBodyEn}

        """);

    public string Page(string parkId, string slug, string lang) => lang == "zh" ? $"""
        ---
        # 栏目页面 A free page, such as 园区简介 or 联系我们 (docs/content-format.zh.md 第7节). 网址 web address: parks/{parkId}/pages/{slug}.html
        title: {Placeholders.TitleZh}
        ---
        {Placeholders.BodyZh}

        """ : $"""
        ---
        # A free page (docs/content-format.en.md section 7), translation of {slug}.md.
        title: {Placeholders.TitleEn}
        ---
        {Placeholders.BodyEn}

        """;

    /// <summary>waste/YEAR.yaml: no flow yet (an empty list scores nothing), and an example flow to copy, using the park's enterprises when it has two.</summary>
    public string Waste(string rel, int year, IReadOnlyList<string> enterprises)
    {
        var from = enterprises.Count > 0 ? enterprises[0] : "demo-steel";
        var to = enterprises.Count > 1 ? enterprises[1] : "demo-cement";
        return $"""
            {SchemaLinks.Modeline(ScaffoldKind.Waste, rel)}
            # 固体废物流向 Waste and by-product flows of {year} (docs/content-format.zh.md 第9节, content-format.en.md section 9).
            # 每条流向一项：from/to 为 ../enterprises.yaml 中的企业 id，或园区外单位 {"{"}name: ..., external: true{"}"}。
            # One entry per flow: from/to are enterprise ids from ../enterprises.yaml, or a party outside the park.
            year: {year}
            flows: []
            # flows:
            #   - from: {from}
            #     to: {to}
            #     material: {L("废矿物油", "Waste mineral oil")}
            #     code: 900-249-08         # 可选：危险废物代码 NNN-NNN-NN 或一般固废代码 optional waste code
            #     quantity: 12
            #     unit: t                  # 每年 per year
            #     use: {L("再生利用", "Re-refining")}

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public string Listing(string rel, string enterprise) => $"""
        {SchemaLinks.Modeline(ScaffoldKind.Listing, rel)}
        # 供需信息 A supply or demand listing of the regional resource exchange (docs/content-format.zh.md 第9节, content-format.en.md section 9).
        # 自 posted 至 valid_until 有效；供需双方代码相同（无代码时物料名称相同）即匹配。
        # Active from 'posted' to 'valid_until'; supply and demand match on equal codes, else equal material names.
        kind: supply                 # supply 供应 | demand 需求
        category: waste              # waste | by-product | raw-material | product | disposal-service
        enterprise: {enterprise}{new string(' ', Math.Max(1, 17 - enterprise.Length))}# ../enterprises.yaml 中的企业 id
        material: {L(Placeholders.MaterialZh, Placeholders.MaterialEn)}
        # code: 900-249-08           # 危险废物代码 NNN-NNN-NN 或一般固废代码 hazardous or general solid waste code
        # quantity: 30
        # unit: t
        frequency: once              # once | monthly | yearly | continuous
        posted: {Today}
        valid_until: {Date(today.AddMonths(6))}
        # contact: {"{"}name: 王工, phone: "0000-0000000", email: hse@example.com{"}"}   # 联系人 contact

        """;

    public string Polluter(string rel) => $"""
        {SchemaLinks.Modeline(ScaffoldKind.Polluter, rel)}
        # 重点排污单位信息公开 Key polluting unit disclosure (docs/content-format.zh.md 第10节, content-format.en.md section 10); the file name is the enterprise id.
        # 五组必填信息填全才得满分；空着的项不计分。The five required groups score only when filled; empty ones score nothing.
        report_year: {today.Year - 1}            # 报告年度 the year reported

        # 1. 基础信息 Basic information (all five fields)
        basic:
          legal_representative:      # 法定代表人, e.g. {L("张某", "Zhang X.")}
          address:                   # 生产地址
          contact:                   # 联系方式
          business:                  # 主要经营范围
          products:                  # 主要产品及规模

        # 2. 排污信息 Discharge: permit number (credit code + 3 digits + letter) and at least one outlet with a pollutant
        permit:                      # e.g. 91999999MA7DEM0168001P
        outlets: []
        # outlets:
        #   - code: DW001            # DA### 废气 air, DW### 废水 water
        #     location: {L("厂区东侧", "East of the plant")}
        #     discharge: {L("间接排放", "Indirect")}
        #     standard: GB 8978-1996
        #     pollutants:
        #       - {"{"}name: {L("化学需氧量", "COD")}, unit: mg/L, concentration: 35, limit: 500, total_t: 12.5, permitted_total_t: 40, exceedances: 0{"}"}

        # 3. 防治污染设施 Pollution control facilities
        facilities: []
        #   - {"{"}name: {L("污水处理站", "Wastewater treatment station")}, status: running, since: 2019-06-01{"}"}

        # 4. 建设项目环境影响评价及其他环境保护行政许可 EIA and other approvals
        approvals: []
        #   - {"{"}project: {L("项目环境影响报告书", "EIA report of the project")}, number: 示环审〔2018〕1号, date: 2018-04-20{"}"}

        # 5. 突发环境事件应急预案 Emergency plan (a filed date fills the group)
        emergency_plan:
          filed:                     # 备案日期 YYYY-MM-DD
          number:                    # 备案编号

        # 企业环境信息依法披露管理办法（2021）第十二条的其他内容，均为可选，不计分；用到哪一组就去掉该组行首的 '# '，把“{Placeholders.Order24Zh}”换成实际内容，数量留空表示未披露。
        # Order 24 (2021) article 12 groups, all optional and not scored: remove the leading '# ' of a group you use and replace "{Placeholders.Order24En}"; an empty amount is not disclosed.
        # prepared: {Today}                      # 编制日期 date the report was prepared
        # permit_authority: {L(Placeholders.Order24Zh, Placeholders.Order24En)}   # 排污许可证核发机关 issuing authority
        # permit_valid_from: {Today}             # 排污许可证有效期 permit validity
        # permit_valid_until: {Date(today.AddYears(5))}
        # environmental_tax: {"{"}paid_10k_cny: {"}"}        # 环境保护税（万元）tax paid, 10k CNY
        # liability_insurance: {"{"}insured: true, insurer: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, policy: , valid_until: {"}"}   # 环境污染责任保险
        # credit_rating: {"{"}rating: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, authority: , date: , url: {"}"}   # 环保信用评价 (url: https://...)
        # toxic_substances:                      # 有毒有害物质排放（吨/年）toxic substances, t per year
        #   - {"{"}name: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, cas: , emitted_t: {"}"}
        # solid_waste:                           # 工业固体废物和危险废物（吨）generated, stored, utilised, disposed; code NNN-NNN-NN for hazardous waste
        #   - {"{"}name: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, code: , generated_t: , stored_t: , utilised_t: , disposed_t: , destination: {"}"}
        # self_monitoring:                       # 自行监测
        #   results_url:                         # 监测结果公开网址 https://...
        #   items:
        #     - {"{"}outlet: DW001, pollutant: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, method: automatic, frequency: {"}"}   # method: automatic 自动 | manual 手工
        # carbon_emissions:                      # 碳排放（吨二氧化碳当量/年）t CO2e per year
        #   total_tco2e:
        #   facilities: [{"{"}name: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, tco2e: {"}"}]
        # heavy_pollution_response:              # 重污染天气应急响应
        #   - {"{"}from: {Today}, to: {Today}, level: , measures: {L(Placeholders.Order24Zh, Placeholders.Order24En)}{"}"}
        # violations:                            # 生态环境违法信息 (none: leave out)
        #   - {"{"}date: {Today}, authority: , document: , facts: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, penalty: , rectification: {"}"}
        # temporary_disclosures:                 # 本年度临时环境信息依法披露情况
        #   - {"{"}date: {Today}, subject: {L(Placeholders.Order24Zh, Placeholders.Order24En)}, url: {"}"}
        # 每个污染物可加 averaging: hourly | daily | monthly | annual | single（实测浓度的均值类型），每个排放口可加 destination（排放去向）。
        # Each pollutant may add averaging (the period behind its concentration), each outlet destination (where it discharges to).

        # 6. 其他应当公开的环境信息（可选，Markdown）Other information, optional
        # other: 

        """;

    public string Indicators(string rel, int year, IndicatorStandard catalog)
    {
        var sb = new StringBuilder();
        sb.Append(SchemaLinks.Modeline(ScaffoldKind.Indicators, rel)).Append('\n');
        sb.Append($"""
            # 指标数据 Indicator data of {year} (docs/content-format.zh.md 第8节, content-format.en.md section 8). 达标情况由系统计算，无需填写。
            # Compliance is computed: give each value and the park's target, e.g. ">= 70", "<= 0.5", "= 0", or yes for 具备/达标/完成.
            # 未掌握的指标可将 value 留空；只有填写了 value 和 target 的指标计入完善程度。
            # Leave value empty for indicators you do not report; only a value with a target counts towards the score.
            year: {year}
            status: preliminary          # final 正式 | preliminary 初步
            source: {L("园区管委会统计", "Park statistics office")}
            values:

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var category in catalog.Categories)
        {
            var indicators = catalog.Indicators.Where(i => i.Category == category.Id).ToList();
            if (indicators.Count == 0) continue;
            sb.Append($"  # {category.Name.In("zh", "zh").Text} {category.Name.In("en", "zh").Text}\n");
            foreach (var i in indicators)
            {
                sb.Append($"  - indicator: {i.Id}\n");
                sb.Append($"    # {i.Name.In("zh", "zh").Text}\n");
                sb.Append("    value:\n");
                sb.Append("    target:\n");
            }
        }
        sb.Append($"""
              # 园区自定义指标 A park-specific indicator:
              # - indicator: custom
              #   name: {L("园区绿化覆盖率", "Green coverage")}
              #   unit: "%"
              #   value: 41
              #   target: ">= 35"

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        return sb.ToString();
    }
}
