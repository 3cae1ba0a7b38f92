namespace Bylab.Core.Ideas;

public enum ConsultationPhase
{
    Upcoming,
    OpenForIdeas,
    VotingOnly,
    Closed,
    Concluded,
}

/// <summary>
/// A question the municipality asks for a period (medvirkning / høring). The phase is never stored:
/// it follows from the dates at the moment asked, so nothing has to flip it at midnight.
/// </summary>
public class Consultation
{
    public const int TitleMaxLength = 140;
    public const int DescriptionMaxLength = 20_000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string DescriptionMarkdown { get; set; } = "";
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }

    /// <summary>UTC. Ideas and votes are taken from here.</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>UTC. From here only votes (and comments) are taken.</summary>
    public DateTime IdeasCloseAt { get; set; }

    /// <summary>UTC. From here nothing is taken.</summary>
    public DateTime ClosesAt { get; set; }

    /// <summary>UTC. Set by staff when the municipality has concluded; the consultation is then read-only for good.</summary>
    public DateTime? ConcludedAt { get; set; }

    /// <summary>Most votes one person may give in this consultation; null = <see cref="IdeaOptions.MaxVotesPerConsultation"/>.</summary>
    public int? MaxVotesPerPerson { get; set; }

    /// <summary>
    /// Only accounts verified with an eID (<see cref="Accounts.BylabUser.VerifiedAt"/>) may vote, as CONSUL asks for
    /// supports. The vote service says so; a trigger on Votes holds it for every other path.
    /// </summary>
    public bool RequiresVerifiedAccount { get; set; }

    public DateTime CreatedAt { get; set; }

    public ConsultationPhase PhaseAt(DateTime utcNow) =>
        ConcludedAt.HasValue ? ConsultationPhase.Concluded
        : utcNow < OpensAt ? ConsultationPhase.Upcoming
        : utcNow < IdeasCloseAt ? ConsultationPhase.OpenForIdeas
        : utcNow < ClosesAt ? ConsultationPhase.VotingOnly
        : ConsultationPhase.Closed;

    public bool AcceptsIdeasAt(DateTime utcNow) => PhaseAt(utcNow) == ConsultationPhase.OpenForIdeas;

    public bool AcceptsVotesAt(DateTime utcNow) => PhaseAt(utcNow) is ConsultationPhase.OpenForIdeas or ConsultationPhase.VotingOnly;

    public bool AcceptsCommentsAt(DateTime utcNow) => AcceptsVotesAt(utcNow);

    public static bool DatesAreInOrder(DateTime opensAt, DateTime ideasCloseAt, DateTime closesAt) =>
        opensAt <= ideasCloseAt && ideasCloseAt <= closesAt && opensAt < closesAt;
}
