namespace CasPS.Tests.Help;

/// <summary>
/// A platyPS 0.14 page exercising everything the compiler reads: two parameter sets (the default
/// one marked), a parameter whose Required/Position differ per set (two yaml blocks), a switch,
/// accepted values, aliases, pipeline input, XML-special characters, and all the sections.
/// </summary>
public static class SamplePage
{
    public const string FileName = "Get-Widget.md";

    public const string Text = """
        ---
        external help file: Widget.dll-Help.xml
        Module Name: Widget
        online version: https://example.com/get-widget
        schema: 2.0.0
        ---

        # Get-Widget

        ## SYNOPSIS
        Gets widgets & their <parts>.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Widget [-Name] <String> [-Kind <String>] [-Force] [<CommonParameters>]
        ```

        ### ByPath
        ```
        Get-Widget -Path <String> [-Name <String>]
         [-Kind <String>] [<CommonParameters>]
        ```

        ## DESCRIPTION
        First paragraph
        spanning two lines.

        - item one
        - item two

        ## EXAMPLES

        ### Example 1: Get one
        Intro text.

        ```powershell
        Get-Widget -Name "a<b>" | Where-Object { $_ -and $true }
        # a comment that looks like a heading
        ```

        Remark one.

        Remark two.

        ### Example 2: Two blocks
        ```powershell
        Get-Widget -Path ./w
        ```
        ```output
        Name Kind
        ```

        Trailing remark.

        ## PARAMETERS

        ### -Name
        Name description.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases: N, WidgetName

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: True
        ```

        ```yaml
        Type: String
        Parameter Sets: ByPath
        Aliases: N, WidgetName

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: True
        ```

        ### -Path
        Path description.

        ```yaml
        Type: String
        Parameter Sets: ByPath
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Kind
        Kind description.

        ```yaml
        Type: String
        Parameter Sets: (All)
        Aliases:
        Accepted values: Small, Large

        Required: False
        Position: Named
        Default value: Small & "quoted"
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Force
        Force description.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: ByName
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        Names.

        ## OUTPUTS

        ### Widget.Item
        A widget.

        ## NOTES
        Note one.

        ## RELATED LINKS

        [Get-Gadget]()

        [Docs](https://example.com/docs?a=1&b=2)
        """;

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>, after the first line containing <paramref name="after"/>.</summary>
    public static int LineOf(string page, string marker, string after = null)
    {
        var lines = page.Replace("\r\n", "\n").Split('\n');
        var start = after == null ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        Assert.True(start >= 0, "no line contains " + after);
        var i = Array.FindIndex(lines, start, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(i >= 0, "no line contains " + marker);
        return i + 1;
    }
}
