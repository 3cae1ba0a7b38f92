using Bylab.Core.Auditing;
using Bylab.Core.Connect;
using Bylab.Web.Features.Connect;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Connect;

/// <summary>
/// Admins register the services that sign people in with Bylab (OpenID Connect clients). A confidential client's
/// secret is shown once, in the answer to the post that made it (never stored in a cookie or in TempData).
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/klienter")]
public sealed class ClientsController(ClientAdminService clients, AuditLog audit, IStringLocalizer<ConnectResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await clients.ListAsync(ct));

    [HttpGet("ny")]
    public IActionResult Create() => View("Edit", new ClientForm());

    [HttpPost("ny")]
    public async Task<IActionResult> Create(ClientForm form, [FromServices] IValidator<ClientForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View("Edit", form);
        }
        var result = await clients.CreateAsync(form.ToInput(), await ActorAsync(ct), ct);
        if (result.Outcome != ClientOutcome.Saved)
        {
            ClientMessages.AddTo(ModelState, result.Errors ?? [], l);
            return View("Edit", form);
        }
        return Saved(result, form.ClientId!, "Client.Created");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct) =>
        await clients.FindAsync(id, ct) is { } client ? View(ClientForm.From(client)) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, ClientForm form, [FromServices] IValidator<ClientForm> validator, CancellationToken ct)
    {
        if (await clients.FindAsync(id, ct) is not { } stored)
        {
            return NotFound();
        }
        form.Id = id;
        form.ClientId = stored.Input.ClientId;
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var result = await clients.UpdateAsync(id, form.ToInput(), await ActorAsync(ct), ct);
        if (result.Outcome == ClientOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome != ClientOutcome.Saved)
        {
            ClientMessages.AddTo(ModelState, result.Errors ?? [], l);
            return View(form);
        }
        return Saved(result, stored.Input.ClientId, "Client.Saved");
    }

    [HttpPost("{id}/ny-hemmelighet")]
    public async Task<IActionResult> RegenerateSecret(string id, CancellationToken ct)
    {
        var result = await clients.RegenerateSecretAsync(id, await ActorAsync(ct), ct);
        return result.Outcome == ClientOutcome.Saved
            ? View("Secret", new ClientSecretModel(id, (await clients.FindAsync(id, ct))!.Input.ClientId, result.Secret!))
            : NotFound();
    }

    /// <summary>A new secret is shown now, once; otherwise back to the form with a message.</summary>
    private IActionResult Saved(ClientResult result, string clientId, string message)
    {
        if (result.Secret is not null)
        {
            return View("Secret", new ClientSecretModel(result.Id!, clientId, result.Secret));
        }
        TempData["Message"] = l[message].Value;
        return RedirectToAction(nameof(Edit), new { id = result.Id });
    }

    private Task<Actor> ActorAsync(CancellationToken ct) => audit.ActorAsync(Bylab.Web.Features.Ideas.IdeaPaths.UserId(User), ct);
}
