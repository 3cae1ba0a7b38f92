using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Ideas;

/// <summary>What staff write about one goal of «Hamar mot 2030». Optional texts may be null or empty.</summary>
public sealed record ThemeInput(string? Title, string? Description, string? WhereAreWe = null, string? WhereDoWeWantToGo = null,
    string? HowDoWeGetThere = null, int SortOrder = 0);

public enum SaveOutcome { Saved, InvalidInput, NotFound }

/// <param name="Id">The saved row's id when <see cref="SaveOutcome.Saved"/>.</param>
/// <param name="InvalidFields">Names of input properties that were refused.</param>
public sealed record SaveResult(SaveOutcome Outcome, int? Id = null, string? Slug = null, IReadOnlyList<string>? InvalidFields = null)
{
    public static SaveResult Invalid(IReadOnlyList<string> fields) => new(SaveOutcome.InvalidInput, InvalidFields: fields);
    public static readonly SaveResult NotFound = new(SaveOutcome.NotFound);
}

/// <summary>Staff maintain the strategy's themes. The slug is made once, from the first title, so links keep working.</summary>
public sealed class ThemeService(BylabDbContext db, AuditLog audit)
{
    public Task<List<Theme>> ListAsync(CancellationToken ct = default) =>
        db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Title).ToListAsync(ct);

    public Task<Theme?> GetAsync(int id, CancellationToken ct = default) =>
        db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    public async Task<SaveResult> CreateAsync(Actor staff, ThemeInput input, CancellationToken ct = default)
    {
        var invalid = Validate(input);
        if (invalid.Count > 0)
        {
            return SaveResult.Invalid(invalid);
        }
        var theme = new Theme { Slug = await UniqueSlugAsync(input.Title!, ct) };
        Apply(theme, input);
        db.Themes.Add(theme);
        await db.SaveChangesAsync(ct);
        audit.Add(staff, IdeaAuditActions.ThemeCreated, "theme", theme.Id.ToString(), theme.Title);
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, theme.Id, theme.Slug);
    }

    public async Task<SaveResult> UpdateAsync(Actor staff, int id, ThemeInput input, CancellationToken ct = default)
    {
        var invalid = Validate(input);
        if (invalid.Count > 0)
        {
            return SaveResult.Invalid(invalid);
        }
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (theme is null)
        {
            return SaveResult.NotFound;
        }
        Apply(theme, input);
        audit.Add(staff, IdeaAuditActions.ThemeUpdated, "theme", theme.Id.ToString(), theme.Title);
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, theme.Id, theme.Slug);
    }

    private static List<string> Validate(ThemeInput input)
    {
        var invalid = new List<string>();
        if (input.Title?.Trim() is not { Length: > 0 and <= Theme.TitleMaxLength } title || Slugs.From(title).Length == 0 || !TextRule.IsOneLine(title))
        {
            invalid.Add(nameof(ThemeInput.Title));
        }
        if (input.Description?.Trim() is not { Length: > 0 and <= Theme.DescriptionMaxLength } description || !TextRule.IsPlainText(description))
        {
            invalid.Add(nameof(ThemeInput.Description));
        }
        if ((input.WhereAreWe?.Trim().Length ?? 0) > Theme.QuestionMaxLength || !TextRule.IsPlainText(input.WhereAreWe))
        {
            invalid.Add(nameof(ThemeInput.WhereAreWe));
        }
        if ((input.WhereDoWeWantToGo?.Trim().Length ?? 0) > Theme.QuestionMaxLength || !TextRule.IsPlainText(input.WhereDoWeWantToGo))
        {
            invalid.Add(nameof(ThemeInput.WhereDoWeWantToGo));
        }
        if ((input.HowDoWeGetThere?.Trim().Length ?? 0) > Theme.QuestionMaxLength || !TextRule.IsPlainText(input.HowDoWeGetThere))
        {
            invalid.Add(nameof(ThemeInput.HowDoWeGetThere));
        }
        return invalid;
    }

    private static void Apply(Theme theme, ThemeInput input)
    {
        theme.Title = input.Title!.Trim();
        theme.Description = input.Description!.Trim();
        theme.WhereAreWe = Clean(input.WhereAreWe);
        theme.WhereDoWeWantToGo = Clean(input.WhereDoWeWantToGo);
        theme.HowDoWeGetThere = Clean(input.HowDoWeGetThere);
        theme.SortOrder = input.SortOrder;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var baseSlug = Slugs.From(title, 70);
        var slug = baseSlug;
        for (var n = 2; await db.Themes.AnyAsync(t => t.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }
}
