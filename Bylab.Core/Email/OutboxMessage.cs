namespace Bylab.Core.Email;

/// <summary>A message kept in the development outbox instead of being sent (see <see cref="OutboxEmailSender"/>).</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

public class OutboxAttachment
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
