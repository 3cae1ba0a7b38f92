using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>Everything Bylab keeps about one person, as they download it (GDPR art. 15 and 20).</summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    PersonalProfile Profile,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ExportedAuditEntry> AdministrativeActions,
    IReadOnlyList<ExportedIdea> Ideas,
    IReadOnlyList<ExportedComment> Comments,
    IReadOnlyList<ExportedVote> Votes,
    IReadOnlyList<ExportedFollow> Follows,
    IReadOnlyList<ExportedRegistration> EventRegistrations);

public sealed record PersonalProfile(string Id, string DisplayName, string Email, bool EmailConfirmed, string PreferredCulture,
    bool TwoFactorEnabled, DateTime CreatedAt, DateTime? LastLoginAt, string? AgeGroup = null, string? MunicipalityPart = null,
    DateTime? DemographicsConsentedAt = null, DateTime? VerifiedAt = null, string? VerifiedBy = null);

public sealed record ExportedAuditEntry(DateTime At, string Action, string? Details, bool PerformedByYou);

public sealed record ExportedIdea(int Id, string ConsultationTitle, string ThemeTitle, string Title, string BodyMarkdown, string? PlaceName,
    IReadOnlyList<string> Principles, IReadOnlyList<int> Goals, string Status, DateTime CreatedAt, DateTime? EditedAt, DateTime? WithdrawnAt);

public sealed record ExportedComment(int Id, int IdeaId, string IdeaTitle, int? ParentId, string BodyMarkdown, DateTime CreatedAt,
    DateTime? EditedAt, DateTime? DeletedAt);

public sealed record ExportedVote(int IdeaId, string IdeaTitle, DateTime CreatedAt);

public sealed record ExportedFollow(int IdeaId, string IdeaTitle, DateTime CreatedAt);

public sealed record ExportedRegistration(int EventId, string EventTitle, DateTime EventStartsAt, string Status, string Name, string Email,
    int Companions, string? Needs, string? Answer, DateTime CreatedAt, DateTime? CancelledAt, DateTime? CheckedInAt);

/// <summary>What a person does with their own account beyond what Identity offers.</summary>
public enum ChangeEmailOutcome { Changed, Taken, InvalidLink }

public sealed class AccountService(
    BylabDbContext db, UserManager<BylabUser> users, AuditLog audit, TimeProvider time, IEnumerable<IAccountDeletionStep> deletionSteps)
{
    public async Task<PersonalDataExport?> ExportAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        var auditRows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == userId || (a.TargetType == "user" && a.TargetId == userId))
            .OrderBy(a => a.At)
            .Select(a => new ExportedAuditEntry(a.At, a.Action, a.Details, a.ActorId == userId))
            .ToListAsync(ct);
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.AuthorId == userId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new ExportedIdea(i.Id, i.Consultation!.Title, i.Theme!.Title, i.Title, i.BodyMarkdown, i.PlaceName,
                i.Principles.Select(p => p.Code).ToList(), i.Goals.OrderBy(g => g.Number).Select(g => g.Number).ToList(),
                i.Status.ToString(), i.CreatedAt, i.EditedAt, i.WithdrawnAt))
            .ToListAsync(ct);
        var comments = await (
                from c in db.Comments.AsNoTracking()
                where c.AuthorId == userId
                join i in db.Ideas on c.IdeaId equals i.Id
                orderby c.CreatedAt
                select new ExportedComment(c.Id, c.IdeaId, i.Title, c.ParentId, c.BodyMarkdown, c.CreatedAt, c.EditedAt, c.DeletedAt))
            .ToListAsync(ct);
        var votes = await (
                from v in db.Votes.AsNoTracking()
                where v.UserId == userId
                join i in db.Ideas on v.IdeaId equals i.Id
                orderby v.CreatedAt
                select new ExportedVote(v.IdeaId, i.Title, v.CreatedAt))
            .ToListAsync(ct);
        var follows = await (
                from f in db.IdeaFollowers.AsNoTracking()
                where f.UserId == userId
                join i in db.Ideas on f.IdeaId equals i.Id
                orderby f.CreatedAt
                select new ExportedFollow(f.IdeaId, i.Title, f.CreatedAt))
            .ToListAsync(ct);
        // Guest sign-ups made with the account's confirmed address are the person's data too.
        var registrations = await db.Registrations.AsNoTracking()
            .OfAccount(user.Id, user.EmailConfirmed ? user.Email : null)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new ExportedRegistration(r.EventId, r.Event!.Title, r.Event.StartsAt, r.Status.ToString(), r.Name, r.Email,
                r.Companions, r.Needs, r.Answer, r.CreatedAt, r.CancelledAt, r.CheckedInAt))
            .ToListAsync(ct);
        return new PersonalDataExport(
            time.GetUtcNow().UtcDateTime,
            new PersonalProfile(user.Id, user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.PreferredCulture,
                user.TwoFactorEnabled, user.CreatedAt, user.LastLoginAt, user.AgeGroup?.ToString(), user.MunicipalityPart?.ToString(),
                user.DemographicsConsentedAt, user.VerifiedAt, user.VerifiedBy),
            roles.OrderBy(r => r).ToList(),
            auditRows,
            ideas,
            comments,
            votes,
            follows,
            registrations);
    }

    /// <summary>
    /// Deletes the account and its personal data. What the person contributed stays, with the author
    /// removed (foreign keys to the user are set to null); the audit log keeps the id but loses the name.
    /// Ideas: ideas and comments stay with AuthorId null (shown as anonymous); votes stay, anonymous
    /// (UserId null), so a consultation's result and the vote counters do not change; follows are deleted.
    /// All of this is done by the foreign keys' ON DELETE rules (see IdeaConfigurations).
    /// Other features' data goes through their <see cref="IAccountDeletionStep"/> (event sign-ups – the account's, and
    /// guest sign-ups made with its confirmed address: those for events not yet started are cancelled, and every
    /// sign-up loses its name, e-mail and answers).
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditEntries.Where(a => a.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, (string?)null), ct);
        await db.AuditEntries.Where(a => a.TargetType == "user" && a.TargetId == userId && a.Details != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, (string?)null), ct);
        audit.Add(new Actor(userId, null), AuditActions.UserDeletedOwnAccount, "user", userId);
        await db.SaveChangesAsync(ct);
        foreach (var step in deletionSteps)
        {
            await step.ForgetAccountAsync(userId, ct);
        }
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The person followed the link sent to their new address. The token is bound to the account (its id and
    /// security stamp) and to the new address, so a link opened while signed in as someone else, or a changed
    /// link, is refused. In Bylab the user name is the e-mail address: both change together or not at all.
    /// </summary>
    public async Task<ChangeEmailOutcome> ChangeEmailAsync(BylabUser user, string email, string token, CancellationToken ct = default)
    {
        if (await users.FindByEmailAsync(email) is { } owner && owner.Id != user.Id)
        {
            return ChangeEmailOutcome.Taken;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangeEmailAsync(user, email, token);
        if (result.Succeeded)
        {
            result = await users.SetUserNameAsync(user, email);
        }
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? ChangeEmailOutcome.Taken
                : ChangeEmailOutcome.InvalidLink;
        }
        await tx.CommitAsync(ct);
        return ChangeEmailOutcome.Changed;
    }
}
