namespace Bylab.Core.Ideas;

/// <summary>
/// One person's vote for one idea; UNIQUE(IdeaId, UserId) is the guarantee of one vote per person.
/// When an account is deleted its votes stay, anonymous (UserId set to null): the result of a
/// consultation does not change because someone leaves, and a vote without a person is not personal data.
/// </summary>
public class Vote
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public string? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A person who wants an e-mail when the idea gets an official answer. Deleted with the account.</summary>
public class IdeaFollower
{
    public int IdeaId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
