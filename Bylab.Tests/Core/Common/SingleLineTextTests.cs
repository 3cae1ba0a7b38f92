using Bylab.Core.Common;

namespace Bylab.Tests.Core.Common;

public sealed class SingleLineTextTests
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
    public void LineBreaksAndControlCharactersAreNotSingleLine(string text) => Assert.False(SingleLineText.IsValid(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Øystein Ås – «Hamar mot 2030»: \"sitat\"; komma, kolon")]
    public void OrdinaryTextIsSingleLine(string? text) => Assert.True(SingleLineText.IsValid(text));

    [Fact]
    public void MultiLineTextMayBreakLinesButNotHideControlCharacters()
    {
        Assert.True(SingleLineText.IsValidMultiLine("Første linje\r\nAndre\tlinje"));
        Assert.False(SingleLineText.IsValidMultiLine("Tekst\u0000med NUL"));
        Assert.False(SingleLineText.IsValidMultiLine("\u001b[2J"));
    }

    [Fact]
    public void FlattenPutsEverythingOnOneLine() =>
        Assert.Equal("Kari Nordmann Klikk her", SingleLineText.Flatten(" Kari\r\n\r\nNordmann\u2028\tKlikk her\n"));
}
