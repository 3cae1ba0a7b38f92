using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Bylab.Web;

/// <summary>
/// The Bylab venue record: its address, opening hours and contact details are what the footer, the front page and the
/// «blocked account» page show, so whom to contact is changed in one place (the venue), in every language at once.
/// Read on nearly every page, so kept in memory for a minute.
/// </summary>
public sealed class SiteVenue(BylabDbContext db, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    public Task<Core.Venue.Venue?> GetAsync() =>
        cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Venues.AsNoTracking().Include(v => v.OpeningHours)
                .FirstOrDefaultAsync(v => v.Slug == Core.Venue.Venue.BylabSlug);
        });
}
