using System.Globalization;
using Bunit;
using Bylab.Core.Venue;
using Bylab.Web.Features.Bookings.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Components;

/// <summary>The venue month: on a phone (a list) the current month starts at today, and says where the days already over are.</summary>
public sealed class VenueMonthTests : BunitContext
{
    private static readonly DateOnly Today = new(2026, 12, 15);

    public VenueMonthTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nb");
    }

    private IRenderedComponent<VenueMonth> RenderMonth(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var space = new Space { Id = 1, Name = "Hele lokalet", MinNoticeHours = 72, MaxDaysAhead = 180 };
        var days = Enumerable.Range(0, last.Day).Select(i => first.AddDays(i))
            .Select(d => new AgendaDay(new VenueDay(d, new TimeOnly(8, 0), new TimeOnly(22, 0), null), [], [], IsPast: d < Today))
            .ToList();
        var agenda = new VenueAgendaModel(new Venue { Name = "Bylab Hamar" }, [space], space, first, last, days);
        return Render<VenueMonth>(p => p.Add(x => x.Agenda, agenda).Add(x => x.Caption, "desember 2026")
            .Add(x => x.WeekHref, d => $"/uke/{d:yyyy-MM-dd}").Add(x => x.Today, Today));
    }

    [Fact]
    public void TheCurrentMonthMarksTheDaysOverSoAPhoneStartsAtTodayAndSaysWhereTheyAre()
    {
        var cut = RenderMonth(2026, 12);

        Assert.Contains("venue-month--from-today", cut.Find("table").ClassList);
        Assert.Equal(14, cut.FindAll("td.venue-month__past").Count);
        Assert.DoesNotContain("venue-month__past", cut.Find("td[aria-current=date]").ClassList);
        Assert.Contains("Se ukevisningen", cut.Find(".venue-month__past-note").TextContent);
    }

    [Fact]
    public void AMonthThatIsOverIsShownWhole()
    {
        var cut = RenderMonth(2026, 11);

        Assert.DoesNotContain("venue-month--from-today", cut.Find("table").ClassList);
        Assert.Empty(cut.FindAll(".venue-month__past-note"));
    }
}
