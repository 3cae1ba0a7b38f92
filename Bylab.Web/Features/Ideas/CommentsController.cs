using Bylab.Core.Data;
using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Ideas;

/// <summary>Comments and one level of replies; the author edits within the window or deletes (the text goes, the place stays).</summary>
[Route("ideer")]
public sealed class CommentsController(
    CommentService comments,
    IdeaQueries queries,
    BylabDbContext db,
    IOptions<IdeaOptions> options,
    TimeProvider time,
    IStringLocalizer<IdeasResource> l,
    IStringLocalizer<SharedResource> shared,
    Microsoft.Extensions.Options.IOptions<Bylab.Core.Moderation.ModerationOptions> moderation) : Controller
{
    [HttpPost("{id:int}/kommentarer")]
    public async Task<IActionResult> Add(int id, CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.UserId(), ct) is not { } idea)
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(form.Nettside))
        {
            // The honeypot was filled: a script. Nothing is stored, and the answer does not say why.
            TempData["Problem"] = shared["Honeypot.Refused"].Value;
            return Redirect(IdeaPaths.Idea(idea.Slug) + "#kommentarer");
        }
        if (!ModelState.Validate(validator, form))
        {
            // The idea page again, with the message and the text kept in the form that was used.
            ViewData["CommentForm"] = form;
            return View("Details", idea);
        }
        var result = await comments.AddAsync(User.UserId(), id, form.ParentId, form.Body, ct);
        switch (result.Outcome)
        {
            case AddCommentOutcome.NotFound:
                return NotFound();
            case AddCommentOutcome.TooMany:
                // The limit is reached: say so on the field, with the text kept, as a validation message would.
                ModelState.AddModelError(nameof(CommentForm.Body), l["Comment.TooMany", moderation.Value.CommentsPerHour]);
                ViewData["CommentForm"] = form;
                return View("Details", idea);
            case AddCommentOutcome.Added when result.Held:
                TempData["Message"] = l["Comment.Held"].Value;
                return Redirect(IdeaPaths.Idea(idea.Slug) + "#kommentar-" + result.CommentId);
            case AddCommentOutcome.Added:
                TempData["Message"] = l["Comment.Added"].Value;
                return Redirect(IdeaPaths.Idea(idea.Slug) + "#kommentar-" + result.CommentId);
            default:
                TempData["Problem"] = l["Comment." + result.Outcome].Value;
                return Redirect(IdeaPaths.Idea(idea.Slug) + "#kommentarer");
        }
    }

    [HttpGet("kommentarer/{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        if (found.Comment.AuthorId != User.UserId())
        {
            return Forbid();
        }
        if (!found.Comment.CanEdit(User.UserId(), Now, options.Value.EditWindow))
        {
            TempData["Problem"] = l["Comment.WindowClosed"].Value;
            return Redirect(IdeaPaths.Idea(found.Slug) + "#kommentar-" + id);
        }
        return EditView(found, new CommentForm { Body = found.Comment.BodyMarkdown });
    }

    [HttpPost("kommentarer/{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        // Who may edit is settled before the input is looked at: a stranger never gets the form back.
        if (found.Comment.AuthorId != User.UserId())
        {
            return Forbid();
        }
        if (!ModelState.Validate(validator, form))
        {
            return EditView(found, form);
        }
        switch (await comments.EditAsync(User.UserId(), id, form.Body, ct))
        {
            case EditCommentOutcome.NotFound:
                return NotFound();
            case EditCommentOutcome.NotAuthor:
                return Forbid();
            case EditCommentOutcome.InvalidInput:
                ModelState.AddModelError(nameof(CommentForm.Body), l["Validation.CommentRequired"]);
                return EditView(found, form);
            case var outcome:
                TempData[outcome == EditCommentOutcome.Edited ? "Message" : "Problem"] = l["Comment." + outcome].Value;
                return Redirect(IdeaPaths.Idea(found.Slug) + "#kommentar-" + id);
        }
    }

    /// <summary>Asks before deleting: a page of its own, so the question works without JavaScript.</summary>
    [HttpGet("kommentarer/{id:int}/slett")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        if (found.Comment.AuthorId != User.UserId())
        {
            return Forbid();
        }
        return View("DeleteComment", new CommentDeleteModel(found.Comment.Id, found.Comment.BodyMarkdown, found.Comment.CreatedAt, found.Slug, found.IdeaTitle));
    }

    [HttpPost("kommentarer/{id:int}/slett")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        switch (await comments.DeleteAsync(User.UserId(), id, ct))
        {
            case DeleteCommentOutcome.NotFound:
                return NotFound();
            case DeleteCommentOutcome.NotAuthor:
                return Forbid();
            default:
                TempData["Message"] = l["Comment.Deleted"].Value;
                return Redirect(IdeaPaths.Idea(found.Slug) + "#kommentarer");
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed record Found(Comment Comment, string Slug, string IdeaTitle);

    // Nothing more to it than a lookup of the comment and its idea's address: the DbContext directly.
    private async Task<Found?> FindAsync(int id, CancellationToken ct)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.DeletedAt == null)
            .Join(db.Ideas, c => c.IdeaId, i => i.Id, (c, i) => new { Comment = c, i.Title, i.Id })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new Found(row.Comment, Slugs.WithId(row.Title, row.Id), row.Title);
    }

    private ViewResult EditView(Found found, CommentForm form)
    {
        var left = found.Comment.CreatedAt + options.Value.EditWindow - Now;
        ViewData["Comment"] = new CommentEditModel(found.Comment.Id, found.Slug, found.IdeaTitle, Math.Max(0, (int)Math.Ceiling(left.TotalMinutes)));
        return View("EditComment", form);
    }
}
