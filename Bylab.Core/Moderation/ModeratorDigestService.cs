using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Moderation;

/// <summary>
/// The moderators' digest, run by the background round: new reports and held items since the last digest, at most once
/// per <see cref="ModerationOptions.DigestInterval"/>, one mail per moderator. The period's end is stored with the digest
/// rows, so a restarted process (or a second instance) finds the interval not yet over and gathers nothing; each row is
/// claimed with one conditional UPDATE before it is sent and marked after, so it goes out once.
/// </summary>
public sealed class ModeratorDigestService(
    BylabDbContext db, IModeratorDigestComposer composer, IEmailSender sender, TimeProvider time, IOptions<ModerationOptions> options,
    ILogger<ModeratorDigestService> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Makes this period's digests when the interval is over and there is news; returns how many were made.</summary>
    public async Task<int> GatherAsync(CancellationToken ct = default)
    {
        // The write lock first (BEGIN IMMEDIATE): two rounds cannot both find the interval over and both gather.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        var last = await db.ModeratorDigests.MaxAsync(d => (DateTime?)d.CoveredUntil, ct);
        if (last is { } l && now - l < options.Value.DigestInterval)
        {
            return 0;
        }
        var since = last ?? DateTime.MinValue;
        var newReports = await db.Reports.CountAsync(r => r.CreatedAt > since && r.CreatedAt <= now, ct);
        var newHeld = await db.AuditEntries.CountAsync(a => a.Action == ModerationAuditActions.HeldByWordList && a.At > since && a.At <= now, ct);
        if (newReports + newHeld == 0)
        {
            return 0;
        }
        var moderators = await (from u in db.Users
                                where u.Email != null && u.EmailConfirmed
                                      && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Moderator))
                                select u.Id).ToListAsync(ct);
        if (moderators.Count == 0)
        {
            return 0;
        }
        var waiting = await db.Reports.Where(r => r.DismissedAt == null).Select(r => new { r.ItemKind, r.ItemId }).Distinct().CountAsync(ct)
            + await db.Ideas.CountAsync(i => i.ModerationState == ModerationState.Held, ct)
            + await db.Comments.CountAsync(c => c.ModerationState == ModerationState.Held, ct);
        db.ModeratorDigests.AddRange(moderators.Select(id => new ModeratorDigest
        {
            RecipientId = id, CoveredFrom = last, CoveredUntil = now, NewReports = newReports, NewHeld = newHeld, ItemsWaiting = waiting,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
        {
            // Cannot happen while the write lock serialises rounds; the unique index is the real guarantee.
            return 0;
        }
        await tx.CommitAsync(ct);
        return moderators.Count;
    }

    /// <summary>Sends every unsent digest nobody else is sending; returns how many went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var now = Now;
        var ids = await db.ModeratorDigests.AsNoTracking()
            .Where(d => d.SentAt == null && d.Attempts < MaxAttempts && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            sent += await SendAsync(id, ct) ? 1 : 0;
        }
        return sent;
    }

    private async Task<bool> SendAsync(int id, CancellationToken ct)
    {
        var now = Now;
        var claimed = await db.ModeratorDigests
            .Where(d => d.Id == id && d.SentAt == null && d.Attempts < MaxAttempts && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + ClaimDuration).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
        if (claimed != 1)
        {
            return false;
        }
        try
        {
            var digest = await db.ModeratorDigests.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            var to = await db.Users.AsNoTracking().Where(u => u.Id == digest.RecipientId)
                .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
            if (to?.Email is not null)
            {
                await sender.SendAsync(composer.Compose(new ModeratorDigestMail(to.Email, to.DisplayName, to.PreferredCulture,
                    digest.NewReports, digest.NewHeld, digest.ItemsWaiting, digest.CoveredFrom)), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Moderator digest {Id} failed; will retry", id);
            await db.ModeratorDigests.Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, Now + TimeSpan.FromMinutes(5)), CancellationToken.None);
            return false;
        }
        // The mail is out: the mark must be written if at all possible.
        await db.ModeratorDigests.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, Now).SetProperty(d => d.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }
}
