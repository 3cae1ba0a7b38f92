using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Bookings;

/// <summary>
/// Sends queued <see cref="BookingNotification"/>s to whoever asked for the booking (in their language), and to the
/// organisation's contact when that is someone else. At least once: a row is claimed with one conditional UPDATE,
/// marked sent after the mail server took it, and retried later when sending failed; each recipient is recorded as
/// their mail goes, so a retry sends only to those still owed it. The dates of a series approved
/// in one go are one mail.
/// </summary>
public sealed class BookingNotificationDispatcher(
    BylabDbContext db, IBookingMailComposer composer, IEmailSender sender, IDoorLock doors, TimeProvider time,
    ILogger<BookingNotificationDispatcher> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sends every unsent notification nobody else is sending; how many mails went out.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken ct = default)
    {
        var now = Now;
        var ids = await db.BookingNotifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Id).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            sent += await DeliverAsync(id, ct);
        }
        return sent;
    }

    private async Task<int> DeliverAsync(int id, CancellationToken ct)
    {
        var now = Now;
        if (await ClaimAsync(db.BookingNotifications.Where(n => n.Id == id), now, ct) != 1)
        {
            return 0;
        }
        var first = await db.BookingNotifications.AsNoTracking().Include(n => n.Booking).SingleAsync(n => n.Id == id, ct);
        var group = new List<int> { id };
        if (first.Kind == BookingNotificationKind.Approved && first.Booking!.SeriesId is { } seriesId)
        {
            // The other dates of the series approved in the same decision go in the same mail.
            var siblings = db.BookingNotifications.Where(n => n.Id != id && n.Kind == BookingNotificationKind.Approved && n.CreatedAt == first.CreatedAt
                && n.Booking!.SeriesId == seriesId && n.SentAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now));
            var candidates = await siblings.Select(n => n.Id).ToListAsync(ct);
            await ClaimAsync(db.BookingNotifications.Where(n => candidates.Contains(n.Id) && n.SentAt == null
                && (n.ClaimedUntil == null || n.ClaimedUntil < now)), now, ct);
            group.AddRange(await db.BookingNotifications.AsNoTracking()
                .Where(n => candidates.Contains(n.Id) && n.ClaimedUntil == now + ClaimDuration && n.SentAt == null).Select(n => n.Id).ToListAsync(ct));
        }
        try
        {
            var sentMails = await SendAsync(first, group, ct);
            await MarkAsync(group, sentMails ? null : "Skipped: nobody to tell", CancellationToken.None);
            return sentMails ? 1 : 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var retryAt = Now + TimeSpan.FromMinutes(Math.Min(60, (first.Attempts + 1) * (first.Attempts + 1)));
            await db.BookingNotifications.Where(n => group.Contains(n.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LastError, (e.GetType().Name + ": " + e.Message).Length > 1000 ? (e.GetType().Name + ": " + e.Message)[..1000] : e.GetType().Name + ": " + e.Message)
                .SetProperty(n => n.ClaimedUntil, retryAt), CancellationToken.None);
            logger.LogWarning(e, "Booking notification {Id} ({Kind}) failed; will retry", id, first.Kind);
            return 0;
        }
    }

    /// <summary>Composes and sends the mail to the requester and, if another address, the organisation's contact. False when there is nobody to tell.</summary>
    private async Task<bool> SendAsync(BookingNotification first, IReadOnlyList<int> group, CancellationToken ct)
    {
        var bookingIds = await db.BookingNotifications.AsNoTracking().Where(n => group.Contains(n.Id)).Select(n => n.BookingId).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Space!).ThenInclude(s => s.Venue).Include(b => b.Organisation)
            .Where(b => bookingIds.Contains(b.Id)).OrderBy(b => b.StartsAt).ToListAsync(ct);
        var items = new List<BookingMailItem>();
        foreach (var b in bookings)
        {
            var code = b.Status == BookingStatus.Approved ? await doors.ForBookingAsync(b.Id, ct) : null;
            items.Add(new BookingMailItem(b, b.Space!.Venue!, b.Space, b.Organisation!.Name, code));
        }
        var recipients = await RecipientsAsync(bookings[0], ct);
        // Each address is marked as soon as the mail server took its mail: a retry after a later one failed sends only
        // what is still owed (the requester does not get the approval and its door code twice).
        var sentTo = (first.SentTo ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var recipient in recipients.Where(r => !sentTo.Contains(r.Email, StringComparer.OrdinalIgnoreCase)))
        {
            await sender.SendAsync(composer.Compose(first.Kind, items, recipient, first.Message), ct);
            sentTo.Add(recipient.Email);
            var value = string.Join('\n', sentTo);
            await db.BookingNotifications.Where(n => group.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SentTo, value), CancellationToken.None);
        }
        return recipients.Count > 0;
    }

    private async Task<List<BookingRecipient>> RecipientsAsync(Booking booking, CancellationToken ct)
    {
        var list = new List<BookingRecipient>();
        if (booking.RequestedById is { } userId
            && await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct)
                is { Email: { Length: > 0 } email } user)
        {
            list.Add(new BookingRecipient(email, user.DisplayName, user.PreferredCulture));
        }
        var contact = booking.Organisation!;
        if (!string.IsNullOrWhiteSpace(contact.ContactEmail) && !list.Any(r => string.Equals(r.Email, contact.ContactEmail, StringComparison.OrdinalIgnoreCase)))
        {
            list.Add(new BookingRecipient(contact.ContactEmail, contact.ContactName, "nb"));
        }
        return list;
    }

    private static Task<int> ClaimAsync(IQueryable<BookingNotification> rows, DateTime now, CancellationToken ct) =>
        rows.Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, now + ClaimDuration).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);

    private Task MarkAsync(IReadOnlyList<int> ids, string? note, CancellationToken ct) =>
        db.BookingNotifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.SentAt, Now).SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.LastError, note), ct);
}
