using System.Text;
using Bylab.Core.Events;
using Bylab.Web.Features.Organise;
using Microsoft.Extensions.Localization;

namespace Bylab.Tests.Web.Organise;

/// <summary>The CSV writer keeps one participant on one line and every formula as text, whatever was stored.</summary>
public sealed class ParticipantCsvSafetyTests
{
    private sealed class KeyLocalizer : IStringLocalizer<OrganiseResource>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void ANameWithLineBreaksStaysInOneCellOnOneLine()
    {
        var row = new ParticipantRow(1, RegistrationStatus.Confirmed, "Kari\r\n=HYPERLINK(\"https://evil.example\")", "kari@example.org\r\n",
            0, "Rullestol\r\nog tolk", "=1+1", "ABCDEFGH", new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc), null, null, true);

        var text = Encoding.UTF8.GetString(ParticipantCsv.Write([row], new KeyLocalizer())).TrimStart('\uFEFF');

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var cells = lines[1].Split(';');
        Assert.Equal("Kari =HYPERLINK(\"\"https://evil.example\"\")", cells[0].Trim('"'));
        Assert.Equal("kari@example.org", cells[1]);
        Assert.Equal("Rullestol og tolk", cells[5]);
        Assert.Equal("'=1+1", cells[6].Trim('"'));
    }
}
