using Bylab.Core.Data;
using Bylab.Core.Email;

namespace Bylab.Tests.Core;

public sealed class OptionsValidationTests
{
    private static IReadOnlyList<string> Failures(EmailOptions o, string environment = "Development") =>
        new EmailOptionsValidator(new Environment(environment)).Validate(null, o).Failures?.ToList() ?? [];

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Bylab.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    [Fact]
    public void OutsideDevelopmentMailNeedsSmtpOrAnExplicitOutbox()
    {
        var failure = Assert.Single(Failures(new EmailOptions(), "Production"));
        Assert.Contains("Bylab:Email:Smtp:Host", failure);
        Assert.Contains("Bylab:Email:UseOutbox", failure);
        Assert.Empty(Failures(new EmailOptions { UseOutbox = true }, "Production"));
        Assert.Empty(Failures(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.hamar.kommune.no" } }, "Production"));
        Assert.Contains("OutboxRetentionHours", Assert.Single(Failures(new EmailOptions { OutboxRetentionHours = 0 })));
    }

    private static IReadOnlyList<string> Failures(DatabaseOptions o) =>
        new DatabaseOptionsValidator().Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void DefaultsAreValid()
    {
        Assert.Empty(Failures(new EmailOptions()));
        Assert.Empty(Failures(new DatabaseOptions()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void BadSmtpPortNamesTheSetting(int port)
    {
        var failure = Assert.Single(Failures(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example", Port = port } }));
        Assert.StartsWith("Bylab:Email:Smtp:Port", failure);
        Assert.Contains(port.ToString(), failure);
    }

    [Fact]
    public void PortIsNotCheckedWithoutSmtpHost() =>
        Assert.Empty(Failures(new EmailOptions { Smtp = new SmtpOptions { Port = 0 } }));

    [Fact]
    public void EveryBadEmailSettingIsNamed()
    {
        var failures = Failures(new EmailOptions
        {
            From = "ikke en adresse",
            Smtp = new SmtpOptions { Host = "smtp.example", Security = "Kanskje", UserName = "bylab" },
        });
        Assert.Contains(failures, f => f.StartsWith("Bylab:Email:From"));
        Assert.Contains(failures, f => f.StartsWith("Bylab:Email:Smtp:Security"));
        Assert.Contains(failures, f => f.StartsWith("Bylab:Email:Smtp:Password"));
        Assert.Equal(3, failures.Count);
    }

    [Fact]
    public void BadDatabaseSettingsAreNamed()
    {
        var failures = Failures(new DatabaseOptions { DataFolder = " ", FileName = "data/bylab.db" });
        Assert.Contains(failures, f => f.StartsWith("Bylab:Database:DataFolder"));
        Assert.Contains(failures, f => f.StartsWith("Bylab:Database:FileName") && f.Contains("data/bylab.db"));
    }

    [Fact]
    public void ConnectionStringOverridesFileSettings() =>
        Assert.Empty(Failures(new DatabaseOptions { ConnectionString = "Data Source=x.db", DataFolder = "", FileName = "" }));
}
