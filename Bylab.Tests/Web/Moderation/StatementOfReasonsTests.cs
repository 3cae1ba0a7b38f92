using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// The statement of reasons an author gets when reports hide their item, as the site writes it: in the author's own
/// language, saying what was hidden, when, that it was automatic, on what ground, and how to ask for a review; with an
/// absolute link from the site's public address.
/// </summary>
public sealed class StatementOfReasonsTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Theory]
    [InlineData("nb", "Innholdet ditt på Bylab er skjult", "ble skjult automatisk", "Grunn: Personopplysninger om andre.", "be om en ny vurdering")]
    [InlineData("nn", "Innhaldet ditt på Bylab er skjult", "vart skjult automatisk", "Grunn: Personopplysningar om andre.", "be om ei ny vurdering")]
    [InlineData("en", "Your content on Bylab has been hidden", "was hidden automatically", "Reason: Personal information about others.", "ask for a new review")]
    public async Task ReportsPastTheThresholdMailTheAuthorOnceInTheirLanguage(string culture, string subject, string what, string ground, string review)
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Grunngiving"));
        var author = await factory.Users.CitizenAsync("forfatter", culture);
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, "Om naboen min i Grønnegata");
        var reporters = await factory.Users.CreateManyAsync(3, "melder");
        foreach (var (r, n) in reporters.Select((r, n) => (r, n)))
        {
            await factory.Moderation.ReportAsync(r.Id, ContentKind.Idea, idea.Id, n == 0 ? ModerationReason.Spam : ModerationReason.PersonalInformation);
        }

        var mail = Assert.Single(await factory.OutboxForAsync(author.Email!));
        Assert.Equal(subject, mail.Subject);
        Assert.Contains("«Om naboen min i Grønnegata»", mail.TextBody);
        Assert.Contains(what, mail.TextBody);
        Assert.Contains(ground, mail.TextBody);
        Assert.Contains(review, mail.TextBody);
        // The review is asked for on the statement page, not by replying to the mail.
        Assert.Contains($"http://localhost/moderering/ide/{idea.Id}", mail.TextBody);
        Assert.Contains($"http://localhost/ideer/{idea.Id}", mail.TextBody);
    }
}
