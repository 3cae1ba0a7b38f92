using System.Globalization;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// Reads the aggregates the triggers of migration <c>SummaryAggregates</c> keep: counted votes and comments per
/// consultation and UTC day (<c>SummaryDays</c>), and each account's counted contributions per consultation
/// (<c>SummaryParticipants</c>). Both hold what a direct query of the rows gives (the tests compare them after every
/// kind of change); reading them costs a few rows instead of a scan of every vote.
/// </summary>
public sealed class SummaryTables(BylabDbContext db)
{
    public sealed record Day(DateOnly Date, int Votes, int Comments);

    private sealed record DayRow(string Day, int Votes, int Comments);

    private sealed record GroupRow(int? AgeGroup, int? MunicipalityPart, int N);

    public async Task<List<Day>> DaysAsync(int consultationId, CancellationToken ct) =>
        (await db.Database.SqlQuery<DayRow>(
                $"SELECT Day, Votes, Comments FROM SummaryDays WHERE ConsultationId = {consultationId} AND (Votes <> 0 OR Comments <> 0)")
            .ToListAsync(ct))
        .Select(d => new Day(DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Votes, d.Comments))
        .ToList();

    /// <summary>
    /// Distinct accounts that wrote a counted idea or comment or voted for a counted idea. A deleted account's
    /// contributions stay (anonymous) in the other figures but cannot be told apart, so they are not participants.
    /// </summary>
    public Task<int> ParticipantsAsync(int consultationId, CancellationToken ct) =>
        db.Database.SqlQuery<int>(
                $"SELECT COUNT(*) AS Value FROM SummaryParticipants WHERE ConsultationId = {consultationId} AND Uses > 0")
            .SingleAsync(ct);

    /// <summary>Participants who chose to tell, by age group and part of the municipality; small groups merged (<see cref="Demographics.Merged"/>).</summary>
    public async Task<DemographicFigures> DemographicsAsync(int consultationId, CancellationToken ct)
    {
        var pairs = await db.Database.SqlQuery<GroupRow>($"""
            SELECT u.AgeGroup, u.MunicipalityPart, COUNT(*) AS N
            FROM SummaryParticipants p JOIN AspNetUsers u ON u.Id = p.UserId
            WHERE p.ConsultationId = {consultationId} AND p.Uses > 0 AND u.DemographicsConsentedAt IS NOT NULL
            GROUP BY u.AgeGroup, u.MunicipalityPart
            """).ToListAsync(ct);
        return new DemographicFigures(pairs.Sum(p => p.N),
            Demographics.Merged(pairs.Where(p => p.AgeGroup != null).GroupBy(p => (AgeGroup)p.AgeGroup!.Value)
                .Select(g => new GroupCount(g.Key.ToString(), g.Sum(p => p.N)))),
            Demographics.Merged(pairs.Where(p => p.MunicipalityPart != null).GroupBy(p => (MunicipalityPart)p.MunicipalityPart!.Value)
                .Select(g => new GroupCount(g.Key.ToString(), g.Sum(p => p.N)))));
    }
}
