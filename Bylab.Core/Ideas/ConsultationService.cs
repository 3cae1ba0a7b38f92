using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Ideas;

/// <summary>
/// What staff write for a consultation. Times are UTC: the web layer converts what staff type
/// (Europe/Oslo) with <see cref="Time.OsloTime.ToUtc"/>.
/// </summary>
public sealed record ConsultationInput(
    string? Title,
    string? DescriptionMarkdown,
    int ThemeId,
    DateTime OpensAt,
    DateTime IdeasCloseAt,
    DateTime ClosesAt,
    int? MaxVotesPerPerson = null,
    bool RequiresVerifiedAccount = false);

public enum ConcludeOutcome { Concluded, NotFound, AlreadyConcluded, NotClosedYet }

/// <summary>Staff create, edit and conclude consultations. The slug is made once, from the first title.</summary>
public sealed class ConsultationService(BylabDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>The stored consultation as staff edit it (its own vote limit, not the default), or null.</summary>
    public Task<Consultation?> GetForEditAsync(int id, CancellationToken ct = default) =>
        db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<SaveResult> CreateAsync(Actor staff, ConsultationInput input, CancellationToken ct = default)
    {
        var invalid = await ValidateAsync(input, ct);
        if (invalid.Count > 0)
        {
            return SaveResult.Invalid(invalid);
        }
        var consultation = new Consultation
        {
            Slug = await UniqueSlugAsync(input.Title!, ct),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(consultation, input);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        audit.Add(staff, IdeaAuditActions.ConsultationCreated, "consultation", consultation.Id.ToString(), consultation.Title);
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, consultation.Id, consultation.Slug);
    }

    public async Task<SaveResult> UpdateAsync(Actor staff, int id, ConsultationInput input, CancellationToken ct = default)
    {
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return SaveResult.NotFound;
        }
        var invalid = await ValidateAsync(input, ct);
        if (invalid.Count > 0)
        {
            return SaveResult.Invalid(invalid);
        }
        Apply(consultation, input);
        audit.Add(staff, IdeaAuditActions.ConsultationUpdated, "consultation", consultation.Id.ToString(),
            $"{consultation.Title}; {consultation.OpensAt:O} – {consultation.IdeasCloseAt:O} – {consultation.ClosesAt:O}");
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, consultation.Id, consultation.Slug);
    }

    /// <summary>Marks a closed consultation as concluded (the municipality has answered); it is read-only from then on.</summary>
    public async Task<ConcludeOutcome> ConcludeAsync(Actor staff, int id, CancellationToken ct = default)
    {
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return ConcludeOutcome.NotFound;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var phase = consultation.PhaseAt(now);
        if (phase == ConsultationPhase.Concluded)
        {
            return ConcludeOutcome.AlreadyConcluded;
        }
        if (phase != ConsultationPhase.Closed)
        {
            return ConcludeOutcome.NotClosedYet;
        }
        consultation.ConcludedAt = now;
        audit.Add(staff, IdeaAuditActions.ConsultationConcluded, "consultation", consultation.Id.ToString(), consultation.Title);
        await db.SaveChangesAsync(ct);
        return ConcludeOutcome.Concluded;
    }

    private async Task<List<string>> ValidateAsync(ConsultationInput input, CancellationToken ct)
    {
        var invalid = new List<string>();
        if (input.Title?.Trim() is not { Length: > 0 and <= Consultation.TitleMaxLength } title || Slugs.From(title).Length == 0 || !TextRule.IsOneLine(title))
        {
            invalid.Add(nameof(ConsultationInput.Title));
        }
        if (input.DescriptionMarkdown?.Trim() is not { Length: > 0 and <= Consultation.DescriptionMaxLength } description || !TextRule.IsPlainText(description))
        {
            invalid.Add(nameof(ConsultationInput.DescriptionMarkdown));
        }
        if (!await db.Themes.AnyAsync(t => t.Id == input.ThemeId, ct))
        {
            invalid.Add(nameof(ConsultationInput.ThemeId));
        }
        if (input.IdeasCloseAt < input.OpensAt)
        {
            invalid.Add(nameof(ConsultationInput.IdeasCloseAt));
        }
        if (input.ClosesAt < input.IdeasCloseAt || input.ClosesAt <= input.OpensAt)
        {
            invalid.Add(nameof(ConsultationInput.ClosesAt));
        }
        if (input.MaxVotesPerPerson is < 1 or > 1000)
        {
            invalid.Add(nameof(ConsultationInput.MaxVotesPerPerson));
        }
        return invalid;
    }

    private static void Apply(Consultation consultation, ConsultationInput input)
    {
        consultation.Title = input.Title!.Trim();
        consultation.DescriptionMarkdown = input.DescriptionMarkdown!.Trim();
        consultation.ThemeId = input.ThemeId;
        consultation.OpensAt = AsUtc(input.OpensAt);
        consultation.IdeasCloseAt = AsUtc(input.IdeasCloseAt);
        consultation.ClosesAt = AsUtc(input.ClosesAt);
        consultation.MaxVotesPerPerson = input.MaxVotesPerPerson;
        consultation.RequiresVerifiedAccount = input.RequiresVerifiedAccount;
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => throw new ArgumentException("Consultation times must be UTC; convert Oslo wall-clock times with OsloTime.ToUtc first."),
    };

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var baseSlug = Slugs.From(title, 90);
        var slug = baseSlug;
        for (var n = 2; await db.Consultations.AnyAsync(c => c.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }
}
