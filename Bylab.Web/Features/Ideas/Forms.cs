using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>An idea as written in the submit and edit forms. <see cref="Step"/> is the button pressed: preview, edit or submit.</summary>
public sealed class IdeaForm
{
    public string? Title { get; set; }
    public string? BodyMarkdown { get; set; }
    public int? ThemeId { get; set; }
    public List<string> Principles { get; set; } = [];
    public List<int> Goals { get; set; } = [];
    public string? PlaceName { get; set; }
    public string? Step { get; set; }
    /// <summary>The honeypot (_Honeypot.cshtml): people leave it empty.</summary>
    public string? Nettside { get; set; }

    public IdeaContent ToContent() => new(Title, BodyMarkdown, ThemeId, Principles, Goals, PlaceName);
}

public sealed class IdeaFormValidator : AbstractValidator<IdeaForm>
{
    public IdeaFormValidator(IStringLocalizer<IdeasResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Validation.TitleRequired"])
            .Must(t => t!.Trim().Length <= Idea.TitleMaxLength).WithMessage(_ => l["Validation.TitleTooLong", Idea.TitleMaxLength])
            .SingleLine(shared);
        RuleFor(f => f.BodyMarkdown).Cascade(CascadeMode.Stop)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => l["Validation.BodyRequired"])
            .Must(b => b!.Trim().Length <= Idea.BodyMaxLength).WithMessage(_ => l["Validation.BodyTooLong", Idea.BodyMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.ThemeId).NotNull().WithMessage(_ => l["Validation.ThemeRequired"]);
        RuleFor(f => f.Principles).Must(p => p.Count <= RoadmapPrinciples.All.Count && p.All(RoadmapPrinciples.IsKnown))
            .WithMessage(_ => l["Validation.PrinciplesUnknown"]);
        RuleFor(f => f.Goals).Must(g => g.Count <= SustainableDevelopmentGoals.All.Count && g.All(SustainableDevelopmentGoals.IsKnown))
            .WithMessage(_ => l["Validation.GoalsUnknown"]);
        RuleFor(f => f.PlaceName).Cascade(CascadeMode.Stop).Must(p => (p?.Trim().Length ?? 0) <= Idea.PlaceNameMaxLength)
            .WithMessage(_ => l["Validation.PlaceTooLong", Idea.PlaceNameMaxLength])
            .SingleLine(shared);
    }
}

/// <summary>A comment, or with <see cref="ParentId"/> a reply to a top-level comment.</summary>
public sealed class CommentForm
{
    public string? Body { get; set; }
    public int? ParentId { get; set; }
    /// <summary>The honeypot (_Honeypot.cshtml): people leave it empty.</summary>
    public string? Nettside { get; set; }
}

public sealed class CommentFormValidator : AbstractValidator<CommentForm>
{
    public CommentFormValidator(IStringLocalizer<IdeasResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Body).Cascade(CascadeMode.Stop)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => l["Validation.CommentRequired"])
            .Must(b => b!.Trim().Length <= Comment.BodyMaxLength).WithMessage(_ => l["Validation.CommentTooLong", Comment.BodyMaxLength])
            .NoControlCharacters(shared);
    }
}

/// <summary>What the submit, preview and edit pages show around the form (in ViewData["Page"]; the form itself is the model, so field names bind as they are).</summary>
/// <param name="IdeaId">Set when editing.</param>
/// <param name="MinutesLeft">How long the author may still edit, when editing.</param>
public sealed record IdeaFormModel(
    ConsultationDetails Consultation,
    IReadOnlyList<Theme> Themes,
    int? IdeaId = null,
    string? IdeaSlug = null,
    int? MinutesLeft = null,
    string? IdeaTitle = null);

public sealed record IdeaPreviewModel(IdeaFormModel Page, IdeaForm Form, IReadOnlyList<SimilarIdea> Similar, string PreviewHtml);

/// <summary>Around the comment edit form (in ViewData["Comment"]).</summary>
public sealed record CommentDeleteModel(int CommentId, string BodyMarkdown, DateTime CreatedAt, string IdeaSlug, string IdeaTitle);

public sealed record CommentEditModel(int CommentId, string IdeaSlug, string IdeaTitle, int MinutesLeft);
