using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Email;

public sealed class EmailOptions
{
    public const string Section = "Bylab:Email";

    /// <summary>The sender address on every message.</summary>
    public string From { get; set; } = "bylab@hamar.kommune.no";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Bylab Hamar";

    /// <summary>SMTP settings; with no host, messages go to the development outbox at /admin/outbox.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Keep mail in the database outbox instead of sending it, outside Development: only for a test installation,
    /// and only when an operator says so. Without it (and without an SMTP host) the site refuses to start there.
    /// </summary>
    public bool UseOutbox { get; set; }

    /// <summary>Messages in the outbox are deleted this many hours after they were written.</summary>
    public int OutboxRetentionHours { get; set; } = 72;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    /// <summary>SMTP server; leave empty to use the development outbox.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (587 for STARTTLS, 465 for TLS on connect, 25 for a local relay).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Auto, StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>User name for SMTP authentication; empty for none. The password belongs in user secrets or the environment.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}

public sealed class EmailOptionsValidator(IHostEnvironment env) : IValidateOptions<EmailOptions>
{
    private static readonly string[] SecurityModes = ["Auto", "StartTls", "SslOnConnect", "None"];

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!System.Net.Mail.MailAddress.TryCreate(options.From, out _))
        {
            failures.Add($"{EmailOptions.Section}:From must be an e-mail address (was '{options.From}').");
        }
        if (!options.UsesSmtp && !options.UseOutbox && !env.IsDevelopment())
        {
            // The outbox is readable by staff and is no mail server: it must never stand in for SMTP unnoticed.
            failures.Add($"{EmailOptions.Section}:Smtp:Host is not set, so no e-mail would be sent. Set {EmailOptions.Section}:Smtp:Host, "
                + $"or set {EmailOptions.Section}:UseOutbox=true to keep mail in the database outbox instead (a test installation only).");
        }
        if (options.OutboxRetentionHours < 1)
        {
            failures.Add($"{EmailOptions.Section}:OutboxRetentionHours must be at least 1 (was {options.OutboxRetentionHours}).");
        }
        if (options.UsesSmtp)
        {
            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Port must be between 1 and 65535 (was {options.Smtp.Port}).");
            }
            if (!SecurityModes.Contains(options.Smtp.Security, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Security must be one of {string.Join(", ", SecurityModes)} (was '{options.Smtp.Security}').");
            }
            if (!string.IsNullOrEmpty(options.Smtp.UserName) && string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Password is required when {EmailOptions.Section}:Smtp:UserName is set.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
