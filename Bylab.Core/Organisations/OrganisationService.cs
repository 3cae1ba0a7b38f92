using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Organisations;

public enum OrganisationOutcome { Saved, InvalidInput, NotFound, NameTaken, NoSuchAccount, NotAnOrganiser, AlreadyMember, NotMember }

public sealed record OrganisationResult(OrganisationOutcome Outcome, int? OrganisationId = null, IReadOnlyList<FieldError>? Errors = null);

/// <summary>A member as the organisation page lists them.</summary>
public sealed record OrganisationMemberView(string UserId, string DisplayName, string Email, DateTime AddedAt);

public sealed record OrganisationListItem(int Id, string Name, string ContactName, string ContactEmail, int? MonthlyQuotaHours, bool IsMunicipality,
    bool IsActive, int Members);

/// <summary>
/// Staff register the organisations that may borrow the venue and who acts for them. Members must hold the Organiser
/// role (or be staff): the role opens /arrangor, the membership says for whom. Audited.
/// </summary>
public sealed class OrganisationService(BylabDbContext db, TimeProvider time, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<OrganisationListItem>> ListAsync(CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().OrderByDescending(o => o.IsActive).ThenBy(o => o.Name)
            .Select(o => new OrganisationListItem(o.Id, o.Name, o.ContactName, o.ContactEmail, o.MonthlyQuotaHours, o.IsMunicipality, o.IsActive,
                o.Members.Count))
            .ToListAsync(ct);

    public Task<Organisation?> FindAsync(int id, CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>The active organisations <paramref name="userId"/> may act for, by name.</summary>
    public Task<List<Organisation>> ForMemberAsync(string userId, CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Members.Any(m => m.UserId == userId)).OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>Every active organisation, for staff who act for all of them.</summary>
    public Task<List<Organisation>> ActiveAsync(CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).ToListAsync(ct);

    public Task<bool> IsMemberAsync(string userId, int organisationId, CancellationToken ct = default) =>
        db.OrganisationMembers.AnyAsync(m => m.UserId == userId && m.OrganisationId == organisationId, ct);

    public Task<List<OrganisationMemberView>> MembersAsync(int organisationId, CancellationToken ct = default) =>
        (from m in db.OrganisationMembers
         join u in db.Users on m.UserId equals u.Id
         where m.OrganisationId == organisationId
         orderby u.DisplayName
         select new OrganisationMemberView(u.Id, u.DisplayName, u.Email ?? "", m.AddedAt)).ToListAsync(ct);

    public async Task<OrganisationResult> CreateAsync(OrganisationInput input, string actorId, CancellationToken ct = default)
    {
        var clean = input.Clean();
        if (await GuardAsync(clean, null, ct) is { } refused)
        {
            return refused;
        }
        var organisation = new Organisation { CreatedAt = Now };
        organisation.Edit(clean, Now);
        organisation.UpdatedAt = null;
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        audit.Add(await audit.ActorAsync(actorId, ct), OrganisationAuditActions.Created, "organisation", organisation.Id, organisation.Name);
        await db.SaveChangesAsync(ct);
        return new OrganisationResult(OrganisationOutcome.Saved, organisation.Id);
    }

    /// <summary>Saves the form; events not yet over take the new name (it is shown as their organiser).</summary>
    public async Task<OrganisationResult> UpdateAsync(int id, OrganisationInput input, string actorId, CancellationToken ct = default)
    {
        var clean = input.Clean();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return new OrganisationResult(OrganisationOutcome.NotFound);
        }
        if (await GuardAsync(clean, id, ct) is { } refused)
        {
            return refused;
        }
        var renamed = organisation.Name != clean.Name;
        organisation.Edit(clean, Now);
        if (renamed)
        {
            var now = Now;
            await db.Events.Where(e => e.OrganisationId == id && e.EndsAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrganiserName, clean.Name), ct);
        }
        audit.Add(await audit.ActorAsync(actorId, ct), OrganisationAuditActions.Updated, "organisation", id, organisation.Name);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new OrganisationResult(OrganisationOutcome.Saved, id);
    }

    /// <summary>Adds the account with this e-mail address; it must hold the Organiser role or be staff.</summary>
    public async Task<OrganisationOutcome> AddMemberAsync(int organisationId, string email, string actorId, CancellationToken ct = default)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            return OrganisationOutcome.NotFound;
        }
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            return OrganisationOutcome.NoSuchAccount;
        }
        string[] allowed = [Roles.Organiser, Roles.Staff, Roles.Admin];
        var mayAct = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ur.UserId == user.Id && allowed.Contains(r.Name!)
                            select ur).AnyAsync(ct);
        if (!mayAct)
        {
            return OrganisationOutcome.NotAnOrganiser;
        }
        if (await IsMemberAsync(user.Id, organisationId, ct))
        {
            return OrganisationOutcome.AlreadyMember;
        }
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = user.Id, AddedAt = Now });
        audit.Add(await audit.ActorAsync(actorId, ct), OrganisationAuditActions.MemberAdded, "organisation", organisationId,
            $"{user.DisplayName} ({user.Id})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two staff adding the same person at once: the primary key keeps one row.
            return OrganisationOutcome.AlreadyMember;
        }
        return OrganisationOutcome.Saved;
    }

    public async Task<OrganisationOutcome> RemoveMemberAsync(int organisationId, string userId, string actorId, CancellationToken ct = default)
    {
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct);
        if (member is null)
        {
            return OrganisationOutcome.NotMember;
        }
        db.OrganisationMembers.Remove(member);
        audit.Add(await audit.ActorAsync(actorId, ct), OrganisationAuditActions.MemberRemoved, "organisation", organisationId, userId);
        await db.SaveChangesAsync(ct);
        return OrganisationOutcome.Saved;
    }

    private async Task<OrganisationResult?> GuardAsync(OrganisationInput input, int? id, CancellationToken ct)
    {
        var errors = OrganisationRules.Check(input).ToList();
        if (errors.Count == 0 && await db.Organisations.AnyAsync(o => o.Name == input.Name && o.Id != id, ct))
        {
            errors.Add(nameof(OrganisationInput.Name), "name-taken");
        }
        return errors.Count > 0 ? new OrganisationResult(OrganisationOutcome.InvalidInput, id, errors) : null;
    }
}

public static class OrganisationAuditActions
{
    public const string Created = "organisation.created";
    public const string Updated = "organisation.updated";
    public const string MemberAdded = "organisation.member.added";
    public const string MemberRemoved = "organisation.member.removed";
}
