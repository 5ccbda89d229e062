using EcoSite.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoSite.Core.Content.Yaml;

internal abstract record YNode(SourcePos Start);

/// <summary>A scalar; <see cref="Plain"/> is false for quoted or block scalars, which are always text.</summary>
internal sealed record YScalar(SourcePos Start, string Value, bool Plain) : YNode(Start)
{
    /// <summary>A literal (|) or folded (&gt;) block scalar: its text starts on the line after <see cref="YNode.Start"/>.</summary>
    public bool Block { get; init; }

    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YMap(SourcePos Start, IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries) : YNode(Start);

internal sealed record YSeq(SourcePos Start, IReadOnlyList<YNode> Items) : YNode(Start);

/// <summary>
/// Builds a small node tree from YamlDotNet's event parser (no reflection, so it also works under Native AOT).
/// Positions are shifted by <c>lineOffset</c> so that front matter reports lines of the real file.
/// Bounded: nesting deeper than <see cref="MaxDepth"/> or aliases expanding to more than
/// <see cref="MaxExpandedNodes"/> nodes (a "billion laughs" file) are rejected before anything is built from them.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = 64;
    public const int MaxExpandedNodes = 100_000;

    public static YNode? Parse(string text, string relPath, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        if (TabIndent(text) is { } tabLine)
        {
            diagnostics.Add(Codes.YamlSyntax, relPath, new SourcePos(tabLine + lineOffset, 1),
                "this line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (two per level).");
            return null;
        }
        if (FullWidthSyntax.Find(text) is { } fullWidth)
        {
            diagnostics.Add(Codes.YamlSyntax, relPath, new SourcePos(fullWidth.Line + lineOffset, fullWidth.Column), fullWidth.Message);
            return null;
        }
        var last = new SourcePos(1 + lineOffset, 1);
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (YNode Node, long Size)>(StringComparer.Ordinal);
        YNode? root = null;
        long expanded = 0;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var pos = new SourcePos((int)ev.Start.Line + lineOffset, (int)ev.Start.Column);
                last = pos;
                switch (ev)
                {
                    case StreamStart or StreamEnd or DocumentEnd:
                        break;
                    case DocumentStart:
                        if (root != null)
                        {
                            diagnostics.Add(Codes.YamlSyntax, relPath, pos, "the file holds more than one YAML document ('---'); keep one document per file.");
                            return null;
                        }
                        break;
                    case MappingStart ms:
                        if (stack.Count >= MaxDepth) return TooComplex(relPath, pos, diagnostics, $"nesting is deeper than {MaxDepth} levels");
                        stack.Push(new Frame(pos, ms.Anchor.IsEmpty ? null : ms.Anchor.Value, expanded, true));
                        expanded++;
                        break;
                    case SequenceStart ss:
                        if (stack.Count >= MaxDepth) return TooComplex(relPath, pos, diagnostics, $"nesting is deeper than {MaxDepth} levels");
                        stack.Push(new Frame(pos, ss.Anchor.IsEmpty ? null : ss.Anchor.Value, expanded, false));
                        expanded++;
                        break;
                    case MappingEnd or SequenceEnd:
                    {
                        var frame = stack.Pop();
                        YNode node = frame.IsMap ? new YMap(frame.Pos, frame.Entries) : new YSeq(frame.Pos, frame.Items);
                        if (frame.Anchor != null) anchors[frame.Anchor] = (node, expanded - frame.CountAtStart);
                        if (!Add(stack, node, relPath, diagnostics)) return null;
                        if (stack.Count == 0) root = node;
                        break;
                    }
                    case Scalar sc:
                    {
                        expanded++;
                        // Raw control characters were refused when the file was read; an escape ("\x01", "\e") makes them here.
                        if (ControlCharacters.IndexOf(sc.Value) is var bad and >= 0)
                        {
                            diagnostics.Add(Codes.ControlCharacter, relPath, pos,
                                $"this text holds the invisible character {ControlCharacters.Describe(sc.Value, bad)}, written as an escape; remove the escape.");
                            return null;
                        }
                        var node = new YScalar(pos, sc.Value, sc.Style == ScalarStyle.Plain && sc.Tag.IsEmpty) { Block = sc.Style is ScalarStyle.Literal or ScalarStyle.Folded };
                        if (!sc.Anchor.IsEmpty) anchors[sc.Anchor.Value] = (node, 1);
                        if (!Add(stack, node, relPath, diagnostics)) return null;
                        if (stack.Count == 0) root = node;
                        break;
                    }
                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            diagnostics.Add(Codes.YamlSyntax, relPath, pos, $"the alias *{alias.Value.Value} names no anchor defined before it.");
                            return null;
                        }
                        expanded += target.Size;
                        if (expanded > MaxExpandedNodes)
                            return TooComplex(relPath, pos, diagnostics, $"aliases expand to more than {MaxExpandedNodes:N0} values");
                        if (!Add(stack, target.Node, relPath, diagnostics)) return null;
                        if (stack.Count == 0) root = target.Node;
                        break;
                    }
                }
                if (expanded > MaxExpandedNodes)
                    return TooComplex(relPath, pos, diagnostics, $"the file holds more than {MaxExpandedNodes:N0} values");
            }
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + lineOffset;
            diagnostics.Add(Codes.YamlSyntax, relPath, new SourcePos(Math.Max(1, line), Math.Max(1, (int)e.Start.Column)),
                $"{Describe(e)} Check indentation (spaces, not tabs), colons followed by a space, and quotes around text that contains ': ' or starts with a special character.{FullWidthSyntax.Hint(LineAt(text, (int)e.Start.Line))}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet throws these for some malformed input (e.g. an unclosed flow map at the end of the file).
            diagnostics.Add(Codes.YamlSyntax, relPath, last,
                "the YAML after this point cannot be read; check for an unclosed '{', '[' or quote.");
            return null;
        }
        return root;
    }

    /// <summary>The 1-based line of the first line whose indentation contains a tab, if any.</summary>
    private static string LineAt(string text, int line)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1] : "";
    }

    private static int? TabIndent(string text)
    {
        var line = 1;
        var atStart = true;
        foreach (var c in text)
        {
            if (c == '\n') { line++; atStart = true; continue; }
            if (!atStart) continue;
            if (c == '\t') return line;
            if (c != ' ') atStart = false;
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet 18 keeps the location out of the message (only ToString prefixes "(Line: …) - (Line: …): "):
        // YamlLibraryMessageTests holds it to that, as the location is printed separately.
        var message = LibraryText.YamlError(e.Message).Trim();
        if (!message.EndsWith('.')) message += ".";
        return char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static YNode? TooComplex(string relPath, SourcePos pos, DiagnosticBag diagnostics, string what)
    {
        diagnostics.Add(Codes.YamlTooComplex, relPath, pos, $"{what}; content files are plain data, write the values out without anchors and aliases.");
        return null;
    }

    private static bool Add(Stack<Frame> stack, YNode node, string relPath, DiagnosticBag diagnostics)
    {
        if (stack.Count == 0) return true;
        var parent = stack.Peek();
        if (!parent.IsMap)
        {
            parent.Items.Add(node);
            return true;
        }
        if (parent.PendingKey is null)
        {
            if (node is not YScalar key)
            {
                diagnostics.Add(Codes.YamlSyntax, relPath, node.Start, "a key must be plain text, not a list or a map.");
                return false;
            }
            // A set, not a scan of the entries so far: a map of n keys is checked in linear time.
            if (!parent.Keys.TryAdd(key.Value, key.Start))
            {
                diagnostics.Add(Codes.DuplicateKey, relPath, key.Start,
                    $"'{key.Value}' is given twice in the same map (first at line {parent.Keys[key.Value].Line}); keep one.");
                return false;
            }
            parent.PendingKey = key;
        }
        else
        {
            parent.Entries.Add(new(parent.PendingKey, node));
            parent.PendingKey = null;
        }
        return true;
    }

    private sealed class Frame(SourcePos pos, string? anchor, long countAtStart, bool isMap)
    {
        public SourcePos Pos { get; } = pos;
        public string? Anchor { get; } = anchor;
        public long CountAtStart { get; } = countAtStart;
        public bool IsMap { get; } = isMap;
        public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];
        public Dictionary<string, SourcePos> Keys { get; } = new(StringComparer.Ordinal);
        public List<YNode> Items { get; } = [];
        public YScalar? PendingKey { get; set; }
    }
}
