namespace EcoSite.Core.Export.Wechat;

/// <summary>
/// The look of a fragment, as inline styles: the WeChat official-account editor keeps a pasted element's style
/// attribute and drops style sheets, classes and ids. Sizes suit a phone (the editor's text column is about 340 CSS px
/// on a 375 px screen); long words and addresses wrap instead of widening the page.
/// </summary>
internal static class InlineStyles
{
    private const string Green = "#1a5c38";
    private const string Line = "#d0d7de";
    private const string Muted = "#6e6e6e"; // 5:1 on white, WCAG 2.1 AA for small text
    public const string LinkColor = "#576b95"; // WeChat's own link colour

    public const string Root = "margin:0;padding:0;font-size:16px;line-height:1.75;color:#333333;text-align:left;" +
        "font-family:-apple-system,BlinkMacSystemFont,'Helvetica Neue','PingFang SC','Microsoft YaHei',sans-serif;" +
        "overflow-wrap:break-word;word-wrap:break-word;";
    public const string Meta = "margin:0 0 20px;font-size:14px;color:" + Muted + ";";
    public const string P = "margin:0 0 16px;";
    public const string H2 = "margin:28px 0 12px;padding-left:8px;border-left:4px solid #2e7d4f;font-size:18px;font-weight:bold;line-height:1.4;color:" + Green + ";";
    public const string H3 = "margin:24px 0 10px;font-size:17px;font-weight:bold;line-height:1.4;color:" + Green + ";";
    public const string H4 = "margin:20px 0 8px;font-size:16px;font-weight:bold;line-height:1.4;";
    public const string List = "margin:0 0 16px;padding-left:24px;";
    public const string Li = "margin:4px 0;";
    public const string Blockquote = "margin:0 0 16px;padding:8px 12px;border-left:4px solid #c8dccf;background:#f4f8f5;color:#555555;";
    public const string Pre = "margin:0 0 16px;padding:12px;background:#f6f8fa;border-radius:4px;font-size:13px;line-height:1.5;" +
        "white-space:pre-wrap;word-break:break-all;font-family:Menlo,Consolas,monospace;";
    public const string Code = "padding:1px 4px;background:#f2f4f5;border-radius:3px;font-size:14px;font-family:Menlo,Consolas,monospace;word-break:break-all;";
    public const string CodeInPre = "font-family:Menlo,Consolas,monospace;";
    // A fixed layout shares the width between columns instead of growing with the longest word, so a wide table wraps
    // inside the screen rather than scrolling sideways.
    public const string Table = "width:100%;margin:0 0 16px;border-collapse:collapse;table-layout:fixed;font-size:14px;line-height:1.5;";
    public const string Caption = "padding:0 0 6px;font-size:14px;color:" + Muted + ";text-align:left;";
    public const string Th = "padding:6px 4px;border:1px solid " + Line + ";background:#eef5f0;font-weight:bold;vertical-align:top;overflow-wrap:break-word;word-wrap:break-word;";
    public const string Td = "padding:6px 4px;border:1px solid " + Line + ";vertical-align:top;overflow-wrap:break-word;word-wrap:break-word;";
    public const string Img = "display:block;max-width:100%;height:auto;margin:8px auto;";
    public const string Hr = "margin:24px 0;border:0;border-top:1px solid " + Line + ";";
    public const string Strong = "font-weight:bold;";
    public const string Em = "font-style:italic;";
    public const string Strike = "text-decoration:line-through;";
    public const string Underline = "text-decoration:underline;";
    public const string Mark = "background:#fff3b0;";
    public const string Url = "color:" + LinkColor + ";word-break:break-all;";
    public const string Block = "margin:0 0 16px;";
    public const string Term = "margin:0;font-weight:bold;";
    public const string Definition = "margin:0 0 12px;padding-left:16px;";

    public const string Facts = "margin:0 0 20px;padding:12px;background:#f4f8f5;border-radius:6px;font-size:14px;line-height:1.7;";
    public const string Fact = "margin:0;";
    public const string Card = "margin:0 0 12px;padding:12px;border:1px solid " + Line + ";border-radius:6px;";
    public const string CardTitle = "margin:0 0 6px;font-size:16px;font-weight:bold;line-height:1.5;color:" + Green + ";";
    public const string CardText = "margin:0;font-size:14px;line-height:1.7;";
    public const string Footer = "margin:28px 0 0;padding:16px 0 0;border-top:1px solid " + Line + ";text-align:center;font-size:14px;color:#555555;";
    public const string FooterText = "margin:0 0 8px;";
    public const string FooterUrl = "margin:0 0 8px;color:" + LinkColor + ";word-break:break-all;";
    public const string Qr = "display:block;width:160px;height:160px;margin:8px auto;";
    public const string FooterHint = "margin:0;font-size:13px;color:" + Muted + ";";
}
