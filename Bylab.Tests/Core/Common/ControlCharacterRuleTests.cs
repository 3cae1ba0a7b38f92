using Bylab.Core.Common;

namespace Bylab.Tests.Core.Common;

/// <summary>
/// The one control-character rule (<see cref="TextRule"/>), which forms and Core guards share, and the writers' side of
/// it (<see cref="SingleLineText"/>).
/// </summary>
public sealed class ControlCharacterRuleTests
{
    [Theory]
    [InlineData("Kari\r\nNordmann")]
    [InlineData("Kari\nNordmann")]
    [InlineData("Kari\rNordmann")]
    [InlineData("Kari\tNordmann")]
    [InlineData("Kari\u0000")]
    [InlineData("\u001b[31mrød")]
    [InlineData("Kari\u2028Nordmann")]
    [InlineData("Kari\u0085Nordmann")]
    public void LineBreaksAndControlCharactersAreNotSingleLine(string text) => Assert.False(TextRule.IsOneLine(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Øystein Ås – «Hamar mot 2030»: \"sitat\"; komma, kolon")]
    public void OrdinaryTextIsSingleLine(string? text) => Assert.True(TextRule.IsOneLine(text));

    [Fact]
    public void MultiLineTextMayBreakLinesButNotHideControlCharacters()
    {
        Assert.True(TextRule.IsPlainText("Første linje\r\nAndre\tlinje"));
        Assert.False(TextRule.IsPlainText("Tekst\u0000med NUL"));
        Assert.False(TextRule.IsPlainText("\u001b[2J"));
    }

    [Fact]
    public void EveryTextRuleRefusesWhatItsKindOfTextMayNotHold()
    {
        var name = new TextRule("Name", 100, Required: true);
        var description = new TextRule("Description", 100, MultiLine: true);
        var url = new TextRule("Url", 100, Format: TextFormat.WebAddress);

        Assert.Equal(FieldErrors.NotOneLine, name.Check("Kari\r\nBcc: alle@example.org"));
        Assert.Null(name.Check("  Kari Nordmann  "));
        Assert.Null(description.Check("Første linje\nAndre linje"));
        Assert.Equal(FieldErrors.ControlCharacters, description.Check("Tekst\u0007"));
        // The line break is named before the address's own rule (it would call it a bad address).
        Assert.Equal(FieldErrors.NotOneLine, url.Check("https://video.example.org/\u001bmote"));
        // Length first: a text too long is too long, whatever it holds.
        Assert.Equal(FieldErrors.TooLong, name.Check(new string('a', 99) + "\n" + "bc"));
    }

    [Fact]
    public void FlattenPutsEverythingOnOneLine() =>
        Assert.Equal("Kari Nordmann Klikk her", SingleLineText.Flatten(" Kari\r\n\r\nNordmann\u2028\tKlikk her\n"));
}
