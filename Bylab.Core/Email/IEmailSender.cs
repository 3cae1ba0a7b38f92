namespace Bylab.Core.Email;

/// <summary>Sends e-mail: through SMTP when it is configured, otherwise into the development outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
