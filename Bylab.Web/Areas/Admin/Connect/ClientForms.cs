using Bylab.Core.Connect;
using Bylab.Web.Features.Connect;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Connect;

/// <summary>The client form: addresses one a line, scopes as checkboxes.</summary>
public sealed class ClientForm
{
    public string? ClientId { get; set; }
    public string? DisplayName { get; set; }
    public string? RedirectUris { get; set; }
    public string? PostLogoutRedirectUris { get; set; }
    public List<string> Scopes { get; set; } = ["openid"];
    public bool Confidential { get; set; }

    /// <summary>Set when editing: the stored client's id (the client id itself cannot change).</summary>
    [BindNever] public string? Id { get; set; }

    public ClientInput ToInput() => new(ClientId ?? "", DisplayName ?? "", ClientRules.Lines(RedirectUris),
        ClientRules.Lines(PostLogoutRedirectUris), Scopes.Append("openid").ToList(), Confidential);

    public static ClientForm From(ClientDetails c) => new()
    {
        Id = c.Id, ClientId = c.Input.ClientId, DisplayName = c.Input.DisplayName,
        RedirectUris = string.Join("\n", c.Input.RedirectUris), PostLogoutRedirectUris = string.Join("\n", c.Input.PostLogoutRedirectUris),
        Scopes = [.. c.Input.Scopes], Confidential = c.Input.Confidential,
    };
}

/// <summary>Runs Core's <see cref="ClientRules"/>, as the service does, with the message on the field.</summary>
public sealed class ClientFormValidator : AbstractValidator<ClientForm>
{
    public ClientFormValidator(IStringLocalizer<ConnectResource> l) =>
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var error in ClientRules.Check(form.ToInput().Clean()))
            {
                context.AddFailure(error.Field, ClientMessages.For(l, error));
            }
        });
}

public static class ClientMessages
{
    public static string For(IStringLocalizer<ConnectResource> l, ClientError error) =>
        l[$"Client.Error.{error.Field}.{error.Code}", error.Value ?? ""].Value;

    public static void AddTo(ModelStateDictionary modelState, IEnumerable<ClientError> errors, IStringLocalizer<ConnectResource> l)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field, For(l, error));
        }
    }
}

/// <param name="Secret">Shown on this one page only: Bylab keeps just its hash.</param>
public sealed record ClientSecretModel(string Id, string ClientId, string Secret);
