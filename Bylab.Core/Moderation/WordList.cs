using System.Text.RegularExpressions;
using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

/// <summary>
/// One entry of the moderators' word list: a word or phrase (matched as whole words, ignoring case), or a regular
/// expression. New ideas and comments that match are held for review (<see cref="ModerationTransitions.Hold"/>).
/// </summary>
public class WordListEntry
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public string Text { get; set; } = "";
    /// <summary>A regular expression (run without backtracking, so no pattern can hang a request), not a plain word.</summary>
    public bool IsPattern { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
}

public enum WordListOutcome { Done, InvalidInput, AlreadyThere, NotFound }

/// <summary>
/// Matching and maintaining the word list. Patterns run with <see cref="RegexOptions.NonBacktracking"/> (linear in the
/// text's length whatever the pattern: no ReDoS) and a match timeout besides; constructs that need backtracking
/// (back-references, look-arounds) are refused when the pattern is added.
/// </summary>
public sealed class WordList(BylabDbContext db, AuditLog audit, TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public Task<List<WordListEntry>> EntriesAsync(CancellationToken ct = default) =>
        db.WordListEntries.AsNoTracking().OrderBy(e => e.Text).ToListAsync(ct);

    /// <summary>The first entry that any of the texts matches, or null. Called while an idea or comment is saved.</summary>
    public async Task<WordListEntry?> MatchAsync(IEnumerable<string?> texts, CancellationToken ct = default)
    {
        var entries = await db.WordListEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var all = texts.Where(t => !string.IsNullOrEmpty(t)).ToList();
        return entries.FirstOrDefault(e => all.Any(t => Matches(e, t!)));
    }

    /// <summary>Whether the text matches the entry. A pattern that runs out of time counts as a match: held, a person looks.</summary>
    public static bool Matches(WordListEntry entry, string text)
    {
        if (!entry.IsPattern)
        {
            return ContainsWord(text, entry.Text);
        }
        try
        {
            return Regex.IsMatch(text, entry.Text, Options, Timeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The word or phrase as a whole word, ignoring case: «spam» holds «Spam!» but not «spammer» (add a pattern for that).</summary>
    internal static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The one rule of an entry, shared with the form's validator.</summary>
    public static bool IsValid(string? text, bool isPattern)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > WordListEntry.TextMaxLength || !TextRule.IsPlainText(text) || text.Contains('\n'))
        {
            return false;
        }
        if (!isPattern)
        {
            return true;
        }
        try
        {
            _ = new Regex(text.Trim(), Options, Timeout);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    public async Task<WordListOutcome> AddAsync(Actor moderator, string? text, bool isPattern, CancellationToken ct = default)
    {
        if (!IsValid(text, isPattern))
        {
            return WordListOutcome.InvalidInput;
        }
        var clean = text!.Trim();
        if (await db.WordListEntries.AnyAsync(e => e.Text == clean && e.IsPattern == isPattern, ct))
        {
            return WordListOutcome.AlreadyThere;
        }
        db.WordListEntries.Add(new WordListEntry { Text = clean, IsPattern = isPattern, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedById = moderator.UserId });
        audit.Add(moderator, ModerationAuditActions.WordListAdded, "word-list", null, (isPattern ? "pattern: " : "word: ") + clean);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
        {
            return WordListOutcome.AlreadyThere;
        }
        return WordListOutcome.Done;
    }

    public async Task<WordListOutcome> RemoveAsync(Actor moderator, int id, CancellationToken ct = default)
    {
        var entry = await db.WordListEntries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return WordListOutcome.NotFound;
        }
        db.WordListEntries.Remove(entry);
        audit.Add(moderator, ModerationAuditActions.WordListRemoved, "word-list", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (entry.IsPattern ? "pattern: " : "word: ") + entry.Text);
        await db.SaveChangesAsync(ct);
        return WordListOutcome.Done;
    }

    /// <summary>
    /// In the saving transaction: holds a new (or edited) visible item whose text matches. Returns the entry that matched
    /// (the caller then calls <see cref="RecordHeld"/> once the item has its id), or null.
    /// </summary>
    public async Task<WordListEntry?> HoldIfMatchedAsync(IModerated item, IEnumerable<string?> texts, CancellationToken ct)
    {
        if (item.ModerationState != ModerationState.Visible || await MatchAsync(texts, ct) is not { } entry)
        {
            return null;
        }
        item.Hold(ModerationReason.Other, time.GetUtcNow().UtcDateTime);
        return entry;
    }

    /// <summary>
    /// Once the held item has its id: the audit entry the transparency page counts as «held by the word list», and the
    /// statement of reasons owed to its author (sent by the background round). Saved with the caller's next SaveChanges.
    /// </summary>
    public void RecordHeld(ContentKind kind, int id, string? authorId, IModerated item, WordListEntry entry)
    {
        audit.Add(AuditLog.System, ModerationAuditActions.HeldByWordList, kind.ToString().ToLowerInvariant(), id,
            $"{ModerationReason.Other}; word list entry {entry.Id}");
        ModerationNoticeDispatcher.Owe(db, kind, id, authorId, item);
    }
}
